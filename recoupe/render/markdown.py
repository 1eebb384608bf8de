"""Renderer ``markdown``: per story its title, when and where, the cited article and its sources (story.md.j2)."""

from __future__ import annotations

from ..registry import renderers
from ..report import Report
from .environment import render_template
from .view import report_view

__all__ = ["to_markdown"]


def to_markdown(report: Report) -> str:
    return render_template("report.md.j2", report=report_view(report))


renderers.register("markdown", to_markdown)
