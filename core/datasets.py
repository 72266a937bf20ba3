"""Synthetic 2-D datasets and data utilities for Course 2, Week 1 (practical aspects of DL).

Course notation throughout: ``X`` is ``(n_x, m)`` float64 with one column per example and
``Y`` is ``(1, m)`` float64 of 0.0/1.0.  Every generated set has ``n_x = 2``.

Lecture map:
  * §1.1 train/dev/test sets: :func:`split`, :func:`split_counts`, mismatched distributions
    (:func:`shift_distribution`, :func:`make_mismatched_sets`).
  * §1.2 bias/variance: label noise ``noise_rate`` is the optimal (Bayes) error by construction.
  * §1.8 data augmentation: :data:`TRANSFORMS`, :func:`augment`, :func:`valid_transforms`.
  * §1.9 normalizing inputs: the ``"scaled"`` dataset, :class:`Normalizer`.

Pure NumPy; no UI imports.
"""

from __future__ import annotations

import numbers
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

DATASETS = ("moons", "circles", "xor", "spiral", "blobs", "scaled")
TRANSFORMS = (
    "reflect_x",
    "reflect_y",
    "reflect_origin",
    "swap_axes",
    "rotate_90",
    "rotate_180",
    "jitter",
)
SPLIT_PARTS = ("train", "dev", "test")
SHIFT_KINDS = ("rotate", "scale", "noise")
MIN_M = 4
MAX_M = 1_000_000
MAX_UPLOAD_ROWS = 20_000
NORMALIZER_EPS = 1e-12
RATIO_TOL = 1e-9

# Label-preserving transforms per generator (§1.8).  Derived from the geometry below and
# proven in tests/core/test_datasets.py; every other transform changes labels.
_VALID = {
    "circles": TRANSFORMS,  # rotation/reflection invariant: label depends on the radius only
    "xor": ("reflect_origin", "swap_axes", "rotate_180", "jitter"),  # keep sign(x1 * x2)
    "moons": ("jitter",),  # only symmetry is rotate_180, which swaps the two moons
    "spiral": ("jitter",),  # rotate_180 swaps the arms; reflections reverse the handedness
    "blobs": ("reflect_x", "jitter"),  # blobs sit on the x1 axis at x1 = -0.75 / +0.75
    "scaled": ("jitter",),  # the other maps send points off the support (x1 1..1000, x2 0..1)
}

# Linear transforms as 2x2 matrices acting on column vectors (x1, x2).
_MATRICES = {
    "reflect_x": np.array([[1.0, 0.0], [0.0, -1.0]]),
    "reflect_y": np.array([[-1.0, 0.0], [0.0, 1.0]]),
    "reflect_origin": np.array([[-1.0, 0.0], [0.0, -1.0]]),
    "swap_axes": np.array([[0.0, 1.0], [1.0, 0.0]]),
    "rotate_90": np.array([[0.0, -1.0], [1.0, 0.0]]),
    "rotate_180": np.array([[-1.0, 0.0], [0.0, -1.0]]),
}


# --------------------------------------------------------------------------- validation


def _check_choice(value: object, choices: Sequence[str], arg: str) -> str:
    if not isinstance(value, str) or value not in choices:
        raise ValueError(f"{arg} must be one of {', '.join(choices)}; got {value!r}")
    return value


