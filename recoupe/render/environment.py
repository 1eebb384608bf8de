"""The Jinja2 environment of the report templates (``recoupe/render/templates``, package data).

``*.html.j2`` templates are autoescaped; the Markdown ones (``*.md.j2``) are not. Block tags take the whole line they
stand on (``trim_blocks``, ``lstrip_blocks``) and a template's last newline is kept, so a Markdown template writes the
lines it shows. The HTML report is one line: in its templates a dash (``{%-``, ``-%}``, ``{{- "" }}``) joins a line to
the one before, whitespace in the page being visible between inline elements.
"""

from __future__ import annotations

from functools import cache
from html import escape
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_eval_context, select_autoescape
from jinja2.nodes import EvalContext
from markupsafe import Markup

__all__ = ["environment", "render_template"]


@pass_eval_context
def _escape_as_stdlib(eval_ctx: EvalContext, value: Any) -> Any:
    """In an autoescaped template, a string escaped by :func:`html.escape` (``&#x27;``, ``&quot;``) rather than by
    MarkupSafe (``&#39;``, ``&#34;``): the same characters, written as the reports wrote them before the templates."""
    if eval_ctx.autoescape and isinstance(value, str) and not isinstance(value, Markup):
        return Markup(escape(value))
    return value


@cache
def environment() -> Environment:
    """The one environment of the report templates; a web UI renders the same story macros through it."""
    return Environment(
        loader=PackageLoader("recoupe.render", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default_for_string=True),
        undefined=StrictUndefined,
        finalize=_escape_as_stdlib,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_template(name: str, **context: object) -> str:
    return environment().get_template(name).render(**context)
