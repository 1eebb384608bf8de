"""Summary quality: recoupe and the peers in one run on RPM2 dev and WikinewsSum, key facts stated, blind test summaries.

Writes bench/results/summaries.md (RPM2 dev: 20 clusters with references; WikinewsSum in English with the fact
coverage of the 20 articles of tests/gold/wikinewssum-facts.jsonl) and bench/results/rpm2-test-summaries.jsonl
(topics T11-T20, references withheld).

    python bench/summaries.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import subprocess
import time
from datetime import UTC, datetime
from pathlib import Path

from recoupe.config import Settings
from recoupe.eval.facts import load_facts
from recoupe.eval.rouge import Scores
from recoupe.eval.summaries import Table, by_size, evaluate, render_facts, render_sizes, render_table

ROOT = Path(__file__).resolve().parents[1]
FACTS = ROOT / "tests" / "gold" / "wikinewssum-facts.jsonl"
#: the fact set's first score, measured with the summariser as it was before issue 21 changed it (same run as its
#: lead and LexRank); after that, the set was used to compare variants of the summariser: a tuning set
FIRST_SCORE = "recoupe 37 / 136 (0.27), lead (round robin) 28 / 136 (0.21), LexRank (sumy) 38 / 136 (0.28)"
#: story sizes of the "stories of few reports" table (RPM2 dev clusters cut into groups of that many reports)
SIZES = (1, 2, 3, 5, 10)
SPLIT = ("recoupe", "lead (round robin)", "LexRank (sumy)")


def _mean(scores: list[Scores], key: str) -> float:
    return sum(getattr(s, key) for s in scores) / max(1, len(scores))


def render_split(table: Table) -> str:
    """ROUGE of the first clusters (C1) and of the updates (C2 given C1) apart; clusters are sorted C1 first."""
    rows = ["| system | C1 R1 / R2 | C2 (update) R1 / R2 |", "|---|---|---|"]
    for name in SPLIT:
        scores = table.scores[name]
        half = len(scores) // 2
        c1, c2 = scores[:half], scores[half:]
        rows.append(
            f"| {name} | {_mean(c1, 'r1'):.1f} / {_mean(c1, 'r2'):.1f} | {_mean(c2, 'r1'):.1f} / {_mean(c2, 'r2'):.1f} |"
        )
    return "\n".join(rows)


def _version() -> str:
    found = subprocess.run(
        ["git", "describe", "--always", "--dirty"], check=False, cwd=ROOT, capture_output=True, text=True
    )
    return found.stdout.strip() or "unknown"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = parser.parse_args()
    rpm2 = Path(args.shared) / "data" / "rpm2"
    results = ROOT / "bench" / "results"
    started = time.perf_counter()
    table, faithful = evaluate(
        rpm2 / "dev.jsonl", words=100, settings=Settings(), out=results / "rpm2-dev-summaries.jsonl"
    )
    evaluate(rpm2 / "test-documents.jsonl", words=100, settings=Settings(), out=results / "rpm2-test-summaries.jsonl")
    text = render_table(table, 20)
    sizes = by_size(rpm2 / "dev.jsonl", SIZES, words=100, settings=Settings())
    wikinews = Path(args.shared) / "data" / "wikinewssum-en" / "cleaned_endataset.jsonl"
    english, english_faithful = evaluate(wikinews, words=100, settings=Settings(), out=None, facts=load_facts(FACTS))
    clusters = len(english.scores["recoupe"])
    english_text = render_table(english, clusters)
    (results / "summaries.md").write_text(
        "# Summaries on RPM2 dev (bench/summaries.py)\n\n"
        f"Run on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, code version {_version()}.\n\n"
        "20 clusters (T01-T10, C1 and C2; C2 as the update given C1), 4 references each. ROUGE F1 (%): Unicode \\w+ "
        "tokens, lower-cased, French Snowball stems, every summary and reference cut to 100 words, averaged over the "
        "references. Every system picks from the same clean sentences (titles excluded); recoupe's seconds include "
        "cleaning, tagging and embedding the 10 articles, the peers' only their own selection. The summariser's "
        "weights were chosen on these clusters: a tuning set.\n\n"
        + text
        + "\n\nThe first clusters and the updates apart:\n\n"
        + render_split(table)
        + "\n\n### Stories of few reports\n\n"
        "Each dev cluster's reports, sorted by id, cut into disjoint groups of 1, 2, 3, 5 or 10 reports; each group "
        "analysed and summarised as a story of its own (no update) and scored against the cluster's references: "
        "ROUGE-2 F1. The article's selection leans on what several independent reports write; with few reports it "
        "has little to lean on.\n\n"
        + render_sizes(sizes)
        + f"\n\nFaithfulness of recoupe's sentences (content words found in the cited spans, or in the dates "
        f"and names a sentence wrote out): min {min(faithful):.2f}, mean {sum(faithful) / len(faithful):.2f}, over "
        f"{len(faithful)} sentences.\n"
        "\n## English: WikinewsSum\n\n"
        f"The Wikinews article as the one reference of the sources it cites; {clusters} of the 101 articles have at "
        "least one source recoupe could read; the others have no source it could process (empty or too short texts, "
        "or Portuguese, Dutch, Swedish). English stems; no human row (one reference).\n\n"
        + english_text
        + f"\n\nFaithfulness: min {min(english_faithful):.2f}, mean "
        f"{sum(english_faithful) / len(english_faithful):.2f}.\n"
        "\n### Key facts stated (tests/gold/wikinewssum-facts.jsonl)\n\n"
        "The 136 key facts of 20 of these articles, listed by hand from the Wikinews articles before the summariser "
        "was changed; a fact is stated when each of its groups of alternative words is in the summary (cut to 100 "
        "words). First score, with the summariser before issue 21: "
        + FIRST_SCORE
        + ". The set was then used to compare variants of the summariser, so the figures below are tuning figures.\n\n"
        + render_facts(english)
        + f"\n\nRun time: {time.perf_counter() - started:.0f} s.\n"
    )
    print(text)
    print(render_facts(english))


if __name__ == "__main__":
    main()
