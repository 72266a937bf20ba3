"""Controls of the §1.10 vanishing/exploding page: the deep linear network, then a real deep network.

Keys are specific to this page (session state is shared across pages).
"""

from ui.controls import Control

CONTROLS = (
    Control("lin_a", "float", 1.5, low=0.2, high=2.0, step=0.05, label_key="vanishing.ctl.lin_a"),
    Control("lin_depth", "int", 50, low=2, high=150, step=1, label_key="vanishing.ctl.lin_depth"),
    Control("lin_float32", "bool", False, label_key="vanishing.ctl.lin_float32"),
    Control("net_depth", "int", 20, low=2, high=30, step=1, label_key="vanishing.ctl.net_depth"),
    Control("net_width", "int", 10, low=2, high=20, step=1, label_key="vanishing.ctl.net_width"),
    Control("net_act", "choice", "relu", options=("relu", "tanh"), label_key="vanishing.ctl.net_act"),
    Control("net_gain", "float", 1.0, low=0.25, high=3.0, step=0.05, label_key="vanishing.ctl.net_gain"),
    Control("net_iters", "int", 300, low=0, high=1000, step=50, label_key="ctl.iterations"),
    Control("net_alpha", "log", 0.1, low=0.001, high=1.0, label_key="vanishing.ctl.net_alpha"),
)
LINEAR = ("lin_a", "lin_depth", "lin_float32")
NETWORK = ("net_depth", "net_width", "net_act", "net_gain", "net_iters", "net_alpha")
