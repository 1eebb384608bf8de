"""Issue 5: regrouping the stories near a new document (recoupe/tracking/regroup.py), on SQLite and PostgreSQL."""

from __future__ import annotations

import itertools
import json
import math
from collections import Counter
from pathlib import Path

from recoupe.cli import main
from recoupe.config import Settings
from recoupe.store import Store, open_store
from recoupe.store.features import MOVE
from recoupe.store.sqlite import SQLiteStore
from recoupe.tracking import arrival, ingest, publish
from recoupe.tracking.assign import tfidf
from recoupe.tracking.regroup import ALWAYS, GROWTH, NEIGHBOUR_AFFINITY, Regrouped, due, rebuild, regroup

from ..conftest import EXAMPLE
from .test_store import assert_consistent

MISPLACED = "02-radio-saone"
#: invented, like the bundled example: one more report of its fire
FOLLOW_UP = """L'usine chimique Chimiflor de Vénissieux, au sud de Lyon, a rouvert vendredi, deux jours après l'incendie qui
avait fait trois blessés légers parmi les employés. Selon la préfecture du Rhône, le feu était parti d'un entrepôt
de solvants. Les pompiers du Rhône avaient maîtrisé l'incendie dans la nuit. L'enquête sur l'origine du sinistre
se poursuit."""


def _split_off(store: Store, document: str) -> str:
    """Move one document of s1 into a story of its own, as a wrong early assignment would have left it."""
    apart = store.new_story_id()
    store.move_document(document, apart)
    found = store.members(["s1", apart]) or {}
    for story, members in found.items():
        documents, _ = store.corpus()
        weights = [tfidf(m.words, store.document_frequencies(m.words), documents) for m in members]
        store.save_story(rebuild(story, members, weights, store.documents_in(story)), members[0].title)
        publish(store, story, Settings())
    assert_consistent(store)
    return apart


