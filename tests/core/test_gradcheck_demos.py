"""Tests for core.gradcheck_demos: §1.12 secants and error summary, §1.13 placement and localization,
§1.14 demonstrations."""

import numpy as np
import pytest

from core import gradcheck as gc
from core import gradcheck_demos as gd
from core.network import ACTIVATIONS, backward_propagation, forward_propagation, initialize_parameters

DEFAULT = gd.NetSpec()


# --- §1.12 --------------------------------------------------------------------------------------


def test_secant_picture_lines_go_through_their_points():
    pic = gd.secant_picture("cube", 1.0, 0.1)
    est = gc.secant_errors("cube", 1.0, 0.1)
    (xm, _, xp), (fm, f0, fp) = pic.points_x, pic.points_f
    assert (fm, f0, fp) == pytest.approx((0.9**3, 1.0, 1.1**3))
    slope_one = np.polyfit(pic.x, pic.one_line, 1)[0]
    slope_two = np.polyfit(pic.x, pic.two_line, 1)[0]
    assert slope_one == pytest.approx(est.one_sided) and slope_two == pytest.approx(est.two_sided)
    assert np.interp(xp, pic.x, pic.one_line) == pytest.approx(fp)
    assert np.interp(xm, pic.x, pic.two_line) == pytest.approx(fm)
    # the residual view: slopes per unit of x are the errors, and the secants meet f at u = ±1 and 0
    eps = 0.1
    assert np.polyfit(pic.u * eps, pic.residual_one, 1)[0] == pytest.approx(est.one_sided_error)
    assert np.polyfit(pic.u * eps, pic.residual_two, 1)[0] == pytest.approx(est.two_sided_error)
    for u in (-1.0, 1.0):
        assert np.interp(u, pic.u, pic.residual_two) == pytest.approx(
            np.interp(u, pic.u, pic.residual_f), abs=1e-9
        )
    assert np.interp(1.0, pic.u, pic.residual_one) == pytest.approx(
        np.interp(1.0, pic.u, pic.residual_f), abs=1e-9
    )


def test_secant_picture_validates_and_marks_the_domain():
    with pytest.raises(ValueError, match="domain"):
        gd.secant_picture("log", 0.05, 0.1)
    with pytest.raises(ValueError, match="func_name"):
        gd.secant_picture("cosh", 1.0, 0.1)
    pic = gd.secant_picture("log", 0.5, 0.1)
    assert np.isnan(pic.f[pic.x <= 0]).all() and np.isfinite(pic.f[pic.x > 0]).all()


@pytest.mark.parametrize("name,theta", [("cube", 1.0), ("exp", 0.5), ("sin", 1.0), ("sigmoid", -1.0)])
def test_summary_shows_both_orders_and_the_roundoff_regime(name, theta):
    s = gd.summarize_errors(gc.error_vs_epsilon(name, theta))
    assert s.slope_one == pytest.approx(1.0, abs=0.1) and s.slope_two == pytest.approx(2.0, abs=0.1)
    assert 1e-7 <= s.best_eps_two <= 1e-4 < 1e-3
    assert 1e-10 <= s.best_eps_one <= 1e-6
    assert s.roundoff_visible and s.roundoff_slope < -0.5


def test_summary_special_cases():
    square = gd.summarize_errors(gc.error_vs_epsilon("square", 1.0))
    assert not square.slope_two > 0.5  # exact for a quadratic: only round-off is left
    flat = gd.summarize_errors(gc.error_vs_epsilon("tanh", 0.0))
    assert not flat.roundoff_visible  # f(0) = 0: round-off hardly shows
    assert flat.slope_one == pytest.approx(2.0, abs=0.1)  # f''(0) = 0


def test_valid_epsilons_and_roundoff_model():
    eps = gd.valid_epsilons("log", 0.1, gc.DEFAULT_EPSILONS)
    assert eps.max() < 0.1 and len(eps) == len(gc.DEFAULT_EPSILONS) - 1  # only ε = 0.1 hits ln 0
    assert len(gd.valid_epsilons("log", -1.0, gc.DEFAULT_EPSILONS)) == 0
    df = gc.error_vs_epsilon("cube", 1.0)
    model = gd.roundoff_model("cube", 1.0, df.epsilon)
    small = df.epsilon <= 1e-10
    ratio = df.two_sided_error[small] / model[small]
    assert 0.005 < np.median(ratio) < 10  # the model has the right order of magnitude


