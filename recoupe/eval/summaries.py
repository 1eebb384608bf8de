"""``recoupe eval summaries``: every cluster of an RPM2-format file summarised, peers side by side.

Each cluster is taken as one given story (no regrouping). A topic's later cluster gets the
update summary given the earlier one's. Where the file has references, the ROUGE table is
computed for recoupe and every peer in the same process, with seconds per cluster.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..config import Settings
from ..errors import MalformedRecord
from ..model import Document, RawDocument, SummarySentence
from ..pipeline import ANALYSIS_STAGES, Pipeline
from ..serialize import to_data
from ..stages.embed import embed_texts
from ..stages.summarize import summarize_story
from .facts import Fact, covered
from .peers import PEERS, oracle
from .rouge import Scores, cut, rouge, tokens

__all__ = [
    "FACT_PEERS",
    "SIZE_PEERS",
    "Cluster",
    "by_size",
    "evaluate",
    "faithfulness",
    "load_clusters",
    "render_facts",
    "render_sizes",
    "render_table",
    "score",
]

#: the peers whose fact coverage is measured next to recoupe's
FACT_PEERS = ("lead (round robin)", "LexRank (sumy)")


@dataclass(frozen=True)
class Cluster:
    topic: str
    name: str
    docs: tuple[RawDocument, ...]
    references: tuple[str, ...]


@dataclass
class Table:
    scores: dict[str, list[Scores]] = field(default_factory=lambda: defaultdict(list))
    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    #: key facts stated, per system, over the articles of the fact set (``eval.facts``), and how many there are
    facts: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fact_total: int = 0


def load_clusters(path: Path) -> Iterator[Cluster]:
    """RPM2 records ({topic, cluster, docs, summaries}) or WikinewsSum records ({title, text, sources})."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            try:
                record: dict[str, Any] = json.loads(line)
                yield _wikinews(path, number, record) if "sources" in record else _rpm2(path, record)
            except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
                raise MalformedRecord(
                    f"{path}:{number}", f"not an RPM2 or WikinewsSum cluster ({type(exc).__name__}: {exc})"
                ) from None


def _rpm2(path: Path, record: dict[str, Any]) -> Cluster:
    docs = tuple(
        RawDocument(id=d["id"], source=f"{path.name}:{d['id']}", kind="text", content=d["text"]) for d in record["docs"]
    )
    references = tuple(s["text"] for s in record.get("summaries", []))
    return Cluster(record["topic"], record["cluster"], docs, references)


def _wikinews(path: Path, number: int, record: dict[str, Any]) -> Cluster:
    """A Wikinews article is the reference summary of the sources it cites."""
    docs = tuple(
        RawDocument(id=f"W{number:03d}-{i}", source=f"{path.name}:{number}#{i}", kind="text", content=s["maintext"])
        for i, s in enumerate(record["sources"], start=1)
        if (s.get("maintext") or "").strip()
    )
    return Cluster(f"W{number:03d}", "W", docs, (record["text"],))


def faithfulness(sentence: SummarySentence, texts: dict[str, str], language: str = "fr") -> float:
    """Share of the sentence's content words (stemmed, 4+ letters) found in the spans it cites or in the dates it
    wrote out (``SummarySentence.added``)."""
    words = [w for w in tokens(sentence.text, language) if len(w) >= 4]
    cited = {w for span in sentence.citations for w in tokens(span.of(texts[span.doc]), language)}
    cited |= {w for added in sentence.added for w in tokens(added, language)}
    return sum(w in cited for w in words) / len(words) if words else 1.0


def evaluate(
    path: Path,
    *,
    words: int,
    settings: Settings,
    out: Path | None,
    peers: bool = True,
    facts: dict[str, tuple[Fact, ...]] | None = None,
) -> tuple[Table, list[float]]:
    """Every cluster of ``path`` analysed and summarised; with ``facts``, the key facts each system states."""
    pipeline = Pipeline(ANALYSIS_STAGES, settings=settings)

    def analysed() -> Iterator[tuple[Cluster, list[Document], float]]:
        for cluster in sorted(load_clusters(path), key=lambda c: (c.name, c.topic)):
            started = time.perf_counter()
            docs = list(pipeline.run(cluster.docs).documents)
            yield cluster, docs, time.perf_counter() - started

    return score(analysed(), words=words, out=out, peers=peers, facts=facts)


def score(
    analysed: Iterable[tuple[Cluster, list[Document], float]],
    *,
    words: int,
    out: Path | None,
    peers: bool = True,
    facts: dict[str, tuple[Fact, ...]] | None = None,
) -> tuple[Table, list[float]]:
    """Analysed clusters (with the seconds their analysis took) summarised and scored, peers in the same run."""
    table, faithful = Table(), list[float]()
    seen: dict[str, np.ndarray] = {}
    lines = []
    for cluster, docs, seconds in analysed:
        if not docs:
            continue
        started = time.perf_counter()
        summary = summarize_story(docs, words, seen.get(cluster.topic))
        table.seconds["recoupe"] += seconds + time.perf_counter() - started
        seen[cluster.topic] = embed_texts([s.text for s in summary])
        texts = {d.id: d.text for d in docs}
        faithful.extend(faithfulness(s, texts, _language(docs)) for s in summary)
        text = " ".join(s.text for s in summary)
        lines.append({"topic": cluster.topic, "cluster": cluster.name, "summary": text,
                      "citations": [[to_data(c) for c in s.citations] for s in summary]})  # fmt: skip
        if cluster.references:
            language = _language(docs)
            table.scores["recoupe"].append(rouge(text, cluster.references, words=words, language=language))
            if peers:
                _score_peers(table, cluster, docs, words, language)
        if facts and cluster.topic in facts:
            _score_facts(table, facts[cluster.topic], text, docs, words)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    return table, faithful


