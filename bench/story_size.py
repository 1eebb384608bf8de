"""How the cost of a story's report grows with its size: the first N OrangeSum articles read as one story.

The document stages run once, apart; then, for each N, the story stages a publication reruns
(publication year, dates, figures, quotes), the building of the story (entities, quotes, conflicts,
copies) and the summary, timed apart. A store publishes a story again each time a report joins it, so
this is the cost of one publication of a story that size. Writes bench/results/story-size.md.

    python bench/story_size.py [--sizes 50 100 200 400] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from dataclasses import replace
from pathlib import Path

from recoupe.config import Settings
from recoupe.model import Corpus, RawDocument
from recoupe.pipeline import ANALYSIS_STAGES, REPORT_STAGES, Pipeline
from recoupe.stages.stories import build_story
from recoupe.tracking import publishing

ROOT = Path(__file__).resolve().parents[1]


def articles(shared: Path, count: int) -> list[RawDocument]:
    docs = []
    with gzip.open(shared / "data" / "orangesum" / "articles.jsonl.gz", "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number >= count:
                break
            docs.append(
                RawDocument(f"orangesum-{number}", f"articles.jsonl.gz:{number}", "text", json.loads(line)["article"])
            )
    return docs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 100, 200, 400])
    args = parser.parse_args()
    settings = Settings()
    raw = articles(Path(args.shared), max(args.sizes))
    analysed = list(Pipeline(publishing.DOCUMENT_STAGES, settings=settings).run(raw).documents)
    rows = [
        "| reports in the story | story stages (s) | building the story (s) | cross-checking and summary (s) | total (s) | ms per report |",
        "|---|---|---|---|---|---|",
    ]
    for size in sorted(args.sizes):
        started = time.perf_counter()
        corpus = Pipeline(publishing.STORY_STAGES, settings=settings, after=publishing.DOCUMENT_STAGES).run_documents(
            analysed[:size]
        )
        staged = time.perf_counter()
        story = replace(build_story(0, list(corpus.documents), []), id="s1")
        built = time.perf_counter()
        Pipeline(REPORT_STAGES, settings=settings, after=(*ANALYSIS_STAGES, "stories")).run_corpus(
            Corpus(documents=corpus.documents, stories=(story,))
        )
        done = time.perf_counter()
        rows.append(
            f"| {size} | {staged - started:.2f} | {built - staged:.2f} | {done - built:.2f} | {done - started:.2f} "
            f"| {1000 * (done - started) / size:.1f} |"
        )
        print(rows[-1], flush=True)
    (ROOT / "bench" / "results" / "story-size.md").write_text(
        "# The cost of one publication of a story, by its size (bench/story_size.py)\n\n"
        "The first N OrangeSum articles read as one story (they are not one story: many names and quotes, a hard "
        "case for the story-wide comparisons). Document stages are run once beforehand and not counted.\n\n"
        + "\n".join(rows)
        + "\n"
    )


if __name__ == "__main__":
    main()
