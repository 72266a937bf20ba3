"""What the §1.6–1.7 dropout, §1.8 augmentation and §1.8 early-stopping pages compute at their defaults.

Run: ``python -m bench.bench_regularization_pages``. Each step is what the page does on a cold cache
(training runs, derived numbers, every figure), timed here without Streamlit; the median of REPEATS
runs is kept. The dropout page's keep_prob curve is also trained one model at a time, in the same
process, for the batched/one-by-one ratio and the largest difference between the two.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import replace

import numpy as np

from core.augmentation_demo import train_augmented, transform_table
from core.datasets import make_dataset, split, valid_transforms
from core.dropout_demo import biggest_hidden_layer, layer_parameter_counts, mean_activations
from core.early_stopping import model_summary, patience_stop, total_weight_norm
from core.sweep import train_one_by_one, train_sweep
from core.train import train
from ui import charts
from ui.figures import augmentation as aug_figures
from ui.figures import dropout as drop_figures
from ui.figures import early_stopping as es_figures
from ui.i18n import labels
from ui.specs import augmentation as aug
from ui.specs import dropout as drop
from ui.specs import early_stopping as es

REPEATS = 3
LABELS = labels("chart.", "en")


def _defaults(controls) -> dict:
    return {c.key: c.default for c in controls}


def _splits(name: str, m: int, noise: float, jitter: float, ratios) -> tuple[np.ndarray, ...]:
    d = make_dataset(name, m=m, seed=0, noise_rate=noise, jitter=jitter)
    parts = split(d.X, d.Y, ratios, seed=0)
    return (*parts["train"], *parts["dev"])


def _timed(steps: list[tuple[str, Callable]]) -> tuple[dict[str, float], dict]:
    """Median seconds per step over REPEATS passes (steps run in order; each sees earlier results)."""
    times = {name: [] for name, _ in steps}
    out: dict = {}
    for _ in range(REPEATS):
        for name, fn in steps:
            start = time.perf_counter()
            out[name] = fn(out)
            times[name].append(time.perf_counter() - start)
    return {k: statistics.median(v) for k, v in times.items()}, out


def dropout_page() -> tuple[dict[str, float], dict]:
    X, Y, Xd, Yd = _splits("moons", drop.M, drop.NOISE, 0.2, drop.RATIOS)
    v = _defaults(drop.CONTROLS)
    kps = (v["kp1"], v["kp2"], v["kp3"])
    config = drop.train_config(v["iterations"], kps, v["kp0"])
    curve_config = drop.curve_config(config)

    def figures(o):
        res, base, means, curve = (
            o["train, dropout"],
            o["train, no dropout"],
            o["mean |a[l]| (40 masks)"],
            o["keep_prob curve, batched"],
        )
        counts = layer_parameter_counts(drop.LAYER_DIMS)
        return [
            charts.decision_boundary_figure(
                r.params, drop.ACTIVATION, X, Y, Xd, Yd, labels=LABELS, resolution=50
            )
            for r in (res, base)
        ] + [
            drop_figures.cost_figure(res.history, base.history, LABELS),
            drop_figures.activation_means_figure(means, LABELS),
            drop_figures.parameter_counts_figure(counts, kps, biggest_hidden_layer(drop.LAYER_DIMS), LABELS),
            charts.validation_curve_figure(curve.values, curve.train_errors, curve.dev_errors, log_x=False),
        ]

    steps = [
        ("train, dropout", lambda o: train(X, Y, config, X_dev=Xd, Y_dev=Yd)),
        (
            "train, no dropout",
            lambda o: train(X, Y, replace(config, keep_prob=1.0, input_keep_prob=1.0), X_dev=Xd, Y_dev=Yd),
        ),
        (
            "mean |a[l]| (40 masks)",
            lambda o: mean_activations(
                o["train, dropout"].params, X, kps, drop.ACTIVATION, 1.0, drop.N_DRAWS, 0
            ),
        ),
        (
            "keep_prob curve, batched",
            lambda o: train_sweep(X, Y, curve_config, "keep_prob", drop.SWEEP_VALUES, Xd, Yd),
        ),
        ("figures (6)", figures),
    ]
    times, out = _timed(steps)
    # The reference, not part of the page: the same curve one model at a time.
    ref_times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        ref = train_one_by_one(X, Y, curve_config, "keep_prob", drop.SWEEP_VALUES, Xd, Yd)
        ref_times.append(time.perf_counter() - start)
    batched = out["keep_prob curve, batched"]
    diff = max(
        float(np.max(np.abs(a[k] - b[k]))) for a, b in zip(batched.params, ref.params, strict=True) for k in a
    )
    extra = {"one_by_one_s": statistics.median(ref_times), "max_param_diff": diff}
    return times, extra


def augmentation_page() -> tuple[dict[str, float], dict]:
    v = _defaults(aug.CONTROLS)
    name, m = v["dataset"], v["m"]
    X, Y, Xd, Yd = _splits(name, m + aug.M_DEV, 0.0, aug.DATA_JITTER, aug.ratios(m))
    config = aug.train_config(0)
    sets = {"none": (), "label-preserving": valid_transforms(name), v["transform"]: (v["transform"],)}

    def figures(o):
        runs = [o[f"train + {k}"] for k in sets]
        figs = [
            charts.decision_boundary_figure(
                r.result.params,
                aug.ACTIVATION,
                X,
                Y,
                labels=LABELS,
                resolution=45,
                extra_points=(r.X_new, r.Y_new, None) if r.X_new.shape[1] else None,
                show_misclassified=False,
            )
            for r in runs
        ]
        figs.append(
            aug_figures.errors_figure(
                list(sets),
                [r.train_error for r in runs],
                [r.dev_error for r in runs],
                [False, False, True],
                LABELS,
            )
        )
        return figs

    steps = [("transform table (7 × 500 points)", lambda o: transform_table(name))]
    steps += [
        (f"train + {k}", lambda o, t=t: train_augmented(X, Y, Xd, Yd, config, t, seed=0, jitter=aug.JITTER))
        for k, t in sets.items()
    ]
    steps.append(("figures (4)", figures))
    return _timed(steps)[0], {}


def early_stopping_page() -> tuple[dict[str, float], dict]:
    v = _defaults(es.CONTROLS)
    X, Y, Xd, Yd = _splits(v["dataset"], es.M, es.NOISE, 0.2, es.RATIOS)
    config = es.train_config(v["iterations"])
    l2_config = es.train_config(v["iterations"], lambd=v["lambd"])
    patience = v["patience"]

    def derived(o):
        res, l2 = o["train, full run"], o["train, L2 model"]
        return (
            patience_stop(res.history, patience),
            total_weight_norm(res.history),
            [model_summary(p, X, Y, Xd, Yd) for p in (res.best_params, res.final_params, l2.params)],
        )

    def figures(o):
        res, l2 = o["train, full run"], o["train, L2 model"]
        (stop, _), total, summaries = o["patience, ‖W‖_F, summaries"]
        figs = [
            es_figures.error_curves_figure(res.history, res.best_iteration, stop, patience, LABELS),
            es_figures.weight_norm_figure(
                res.history, total, res.best_iteration, summaries[2]["weight_norm"], 1.0
            ),
        ]
        figs += [
            charts.decision_boundary_figure(p, es.ACTIVATION, X, Y, labels=LABELS, resolution=45)
            for p in (res.best_params, res.final_params, l2.params)
        ]
        figs.append(es_figures.models_errors_figure(["early", "full", "L2"], summaries, LABELS))
        return figs

    steps = [
        ("train, full run", lambda o: train(X, Y, config, X_dev=Xd, Y_dev=Yd)),
        ("train, L2 model", lambda o: train(X, Y, l2_config, X_dev=Xd, Y_dev=Yd)),
        ("patience, ‖W‖_F, summaries", derived),
        ("figures (6)", figures),
    ]
    return _timed(steps)[0], {}


def main() -> dict:
    n = _defaults(drop.CONTROLS)["iterations"]
    results = {
        f"§1.6–1.7 dropout (moons, keep_prob 1 / 0.8 / 0.5 / 0.8, {n} iterations)": dropout_page(),
        "§1.8 augmentation (XOR, m = 10, mirror in the x₁-axis)": augmentation_page(),
        "§1.8 early stopping (moons, 2000 iterations, λ = 1)": early_stopping_page(),
    }
    print(f"Default view of each page on a cold cache, median of {REPEATS} (seconds)")
    for page, (times, extra) in results.items():
        print(f"\n{page}")
        for step, s in times.items():
            print(f"  {step:40s} {s:7.3f}")
        print(f"  {'total':40s} {sum(times.values()):7.3f}")
        if extra:
            batched = times["keep_prob curve, batched"]
            print(
                f"  keep_prob curve one by one (reference)    {extra['one_by_one_s']:7.3f}  "
                f"batched/one-by-one = {batched / extra['one_by_one_s']:.2f}, "
                f"max|Δθ| = {extra['max_param_diff']:.1e}"
            )
    return results


if __name__ == "__main__":
    main()
