"""Reported conflicts against the blind gold of 6 RPM2 dev clusters (tests/gold/rpm2-conflicts.jsonl), recoupe
against two naive peers in the same run. Writes bench/results/conflicts.md (issue 18's measure).

Each annotated cluster's 10 reports go through recoupe's whole pipeline as one batch; the conflicts of every story
the cluster yields are scored. Gold claims (offsets into the RPM2 record's raw text) are found in each report's clean
text: the claim's text exactly (the occurrence nearest its raw position), else with whitespace and invisible
characters normalised; claims that cannot be found are counted. A predicted conflict matches a gold item when at
least two of its claims, in two different reports, overlap claims of that item in the same reports; each prediction
counts once, for its best item (a `conflict`, else an `update`, else a `not_conflict`). The annotators listed every
real conflict, so a prediction matching no item is false too.

    python bench/conflicts.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import datetime
import subprocess
import sys
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from recoupe.config import Settings
from recoupe.eval.summaries import load_clusters
from recoupe.model import Claim, Conflict, Corpus, Span
from recoupe.pipeline import DEFAULT_STAGES, Pipeline

sys.path.insert(0, str(Path(__file__).parent))
import orangesum_stories
from conflict_gold import Item, Location, gold_items, load_gold, locate  # noqa: F401  (locate: for the tests)
from conflict_peers import figure_pairs, quote_pairs

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "rpm2-conflicts.jsonl"
OUT = ROOT / "bench" / "results" / "conflicts.md"
#: the other gold sets (``--gold``): what each is, and the table it writes
OTHER_SETS = {
    "rpm2-conflicts-second.jsonl": (
        "held out: annotated blind before the conflict code changed for issue 18, scored as a whole, never read",
        "conflicts-second.md",
    ),
    "orangesum-conflicts.jsonl": (
        (
            "held out: 8 stories of 3 to 6 OrangeSum articles as recoupe groups them (bench/orangesum_stories.py),"
            " annotated blind before any code was scored on them; a story's articles come from one outlet over days"
            " or weeks, so most pairs are updates or different quantities"
        ),
        "conflicts-orangesum.md",
    ),
    "rpm2-conflicts-tuning.jsonl": (
        (
            "a TUNING set: its errors are read (--errors) while the conflict rules are written; its figures are not"
            " held-out figures"
        ),
        "conflicts-tuning.md",
    ),
}
#: the first score of the gold set, before any change to the conflict code for it (code 48c1c26, 2026-12-06)
FIRST_SCORE = (
    "Its first score (code 48c1c26): recoupe 25 conflicts, none real (6 tempting non-conflicts, 19 not in the gold),"
    " 0 of 9 found; since then an attribution conflict needs both speakers named next to the words and not named"
    " inside them."
)
LABELS = ("conflict", "update", "not_conflict")
KINDS = ("figure", "date", "attribution", "fact")


# --- matching ---------------------------------------------------------------------------------------------------


def _overlap(a: Span, b: Span) -> bool:
    return a.doc == b.doc and a.start < b.end and b.start < a.end


def matches(predicted: Conflict, item: Item) -> bool:
    """At least two of the prediction's claims, in two different reports, overlap claims of the item there."""
    docs = {c.span.doc for c in predicted.claims if any(_overlap(c.span, g) for g in item.claims)}
    return len(docs) >= 2


def best_item(predicted: Conflict, items: Sequence[Item]) -> int | None:
    """The index of the gold item the prediction counts for: a conflict first, then an update, then a non-conflict."""
    candidates = [i for i, item in enumerate(items) if matches(predicted, item)]
    return min(candidates, key=lambda i: LABELS.index(items[i].label), default=None)


