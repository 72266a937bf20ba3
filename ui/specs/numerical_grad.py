"""Controls of the §1.12 numerical gradients page."""

from core.gradcheck import FUNCTIONS
from ui.controls import Control

CONTROLS = (
    Control("func", "choice", "cube", options=tuple(FUNCTIONS), label_key="numerical_grad.ctl.func"),
    Control("theta", "float", 1.0, low=-2.0, high=2.0, step=0.1, label_key="numerical_grad.ctl.theta"),
    Control("epsilon", "log", 0.01, low=1e-12, high=0.5, label_key="numerical_grad.ctl.epsilon"),
)
