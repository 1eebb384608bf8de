"""recoupe: from raw news reports to a cited, cross-checked story report."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .config import Settings
from .report import Report

if TYPE_CHECKING:
    from .api import analyze

__all__ = ["Report", "Settings", "__version__", "analyze"]
#: the one place the version is written: the wheel's metadata reads it (pyproject.toml, tool.setuptools.dynamic)
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """``recoupe.analyze`` imported on first use (PEP 562): it brings the whole pipeline, which the command line's
    ``--help``, ``--version`` and store listings do not need (``import recoupe.cli`` runs this module first)."""
    if name == "analyze":
        from .api import analyze

        globals()["analyze"] = analyze
        return analyze
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
