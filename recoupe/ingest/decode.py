"""Bytes to text: encoding detection (UTF-8 with or without BOM, CP1252, Latin-1), line endings."""

from __future__ import annotations

import unicodedata

from ..errors import BinaryInput, EmptyInput, EncodingUnknown

__all__ = ["decode", "normalise_newlines"]

#: Share of characters that must be letters, digits, spaces or common punctuation
#: for a single-byte decoding to be believed: French prose is well above it, and
#: French encoded in EBCDIC (cp500) and read as CP1252 well below it
#: (tests/ingest/test_decode.py checks both sides).
PLAUSIBLE_SHARE = 0.9
_COMMON = set(" \t\n.,;:!?'\"«»“”‘’()[]-–—/%€$&@#*+=_<>|…°")


def decode(data: bytes, where: str) -> str:
    if not data.strip():
        raise EmptyInput(where, "the input is empty (no text at all)")
    if data.startswith(b"\xef\xbb\xbf"):
        return normalise_newlines(data[3:].decode("utf-8", errors="replace"))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return normalise_newlines(data.decode("utf-16"))
    if b"\x00" in data[:8192]:
        raise BinaryInput(where, "binary data (NUL bytes), not text; give a text, HTML, JSONL or feed file")
    try:
        return normalise_newlines(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return normalise_newlines(text)
    raise EncodingUnknown(
        where, "the text is not valid UTF-8 and does not read as CP1252 or Latin-1; re-encode it as UTF-8"
    )


def _plausible(text: str) -> bool:
    sample = text[:20000]
    good = sum(1 for ch in sample if ch in _COMMON or ch.isalnum())
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r")
    return controls == 0 and good / max(1, len(sample)) >= PLAUSIBLE_SHARE


def normalise_newlines(text: str) -> str:
    return (
        text.replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\u2028", "\n")
        .replace("\u00a0", " ")
        .replace("\u202f", " ")
    )
