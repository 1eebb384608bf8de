"""The pages' Jinja2 environment: the reports' own (``recoupe.render.environment``), its templates reachable (the
``story`` macro above all), with the web UI's templates first and citations linking to the cited source's page."""

from __future__ import annotations

from functools import cache
from urllib.parse import quote, urlencode

from jinja2 import ChoiceLoader, Environment, PackageLoader

from ..model import Span
from ..render.environment import environment
from ..render.view import Citation

__all__ = ["citation_href", "page", "span_href"]


def span_href(span: Span) -> str:
    """The source's page, the span highlighted and scrolled to."""
    return f"/documents/{quote(span.doc)}?{urlencode({'start': span.start, 'end': span.end})}#cited"


def citation_href(citation: Citation) -> str:
    return span_href(citation.span)


@cache
def web_environment() -> Environment:
    base = environment()
    assert base.loader is not None
    web = base.overlay(loader=ChoiceLoader([PackageLoader("recoupe.web", "templates"), base.loader]))
    web.globals = {**base.globals, "citation_href": citation_href, "span_href": span_href}
    return web


def page(name: str, **context: object) -> str:
    return web_environment().get_template(name).render(**context)
