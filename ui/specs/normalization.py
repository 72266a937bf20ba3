"""Controls of the §1.9 normalizing-inputs page (logistic regression on the scaled-features set).

Keys are specific to this page: session state is shared across pages, so a key another page
declares with a different range would carry its value over.
"""

from ui.controls import Control

CONTROLS = (
    Control("normalize", "bool", True, label_key="normalization.ctl.normalize"),
    Control("gd_alpha", "log", 1.0, low=1e-6, high=10.0, label_key="normalization.ctl.learning_rate"),
    Control("gd_iters", "int", 100, low=10, high=500, step=10, label_key="ctl.iterations"),
    Control("gd_delta", "log", 0.01, low=0.001, high=0.1, label_key="normalization.ctl.tolerance"),
    Control("gd_m", "int", 300, low=100, high=500, step=50, label_key="normalization.ctl.m"),
    Control("own_stats", "bool", False, label_key="normalization.ctl.own_stats"),
    Control("dev_share", "float", 0.8, low=0.1, high=0.9, step=0.1, label_key="normalization.ctl.dev_share"),
    Control("dev_m", "int", 50, low=10, high=200, step=10, label_key="normalization.ctl.m_dev"),
)
MAIN = ("normalize", "gd_alpha", "gd_iters", "gd_delta", "gd_m")
PITFALL = ("own_stats", "dev_share", "dev_m")
