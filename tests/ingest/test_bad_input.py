"""Issue 17: no input takes a batch down, and no input is silently misread (the readers' cases).

Case numbers: the 22 cases of issue 17 in the order it lists them (see bench/robustness.py).
"""

import gzip
import json
import os
from pathlib import Path

import pytest

from recoupe.config import Settings
from recoupe.ingest import read_paths
from recoupe.ingest.decode import decode_with_warnings
from recoupe.model import Failure, RawDocument

SETTINGS = Settings()
FRENCH = "La libération de la ville a été annoncée à l'aube par le préfet, après des échanges de tirs."


def _read(*paths: Path) -> tuple[list[RawDocument], list[Failure]]:
    items = list(read_paths(list(paths), SETTINGS))
    return [i for i in items if isinstance(i, RawDocument)], [i for i in items if isinstance(i, Failure)]


def test_a_deeply_nested_jsonl_line_is_e105_naming_its_line_and_the_rest_is_read(tmp_path: Path) -> None:
    """Issue 17 case 1: a 3 KB JSONL line of nested brackets raised RecursionError and ended the run."""
    path = tmp_path / "b.jsonl"
    path.write_text("[" * 3000 + "\n" + json.dumps({"text": FRENCH}) + "\n")
    docs, failures = _read(path)
    assert [d.id for d in docs] == ["b-2"]
    assert [(f.source, f.code) for f in failures] == [(f"{path}:1", "E105")]
    assert "nested too deeply" in failures[0].message


def test_same_stems_in_two_folders_get_distinct_ids(tmp_path: Path) -> None:
    """Issue 17 case 3: a/x.txt and b/x.txt gave two documents of one id (citations into the wrong one)."""
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(FRENCH)
    docs, _ = _read(tmp_path)
    assert [(d.id, Path(d.source).parent.name) for d in docs] == [("x", "a"), ("x~2", "b")]


def test_html_and_xhtml_of_one_stem_and_repeated_jsonl_ids_get_distinct_ids(tmp_path: Path) -> None:
    """Issue 17 cases 4 and 5: x.html and x.xhtml; a JSONL id repeated (and an id that looks like a repeat)."""
    (tmp_path / "x.html").write_text(f"<p>{FRENCH}</p>")
    (tmp_path / "x.xhtml").write_text(f"<p>{FRENCH}</p>")
    lines = [{"id": "d", "text": FRENCH}, {"id": "d~2", "text": FRENCH}, {"id": "d", "text": FRENCH}]
    (tmp_path / "y.jsonl").write_text("\n".join(json.dumps(r) for r in lines))
    docs, _ = _read(tmp_path)
    assert [d.id for d in docs] == ["x", "x~2", "d", "d~2", "d~3"]


def test_plain_text_in_a_feed_or_an_html_field_is_read_as_text(tmp_path: Path) -> None:
    """Issue 17 case 6: a plain-text feed description or JSONL ``html`` field was refused as "no article text"."""
    feed = tmp_path / "f.rss"
    feed.write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>C</title>"
        f"<item><title>T</title><description>{FRENCH}</description></item></channel></rss>"
    )
    (tmp_path / "g.jsonl").write_text(json.dumps({"html": FRENCH}) + "\n" + json.dumps({"html": f"<p>{FRENCH}</p>"}))
    docs, failures = _read(feed, tmp_path / "g.jsonl")
    assert [d.kind for d in docs] == ["text", "text", "html"] and not failures


def test_gzip_inputs_are_read_and_a_gzip_under_another_name_is_one_clear_error(tmp_path: Path) -> None:
    """Issue 17 case 14: .jsonl.gz / .txt.gz were refused; a gzip named .jsonl gave one error per newline
    byte, never saying "compressed"."""
    record = (json.dumps({"text": FRENCH}) + "\n").encode()
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(record * 3))
    (tmp_path / "b.txt.gz").write_bytes(gzip.compress(FRENCH.encode()))
    (tmp_path / "c.jsonl").write_bytes(gzip.compress(record * 200))
    docs, failures = _read(tmp_path)
    assert [d.id for d in docs] == ["a-1", "a-2", "a-3", "b"] and docs[3].content == FRENCH
    assert len(failures) == 1 and failures[0].code == "E102" and "gzip-compressed" in failures[0].message


