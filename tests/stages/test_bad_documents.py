"""Issue 17: documents that crashed or were misread by a stage (case numbers as in tests/ingest/test_bad_input.py)."""

import pytest

from recoupe.config import Settings
from recoupe.pipeline import Pipeline
from recoupe.registry import stages
from recoupe.resources import spacy_model
from recoupe.stages import annotate

from ..conftest import make_doc, make_raw

PARAGRAPH = "Le maire de Lyon, Gérard Collomb, a inauguré mardi une usine de recyclage dans le quartier de Gerland."


def test_an_html_fragment_of_one_paragraph_is_an_article() -> None:
    """Issue 17 case 6: a feed item or JSONL ``html`` field of one paragraph was "no article text"."""
    corpus = Pipeline(["clean"]).run([make_raw(f"<p>{PARAGRAPH}</p>", kind="html")])
    assert not corpus.failures and corpus.documents[0].text == PARAGRAPH


def test_a_page_nested_deeper_than_lxml_reads_keeps_its_article() -> None:
    """Issue 17 case 17: HTML nested over ~256 levels was called "only navigation" and its article lost."""
    page = "<html><body>" + "<div>" * 300 + f"<p>{PARAGRAPH}</p>" + "</div>" * 300 + "<nav>Accueil</nav></body></html>"
    corpus = Pipeline(["clean"]).run([make_raw(page, kind="html")])
    assert not corpus.failures and corpus.documents[0].text == PARAGRAPH


def test_a_page_of_menus_is_still_no_article() -> None:
    page = "<html><body><nav><ul><li><a href='/'>Accueil</a></li><li>Sport</li></ul></nav></body></html>"
    corpus = Pipeline(["clean"]).run([make_raw(page, kind="html")])
    assert [f.code for f in corpus.failures] == ["E106"]


def test_chinese_is_named_for_its_language_not_refused_for_its_word_count() -> None:
    """Issue 17 case 16: Chinese text was refused for "1 words left" instead of its language."""
    text = "里昂市长周二在格兰区为一座新的回收工厂揭幕，许多当选官员出席了仪式。工厂将雇用一百名员工。"
    corpus = Pipeline(["clean", "language"], settings=Settings(other_languages=False)).run([make_raw(text)])
    [failure] = corpus.failures
    assert failure.code == "E201" and "'zh'" in failure.message
    [doc] = Pipeline(["clean", "language", "sentences"]).run([make_raw(text)]).documents
    assert doc.language == "zh" and doc.partly_analysed and len(doc.sentences) == 2


def test_a_text_over_spacys_length_limit_is_annotated_in_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 17 case 2: a document over spaCy's nlp.max_length (1,000,000 characters) crashed ``annotate`` and
    took the batch down. Here the limit is lowered to 4,000 characters so that the test runs in a second."""
    nlp = spacy_model("fr")
    monkeypatch.setattr(nlp, "max_length", 4000)
    monkeypatch.setattr(annotate, "PIECE_CHARS", 1500)
    text = "\n".join([PARAGRAPH] * 60)
    assert len(text) > 4000
    stage = stages.get("annotate")(Settings())  # type: ignore[operator]
    for doc in (stage(make_doc(text)), next(stage.batch([make_doc(text), make_doc(PARAGRAPH, id="d2")]))):
        lyon = [m for m in doc.mentions if m.text == "Lyon"]
        assert len(lyon) == 60 and all(m.span.of(text) == "Lyon" for m in lyon)
