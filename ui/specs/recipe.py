"""Controls of §1.3 the basic recipe: the §1.2 experiment controls under their own ``rc_`` keys.

The run starts from the lecture's high-bias-and-high-variance case, so that "apply the next step"
walks through both stages of the recipe.
"""

from ui.specs.bias_variance import PRESETS, knob_controls, preset_control

PREFIX = "rc_"
START = "both_15_30"
CONTROLS = (preset_control(START, PREFIX), *knob_controls(PRESETS[START], PREFIX))
