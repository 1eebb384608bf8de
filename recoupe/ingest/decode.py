"""Bytes to text: encoding detection (UTF-8 with or without BOM, UTF-16 with or without BOM, CP1252, Latin-1),
line endings.

UTF-8 with a few broken bytes stays UTF-8: the bad bytes become U+FFFD and a warning counts them (reading the whole
file as CP1252 instead would garble every accented letter, issue 17)."""

from __future__ import annotations

import unicodedata

from ..errors import BinaryInput, EmptyInput, EncodingUnknown
from .files import GZIP_MAGIC

__all__ = ["decode", "decode_with_warnings", "normalise_newlines"]

#: Share of characters that must be letters, digits, spaces or common punctuation
#: for a single-byte decoding to be believed: French prose is well above it, and
#: French encoded in EBCDIC (cp500) and read as CP1252 well below it
#: (tests/ingest/test_decode.py checks both sides).
PLAUSIBLE_SHARE = 0.9
_COMMON = set(" \t\n.,;:!?'\"«»“”‘’()[]-–—/%€$&@#*+=_<>|…°")


#: share of the even or odd bytes of a text that are NUL for it to be read as UTF-16 without a byte-order mark
#: (Latin text in UTF-16 has a NUL in every other byte: 1.0; binary formats have them everywhere or in runs)
UTF16_NUL_SHARE = 0.6


def decode(data: bytes, where: str) -> str:
    return decode_with_warnings(data, where)[0]


def decode_with_warnings(data: bytes, where: str) -> tuple[str, tuple[str, ...]]:
    """The text, and what the reader should know about how it was read (bytes replaced)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if not data.strip():
        raise EmptyInput(where, "the input is empty (no text at all)")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return normalise_newlines(data.decode("utf-16", errors="replace")), ()
    if b"\x00" in data[:8192]:
        return _utf16_without_bom(data, where), ()
    try:
        return normalise_newlines(data.decode("utf-8")), ()
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    if sum(1 for ch in text if ord(ch) > 127) - bad >= bad:  # more good UTF-8 sequences than bad ones
        note = f"{where}: {bad} invalid UTF-8 byte sequence{'s' if bad > 1 else ''} replaced by U+FFFD"
        return normalise_newlines(text), (note,)
    return _single_byte(data, where), ()


def _utf16_without_bom(data: bytes, where: str) -> str:
    even, odd = data[0 : len(data) - 1 : 2], data[1::2]
    for half, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if len(data) % 2 == 0 and half.count(0) >= UTF16_NUL_SHARE * len(half):
            text = data.decode(encoding, errors="replace")
            if _plausible(text):
                return normalise_newlines(text)
    if data.startswith(GZIP_MAGIC):
        raise BinaryInput(where, "gzip-compressed data; name the file '.gz' to have it read, or decompress it")
    raise BinaryInput(where, "binary data (NUL bytes), not text; give a text, HTML, JSONL or feed file")


def _single_byte(data: bytes, where: str) -> str:
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
