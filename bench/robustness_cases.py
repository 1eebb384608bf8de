"""The bad inputs of bench/robustness.py: every case of issue 17 (numbered as there) and more.

A case writes its files into an empty folder and returns what ``recoupe run`` and ``recoupe ingest`` are given:
the paths (a good report beside the bad input, to see that the batch goes on), and extra options. Options use
``{db}`` for the store (a fresh one in the folder unless the case gives its own) and ``{out}`` for a report file.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOOD = ROOT / "examples" / "usine-lyon" / "01-echo-du-rhone.txt"
FRENCH = (
    "La libération de la ville a été annoncée à l'aube par le préfet du Rhône, après une nuit d'échanges de tirs "
    "entre les forces de l'ordre et un groupe retranché dans un entrepôt de Vénissieux."
)
ARTICLE = "Un article de test\n" + FRENCH + "\n" + FRENCH.replace("l'aube", "midi")


@dataclass(frozen=True)
class Case:
    name: str
    issue: int | None  # the case's number in issue 17 (None: one more)
    build: Callable[[Path], list[Path]]
    run_options: tuple[str, ...] = ("--json", "{out}")
    ingest_options: tuple[str, ...] = ("--db", "{db}")
    commands: tuple[str, ...] = ("run", "ingest")
    #: what the harness must do around the command (``read-only-sqlite``: open stores read-only)
    setup: str = ""
    note: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def _with_good(folder: Path, *bad: Path) -> list[Path]:
    good = folder / "good.txt"
    good.write_bytes(GOOD.read_bytes())
    return [good, *bad]


def _file(name: str, data: bytes | str) -> Callable[[Path], list[Path]]:
    def build(folder: Path) -> list[Path]:
        path = folder / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return _with_good(folder, path)

    return build


def _tree(files: dict[str, bytes | str]) -> Callable[[Path], list[Path]]:
    def build(folder: Path) -> list[Path]:
        base = folder / "in"
        for name, data in files.items():
            path = base / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return _with_good(folder, base)

    return build


def _long_text() -> str:
    rng = random.Random(17)
    lines = [line for line in GOOD.read_text(encoding="utf-8").split("\n") if len(line.split()) > 8]
    out, size, n = ["Un très long dossier"], 0, 0
    while size < 1_050_000:
        n += 1
        out.append(f"Paragraphe {n}. {rng.choice(lines)}")
        size += len(out[-1]) + 1
    return "\n".join(out)


def sparse(path: Path, size: int) -> Path:
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


def _symlink_loop(folder: Path) -> list[Path]:
    base = folder / "in"
    base.mkdir()
    os.symlink(base / "b.txt", base / "a.txt")
    os.symlink(base / "a.txt", base / "b.txt")
    return _with_good(folder, base)


def _foreign(folder: Path) -> list[Path]:
    with sqlite3.connect(folder / "app.db") as db:
        db.execute("CREATE TABLE users (id INTEGER)")
    return _with_good(folder)


def _store_file(data: bytes) -> Callable[[Path], list[Path]]:
    def build(folder: Path) -> list[Path]:
        (folder / "store.db").write_bytes(data)
        return _with_good(folder)

    return build


def _recoupe_store(folder: Path) -> list[Path]:
    from recoupe.store import open_store

    open_store(str(folder / "r.db")).close()
    return _with_good(folder)


def _folder_store(folder: Path) -> list[Path]:
    (folder / "store.db").mkdir()
    return _with_good(folder)


def _feed(description: str) -> str:
    return (
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Le Canard</title><item><title>Un titre</title>"
        f"<link>http://x.invalid/1</link><description>{description}</description></item></channel></rss>"
    )


_JSONL = json.dumps({"text": ARTICLE})
_BOMB = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10))
    + "]><rss version='2.0'><channel><item><title>&lol9;</title><description>x</description></item></channel></rss>"
)
_XXE = (
    '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel>'
    "<item><title>t</title><description>&x; " + FRENCH + "</description></item></channel></rss>"
)
_DEEP = "<html><body>" + "<div>" * 300 + f"<p>{FRENCH}</p><p>{FRENCH}</p>" + "</div>" * 300 + "</body></html>"
_CHINESE = "里昂市长周二在格兰区为一座新的回收工厂揭幕，许多当选官员出席了仪式。工厂将雇用一百名员工，预计明年投产。"
_PORTUGUESE = (
    "O presidente da câmara de Lyon inaugurou na terça-feira uma nova fábrica de reciclagem no bairro de Gerland, "
    "na presença de muitos eleitos. A fábrica vai empregar cem pessoas e deverá começar a funcionar no próximo ano."
)

CASES: list[Case] = [
    Case("nested JSONL line (3 KB of [)", 1, _file("nested.jsonl", "[" * 3000 + "\n" + _JSONL + "\n")),
    Case("document of 1,050,000 characters", 2, _file("long.txt", _long_text())),
    Case("a/x.txt and b/x.txt", 3, _tree({"a/x.txt": ARTICLE, "b/x.txt": ARTICLE.replace("préfet", "maire")})),
    Case("x.html and x.xhtml", 4, _tree({"x.html": f"<p>{FRENCH}</p>", "x.xhtml": f"<p>{FRENCH} Fin.</p>"})),
    Case(
        "repeated JSONL id",
        5,
        _file("ids.jsonl", "\n".join(json.dumps({"id": "d", "text": t}) for t in (ARTICLE, ARTICLE + " Deux."))),
    ),
    Case("plain-text feed description", 6, _file("plain.rss", _feed(FRENCH))),
    Case("JSONL html field of plain text", 6, _file("plain.jsonl", json.dumps({"html": FRENCH}))),
    Case("feed item of one <p>", 6, _file("para.rss", _feed(f"&lt;p&gt;{FRENCH}&lt;/p&gt;"))),
    Case("UTF-8 with 2 broken bytes", 7, _file("broken.txt", ARTICLE.encode() + b" \xff fin \xfe.")),
    Case(
        "store in a missing folder",
        8,
        lambda f: _with_good(f),
        ingest_options=("--db", "{folder}/nodir/r.db"),
        commands=("ingest",),
    ),
    Case(
        "corrupt store",
        9,
        _store_file(b"SQLite format 3\x00" + bytes(range(256)) * 16),
        ingest_options=("--db", "{folder}/store.db"),
        commands=("ingest",),
    ),
    Case(
        "store that is not SQLite",
        9,
        _store_file(b"notes\n" * 100),
        ingest_options=("--db", "{folder}/store.db"),
        commands=("ingest",),
    ),
    Case("folder given as --db", 10, _folder_store, ingest_options=("--db", "{folder}/store.db"), commands=("ingest",)),
    Case(
        "read-only store",
        11,
        _recoupe_store,
        commands=("ingest",),
        setup="read-only-sqlite",
        note="opened read-only by SQLite (root ignores file modes)",
    ),
    Case("folder given as --json", 12, lambda f: _with_good(f), run_options=("--json", "{folder}"), commands=("run",)),
    Case(
        "full disk (--json /dev/full)",
        13,
        lambda f: _with_good(f),
        run_options=("--json", "/dev/full"),
        commands=("run",),
    ),
    Case("gzip named .jsonl", 14, _file("zipped.jsonl", gzip.compress((_JSONL + "\n").encode() * 100))),
    Case(".jsonl.gz", 14, _file("a.jsonl.gz", gzip.compress((_JSONL + "\n").encode()))),
    Case(".txt.gz", 14, _file("a.txt.gz", gzip.compress(ARTICLE.encode()))),
    Case("UTF-16 without BOM", 15, _file("u16.txt", ARTICLE.encode("utf-16-le"))),
    Case("Chinese text", 16, _file("zh.txt", _CHINESE)),
    Case("HTML nested 300 levels", 17, _file("deep.html", _DEEP)),
    Case("stories --db typo.db", 18, lambda f: [], commands=("stories",)),
    Case(
        "foreign SQLite file as store", 19, _foreign, ingest_options=("--db", "{folder}/app.db"), commands=("ingest",)
    ),
    Case("symlink loop in a folder", 20, _symlink_loop),
    Case("whitespace-only .jsonl", 21, _file("blank.jsonl", "  \n\n\t \n")),
    Case(
        "Portuguese report",
        22,
        _file("pt.txt", _PORTUGUESE),
        note="partly analysed (no entities; figures in digits; quotes by marks)",
    ),
    Case("empty file", None, _file("empty.txt", b"")),
    Case("binary file named .txt", None, _file("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 40)),
    Case("EBCDIC text", None, _file("ebcdic.txt", ARTICLE.encode("cp500"))),
    Case("malformed JSONL line", None, _file("bad.jsonl", _JSONL + "\n{broken\n")),
    Case("JSONL line that is a list", None, _file("list.jsonl", "[1, 2]\n")),
    Case("JSONL title that is a number", None, _file("title.jsonl", json.dumps({"text": ARTICLE, "title": 3}))),
    Case(
        "file over max_document_bytes (sparse 50 MB)", None, lambda f: _with_good(f, sparse(f / "huge.txt", 50 << 20))
    ),
    Case("gzip bomb (.txt.gz of 200 MB of zeros)", None, _file("bomb.txt.gz", gzip.compress(b"0" * 200_000_000))),
    Case("truncated .jsonl.gz", None, _file("cut.jsonl.gz", gzip.compress((_JSONL + "\n").encode() * 50)[:300])),
    Case("XML entity bomb feed", None, _file("bomb.rss", _BOMB)),
    Case("XML external entity feed", None, _file("xxe.rss", _XXE)),
    Case("feed without entries", None, _file("empty.rss", "<?xml version='1.0'?><rss><channel></channel></rss>")),
    Case(
        "HTML page of menus only",
        None,
        _file("nav.html", "<html><body><nav><a href='/'>Accueil</a></nav></body></html>"),
    ),
    Case("missing path", None, lambda f: _with_good(f, f / "nope.txt")),
    Case("unsupported suffix .pdf", None, _file("doc.pdf", b"%PDF-1.4")),
    Case("random bytes named .rss", None, _file("noise.rss", random.Random(3).randbytes(4000))),
    Case("BOM only", None, _file("bom.txt", b"\xef\xbb\xbf")),
    Case("NUL byte after 8 KB of text", None, _file("nul.txt", ARTICLE.encode() * 40 + b"\x00" + ARTICLE.encode())),
]
