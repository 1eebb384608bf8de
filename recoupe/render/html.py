"""Renderer ``html``: one self-contained page; each citation links to the passage it cites (story.html.j2)."""

from __future__ import annotations

from ..registry import renderers
from ..report import Report
from .environment import render_template
from .view import report_view

__all__ = ["to_html"]


def to_html(report: Report) -> str:
    return render_template("report.html.j2", report=report_view(report))


renderers.register("html", to_html)