def test_a_document_left_in_a_story_of_its_own_moves_back_and_the_empty_story_is_retired(
    store_url: str, capsys
) -> None:  # type: ignore[no-untyped-def]
    store = open_store(store_url)
    ingest([EXAMPLE], store, Settings())
    apart = _split_off(store, MISPLACED)
    assert MISPLACED not in next(s for s in store.stories() if s.id == "s1").documents
    db = store_url
    capsys.readouterr()
    assert main(["story", "s1", "--db", db, "--changes", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["removed_documents"] == [MISPLACED]

    live = store.live_documents(["s1", apart])

    regrouped = regroup(store, ["s1", apart])

    assert regrouped.moved == {MISPLACED: "s1"} and regrouped.retired == {apart: "s1"}
    assert regrouped.documents == live >= 2
    assert store.pending_stories() == ["s1"]
    publish(store, "s1", Settings())
    assert_consistent(store)
    listed = {s.id: s.documents for s in store.stories()}
    assert apart not in listed and MISPLACED in listed["s1"]
    capsys.readouterr()
    store.close()
    assert main(["story", apart, "--db", store_url]) == 0
    assert "merged into 's1'" in capsys.readouterr().err


def test_different_events_stay_apart(store_url: str) -> None:
    store = open_store(store_url)
    ingest([EXAMPLE], store, Settings())
    before = {s.id: s.documents for s in store.stories()}
    assert regroup(store, ["s1", "s2"]).moved == {}
    assert {s.id: s.documents for s in store.stories()} == before


def test_stories_with_documents_stored_before_schema_4_are_not_regrouped(store_url: str) -> None:
    store = open_store(store_url)
    ingest([EXAMPLE], store, Settings())
    apart = _split_off(store, MISPLACED)
    store._run("DELETE FROM document_features WHERE document_id = ?", (MISPLACED,))
    assert store.members(["s1", apart]) is None
    assert regroup(store, ["s1", apart]).moved == {}


def test_ingest_regroups_the_stories_near_a_new_document(store_url: str, tmp_path: Path) -> None:
    store = open_store(store_url)
    ingest([EXAMPLE], store, Settings(story_regroup=False))
    apart = _split_off(store, MISPLACED)
    assert store.query("SELECT COUNT(*) FROM document_features") == [(5,)]
    path = tmp_path / "suite.jsonl"
    record = {"id": "suite", "title": "L'usine Chimiflor rouverte", "published": "2024-03-16", "text": FOLLOW_UP}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")

    result = ingest([path], store, Settings())

    assert result.moved == {MISPLACED: "s1"} and result.retired == {apart: "s1"}
    assert "s1" in result.published and apart not in result.published
    assert result.regroupings == 1 and result.regrouped_documents >= store.live_documents(["s1"])
    assert_consistent(store)


def test_an_older_document_moves_only_to_a_cluster_it_fits_at_least_as_well() -> None:
    import numpy as np

    from recoupe.store.features import Member
    from recoupe.tracking.regroup import _steady

    def member(doc: str, story: str) -> Member:
        return Member(doc, story, doc, "2024-03-14", np.zeros(4, dtype=np.float32), Counter(), frozenset())

    members = [member("a1", "A"), member("a2", "A"), member("b1", "B"), member("new", "B")]
    pairs = np.array([[1, 0.30, 0.20, 0.1], [0.30, 1, 0.25, 0.2], [0.20, 0.25, 1, 0.3], [0.1, 0.2, 0.3, 1]])
    clustered = {"a1": "A", "a2": "B", "b1": "B", "new": "A"}  # average link would move a2 to B and new to A
    assert _steady(members, clustered, pairs, "new") == {"a1": "A", "a2": "A", "b1": "B", "new": "A"}
    pairs[1, 2] = pairs[2, 1] = 0.5  # a2 now fits B better than A
    assert _steady(members, clustered, pairs, "new")["a2"] == "B"


def test_a_story_is_regrouped_on_each_document_while_small_then_as_it_grows_by_a_tenth() -> None:
    sizes = [n for n in range(1, 10_001) if due(n)]
    assert sizes[:ALWAYS] == list(range(1, ALWAYS + 1)) and sizes[ALWAYS] > ALWAYS + 1
    assert all(later <= (1 + GROWTH) * before + 1 for before, later in itertools.pairwise(sizes))
    assert len(sizes) < ALWAYS + 2 * math.log(10_000 / ALWAYS) / math.log(1 + GROWTH)


def test_a_neighbourhood_over_the_limit_is_counted_not_read(store_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    store = open_store(store_url)
    ingest([EXAMPLE], store, Settings())
    apart = _split_off(store, MISPLACED)
    monkeypatch.setattr("recoupe.tracking.regroup.LIMIT", 3)

    def unread(story_ids: object) -> None:
        raise AssertionError("members read")

    monkeypatch.setattr(store, "members", unread)
    assert regroup(store, ["s1", apart]) == Regrouped({}, {}, 0)


def test_a_new_document_is_regrouped_with_its_closest_neighbour_stories_only(
    store_url: str, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    store = open_store(store_url)
    ingest([EXAMPLE], store, Settings(story_regroup=False))
    alone = [_split_off(store, doc) for doc in (MISPLACED, "01-echo-du-rhone")]
    scores: dict[str, float] = {}
    calls: list[list[str]] = []
    measured = arrival.affinity

    def scored(doc, weights, story, mean, documents):  # type: ignore[no-untyped-def]
        scores[story.id] = measured(doc, weights, story, mean, documents)
        return scores[story.id]

    monkeypatch.setattr(arrival, "affinity", scored)
    monkeypatch.setattr(arrival, "regroup", lambda store, ids, new: calls.append(list(ids)) or Regrouped({}, {}))
    monkeypatch.setattr(arrival, "NEIGHBOURS", 1)
    path = tmp_path / "suite.jsonl"
    record = {"id": "suite", "title": "L'usine Chimiflor rouverte", "published": "2024-03-16", "text": FOLLOW_UP}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")

    ingest([path], store, Settings())

    near = sorted((s for s in scores if scores[s] >= NEIGHBOUR_AFFINITY), key=lambda s: -scores[s])
    assert {"s1", *alone} <= set(near)  # three stories of the fire are near, the football one is not
    assert calls == [near[:2]]  # the one it joined and the closest other


def test_moving_a_document_reads_it_and_its_old_versions_by_index_not_every_document(store_url: str) -> None:
    store = open_store(store_url)
    ingest([EXAMPLE], store, Settings())
    params = ("s1", MISPLACED, MISPLACED)
    if isinstance(store, SQLiteStore):
        plan = " / ".join(row[3] for row in store.query("EXPLAIN QUERY PLAN " + MOVE, params))
        assert "SCAN documents" not in plan and "documents_superseded" in plan, plan
    else:  # PostgreSQL reads a table this small whole unless told not to
        store._run("SET enable_seqscan = off")
        plan = " / ".join(row[0] for row in store.query("EXPLAIN " + MOVE, params))
        assert "Seq Scan" not in plan and "documents_superseded" in plan, plan
    store.move_document(MISPLACED, "s2")
    assert MISPLACED in next(s for s in store.stories() if s.id == "s2").documents
