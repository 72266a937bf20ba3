"""Controls of the home page's live demo."""

from ui.controls import Control

CONTROLS = (
    Control("dataset", "choice", "moons", options=("moons", "circles", "xor", "spiral", "blobs", "own")),
    Control("hidden", "int", 8, low=1, high=50, step=1),
    Control("iterations", "int", 1000, low=100, high=5000, step=100),  # moons fitted as at 1500
    Control("replay", "bool", False),
)
