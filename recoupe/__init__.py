"""recoupe: from raw news reports to a cited, cross-checked story report."""

from .api import analyze
from .config import Settings
from .report import Report

__all__ = ["Report", "Settings", "__version__", "analyze"]
__version__ = "0.1.0"