# --- §1.13 --------------------------------------------------------------------------------------


def test_build_problem_follows_the_spec():
    params, X, Y = gd.build_problem(gd.NetSpec(m=20, hidden_layers=3, units=5, activation="tanh"))
    assert [params[f"W{l}"].shape for l in range(1, 5)] == [(5, 2), (5, 5), (5, 5), (1, 5)]
    assert all(0 < np.abs(params[f"b{l}"]).max() < 0.5 for l in range(1, 5))  # small, never exactly 0
    assert X.shape == (2, 20) and Y.shape == (1, 20)
    with pytest.raises(ValueError, match="activation"):
        gd.build_problem(gd.NetSpec(activation="swish"))


def test_place_bug():
    params = gd.build_problem(DEFAULT)[0]
    assert gd.place_bug(gd.NO_BUG, 3, params, "relu", 0.1).status == "none"
    assert gd.place_bug("dw_factor", 3, params, "relu", 0.1) == gd.Placement("dw_factor", 3, "ok", (1, 2, 3))
    moved = gd.place_bug("transposed_product", 4, params, "relu", 0.1)
    assert (moved.layer, moved.status) == (2, "moved")
    assert gd.place_bug("l2_missing_in_dw", 1, params, "relu", 0.0).status == "impossible"
    assert gd.place_bug("missing_activation_derivative", 1, params, "linear", 0.1).status == "impossible"


def test_correct_backprop_points_nowhere():
    result = gd.check_network(DEFAULT, 1e-7, gd.place_bug(gd.NO_BUG, 1, {}, "relu", 0.1))
    where = gd.locate_bug(result)
    assert result.verdict == "ok" and where.layer is None and where.blocks == ()
    assert sum(where.shares.values()) == pytest.approx(1.0)


@pytest.mark.parametrize("activation", ["relu", "tanh", "sigmoid", "leaky_relu"])
@pytest.mark.parametrize("bug", list(gc.BUGS))
def test_every_bug_is_localized_in_every_layer_it_fits(activation, bug):
    spec = gd.NetSpec(hidden_layers=3, units=4, activation=activation, lambd=0.5)
    params = gd.build_problem(spec)[0]
    for layer in gc.bug_layers(bug, params, activation, spec.lambd):
        result = gd.check_network(spec, 1e-7, gd.place_bug(bug, layer, params, activation, spec.lambd))
        where = gd.locate_bug(result)
        expected = gd.expected_blocks(bug, layer)
        assert result.verdict == "bug", (layer, result.blocks)
        assert where.layer == layer and where.blocks and set(where.blocks) <= set(expected), (layer, where)
        if bug != "missing_activation_derivative":
            assert where.blocks == expected and where.lower == ()
        else:
            assert all(int(b[2:]) < layer for b in where.lower)


def test_kinks_are_counted_and_small_biases_avoid_them():
    narrow = gd.NetSpec(units=1)
    _, X, _ = gd.build_problem(narrow)
    zero_b = initialize_parameters(narrow.layer_dims, "he", seed=0)  # the course's b = 0
    assert gd.kink_count(zero_b, X, "relu", 1e-7) > 0  # a dead unit below gives Z = b = 0 exactly
    assert gd.kink_count(zero_b, X, "tanh", 1e-7) == 0
    failing = gc.gradient_check(zero_b, *gd.build_problem(narrow)[1:], "relu", 0.1)
    assert failing.verdict != "ok"  # a correct backprop fails on the kink
    params, X, _ = gd.build_problem(narrow)  # the page's network: biases drawn small
    assert gd.kink_count(params, X, "relu", 1e-7) == 0
    assert gd.check_network(narrow, 1e-7, gd.place_bug(gd.NO_BUG, 1, params, "relu", 0.1)).verdict == "ok"


