"""Renderers: JSON, Markdown and a self-contained HTML report, registered by name."""

from .common import render

__all__ = ["render"]
