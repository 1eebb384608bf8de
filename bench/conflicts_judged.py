"""Precision of the conflicts recoupe reports on OrangeSum stories, against a blind judge's verdicts. Writes
bench/results/conflicts-judged.md (``--set first``) or conflicts-judged-second.md (``--set second``).

A judged set is a sample of the conflicts recoupe reported on the stories of some lists (bench/orangesum_stories.py;
drawn by bench/conflicts_draw.py), each candidate labelled `conflict`, `update`, `not_conflict` or `unsure` from the
texts by a judge who knew neither the code nor its reasons (tests/gold/README.md): the first set (lists V and W,
July-December 2018; two versions) and the second (lists P and Q). Those stories are run again through the current
code; each conflict it reports on them counts for the judged candidate it matches (two of its claims, in two reports,
overlapping claims of the candidate: bench/conflicts.py), else as not judged. Precision is over the judged
predictions, apart for those the rules grade as sure enough to state (``crosscheck.calibration.grade``: before the
confidence is capped) and the others: each sample drew every conflict of the first kind and a few of the others.
The sets' first scores are in tests/gold/README.md; after them, the sets were read: tuning sets.

    python bench/conflicts_judged.py [--shared ../shared] [--set first|second]
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
import textwrap
from collections import Counter
from pathlib import Path

from recoupe.config import Settings
from recoupe.model import STATED, Conflict, Span
from recoupe.pipeline import DEFAULT_STAGES, Pipeline
from recoupe.stages.crosscheck.calibration import grade

sys.path.insert(0, str(Path(__file__).parent))
import orangesum_stories
from conflicts import Item, _version, best_item

ROOT = Path(__file__).resolve().parents[1]
#: each judged set: its verdicts, the lists its stories come from, their months, and the table it writes
SETS = {
    "first": ("orangesum-conflicts-judged.jsonl", ("orangesum-stories-sixth.jsonl", "orangesum-stories-seventh.jsonl"),
              "July-December 2018", "conflicts-judged.md"),
    "second": ("orangesum-conflicts-judged-second.jsonl",
               ("orangesum-stories-second.jsonl", "orangesum-stories-third.jsonl"),
               "July-September 2019 and January-March 2020", "conflicts-judged-second.md"),
}  # fmt: skip
LABELS = ("conflict", "update", "not_conflict", "unsure")


def load(path: Path) -> dict[str, list[Item]]:
    """The judged candidates by story, as items of bench/conflicts.py (their claims' spans in the clean texts)."""
    items: dict[str, list[Item]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        spans = tuple(Span(doc, start, end) for doc, start, end in row["claims"])
        items.setdefault(row["topic"], []).append(Item(row["label"], row["kind"], row.get("note", ""), spans))
    return items


def judge(conflicts: list[Conflict], items: list[Item]) -> Counter[tuple[bool, str]]:
    """(graded sure enough to state by the rules, the verdict of the judged candidate it matches, or "not judged")
    for each conflict reported."""
    counts: Counter[tuple[bool, str]] = Counter()
    for conflict in conflicts:
        candidates = [i for i in items if i.label != "unsure"] or items
        best = best_item(conflict, candidates)
        counts[grade(conflict) >= STATED, candidates[best].label if best is not None else "not judged"] += 1
    return counts


def row(name: str, counts: Counter[tuple[bool, str]]) -> str:
    judged = sum(n for (_, label), n in counts.items() if label != "not judged")
    real = sum(n for (_, label), n in counts.items() if label == "conflict")
    cells = [str(sum(n for (_, label), n in counts.items() if label == wanted)) for wanted in (*LABELS, "not judged")]
    precision = f"{real / judged:.2f}" if judged else "-"
    return f"| {name} | {sum(counts.values())} | {' | '.join(cells)} | {precision} |"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--set", choices=list(SETS), default="first")
    args = parser.parse_args()
    gold, lists, months, out = SETS[args.set]
    items = load(ROOT / "tests" / "gold" / gold)
    stories = [c for c in orangesum_stories.clusters(Path(args.shared), lists) if c.topic in items]
    pipeline = Pipeline(DEFAULT_STAGES, settings=Settings())
    counts: Counter[tuple[bool, str]] = Counter()
    for cluster in stories:
        corpus = pipeline.run(cluster.docs)
        reported = [c for story in corpus.stories for c in story.conflicts if c.status == "conflict"]
        counts += judge(reported, items[cluster.topic])
    verdicts = Counter(i.label for found in items.values() for i in found)
    header = f"""# Conflicts reported on OrangeSum stories, against a blind judge (bench/conflicts_judged.py)

{datetime.date.today().isoformat()}, code {_version()}. The judged set tests/gold/{gold}:
{sum(verdicts.values())} candidate conflicts on {len(items)} stories of {months}, judged from the texts
({", ".join(f"{verdicts[label]} {label}" for label in LABELS)}); how they were drawn and judged, and the first
score: tests/gold/README.md. The {len(stories)} stories are run again (one batch each); each conflict reported
counts for the judged candidate it matches, else as not judged. Precision = `conflict` verdicts / judged
predictions. The article states none of them: each confidence is capped at the share of its kind a judge found real
(recoupe/stages/crosscheck/calibration.py); the first row counts those the rules alone would state.
"""
    table = [
        "| conflicts | reported | conflict | update | not_conflict | unsure | not judged | precision (of judged) |",
        "|---|---|---|---|---|---|---|---|",
        row("the rules would state", Counter({k: n for k, n in counts.items() if k[0]})),
        row("possible", Counter({k: n for k, n in counts.items() if not k[0]})),
        row("all", counts),
    ]
    paragraphs = [textwrap.fill(" ".join(p.split()), 116) for p in header.strip().split("\n\n")]
    (ROOT / "bench" / "results" / out).write_text("\n\n".join(paragraphs) + "\n\n" + "\n".join(table) + "\n")
    print("\n".join(table))


if __name__ == "__main__":
    main()
