"""Controls of the §1.6–1.7 dropout page (one keep_prob per layer of a fixed 3-hidden-layer network),
and the fixed network and data behind them (shared with the tests and the benchmark)."""

from dataclasses import replace

from core.train import TrainConfig
from ui.controls import Control

KEEP = {"kind": "float", "low": 0.1, "high": 1.0, "step": 0.05}

CONTROLS = (
    Control("dataset", "choice", "moons", options=("moons", "circles", "xor", "spiral", "own")),
    Control("kp0", "float", 1.0, low=0.5, high=1.0, step=0.05, label_key="dropout.ctl.kp0"),
    Control("kp1", default=0.8, label_key="dropout.ctl.kp1", **KEEP),
    Control("kp2", default=0.5, label_key="dropout.ctl.kp2", **KEEP),
    Control("kp3", default=0.8, label_key="dropout.ctl.kp3", **KEEP),
    Control("iterations", "int", 1000, low=300, high=1600, step=100),
)

# Hidden layer 2 holds most of the parameters (§1.7). Calibrated (10 seeds per data set): without
# dropout J falls smoothly and the dev − train gap is wide; keep_probs 0.8/0.5/0.8 narrow it.
LAYER_DIMS = (2, 12, 40, 6, 1)
ACTIVATION, LEARNING_RATE = "tanh", 0.3  # tanh: without dropout, J falls smoothly at this rate
M, NOISE, RATIOS = 200, 0.1, (0.5, 0.5)  # 100 training and 100 dev points, 10% of labels flipped
RECORD_EVERY = 10  # often enough to see the noise of J
SWEEP_VALUES = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)  # the keep_prob validation curve
CURVE_RECORD_EVERY = 100  # the curve needs only each model's final errors
N_DRAWS = 40  # random masks averaged in the inverted-dropout bars


def train_config(
    iterations: int, keep_prob: float | tuple[float, ...], input_keep_prob: float = 1.0, seed: int = 0
) -> TrainConfig:
    """The page's training run for given keep_probs (§1.6)."""
    return TrainConfig(
        layer_dims=LAYER_DIMS,
        hidden_activation=ACTIVATION,
        learning_rate=LEARNING_RATE,
        num_iterations=iterations,
        keep_prob=keep_prob,
        input_keep_prob=input_keep_prob,
        seed=seed,
        record_every=RECORD_EVERY,
    )


def curve_config(config: TrainConfig) -> TrainConfig:
    """The validation curve's base config: ``config`` with keep_prob left to the sweep (one value for
    every hidden layer), so the curve does not depend on the per-layer sliders."""
    return replace(config, keep_prob=1.0, record_every=CURVE_RECORD_EVERY)
