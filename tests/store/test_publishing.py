"""Issue 5: when a batch publishes a story again, and a story read is brought up to date (recoupe/tracking/publishing.py)."""

from __future__ import annotations

import json
from pathlib import Path

from recoupe.cli import main
from recoupe.config import Settings
from recoupe.store import open_store
from recoupe.tracking import REPUBLISH_SHARE, ingest, publication_due

from ..conftest import EXAMPLE
from .test_regroup import FOLLOW_UP
from .test_store import assert_consistent

#: invented, like the bundled example: what each follow-up of the fire adds
TOWNS = ["Vénissieux", "Saint-Fons", "Feyzin", "Corbas", "Bron", "Oullins", "Pierre-Bénite", "Irigny", "Solaize"]


def _follow_ups(path: Path, towns: list[str]) -> Path:
    lines = [
        json.dumps(
            {
                "id": f"suite-{town}",
                "title": f"Chimiflor : les habitants de {town} rassurés",
                "published": "2024-03-16",
                "text": f"{FOLLOW_UP} A {town}, la mairie a levé ses consignes de confinement samedi matin.",
            },
            ensure_ascii=False,
        )
        for town in towns
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_story_changed_by_less_than_a_tenth_waits_and_is_brought_up_to_date_when_read(
    store_url: str, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    store = open_store(store_url)
    ingest([EXAMPLE], store, Settings())
    grown = ingest([_follow_ups(tmp_path / "a.jsonl", TOWNS[:-1])], store, Settings())
    assert grown.published == {"s1": 2}
    live, last = store.publication_state("s1")
    assert last == live and len(live) == 12

    one_more = ingest([_follow_ups(tmp_path / "b.jsonl", TOWNS[-1:])], store, Settings())

    assert one_more.added == ["suite-Solaize"] and one_more.published == {} and one_more.deferred == ["s1"]
    live, last = store.publication_state("s1")
    assert last is not None and live ^ last == {"suite-Solaize"} and 1 < REPUBLISH_SHARE * len(last)
    assert not publication_due(store, "s1") and store.pending_stories() == []
    assert_consistent(store)
    store.close()
    capsys.readouterr()
    assert main(["story", "s1", "--db", store_url, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert "suite-Solaize" in {d["id"] for d in report["documents"]}
    again = open_store(store_url)
    assert again.publication_state("s1")[1] == live and (again.latest_report("s1") or (0,))[0] == 3


def test_a_small_story_is_published_again_on_each_new_document(store_url: str, tmp_path: Path) -> None:
    store = open_store(store_url)
    ingest([EXAMPLE], store, Settings())
    result = ingest([_follow_ups(tmp_path / "a.jsonl", TOWNS[:1])], store, Settings())
    assert result.published == {"s1": 2} and result.deferred == []


def test_publishing_again_reuses_the_dates_of_the_documents_it_has_read(store_url: str) -> None:
    from recoupe.stages.dates import _remembered
    from recoupe.tracking import publish

    store = open_store(store_url)
    ingest([EXAMPLE], store, Settings())
    before = _remembered.cache_info()
    publish(store, "s1", Settings())
    after = _remembered.cache_info()
    assert after.hits - before.hits == store.documents_in("s1") == 4
    assert after.misses == before.misses
