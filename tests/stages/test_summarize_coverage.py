"""Issue 21: concept-coverage selection (``summarize.concepts``, ``summarize.coverage``)."""

from collections.abc import Sequence

import numpy as np

from recoupe.model import Document
from recoupe.stages.summarize.candidates import Candidate
from recoupe.stages.summarize.concepts import concepts, weights
from recoupe.stages.summarize.coverage import cover

from ..conftest import make_doc


def _candidates(doc: Document, scores: Sequence[float]) -> list[Candidate]:
    vectors = np.eye(len(doc.sentences), 8, dtype=np.float32)  # no two sentences alike
    return [
        Candidate(doc, s, vectors[k], k, len(s.text.split()), score, score)
        for k, (s, score) in enumerate(zip(doc.sentences, scores, strict=True))
    ]


def _none(pool: Sequence[Candidate]) -> list[tuple[int, int]]:
    return []


def test_concepts_are_stemmed_pairs_without_two_stop_words() -> None:
    found = concepts("Les ministres ont annoncé de la prudence.", "fr")
    assert ("ministr", "ont") in found and ("annonc", "de") in found
    assert ("de", "la") not in found
    assert concepts("Le ministre annonçait.", "fr") & concepts("Les ministres annoncent.", "fr")


def _pair(text: str) -> tuple[str, str]:
    (found,) = concepts(text, "fr")
    return found


def test_a_concept_weighs_its_independent_reports_and_more_in_their_leads() -> None:
    filler = "Une phrase sans rapport suit ici.\nUne autre phrase suit ici.\nEncore une phrase suit ici.\n"
    texts = {
        "a": "Le séisme a frappé Lima mardi.\n" + filler + "Le bilan reste provisoire selon les secours.",
        "b": "Le séisme a frappé Lima mardi.",
        "c": "Un séisme a frappé Lima mardi.",
        "d": "Le bilan reste provisoire selon les secours.",
    }
    docs = [make_doc(t, id=i) for i, t in texts.items()]
    struck, toll = _pair("frappé Lima"), _pair("bilan reste")
    alone = weights(docs)
    assert alone[struck] == 3 + 3  # three reports, each in its lead
    assert alone[toll] == 2 + 1  # two reports, one in its lead
    assert weights(docs, {"a": 0, "b": 0})[struck] == 2 + 2  # a wire story and its copy count once
    others = [make_doc("Une autre histoire est racontée ici.", id=f"x{n}") for n in range(4)]
    assert toll not in weights([docs[0], docs[3], *others])  # two of six reports: under the share (3)
    assert weights(docs[:2]) == {}  # two reports: too few to tell what they agree on


def test_the_program_covers_the_shared_concepts_within_the_budget() -> None:
    doc = make_doc(
        "Le séisme a frappé Lima mardi matin.\n"
        "Le président du club a salué la saison des joueurs avec émotion.\n"
        "Le bilan provisoire fait état de douze morts.\n"
        "Les secours fouillent les décombres du centre.",
    )
    pool = _candidates(doc, [2.0, 5.0, 1.0, 1.0])
    concept = dict.fromkeys(concepts(doc.sentences[2].text, "fr") | concepts(doc.sentences[3].text, "fr"), 3.0)
    chosen = cover(pool, pool[0], 22, concept, _none)
    assert chosen is not None
    assert [c.position for c in chosen] == [0, 2, 3]  # the best-scored sentence covers nothing shared
    short = cover(pool, pool[0], 15, concept, _none) or []
    assert len(short) == 2 and short[0] is pool[0] and sum(c.words for c in short) <= 15  # room for one more only


def test_two_sentences_that_clash_are_never_both_chosen() -> None:
    doc = make_doc("Le séisme a frappé Lima mardi.\nLe bilan fait douze morts.\nLe bilan fait douze morts à Lima.")
    pool = _candidates(doc, [1.0, 1.0, 1.0])
    concept = dict.fromkeys(concepts(doc.text, "fr"), 1.0)
    chosen = cover(pool, pool[0], 100, concept, lambda p: [(1, 2)])
    assert chosen is not None and pool[0] in chosen and len(chosen) == 2
