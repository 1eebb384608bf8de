"""The one (de)serialisation of the data model: dataclasses to JSON data and back, field by field.

:func:`to_data` writes a value of :mod:`recoupe.model` as JSON data (a dataclass as an object of its fields, a tuple as
a list, a :class:`~recoupe.model.Span` as ``{"doc", "start", "end"}``); :func:`from_data` reads it back into the
typed value, led by the dataclass's type hints. The JSON report, the store's annotations and "what changed" all go
through these two functions, so a field added to the model reaches all three.
"""

from __future__ import annotations

import types
from dataclasses import fields, is_dataclass
from functools import cache
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

__all__ = ["from_data", "to_data"]

T = TypeVar("T")
#: fields left out when they hold None (the report omits them rather than writing null)
OMIT_NONE = frozenset({"part_of_day"})


def to_data(value: Any, *, only: frozenset[str] | None = None) -> Any:
    """``value`` as JSON data; ``only`` keeps those fields of a top-level dataclass."""
    if is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: to_data(getattr(value, f.name))
            for f in fields(value)
            if (only is None or f.name in only) and f.compare and not _omitted(f.name, getattr(value, f.name))
        }
    if isinstance(value, (tuple, list)):
        return [to_data(item) for item in value]
    return value


def from_data(cls: type[T], data: dict[str, Any], **given: Any) -> T:
    """The ``cls`` instance ``data`` describes; ``given`` fields are taken as they are (not read from ``data``)."""
    hints = _hints(cls)  # type: ignore[arg-type]
    values = {name: _read(hints[name], raw) for name, raw in data.items() if name in hints and name not in given}
    return cls(**values, **given)


def _omitted(name: str, value: Any) -> bool:
    return value is None and name in OMIT_NONE


@cache
def _hints(cls: Any) -> dict[str, Any]:
    return get_type_hints(cls)


def _read(hint: Any, raw: Any) -> Any:
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(hint) if a is not type(None)]
        return None if raw is None else _read(options[0], raw)
    if origin is tuple:
        args = get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_read(args[0], item) for item in raw)
        return tuple(_read(a, item) for a, item in zip(args, raw, strict=True))
    if origin is Literal or hint is Any:
        return raw
    if is_dataclass(hint):
        return from_data(hint, raw)  # type: ignore[arg-type]
    return raw
