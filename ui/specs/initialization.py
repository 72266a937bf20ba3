"""Controls of the §1.11 weight-initialization page.

Keys are specific to this page (session state is shared across pages).
"""

from ui.controls import Control

CONTROLS = (
    Control(
        "init_scheme",
        "choice",
        "he",
        options=("zeros", "random", "xavier", "he", "glorot"),
        label_key="initialization.ctl.init_scheme",
    ),
    Control("init_scale", "log", 1.0, low=0.01, high=100.0, label_key="initialization.ctl.init_scale"),
    Control("init_act", "choice", "relu", options=("relu", "tanh"), label_key="initialization.ctl.init_act"),
    Control("init_depth", "int", 5, low=1, high=10, step=1, label_key="initialization.ctl.init_depth"),
    Control("init_width", "int", 20, low=2, high=40, step=1, label_key="initialization.ctl.init_width"),
    Control("init_iters", "int", 600, low=0, high=2000, step=100, label_key="ctl.iterations"),
    Control("init_alpha", "log", 0.2, low=0.001, high=1.0, label_key="initialization.ctl.init_alpha"),
    Control(
        "init_data",
        "choice",
        "moons",
        options=("moons", "circles", "xor", "spiral", "blobs", "own"),
        label_key="ctl.dataset",
    ),
)