def test_broken_utf8_stays_utf8_with_a_warning_counting_the_bad_bytes(tmp_path: Path) -> None:
    """Issue 17 case 7: a few broken bytes made the whole file CP1252 ("libÃ©ration"), silently."""
    data = FRENCH.encode() + b" \xff\xfe fin \xc3."
    text, warnings = decode_with_warnings(data, "x.txt")
    assert text.startswith(FRENCH) and "Ã" not in text
    assert warnings == ("x.txt: 3 invalid UTF-8 byte sequences replaced by U+FFFD",)
    (tmp_path / "x.txt").write_bytes(data)
    [doc], _ = _read(tmp_path / "x.txt")
    assert doc.warnings == (f"{tmp_path / 'x.txt'}: 3 invalid UTF-8 byte sequences replaced by U+FFFD",)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read(encoding: str) -> None:
    """Issue 17 case 15: UTF-16 without a byte-order mark was called "binary"."""
    assert decode_with_warnings(FRENCH.encode(encoding), "x.txt") == (FRENCH, ())


def test_a_whitespace_only_jsonl_is_a_failure(tmp_path: Path) -> None:
    """Issue 17 case 21: a whitespace-only .jsonl gave nothing, not even a failure."""
    (tmp_path / "w.jsonl").write_text("  \n\n \t\n")
    docs, failures = _read(tmp_path / "w.jsonl")
    assert not docs and [f.code for f in failures] == ["E101"]


def test_a_symlink_loop_in_a_folder_is_named(tmp_path: Path) -> None:
    """Issue 17 case 20: a symlink loop inside a folder was skipped without a word."""
    (tmp_path / "ok.txt").write_text(FRENCH)
    os.symlink(tmp_path / "loop-b", tmp_path / "loop-a")
    os.symlink(tmp_path / "loop-a", tmp_path / "loop-b")
    docs, failures = _read(tmp_path)
    assert [d.id for d in docs] == ["ok"]
    assert [f.code for f in failures] == ["E107", "E107"] and "loop" in failures[0].message


def test_a_missing_path_of_a_known_suffix_is_e107_and_a_bom_alone_is_empty(tmp_path: Path) -> None:
    """Issue 17, done means: "a missing .txt path is E107, not E100"; a file of a byte-order mark alone was
    "0 words left" (E106) rather than empty (E101)."""
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf\n")
    _, failures = _read(tmp_path / "nope.txt", tmp_path / "bom.txt")
    assert [f.code for f in failures] == ["E107", "E101"] and "no such file" in failures[0].message


def test_a_jsonl_gz_bomb_and_an_endless_line_are_refused_without_reading_them_whole(tmp_path: Path) -> None:
    """Issue 17 case 14, what .gz reading opens: a small .jsonl.gz may hold gigabytes, a line may be endless."""
    small = Settings(max_document_bytes=1000, max_container_bytes=100_000)
    record = json.dumps({"text": FRENCH}) + "\n"
    (tmp_path / "bomb.jsonl.gz").write_bytes(gzip.compress(record.encode() * 10_000))
    (tmp_path / "long.jsonl").write_text(record + "[" + "1," * 5000 + "1]\n" + record)
    items = list(read_paths([tmp_path / "bomb.jsonl.gz", tmp_path / "long.jsonl"], small))
    failures = [i for i in items if isinstance(i, Failure)]
    assert [(Path(f.source).name, f.code) for f in failures] == [("bomb.jsonl.gz", "E104"), ("long.jsonl:2", "E104")]
    assert [i.id for i in items if isinstance(i, RawDocument)][-2:] == ["long-1", "long-3"]
