"""Nothing is lost: an ingest killed mid-batch and restarted, and two ingests writing at once.

Each runs ``python -m recoupe ingest`` in real processes against both stores. The documents
are invented here (three small stories told by different outlets).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from recoupe.store import open_store

from .test_store import assert_consistent

TOPICS = (
    (
        "Un incendie a détruit {n} hectares de forêt près de Marseille, selon les pompiers des Bouches-du-Rhône.",
        "Le préfet Paul Martin a annoncé que {k} habitations avaient été évacuées dans la nuit.",
        "« Le feu n'est pas encore fixé », a déclaré le commandant Lucie Bernard.",
    ),
    (
        "La grève des contrôleurs aériens a entraîné l'annulation de {n} vols à l'aéroport de Nantes.",
        "Le syndicat SNCTA réclame des embauches, a indiqué son secrétaire général Marc Petit.",
        "La compagnie Air Ouest estime à {k} le nombre de passagers touchés.",
    ),
    (
        "Le club de Lens a battu Lille {k} buts à un lors du derby du Nord disputé samedi.",
        "L'entraîneur Franck Haise a salué « un match de caractère » devant {n} spectateurs.",
        "Lille reste toutefois en tête du championnat avec deux points d'avance.",
    ),
)
OUTLETS = (
    "La Voix du Sud",
    "Ouest Matin",
    "Le Quotidien",
    "Radio Nord",
    "Info Flash",
    "Le Réveil",
    "Dépêches",
    "Le Petit Journal",
)


def write_documents(folder: Path) -> list[Path]:
    """24 invented reports, one JSONL file each."""
    folder.mkdir()
    paths = []
    for number in range(24):
        topic, variant = TOPICS[number % 3], number // 3
        text = " ".join(s.format(n=120 + 10 * variant, k=3 + variant) for s in topic)
        record = {
            "id": f"doc{number:02d}",
            "outlet": OUTLETS[variant],
            "published": f"2024-06-{10 + variant:02d}T08:00:00",
            "text": f"{text}\nDernière mise à jour numéro {number}.",
        }
        path = folder / f"doc{number:02d}.jsonl"
        path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def ingest_process(paths: list[Path], url: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "recoupe", "ingest", *map(str, paths), "--db", url]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy())


def test_an_ingest_killed_mid_batch_and_restarted_stores_every_document_once(store_url: str, tmp_path: Path) -> None:
    paths = write_documents(tmp_path / "in")
    store = open_store(store_url)
    child = ingest_process(paths, store_url)
    deadline = time.monotonic() + 300
    while child.poll() is None and store.query("SELECT COUNT(*) FROM documents") == [(0,)]:
        assert time.monotonic() < deadline, "the ingest stored nothing in 300 s"
        time.sleep(0.01)
    assert child.poll() is None, f"the ingest ended before it could be killed: {child.communicate()}"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    stored_when_killed = store.query("SELECT COUNT(*) FROM documents")[0][0]
    again = ingest_process(paths, store_url)
    out, err = again.communicate(timeout=600)
    assert again.returncode == 0, err
    assert f"{24 - stored_when_killed} added" in out
    assert store.query("SELECT COUNT(*), COUNT(DISTINCT content_hash) FROM documents") == [(24, 24)]
    assert_consistent(store)


def test_two_ingests_writing_at_once_lose_nothing(store_url: str, tmp_path: Path) -> None:
    paths = write_documents(tmp_path / "in")
    open_store(store_url).close()  # migrated once, before both start
    first, second = ingest_process(paths[:16], store_url), ingest_process(paths[8:], store_url)
    for process in (first, second):
        _, err = process.communicate(timeout=600)
        assert process.returncode == 0, err
    store = open_store(store_url)
    assert store.query("SELECT COUNT(*), COUNT(DISTINCT content_hash) FROM documents") == [(24, 24)]
    assert sorted(row[0] for row in store.query("SELECT id FROM documents")) == [f"doc{n:02d}" for n in range(24)]
    assert len(store.stories()) == 3
    assert_consistent(store)
