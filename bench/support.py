"""Support links checked by hand: does the second source state the same fact as the article's sentence?

``--draw FILE`` runs recoupe on the RPM2 dev clusters and the WikinewsSum articles (whole pipeline, one batch per
cluster), lists every support link of every article sentence (the sentence, and the other report's sentence said to
back it), draws ``SAMPLE`` of them with ``random.Random(--seed)`` and writes them to tests/gold/FILE with an empty
``verdict``; ``--exclude FILE ...`` leaves out the clusters of earlier sets, so a new set is drawn from clusters whose
links nobody has read. A reader then sets each verdict: ``same`` (the other sentence states the sentence's fact: same
participants, action and numbers), ``partial`` (part of it, or the same fact with a detail that differs) or ``no``
(the same topic, another fact). Without ``--draw`` the script counts the verdicts of every set and writes
bench/results/support.md; ``--kept`` also runs the current code on the clusters of each set and counts the judged
links it still gives (a set whose verdicts were read to change the rules is a tuning set). ``--similarity`` prints,
for each judged link, how alike its two reports are and the names they share (how ``support.SAME_EVENT_NAMES`` was
chosen).

    python bench/support.py --draw support-links-second.jsonl --seed 19 --exclude support-links.jsonl
    python bench/support.py [--kept]
    python bench/support.py --similarity
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import subprocess
import sys
from collections import Counter
from collections.abc import Collection, Iterator
from pathlib import Path

from recoupe.config import Settings
from recoupe.eval.summaries import Cluster, load_clusters
from recoupe.pipeline import DEFAULT_STAGES, Pipeline
from recoupe.stages.stories.cluster import document_vector, entity_keys, similarity
from recoupe.stages.summarize.support import facts

sys.path.insert(0, str(Path(__file__).parent))
import orangesum_stories

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
#: the judged sets: file, the seed it was drawn with, and whether its verdicts were read to set the support rules
SETS = (("support-links.jsonl", 18, "tuning: 50 links drawn from RPM2 dev and WikinewsSum clusters; its verdicts were read to set `support.backs`"),
        ("support-links-second.jsonl", 19, "tuning since its verdicts were read with the reports' shared names to set `support.same_event`; its first score: every link `support.backs` gave on the RPM2 dev, WikinewsSum and RPM2 test clusters (never the three closed ones) whose links nobody had judged (16 of their 248 article sentences had a second source), drawn and judged after the rule was set"),
        ("support-links-third.jsonl", 20, "tuning since its verdicts were read with the reports' shared names to set `support.same_event`; its first score: every link `support.backs` gave on the 232 OrangeSum stories of tests/gold/orangesum-stories.jsonl (`--orangesum`), clusters no rule had read (30 of their 1,287 article sentences had a second source), drawn and judged blind, the rule unchanged"),
        ("support-links-fourth.jsonl", 22, "first score: every link (25) the code with `support.same_event`, before the unit check, gives on the 232 OrangeSum stories of January-March 2020 (tests/gold/orangesum-stories-second.jsonl), clusters no rule had read (24 of their 2,316 article sentences have a second source); judged blind, then read to add the unit check"),
        ("support-links-fifth.jsonl", 23, "first score: 50 links drawn at random of the 53 the code with `support.same_event` and the unit check gives on the 266 OrangeSum stories of July-September 2019 (tests/gold/orangesum-stories-third.jsonl), clusters no rule had read (44 of their 3,452 article sentences have a second source); judged blind, then the batch time window added"),
        ("support-links-sixth.jsonl", 24, "first score: every link (37) the final code (`support.same_event`, the unit check, and stories kept within `story_window_days` in a batch) gives on the 375 OrangeSum stories of April-June 2019 (tests/gold/orangesum-stories-fourth.jsonl), clusters no rule had read (35 of their 1,518 article sentences have a second source); judged blind"),
        ("support-links-seventh.jsonl", 25, "first score: 50 links drawn at random of the 57 the code of this table (the sixth set's, with sentences glued with no space cut apart) gives on the 324 OrangeSum stories of January-March 2019 (tests/gold/orangesum-stories-fifth.jsonl), clusters no rule had read (54 of their 1,557 article sentences have a second source); judged blind, then read"),
        ("support-links-eighth.jsonl", 26, "first score: 50 links drawn at random of the 64 the code of this table (the seventh set's, with two reports published more than 14 days apart no longer backing each other, and sentences scraped with no space between cut apart in cleaning) gives on the 650 OrangeSum stories of July-December 2018 (tests/gold/orangesum-stories-sixth.jsonl, -seventh.jsonl), clusters no rule had read (57 of their 3,003 article sentences have a second source); judged blind"))  # fmt: skip
OUT = ROOT / "bench" / "results" / "support.md"
SAMPLE = 50
VERDICTS = ("same", "partial", "no")
#: RPM2 test clusters kept for a blind check that nobody opens: never drawn from
CLOSED = frozenset({"T12-C2", "T14-C1", "T19-C1"})


def _clusters(
    shared: Path,
    only: Collection[str] | None = None,
    exclude: Collection[str] = (),
    test: bool = False,
    orangesum: Collection[str] | None = None,
) -> Iterator[tuple[str, Cluster]]:
    paths = [shared / "data" / "rpm2" / "dev.jsonl", shared / "data" / "wikinewssum-en" / "cleaned_endataset.jsonl"]
    paths += [shared / "data" / "rpm2" / "test-documents.jsonl"] if test else []
    found = (
        orangesum_stories.clusters(shared, orangesum)
        if orangesum is not None
        else (c for path in paths for c in load_clusters(path))
    )
    for cluster in (c for c in found if len(c.docs) > 1):
        name = f"{cluster.topic}-{cluster.name}"
        if name not in exclude and name not in CLOSED and (only is None or name in only):
            yield name, cluster


def links(
    shared: Path,
    only: Collection[str] | None = None,
    exclude: Collection[str] = (),
    test: bool = False,
    orangesum: Collection[str] | None = None,
) -> list[dict[str, str]]:
    """Every support link recoupe gives on the clusters, and (printed) how many article sentences have one."""
    pipeline = Pipeline(DEFAULT_STAGES, settings=Settings())
    found, sentences, backed = [], 0, 0
    for name, cluster in _clusters(shared, only, exclude, test, orangesum):
        corpus = pipeline.run(cluster.docs)
        texts = {d.id: d.text for d in corpus.documents}
        for story in corpus.stories:
            for sentence in story.summary if len(story.documents) > 1 else ():
                sentences, backed = sentences + 1, backed + bool(sentence.support)
                for span in sentence.support:
                    found.append({
                        "cluster": name,
                        "sentence_doc": sentence.citations[0].doc,
                        "sentence": sentence.text,
                        "support_doc": span.doc,
                        "support": span.of(texts[span.doc]),
                    })  # fmt: skip
    print(f"{backed} of {sentences} sentences of stories of several reports have a second source")
    return found


def _read(name: str) -> list[dict[str, str]]:
    path = GOLD / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def draw(
    shared: Path, name: str, seed: int, exclude: list[str], test: bool, orangesum: Collection[str] | None = None
) -> None:
    excluded = {line["cluster"] for judged in exclude for line in _read(judged)}
    found = links(shared, exclude=excluded, test=test, orangesum=orangesum)
    drawn = random.Random(seed).sample(found, min(SAMPLE, len(found)))
    with (GOLD / name).open("w", encoding="utf-8") as out:
        for number, link in enumerate(drawn, start=1):
            out.write(json.dumps({"id": number, **link, "verdict": None}, ensure_ascii=False) + "\n")
    print(
        f"{len(found)} support links in {len({f['cluster'] for f in found})} clusters, {len(drawn)} drawn into {name}"
    )


def _key(link: dict[str, str]) -> tuple[str, ...]:
    return tuple(" ".join(link[k].split()) for k in ("cluster", "sentence_doc", "sentence", "support_doc", "support"))


def _copy(link: dict[str, str]) -> bool:
    return " ".join(link["sentence"].split()) == " ".join(link["support"].split())


def _rows(lines: list[dict[str, str]]) -> str:
    counts, copies = Counter(x["verdict"] for x in lines), Counter(x["verdict"] for x in lines if _copy(x))
    return "\n".join(
        f"| {v} | {counts[v]} | {counts[v] / max(1, len(lines)):.2f} | {copies[v]} | {counts[v] - copies[v]} |"
        for v in VERDICTS
    )


def _version(path: Path) -> str:
    command = ["git", "log", "--diff-filter=A", "-1", "--format=%h", "--", str(path)]  # the commit that drew the set
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False).stdout.strip()


def report(shared: Path, kept: bool) -> None:
    head = "| verdict | links | share | word for word | paraphrases |\n|---|---|---|---|---|\n"
    intro = (
        f"# Support links checked by hand (bench/support.py)\n\n{datetime.date.today()}. Issue 18's aim: >= 0.90 of"
        " the links state the same fact. Verdicts and how they were given: tests/gold/README.md. A"
        " support sentence word for word the article's (a copy of one wire story or page) states the same fact but"
        " is no independent confirmation: `independent_sources` counts copies once.\n"
    )
    parts = [intro]
    for name, seed, what in SETS:
        lines = [x for x in _read(name) if x.get("verdict")]
        if lines:
            parts.append(
                f"## {name} ({what})\n\nDrawn with seed {seed} by the code of commit {_version(GOLD / name) or '?'}"
                f" from {len({x['cluster'] for x in lines})} clusters.\n\n{head}{_rows(lines)}\n"
            )
    first = [x for name, _, what in SETS if what.startswith("first score:") for x in _read(name) if x.get("verdict")]
    if first:
        parts.append(
            f"## The first-score sets together\n\nThe {len(first)} links of the sets drawn from clusters no rule had"
            f" read, judged after the rules they were drawn with were set (each set's section says which rules; issue"
            f" 18 asks for 50).\n\n{head}{_rows(first)}\n"
        )
    if kept:
        for name, _, what in SETS:
            judged = [x for x in _read(name) if x.get("verdict")]
            if not judged:
                continue
            clusters = {x["cluster"] for x in judged}
            given = {
                _key(x) for x in links(shared, only=clusters, test=True) + links(shared, only=clusters, orangesum=())
            }
            still = [x for x in judged if _key(x) in given]
            parts.append(
                f"## The judged links the current code still gives: {name}\n\nThe current code run on the clusters of"
                f" {name}: {len(still)} of its {len(judged)} judged links are still given (the others are no"
                f" longer said to back their sentence).\n\n{head}{_rows(still)}\n"
            )
    OUT.write_text("\n".join(parts))
    print(OUT.read_text())


def similarities(shared: Path) -> None:
    """Each judged link's two reports: how alike they are (``cluster.similarity``, the story grouping's measure),
    by verdict, from a run of the current code on each judged cluster (a link's documents, whatever it gives now)."""
    pipeline = Pipeline(DEFAULT_STAGES, settings=Settings())
    judged = [(name, x) for name, _, _ in SETS for x in _read(name) if x.get("verdict")]
    wanted = {x["cluster"] for _, x in judged}
    found = [*_clusters(shared, only=wanted, test=True), *_clusters(shared, only=wanted, orangesum=())]
    docs = {(name, d.id): d for name, cluster in found for d in pipeline.run(cluster.docs).documents}
    print("| set | verdict | similarity | cosine | shared names | claim names / numbers / days | sentence |")
    print("|---|---|---|---|---|---|---|")
    for name, x in judged:
        a, b = docs[(x["cluster"], x["sentence_doc"])], docs[(x["cluster"], x["support_doc"])]
        va, vb = document_vector(a), document_vector(b)
        shared = len(entity_keys(a) & entity_keys(b))
        own = max(a.sentences, key=lambda s: len(set(s.text.split()) & set(x["sentence"].split())))
        f = facts(a, own)
        print(
            f"| {name} | {x['verdict']} | {float(similarity([a, b])[0, 1]):.2f} | {float(va @ vb):.2f} | {shared} |"
            f" {len(f.names)} / {len(f.numbers)} / {len(f.days)} | {x['sentence'][:60]} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--draw", metavar="FILE", help="draw links to judge into tests/gold/FILE (overwrites it)")
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument(
        "--exclude",
        nargs="+",
        default=[],
        metavar="FILE",
        help="leave out the clusters of these judged sets when drawing",
    )
    parser.add_argument(
        "--test", action="store_true", help="draw from the RPM2 test clusters too (not the closed ones)"
    )
    parser.add_argument(
        "--orangesum",
        nargs="*",
        metavar="LIST",
        help="draw from the OrangeSum stories only (bench/orangesum_stories.py): of these lists, or of all",
    )
    parser.add_argument("--kept", action="store_true", help="count each set's judged links the current code gives")
    parser.add_argument(
        "--similarity", action="store_true", help="print how alike the two reports of each judged link are"
    )
    args = parser.parse_args()
    shared = Path(args.shared)
    if args.similarity:
        similarities(shared)
        return
    if args.draw:
        draw(shared, args.draw, args.seed, args.exclude, args.test, args.orangesum)
    else:
        report(shared, args.kept)


if __name__ == "__main__":
    main()
