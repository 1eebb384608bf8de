"""Issue 17, property: whatever bytes, JSON, nesting or feed a reader is given, only recoupe's own failures come
out of it (never an exception), and a batch with one bad input still analyses its good ones."""

from __future__ import annotations

import gzip
import json
import shutil
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recoupe.config import Settings
from recoupe.ingest import read_paths
from recoupe.model import Failure, RawDocument

from ..conftest import EXAMPLE

SUFFIXES = ["txt", "html", "xhtml", "jsonl", "rss", "atom", "xml", "", "txt.gz", "jsonl.gz", "md"]
SMALL = Settings(max_document_bytes=20_000, max_container_bytes=50_000)
JSON = st.recursive(
    st.none() | st.booleans() | st.floats(allow_nan=False) | st.integers() | st.text(max_size=40),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(["text", "html", "id", "title", "url", "published", "x"]), inner, max_size=4)
    ),
    max_leaves=12,
)
NESTING = st.builds(
    lambda opener, depth, tail: (opener * depth + tail).encode(),
    st.sampled_from(["[", '{"a":', "<div>", "<p><b>", "<rss><channel><item>"]),
    st.integers(1, 6000),
    st.sampled_from(["", "]", "1", "</div>"]),
)


def _feed(title: str, body: str, atom: bool) -> bytes:
    if atom:
        return (
            "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>F</title><entry>"
            f"<title>{escape(title)}</title><content type='html'>{escape(body)}</content></entry></feed>"
        ).encode("utf-8", errors="replace")
    return (
        "<?xml version='1.0'?><rss version='2.0'><channel><title>F</title><item>"
        f"<title>{escape(title)}</title><description>{body}</description></item></channel></rss>"
    ).encode("utf-8", errors="replace")


FEEDS = st.builds(_feed, st.text(max_size=30), st.text(max_size=300), st.booleans())
CONTENT = (
    st.binary(max_size=3000)
    | JSON.map(lambda value: json.dumps(value).encode())
    | st.lists(JSON, max_size=5).map(lambda rows: "\n".join(json.dumps(r) for r in rows).encode())
    | NESTING
    | FEEDS
    | st.text(max_size=500).map(lambda text: text.encode("utf-8", errors="replace"))
)


def _write(folder: Path, name: str, data: bytes, suffix: str) -> Path:
    path = folder / (f"{name}.{suffix}" if suffix else name)
    path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)
    return path


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=CONTENT, suffix=st.sampled_from(SUFFIXES))
def test_a_reader_yields_documents_or_failures_never_an_exception(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = _write(Path(folder), "input", data, suffix)
        items = list(read_paths([path], SMALL))
    for item in items:
        assert isinstance(item, (RawDocument, Failure))
        if isinstance(item, Failure):
            assert item.code.startswith("E1"), item  # an input error, not an internal one (E301)
            assert item.message.startswith(str(path)), item
        else:
            assert isinstance(item.content, str)


@pytest.mark.slow
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=CONTENT, suffix=st.sampled_from(SUFFIXES))
def test_a_batch_with_one_bad_input_still_analyses_its_good_ones(data: bytes, suffix: str) -> None:
    import recoupe

    with tempfile.TemporaryDirectory() as folder:
        shutil.copy(EXAMPLE / "01-echo-du-rhone.txt", Path(folder) / "good.txt")
        _write(Path(folder), "bad", data, suffix)
        report = recoupe.analyze(folder)
    assert "good" in {d.id for d in report.documents}
    assert all(f.code != "E301" for f in report.failures), report.failures
