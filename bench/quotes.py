"""Direct quotes and speakers on the hand-made gold set (tests/gold/rpm2-quotes.jsonl), recoupe against a
nearest-person peer in the same run. Writes bench/results/quotes.md.

A recoupe quote matches a gold span of its document with the same words (case, accents and spacing folded;
one may contain the other when the shorter has 3+ words). Predictions on spans labelled unsure are not
counted. Speaker accuracy is over the gold quotes found: the predicted name must name the gold speaker
(the same name, or its surname, or the organisation's name inside it); an unnamed gold speaker must be None.

    python bench/quotes.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from recoupe.config import Settings
from recoupe.eval.summaries import load_clusters
from recoupe.lexicon.names import fold
from recoupe.model import Document, RawDocument
from recoupe.pipeline import ANALYSIS_STAGES, Pipeline

ROOT = Path(__file__).resolve().parents[1]
_GOLD_DIR = ROOT / "tests" / "gold"
#: (file, label in the table); how and when each was made, and which were read error by error: tests/gold/README.md
GOLD_SETS = (
    ("rpm2-quotes.jsonl", "first set (dev T01-C2 T02-C2 T06-C1 T08-C1 T08-C2)"),
    ("rpm2-quotes-heldout.jsonl", "second set (dev T04-C1 T05-C1 T06-C2 T10-C1 T10-C2)"),
    ("rpm2-quotes-third.jsonl", "third set (dev T02-C1 T03-C2 T07-C2)"),
    ("rpm2-quotes-fourth.jsonl", "fourth set (dev T09-C2)"),
    (
        "orangesum-quotes.jsonl",
        "OrangeSum: 52 articles drawn at random (held out until its errors were read and the speaker model fitted on it)",
    ),
    (
        "orangesum-quotes-second.jsonl",
        "OrangeSum: 43 more articles drawn at random (held out until the speaker model was fitted on it)",
    ),
    (
        "orangesum-quotes-third.jsonl",
        "OrangeSum: 45 more articles drawn at random (first scored held out, then read and the speaker model fitted on it)",
    ),
    (
        "orangesum-quotes-fourth.jsonl",
        "OrangeSum: a fourth 45 articles drawn at random (first scored held out, then read and the model fitted on it)",
    ),
    (
        "orangesum-quotes-fifth.jsonl",
        "OrangeSum: a fifth 50 articles drawn at random (first scored held out, then read and the model fitted on it)",
    ),
    ("orangesum-quotes-sixth.jsonl", "OrangeSum: a sixth 48 articles drawn at random (held out: never read)"),
    ("orangesum-quotes-seventh.jsonl", "OrangeSum: a seventh 34 articles drawn at random (held out: never read)"),
    (
        "rpm2-quotes-fifth.jsonl",
        "fifth set (dev T01-C1 T03-C1 T04-C2 T05-C2 T07-C1 T09-C1; never read; the speaker model is fitted on it)",
    ),
    ("rpm2-quotes-test-t13.jsonl", "test T13-C1 T13-C2"),
    ("rpm2-quotes-test-t17.jsonl", "test T17-C1"),
    ("rpm2-quotes-test-t18.jsonl", "test T18-C1"),
    ("rpm2-quotes-test-t11.jsonl", "test T11-C2"),
    ("rpm2-quotes-test-t15.jsonl", "test T15-C1 (held out until the sixth session, then read)"),
    ("rpm2-quotes-test-t15c2.jsonl", "test T15-C2 (held out until the sixth session, then read)"),
    ("rpm2-quotes-test-t20c2.jsonl", "test T20-C2 (held out until the sixth session, then read)"),
    ("rpm2-quotes-test-t12c1.jsonl", "test T12-C1 (held out until the sixth session, then read)"),
    ("rpm2-quotes-test-t16c2.jsonl", "test T16-C2 (held out until the seventh session, then read)"),
    ("rpm2-quotes-test-t19c2.jsonl", "test T19-C2 (held out until the seventh session, then read)"),
    ("rpm2-quotes-test-t14c2.jsonl", "test T14-C2 (held out until the seventh session, then read)"),
    ("rpm2-quotes-test-t11c1.jsonl", "test T11-C1 (held out until the eighth session, then read)"),
    ("rpm2-quotes-test-t17c2.jsonl", "test T17-C2 (held out until the eighth session, then read)"),
    ("rpm2-quotes-test-t20c1.jsonl", "test T20-C1 (held out: never read)"),
    ("rpm2-quotes-test-t18c2.jsonl", "test T18-C2 (held out: never read)"),
    ("rpm2-quotes-test-t16c1.jsonl", "test T16-C1 (held out: never read)"),
    ("wikinewssum-en-quotes.jsonl", "English: 12 WikinewsSum sources"),
    (
        "wikinewssum-en-quotes-second.jsonl",
        "English: 10 more WikinewsSum sources (one error read in the sixth session)",
    ),
    ("wikinewssum-de-quotes.jsonl", "German: the 2 WikinewsSum sources"),
)
GOLD = _GOLD_DIR / GOLD_SETS[0][0]
_MARKS = re.compile(r"«\s*(?P<a>[^«»]+?)\s*»|“(?P<b>[^“”]+?)”|\"(?P<c>[^\"\n]+?)\"")
#: how far back the peer looks for the person it gives a quote to
PEER_REACH = 300

Quote = tuple[str, str | None]  # (words, speaker)
#: (verdict, document, words, speaker, gold span)
Judged = tuple[str, str, str, str | None, dict | None]  # type: ignore[type-arg]


def recoupe_quotes(doc: Document) -> list[Quote]:
    return [(q.text, q.speaker) for q in doc.quotes if q.direct]


def nearest_person(doc: Document) -> list[Quote]:
    """Every span between quotation marks, given to the last person named before it."""
    found = []
    for match in _MARKS.finditer(doc.text):
        group = next(g for g in "abc" if match.group(g) is not None)
        before = [
            m for m in doc.mentions if m.label == "PER" and match.start() - PEER_REACH <= m.span.end <= match.start()
        ]
        found.append((match.group(group), before[-1].text if before else None))
    return found


def _same_words(a: str, b: str) -> bool:
    fa, fb = " ".join(re.findall(r"\w+", fold(a))), " ".join(re.findall(r"\w+", fold(b)))
    if fa == fb:
        return True
    short, long_ = sorted((fa, fb), key=len)
    return len(short.split()) >= 3 and short in long_


#: words an acronym leaves out: "LDH" is the "Ligue des droits de l'Homme"
_SMALL_WORDS = {
    "de",
    "des",
    "du",
    "d",
    "la",
    "le",
    "les",
    "l",
    "et",
    "pour",
    "a",
    "au",
    "aux",
    "of",
    "the",
    "and",
    "for",
}


def _initials(name: str) -> set[str]:
    """ "ldh" for "ligue des droits de l homme"; "ppda" (every word) and "ppa" for "patrick poivre d arvor"."""
    return {"".join(word[0] for word in name.split() if word not in _SMALL_WORDS), "".join(w[0] for w in name.split())}


def _names(predicted: str | None, gold: str | None) -> bool:
    """The predicted name names the gold speaker: the same name, its surname, one inside the other, or an acronym
    and its expansion ("LDH", "Ligue des droits de l'Homme")."""
    if gold is None or predicted is None:
        return gold is predicted
    p, g = (" ".join(re.findall(r"\w+", fold(name))) for name in (predicted, gold))
    if not (p and g):
        return False
    acronym = (" " not in g and len(g) >= 3 and g in _initials(p)) or (
        " " not in p and len(p) >= 3 and p in _initials(g)
    )
    return p == g or g in p or p in g or p.split()[-1] == g.split()[-1] or acronym


def _best_match(
    words: str,
    spans: list[tuple[int, dict]],  # type: ignore[type-arg]
    found: set[int],
    rank: int | None = None,
) -> tuple[int, dict] | None:  # type: ignore[type-arg]
    """The gold span a predicted quote stands for. When the document's predicted quotes and gold spans with exactly
    these words are as many, the ``rank``-th of them (document order: a sub-heading, then the quote it repeats);
    otherwise, among the spans with the same words, one with exactly its words before one that contains it, a quote
    not yet found before one found, a quote before an unsure span."""
    candidates = [(i, g) for i, g in spans if _same_words(words, g["text"])]
    exact = " ".join(re.findall(r"\w+", fold(words)))
    same = [c for c in candidates if " ".join(re.findall(r"\w+", fold(c[1]["text"]))) == exact]
    if rank is not None and 0 <= rank < len(same):
        return same[rank]
    return min(
        candidates,
        key=lambda c: (
            " ".join(re.findall(r"\w+", fold(c[1]["text"]))) != exact,
            c[0] in found,
            c[1]["label"] != "quote",
        ),
        default=None,
    )


def _ranked(predicted: list[Quote], spans: list[tuple[int, dict]]) -> list[tuple[str, str | None, int | None]]:  # type: ignore[type-arg]
    """Each predicted quote with its rank among the document's predicted quotes of exactly its words, when the
    gold has as many spans with those words (else None)."""

    def key(text: str) -> str:
        return " ".join(re.findall(r"\w+", fold(text)))

    predicted_counts = Counter(key(words) for words, _ in predicted)
    gold_counts = Counter(key(g["text"]) for _, g in spans)
    seen: Counter[str] = Counter()
    ranked = []
    for words, speaker in predicted:
        k = key(words)
        ranked.append((words, speaker, seen[k] if predicted_counts[k] == gold_counts[k] else None))
        seen[k] += 1
    return ranked


def _judged(system: Callable[[Document], list[Quote]], docs: dict[str, Document], gold: list[dict]) -> Iterator[Judged]:  # type: ignore[type-arg]
    """Each predicted quote with what it is worth: ("fp", …) not a quote, ("tp", …) a gold quote found first, ("-", …)
    an unsure span or a quote found again; then ("fn", …) for every gold quote no prediction found."""
    found: set[int] = set()
    for doc_id, doc in docs.items():
        spans = [(i, g) for i, g in enumerate(gold) if g["doc"] == doc_id]
        for words, speaker, rank in _ranked(system(doc), spans):
            match = _best_match(words, spans, found, rank)
            if match is None or match[1]["label"] == "not_a_quote":
                yield "fp", doc_id, words, speaker, None
            elif match[1]["label"] == "quote" and match[0] not in found:
                found.add(match[0])
                yield "tp", doc_id, words, speaker, match[1]
            else:
                yield "-", doc_id, words, speaker, match[1]
        for i, g in spans:
            if g["label"] == "quote" and i not in found:
                yield "fn", doc_id, g["text"], None, g


def score(system: Callable[[Document], list[Quote]], docs: dict[str, Document], gold: list[dict]) -> dict[str, float]:  # type: ignore[type-arg]
    verdicts = [(verdict, speaker, g) for verdict, _, _, speaker, g in _judged(system, docs, gold)]
    tp = sum(1 for verdict, _, _ in verdicts if verdict == "tp")
    fp = sum(1 for verdict, _, _ in verdicts if verdict == "fp")
    speaker_ok = sum(_names(speaker, g["speaker"]) for verdict, speaker, g in verdicts if verdict == "tp" and g)
    named = [(speaker, g) for verdict, speaker, g in verdicts if verdict == "tp" and g and speaker is not None]
    given = [g for verdict, _, g in verdicts if verdict == "tp" and g and g["speaker"] is not None]
    quotes = sum(1 for g in gold if g["label"] == "quote")
    precision, recall = tp / max(1, tp + fp), tp / max(1, quotes)
    return {
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / max(1e-9, precision + recall),
        "speaker": speaker_ok / max(1, tp),
        #: of the quotes found that recoupe gives a speaker, the share it gives the right one (a wrong name misleads
        #: a reader; no name only leaves the quote unattributed)
        "named": sum(_names(speaker, g["speaker"]) for speaker, g in named) / max(1, len(named)),
        "named_count": len(named),
        #: of the quotes found whose speaker the text gives (a gold speaker), the share recoupe gives one to
        "coverage": len([g for _, g in named if g["speaker"] is not None]) / max(1, len(given)),
        "found": tp,
        "gold": quotes,
    }


def by_basis(docs: dict[str, Document], gold: list[dict]) -> dict[str, tuple[int, int]]:  # type: ignore[type-arg]
    """Of the gold quotes recoupe finds and gives a speaker, by ``speaker_basis`` ("named" next to the words, or
    "inferred"): (how many, how many right)."""
    quotes = {(d.id, q.text): q for d in docs.values() for q in reversed(d.quotes) if q.direct}
    counts: dict[str, tuple[int, int]] = {}
    for verdict, doc_id, words, speaker, g in _judged(recoupe_quotes, docs, gold):
        if verdict == "tp" and g and speaker is not None:
            basis = quotes[(doc_id, words)].speaker_basis or "?"
            total, right = counts.get(basis, (0, 0))
            counts[basis] = (total + 1, right + _names(speaker, g["speaker"]))
    return counts


def _basis_cell(counts: dict[str, tuple[int, int]]) -> str:
    cells = []
    for basis in ("named", "inferred"):
        total, right = counts.get(basis, (0, 0))
        cells.append(f"{right / total:.2f} ({total})" if total else "- (0)")
    return " / ".join(cells)


#: where the gold sets' documents are: RPM2 clusters (documents "T01_C2_03") and WikinewsSum articles ("W044-3")
SOURCES = (("rpm2", "dev.jsonl"), ("rpm2", "test-documents.jsonl"), ("wikinewssum-en", "cleaned_endataset.jsonl"))


def analyse(shared: Path, gold: list[dict], settings: Settings | None = None) -> dict[str, Document]:  # type: ignore[type-arg]
    """The clusters of the gold documents through recoupe's document stages (a cluster is read as one batch)."""
    wanted = {g["doc"] for g in gold}
    pipeline = Pipeline(ANALYSIS_STAGES, settings=settings or Settings())
    docs: dict[str, Document] = {}
    for raw in orangesum(shared, wanted):  # each article alone: they report different events
        docs.update({d.id: d for d in pipeline.run([raw]).documents})
    for folder, name in SOURCES:
        if not any(doc.startswith("W") == (folder == "wikinewssum-en") for doc in wanted if not doc.startswith("OS")):
            continue
        for cluster in load_clusters(shared / "data" / folder / name):
            if any(d.id in wanted for d in cluster.docs):
                docs.update({d.id: d for d in pipeline.run(cluster.docs).documents if d.id in wanted})
    return docs


