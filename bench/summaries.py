"""Summary quality on RPM2: recoupe and the peers in one run (dev table) and the blind test summaries.

Writes bench/results/summaries.md (RPM2 dev: 20 clusters with references; WikinewsSum in English) and
bench/results/rpm2-test-summaries.jsonl (topics T11-T20, references withheld).

    python bench/summaries.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from recoupe.config import Settings
from recoupe.eval.summaries import evaluate, render_table

ROOT = Path(__file__).resolve().parents[1]


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
    wikinews = Path(args.shared) / "data" / "wikinewssum-en" / "cleaned_endataset.jsonl"
    english, english_faithful = evaluate(wikinews, words=100, settings=Settings(), out=None)
    clusters = len(english.scores["recoupe"])
    english_text = render_table(english, clusters)
    (results / "summaries.md").write_text(
        "# Summaries on RPM2 dev (bench/summaries.py)\n\n"
        "20 clusters (T01-T10, C1 and C2; C2 as the update given C1), 4 references each. ROUGE F1 (%): Unicode \\w+ "
        "tokens, lower-cased, French Snowball stems, every summary and reference cut to 100 words, averaged over the "
        "references. Every system picks from the same clean sentences (titles excluded); recoupe's seconds include "
        "cleaning, tagging and embedding the 10 articles, the peers' only their own selection.\n\n"
        + text
        + f"\n\nFaithfulness of recoupe's sentences (content words found in the cited spans): min {min(faithful):.2f}, "
        f"mean {sum(faithful) / len(faithful):.2f}, over {len(faithful)} sentences.\n"
        "\n## English: WikinewsSum\n\n"
        f"The Wikinews article as the one reference of the sources it cites; {clusters} of the 101 articles have at "
        "least one source recoupe could read; the others have no source it could process (empty or too short texts, or Portuguese, Dutch, Swedish). "
        "English stems; no human row (one reference).\n\n"
        + english_text
        + f"\n\nFaithfulness: min {min(english_faithful):.2f}, mean {sum(english_faithful) / len(english_faithful):.2f}.\n"
        f"\nRun time: {time.perf_counter() - started:.0f} s.\n"
    )
    print(text)


if __name__ == "__main__":
    main()
