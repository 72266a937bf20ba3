"""Controls of the §1.8 early-stopping page, and the fixed network and data behind them (shared with
the tests and the benchmark)."""

from core.train import TrainConfig
from ui.controls import Control

CONTROLS = (
    Control("dataset", "choice", "moons", options=("moons", "circles", "xor", "spiral", "own")),
    Control("iterations", "int", 2000, low=500, high=3000, step=250),
    Control("patience", "int", 300, low=50, high=2000, step=50, label_key="early_stopping.ctl.patience"),
    Control("lambd", "log", 1.0, low=0.01, high=10.0, label_key="early_stopping.ctl.lambd"),
)

LAYER_DIMS, ACTIVATION, LEARNING_RATE = (2, 40, 40, 1), "relu", 0.3
INIT_SCALE = 0.2  # small random weights at the start, as the lecture assumes
M, NOISE, RATIOS = 400, 0.15, (0.25, 0.75)  # 100 noisy training points, 300 dev points
RECORD_EVERY = 20
L2_RECORD_EVERY = 100  # only the L2 model's final weights are shown


def train_config(iterations: int, seed: int = 0, lambd: float = 0.0) -> TrainConfig:
    """The page's run: without a penalty it is the run early stopping watches; with λ the L2 model
    (recorded less often: only its final weights are shown)."""
    return TrainConfig(
        layer_dims=LAYER_DIMS,
        hidden_activation=ACTIVATION,
        learning_rate=LEARNING_RATE,
        init_scale=INIT_SCALE,
        num_iterations=iterations,
        seed=seed,
        record_every=L2_RECORD_EVERY if lambd else RECORD_EVERY,
        lambd=lambd,
    )
