"""Issue 17: no document takes a batch down; any exception in a stage becomes that document's failure."""

from collections.abc import Sequence

import pytest

from recoupe.config import Settings
from recoupe.errors import exit_code_for
from recoupe.model import Document
from recoupe.pipeline import Pipeline, StrictStop, stage

from .conftest import make_raw


@stage("_test_breaks_on_boom", version="1", requires=["text"], assigns=["title"])
def _breaks(settings: Settings):  # type: ignore[no-untyped-def]
    def breaks(doc: Document) -> Document:
        if "boom" in doc.text:
            raise RecursionError("maximum recursion depth exceeded")
        return doc

    return breaks


@stage("_test_batch_breaks_on_boom", version="1", requires=["text"], assigns=["mentions"])
def _batch_breaks(settings: Settings):  # type: ignore[no-untyped-def]
    class Breaks:
        def __call__(self, doc: Document) -> Document:
            if "boom" in doc.text:
                raise ValueError("[E088] Text of length 1000001 exceeds maximum of 1000000.")
            return doc

        def batch(self, docs: Sequence[Document]) -> list[Document]:
            return [self(d) for d in docs]

    return Breaks()


GOOD = "Un vrai texte de sept mots ici."
BAD = "Un texte de sept mots qui fait boom."


@pytest.mark.parametrize("name", ["_test_breaks_on_boom", "_test_batch_breaks_on_boom"])
def test_any_exception_in_a_stage_is_a_failure_and_the_batch_goes_on(name: str) -> None:
    """Issue 17, data loss: a RecursionError (nested JSONL) or spaCy's ValueError (over 1,000,000 characters) in one
    document ended the run; now it is an E301 failure naming the document, the stage and the exception."""
    corpus = Pipeline(["clean", name]).run([make_raw(GOOD, id="a"), make_raw(BAD, id="b"), make_raw(GOOD, id="c")])
    assert [d.id for d in corpus.documents] == ["a", "c"]
    [failure] = corpus.failures
    assert (failure.source, failure.stage, failure.code) == ("test:b", name, "E301")
    assert f"internal error in stage '{name}'" in failure.message and "Error:" in failure.message
    assert exit_code_for("E301") == 5


def test_strict_stops_at_an_internal_error() -> None:
    """Issue 17: --strict still stops at the first failure, an internal one too."""
    with pytest.raises(StrictStop) as stop:
        Pipeline(["clean", "_test_breaks_on_boom"], settings=Settings(strict=True)).run([make_raw(BAD, id="b")])
    assert stop.value.exit_code == 5 and stop.value.code == "E301"


@stage("_test_batch_wide_breaks", version="1", scope="corpus", requires=["text"], assigns=["stories"])
def _batch_wide_breaks(settings: Settings):  # type: ignore[no-untyped-def]
    def breaks(corpus):  # type: ignore[no-untyped-def]
        raise KeyError("a bug in a stage that reads the whole batch")

    return breaks


def test_a_batch_wide_stage_that_breaks_is_a_failure_and_the_documents_are_kept() -> None:
    """Issue 17: an exception in a corpus stage ended the run and lost the batch's analysed documents."""
    corpus = Pipeline(["clean", "_test_batch_wide_breaks"]).run([make_raw(GOOD, id="ok")])
    assert [d.id for d in corpus.documents] == ["ok"] and corpus.stories == ()
    [failure] = corpus.failures
    assert (failure.source, failure.stage, failure.code) == ("the batch", "_test_batch_wide_breaks", "E301")
    assert "KeyError" in failure.message
    with pytest.raises(StrictStop):
        Pipeline(["clean", "_test_batch_wide_breaks"], settings=Settings(strict=True)).run([make_raw(GOOD)])
