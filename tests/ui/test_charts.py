"""ui.charts: every builder plots exactly the data it is given, stays small, and never imports Streamlit."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from core.network import initialize_parameters, predict_proba
from core.train import TrainConfig, train
from ui import charts as C

ROOT = Path(__file__).resolve().parents[2]
ZH = {"train": "训练集", "dev": "开发集", "class_0": "类别 0", "class_1": "类别 1", "misclassified": "误分类",
      "underflow": "下溢 (0)", "overflow": "上溢 (inf)", "play": "▶ 播放", "pause": "❚❚ 暂停",
      "current": "当前", "best": "最佳", "config_a": "甲", "config_b": "乙", "train_error": "训练误差"}


def _xor(m: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1, 1, (2, m))
    return X, (X[0] * X[1] > 0).astype(float)[None, :]


@pytest.fixture(scope="module")
def data():
    X, Y = _xor(400, 0)
    Xd, Yd = _xor(100, 1)
    return X, Y, Xd, Yd


@pytest.fixture(scope="module")
def run(data):
    X, Y, Xd, Yd = data
    cfg = TrainConfig(layer_dims=(2, 8, 4, 1), num_iterations=400, learning_rate=0.5, record_every=10,
                      snapshot_every=10, lambd=0.5)
    return train(X, Y, cfg, X_dev=Xd, Y_dev=Yd)


def _by_meta(fig: go.Figure, **kv) -> list:
    return [t for t in fig.data
            if isinstance(t.meta, dict) and all(t.meta.get(k) == v for k, v in kv.items())]


def _json_size(fig: go.Figure) -> int:
    return len(fig.to_json().encode())


def _nan_params() -> dict[str, np.ndarray]:
    p = initialize_parameters((2, 5, 1))
    p["W1"][0, 0] = np.nan
    p["W2"][0, 1] = np.inf
    return p


# --------------------------------------------------------------------------- module-level


def test_palette_colorscale_and_config() -> None:
    assert C.PALETTE[:2] == ("#0072B2", "#E69F00") and len(C.PALETTE) == 8
    assert C.PROBABILITY_COLORSCALE[0][1] == C.PALETTE[0] and C.PROBABILITY_COLORSCALE[-1][1] == C.PALETTE[1]
    assert C.PROBABILITY_COLORSCALE[1] == [0.5, "#FFFFFF"]
    assert C.CONFIG["displayModeBar"] is True and C.CONFIG["displaylogo"] is False
    assert C.CONFIG["toImageButtonOptions"] == {"format": "png", "scale": 2, "filename": "dl-practice-lab"}
    assert C.CONFIG_SVG["toImageButtonOptions"]["format"] == "svg"
    json.dumps(C.CONFIG), json.dumps(C.CONFIG_SVG)  # Streamlit sends config as JSON


def test_no_streamlit_import() -> None:
    code = "import sys, ui.charts; assert 'streamlit' not in sys.modules, 'streamlit imported'"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    tree = ast.parse((ROOT / "ui" / "charts.py").read_text(encoding="utf-8"))
    imported = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    imported += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert imported and not any(m.split(".")[0] == "streamlit" for m in imported)


# --------------------------------------------------------------------------- grids


def test_decision_grid_covers_all_sets(data) -> None:
    X, _, Xd, _ = data
    xs, ys, G = C.decision_grid([X, None, Xd * 3], resolution=60, margin=0.1)
    allp = np.hstack([X, Xd * 3])
    assert xs.shape == ys.shape == (60,) and G.shape == (2, 3600)
    assert xs[0] < allp[0].min() and xs[-1] > allp[0].max()
    assert ys[0] < allp[1].min() and ys[-1] > allp[1].max()
    span = np.ptp(allp[0])
    assert xs[0] == pytest.approx(allp[0].min() - 0.1 * span)
    XX, YY = np.meshgrid(xs, ys)
    np.testing.assert_array_equal(G, np.vstack([XX.ravel(), YY.ravel()]))
    with pytest.raises(ValueError):
        C.decision_grid([np.zeros((3, 4))])
    with pytest.raises(ValueError):
        C.decision_grid([None])


def test_probability_grid_matches_predict_proba_and_survives_nan(data) -> None:
    X, *_ = data
    p = initialize_parameters((2, 6, 1), seed=3)
    xs, ys, G = C.decision_grid([X], resolution=30)
    z = C.probability_grid(p, "tanh", xs, ys)
    assert z.shape == (30, 30)
    np.testing.assert_allclose(z, predict_proba(p, G, "tanh").reshape(30, 30), atol=1e-12, rtol=0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        zn = C.probability_grid(_nan_params(), "relu", xs, ys)
    assert zn.shape == (30, 30) and not np.isfinite(zn).all() and not np.isinf(zn).any()


# --------------------------------------------------------------------------- decision boundary


def test_decision_boundary_traces_hold_the_inputs(data, run) -> None:
    X, Y, Xd, Yd = data
    fig = C.decision_boundary_figure(run.params, "relu", X, Y, Xd, Yd)
    heat, contour = fig.data[0], fig.data[1]
    assert isinstance(heat, go.Heatmap) and heat.zsmooth == "fast" and (heat.zmin, heat.zmax) == (0.0, 1.0)
    xs, ys, G = C.decision_grid([X, Xd], 60)
    np.testing.assert_allclose(heat.x, xs)
    np.testing.assert_allclose(heat.y, ys)
    expected = predict_proba(run.params, G, "relu").reshape(60, 60)
    np.testing.assert_allclose(heat.z, expected, atol=1e-12, rtol=0)
    assert isinstance(contour, go.Contour) and contour.contours.start == contour.contours.end == 0.5
    np.testing.assert_allclose(contour.z, heat.z, atol=1e-6)
    for split, Xs, Ys in (("train", X, Y), ("dev", Xd, Yd)):
        for c in (0, 1):
            (tr,) = _by_meta(fig, role=split, **{"class": c})
            mask = Ys.ravel() == c
            np.testing.assert_array_equal(tr.x, Xs[0, mask])
            np.testing.assert_array_equal(tr.y, Xs[1, mask])
            assert tr.name == f"{split} · class {c}" and tr.marker.color == C.PALETTE[c]
    assert _by_meta(fig, role="train")[0].marker.symbol != _by_meta(fig, role="dev")[0].marker.symbol
    (bad,) = _by_meta(fig, role="misclassified")
    wrong = [(predict_proba(run.params, Xs, "relu") > 0.5).ravel() != Ys.ravel()
             for Xs, Ys in ((X, Y), (Xd, Yd))]
    np.testing.assert_array_equal(bad.x, np.concatenate([X[0, wrong[0]], Xd[0, wrong[1]]]))
    np.testing.assert_array_equal(bad.y, np.concatenate([X[1, wrong[0]], Xd[1, wrong[1]]]))
    assert fig.layout.yaxis.scaleanchor == "x"
    assert _json_size(fig) < 150_000


def test_decision_boundary_labels_extra_points_and_options(data) -> None:
    X, Y, *_ = data
    p = initialize_parameters((2, 4, 1))
    Xa, Ya = X[:, :50] * -1, Y[:, :50]
    fig = C.decision_boundary_figure(p, "relu", X, Y, labels=ZH, extra_points=(Xa, Ya, "翻转"),
                                     show_misclassified=False, title="标题", resolution=20)
    assert fig.layout.title.text == "标题" and fig.data[0].z.shape == (20, 20)
    names = [t.name for t in fig.data]
    assert "训练集 · 类别 0" in names and "翻转 · 类别 1" in names and not _by_meta(fig, role="misclassified")
    (aug1,) = _by_meta(fig, role="augmented", **{"class": 1})
    np.testing.assert_array_equal(aug1.x, Xa[0, Ya.ravel() == 1])
    assert not _by_meta(fig, role="dev")
    # the scaled dataset: one axis 100× the other → no forced equal aspect
    fig2 = C.decision_boundary_figure(p, "relu", X * np.array([[100.0], [1.0]]), Y, resolution=10)
    assert fig2.layout.yaxis.scaleanchor is None


def test_decision_boundary_with_nan_params_does_not_raise(data) -> None:
    X, Y, Xd, Yd = data
    fig = C.decision_boundary_figure(_nan_params(), "relu", X, Y, Xd, Yd)
    assert np.isnan(fig.data[0].z).any()
    assert any("non-finite" in a.text for a in fig.layout.annotations)
    json.loads(fig.to_json())


# --------------------------------------------------------------------------- learning curves


def test_learning_curves_plot_the_history_columns(run) -> None:
    h = run.history
    fig = C.learning_curves_figure(h, mark_iteration=run.best_iteration, log_y=True)
    cols = {t.meta["column"]: t for t in fig.data}
    assert set(cols) == {"cost", "cost_no_penalty", "dev_cost", "train_error", "dev_error"}  # λ > 0
    for name, tr in cols.items():
        np.testing.assert_array_equal(tr.x, h["iteration"].to_numpy())
        np.testing.assert_allclose(tr.y, h[name].to_numpy(), equal_nan=True)
    assert cols["cost"].xaxis == "x" and cols["train_error"].xaxis == "x2"
    assert fig.layout.yaxis.type == "log" and fig.layout.yaxis2.type != "log"
    assert len(fig.layout.shapes) == 2 and all(s.x0 == run.best_iteration for s in fig.layout.shapes)
    assert any("best dev iteration" in a.text for a in fig.layout.annotations)
    json.loads(fig.to_json())


def test_learning_curves_without_dev_penalty_or_with_inf() -> None:
    h = pd.DataFrame({"iteration": [0, 10, 20], "cost": [0.7, np.inf, np.nan],
                      "cost_no_penalty": [0.7, np.inf, np.nan], "train_error": [0.5, 0.4, 0.3]})
    fig = C.learning_curves_figure(h, labels={"cost": "代价"}, mark_iteration=10, mark_label="停止")
    assert [t.meta["column"] for t in fig.data] == ["cost", "train_error"]
    assert fig.data[0].name == "代价" and np.isnan(fig.data[0].y[1])
    assert any("停止" in a.text for a in fig.layout.annotations)
    fig1 = C.learning_curves_figure(h, metrics=("error",))
    assert [t.meta["column"] for t in fig1.data] == ["train_error"] and len(fig1.layout.shapes) == 0
    json.loads(fig.to_json())
    with pytest.raises(ValueError):
        C.learning_curves_figure(h, metrics=("loss",))


# --------------------------------------------------------------------------- per-layer charts


def test_per_layer_values_and_gap_annotations() -> None:
    vals = {"init": [1e-3, 0.0, 2.0, np.inf], "after": [0.5, 0.25, 0.1, 0.05]}
    fig = C.per_layer_figure(vals, labels=ZH, kind="bar")
    init, after = fig.data
    assert isinstance(init, go.Bar) and init.name == "init"
    np.testing.assert_array_equal(init.x, [1, 2, 3, 4])
    np.testing.assert_array_equal(after.y, vals["after"])
    assert init.y[0] == 1e-3 and init.y[2] == 2.0 and np.isnan(init.y[1]) and np.isnan(init.y[3])
    notes = {a.x: a.text for a in fig.layout.annotations}
    assert notes == {2: "init: 下溢 (0)", 4: "init: 上溢 (inf)"}
    assert fig.layout.yaxis.type == "log"
    json.loads(fig.to_json())


def test_per_layer_single_series_linear_and_dataframe() -> None:
    df = pd.DataFrame({"‖A‖": [3.0, 0.0, np.nan]})
    fig = C.per_layer_figure(df, log_y=False, kind="line", title="t", y_title="y")
    (tr,) = fig.data
    assert isinstance(tr, go.Scatter) and tr.y[1] == 0.0 and np.isnan(tr.y[2])
    assert {a.x: a.text for a in fig.layout.annotations} == {3: "NaN"}
    assert fig.layout.yaxis.type == "linear" and fig.layout.yaxis.title.text == "y"
    with pytest.raises(ValueError):
        C.per_layer_figure(df, kind="pie")


def test_gradient_magnitude_by_layer(run) -> None:
    L = 3
    g = {"it 0": [float(run.history[f"dW{l}_norm"].iloc[0]) for l in range(1, L + 1)],
         "it 400": [float(run.history[f"dW{l}_norm"].iloc[-1]) for l in range(1, L + 1)]}
    fig = C.gradient_magnitude_by_layer_figure(g)
    assert fig.layout.title.text == "Gradient magnitude by layer" and fig.layout.yaxis.type == "log"
    assert [t.name for t in fig.data] == ["it 0", "it 400"]
    assert all(t.mode == "lines+markers" for t in fig.data)
    np.testing.assert_allclose(fig.data[1].y, g["it 400"])
    np.testing.assert_array_equal(fig.data[0].x, [1, 2, 3])
    zh = C.gradient_magnitude_by_layer_figure({"a": [0.0, 1.0]}, labels={"grad_by_layer_title": "梯度"})
    assert zh.layout.title.text == "梯度" and zh.layout.annotations[0].x == 1


def test_norms_over_iterations(run) -> None:
    h = run.history
    for prefix in ("W", "dW"):
        fig = C.norms_over_iterations_figure(h, prefix=prefix)
        assert [t.meta["layer"] for t in fig.data] == [1, 2, 3]
        for l, tr in enumerate(fig.data, start=1):
            np.testing.assert_allclose(tr.y, h[f"{prefix}{l}_norm"], equal_nan=True)
            np.testing.assert_array_equal(tr.x, h["iteration"])
            assert tr.name == f"‖{prefix}[{l}]‖"
    deep = pd.DataFrame({"iteration": [0, 1], **{f"W{l}_norm": [1.0, np.inf] for l in range(1, 13)}})
    fig = C.norms_over_iterations_figure(deep, log_y=False)
    assert len(fig.data) == 12 and len({t.line.color for t in fig.data}) == 12
    json.loads(fig.to_json())


# --------------------------------------------------------------------------- replay


def test_subsample_indices_keep_ends() -> None:
    for n in (1, 2, 39, 40, 41, 100, 1001):
        idx = C.subsample_indices(n, 40)
        assert idx[0] == 0 and idx[-1] == n - 1 and len(idx) == min(n, 40) and idx == sorted(set(idx))
    assert C.subsample_indices(0, 40) == []


def test_replay_frames_slider_and_size(data, run) -> None:
    X, Y, Xd, Yd = data
    snaps = run.snapshots
    assert len(snaps) == 41
    fig = C.replay_figure(snaps, "relu", X, Y, Xd, Yd, history=run.history, labels=ZH)
    assert len(fig.frames) == 40
    names = [f.name for f in fig.frames]
    assert names[0] == "0" and names[-1] == "400"
    (slider,) = fig.layout.sliders
    assert [s.args[0][0] for s in slider.steps] == names and all(s.method == "animate" for s in slider.steps)
    (menu,) = fig.layout.updatemenus
    assert [b.label for b in menu.buttons] == ["▶ 播放", "❚❚ 暂停"]
    assert all(b.method == "animate" for b in menu.buttons)
    xs, ys, _ = C.decision_grid([X, Xd], 40)
    snap = dict(snaps)
    for fr in (fig.frames[0], fig.frames[17], fig.frames[-1]):
        assert list(fr.traces) == [0, 1]
        z = C.probability_grid(snap[int(fr.name)], "relu", xs, ys)
        np.testing.assert_allclose(fr.data[0].z, z, atol=6e-4)
        np.testing.assert_array_equal(fr.data[0].z, fr.data[1].z)
    row = run.history.set_index("iteration").loc[400]
    assert fig.frames[-1].layout.title.text == f"iteration 400 · J = {row['cost']:.4f} · train error " \
        f"{row['train_error']:.1%}"
    assert fig.layout.title.text == fig.frames[0].layout.title.text
    # snapshots between history rows: J interpolated ("≈"), train error from the snapshot itself
    sparse = run.history.iloc[::4]
    fig2 = C.replay_figure(snaps[:3], "relu", X, Y, history=sparse, resolution=8)
    h = sparse.set_index("iteration")
    err = float(np.mean((predict_proba(snap[10], X, "relu") > 0.5) != Y))
    assert fig2.frames[1].layout.title.text == f"iteration 10 · J ≈ {np.interp(10, h.index, h['cost']):.4f}" \
        f" · train error {err:.1%}"
    assert _json_size(fig) < 1_500_000


def test_replay_without_history_few_frames_and_errors(data) -> None:
    X, Y, *_ = data
    snaps = [(0, initialize_parameters((2, 3, 1))), (5, _nan_params())]
    fig = C.replay_figure(snaps, "relu", X, Y, resolution=12)
    assert [f.name for f in fig.frames] == ["0", "5"] and len(fig.layout.sliders[0].steps) == 2
    # NaN parameters predict ŷ = 0 everywhere (as core.network.error_rate counts it)
    assert fig.frames[1].layout.title.text == f"iteration 5 · train error {Y.mean():.1%}"
    assert np.isnan(fig.frames[1].data[0].z).all()
    json.loads(fig.to_json())
    with pytest.raises(ValueError):
        C.replay_figure([], "relu", X, Y)


# --------------------------------------------------------------------------- hyperparameters


def test_validation_curve_log_x_with_zero() -> None:
    lam = [0.7, 0.0, 0.01, 0.1, 7.0]
    tr = [0.10, 0.02, 0.03, 0.05, 0.30]
    dv = [0.12, 0.20, 0.15, 0.08, 0.35]
    fig = C.validation_curve_figure(lam, tr, dv, current=0.0, labels=ZH, x_title="λ")
    train_t, dev_t, star = fig.data
    np.testing.assert_array_equal(train_t.customdata, [0.0, 0.01, 0.1, 0.7, 7.0])  # sorted
    np.testing.assert_array_equal(train_t.y, [0.02, 0.03, 0.05, 0.10, 0.30])
    zero_x = train_t.x[0]
    assert 0 < zero_x < 0.01 and list(train_t.x[1:]) == [0.01, 0.1, 0.7, 7.0]
    assert fig.layout.xaxis.type == "log" and fig.layout.xaxis.ticktext[0] == "0"
    assert fig.layout.xaxis.tickvals[0] == zero_x
    assert star.name == "最佳" and star.x[0] == 0.1 and star.y[0] == 0.08 and star.marker.symbol == "star"
    (line,) = fig.layout.shapes
    assert line.x0 == line.x1 == zero_x
    (note,) = fig.layout.annotations
    assert note.text == "当前" and note.x == pytest.approx(np.log10(zero_x))
    assert fig.layout.xaxis.title.text == "λ"
    json.loads(fig.to_json())


def test_validation_curve_keep_prob_linear_and_explicit_best() -> None:
    kp = [0.5, 0.6, 0.8, 1.0]
    fig = C.validation_curve_figure(kp, [0.2, 0.1, 0.05, 0.0], [0.3, 0.2, np.nan, 0.25], current=0.8,
                                    best=0.6, log_x=False)
    np.testing.assert_array_equal(fig.data[0].x, kp)
    assert fig.data[2].x[0] == 0.6 and fig.data[2].y[0] == 0.2
    assert fig.layout.shapes[0].x0 == 0.8 and fig.layout.annotations[0].x == 0.8
    assert fig.layout.xaxis.type != "log"
    with pytest.raises(ValueError):
        C.validation_curve_figure([-1, 1], [0, 0], [0, 0])
    with pytest.raises(ValueError):
        C.validation_curve_figure([1, 2], [0], [0, 0], log_x=False)


# --------------------------------------------------------------------------- histograms, A/B


def test_histogram_counts_on_shared_edges() -> None:
    rng = np.random.default_rng(0)
    a, b = rng.laplace(size=500), np.append(rng.normal(size=300), [np.nan, np.inf])
    fig = C.histogram_figure({"L1": a, "L2": b}, bins=30, title="W", x_title="w")
    edges = np.histogram_bin_edges(np.concatenate([a, b[:300]]), bins=30)
    for tr, v in zip(fig.data, (a, b[:300]), strict=True):
        assert isinstance(tr, go.Bar) and tr.opacity < 1
        np.testing.assert_array_equal(tr.y, np.histogram(v, bins=edges)[0])
        np.testing.assert_allclose(tr.x, (edges[:-1] + edges[1:]) / 2)
    assert fig.layout.barmode == "overlay" and fig.layout.title.text == "W"
    assert fig.layout.annotations[0].text == "2 non-finite values omitted"
    big = C.histogram_figure({"A": rng.normal(size=200_000)})
    assert _json_size(big) < 20_000
    json.loads(C.histogram_figure({"empty": []}).to_json())


def test_ab_compare_bars() -> None:
    a, b = {"train_error": 0.01, "dev_error": 0.11}, {"train_error": 0.05, "dev_error": 0.07}
    fig = C.ab_compare_bars(a, b, labels=ZH)
    ta, tb = fig.data
    assert (ta.name, tb.name) == ("甲", "乙") and list(ta.x) == ["训练误差", "dev error"]
    np.testing.assert_array_equal(ta.y, [0.01, 0.11])
    np.testing.assert_array_equal(tb.y, [0.05, 0.07])
    assert fig.layout.barmode == "group"
    fig2 = C.ab_compare_bars({"train_error": 0.1}, b, name_a="λ = 0")
    assert fig2.data[0].name == "λ = 0" and np.isnan(fig2.data[0].y[1])
    json.loads(fig2.to_json())


@pytest.mark.parametrize("secondary_y", [False, True])
@pytest.mark.parametrize("n", [1, 2, 3])
@pytest.mark.parametrize("spacing", [None, 0.12])
def test_subplot_row_lays_out_what_make_subplots_does(n, secondary_y, spacing):
    """The written-out row of panels (built in one piece on a redraw) is plotly's own layout."""
    from plotly.subplots import make_subplots

    titles = [f"t{i}" for i in range(n)]
    reference = make_subplots(
        rows=1, cols=n, subplot_titles=titles, horizontal_spacing=spacing,
        specs=[[{"secondary_y": secondary_y}] * n],
    ).to_plotly_json()["layout"]
    panels = C.subplot_row(n, spacing=spacing, secondary_y=secondary_y)
    layout = {"annotations": [{**p["title"], "text": t} for p, t in zip(panels, titles, strict=True)]}
    for p in panels:
        layout.update(p["axes"])
    assert go.Figure(layout=layout).to_plotly_json()["layout"] == reference
    fig = make_subplots(rows=1, cols=n, specs=[[{"secondary_y": secondary_y}] * n])
    for i, p in enumerate(panels, start=1):
        fig.add_scatter(x=[0], y=[0], row=1, col=i)
        assert (fig.data[-1].xaxis, fig.data[-1].yaxis) == (p["x"], p["y"])
        if secondary_y:
            fig.add_scatter(x=[0], y=[0], row=1, col=i, secondary_y=True)
            assert fig.data[-1].yaxis == p["y2"]


@pytest.mark.parametrize("position", ["top left", "bottom right"])
def test_hline_is_what_add_hline_draws(position):
    fig = go.Figure(go.Scatter(x=[0, 1], y=[0, 1]))
    line = {"color": "red", "dash": "dash"}
    fig.add_hline(y=0.3, line=line, annotation_text="E*", annotation_position=position)
    shape, label = C.hline(0.3, line, "E*", position)
    expected = fig.to_plotly_json()["layout"]
    ours = go.Figure(layout={"shapes": [shape], "annotations": [label]}).to_plotly_json()["layout"]
    assert ours == expected
    with pytest.raises(ValueError, match="position"):
        C.hline(0.3, {}, "E*", "middle")