@dataclass
class Score:
    """Counts of one system on one or more clusters; ``kinds`` holds the same counts per kind."""

    predicted: int = 0
    tp: int = 0
    update: int = 0
    not_conflict: int = 0
    unmatched: int = 0
    #: of the unmatched, those with a claim on a gold claim (a different pairing of claims the gold does list)
    touching: int = 0
    gold: int = 0
    found: int = 0
    stated: int | None = None
    kinds: dict[str, Score] = field(default_factory=dict)

    @property
    def precision(self) -> float | None:
        return self.tp / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.found / self.gold if self.gold else None

    def add(self, other: Score) -> None:
        for name in ("predicted", "tp", "update", "not_conflict", "unmatched", "touching", "gold", "found"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        if other.stated is not None:
            self.stated = (self.stated or 0) + other.stated
        for kind, counts in other.kinds.items():
            self.kinds.setdefault(kind, Score()).add(counts)


def score(predicted: Sequence[Conflict], items: Sequence[Item]) -> Score:
    """Each prediction counted once, for its best gold item; a gold conflict is found when a prediction matches it."""
    total = Score(kinds={kind: Score() for kind in KINDS})
    for conflict in predicted:
        best = best_item(conflict, items)
        label = items[best].label if best is not None else None
        touching = label is None and any(_overlap(c.span, g) for c in conflict.claims for i in items for g in i.claims)
        for counts in (total, total.kinds.setdefault(conflict.kind, Score())):
            counts.predicted += 1
            counts.tp += label == "conflict"
            counts.update += label == "update"
            counts.not_conflict += label == "not_conflict"
            counts.unmatched += label is None
            counts.touching += touching
    for item in items:
        if item.label == "conflict":
            found = any(matches(conflict, item) for conflict in predicted)
            for counts in (total, total.kinds.setdefault(item.kind, Score())):
                counts.gold += 1
                counts.found += found
    return total


# --- the systems ------------------------------------------------------------------------------------------------


def recoupe_conflicts(corpus: Corpus) -> list[Conflict]:
    """Every conflict recoupe reports, stated or possible (not the updates)."""
    return [c for story in corpus.stories for c in story.conflicts if c.status == "conflict"]


def as_predictions(items: Sequence[Item]) -> list[Conflict]:
    """The gold conflicts themselves as predictions: the instrument's own check (precision and recall 1)."""
    return [Conflict(i.kind, i.about, tuple(Claim("", s) for s in i.claims)) for i in items if i.label == "conflict"]


def recoupe_stated(corpus: Corpus) -> list[Conflict]:
    """The conflicts recoupe is confident of: those its articles state."""
    return [c for c in recoupe_conflicts(corpus) if c.stated]


SYSTEMS: tuple[tuple[str, Callable[[Corpus], list[Conflict]]], ...] = (
    ("recoupe", recoupe_conflicts),
    ("recoupe: stated in the article", recoupe_stated),
    ("peer: figure pairs, same unit word, >10 % apart", figure_pairs),
    ("peer: same quote, two speakers", quote_pairs),
)
#: the bench's own check, scored beside the systems and reported in the header
CHECK = "check: the gold conflicts as predictions"
NAMES = (*(name for name, _ in SYSTEMS), CHECK)


# --- running ----------------------------------------------------------------------------------------------------


def run_cluster(
    shared: Path,
    topic: str,
    name: str,
    lines: list[dict],
    *,
    pipeline: Pipeline | None = None,  # type: ignore[type-arg]
    errors: bool = False,
) -> tuple[dict[str, Score], Location, int]:
    """Each system's score on one cluster, how its gold claims were located, and how many reports failed."""
    found = (
        orangesum_stories.clusters(shared)
        if topic[:1] in {letter for _, _, letter in orangesum_stories.LISTS.values()}
        else load_clusters(shared / "data" / "rpm2" / "dev.jsonl")
    )
    cluster = next(c for c in found if (c.topic, c.name) == (topic, name))
    pipeline = pipeline or Pipeline(DEFAULT_STAGES, settings=Settings())
    corpus = pipeline.run(cluster.docs)
    location = Location()
    items = gold_items(lines, corpus.by_id(), {d.id: d.content for d in cluster.docs}, location)
    scores = {system: score(predict(corpus), items) for system, predict in SYSTEMS}
    stated = [s for story in corpus.stories for s in story.summary if s.kind == "conflict"]
    scores["recoupe"].stated = len(stated)
    scores[CHECK] = score(as_predictions(items), items)
    if errors:
        print(f"{topic}-{name}")
        show_errors(corpus, items)
    return scores, location, len(corpus.failures)


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def row(where: str, system: str, s: Score) -> str:
    stated = "-" if s.stated is None else str(s.stated)
    return (
        f"| {where} | {system} | {s.predicted} | {stated} | {s.tp} | {s.update} | {s.not_conflict} "
        f"| {s.unmatched} ({s.touching}) | {_ratio(s.precision)} | {s.found} / {s.gold} | {_ratio(s.recall)} |"
    )


def kind_rows(system: str, s: Score) -> list[str]:
    rows = []
    for kind in KINDS:
        k = s.kinds.get(kind, Score())
        share = k.predicted / s.predicted if s.predicted else None
        rows.append(
            f"| {system} | {kind} | {k.predicted} ({_ratio(share)}) | {k.tp} | {k.update} | {k.not_conflict} "
            f"| {k.unmatched} | {_ratio(k.precision)} | {k.found} / {k.gold} | {_ratio(k.recall)} |"
        )
    return rows


TABLE = (
    "| cluster | system | predicted | stated in the article | TP (a gold conflict) | an update called a conflict "
    "| a tempting non-conflict | unmatched (not in the gold: false; of which touch a gold claim) | precision "
    "| gold conflicts found | recall |\n"
    "|---|---|---|---|---|---|---|---|---|---|---|"
)
KIND_TABLE = (
    "| system | kind | predicted (share) | TP | update | non-conflict | unmatched | precision "
    "| gold conflicts found | recall |\n|---|---|---|---|---|---|---|---|---|---|"
)


def _version() -> str:
    """The commit, "-dirty" when a file other than the tables of bench/results differs from it (a run writing its
    table does not make the next run's code dirty)."""
    commit = subprocess.run(
        ["git", "describe", "--always"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    changed = subprocess.run(
        ["git", "status", "--porcelain", "--", ".", ":(exclude)bench/results"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    return commit + ("-dirty" if changed else "")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--gold", default=GOLD.name, help="a gold set of tests/gold (default: %(default)s)")
    parser.add_argument(
        "--errors", action="store_true", help="print recoupe's conflicts against the gold (tuning set only)"
    )
    args = parser.parse_args()
    gold_path = GOLD.parent / args.gold
    if args.errors and "tuning" not in args.gold:
        parser.error(f"{args.gold} is held out: its errors are not read (use rpm2-conflicts-tuning.jsonl)")
    pipeline = Pipeline(DEFAULT_STAGES, settings=Settings())
    rows, pooled, location, failures = [TABLE], {name: Score() for name in NAMES}, Location(), 0
    for (topic, name), lines in load_gold(gold_path).items():
        scores, found, failed = run_cluster(
            Path(args.shared), topic, name, lines, pipeline=pipeline, errors=args.errors
        )
        location.add(found)
        failures += failed
        for system, s in scores.items():
            pooled[system].add(s)
            rows += [row(f"{topic}-{name}", system, s)] if system != CHECK else []
        print("\n".join(rows[-len(SYSTEMS) :]), flush=True)
    check = pooled.pop(CHECK)
    rows += [row("**pooled**", system, s) for system, s in pooled.items()]
    kinds = [KIND_TABLE] + [r for system, s in pooled.items() for r in kind_rows(system, s)]
    out = OUT if gold_path == GOLD else OUT.parent / OTHER_SETS[args.gold][1]
    out.write_text(
        _header(gold_path, location, failures, check)
        + "\n".join(rows)
        + "\n\nBy kind, pooled (precision by the kind the "
        "system gives; recall by the gold conflict's kind):\n\n" + "\n".join(kinds) + "\n"
    )
    print("\n".join(rows[-len(pooled) :] + kinds))


def show_errors(corpus: Corpus, items: Sequence[Item]) -> None:
    """recoupe's conflicts, each with the gold item it counts for, then the gold conflicts it misses (reading them
    makes the gold set a tuning set)."""
    predicted = recoupe_conflicts(corpus)
    for conflict in predicted:
        best = best_item(conflict, items)
        label = items[best].label if best is not None else "UNMATCHED"
        sides = " | ".join(f"{c.span.doc}: {c.value[:60]}" for c in conflict.claims)
        print(f"  {label:12} {conflict.kind:11} {conflict.confidence:.2f} {conflict.about[:40]!r}: {sides}")
    for item in items:
        if item.label == "conflict" and not any(matches(c, item) for c in predicted):
            print(f"  MISSED       {item.kind:11} {item.about[:60]!r}")


def _header(path: Path, location: Location, failures: int, check: Score) -> str:
    claims = location.exact + location.normalised + len(location.missing)
    gold = load_gold(path)
    status = (
        f"{FIRST_SCORE} Its errors have not been read (it is held out)."
        if path == GOLD
        else OTHER_SETS[path.name][0] + "."
    )
    labels = {label: sum(g["label"] == label for lines in gold.values() for g in lines) for label in LABELS}
    clusters = " ".join(f"{topic}-{name}" for topic, name in gold)
    missing = ", ".join(location.missing) or "none"
    where = "OrangeSum stories" if path.name.startswith("orangesum") else "RPM2 dev clusters"
    text = f"""# Conflicts on {len(gold)} {where} (bench/conflicts.py)

{datetime.date.today().isoformat()}, code {_version()}. The gold set tests/gold/{path.name} ({clusters};
{labels["conflict"]} conflicts, {labels["update"]} updates, {labels["not_conflict"]} tempting non-conflicts, annotated
blind from the texts; how: tests/gold/README.md). {status} Issue 18's aims: precision >= 0.90 of the conflicts the article states, recall >= 0.6.

Each cluster's reports are run through the whole pipeline as one batch; the conflicts of every story it yields
are counted ({failures} reports failed). A predicted conflict matches a gold item when two of its claims, in two
different reports, overlap (characters) claims of the item in the same reports; it counts once, for a gold
`conflict` first, else an `update`, else a `not_conflict`. The annotators listed every real conflict, so an
**unmatched** prediction is false as well: precision = TP / predicted. Recall = gold conflicts matched by at least
one prediction / gold conflicts ({labels["conflict"]} in all: one more found moves it by
{1 / max(1, labels["conflict"]):.2f}). The peers' pairs are scored the
same way; "stated in the article" counts recoupe's conflict sentences in the summaries.

Gold claims located in the clean texts: {claims} claims, {location.exact} exactly, {location.normalised} after
normalising whitespace, {len(location.missing)} not found ({missing}). Check of the instrument: the gold conflicts
themselves, as predictions, score precision {_ratio(check.precision)} and recall {_ratio(check.recall)}.

Reading the instrument: a conflict of many claims (one "figure" conflict lumping a quantity's values from 7 reports)
counts as a TP if any two of its claims, in two reports, fall on one gold conflict: lenient for lumps, which the
issue counts as false. An unmatched prediction "touching a gold claim" puts a claim the gold lists beside one it does
not pair it with. recoupe's only "fact" detector is variants.py (the same words around two different names); the
gold's fact conflicts are mostly contradictions in other words. Matching is by spans whatever the kind. The figure peer's >10 % rule cannot find two values closer than that (the README's examples of figure
conflicts, 3.7 against 3.9 billion, are 5 % apart).

"""
    return "\n\n".join(textwrap.fill(" ".join(p.split()), 116) for p in text.strip().split("\n\n")) + "\n\n"


if __name__ == "__main__":
    main()
