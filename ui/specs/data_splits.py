"""Controls of §1.1 train/dev/test sets: data size, split ratios, the measured error, the mismatch demo."""

from ui.controls import Control

# Split presets (train, dev[, test]) from the lecture; "custom_split" uses the two sliders below.
SPLITS = {
    "70_30": (0.7, 0.3),
    "60_20_20": (0.6, 0.2, 0.2),
    "98_1_1": (0.98, 0.01, 0.01),
    "99.5_0.25_0.25": (0.995, 0.0025, 0.0025),
}
CUSTOM = "custom_split"
MIN_TRAIN_PCT = 20.0
# The mismatch demo's "phone pictures": a shift of the web distribution (core.datasets.SHIFT_KINDS).
SHIFT_OF = {"blur": "noise", "tilt": "rotate", "zoom": "scale"}
SCENARIO_OF = {  # option → core.mismatch.SCENARIOS key
    "test_phone_only": "test_shifted",
    "dev_test_phone": "dev_test_shifted",
    "no_shift": "same",
    "dev_phone_only": "dev_shifted",
}

CONTROLS = (
    Control("m_total", "log", 1_000_000.0, low=100, high=1_000_000, label_key="data_splits.ctl.m_total"),
    Control("split", "choice", "98_1_1", options=(*SPLITS, CUSTOM), label_key="data_splits.ctl.split"),
    Control("dev_pct", "float", 1.0, low=0.05, high=40.0, step=0.05, label_key="data_splits.ctl.dev_pct"),
    Control("test_pct", "float", 1.0, low=0.0, high=40.0, step=0.05, label_key="data_splits.ctl.test_pct"),
    Control("p_error", "float", 0.05, low=0.01, high=0.5, step=0.01, label_key="data_splits.ctl.p_error"),
    Control(
        "mm_scenario",
        "choice",
        "test_phone_only",
        options=tuple(SCENARIO_OF),
        label_key="data_splits.ctl.mm_scenario",
    ),
    Control("mm_kind", "choice", "blur", options=tuple(SHIFT_OF), label_key="data_splits.ctl.mm_kind"),
    Control("mm_amount", "float", 0.5, low=0.0, high=1.0, step=0.05, label_key="data_splits.ctl.mm_amount"),
    Control(
        "mm_dataset",
        "choice",
        "moons",
        options=("moons", "circles", "xor", "spiral"),
        label_key="data_splits.ctl.mm_dataset",
    ),
)
SPLIT_KEYS = ("m_total", "split", "dev_pct", "test_pct", "p_error")
MISMATCH_KEYS = ("mm_scenario", "mm_kind", "mm_amount", "mm_dataset")


def ratios_of(split: str, dev_pct: float, test_pct: float) -> tuple[float, ...]:
    """(train, dev[, test]) fractions of a preset, or of the custom percentages (test 0 → no test set).

    Custom percentages are scaled down together when they would leave the training set under
    MIN_TRAIN_PCT % (a note on the page says so).
    """
    if split in SPLITS:
        return SPLITS[split]
    dev, test = float(dev_pct), float(test_pct)
    held_out = dev + test
    if held_out > 100.0 - MIN_TRAIN_PCT:
        scale = (100.0 - MIN_TRAIN_PCT) / held_out
        dev, test = dev * scale, test * scale
    train = 100.0 - dev - test
    parts = (train, dev, test) if test > 0 else (train, dev)
    return tuple(p / 100.0 for p in parts)