def _language(docs: Sequence[Document]) -> str:
    languages = [d.language or "fr" for d in docs]
    return max(set(languages), key=languages.count)


def _score_facts(table: Table, facts: Sequence[Fact], text: str, docs: Sequence[Document], words: int) -> None:
    """Key facts stated by recoupe, the lead and LexRank, each summary cut to ``words`` words."""
    sentences = [[s.text for s in d.sentences] for d in docs]
    language = _language(docs)
    table.fact_total += len(facts)
    table.facts["recoupe"] += covered(cut(text, words), facts)
    for name in FACT_PEERS:
        table.facts[name] += covered(cut(PEERS[name](sentences, words, language), words), facts)


def render_facts(table: Table) -> str:
    rows = ["| system | key facts stated | share |", "|---|---|---|"]
    for name, count in table.facts.items():
        rows.append(f"| {name} | {count} / {table.fact_total} | {count / max(1, table.fact_total):.2f} |")
    return "\n".join(rows)


def _score_peers(table: Table, cluster: Cluster, docs: Sequence[Document], words: int, language: str) -> None:
    sentences = [[s.text for s in d.sentences] for d in docs]
    for name, peer in PEERS.items():
        started = time.perf_counter()
        summary = peer(sentences, words, language)
        table.seconds[name] += time.perf_counter() - started
        table.scores[name].append(rouge(summary, cluster.references, words=words, language=language))
    for i, reference in enumerate(cluster.references):
        others = [r for j, r in enumerate(cluster.references) if j != i]
        if others:
            human = rouge(reference, others, words=words, language=language)
            table.scores["human (each reference against the other three)"].append(human)
    best = oracle(sentences, words, language, cluster.references)
    table.scores["greedy ROUGE-2 oracle"].append(rouge(best, cluster.references, words=words, language=language))


def render_table(table: Table, clusters: int) -> str:
    rows = ["| system | R1-F | R2-F | RL-F | seconds per cluster |", "|---|---|---|---|---|"]
    for name, scores in table.scores.items():
        r1, r2, rl = (sum(getattr(s, key) for s in scores) / len(scores) for key in ("r1", "r2", "rl"))
        seconds = f"{table.seconds[name] / clusters:.2f}" if name in table.seconds else ""
        rows.append(f"| {name} | {r1:.1f} | {r2:.1f} | {rl:.1f} | {seconds} |")
    return "\n".join(rows)


#: the peers scored next to recoupe on stories of few reports (``by_size``)
SIZE_PEERS = ("lead (round robin)", "LexRank (sumy)")


def by_size(path: Path, sizes: Sequence[int], *, words: int, settings: Settings) -> dict[int, dict[str, float]]:
    """ROUGE-2 of recoupe and ``SIZE_PEERS`` on stories of few reports: each cluster's reports (sorted by id) cut
    into disjoint groups of ``size``, each group analysed and summarised as a story of its own (no update), scored
    against the cluster's references (clusters without any are left out). The mean ROUGE-2 F1 per system and size,
    with ``"stories"`` the count."""
    pipeline = Pipeline(ANALYSIS_STAGES, settings=settings)
    clusters = sorted((c for c in load_clusters(path) if c.references), key=lambda c: (c.name, c.topic))
    found: dict[int, dict[str, float]] = {}
    for size in sizes:
        sums: dict[str, float] = defaultdict(float)
        for cluster in clusters:
            ordered = sorted(cluster.docs, key=lambda d: d.id)
            for first in range(0, len(ordered) - size + 1, size):
                docs = list(pipeline.run(ordered[first : first + size]).documents)
                if not docs:
                    continue
                language = _language(docs)
                text = " ".join(s.text for s in summarize_story(docs, words))
                sums["recoupe"] += rouge(text, cluster.references, words=words, language=language).r2
                sentences = [[s.text for s in d.sentences] for d in docs]
                for name in SIZE_PEERS:
                    peer = PEERS[name](sentences, words, language)
                    sums[name] += rouge(peer, cluster.references, words=words, language=language).r2
                sums["stories"] += 1
        found[size] = {name: value / max(1, sums["stories"]) if name != "stories" else value
                       for name, value in sums.items()}  # fmt: skip
    return found


def render_sizes(found: dict[int, dict[str, float]]) -> str:
    """The table of ``by_size``: one row per story size."""
    rows = [
        "| reports per story | stories | " + " | ".join(("recoupe", *SIZE_PEERS)) + " |",
        "|---" * (3 + len(SIZE_PEERS)) + "|",
    ]
    for size, scores in found.items():
        cells = " | ".join(f"{scores.get(name, 0.0):.1f}" for name in ("recoupe", *SIZE_PEERS))
        rows.append(f"| {size} | {int(scores.get('stories', 0))} | {cells} |")
    return "\n".join(rows)
