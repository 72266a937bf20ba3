"""Tests for core.gradcheck: §1.12 difference quotients, §1.13 grad check, §1.14 pitfalls."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from core import gradcheck as gc
from core.network import ACTIVATIONS, backward_propagation, forward_propagation

PENALTY_CASES = [(0.0, "l2"), (0.7, "l2"), (0.7, "l1")]


def make_problem(dims, m, seed=0, l1_safe=False):
    """Random weights of moderate size (|w| ≥ 0.3/√n[l−1]), nonzero biases, X ~ N(0, 1)."""
    rng = np.random.default_rng(seed)
    params = {}
    for l in range(1, len(dims)):
        shape = (dims[l], dims[l - 1])
        sign = rng.choice([-1.0, 1.0], size=shape)
        params[f"W{l}"] = sign * rng.uniform(0.3, 1.0, size=shape) / np.sqrt(dims[l - 1])
        sign = rng.choice([-1.0, 1.0], size=(dims[l], 1))
        params[f"b{l}"] = sign * rng.uniform(0.1, 0.5, size=(dims[l], 1))
    X = rng.standard_normal((dims[0], m))
    Y = (rng.random((1, m)) < 0.5).astype(float)
    return params, X, Y


def well_conditioned(params, X, activation):
    """Away from ReLU kinks (|Z| > 1e-4) and from a saturated output (0.01 < a < 0.99)."""
    AL, caches = forward_propagation(X, params, activation)
    kinked = activation in ("relu", "leaky_relu")
    if kinked and min(np.abs(cache[2]).min() for cache in caches[:-1]) < 1e-4:
        return False
    return bool(np.all((AL > 0.01) & (AL < 0.99)))


# --- θ as a vector ------------------------------------------------------------------------


def test_params_to_vector_order_and_round_trip():
    params = {"W1": np.arange(6.0).reshape(3, 2), "b1": np.array([[10.0], [11.0], [12.0]]),
              "W2": np.array([[20.0, 21.0, 22.0]]), "b2": np.array([[30.0]])}
    theta, keys = gc.params_to_vector(params)
    assert keys == ["W1", "b1", "W2", "b2"]
    np.testing.assert_array_equal(theta, [0, 1, 2, 3, 4, 5, 10, 11, 12, 20, 21, 22, 30])
    back = gc.vector_to_params(theta, params)
    for key in params:
        np.testing.assert_array_equal(back[key], params[key])
    theta[0] = -1.0
    assert back["W1"][0, 0] == 0.0  # copies, not views
    theta[0] = 0.0
    grads = {f"d{k}": -v for k, v in params.items()}
    np.testing.assert_array_equal(gc.grads_to_vector(grads, params), -theta)
    names = gc.parameter_names(params)
    assert names[:3] == ["W1[0,0]", "W1[0,1]", "W1[1,0]"]
    assert names[6] == "b1[0,0]" and names[-1] == "b2[0,0]" and len(names) == 13
    assert gc.block_slices(params) == {
        "W1": slice(0, 6), "b1": slice(6, 9), "W2": slice(9, 12), "b2": slice(12, 13)
    }


def test_vector_helpers_validate():
    params, _, _ = make_problem([2, 3, 1], 4)
    with pytest.raises(ValueError, match="theta"):
        gc.vector_to_params(np.zeros(5), params)
    grads = {f"d{k}": np.zeros_like(v) for k, v in params.items()}
    del grads["db2"]
    with pytest.raises(ValueError, match="db2"):
        gc.grads_to_vector(grads, params)
    grads["db2"] = np.zeros((2, 1))
    with pytest.raises(ValueError, match="db2"):
        gc.grads_to_vector(grads, params)
    with pytest.raises(ValueError, match="b1"):
        gc.params_to_vector({"W1": np.zeros((2, 2)), "b1": np.zeros(2)})


# --- §1.12 ------------------------------------------------------------------------------------


def test_lecture_cube_values():
    f = gc.FUNCTIONS["cube"][0]
    assert gc.two_sided_difference(f, 1.0, 0.01) == pytest.approx(3.0001, abs=1e-9)
    assert gc.one_sided_difference(f, 1.0, 0.01) == pytest.approx(3.0301, abs=1e-9)
    est = gc.secant_errors("cube", 1.0, 0.01)
    assert est.derivative == 3.0
    assert est.two_sided == pytest.approx(3.0001, abs=1e-9)
    assert est.one_sided == pytest.approx(3.0301, abs=1e-9)
    assert est.two_sided_error == pytest.approx(1e-4, abs=1e-9)
    assert est.one_sided_error == pytest.approx(0.0301, abs=1e-9)


@pytest.mark.parametrize("name", list(gc.FUNCTIONS))
def test_registry_derivatives(name):
    f, df = gc.FUNCTIONS[name]
    for theta in (0.3, 1.0, 1.7):
        assert gc.two_sided_difference(f, theta, 1e-5) == pytest.approx(df(theta), rel=1e-8)


@pytest.mark.parametrize("name,theta", [("cube", 1.0), ("sin", 0.5), ("exp", 0.0), ("log", 2.0)])
def test_error_vs_epsilon_slopes_and_round_off(name, theta):
    df = gc.error_vs_epsilon(name, theta)
    assert list(df.columns) == ["epsilon", "one_sided_error", "two_sided_error"]
    assert len(df) == 45
    big = df[(df.epsilon <= 1e-1 * 1.0001) & (df.epsilon >= 1e-3 / 1.0001)]
    x = np.log10(big.epsilon)
    assert np.polyfit(x, np.log10(big.one_sided_error), 1)[0] == pytest.approx(1.0, abs=0.1)
    assert np.polyfit(x, np.log10(big.two_sided_error), 1)[0] == pytest.approx(2.0, abs=0.1)

    def two_sided_at(eps):
        return df.two_sided_error[np.isclose(df.epsilon, eps, rtol=1e-6, atol=0)].item()

    assert two_sided_at(1e-11) > two_sided_at(1e-5)


def test_secant_validation():
    with pytest.raises(ValueError, match="func_name"):
        gc.secant_errors("cosh", 1.0, 0.1)
    with pytest.raises(ValueError, match="epsilon"):
        gc.secant_errors("cube", 1.0, 0.0)
    with pytest.raises(ValueError, match="theta"):
        gc.secant_errors("log", 0.05, 0.1)
    with pytest.raises(ValueError, match="theta"):
        gc.error_vs_epsilon("cube", float("nan"))
    with pytest.raises(ValueError, match="epsilons"):
        gc.error_vs_epsilon("cube", 1.0, [1e-3, -1e-3])


# --- §1.13 relative difference ------------------------------------------------------------


def test_relative_difference_and_verdicts():
    assert gc.relative_difference(np.zeros(3), np.zeros(3)) == 0.0
    assert gc.relative_difference(np.array([1.0, 0.0]), np.array([-1.0, 0.0])) == 1.0
    assert np.isnan(gc.relative_difference(np.array([np.nan]), np.array([1.0])))
    assert [gc.verdict_for(d) for d in (0.0, 9.9e-8, 1e-7, 9.9e-4, 1e-3, np.nan)] == [
        "ok", "ok", "check", "check", "bug", "bug"
    ]
    approx = gc.numeric_gradient(lambda t: float(t @ t), np.array([1.0, -2.0, 3.0]), 1e-5)
    np.testing.assert_allclose(approx, [2.0, -4.0, 6.0], rtol=1e-9)


# --- §1.13 gradient check of the network ----------------------------------------------------


@pytest.mark.parametrize("activation", ACTIVATIONS)
@pytest.mark.parametrize("lambd,penalty", PENALTY_CASES)
def test_correct_backprop_passes(activation, lambd, penalty):
    params, X, Y = make_problem([3, 5, 4, 1], 6, seed=1)
    assert well_conditioned(params, X, activation)
    result = gc.gradient_check(params, X, Y, activation, lambd, penalty=penalty)
    assert result.difference < gc.OK_THRESHOLD
    assert result.verdict == "ok" and result.method == "batched"
    # Within a block the same round-off is measured against that block's gradient alone; the
    # sigmoid's first-layer gradients are ~1e-3, so there a block may read "check" (~2e-7).
    assert (result.blocks.difference < 1e-5).all()
    if activation != "sigmoid":
        assert (result.blocks.verdict == "ok").all()
    n = 3 * 5 + 5 + 5 * 4 + 4 + 4 + 1
    assert result.n_params == n and result.n_cost_evaluations == 2 * n
    assert list(result.table.columns) == ["name", "block", "analytic", "numeric", "abs_diff"]
    assert len(result.table) == n and result.table.name.iloc[0] == "W1[0,0]"
    assert list(result.blocks.block) == ["dW1", "db1", "dW2", "db2", "dW3", "db3"]
    assert list(result.blocks.n) == [15, 5, 20, 4, 4, 1]
    assert list(result.blocks.columns) == [
        "block", "n", "difference", "max_abs_diff", "grad_norm", "verdict"
    ]


@pytest.mark.parametrize("activation", ACTIVATIONS)
@pytest.mark.parametrize("lambd,penalty", PENALTY_CASES)
def test_batched_matches_loop(activation, lambd, penalty):
    params, X, Y = make_problem([4, 6, 5, 3, 1], 7, seed=2)
    loop = gc.gradient_check(params, X, Y, activation, lambd, penalty=penalty, batched=False)
    assert loop.method == "loop"
    for chunk_size in (None, 1, 7):
        fast = gc.gradient_check(
            params, X, Y, activation, lambd, penalty=penalty, chunk_size=chunk_size
        )
        assert fast.method == "batched"
        assert abs(fast.difference - loop.difference) <= 1e-12
        np.testing.assert_allclose(fast.table.numeric, loop.table.numeric, rtol=0, atol=1e-12)


def test_custom_cost_fn_falls_back_to_loop():
    params, X, Y = make_problem([2, 3, 1], 5, seed=3)

    def cost_fn(p, X, Y):
        AL, _ = forward_propagation(X, p, "tanh")
        return float(-np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))

    result = gc.gradient_check(params, X, Y, "tanh", cost_fn=cost_fn)
    assert result.method == "loop" and result.verdict == "ok"


def test_gradient_check_validates_arguments():
    params, X, Y = make_problem([2, 3, 1], 5)
    bad = [
        ({"hidden_activation": "swish"}, "hidden_activation"),
        ({"lambd": -1.0}, "lambd"),
        ({"lambd": float("nan")}, "lambd"),
        ({"epsilon": 0.0}, "epsilon"),
        ({"penalty": "l3"}, "penalty"),
        ({"keep_prob": 0.0}, "keep_prob"),
        ({"dropout_seed": -1}, "dropout_seed"),
        ({"chunk_size": 0}, "chunk_size"),
    ]
    for kwargs, name in bad:
        with pytest.raises(ValueError, match=name):
            gc.gradient_check(params, X, Y, **kwargs)
    with pytest.raises(ValueError, match="Y"):
        gc.gradient_check(params, X, Y[:, :3])
    with pytest.raises(ValueError, match="X"):
        gc.gradient_check(params, X[:1], Y)
    with pytest.raises(ValueError, match="W2"):
        gc.gradient_check({**params, "W2": np.zeros((1, 4))}, X, Y)
    with pytest.raises(ValueError, match="grads"):
        gc.gradient_check(params, X, Y, grad_fn=lambda p, X, Y: {"dW1": p["W1"]})


# --- §1.14 dropout ------------------------------------------------------------------------------


def test_dropout_breaks_the_check_unless_masks_are_fixed():
    params, X, Y = make_problem([3, 5, 5, 1], 8, seed=4)
    fresh = gc.gradient_check(params, X, Y, "tanh", keep_prob=0.6)
    assert fresh.method == "loop" and fresh.verdict == "bug"
    fixed = gc.gradient_check(params, X, Y, "tanh", keep_prob=0.6, dropout_seed=5)
    assert fixed.method == "batched" and fixed.verdict == "ok"
    loop = gc.gradient_check(params, X, Y, "tanh", keep_prob=0.6, dropout_seed=5, batched=False)
    assert abs(fixed.difference - loop.difference) <= 1e-12
    per_layer = gc.gradient_check(params, X, Y, "relu", keep_prob=[0.5, 0.8], dropout_seed=1)
    assert per_layer.verdict == "ok"


# --- §1.13 planted bugs ---------------------------------------------------------------------

# bug -> (layer to plant it in, blocks allowed as worst, lambd). Network [3, 4, 4, 1]: W2 square.
BUG_CASES = {
    "dw_factor": (2, {"dW2"}, 0.0),
    "db_wrong_axis": (1, {"db1"}, 0.0),
    # the bug is in dZ[1], from which both dW1 and db1 are computed
    "missing_activation_derivative": (1, {"dW1", "db1"}, 0.0),
    "l2_missing_in_dw": (3, {"dW3"}, 1.0),
    "transposed_product": (2, {"dW2"}, 0.0),
}


def test_bug_registry_is_covered():
    assert set(gc.BUGS) == set(BUG_CASES)
    for key, make in gc.BUGS.values():
        assert key.startswith("gradcheck.bug.") and callable(make)


@pytest.mark.parametrize(
    "bug,activation",
    [
        (bug, activation) for bug in BUG_CASES for activation in ACTIVATIONS
        # g'(z) = 1 for a linear unit: leaving it out changes nothing
        if not (bug == "missing_activation_derivative" and activation == "linear")
    ],
)
def test_planted_bug_is_found_in_its_block(bug, activation):
    layer, expected, lambd = BUG_CASES[bug]
    params, X, Y = make_problem([3, 4, 4, 1], 6, seed=5)
    assert layer in gc.bug_layers(bug, params, activation, lambd)
    grad_fn = gc.BUGS[bug][1](activation, lambd, "l2", layer)
    result = gc.gradient_check(params, X, Y, activation, lambd, grad_fn=grad_fn)
    assert result.verdict == "bug"
    assert result.worst_block in expected
    verdicts = dict(zip(result.blocks.block, result.blocks.verdict))
    assert all(verdicts[block] == "bug" for block in expected)
    # every other block reads "ok" (or, for a block with tiny gradients, a round-off "check")
    reached = {f"d{p}{l}" for p in "Wb" for l in range(1, layer)}  # below a missing g'
    untouched = set(verdicts) - expected - (reached if bug.startswith("missing") else set())
    differences = dict(zip(result.blocks.block, result.blocks.difference))
    assert all(differences[block] < 1e-5 for block in untouched), result.blocks


def test_bug_layers_and_their_validation():
    params, X, Y = make_problem([3, 4, 4, 1], 6)
    assert gc.bug_layers("transposed_product", params) == [2]
    assert gc.bug_layers("db_wrong_axis", params) == [1, 2]
    assert gc.bug_layers("missing_activation_derivative", params, "tanh") == [1, 2]
    assert gc.bug_layers("missing_activation_derivative", params, "linear") == []
    assert gc.bug_layers("l2_missing_in_dw", params, lambd=0.0) == []
    assert gc.bug_layers("dw_factor", params) == [1, 2, 3]
    with pytest.raises(ValueError, match="name"):
        gc.bug_layers("typo", params)
    with pytest.raises(ValueError, match="bug_layer"):
        gc.BUGS["transposed_product"][1]("relu", 0.0, "l2", 1)(params, X, Y)
    with pytest.raises(ValueError, match="bug_layer"):
        gc.BUGS["missing_activation_derivative"][1]("relu", 0.0, "l2", 3)(params, X, Y)
    with pytest.raises(ValueError, match="bug_layer"):
        gc.BUGS["dw_factor"][1]("relu", 0.0, "l2", 0)


def test_result_tables_are_dataframes():
    params, X, Y = make_problem([2, 3, 1], 4)
    result = gc.gradient_check(params, X, Y, "tanh")
    assert isinstance(result.table, pd.DataFrame) and isinstance(result.blocks, pd.DataFrame)
    AL, caches = forward_propagation(X, params, "tanh")
    grads = backward_propagation(AL, Y, caches, "tanh")
    np.testing.assert_array_equal(result.table.analytic, gc.grads_to_vector(grads, params))
    table = result.table
    np.testing.assert_array_equal(table.abs_diff, np.abs(table.numeric - table.analytic))


# --- property: backprop agrees with finite differences --------------------------------------

# Two conditions keep round-off from posing as a backprop error (the threshold stays 1e-7):
# - ε = 1e-6 rather than the lecture's 1e-7. The round-off in J(θ±ε) − J(θ−ε) grows like 1/ε;
#   at 1e-7 a deep net still read ~1e-7 about once in 10⁴ draws (measured), at 1e-6 it cuts
#   the noise tenfold while the O(ε²) truncation stays ~1e-12.
# - ‖dθ‖₂ ≥ MIN_GRAD_NORM. The noise is ~1e-10 per entry whatever the gradient, so a vanished
#   gradient (e.g. five sigmoid layers and labels that balance the mean output error) reads
#   ~1e-7 from round-off alone: ‖dθ‖ = 0.002 gave 1.1e-7.
PROPERTY_EPSILON = 1e-6
MIN_GRAD_NORM = 0.02


def network_case(draw_args, l1=False):
    activation, depth, widths, m, lambd, seed = draw_args
    dims = [widths[0], *widths[1 : depth + 1], 1]
    params, X, Y = make_problem(dims, m, seed)
    assume(well_conditioned(params, X, activation))
    penalty = "l1" if l1 else "l2"
    result = gc.gradient_check(
        params, X, Y, activation, lambd, epsilon=PROPERTY_EPSILON, penalty=penalty
    )
    assume(np.linalg.norm(result.table.analytic) >= MIN_GRAD_NORM)
    return result


cases = st.tuples(
    st.sampled_from(ACTIVATIONS),
    st.integers(1, 6),  # hidden layers
    st.lists(st.integers(1, 5), min_size=7, max_size=7),  # n_x and hidden widths
    st.integers(1, 8),  # m
    st.floats(0.0, 1.0),  # λ
    st.integers(0, 2**32 - 1),
)


@settings(deadline=None, max_examples=60)
@given(cases)
def test_property_backprop_matches_finite_differences_l2(args):
    assert network_case(args).difference < gc.OK_THRESHOLD


@settings(deadline=None, max_examples=60)
@given(cases)
def test_property_backprop_matches_finite_differences_l1(args):
    # make_problem keeps every |w| ≥ 0.3/√5 > 0.13, far from the kink of |w| at 0
    assert network_case(args, l1=True).difference < gc.OK_THRESHOLD


@settings(deadline=None, max_examples=40)
@given(cases, st.sampled_from(PENALTY_CASES), st.sampled_from([1.0, 0.7]), st.integers(1, 9))
def test_property_batched_equals_loop(args, penalty_case, keep_prob, chunk_size):
    activation, depth, widths, m, _, seed = args
    lambd, penalty = penalty_case
    params, X, Y = make_problem([widths[0], *widths[1 : depth + 1], 1], m, seed)
    kwargs = dict(hidden_activation=activation, lambd=lambd, penalty=penalty,
                  keep_prob=keep_prob, dropout_seed=seed % 100)
    loop = gc.gradient_check(params, X, Y, batched=False, **kwargs)
    fast = gc.gradient_check(params, X, Y, chunk_size=chunk_size, **kwargs)
    assert fast.method == "batched"
    assert abs(fast.difference - loop.difference) <= 1e-12
