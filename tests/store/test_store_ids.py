"""Issue 17 cases 3-5 in a store: documents of one id within a batch and across batches are all stored, each under
its own id, and each story's report cites its own documents. (Already right before issue 17, by the store's free_id:
this checks it stays so now that ingest.discover.unique_ids renames repeats within a batch first.)"""

import json
from pathlib import Path

from recoupe.config import Settings
from recoupe.store import open_store
from recoupe.tracking import ingest

ARTICLES = [
    (
        "Incendie à Vénissieux\nUn incendie a touché mardi soir une usine chimique de Vénissieux, près de Lyon, "
        "selon les pompiers. Aucun blessé n'est à déplorer, a indiqué la préfecture du Rhône."
    ),
    (
        "Grève des bus à Lyon\nLes conducteurs de bus de Lyon sont en grève depuis lundi pour réclamer une hausse "
        "des salaires, a annoncé le syndicat. La métropole appelle à reprendre le dialogue."
    ),
    (
        "Un nouveau musée à Grenoble\nLa ville de Grenoble a inauguré samedi un musée consacré à la montagne, "
        "en présence du maire. Plus de deux mille visiteurs sont attendus chaque semaine."
    ),
]


def test_one_stem_in_two_folders_and_in_a_later_batch_gets_three_ids(tmp_path: Path) -> None:
    for n, folder in enumerate(("a", "b", "c")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(ARTICLES[n])
    store = open_store(str(tmp_path / "r.db"))
    first = ingest([tmp_path / "a", tmp_path / "b"], store, Settings())
    second = ingest([tmp_path / "c"], store, Settings())
    assert len(first.added) == 2 and len(second.added) == 1 and not first.failures
    rows = store.query("SELECT id, source FROM documents ORDER BY id")
    assert [(i, Path(s).parent.name) for i, s in rows] == [("x", "a"), ("x~2", "b"), ("x~3", "c")]
    for story in store.stories():
        _, report = store.latest_report(story.id) or (0, "{}")
        data = json.loads(report)
        cited = {c["doc"] for s in data["stories"] for line in s["summary"] for c in line["citations"]}
        assert cited <= {d["id"] for d in data["documents"]} <= {"x", "x~2", "x~3"}
