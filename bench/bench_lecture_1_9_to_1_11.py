"""Time the figures of the §1.9, §1.10 and §1.11 pages at their default settings
(run: ``python -m bench.bench_lecture_1_9_to_1_11``).

For each page: the core computations behind its figures (the work a cold, uncached rerun does)
and the Plotly builders, as the page calls them with its declared default control values; the
median of several runs after a warm-up, and the total JSON size of the page's figures. The
Streamlit cache makes a rerun with unchanged training controls cost only the figure building.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable

import numpy as np

from core import deep_nets as dn
from core import normalization_demo as nd
from core.datasets import make_dataset, split
from core.network import initialize_parameters
from core.train import TrainConfig, train
from ui import charts
from ui.figures import initialization as fig_init
from ui.figures import normalization as fig_norm
from ui.figures import vanishing as fig_van
from ui.specs import controls_of
from ui.training import DataSpec, budgeted

SEED = 0


def defaults(slug: str) -> dict:
    return {c.key: c.default for c in controls_of(slug)}


def moons(spec: DataSpec):
    data = make_dataset(spec.name, m=spec.m, seed=spec.seed, noise_rate=spec.noise_rate, jitter=spec.jitter)
    parts = split(data.X, data.Y, spec.ratios, seed=spec.seed)
    return (*parts["train"], *parts["dev"])


# --------------------------------------------------------------------------- §1.9


def normalization_compute() -> dict:
    v = defaults("normalization")
    result = nd.compare(v["gd_m"], SEED, v["gd_iters"], v["gd_delta"])
    case = result["normalized" if v["normalize"] else "raw"]
    path, costs = nd.gradient_descent(case.X, result["Y"], [v["gd_alpha"]], v["gd_iters"])
    views = []
    for magnify in {1.0, nd.magnification(case.kappa)}:
        w1s, w2s = nd.contour_axes(case.w_star, case.X, magnify=magnify)
        views.append((magnify, w1s, w2s, nd.cost_surface(case.X, result["Y"], w1s, w2s)))
    pit = nd.pitfall(v["gd_m"], SEED, v["dev_m"], v["dev_share"])
    return {
        "v": v,
        "result": result,
        "case": case,
        "path": path[:, 0],
        "costs": costs[:, 0],
        "views": views,
        "pit": pit,
    }


def normalization_figures(d: dict) -> list:
    r, case, pit, v = d["result"], d["case"], d["pit"], d["v"]
    figs = [fig_norm.data_figure(r["raw"].X, r["normalized"].X, r["Y"])]
    figs += [
        fig_norm.contour_path_figure(w1s, w2s, J, case.J_star, d["path"], case.w_star, magnify=mag)
        for mag, w1s, w2s, J in d["views"]
    ]
    curves = [("run", d["costs"])] + [(c, r[c].best_costs) for c in nd.CASES]
    figs.append(fig_norm.cost_curves_figure(curves, target=case.target))
    sweeps = [(c, r[c].alphas, r[c].final_costs, r[c].stable_rate) for c in nd.CASES]
    figs.append(fig_norm.rate_sweep_figure(sweeps, v["gd_alpha"], v["gd_iters"]))
    figs.append(
        fig_norm.pitfall_figure(
            pit["X_train_norm"], pit["Y_train"], pit["X_dev_train_stats"], pit["Y_dev"], pit["w"]
        )
    )
    return figs


# --------------------------------------------------------------------------- §1.10


def vanishing_compute() -> dict:
    v = defaults("vanishing")
    rows = dn.deep_linear_forward(
        v["lin_a"], v["lin_depth"], (1.0, 1.0), "float32" if v["lin_float32"] else "float64"
    )
    config = TrainConfig(
        layer_dims=dn.deep_layer_dims(v["net_depth"], v["net_width"]),
        hidden_activation=v["net_act"],
        init="xavier",
        init_scale=v["net_gain"],
        learning_rate=v["net_alpha"],
        num_iterations=v["net_iters"],
        seed=SEED,
        record_every=max(1, v["net_iters"] // 100),
    )
    spec = DataSpec(name="moons", m=400, seed=SEED, noise_rate=0.05)
    X, Y, Xd, Yd = moons(spec)
    config = budgeted(config, X.shape[1])
    result = train(X, Y, config, X_dev=Xd, Y_dev=Yd)
    params = initialize_parameters(config.layer_dims, config.init, config.init_scale, config.seed)
    acts = dn.activation_stats(dn.layer_activations(params, X, config.hidden_activation))
    back = dn.backward_signals(params, X, Y, config.hidden_activation)
    return {"v": v, "rows": rows, "result": result, "acts": acts, "back": back}


def vanishing_figures(d: dict) -> list:
    v, result = d["v"], d["result"]
    exact = dn.deep_linear_theory(v["lin_a"], v["lin_depth"])
    grads = {
        "init": dn.grad_norms_from_history(result.history, 0),
        "after": dn.grad_norms_from_history(result.history, -1),
    }
    return [
        fig_van.linear_layers_figure(d["rows"][:, 0].astype(float), exact, "float64"),
        fig_van.output_vs_depth_figure(v["lin_a"], v["lin_depth"]),
        charts.per_layer_figure(
            {"a": d["acts"]["rms"].to_numpy()[:-1], "dz": d["back"]["dz_rms"].to_numpy()[:-1]}, kind="line"
        ),
        charts.gradient_magnitude_by_layer_figure(grads),
        charts.learning_curves_figure(result.history, log_y=True),
    ]


# --------------------------------------------------------------------------- §1.11


def initialization_compute() -> dict:
    v = defaults("initialization")
    config = TrainConfig(
        layer_dims=(2, *([v["init_width"]] * v["init_depth"]), 1),
        hidden_activation=v["init_act"],
        init=v["init_scheme"],
        init_scale=v["init_scale"],
        learning_rate=v["init_alpha"],
        num_iterations=v["init_iters"],
        seed=SEED,
        record_every=max(1, v["init_iters"] // 100),
    )
    spec = DataSpec(name=v["init_data"], m=400, seed=SEED, noise_rate=0.05)
    X, Y, Xd, Yd = moons(spec)
    config = budgeted(config, X.shape[1])
    result = train(X, Y, config, X_dev=Xd, Y_dev=Yd)
    params = initialize_parameters(config.layer_dims, config.init, config.init_scale, config.seed)
    acts = dn.layer_activations(params, X, config.hidden_activation)
    stats = dn.activation_stats(acts[:-1], config.hidden_activation)
    a1 = dn.layer_activations(result.final_params, X, config.hidden_activation)[0]
    return {
        "config": config,
        "result": result,
        "acts": acts,
        "stats": stats,
        "a1": a1,
        "data": (X, Y, Xd, Yd),
        "distinct": dn.distinct_units(result.final_params),
    }


def initialization_figures(d: dict) -> list:
    config, result = d["config"], d["result"]
    X, Y, Xd, Yd = d["data"]
    grads = {
        "init": dn.grad_norms_from_history(result.history, 0),
        "after": dn.grad_norms_from_history(result.history, -1),
    }
    return [
        fig_init.activation_violin_figure(d["acts"][:-1], seed=SEED),
        charts.per_layer_figure({"std": d["stats"]["std"].to_numpy()}, kind="line"),
        charts.gradient_magnitude_by_layer_figure(grads),
        charts.learning_curves_figure(result.history, log_y=True),
        charts.decision_boundary_figure(result.params, config.hidden_activation, X, Y, Xd, Yd),
        fig_init.units_heatmap_figure(d["a1"]),
    ]


PAGES: dict[str, tuple[str, Callable[[], dict], Callable[[dict], list]]] = {
    "normalization": ("§1.9", normalization_compute, normalization_figures),
    "vanishing": ("§1.10", vanishing_compute, vanishing_figures),
    "initialization": ("§1.11", initialization_compute, initialization_figures),
}


def measure(compute, build, runs: int) -> tuple[float, float, int, int]:
    """(median compute s, median figures s, number of figures, JSON bytes of the figures)."""
    data = compute()  # warm-up (imports, first-call costs)
    figs = build(data)
    computes, builds = [], []
    for _ in range(runs):
        start = time.perf_counter()
        data = compute()
        middle = time.perf_counter()
        figs = build(data)
        computes.append(middle - start)
        builds.append(time.perf_counter() - middle)
    size = sum(len(f.to_json()) for f in figs)
    return statistics.median(computes), statistics.median(builds), len(figs), size


def main(argv: list[str] | None = None) -> None:
    """Print one row per page; ``argv`` defaults to none (``python -m bench`` calls main())."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per page (≥ 3)")
    args = parser.parse_args(argv or [])
    runs = max(3, args.runs)
    np.seterr(all="ignore")
    print(f"default settings of each page, seed {SEED}; median of {runs} runs after a warm-up")
    print(f"{'page':<18}{'compute ms':>12}{'figures ms':>12}{'total ms':>10}{'figures':>9}{'JSON kB':>9}")
    for slug, (section, compute, build) in PAGES.items():
        c, b, n, size = measure(compute, build, runs)
        print(
            f"{section + ' ' + slug:<18}{c * 1e3:>12.0f}{b * 1e3:>12.0f}{(c + b) * 1e3:>10.0f}{n:>9}"
            f"{size / 1e3:>9.0f}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
