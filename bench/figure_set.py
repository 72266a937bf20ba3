"""A representative set of figures (the kit's builders on one real training run), for the
plotly path-memo benchmark and its test."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import plotly.graph_objects as go

from core.datasets import make_dataset
from core.train import TrainConfig, train
from ui import charts


def figure_builders() -> list[tuple[str, Callable[[], go.Figure]]]:
    """(name, build) pairs; each build makes a fresh figure from the same trained network."""
    train_set = make_dataset("moons", 300, seed=0, noise_rate=0.1)
    dev_set = make_dataset("moons", 100, seed=1, noise_rate=0.1)
    X, Y, Xd, Yd = train_set.X, train_set.Y, dev_set.X, dev_set.Y
    config = TrainConfig(
        layer_dims=(2, 16, 8, 1), num_iterations=300, learning_rate=0.5, lambd=0.1, record_every=10
    )
    run = train(X, Y, config, X_dev=Xd, Y_dev=Yd)
    h = run.history
    grid = np.geomspace(1e-4, 10, 12)
    errors = np.linspace(0.3, 0.1, 12)
    return [
        ("decision_boundary", lambda: charts.decision_boundary_figure(run.params, "relu", X, Y, Xd, Yd)),
        ("learning_curves", lambda: charts.learning_curves_figure(h, mark_iteration=150)),
        ("norms", lambda: charts.norms_over_iterations_figure(h)),
        (
            "validation_curve",
            lambda: charts.validation_curve_figure(grid, errors, errors + 0.05, current=0.1, best=1.0),
        ),
        (
            "gradient_by_layer",
            lambda: charts.gradient_magnitude_by_layer_figure(
                {"start": [1.0, 0.1, 0.01], "end": [0.5, 0.05, 0.005]}
            ),
        ),
    ]
