"""Controls of the §1.13–§1.14 gradient checking page."""

from core.gradcheck import BUGS
from core.gradcheck_demos import NO_BUG
from core.network import ACTIVATIONS
from ui.controls import Control

DATASETS = ("moons", "circles", "xor", "spiral", "blobs")

CONTROLS = (
    # §1.13 the network and data to check
    Control("dataset", "choice", "moons", options=DATASETS),
    Control("m", "int", 32, low=4, high=128, step=4, label_key="gradcheck.ctl.m"),
    Control("hidden_layers", "int", 2, low=1, high=3, step=1, label_key="gradcheck.ctl.hidden_layers"),
    Control("units", "int", 4, low=1, high=12, step=1, label_key="gradcheck.ctl.units"),
    Control("activation", "choice", "relu", options=ACTIVATIONS, label_key="gradcheck.ctl.activation"),
    Control("lambd", "log", 0.1, low=0.01, high=10.0, zero=True, label_key="gradcheck.ctl.lambd"),
    Control("eps", "log", 1e-7, low=1e-10, high=1e-2, label_key="gradcheck.ctl.eps"),
    # §1.13 plant a bug
    Control("bug", "choice", NO_BUG, options=(NO_BUG, *BUGS), label_key="gradcheck.ctl.bug"),
    Control("bug_layer", "int", 1, low=1, high=4, step=1, label_key="gradcheck.ctl.bug_layer"),
    # §1.14 demonstrations
    Control("keep_prob", "float", 0.8, low=0.5, high=1.0, step=0.05, label_key="gradcheck.ctl.keep_prob"),
    Control(
        "train_iterations",
        "int",
        1000,
        low=100,
        high=3000,
        step=100,
        label_key="gradcheck.ctl.train_iterations",
    ),
)
