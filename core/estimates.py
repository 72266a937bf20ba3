"""§1.1 How precise is an error rate measured on a dev or test set of n examples?

An error rate measured on n examples is a binomial proportion p̂ = (mistakes) / n. Its 95 %
interval shrinks like 1/√n: that is why 10,000 dev examples out of 1,000,000 are plenty
(±0.4 points at 5 % error) while 30 % of a 100-example set is not (±9 points).

    normal approximation (Wald):  p̂ ± z·√(p̂(1−p̂)/n)
    Wilson score:                 (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n)

Wilson stays inside [0, 1] and is honest for small n or p̂ near 0, where the normal
approximation collapses to a zero-width interval. Errors are fractions (0.05 = 5 %); every
function accepts NumPy arrays for ``n`` (and ``error``) and broadcasts. Pure NumPy, no UI.
"""

from __future__ import annotations

import math
from statistics import NormalDist

import numpy as np

METHODS = ("wilson", "normal")


def z_value(confidence: float = 0.95) -> float:
    """The two-sided normal quantile z with P(|Z| ≤ z) = confidence (1.959964 for 95 %)."""
    if isinstance(confidence, bool) or not isinstance(confidence, (int, float)) or not 0 < confidence < 1:
        raise ValueError(f"confidence must be a number strictly between 0 and 1; got {confidence!r}")
    return NormalDist().inv_cdf(0.5 + confidence / 2)


def _error(error) -> np.ndarray:
    p = np.asarray(error, dtype=float)
    if not np.all(np.isfinite(p)) or np.any((p < 0) | (p > 1)):
        raise ValueError(f"error must be a fraction in [0, 1]; got {error!r}")
    return p


def _size(n) -> np.ndarray:
    size = np.asarray(n, dtype=float)
    if not np.all(np.isfinite(size)) or np.any(size < 1):
        raise ValueError(f"n must be a number of examples ≥ 1; got {n!r}")
    return size


def normal_interval(error, n, confidence: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """§1.1 textbook interval p̂ ± z√(p̂(1−p̂)/n), clipped to [0, 1]; returns (low, high)."""
    p, size, z = _error(error), _size(n), z_value(confidence)
    half = z * np.sqrt(p * (1 - p) / size)
    return np.clip(p - half, 0.0, 1.0), np.clip(p + half, 0.0, 1.0)


def wilson_interval(error, n, confidence: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """§1.1 Wilson score interval for a measured error p̂ on n examples; returns (low, high)."""
    p, size, z = _error(error), _size(n), z_value(confidence)
    z2n = z * z / size
    centre = (p + z2n / 2) / (1 + z2n)
    half = z / (1 + z2n) * np.sqrt(p * (1 - p) / size + z2n / (4 * size))
    return np.clip(centre - half, 0.0, 1.0), np.clip(centre + half, 0.0, 1.0)


def interval(error, n, confidence: float = 0.95, method: str = "wilson") -> tuple[np.ndarray, np.ndarray]:
    """The (low, high) interval by ``method``: "wilson" or "normal"."""
    if method not in METHODS:
        raise ValueError(f"method must be one of {', '.join(METHODS)}; got {method!r}")
    fn = wilson_interval if method == "wilson" else normal_interval
    return fn(error, n, confidence)


def half_width(error, n, confidence: float = 0.95, method: str = "wilson") -> np.ndarray:
    """Half the interval's width: the "±" of a measured error, in the same units as ``error``."""
    low, high = interval(error, n, confidence, method)
    return (high - low) / 2


def required_size(error: float, margin: float, confidence: float = 0.95) -> int:
    """Smallest n whose normal-approximation ± is at most ``margin``: ⌈z²·p(1−p)/margin²⌉.

    The classic survey number: p = 0.5, margin 0.03 at 95 % gives 1068.
    """
    p = float(_error(error))
    if isinstance(margin, bool) or not isinstance(margin, (int, float)) or not 0 < margin <= 1:
        raise ValueError(f"margin must be a number in (0, 1]; got {margin!r}")
    z = z_value(confidence)
    return max(1, math.ceil(z * z * p * (1 - p) / (margin * margin) - 1e-9))
