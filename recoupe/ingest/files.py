"""Opening an input file: gzip read transparently when the name says so (``.jsonl.gz``, ``.txt.gz``), a compressed
file under another name refused with one message saying so, and sizes checked before anything is read."""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path
from typing import BinaryIO

from ..errors import BinaryInput, InputTooLarge

__all__ = ["GZIP_MAGIC", "inner_suffix", "open_input", "read_limited"]

GZIP_MAGIC = b"\x1f\x8b"


def inner_suffix(path: Path) -> str:
    """The suffix that says what a file holds: ``.jsonl`` for ``x.jsonl`` and for ``x.jsonl.gz``."""
    suffix = path.suffix.lower()
    return Path(path.stem).suffix.lower() if suffix == ".gz" else suffix


def open_input(path: Path) -> BinaryIO:
    """The file's bytes, decompressed when its name ends in ``.gz``."""
    if path.suffix.lower() == ".gz":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    handle = path.open("rb")
    if handle.read(2) == GZIP_MAGIC:
        handle.close()
        raise BinaryInput(
            str(path), f"a gzip-compressed file named '{path.name}'; name it '{path.name}.gz' or decompress it"
        )
    handle.seek(0)
    return handle


def read_limited(path: Path, limit: int, what: str, setting: str) -> bytes:
    """All of a file's (decompressed) bytes, refused past ``limit``: the file size first, then what gunzip gives."""
    size = path.stat().st_size
    if size > limit:
        raise InputTooLarge(
            str(path), f"{size:,} bytes is over the {limit:,}-byte limit for {what} (setting {setting})"
        )
    with open_input(path) as handle:
        try:
            data = handle.read(limit + 1)
        except (OSError, EOFError, zlib.error) as exc:
            raise BinaryInput(str(path), f"a damaged gzip file ({exc}); not read") from None
    if len(data) > limit:
        raise InputTooLarge(
            str(path), f"over the {limit:,}-byte limit for {what} once decompressed (setting {setting})"
        )
    return data