def orangesum(shared: Path, wanted: set[str]) -> list[RawDocument]:
    """The OrangeSum articles among the gold documents ("OS1798": the record of id 1798), text from ``article``."""
    if not any(doc.startswith("OS") for doc in wanted):
        return []
    found = []
    with gzip.open(shared / "data" / "orangesum" / "articles.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            doc_id = f"OS{record['id']}"
            if doc_id in wanted:
                found.append(RawDocument(id=doc_id, source=f"orangesum:{record['id']}", kind="text",
                                         content=record["article"], title=record.get("title"),
                                         published=record.get("date") or None))  # fmt: skip
    return found


def load(path: Path) -> list[dict]:  # type: ignore[type-arg]
    """A gold set's spans (its "done" lines, which only say an article was read in full, left out)."""
    lines = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())
    return [g for g in lines if g["label"] != "done"]


def errors(docs: dict[str, Document], gold: list[dict]) -> list[str]:  # type: ignore[type-arg]
    """recoupe's mistakes on one gold set, one line each (reading them makes the set a tuning set)."""
    lines = []
    for verdict, doc_id, words, speaker, g in _judged(recoupe_quotes, docs, gold):
        if verdict == "fp":
            lines.append(f"FP {doc_id} «{words[:90]}» speaker={speaker}")
        elif verdict == "tp" and g and not _names(speaker, g["speaker"]):
            lines.append(f"SPEAKER {doc_id} «{words[:60]}» gold={g['speaker']!r} got={speaker!r}")
        elif verdict == "fn":
            lines.append(f"FN {doc_id} «{words[:90]}»")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument(
        "--errors", metavar="FILE", help="print recoupe's errors on one gold set (a file name in tests/gold)"
    )
    parser.add_argument(
        "--sets",
        nargs="+",
        metavar="FILE",
        help="score only these gold sets (file names in tests/gold); print, write nothing",
    )
    parser.add_argument(
        "--speaker-confidence",
        type=float,
        metavar="T",
        help="with --sets: withhold speakers below this confidence instead of the setting's (a threshold sweep)",
    )
    args = parser.parse_args()
    if args.speaker_confidence is not None and not args.sets:
        parser.error("--speaker-confidence goes with --sets (the table is written with the setting's threshold)")
    settings = Settings() if args.speaker_confidence is None else Settings(speaker_confidence=args.speaker_confidence)
    if args.errors:
        gold = load(_GOLD_DIR / args.errors)
        print("\n".join(errors(analyse(Path(args.shared), gold), gold)))
        return
    rows = [
        (
            "| gold set | system | quote P | R | F1 | speaker accuracy (on quotes found) | right when it names one |"
            " coverage (given a speaker / speaker in the text) | right when named next to the words / inferred"
            " | quotes found / gold |"
        ),
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, label in GOLD_SETS:
        if args.sets and name not in args.sets:
            continue
        gold = load(_GOLD_DIR / name)
        docs = analyse(Path(args.shared), gold, settings)
        for system_name, system in (
            ("recoupe", recoupe_quotes),
            ("nearest person before the quote marks", nearest_person),
        ):
            r = score(system, docs, gold)
            basis = _basis_cell(by_basis(docs, gold)) if system is recoupe_quotes else "-"
            rows.append(
                f"| {label} | {system_name} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} "
                f"| {r['speaker']:.3f} | {r['named']:.3f} ({r['named_count']:.0f}) | {r['coverage']:.3f} | {basis} "
                f"| {r['found']:.0f} / {r['gold']:.0f} |"
            )
            print(rows[-1], flush=True)
    if args.sets:
        return
    (ROOT / "bench" / "results" / "quotes.md").write_text(HEADER + "\n".join(rows) + "\n" + FIRST_SCORES)


#: what the table is, and the sets that were read error by error (prose kept beside the script:
#: bench/quotes_header.md)
HEADER = (Path(__file__).parent / "quotes_header.md").read_text(encoding="utf-8")
#: the first score of each set annotated since the fourth session, before its errors were read (prose kept beside
#: the script: bench/quotes_first_scores.md)
FIRST_SCORES = "\n" + (Path(__file__).parent / "quotes_first_scores.md").read_text(encoding="utf-8")


if __name__ == "__main__":
    main()
