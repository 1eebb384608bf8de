"""Support links checked by hand: does the second source state the same fact as the article's sentence?

``--draw`` runs recoupe on the 20 RPM2 dev clusters and the WikinewsSum articles (whole pipeline, one batch per
cluster; no support rule was written from them), lists every support link
of every article sentence (the sentence, and the other report's sentence said to back it), draws ``SAMPLE`` of them
with ``random.Random(SEED)`` and writes them to tests/gold/support-links.jsonl with an empty ``verdict``. A reader then
sets each verdict: ``same`` (the other sentence states the sentence's fact: same participants, action and numbers),
``partial`` (part of it, or the same fact with a detail that differs) or ``no`` (the same topic, another fact).
Without ``--draw`` the script counts the verdicts and writes bench/results/support.md.

    python bench/support.py --draw [--shared ../shared]
    python bench/support.py
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import subprocess
from collections import Counter
from pathlib import Path

from recoupe.config import Settings
from recoupe.eval.summaries import load_clusters
from recoupe.pipeline import DEFAULT_STAGES, Pipeline

ROOT = Path(__file__).resolve().parents[1]
LINKS = ROOT / "tests" / "gold" / "support-links.jsonl"
OUT = ROOT / "bench" / "results" / "support.md"
SAMPLE = 50
SEED = 18
VERDICTS = ("same", "partial", "no")


def links(shared: Path) -> list[dict[str, str]]:
    pipeline = Pipeline(DEFAULT_STAGES, settings=Settings())
    found = []
    paths = (shared / "data" / "rpm2" / "dev.jsonl", shared / "data" / "wikinewssum-en" / "cleaned_endataset.jsonl")
    for cluster in (c for path in paths for c in load_clusters(path) if len(c.docs) > 1):
        corpus = pipeline.run(cluster.docs)
        texts = {d.id: d.text for d in corpus.documents}
        for story in corpus.stories:
            for sentence in story.summary:
                for span in sentence.support:
                    found.append({
                        "cluster": f"{cluster.topic}-{cluster.name}",
                        "sentence_doc": sentence.citations[0].doc,
                        "sentence": sentence.text,
                        "support_doc": span.doc,
                        "support": span.of(texts[span.doc]),
                    })  # fmt: skip
    return found


def draw(shared: Path) -> None:
    found = links(shared)
    drawn = random.Random(SEED).sample(found, min(SAMPLE, len(found)))
    with LINKS.open("w", encoding="utf-8") as out:
        for number, link in enumerate(drawn, start=1):
            out.write(json.dumps({"id": number, **link, "verdict": None}, ensure_ascii=False) + "\n")
    print(f"{len(found)} support links, {len(drawn)} drawn into {LINKS}")


def report() -> None:
    lines = [json.loads(line) for line in LINKS.read_text(encoding="utf-8").splitlines()]
    counts = Counter(line["verdict"] for line in lines)
    version = subprocess.run(
        ["git", "log", "-1", "--format=%h", "--", str(LINKS)], cwd=ROOT, capture_output=True, text=True, check=False
    ).stdout.strip()
    copies = Counter(
        line["verdict"] for line in lines if " ".join(line["sentence"].split()) == " ".join(line["support"].split())
    )
    rows = "\n".join(f"| {v} | {counts[v]} | {counts[v] / max(1, len(lines)):.2f} | {copies[v]} |" for v in VERDICTS)
    OUT.write_text(
        f"# Support links checked by hand (bench/support.py)\n\n{datetime.date.today()}; links drawn by the code of"
        f" commit {version or 'the working tree'} ({len(lines)} of the links on the 20 RPM2 dev clusters and the WikinewsSum articles, seed {SEED};"
        " verdicts in tests/gold/support-links.jsonl, how they were given: tests/gold/README.md). Issue 18's aim:"
        " >= 0.90 state the same fact. A support sentence word for word the article's (a copy of one wire story or"
        " page) states the same fact but is no independent confirmation: `independent_sources` counts copies once.\n\n"
        "| verdict | links | share | of which word for word |\n|---|---|---|---|\n" + rows + "\n"
    )
    print(OUT.read_text())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--draw", action="store_true", help="draw the links to check (overwrites the verdicts)")
    args = parser.parse_args()
    draw(Path(args.shared)) if args.draw else report()


if __name__ == "__main__":
    main()
