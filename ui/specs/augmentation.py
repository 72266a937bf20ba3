"""Controls of the §1.8 data-augmentation page, and the fixed network and data behind them (shared
with the tests and the benchmark)."""

from core.datasets import TRANSFORMS
from core.train import TrainConfig
from ui.controls import Control

CONTROLS = (
    Control("dataset", "choice", "xor", options=("xor", "circles", "blobs", "moons", "spiral")),
    Control("m", "int", 10, low=6, high=60, step=2, label_key="augmentation.ctl.m"),
    Control("transform", "choice", "reflect_x", options=TRANSFORMS, label_key="augmentation.ctl.transform"),
)

# 700 iterations fit the page's training sets (train error 0 on 5 data sets × m = 10, 30, 60 × 3 seeds,
# with and without copies, but the 60-point spiral at 3%); the dev errors of the three runs are those
# of 1500 iterations to within 0.01.
LAYER_DIMS, ACTIVATION, LEARNING_RATE, ITERATIONS = (2, 32, 32, 1), "relu", 0.5, 700
M_DEV = 300  # dev points, never augmented
DATA_JITTER = 0.1  # position noise of the generated points; no label noise
JITTER = 0.05  # the "jitter" transform: noise of 0.05 feature standard deviations


def train_config(seed: int = 0) -> TrainConfig:
    """The page's training run, the same for the three training sets (§1.8)."""
    return TrainConfig(
        layer_dims=LAYER_DIMS,
        hidden_activation=ACTIVATION,
        learning_rate=LEARNING_RATE,
        num_iterations=ITERATIONS,
        seed=seed,
        record_every=100,
    )


def ratios(m: int) -> tuple[float, float]:
    """Split ratios that give m training points and M_DEV dev points out of m + M_DEV."""
    return m / (m + M_DEV), M_DEV / (m + M_DEV)
