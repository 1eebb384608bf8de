"""Word lists kept as data files in ``recoupe/data``: one entry a line, ``#`` comments and blank lines skipped."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

__all__ = ["alternation", "words"]


@cache
def words(name: str) -> tuple[str, ...]:
    """The entries of ``recoupe/data/<name>.txt``, in file order."""
    text = files("recoupe.data").joinpath(f"{name}.txt").read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def alternation(name: str) -> str:
    """The entries joined as one regular-expression alternation (without the group around it)."""
    return "|".join(words(name))
