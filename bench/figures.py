"""Figures on the hand-made gold set (tests/gold/rpm2-figures.jsonl), recoupe against a naive peer.

A figure is found when recoupe's figure span overlaps a gold figure; one that overlaps a number
the gold calls not a figure (a date, a clock time, "les deux pays", "Europe 1") is a false
positive; numbers outside the gold's candidates (a figure of "un", "une") are not counted.
On the figures found: value accuracy (low and high each within 25% of the gold's) and unit
accuracy (the gold's thing counted, first five letters, in recoupe's unit or subject).
Peer: every number in digits or in words, given the word after it as its unit.
Writes bench/results/figures.md.

    python bench/figures.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable
from pathlib import Path

from text_to_num import text2num

from recoupe.config import Settings
from recoupe.eval.summaries import load_clusters
from recoupe.lexicon.names import fold
from recoupe.model import Document
from recoupe.pipeline import ANALYSIS_STAGES, Pipeline

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "rpm2-figures.jsonl"
#: annotated after the figure rules were changed, never read error by error
HELD_OUT = ROOT / "tests" / "gold" / "rpm2-figures-heldout.jsonl"
#: (start, end) in the raw text, low, high, unit
Found = tuple[int, int, float, float, str]
_WORDS = (
    r"deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|"
    r"quarante|cinquante|soixante|cent|mille"
)
_NUMBER = re.compile(rf"\b(?P<digits>\d+(?:[  .]\d{{3}})*(?:,\d+)?)\b|\b(?P<words>{_WORDS})\b", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s*(?:de\s+|d['’])?(?P<unit>%|[^\W\d_][\w’'-]*)")


def load(path: Path = GOLD) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def analyse(shared: Path, gold: list[dict]) -> tuple[dict[str, Document], dict[str, str]]:  # type: ignore[type-arg]
    """The gold clusters' documents through recoupe's stages, and their raw texts."""
    wanted = {g["doc"].rsplit("_", 1)[0] for g in gold}
    pipeline = Pipeline(ANALYSIS_STAGES, settings=Settings())
    docs: dict[str, Document] = {}
    raws: dict[str, str] = {}
    for cluster in load_clusters(shared / "data" / "rpm2" / "dev.jsonl"):
        if f"{cluster.topic}_{cluster.name}" in wanted:
            raws.update({d.id: d.content for d in cluster.docs})
            docs.update({d.id: d for d in pipeline.run(cluster.docs).documents})
    return docs, raws


def _raw_offset(doc: Document, raw: str, start: int) -> int | None:
    """Where clean-text offset ``start`` is in the raw text (by the words around it)."""
    for reach in (30, 12):
        key = doc.text[max(0, start - reach) : start + 6]
        at = raw.find(key)
        if at >= 0:
            return at + (start - max(0, start - reach))
    return None


def recoupe_figures(doc: Document, raw: str) -> list[Found]:
    found = []
    for figure in doc.figures:
        start = _raw_offset(doc, raw, figure.span.start)
        if start is not None:
            about = f"{figure.unit} {figure.subject or ''}"
            found.append((start, start + figure.span.end - figure.span.start, figure.low, figure.high, about))
    return found


def every_number(doc: Document, raw: str) -> list[Found]:
    found = []
    for match in _NUMBER.finditer(raw):
        if match.group("digits"):
            value = float(re.sub(r"[  .]", "", match.group("digits")).replace(",", "."))
        else:
            value = float(text2num(match.group("words").lower(), "fr"))
        unit = _NEXT_WORD.match(raw, match.end())
        found.append((match.start(), match.end(), value, value, unit.group("unit") if unit else ""))
    return found


def _close(value: float, gold: float) -> bool:
    return abs(value - gold) <= 0.25 * max(abs(gold), 1e-9)


def score(
    system: Callable[[Document, str], list[Found]],
    docs: dict[str, Document],
    raws: dict[str, str],
    gold: list[dict],  # type: ignore[type-arg]
) -> dict[str, float]:
    tp = fp = value_ok = unit_ok = 0
    found_gold: set[int] = set()
    for doc_id, doc in docs.items():
        spans = [(i, g) for i, g in enumerate(gold) if g["doc"] == doc_id]
        for start, end, low, high, about in system(doc, raws[doc_id]):
            match = next(((i, g) for i, g in spans if start < g["end"] and g["start"] < end), None)
            if match is None or match[1]["label"] == "unsure":
                continue
            if match[1]["label"] == "not_a_figure":
                fp += 1
            elif match[0] not in found_gold:
                tp += 1
                found_gold.add(match[0])
                value_ok += _close(low, match[1]["low"]) and _close(high, match[1]["high"])
                unit_ok += fold(match[1]["unit"])[:5] in fold(about)
    figures = sum(1 for g in gold if g["label"] == "figure")
    precision, recall = tp / max(1, tp + fp), tp / max(1, figures)
    return {
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / max(1e-9, precision + recall),
        "value": value_ok / max(1, tp),
        "unit": unit_ok / max(1, tp),
        "found": tp,
        "gold": figures,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = parser.parse_args()
    rows = [
        "| gold set | system | figure P | R | F1 | value accuracy | unit accuracy | figures found / gold |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for label, path in (("tuning set (T01-C2 T04-C1 T04-C2 T05-C1 T05-C2)", GOLD),
                        ("held out (T08-C2 T09-C2 T10-C2)", HELD_OUT)):  # fmt: skip
        gold = load(path)
        docs, raws = analyse(Path(args.shared), gold)
        for name, system in (("recoupe", recoupe_figures), ("every number, next word as unit", every_number)):
            r = score(system, docs, raws, gold)
            rows.append(
                f"| {label} | {name} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | {r['value']:.3f} "
                f"| {r['unit']:.3f} | {r['found']:.0f} / {r['gold']:.0f} |"
            )
            print(rows[-1], flush=True)
    (ROOT / "bench" / "results" / "figures.md").write_text(
        "# Figures on 8 RPM2 dev clusters (bench/figures.py)\n\n"
        "Gold: tests/gold/rpm2-figures.jsonl (the figure rules were adjusted looking at its errors) and "
        "tests/gold/rpm2-figures-heldout.jsonl (annotated afterwards, scored as a whole only); how both were made: "
        "tests/gold/README.md. Value: low and high within 25% of the gold's; unit: the thing counted.\n\n"
        + "\n".join(rows)
        + "\n"
    )


if __name__ == "__main__":
    main()