def test_roundoff_estimate_has_the_order_of_a_correct_check():
    for activation in ACTIVATIONS:
        spec = gd.NetSpec(activation=activation)
        params, X, Y = gd.build_problem(spec)
        result = gd.check_network(spec, 1e-7, gd.place_bug(gd.NO_BUG, 1, params, activation, 0.1))
        estimate = gd.roundoff_estimate(result, gd.cost_value(params, X, Y, activation, spec.lambd))
        assert estimate / 30 < result.difference < estimate * 30


# --- §1.14 --------------------------------------------------------------------------------------


def test_regularization_demo():
    params, X, Y = gd.build_problem(DEFAULT)
    df = gd.regularization_demo(params, X, Y, "relu", 0.5, 1e-7)
    assert list(df.case) == ["both", "cost_only", "grad_only"]
    assert list(df.verdict) == ["ok", "bug", "bug"]
    # the only difference is λ/m·W in every dW: the db blocks agree in every case
    assert all(block.startswith("dW") for block in df.worst_block[1:])


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_dropout_demo(activation):
    params, X, Y = gd.build_problem(gd.NetSpec(activation=activation))
    df = gd.dropout_demo(params, X, Y, activation, 0.1, 0.7, 1e-7)
    assert list(df.case) == ["fresh_masks", "keep_prob_1", "fixed_mask"]
    assert list(df.verdict) == ["bug", "ok", "ok"]
    assert list(df.method) == ["loop", "batched", "batched"]


def test_with_small_biases():
    params = initialize_parameters(DEFAULT.layer_dims, "he", seed=0)
    a, b = gd.with_small_biases(params, 3), gd.with_small_biases(params, 3)
    for key in params:
        np.testing.assert_array_equal(a[key], b[key])
        if key.startswith("W"):
            np.testing.assert_array_equal(a[key], params[key])
        else:
            assert np.all(a[key] != 0) and np.abs(a[key]).max() < 0.5
    assert not params["b1"].any()  # the input is not modified


def test_stale_weights_backprop_is_right_only_at_the_starting_point():
    params, X, Y = gd.build_problem(gd.NetSpec(activation="tanh"))
    stale = gd.stale_weights_grad_fn("tanh", 0.1, params)
    AL, caches = forward_propagation(X, params, "tanh")
    right = backward_propagation(AL, Y, caches, "tanh", 0.1)
    for key, value in stale(params, X, Y).items():
        np.testing.assert_array_equal(value, right[key])
    moved = gd.training_step(params, X, Y, "tanh", 0.1)
    AL, caches = forward_propagation(X, moved, "tanh")
    right = backward_propagation(AL, Y, caches, "tanh", 0.1)
    assert not np.allclose(stale(moved, X, Y)["dW1"], right["dW1"])
    before = stale(moved, X, Y)["dW1"]
    params["W2"][0, 0] += 1.0  # the copy was taken: later changes to the caller's params do not leak in
    np.testing.assert_array_equal(stale(moved, X, Y)["dW1"], before)


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_init_vs_trained_demo(activation):
    demo = gd.init_vs_trained_demo(gd.NetSpec(activation=activation), 800, 1e-7)
    table = demo.table.set_index(["when", "implementation"])
    assert table.loc[("init", "correct"), "verdict"] == "ok"
    assert table.loc[("init", "stale_weights"), "verdict"] == "ok"
    assert table.loc[("trained", "correct"), "verdict"] != "bug"
    assert table.loc[("trained", "stale_weights"), "verdict"] == "bug"
    assert demo.iterations == 800 and not demo.diverged and demo.weight_change > 0.05


def test_training_step_and_check_cost():
    params, X, Y = gd.build_problem(DEFAULT)
    before = gd.cost_value(params, X, Y, "relu", 0.1)
    after = gd.cost_value(gd.training_step(params, X, Y, "relu", 0.1), X, Y, "relu", 0.1)
    assert after < before
    cost = gd.measure_check_cost(params, X, Y, "relu", 0.1, repeats=2)
    n = sum(v.size for v in params.values())
    assert cost.n_params == n and cost.n_cost_evaluations == 2 * n
    assert 0 < cost.step_s < cost.check_loop_s  # 2·|θ| forward passes against one step
    assert cost.loop_steps > 5 and cost.batched_steps > 0
    with pytest.raises(ValueError, match="repeats"):
        gd.measure_check_cost(params, X, Y, "relu", 0.1, repeats=0)
