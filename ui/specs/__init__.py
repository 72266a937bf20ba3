"""The lecture's pages in order, and where each page declares its controls.

A page ``slug`` has its script in ``pages/``, its controls in ``ui/specs/<slug>.py``
(``CONTROLS = (Control(...), ...)``) and its strings in ``ui/text/<slug>.py``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class PageSpec:
    slug: str
    script: str  # path relative to the project root
    sections: str  # lecture sections, e.g. "1.6–1.7"
    icon: str

    @property
    def title_key(self) -> str:
        return f"{self.slug}.title"

    @property
    def summary_key(self) -> str:
        return f"{self.slug}.summary"

    @property
    def exists(self) -> bool:
        return (ROOT / self.script).is_file()


PAGES = (
    PageSpec("data_splits", "lectures/01_data_splits.py", "1.1", ":material/splitscreen:"),
    PageSpec("bias_variance", "lectures/02_bias_variance.py", "1.2", ":material/target:"),
    PageSpec("recipe", "lectures/03_basic_recipe.py", "1.3", ":material/account_tree:"),
    PageSpec("l2", "lectures/04_l2_regularization.py", "1.4", ":material/compress:"),
    PageSpec("why_reg", "lectures/05_why_regularization.py", "1.5", ":material/show_chart:"),
    PageSpec("dropout", "lectures/06_dropout.py", "1.6–1.7", ":material/blur_on:"),
    PageSpec("augmentation", "lectures/07_data_augmentation.py", "1.8", ":material/flip:"),
    PageSpec("early_stopping", "lectures/08_early_stopping.py", "1.8", ":material/front_hand:"),
    PageSpec("normalization", "lectures/09_normalizing_inputs.py", "1.9", ":material/straighten:"),
    PageSpec("vanishing", "lectures/10_vanishing_exploding.py", "1.10", ":material/trending_down:"),
    PageSpec("initialization", "lectures/11_initialization.py", "1.11", ":material/casino:"),
    PageSpec("numerical_grad", "lectures/12_numerical_gradients.py", "1.12", ":material/functions:"),
    PageSpec("gradcheck", "lectures/13_gradient_checking.py", "1.13–1.14", ":material/fact_check:"),
)
HOME = PageSpec("home", "lectures/home.py", "", ":material/home:")
SPEC_BY_SLUG = {p.slug: p for p in (HOME, *PAGES)}


@cache
def controls_of(slug: str) -> tuple:
    """The page's declared controls (empty when it declares none)."""
    try:
        module = importlib.import_module(f"ui.specs.{slug}")
    except ModuleNotFoundError:
        return ()
    return tuple(module.CONTROLS)


def available_pages() -> tuple[PageSpec, ...]:
    """The pages whose scripts exist (later issues add the rest)."""
    return tuple(p for p in PAGES if p.exists)
