"""§1.2 bias and variance from train/dev error, and §1.3 the basic recipe.

Errors are fractions in [0, 1] (0.11 = 11 %). The optimal (Bayes) error is the lowest error any
classifier could reach, e.g. roughly human error on clear images (≈ 0) or on blurry ones (higher).

    avoidable bias = train error − optimal error
    variance       = dev error − train error

Rule: each gap is "high" when it exceeds a tolerance τ. By default
τ = max(MIN_GAP, OPTIMAL_GAP_FACTOR × optimal error) = max(2 points, ¼ of the Bayes error):
a gap of a point or two is about the noise of an error measured on a few hundred examples, and
on a task where even the best classifier is wrong 15 % of the time the estimates are noisier
and a couple of points matter less, so the bar rises with the optimal error. Ties (gap == τ)
count as small. With optimal 0 %: 1 %/11 % → high variance, 15 %/16 % → high bias,
15 %/30 % → both, 0.5 %/1 % → fine; with optimal 15 %: 15 %/16 % → fine.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

MIN_GAP = 0.02  # 2 percentage points
OPTIMAL_GAP_FACTOR = 0.25
_TIE = 1e-12  # 0.10 − 0.08 is 0.020000000000000004 in floating point; that still ties

VERDICTS = ("high_bias", "high_variance", "both", "fine")
RECIPE_STAGES = ("bias", "variance", "done")
# §1.3, in the order the lecture tries them. Keys only; ui/i18n holds the words.
RECIPE_STEPS: dict[str, tuple[str, ...]] = {
    "bias": ("bigger_network", "train_longer", "better_optimizer", "new_architecture"),
    "variance": ("more_data", "regularization", "new_architecture"),
    "done": (),
}


@dataclass(frozen=True)
class Diagnosis:
    """The §1.2 reading of one (train, dev, optimal) triple; ``tolerance`` is the τ used."""

    train_error: float
    dev_error: float
    optimal_error: float
    avoidable_bias: float
    variance: float
    high_bias: bool
    high_variance: bool
    verdict: str
    next_steps: tuple[str, ...]
    tolerance: float


def _fraction(name: str, value) -> float:
    if isinstance(value, bool):
        raise ValueError(f"{name} must be a fraction in [0, 1]; got {value!r}")
    try:
        x = float(value)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name} must be a fraction in [0, 1]; got {value!r}") from exc
    if math.isnan(x) or not 0.0 <= x <= 1.0:
        raise ValueError(f"{name} must be a fraction in [0, 1]; got {value!r}")
    return x


def default_tolerance(optimal_error: float = 0.0) -> float:
    """τ = max(MIN_GAP, OPTIMAL_GAP_FACTOR × optimal_error)."""
    return max(MIN_GAP, OPTIMAL_GAP_FACTOR * _fraction("optimal_error", optimal_error))


def _stage(high_bias: bool, high_variance: bool) -> str:
    # §1.3: fix bias first (at least fit the training set), then variance.
    return "bias" if high_bias else "variance" if high_variance else "done"


def diagnose(
    train_error: float, dev_error: float, optimal_error: float = 0.0, tolerance: float | None = None
) -> Diagnosis:
    """§1.2 bias/variance diagnosis; see the module docstring for the rule and τ."""
    train = _fraction("train_error", train_error)
    dev = _fraction("dev_error", dev_error)
    optimal = _fraction("optimal_error", optimal_error)
    tau = default_tolerance(optimal) if tolerance is None else _fraction("tolerance", tolerance)
    bias, variance = train - optimal, dev - train
    high_bias, high_variance = bias > tau + _TIE, variance > tau + _TIE
    verdict = {
        (True, True): "both",
        (True, False): "high_bias",
        (False, True): "high_variance",
        (False, False): "fine",
    }[(high_bias, high_variance)]
    steps = RECIPE_STEPS[_stage(high_bias, high_variance)]
    return Diagnosis(train, dev, optimal, bias, variance, high_bias, high_variance, verdict,
                     steps, tau)


def recipe_stage(diagnosis: Diagnosis) -> str:
    """§1.3 where the recipe stands: "bias" (fix that first), "variance", or "done"."""
    if not isinstance(diagnosis, Diagnosis):
        raise ValueError(f"diagnosis must be a Diagnosis from diagnose(); got {diagnosis!r}")
    return _stage(diagnosis.high_bias, diagnosis.high_variance)


def next_steps(diagnosis: Diagnosis) -> tuple[str, ...]:
    """§1.3 step keys to try next, in order (bias steps first when both are high)."""
    return RECIPE_STEPS[recipe_stage(diagnosis)]
