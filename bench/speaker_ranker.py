"""A trained ranker of candidate speakers, tried as a second opinion on the rules' speaker (issue 18); not used by
recoupe. Prints how often it picks the gold speaker, how often it agrees with the rules, and whether adding its
opinion to the speaker confidence raises the precision of the speakers kept, all leave-one-set-out over the sets the
speaker model is fitted on (``speaker_model.TRAIN``).

Candidates of a quote: every person or organisation the tagger names in the quote's sentence and the two before it
(outside the quote or inside it), and the rules' speaker. Features (``FEATURES``): where the candidate is named
against the quote, how far, a verb of speech by the name, a name that is no subject, how often the report names it,
whether it said the previous quote. Logistic regression (``speaker_model.fit``) over candidates, the best-scored one
the ranker's pick.

    python bench/speaker_ranker.py [--shared ../shared] [--cache DIR]
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from recoupe.model import Document, Quote
from recoupe.stages.quotes.confidence import _not_subject, _surname, _verb_by_name
from recoupe.stages.quotes.names import SpeakerNames, people
from recoupe.stages.quotes.speakers import sentence_end, sentence_start

sys.path.insert(0, str(Path(__file__).parent))
import quotes as bench_quotes
import speaker_model

FEATURES = (
    "person",
    "before_in_sentence",
    "after_in_sentence",
    "sentence_before",
    "nearest_before",
    "nearest_after",
    "distance",
    "verb_by_name",
    "not_subject",
    "inside_only",
    "mentions",
    "most_named",
    "previous_speaker",
)
#: (candidate's name, right, features) for each candidate of one quote; with the rules' speaker's index and confidence
Candidates = list[tuple[str, int, list[float]]]
Row = tuple[Candidates, int | None, float]


def candidates(doc: Document, quote: Quote, names: SpeakerNames, previous: str | None) -> dict[str, list[float]]:
    """Each candidate's key and features (``FEATURES``)."""
    text, start, end = doc.text, quote.span.start, quote.span.end
    own = sentence_start(text, start)
    before = sentence_start(text, max(0, own - 2)) if own else own
    first = sentence_start(text, max(0, before - 2)) if before else before
    last = sentence_end(text, end)
    counts: dict[str, int] = {}
    for m in doc.mentions:
        if m.label == "PER":
            counts[names.key(m.text)] = counts.get(names.key(m.text), 0) + 1
    most = max(counts, key=lambda k: counts[k]) if counts else None
    found: dict[str, list] = {}  # type: ignore[type-arg]
    for m in doc.mentions:
        if m.label in ("PER", "ORG") and first <= m.span.start < last and names.key(m.text):
            found.setdefault(names.key(m.text), []).append(m)
    if quote.speaker and names.key(quote.speaker) not in found:
        found[names.key(quote.speaker)] = []
    persons_before = [m for m in doc.mentions if m.label == "PER" and first <= m.span.start and m.span.end <= start]
    persons_after = [m for m in doc.mentions if m.label == "PER" and end <= m.span.start < last]
    nearest_before = names.key(max(persons_before, key=lambda m: m.span.end).text) if persons_before else None
    nearest_after = names.key(min(persons_after, key=lambda m: m.span.start).text) if persons_after else None
    out = {}
    for key, mentions in found.items():
        outside = [m for m in mentions if not start <= m.span.start < end]
        gaps = [max(0, start - m.span.end if m.span.end <= start else m.span.start - end) for m in outside]
        surname = _surname(max((m.text for m in mentions), key=len) if mentions else quote.speaker or "")
        out[key] = [
            float(any(m.label == "PER" for m in mentions) or not mentions),
            float(any(own <= m.span.start < start for m in outside)),
            float(any(end <= m.span.start < last for m in outside)),
            float(any(first <= m.span.start < own for m in outside)),
            float(key == nearest_before),
            float(key == nearest_after),
            min(1.0, math.log1p(min(gaps, default=600)) / math.log(600)),
            float(bool(surname) and _verb_by_name(doc, quote, surname)),
            float(bool(surname) and _not_subject(doc, quote, surname)),
            float(bool(mentions) and not outside),
            math.log1p(counts.get(key, 0)) / 3,
            float(key == most),
            float(key == previous),
        ]
    return out


