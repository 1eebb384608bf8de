"""The progress bar of long runs: documents done, documents per second, time left (tqdm, on standard error).

Shown only on a terminal and never with ``--quiet``; a run shorter than ``DELAY`` seconds shows none.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Protocol, TextIO

__all__ = ["DELAY", "BarFactory", "Progress", "terminal_bar"]

#: seconds before a bar appears: a run of the bundled example ends before
DELAY = 2.0


class Progress(Protocol):
    def update(self, n: int = 1) -> object: ...

    def close(self) -> None: ...


#: makes a bar from the number of documents and what is counted ("analysed", "stored")
BarFactory = Callable[[int, str], Progress]


def terminal_bar(*, quiet: bool, stream: TextIO | None = None) -> BarFactory | None:
    """A bar factory writing to ``stream`` (standard error), or None when quiet or the stream is not a terminal."""
    out = stream or sys.stderr
    if quiet or not out.isatty():
        return None

    def make(total: int, what: str) -> Progress:
        from tqdm import tqdm

        return tqdm(total=total, desc=what, unit="doc", file=out, delay=DELAY, smoothing=0.05, dynamic_ncols=True)

    return make
