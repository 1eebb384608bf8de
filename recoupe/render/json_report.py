"""Renderer ``json``: the report contract (../shared/spec/report.schema.json, version 1)."""

from __future__ import annotations

import json

from ..registry import renderers
from ..report import Report

__all__ = ["to_json"]


def to_json(report: Report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)


renderers.register("json", to_json)