def rows(docs: dict[str, Document], gold: list[dict]) -> list[Row]:  # type: ignore[type-arg]
    """The candidates of every gold quote recoupe finds whose speaker the text gives."""
    names = SpeakerNames((d.text for d in docs.values()), people(docs.values()))
    by_words = {(d.id, q.text): q for d in docs.values() for q in reversed(d.quotes)}
    previous: dict[tuple[str, int], str | None] = {}
    for doc in docs.values():
        last = None
        for quote in sorted(doc.quotes, key=lambda q: q.span.start):
            previous[(doc.id, quote.span.start)] = last
            last = names.key(quote.speaker) if quote.speaker else last
    found: list[Row] = []
    for verdict, doc_id, words, _, g in bench_quotes._judged(bench_quotes.recoupe_quotes, docs, gold):
        quote = by_words.get((doc_id, words))
        if verdict != "tp" or g is None or g.get("speaker") is None or quote is None or not quote.direct:
            continue
        options = candidates(docs[doc_id], quote, names, previous[(doc_id, quote.span.start)])
        listed = [(key, int(bench_quotes._names(key, g["speaker"])), values) for key, values in options.items()]
        rule = names.key(quote.speaker) if quote.speaker else None
        index = next((i for i, (key, _, _) in enumerate(listed) if key == rule), None)
        found.append((listed, index, float(quote.speaker_confidence or 0.0)))
    return found


def _scores(weights: np.ndarray, listed: Candidates) -> np.ndarray:
    return speaker_model.predict(weights, np.array([values for _, _, values in listed]))


def _kept_precision(scores: np.ndarray, right: np.ndarray, keep: float) -> float:
    order = np.argsort(-scores)[: int(keep * len(scores))]
    return float(right[order].mean())


def evaluate(sets: dict[str, list[Row]]) -> list[str]:
    """Leave-one-set-out: the ranker's pick, its agreement with the rules, and the confidence with and without it."""
    picked = agree = agree_right = rules_right = given = 0
    stack: list[tuple[str, float, float, int]] = []  # (set, rules' confidence, ranker's share, rules right)
    for held, held_rows in sets.items():
        train = [c for name, r in sets.items() if name != held for listed, _, _ in r for c in listed]
        weights = speaker_model.fit(np.array([c[2] for c in train]), np.array([c[1] for c in train], dtype=float))
        for listed, index, confidence in held_rows:
            if not listed:
                continue
            scores = _scores(weights, listed)
            top = int(np.argmax(scores))
            picked += listed[top][1]
            if index is None:
                continue
            given += 1
            right = listed[index][1]
            rules_right += right
            agree += top == index
            agree_right += right if top == index else 0
            stack.append((held, confidence, float(scores[index] / scores.sum()), right))
    total = sum(len(r) for r in sets.values())
    picked_share, right_share, agree_share = picked / total, rules_right / given, agree_right / max(1, agree)
    lines = [
        (
            f"quotes whose speaker the text gives, found: {total}; the ranker picks the gold speaker for {picked_share:.3f};"
            f" the rules give a speaker to {given}, right {right_share:.3f}"
        ),
        (
            f"the ranker agrees with the rules on {agree / given:.3f} of them, right {agree_share:.3f} there; apart:"
            f" {given - agree}, the rules right {rules_right - agree_right}"
        ),
        "precision of the speakers kept, by share kept (the confidence alone / with the ranker's opinion):",
    ]
    with_ranker, alone = _stacked(stack, True), _stacked(stack, False)
    right = np.array([r for *_, r in stack], dtype=float)
    for keep in (0.9, 0.8, 0.7, 0.6, 0.5):
        lines.append(
            f"  {keep:.1f}: {_kept_precision(alone, right, keep):.3f} / {_kept_precision(with_ranker, right, keep):.3f}"
        )
    return lines


def _stacked(stack: Sequence[tuple[str, float, float, int]], ranker: bool) -> np.ndarray:
    """Each speaker's confidence out of set: a logistic model over the rules' confidence (its logit), with or
    without the ranker's share of the rules' speaker."""

    def design(rows: Sequence[tuple[str, float, float, int]]) -> np.ndarray:
        logit = [math.log(max(c, 1e-6) / max(1 - c, 1e-6)) for _, c, _, _ in rows]
        return np.array([[x, s] if ranker else [x] for x, (_, _, s, _) in zip(logit, rows, strict=True)])

    out = np.zeros(len(stack))
    for held in dict.fromkeys(name for name, *_ in stack):
        inside = np.array([name == held for name, *_ in stack])
        train = [row for row, i in zip(stack, inside, strict=True) if not i]
        weights = speaker_model.fit(design(train), np.array([r for *_, r in train], dtype=float))
        out[inside] = speaker_model.predict(weights, design([row for row, i in zip(stack, inside, strict=True) if i]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    parser.add_argument("--cache", type=Path, help="keep the analysed documents here between runs")
    args = parser.parse_args()
    sets = {}
    for name in speaker_model.TRAIN:
        gold = bench_quotes.load(bench_quotes._GOLD_DIR / name)
        sets[name] = rows(speaker_model.analysed(Path(args.shared), name, gold, args.cache), gold)
    print("\n".join(evaluate(sets)))


if __name__ == "__main__":
    main()
