"""Draw the conflicts recoupe reports on OrangeSum stories for a blind judge (a new judged set's candidates).

Runs the current code on every story of the given lists (bench/orangesum_stories.py; each story one batch, as
bench/conflicts.py runs a cluster), keeps every conflict its rules would state in the article (the rules' grade,
``crosscheck.calibration.grade``, before calibration caps the confidence) and draws, with a fixed seed, a sample of
the others (at most ``PER_STORY`` per story). Writes the candidates (JSONL: ``id``, ``topic``, ``kind``, ``claims`` as
``[doc, start, end]`` offsets into recoupe's clean text, ``values``, ``reported_by``: the code version, whether the
rules would state it, their grade) and, for the judge, each drawn story's clean articles (``--texts``:
one JSON file per story, ``id``, ``published``, ``title``, ``text``), without recoupe's reasons. The judge adds
``label`` (``conflict``, ``update``, ``not_conflict``, ``unsure``) and ``note``; bench/conflicts_judged.py scores a
version against the verdicts.

    python bench/conflicts_draw.py --lists orangesum-stories-second.jsonl orangesum-stories-third.jsonl \
        --seed 2027 --possible 30 --out candidates.jsonl --texts stories/
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from recoupe.config import Settings
from recoupe.model import STATED, Conflict, Document
from recoupe.pipeline import DEFAULT_STAGES, Pipeline
from recoupe.stages.crosscheck.calibration import grade

sys.path.insert(0, str(Path(__file__).parent))
import orangesum_stories
from conflicts import _version

ROOT = Path(__file__).resolve().parents[1]
#: at most this many possible conflicts of one story are drawn (a story of one outlet's template repeats its kind)
PER_STORY = 2


def _row(topic: str, conflict: Conflict, version: str) -> dict[str, object]:
    return {
        "topic": topic,
        "kind": conflict.kind,
        "claims": [[c.span.doc, c.span.start, c.span.end] for c in conflict.claims],
        "values": [c.value for c in conflict.claims],
        "reported_by": {version: {"stated": grade(conflict) >= STATED, "confidence": round(grade(conflict), 3)}},
    }


def _story(docs: list[Document]) -> list[dict[str, object]]:
    return [{"id": d.id, "published": d.published, "title": d.title, "text": d.text} for d in docs]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--lists", nargs="+", required=True)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--possible", type=int, default=30, help="how many possible conflicts to draw")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--texts", type=Path, required=True)
    args = parser.parse_args()
    version = _version()
    pipeline = Pipeline(DEFAULT_STAGES, settings=Settings())
    stated, possible, texts = [], [], {}
    stories = conflicts = 0
    for cluster in orangesum_stories.clusters(args.shared, args.lists):
        corpus = pipeline.run(cluster.docs)
        stories += 1
        found = [c for story in corpus.stories for c in story.conflicts if c.status == "conflict"]
        conflicts += len(found)
        if found:
            texts[cluster.topic] = _story(list(corpus.documents))
        stated += [_row(cluster.topic, c, version) for c in found if grade(c) >= STATED]
        possible += [(cluster.topic, _row(cluster.topic, c, version)) for c in found if grade(c) < STATED]
    rng = random.Random(args.seed)
    rng.shuffle(possible)
    drawn, per = [], dict[str, int]()
    for topic, row in possible:
        if len(drawn) < args.possible and per.get(topic, 0) < PER_STORY:
            drawn.append(row)
            per[topic] = per.get(topic, 0) + 1
    rows = sorted(stated + drawn, key=lambda r: (str(r["topic"]), str(r["kind"])))
    args.out.write_text("".join(json.dumps({"id": i, **r}, ensure_ascii=False) + "\n" for i, r in enumerate(rows)))
    args.texts.mkdir(parents=True, exist_ok=True)
    for topic in sorted({str(r["topic"]) for r in rows}):
        (args.texts / f"{topic}.json").write_text(json.dumps(texts[topic], ensure_ascii=False, indent=1))
    print(f"{stories} stories, {conflicts} conflicts: {len(stated)} the rules would state, {len(possible)} others; "
          f"drawn {len(stated)} stated + {len(drawn)} possible on {len({r['topic'] for r in rows})} stories")  # fmt: skip


if __name__ == "__main__":
    main()
