"""Issue 16: contracts that are checked — a stage that reads a field it does not declare fails (check_contracts)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from recoupe import analyze
from recoupe.config import Settings
from recoupe.errors import ContractError
from recoupe.model import Corpus, Document
from recoupe.pipeline import Pipeline, stage
from recoupe.store import open_store
from recoupe.tracking import current_report, ingest

from .conftest import EXAMPLE, make_raw

CHECKED = Settings(check_contracts=True)


@stage("test_reads_language_undeclared", version="1", requires=["text"], assigns=["removed"])
def _reads_language(settings: Settings):  # type: ignore[no-untyped-def]
    def run(doc: Document) -> Document:
        return replace(doc, removed=(doc.language or "",))

    return run


@stage("test_swallows_what_it_reads", version="1", requires=["text"], assigns=["removed"])
def _swallows(settings: Settings):  # type: ignore[no-untyped-def]
    def run(doc: Document) -> Document:
        try:
            return replace(doc, removed=tuple(s.text for s in doc.sentences))
        except Exception:  # noqa: BLE001 - the stage hides its mistake; the contract check must not
            return doc

    return run


@stage("test_corpus_reads_stories", version="1", scope="corpus", requires=["text"], assigns=["summary"])
def _corpus_reads_stories(settings: Settings):  # type: ignore[no-untyped-def]
    def run(corpus: Corpus) -> Corpus:
        return replace(corpus, documents=corpus.documents[: len(corpus.stories)])

    return run


@stage("test_batch_reads_language_undeclared", version="1", requires=["text"], assigns=["removed"])
def _batch_reads_language(settings: Settings):  # type: ignore[no-untyped-def]
    class Run:
        """Reads the language only on its batch path (the one the pipeline takes: issue 20)."""

        def __call__(self, doc: Document) -> Document:
            return replace(doc, removed=(doc.text[:5],))

        def batch(self, docs: list[Document]) -> list[Document]:
            return [replace(d, removed=(d.language or "",)) for d in docs]

    return Run()


@stage("test_reads_declared", version="1", requires=["text", "language"], assigns=["removed"])
def _reads_declared(settings: Settings):  # type: ignore[no-untyped-def]
    def run(doc: Document) -> Document:
        return replace(doc, removed=(doc.text[:5], doc.language or ""))

    return run


def _run(name: str) -> Corpus:
    return Pipeline(["clean", "language", name], settings=CHECKED).run(
        [make_raw("Un vrai texte de sept mots ici, assez long pour une langue.", id="ok")]
    )


@pytest.mark.parametrize(
    ("name", "field"),
    [
        ("test_reads_language_undeclared", "language"),
        ("test_batch_reads_language_undeclared", "language"),
        ("test_swallows_what_it_reads", "sentences"),
        ("test_corpus_reads_stories", "stories"),
    ],
)
def test_a_stage_reading_a_field_it_does_not_declare_fails_naming_stage_and_field(name: str, field: str) -> None:
    with pytest.raises(ContractError, match=rf"stage '{name}'.*{field}"):
        _run(name)


def test_a_stage_reading_what_it_declares_runs_and_keeps_the_fields_it_did_not_see() -> None:
    corpus = _run("test_reads_declared")
    doc = corpus.documents[0]
    assert doc.removed == ("Un vr", "fr") and doc.language == "fr" and doc.raw.id == "ok"


def test_the_same_stage_unchecked_reads_what_it_likes() -> None:
    corpus = Pipeline(["clean", "language", "test_reads_language_undeclared"]).run(
        [make_raw("Un vrai texte de sept mots ici, assez long pour une langue.", id="ok")]
    )
    assert corpus.documents[0].removed == ("fr",)


@pytest.mark.slow
def test_every_default_stage_keeps_its_contract_and_checking_changes_no_result() -> None:
    checked = analyze([EXAMPLE], settings=CHECKED).to_dict()
    assert checked == analyze([EXAMPLE]).to_dict()
    assert checked["stories"] and any(s["conflicts"] for s in checked["stories"])


@pytest.mark.slow
def test_the_store_s_publishing_keeps_the_contracts(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = open_store(str(tmp_path / "checked.db"))
    result = ingest([EXAMPLE], store, CHECKED)
    assert result.published and not result.failures
    for story in result.published:
        _version, report = current_report(store, story, CHECKED) or (0, "{}")
        assert json.loads(report)["stories"][0]["summary"]