def _check_int(value: object, arg: str, lo: int, hi: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ValueError(f"{arg} must be an integer; got {value!r}")
    if value < lo or (hi is not None and value > hi):
        bound = f">= {lo}" if hi is None else f"between {lo} and {hi}"
        raise ValueError(f"{arg} must be {bound}; got {value}")
    return int(value)


def _check_real(value: object, arg: str, lo: float, hi: float | None = None) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(f"{arg} must be a real number; got {value!r}")
    value = float(value)
    if not np.isfinite(value) or value < lo or (hi is not None and value > hi):
        bound = f">= {lo}" if hi is None else f"between {lo} and {hi}"
        raise ValueError(f"{arg} must be finite and {bound}; got {value}")
    return value


def _check_bool(value: object, arg: str) -> bool:
    if not isinstance(value, (bool, np.bool_)):
        raise ValueError(f"{arg} must be True or False; got {value!r}")
    return bool(value)


def _as_matrix(X: object, arg: str = "X", rows: int | None = 2) -> np.ndarray:
    """Return ``X`` as a finite float64 ``(rows, m)`` array with ``m >= 1``."""
    try:
        arr = np.asarray(X, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{arg} must be a numeric 2-D array: {exc}") from None
    if arr.ndim != 2 or arr.shape[1] < 1 or (rows is not None and arr.shape[0] != rows):
        want = f"({rows}, m)" if rows is not None else "(n_x, m)"
        raise ValueError(f"{arg} must have shape {want} with m >= 1; got shape {arr.shape}")
    if not np.isfinite(arr).all():
        raise ValueError(f"{arg} contains NaN or inf")
    return arr


def _as_xy(X: object, Y: object, rows: int | None = 2) -> tuple[np.ndarray, np.ndarray]:
    """Validate a labelled set: ``X`` (rows, m) and ``Y`` (1, m) of 0/1, same m."""
    X = _as_matrix(X, "X", rows=rows)
    Y = _as_matrix(Y, "Y", rows=1)
    if Y.shape[1] != X.shape[1]:
        raise ValueError(f"Y must have shape (1, {X.shape[1]}) to match X; got {Y.shape}")
    if not np.isin(Y, (0.0, 1.0)).all():
        raise ValueError("Y must contain only 0.0 and 1.0")
    return X, Y


def _frozen(arr: np.ndarray) -> np.ndarray:
    arr = np.array(arr, dtype=np.float64, copy=True)
    arr.flags.writeable = False
    return arr


# --------------------------------------------------------------------------- Dataset


@dataclass(frozen=True, eq=False)
class Dataset:
    """One labelled set in course notation (arrays are read-only copies).

    X: (2, m) float64; Y: (1, m) float64 of 0.0/1.0.  ``noise_rate`` is the label-flip
    probability p; since the clean classes are separable it is the optimal (Bayes) error, §1.2.
    """

    X: np.ndarray
    Y: np.ndarray
    name: str
    noise_rate: float

    def __post_init__(self) -> None:
        X, Y = _as_xy(self.X, self.Y)
        if not isinstance(self.name, str) or not self.name:
            raise ValueError(f"name must be a non-empty string; got {self.name!r}")
        noise_rate = _check_real(self.noise_rate, "noise_rate", 0.0, 0.5)
        object.__setattr__(self, "X", _frozen(X))
        object.__setattr__(self, "Y", _frozen(Y))
        object.__setattr__(self, "noise_rate", noise_rate)

    @property
    def m(self) -> int:
        """Number of examples (columns of X)."""
        return int(self.X.shape[1])

    @property
    def bayes_error(self) -> float:
        """Optimal error, §1.2: equal to the label-flip probability ``noise_rate``."""
        return self.noise_rate


# --------------------------------------------------------------------------- generators
# Each generator returns the clean positions of class 0 (2, n0) and class 1 (2, n1).


def _moons(rng: np.random.Generator, n0: int, n1: int) -> tuple[np.ndarray, np.ndarray]:
    """Interleaved half circles of radius 1: class 0 is the upper arc centred (-0.5, -0.15),
    class 1 = -class 0 (lower arc centred (0.5, 0.15)); the arcs are 0.7 apart.  The vertical
    offset 0.15 (smaller than the usual 0.25) makes the mirror images fall half-way between the
    moons, so that every transform except jitter is clearly label-changing.
    """
    t0 = rng.uniform(0.0, np.pi, n0)
    t1 = rng.uniform(0.0, np.pi, n1)
    upper = np.vstack([np.cos(t0) - 0.5, np.sin(t0) - 0.15])
    lower = -np.vstack([np.cos(t1) - 0.5, np.sin(t1) - 0.15])
    return upper, lower


def _circles(rng: np.random.Generator, n0: int, n1: int) -> tuple[np.ndarray, np.ndarray]:
    """Class 0 on the circle r = 1, class 1 on the concentric circle r = 0.5."""
    t0 = rng.uniform(0.0, 2 * np.pi, n0)
    t1 = rng.uniform(0.0, 2 * np.pi, n1)
    return np.vstack([np.cos(t0), np.sin(t0)]), 0.5 * np.vstack([np.cos(t1), np.sin(t1)])


def _xor(rng: np.random.Generator, n0: int, n1: int) -> tuple[np.ndarray, np.ndarray]:
    """Uniform in the quadrants with |x1|, |x2| in [0.1, 1.1]; class 1 iff x1 * x2 < 0."""

    def draw(n: int, same_sign: bool) -> np.ndarray:
        mag = rng.uniform(0.1, 1.1, (2, n))
        s1 = rng.choice((-1.0, 1.0), n)
        return mag * np.vstack([s1, s1 if same_sign else -s1])

    return draw(n0, True), draw(n1, False)


def _spiral(rng: np.random.Generator, n0: int, n1: int) -> tuple[np.ndarray, np.ndarray]:
    """Two-arm Archimedean spiral r = a * theta, 1.5 turns; arm 1 is arm 0 rotated by 180°.

    The angular phase 2*pi/3 puts the mirror axes half-way between the arms' phases, so that
    reflections (which reverse the handedness) give about 50% label agreement.
    """
    lo, hi = 0.5 * np.pi, 3.5 * np.pi
    a = 1.4 / hi  # outer radius 1.4; arms are a*pi ~ 0.4 apart
    phase = 2 * np.pi / 3

    def arm(n: int) -> np.ndarray:
        theta = np.sqrt(rng.uniform(lo**2, hi**2, n))  # ~uniform along the arc length
        return a * theta * np.vstack([np.cos(theta + phase), np.sin(theta + phase)])

    return arm(n0), -arm(n1)


def _blobs(rng: np.random.Generator, n0: int, n1: int) -> tuple[np.ndarray, np.ndarray]:
    """Uniform discs of radius 0.5 centred at (-0.75, 0) (class 0) and (+0.75, 0) (class 1)."""

    def disc(n: int, cx: float) -> np.ndarray:
        r = 0.5 * np.sqrt(rng.uniform(0.0, 1.0, n))
        t = rng.uniform(0.0, 2 * np.pi, n)
        return np.vstack([cx + r * np.cos(t), r * np.sin(t)])

    return disc(n0, -0.75), disc(n1, 0.75)


def _scaled(rng: np.random.Generator, n0: int, n1: int) -> tuple[np.ndarray, np.ndarray]:
    """§1.9 set: x1 = 1 + 999 u in [1, 1000], x2 = v in [0, 1]; class 1 iff v > u (margin 0.1)."""
    gap = 0.1

    def triangle(n: int) -> tuple[np.ndarray, np.ndarray]:  # uniform on {0 <= lo <= hi <= 1}
        uv = np.sort(rng.uniform(0.0, 1.0, (2, n)), axis=0)
        return uv[0] * (1 - gap), gap + uv[1] * (1 - gap)

    lo0, hi0 = triangle(n0)
    lo1, hi1 = triangle(n1)
    return np.vstack([1 + 999 * hi0, lo0]), np.vstack([1 + 999 * lo1, hi1])


_GENERATORS: dict[str, Callable[..., tuple[np.ndarray, np.ndarray]]] = {
    "moons": _moons,
    "circles": _circles,
    "xor": _xor,
    "spiral": _spiral,
    "blobs": _blobs,
    "scaled": _scaled,
}

# One "unit" of jitter per feature: a third of the feature span (the centred sets span ~3).
_UNIT = {name: np.ones((2, 1)) for name in DATASETS}
_UNIT["scaled"] = np.array([[999.0 / 3], [1.0 / 3]])


def make_dataset(
    name: str, m: int = 400, seed: int = 0, noise_rate: float = 0.0, jitter: float = 0.1
) -> Dataset:
    """Generate a labelled 2-D set: X (2, m), Y (1, m); §1.2 Bayes error, §1.9 "scaled".

    Clean, separable class geometry (m // 2 examples of class 0, the rest class 1), plus
    Gaussian position noise of std ``jitter`` units (1 unit = 1 for the centred sets, a third
    of each feature's span for "scaled"), then each label is flipped independently with
    probability ``noise_rate`` (0 <= p <= 0.5), which is therefore the Bayes error.  Columns
    are shuffled.  Deterministic given ``seed``; the same seed gives the same positions and
    the same flip draws whatever ``noise_rate`` and ``jitter`` are.  ``4 <= m <= 1_000_000``.
    """
    name = _check_choice(name, DATASETS, "name")
    m = _check_int(m, "m", MIN_M, MAX_M)
    seed = _check_int(seed, "seed", 0)
    noise_rate = _check_real(noise_rate, "noise_rate", 0.0, 0.5)
    jitter = _check_real(jitter, "jitter", 0.0)
    rng = np.random.default_rng(seed)
    n0 = m // 2
    X = np.hstack(_GENERATORS[name](rng, n0, m - n0))
    X += jitter * _UNIT[name] * rng.standard_normal((2, m))
    Y = np.concatenate([np.zeros(n0), np.ones(m - n0)])
    Y = np.where(rng.random(m) < noise_rate, 1.0 - Y, Y)
    order = rng.permutation(m)
    return Dataset(X[:, order], Y[None, order], name, noise_rate)


# --------------------------------------------------------------------------- splitting


def _check_ratios(ratios: object) -> np.ndarray:
    try:
        r = np.asarray(ratios, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f"ratios must be 2 or 3 numbers; got {ratios!r}") from None
    if r.ndim != 1 or r.size not in (2, 3):
        raise ValueError(f"ratios must be 2 or 3 numbers (train, dev[, test]); got {ratios!r}")
    if not np.isfinite(r).all() or (r <= 0).any():
        raise ValueError(f"ratios must all be finite and > 0; got {ratios!r}")
    if abs(r.sum() - 1.0) > RATIO_TOL:
        raise ValueError(f"ratios must sum to 1; got {ratios!r} (sum {r.sum():.12g})")
    return r / r.sum()


def split_counts(m: int, ratios: Sequence[float]) -> tuple[int, ...]:
    """Sizes (train, dev[, test]) that :func:`split` uses for m examples, §1.1.

    Largest-remainder rounding of ``ratios * m``, then every part is given at least one
    example (taken from the largest part).  The counts sum to ``m``.
    """
    m = _check_int(m, "m", 1)
    r = _check_ratios(ratios)
    if m < r.size:
        raise ValueError(f"ratios: m={m} is too small to give each of {r.size} parts an example")
    raw = r * m
    counts = np.floor(raw).astype(np.int64)
    rest = int(m - counts.sum())
    counts[np.argsort(counts - raw, kind="stable")[:rest]] += 1
    while (counts == 0).any():
        counts[np.argmax(counts)] -= 1
        counts[np.argmin(counts)] += 1
    return tuple(int(c) for c in counts)


def split(
    X: np.ndarray, Y: np.ndarray, ratios: Sequence[float] = (0.6, 0.2, 0.2), seed: int = 0
) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Seeded shuffle, then split X (n_x, m), Y (1, m) into train/dev[/test] parts, §1.1.

    Returns ``{"train": (X, Y), "dev": (X, Y)[, "test": (X, Y)]}`` with sizes from
    :func:`split_counts`; parts are disjoint copies whose union is the whole set.
    """
    X, Y = _as_xy(X, Y, rows=None)
    counts = split_counts(X.shape[1], ratios)
    seed = _check_int(seed, "seed", 0)
    perm = np.random.default_rng(seed).permutation(X.shape[1])
    bounds = np.cumsum((0, *counts))
    parts = {}
    for part, a, b in zip(SPLIT_PARTS, bounds[:-1], bounds[1:], strict=False):
        idx = perm[a:b]
        parts[part] = (X[:, idx], Y[:, idx])
    return parts


# --------------------------------------------------------------------------- mismatch


def _shift(
    X: np.ndarray, kind: str, amount: float, seed: int, centre: np.ndarray, std: np.ndarray
) -> np.ndarray:
    """Apply a distribution shift with a given centre (2, 1) and feature std (2, 1)."""
    if amount == 0.0:
        return X.copy()
    if kind == "rotate":
        angle = amount * np.pi / 2
        c, s = np.cos(angle), np.sin(angle)
        return centre + np.array([[c, -s], [s, c]]) @ (X - centre)
    if kind == "scale":
        return centre + (1.0 + amount) * (X - centre)
    noise = np.random.default_rng(seed).standard_normal(X.shape)
    return X + amount * std * noise


def shift_distribution(
    X: np.ndarray, kind: str = "rotate", amount: float = 0.5, seed: int = 0
) -> np.ndarray:
    """Shifted copy of X (2, m) for the §1.1 "dev/test from a different distribution" demo.

    kind "rotate": rotate by ``amount * 90`` degrees about the data centre; "scale": stretch
    by ``1 + amount`` about the data centre; "noise": add Gaussian noise with std
    ``amount * (feature std)``.  ``amount`` in [0, 1]; ``amount = 0`` returns an exact copy.
    """
    X = _as_matrix(X, "X")
    kind = _check_choice(kind, SHIFT_KINDS, "kind")
    amount = _check_real(amount, "amount", 0.0, 1.0)
    seed = _check_int(seed, "seed", 0)
    centre = X.mean(axis=1, keepdims=True)
    return _shift(X, kind, amount, seed, centre, X.std(axis=1, keepdims=True))


def _child_seed(seed: int, k: int) -> int:
    return int(np.random.SeedSequence([seed, k]).generate_state(1)[0])


def make_mismatched_sets(
    name: str,
    m_train: int,
    m_dev: int,
    m_test: int,
    seed: int = 0,
    noise_rate: float = 0.0,
    jitter: float = 0.1,
    shift: str = "rotate",
    amount: float = 0.5,
    dev_shifted: bool = True,
    test_shifted: bool = True,
) -> dict[str, Dataset]:
    """Train/dev/test sets where dev and/or test come from a shifted distribution, §1.1.

    Returns ``{"train", "dev", "test"}`` -> :class:`Dataset`.  "train" equals
    ``make_dataset(name, m_train, seed, noise_rate, jitter)``; dev and test are independent
    draws, shifted (when flagged) by the same map, defined with the training set's centre
    and feature std so that shifted dev and test share one distribution.
    """
    name = _check_choice(name, DATASETS, "name")
    sizes = {
        part: _check_int(v, f"m_{part}", MIN_M, MAX_M)
        for part, v in (("train", m_train), ("dev", m_dev), ("test", m_test))
    }
    seed = _check_int(seed, "seed", 0)
    shift = _check_choice(shift, SHIFT_KINDS, "shift")
    amount = _check_real(amount, "amount", 0.0, 1.0)
    flags = {"dev": _check_bool(dev_shifted, "dev_shifted")}
    flags["test"] = _check_bool(test_shifted, "test_shifted")
    train = make_dataset(name, sizes["train"], seed, noise_rate, jitter)
    centre = train.X.mean(axis=1, keepdims=True)
    std = train.X.std(axis=1, keepdims=True)
    sets = {"train": train}
    for k, part in enumerate(("dev", "test"), start=1):
        d = make_dataset(name, sizes[part], _child_seed(seed, k), noise_rate, jitter)
        if flags[part]:
            X = _shift(d.X, shift, amount, _child_seed(seed, k + 2), centre, std)
            d = Dataset(X, d.Y, d.name, d.noise_rate)
        sets[part] = d
    return sets


# --------------------------------------------------------------------------- normalizing


@dataclass(frozen=True, eq=False)
class Normalizer:
    """§1.9 input normalization with statistics fitted on the training set only.

    mu: (n_x, 1) mean; sigma2: (n_x, 1) variance (1/m convention, as in the lecture).
    """

    mu: np.ndarray
    sigma2: np.ndarray

    def __post_init__(self) -> None:
        mu = _as_matrix(self.mu, "mu", rows=None)
        sigma2 = _as_matrix(self.sigma2, "sigma2", rows=None)
        if mu.shape[1] != 1 or sigma2.shape != mu.shape:
            raise ValueError(
                f"mu and sigma2 must both have shape (n_x, 1); got {mu.shape}, {sigma2.shape}"
            )
        if (sigma2 < 0).any():
            raise ValueError("sigma2 must be >= 0 (it is a variance)")
        object.__setattr__(self, "mu", _frozen(mu))
        object.__setattr__(self, "sigma2", _frozen(sigma2))

    @property
    def n_x(self) -> int:
        """Number of features the statistics were fitted on."""
        return int(self.mu.shape[0])

    def transform(self, X: np.ndarray) -> np.ndarray:
        """(X - mu) / sqrt(sigma2 + 1e-12) for X (n_x, m); returns a new (n_x, m) array."""
        X = _as_matrix(X, "X", rows=self.n_x)
        return (X - self.mu) / np.sqrt(self.sigma2 + NORMALIZER_EPS)


def fit_normalizer(X_train: np.ndarray) -> Normalizer:
    """Fit §1.9 statistics on X_train (n_x, m): mu = mean, sigma2 = mean((x - mu)**2)."""
    X = _as_matrix(X_train, "X_train", rows=None)
    mu = X.mean(axis=1, keepdims=True)
    return Normalizer(mu, ((X - mu) ** 2).mean(axis=1, keepdims=True))


# --------------------------------------------------------------------------- augmentation


def valid_transforms(name: str) -> tuple[str, ...]:
    """§1.8: transforms (in :data:`TRANSFORMS` order) that preserve the labels of ``name``."""
    name = _check_choice(name, DATASETS, "name")
    return tuple(t for t in TRANSFORMS if t in _VALID[name])


def invalid_transforms(name: str) -> tuple[str, ...]:
    """§1.8: transforms that change labels for ``name`` ("don't flip the cat upside down")."""
    name = _check_choice(name, DATASETS, "name")
    return tuple(t for t in TRANSFORMS if t not in _VALID[name])


def _check_transforms(transforms: object) -> tuple[str, ...]:
    if isinstance(transforms, str):
        transforms = (transforms,)
    try:
        names = tuple(transforms)  # type: ignore[arg-type]
    except TypeError:
        raise ValueError(f"transforms must be a sequence of names; got {transforms!r}") from None
    for t in names:
        _check_choice(t, TRANSFORMS, "transforms")
    return names


def augment(
    X: np.ndarray,
    Y: np.ndarray,
    transforms: Sequence[str],
    seed: int = 0,
    jitter: float = 0.05,
    dataset: str | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """§1.8 data augmentation: only the NEW examples, X_new (2, k*m) and Y_new (1, k*m).

    Each of the k transforms is applied to every column of X (2, m); the maps act about the
    origin (see :data:`TRANSFORMS`), "jitter" adds Gaussian noise of std ``jitter * (feature
    std)``.  Labels are copied from the originals, as a naive augmenter would, so a transform
    listed in ``invalid_transforms(dataset)`` is still applied: that is the harmful case the
    demo shows.  ``dataset`` is only validated.  The caller concatenates with (X, Y).
    """
    X, Y = _as_xy(X, Y)
    names = _check_transforms(transforms)
    seed = _check_int(seed, "seed", 0)
    jitter = _check_real(jitter, "jitter", 0.0)
    if dataset is not None:
        _check_choice(dataset, DATASETS, "dataset")
    rng = np.random.default_rng(seed)
    std = X.std(axis=1, keepdims=True)
    parts = [
        X + jitter * std * rng.standard_normal(X.shape) if t == "jitter" else _MATRICES[t] @ X
        for t in names
    ]
    X_new = np.hstack(parts) if parts else np.empty((2, 0))
    return X_new, np.tile(Y, (1, len(names)))


# --------------------------------------------------------------------------- user data


def _parse_number(value: object) -> float:
    if isinstance(value, (str, bytes)):
        return float(value.strip())
    if isinstance(value, numbers.Real):
        return float(value)
    raise TypeError(f"not a number: {value!r}")


def _to_float(arr: np.ndarray, arg: str, width: int) -> np.ndarray:
    """float64 copy of a numeric/object array; ValueError naming the non-numeric rows."""
    if arr.dtype.kind in "biuf":
        return arr.astype(np.float64)
    if arr.dtype.kind not in "OUS":
        raise ValueError(f"{arg} must contain real numbers; got dtype {arr.dtype}")
    flat = arr.reshape(-1)
    out = np.empty(flat.shape, dtype=np.float64)
    bad = []
    for i, value in enumerate(flat):
        try:
            out[i] = _parse_number(value)
        except (TypeError, ValueError):
            bad.append(i)
    if bad:
        rows = len({i // width for i in bad})
        raise ValueError(
            f"{arg} has non-numeric values in {rows} row(s), "
            f"e.g. {flat[bad[0]]!r} at row {bad[0] // width}"
        )
    return out.reshape(arr.shape)


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else repr(float(v))


def _check_finite_rows(arr: np.ndarray, arg: str) -> None:
    bad = ~np.isfinite(arr.reshape(arr.shape[0], -1)).all(axis=1)
    if bad.any():
        first = int(np.argmax(bad))
        raise ValueError(f"{arg} has NaN or inf in {int(bad.sum())} row(s), first at row {first}")


def _points_array(points: object, max_rows: int) -> np.ndarray:
    try:
        arr = np.asarray(points)
    except ValueError:
        raise ValueError("points has rows of different lengths; expected (n, 2)") from None
    if arr.size == 0:
        raise ValueError("points is empty: no rows to use")
    if arr.ndim != 2 or arr.shape[1] != 2:
        transposed = arr.ndim == 2 and arr.shape[0] == 2
        hint = " (looks transposed: use one row per point)" if transposed else ""
        raise ValueError(f"points must have shape (n, 2); got shape {arr.shape}{hint}")
    if arr.shape[0] > max_rows:
        raise ValueError(f"points has {arr.shape[0]} rows, more than max_rows={max_rows}")
    pts = _to_float(arr, "points", 2)
    _check_finite_rows(pts, "points")
    return pts


def _labels_array(labels: object, n: int) -> np.ndarray:
    arr = np.asarray(labels)
    if arr.ndim == 2 and 1 in arr.shape:
        arr = arr.reshape(-1)
    if arr.ndim != 1:
        raise ValueError(f"labels must be 1-D with one value per point; got shape {arr.shape}")
    if arr.shape[0] != n:
        raise ValueError(f"labels has {arr.shape[0]} values but points has {n} rows")
    lab = _to_float(arr, "labels", 1)
    _check_finite_rows(lab, "labels")
    return lab


def _binary_labels(lab: np.ndarray, min_per_class: int) -> np.ndarray:
    values, counts = np.unique(lab, return_counts=True)
    if values.size > 2:
        shown = ", ".join(_fmt(v) for v in values[:10]) + (", ..." if values.size > 10 else "")
        raise ValueError(f"labels must be binary; found {values.size} distinct values: {shown}")
    if values.size == 1:
        raise ValueError(f"labels contain a single class ({_fmt(values[0])}); need two classes")
    for v, c in zip(values, counts, strict=True):
        if c < min_per_class:
            raise ValueError(
                f"class {_fmt(v)} has only {c} row(s); need at least min_per_class={min_per_class}"
            )
    return (lab == values[1]).astype(np.float64)


def validate_points(
    points: object,
    labels: object,
    max_rows: int = MAX_UPLOAD_ROWS,
    min_per_class: int = 2,
) -> tuple[np.ndarray, np.ndarray]:
    """Check user data and convert it to course notation, X (2, n) and Y (1, n), §1.1.

    ``points`` is array-like (n, 2), one row per point (as read from a CSV); ``labels`` is
    (n,) with exactly two numeric classes (e.g. {0, 1}, {-1, 1}, {False, True}; numeric
    strings are parsed): the smaller maps to 0.0 and the larger to 1.0.  Raises ValueError
    with a distinct message for each problem (empty, shape, too many rows, non-numeric,
    NaN/inf, label count, non-binary, single class, too few rows in a class).
    """
    max_rows = _check_int(max_rows, "max_rows", 1)
    min_per_class = _check_int(min_per_class, "min_per_class", 1)
    pts = _points_array(points, max_rows)
    lab = _labels_array(labels, pts.shape[0])
    Y = _binary_labels(lab, min_per_class)
    return np.ascontiguousarray(pts.T), Y[None, :]
