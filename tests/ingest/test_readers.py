import json
from pathlib import Path

from recoupe.config import Settings
from recoupe.ingest import read_paths
from recoupe.model import Failure, RawDocument

SETTINGS = Settings()


def _read(*paths: Path) -> tuple[list[RawDocument], list[Failure]]:
    items = list(read_paths(list(paths), SETTINGS))
    return [i for i in items if isinstance(i, RawDocument)], [i for i in items if isinstance(i, Failure)]


def test_a_malformed_jsonl_line_is_reported_as_file_and_line_and_the_rest_is_read(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    good = {"text": "Un texte.", "title": "T", "outlet": "O", "published": "2016-10-26", "url": "http://x.invalid/a"}
    path.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({"html": "<p>Une page.</p>", "id": "p"}) + "\n")
    docs, failures = _read(path)
    assert [d.id for d in docs] == ["batch-1", "p"]
    assert docs[0].outlet == "O" and docs[0].published == "2016-10-26" and docs[1].kind == "html"
    assert len(failures) == 1 and failures[0].source == f"{path}:2" and "invalid JSON" in failures[0].message


def test_a_jsonl_record_without_text_says_which_keys_it_has(tmp_path: Path) -> None:
    path = tmp_path / "b.jsonl"
    path.write_text(json.dumps({"body": "x"}) + "\n")
    _, failures = _read(path)
    assert "no non-empty 'text' or 'html'" in failures[0].message and "['body']" in failures[0].message


def test_rss_and_atom_entries_become_documents_with_their_metadata(tmp_path: Path) -> None:
    rss = tmp_path / "f.rss"
    rss.write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Le Canard</title>"
        "<item><title>Un titre</title><link>http://x.invalid/1</link><pubDate>Wed, 26 Oct 2016 10:00:00 +0200</pubDate>"
        "<description>&lt;p&gt;Le corps de l'article.&lt;/p&gt;</description></item></channel></rss>"
    )
    atom = tmp_path / "g.atom"
    atom.write_text(
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'><title>Atom Times</title>"
        "<entry><title>Entry</title><id>urn:1</id><updated>2016-10-25T08:00:00Z</updated>"
        "<content type='html'>&lt;p&gt;Atom body.&lt;/p&gt;</content></entry></feed>"
    )
    docs, failures = _read(rss, atom)
    assert not failures
    assert [(d.outlet, d.title, d.published) for d in docs] == [
        ("Le Canard", "Un titre", "2016-10-26T08:00:00+00:00"),
        ("Atom Times", "Entry", "2016-10-25T08:00:00+00:00"),
    ]


def test_a_malformed_feed_is_one_failure_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text("<rss><channel><title>x</title>")
    _, failures = _read(path)
    assert (
        len(failures) == 1
        and str(path) in failures[0].message
        and "not a readable RSS/Atom feed" in failures[0].message
    )


def test_a_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    _, failures = _read(path)
    assert failures[0].code == "E104" and "over the 5,000,000-byte limit" in failures[0].message


def test_unknown_suffixes_and_missing_paths_are_failures(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    _, failures = _read(tmp_path / "a.pdf", tmp_path / "missing.txt")
    assert [f.code for f in failures] == ["E107", "E107"]  # issue 17: a missing path is E107 whatever its suffix


def test_folders_are_walked_and_files_without_suffix_are_sniffed(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "page").write_text("<!doctype html><html><body><p>x</p></body></html>")
    (tmp_path / "note").write_text("Un texte brut.")
    docs, _ = _read(tmp_path)
    assert sorted((d.id, d.kind) for d in docs) == [("note", "text"), ("page", "html")]
