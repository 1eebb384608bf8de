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
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from recoupe.config import Settings
from recoupe.eval.summaries import DOCUMENT_STAGES, load_clusters
from recoupe.model import Document
from recoupe.pipeline import Pipeline
from recoupe.stages.entities import fold

ROOT = Path(__file__).resolve().parents[1]
_GOLD_DIR = ROOT / "tests" / "gold"
#: (file, label in the table); how and when each was made, and which were read error by error: tests/gold/README.md
GOLD_SETS = (
    ("rpm2-quotes.jsonl", "first set (dev T01-C2 T02-C2 T06-C1 T08-C1 T08-C2)"),
    ("rpm2-quotes-heldout.jsonl", "second set (dev T04-C1 T05-C1 T06-C2 T10-C1 T10-C2)"),
    ("rpm2-quotes-third.jsonl", "third set (dev T02-C1 T03-C2 T07-C2)"),
    ("rpm2-quotes-fourth.jsonl", "fourth set (dev T09-C2)"),
    ("rpm2-quotes-test-t13.jsonl", "test T13-C1 T13-C2"),
    ("rpm2-quotes-test-t17.jsonl", "test T17-C1"),
    ("rpm2-quotes-test-t18.jsonl", "test T18-C1"),
    ("rpm2-quotes-test-t11.jsonl", "test T11-C2"),
    ("rpm2-quotes-test-t15.jsonl", "test T15-C1 (held out until the sixth session, then read)"),
    ("rpm2-quotes-test-t15c2.jsonl", "test T15-C2 (held out until the sixth session, then read)"),
    ("rpm2-quotes-test-t20c2.jsonl", "test T20-C2 (held out until the sixth session, then read)"),
    ("rpm2-quotes-test-t12c1.jsonl", "test T12-C1 (held out until the sixth session, then read)"),
    ("rpm2-quotes-test-t16c2.jsonl", "test T16-C2 (held out: never read)"),
    ("rpm2-quotes-test-t19c2.jsonl", "test T19-C2 (held out: never read)"),
    ("rpm2-quotes-test-t14c2.jsonl", "test T14-C2 (held out: never read)"),
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


def analyse(shared: Path, gold: list[dict]) -> dict[str, Document]:  # type: ignore[type-arg]
    """The clusters of the gold documents through recoupe's document stages (a cluster is read as one batch)."""
    wanted = {g["doc"] for g in gold}
    pipeline = Pipeline(DOCUMENT_STAGES, settings=Settings())
    docs: dict[str, Document] = {}
    for folder, name in SOURCES:
        if not any(doc.startswith("W") == (folder == "wikinewssum-en") for doc in wanted):
            continue
        for cluster in load_clusters(shared / "data" / folder / name):
            if any(d.id in wanted for d in cluster.docs):
                docs.update({d.id: d for d in pipeline.run(cluster.docs).documents if d.id in wanted})
    return docs


def load(path: Path) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


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
    args = parser.parse_args()
    if args.errors:
        gold = load(_GOLD_DIR / args.errors)
        print("\n".join(errors(analyse(Path(args.shared), gold), gold)))
        return
    rows = [
        (
            "| gold set | system | quote P | R | F1 | speaker accuracy (on quotes found) | right when it names one |"
            " right when named next to the words / inferred | quotes found / gold |"
        ),
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, label in GOLD_SETS:
        gold = load(_GOLD_DIR / name)
        docs = analyse(Path(args.shared), gold)
        for system_name, system in (
            ("recoupe", recoupe_quotes),
            ("nearest person before the quote marks", nearest_person),
        ):
            r = score(system, docs, gold)
            basis = _basis_cell(by_basis(docs, gold)) if system is recoupe_quotes else "-"
            rows.append(
                f"| {label} | {system_name} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} "
                f"| {r['speaker']:.3f} | {r['named']:.3f} ({r['named_count']:.0f}) | {basis} "
                f"| {r['found']:.0f} / {r['gold']:.0f} |"
            )
            print(rows[-1], flush=True)
    (ROOT / "bench" / "results" / "quotes.md").write_text(HEADER + "\n".join(rows) + "\n" + FIRST_SCORES)


#: what the table is, and the sets that were read error by error (all of them, by now)
HEADER = """# Quotes on 14 RPM2 dev clusters, 12 RPM2 test clusters, 22 English and 2 German WikinewsSum sources (bench/quotes.py)

Gold (how each was made and which sessions read its errors: tests/gold/README.md). Direct quotes only. A predicted
quote counts for the gold span with exactly its words first, else one that contains it (3+ words); an acronym names
its expansion ("LDH", "Ligue des droits de l'Homme"). Every set below but T16-C2, T19-C2 and T14-C2 has by now had its
errors read and the rules adjusted on it: their figures in the table are tuning figures. The clean figures are each
set's first score and the three sets the sixth session kept unread, below.

"""
#: the first score of each set annotated in the fourth and fifth sessions, before its errors were read (and the code of
#: the session before on the same set, same scorer)
FIRST_SCORES = """
## Held-out figures of the sixth session

T16-C2 and T19-C2 were annotated at the start of the sixth session, before its quote changes, and scored as a whole
three times: with the session's starting code (9eaa55e), once in the middle and with the final code. T14-C2 was
annotated in the middle of the session and scored once with the starting code, once with the code of then and once
with the final code. None was read error by error. Meanwhile the fifth session's held-out sets (T15-C1, T15-C2,
T20-C2, T12-C1) were read and the rules adjusted on them: they are tuning sets now.

| gold set | code | quote P | R | F1 | speakers | right when it names one | found |
|---|---|---|---|---|---|---|---|
| test T16-C2 | sixth session, final | 0.933 | 0.848 | 0.889 | 0.750 (21/28) | 0.769 (26) | 28 / 33 |
| test T16-C2 | fifth session (9eaa55e) | 0.933 | 0.848 | 0.889 | 0.679 (19/28) | 0.667 (27) | 28 / 33 |
| test T16-C2 | nearest person before the quote marks | 0.673 | 1.000 | 0.805 | 0.273 | 0.467 (15) | 33 / 33 |
| test T19-C2 | sixth session, final | 1.000 | 0.831 | 0.908 | 0.770 (57/74) | 0.875 (56) | 74 / 89 |
| test T19-C2 | fifth session (9eaa55e) | 1.000 | 0.831 | 0.908 | 0.730 (54/74) | 0.836 (55) | 74 / 89 |
| test T19-C2 | nearest person before the quote marks | 0.957 | 1.000 | 0.978 | 0.494 | 0.641 (64) | 89 / 89 |
| test T14-C2, annotated mid-session | sixth session, final | 0.976 | 0.920 | 0.947 | 0.741 (60/81) | 0.760 (75) | 81 / 88 |
| test T14-C2 | fifth session (9eaa55e) | 0.976 | 0.920 | 0.947 | 0.654 (53/81) | 0.676 (74) | 81 / 88 |
| test T14-C2 | nearest person before the quote marks | 0.880 | 1.000 | 0.936 | 0.477 | 0.506 (81) | 88 / 88 |

Pooled over the three: speakers 138 of 183 quotes found (0.754) against 126 of 183 (0.689) with the session's starting
code; the peer 0.27-0.49. Quote F1 did not move (0.889, 0.908, 0.947). Speakers named next to the words are right 89
of 112 times (0.79), inferred ones 37 of 45 (0.82). On the sets read (tuning), French speakers pooled went from 579 of
694 (0.834), with the four sets then held out at 115 of 178 (0.646), to 606 of 694 (0.873) and 150 of 179 (0.838): 756
of 873 (0.866) in all.
T14-C2's middle score was already 0.741: the rules written after it did not move it.

## Held-out figures of the fifth session

T15-C2 and T20-C2 were annotated at the start of the fifth session, before its quote changes, and scored as a whole
with the code of the session's start (its quote rules are 6a47598's; the session's first commit changed only dates)
and with the session's code: three times in all, never read error by error. T15-C1 had been kept unread since the fourth session;
after the session's rules lowered it, the two quotes whose speaker changed were read (an unnamed adviser's words given
to the sentence's subject across "tandis que"; a pronoun's antecedent changed by an earlier quote), and the fallback
was narrowed to the quote's own clause before the last scoring.

| gold set | code | quote P | R | F1 | speakers | found |
|---|---|---|---|---|---|---|
| test T15-C1 | fifth session, final | 0.909 | 0.926 | 0.917 | 0.640 | 50 / 54 |
| test T15-C1 | fourth session (6a47598) | 0.909 | 0.926 | 0.917 | 0.660 | 50 / 54 |
| test T15-C2 | fifth session, final | 0.903 | 0.824 | 0.862 | 0.571 | 28 / 34 |
| test T15-C2 | fourth session (6a47598) | 0.903 | 0.824 | 0.862 | 0.571 | 28 / 34 |
| test T15-C2 | nearest person before the quote marks | 0.767 | 0.971 | 0.857 | 0.424 | 33 / 34 |
| test T20-C2 | fifth session, final | 0.981 | 0.810 | 0.887 | 0.686 | 51 / 63 |
| test T20-C2 | fourth session (6a47598) | 0.981 | 0.810 | 0.887 | 0.608 | 51 / 63 |
| test T20-C2 | nearest person before the quote marks | 0.910 | 0.968 | 0.938 | 0.410 | 61 / 63 |
| test T12-C1, annotated after the session's last rule | fifth session, final | 0.845 | 0.817 | 0.831 | 0.653 | 49 / 60 |
| test T12-C1 | fourth session (6a47598) | 0.845 | 0.817 | 0.831 | 0.633 | 49 / 60 |
| test T12-C1 | nearest person before the quote marks | 0.706 | 1.000 | 0.828 | 0.483 | 60 / 60 |

Pooled over the three: speakers 83 of 129 quotes found (0.643) against 80 of 129 (0.620) at the session's start, while
the French tuning sets went from 560 of 694 (0.807) to 578 of 694 (0.833). Quote F1 is unchanged on all three. T12-C1
(the PPDA/Laurence Ferrari cluster), annotated at the end of the session and scored once with each code: speakers 0.653
against 0.633; with it, 115 of 178 (0.646) against 111 of 178 (0.624). The scorer now also takes an acronym of every
word of a name ("PPDA" for "Patrick Poivre d'Arvor"), which changes no figure of the other sets.

| gold set | code | quote P | R | F1 | speakers | found |
|---|---|---|---|---|---|---|
| English, 10 more WikinewsSum sources (random, seed 5) | fifth session, final | 0.808 | 0.913 | 0.857 | 0.857 | 21 / 23 |
| English, 10 more WikinewsSum sources | fourth session (6a47598) | 0.808 | 0.913 | 0.857 | 0.857 | 21 / 23 |
| English, 10 more WikinewsSum sources | nearest person before the quote marks | 0.561 | 1.000 | 0.719 | 0.609 | 23 / 23 |

A second English set, annotated at the end of the fifth session and scored once with each code: only 23 quotes (the
sources drawn are blog pages and press releases with few quotes), so a first look; the fourth session's English rules
give 18 of 21 speakers on sources they never saw (its first English set had scored 0.636 before those rules).

## Held-out figures: each set's first score (fourth session)

| gold set | code | quote P | R | F1 | speakers | scored when |
|---|---|---|---|---|---|---|
| fourth set (dev T09-C2), old scorer | this session, after its first commit | 0.923 | 0.679 | 0.783 | 0.611 | annotated after the first commit, scored once, then read |
| fourth set (dev T09-C2), old scorer | previous session | 0.923 | 0.679 | 0.783 | 0.639 | same |
| test T13-C1 T13-C2 | this session, after the gender rule | 0.972 | 0.909 | 0.940 | 0.743 | annotated, scored once, then read |
| test T13-C1 T13-C2 | previous session | 0.972 | 0.909 | 0.940 | 0.743 | same |
| test T17-C1 | this session, after the T13 rules | 0.830 | 0.812 | 0.821 | 0.641 | annotated, scored once, then read |
| test T17-C1 | previous session | 0.812 | 0.812 | 0.812 | 0.667 | same |
| test T18-C1 | this session, after the T17 rules | 0.967 | 0.829 | 0.892 | 0.586 | annotated, scored once, then read (one rule added after) |
| test T18-C1 | previous session | 0.906 | 0.829 | 0.866 | 0.586 | same |

| test T11-C2 | this session, after the English rules | 0.950 | 0.717 | 0.817 | 0.474 | annotated last, scored once, then read |
| test T11-C2 | previous session | 0.949 | 0.698 | 0.804 | 0.459 | same |
| test T11-C2 | nearest person before the quote marks | 0.914 | 1.000 | 0.955 | 0.528 | same |
| test T15-C1, annotated after every rule, never read | this session's final code | 0.909 | 0.926 | 0.917 | 0.660 | scored as a whole only |
| test T15-C1 | previous session | 0.907 | 0.907 | 0.907 | 0.571 | same |
| test T15-C1 | nearest person before the quote marks | 0.818 | 1.000 | 0.900 | 0.444 | same |
| English, 12 WikinewsSum sources (a random sample, seed 4) | this session, after the T18 rules | 1.000 | 0.887 | 0.940 | 0.636 | annotated, scored once, then read |
| English, 12 WikinewsSum sources | previous session | 0.948 | 0.887 | 0.917 | 0.545 | same |
| English, 12 WikinewsSum sources | nearest person before the quote marks | 0.899 | 1.000 | 0.947 | 0.565 | same |
| German, the 2 German WikinewsSum sources (W046-1, W046-2) | this session, after the T11 rules | 0.909 | 0.476 | 0.625 | 0.100 | annotated, scored once, then read |
| German | previous session | 0.909 | 0.476 | 0.625 | 0.200 | same |
| German | nearest person before the quote marks | 0.875 | 1.000 | 0.933 | 0.000 | same (no German tagger: no person) |

The T13, T17 and T18 first scores use the scorer as it was then (exact words first, a quote before an unsure span);
T11 was scored with the final scorer (also the document order of equal quotes), which moves no figure above but T11's
speakers (0.447 with the earlier scorer). Pooled over the four French test clusters at first score: speakers 112 of
176 quotes found (0.636) against 112 of 175 (0.640) for the previous session's code: this session's French speaker
rules, which raised every set they were tuned on, did not raise speaker accuracy on reports they had not seen, and the
"nearest person" peer beat both on T11-C2. T15-C1, annotated after the last rule and kept unread, gives the final
code's clean figure: speakers 0.660 against 0.571 for the previous code (the later, more general rules: incises
inside quotes, the subject of the last verb of speech, gender); pooled with the four above, 145 of 226 (0.642) against
140 of 224 (0.625). Quote precision did rise on unseen reports (legal charges, nouns that are
not verbs of speech, words of a crowd), and on English sources speakers rose from 0.545 to 0.636 at first score (the
session's English rules came after).
"""


if __name__ == "__main__":
    main()
