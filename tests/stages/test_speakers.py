from recoupe.stages.quotes import find_quotes
from recoupe.stages.quotes.organisations import spelled_out
from recoupe.stages.quotes.speakers import Speakers

from ..conftest import with_mentions


def _said(doc, roles_from=None) -> list[tuple[str | None, str]]:  # type: ignore[no-untyped-def]
    who = Speakers(roles_from or [doc])
    return [(q.speaker, q.text) for q in find_quotes(doc, who) if q.direct]


def test_offices_of_justice_sport_and_law_stand_for_their_holder() -> None:
    doc = with_mentions(
        "La garde des Sceaux, Rachida Dati, est venue. Bernard Laporte, sélectionneur du XV de France, aussi. "
        "Selon la garde des Sceaux, la réforme était « consolidée ». "
        "« Je ne suis pas le père », a dit l'ex-sélectionneur du XV de France. "
        "Me Francis Teitgen, avocat de Patrick Poivre d'Arvor, a parlé. "
        "« Ces rumeurs sont infondées », ajoute l'avocat de Patrick Poivre d'Arvor.",
        [("Rachida Dati", "PER"), ("Bernard Laporte", "PER"), ("Francis Teitgen", "PER"),
         ("Patrick Poivre d'Arvor", "PER"), ("Patrick Poivre d'Arvor", "PER")],
    )  # fmt: skip
    assert _said(doc) == [
        ("Rachida Dati", "consolidée"),
        ("Bernard Laporte", "Je ne suis pas le père"),
        ("Francis Teitgen", "Ces rumeurs sont infondées"),
    ]


def test_a_roman_numeral_is_no_organisation_and_an_event_named_in_quotes_is_no_quote() -> None:
    doc = with_mentions(
        "Bernard Laporte, qui parlait à la journée « Vivre Sport, Vivre l'Europe » célébrant les champions, a conclu. "
        "« Je tenais à le dire », a dit l'entraîneur du XV de France.",
        [("Bernard Laporte", "PER")],
    )
    assert _said(doc) == [("Bernard Laporte", "Je tenais à le dire")]


def test_a_pronoun_is_not_the_agent_of_its_own_participle() -> None:
    doc = with_mentions(
        "Rachida Dati était sur France 2. Mais la ministre n'a rien dit de sa vie. "
        "Interrogée par Arlette Chabot, elle a estimé que "
        "« ça ne méritait pas de commentaire ».",
        [("Rachida Dati", "PER"), ("Arlette Chabot", "PER")],
    )
    assert _said(doc) == [("Rachida Dati", "ça ne méritait pas de commentaire")]


def test_a_bare_office_is_the_holder_this_report_names_with_it() -> None:
    other = with_mentions("Le président Hu Jintao a reçu le président du Sénat Christian Poncelet.",
                          [("Hu Jintao", "PER"), ("Christian Poncelet", "PER")], id="d0")  # fmt: skip
    doc = with_mentions(
        "Christian Poncelet, président du Sénat, a reçu le président Nicolas Sarkozy. "
        "« Je ne peux pas accepter cela », a dit le chef de l'Etat.",
        [("Christian Poncelet", "PER"), ("Nicolas Sarkozy", "PER")],
    )
    assert _said(doc, [other, doc]) == [("Nicolas Sarkozy", "Je ne peux pas accepter cela")]


def test_a_future_holder_is_the_one_elected() -> None:
    doc = with_mentions(
        "Le président George W. Bush part. Le président élu Barack Obama a choisi Tom Daschle. "
        "C'est « un grand expert », a souligné le futur président.",
        [("George W. Bush", "PER"), ("Barack Obama", "PER"), ("Tom Daschle", "PER")],
    )
    assert _said(doc) == [("Barack Obama", "un grand expert")]


def test_a_name_that_completes_a_noun_is_not_the_subject() -> None:
    doc = with_mentions(
        "Tenzin Taklha, proche collaborateur du dalaï-lama, a souhaité que la Chine ouvre le dialogue. "
        "« Les Chinois nous accusent », a-t-il déclaré. A Washington, le porte-parole Tom Casey a également "
        "réaffirmé que le dalaï-lama n'avait rien à voir avec les violences. « C'est un homme de paix », a-t-il dit.",
        [("Tenzin Taklha", "PER"), ("dalaï-lama", "PER"), ("Tom Casey", "PER"), ("dalaï-lama", "PER")],
    )
    assert _said(doc) == [("Tenzin Taklha", "Les Chinois nous accusent"), ("Tom Casey", "C'est un homme de paix")]


def test_the_speaker_after_where_the_words_were_said() -> None:
    doc = with_mentions(
        "« Nous ne voulons pas la violence », a indiqué à l'AFP, Sonam, 32 ans. "
        "« Les chiffres ont été examinés », a affirmé lors d'un point de presse, le porte-parole Thubten Samphel. "
        "« Plus de 200 soldats sont arrivés », a affirmé à l'AFP Hang Soth, responsable du site.",
        [("Sonam", "PER"), ("Thubten Samphel", "PER"), ("AFP Hang Soth", "MISC")],
    )
    assert [speaker for speaker, _ in _said(doc)] == ["Sonam", "Thubten Samphel", "Soth"]


def test_confier_is_speech_but_not_when_something_is_entrusted() -> None:
    doc = with_mentions(
        "La ministre Rachida Dati était là. « J'ai d'autres projets », a-t-elle confié. "
        "Le procureur Jacques Dallest a parlé. Elle avait confié son enfant à une personne « de confiance ». "
        "Selon le magistrat, c'est « la raison profonde ».",
        [("Rachida Dati", "PER"), ("Jacques Dallest", "PER")],
    )
    assert _said(doc)[0] == ("Rachida Dati", "J'ai d'autres projets")
    assert ("Jacques Dallest", "la raison profonde") in _said(doc)


def test_a_journalist_described_an_apposition_left_open_and_a_capital_speaking() -> None:
    doc = with_mentions(
        "Patrick Poivre d'Arvor était ému. "
        "Le journaliste vedette ajoute « avoir eu la surprise d'apprendre cette décision ». "
        "Dominique Paillé, porte-parole de l'UMP a déclaré que Nicolas Sarkozy avait « d'autres chats à fouetter ». "
        "Pékin s'est défendu en affirmant qu'Amnesty avait des « préjugés ».",
        [("Patrick Poivre d'Arvor", "PER"), ("Dominique Paillé", "PER"), ("UMP", "ORG"), ("Nicolas Sarkozy", "PER"),
         ("Pékin", "LOC"), ("Amnesty", "ORG")],
    )  # fmt: skip
    assert [speaker for speaker, _ in _said(doc)] == ["Patrick Poivre d'Arvor", "Dominique Paillé", "Pékin"]


def test_a_role_fits_every_holder_whose_role_has_its_words() -> None:
    doc = with_mentions(
        "Le ministre cambodgien de la Défense Tea Banh était là. Le ministre cambodgien des Affaires étrangères "
        "Hor Namhong a affirmé avoir été informé. « J'ai dit à mon homologue que c'était dangereux », "
        "a dit le ministre cambodgien.",
        [("Tea Banh", "PER"), ("Hor Namhong", "PER")],
    )
    assert _said(doc) == [("Hor Namhong", "J'ai dit à mon homologue que c'était dangereux")]


def test_quotes_inside_the_sentence_of_a_named_speaker() -> None:
    doc = with_mentions(
        "Le président Nicolas Sarkozy, « choqué par ce qui s'est passé », a réaffirmé jeudi soir à la télévision "
        "vouloir « créer les conditions d'un dialogue ». Appelant la Chine à « faire un geste », le chef de l'Etat a "
        "prôné l'autonomie. « Il faut agir. Tout le monde doit suivre », dit-il, tout en ajoutant que ce serait « un "
        "grand plaisir ». Ces poids lourds, dit le président, « partagent mon pragmatisme ».",
        [("Nicolas Sarkozy", "PER")],
    )
    assert [speaker for speaker, _ in _said(doc)] == ["Nicolas Sarkozy"] * 6


def test_sources_named_after_the_words_radios_and_relative_clauses() -> None:
    doc = with_mentions(
        "Nonce Paolini et Jean-Luc Reichmann étaient là. « C'est avec notre argent ! », a tonné Nonce Paolini. "
        "Selon la radio RTL, tout est fait. « Elle a dit oui », selon la radio qui connaît bien Laurence Ferrari. "
        "Le président de la République devrait trancher pour une taxe « de 0,8 à 0,9% ».\n"
        "C'est ce qu'explique mardi le site internet du quotidien La Tribune.",
        [("Nonce Paolini", "PER"), ("Jean-Luc Reichmann", "PER"), ("Nonce Paolini", "PER"), ("RTL", "ORG"),
         ("Laurence Ferrari", "PER"), ("La Tribune", "ORG")],
    )  # fmt: skip
    assert [speaker for speaker, _ in _said(doc)] == ["Nonce Paolini", "RTL", "La Tribune"]


def test_a_report_that_names_the_speaker_settles_another_reports_guess() -> None:
    from recoupe.config import Settings
    from recoupe.model import Corpus
    from recoupe.stages.quotes import make_quotes

    named = with_mentions(
        "« J'ai une vie privée compliquée et c'est la limite », a déclaré Rachida Dati.", [("Rachida Dati", "PER")]
    )
    guessed = with_mentions(
        "Rachida Dati a publié un livre chez Grasset. Elle se tait. Nul ne sait rien. « J'ai une vie privée "
        "compliquée et c'est la limite », a-t-il expliqué.",
        [("Rachida Dati", "PER"), ("Grasset", "PER")],
        id="d2",
    )
    corpus = make_quotes(Settings())(Corpus((named, guessed)))
    quotes = [(q.span.doc, q.speaker, q.speaker_basis) for d in corpus.documents for q in d.quotes]
    assert quotes == [("d1", "Rachida Dati", "named"), ("d2", "Rachida Dati", "inferred")]


def test_the_person_the_words_are_said_of_is_not_their_speaker() -> None:
    doc = with_mentions(
        "« Il n'y a pas de risque », a déclaré à l'AFP Christophe Reille, porte-parole de Me Meyer. "
        "M. Kerviel « n'a jamais fui ses responsabilités », a-t-il fait valoir.",
        [("Christophe Reille", "PER"), ("Kerviel", "PER")],
    )
    assert [speaker for speaker, _ in _said(doc)] == ["Christophe Reille", "Christophe Reille"]


def test_a_name_completing_a_role_does_not_hold_it() -> None:
    from recoupe.lexicon.roles import Appositions

    intro = with_mentions(
        "Me Francis Teitgen, avocat de Patrick Poivre d'Arvor, dément. L'avocat de Patrick Poivre d'Arvor a parlé.",
        [("Francis Teitgen", "PER"), ("Patrick Poivre d'Arvor", "PER")],
        id="d0",
    )
    assert {name for office, _, name, _ in Appositions([intro]).pairs if office == "avocat"} == {"Francis Teitgen"}
    doc = with_mentions(
        "L'avocat de Patrick Poivre d'Arvor a qualifié jeudi de « rumeurs infondées » les montants cités.",
        [("Patrick Poivre d'Arvor", "PER")],
    )
    assert _said(doc, [intro, doc]) == [("Francis Teitgen", "rumeurs infondées")]


def test_a_heading_that_is_a_quote_is_said_by_who_says_its_words_further_on() -> None:
    doc = with_mentions(
        "Les sénateurs étaient réunis.\n« Faire payer aux Français un impôt invisible »\nMême constat pour Pascal Rogard, directeur de la "
        "SACD : « Le rapport a trouvé le moyen de faire payer aux Français un impôt invisible », a-t-il dit.",
        [("Pascal Rogard", "PER"), ("SACD", "ORG")],
    )
    assert [speaker for speaker, _ in _said(doc)] == ["Pascal Rogard", "Pascal Rogard"]


def test_an_incise_inside_the_quote_that_names_nobody() -> None:
    doc = with_mentions(
        "Hun Sen a parlé.\n« Leur intrusion est illégale, assure son porte-parole. Elle doit cesser. »\n"
        "« Les plaisirs sont nombreux, raconte son amie Anne-Colombe de la Taille. Il n'y a que la vraie vie. »",
        [("Hun Sen", "PER"), ("Anne-Colombe de la Taille", "PER")],
    )
    assert [speaker for speaker, _ in _said(doc)] == [None, "Anne-Colombe de la Taille"]


def test_an_english_possessive_is_not_who_he_is() -> None:
    doc = with_mentions(
        "Mark Geragos spoke briefly. The verdict shocked Laci Peterson's family. "
        '"Obviously we are very disappointed," he said.',
        [("Mark Geragos", "PER"), ("Laci Peterson's", "PER")],
    )
    assert [speaker for speaker, _ in _said(doc)] == ["Mark Geragos"]


def test_a_name_completing_the_subject_does_not_speak() -> None:
    doc = with_mentions(
        "Fatma vit à Marseille avec ses enfants. La mère du petit Mohamed se dit de « bonne foi ».",
        [("Fatma", "PER"), ("Mohamed", "PER")],
    )
    assert _said(doc) == [("Fatma", "bonne foi")]


def test_descriptions_the_one_who_a_former_hostage_and_a_paragraph_after_a_described_subject() -> None:
    merckx = with_mentions(
        "Eddy Merckx se déclare certain du résultat.\n« Il y a beaucoup de raisons à cela », explique celui qui "
        "est un ami très proche du coureur.",
        [("Eddy Merckx", "PER")],
    )
    betancourt = with_mentions(
        "Ingrid Betancourt était à Paris. Contactée, l'ex-otage des Farc a fait savoir que la date « reste à "
        "convenir ».",
        [("Ingrid Betancourt", "PER")],
    )
    armstrong = with_mentions(
        "Lance Armstrong court. Alors qu'il vient de s'engager, en mai, l'Américain émet des doutes.\n"
        "« Je veux aller à Paris, dans un climat serein »",
        [("Lance Armstrong", "PER")],
    )
    assert [_said(doc)[0][0] for doc in (merckx, betancourt, armstrong)] == [
        "Eddy Merckx",
        "Ingrid Betancourt",
        "Lance Armstrong",
    ]


def test_a_relative_clause_speaks_for_its_antecedent_and_the_next_sentence_is_no_incise() -> None:
    doc = with_mentions(
        "À commencer par Frédéric Oudéa, patron de la Société générale qui affirmait, le 14 octobre dans le Figaro : "
        "« Nous n'avons pas besoin du guichet. » Hier, Christian Noyer, président de la Banque de France, a insisté "
        "sur le fait que ces banques étaient solides.",
        [("Frédéric Oudéa", "PER"), ("Société générale", "ORG"), ("Christian Noyer", "PER")],
    )
    assert [speaker for speaker, _ in _said(doc)] == ["Frédéric Oudéa"]


def test_an_acronym_is_spelled_out_as_the_report_gives_it() -> None:
    assert spelled_out("l'Union syndicale des magistrats (USM, majoritaire) a dit", "USM") == (
        "Union syndicale des magistrats"
    )
    assert spelled_out("La Ligue des droits de l'Homme (LDH) a dit", "LDH") == "Ligue des droits de l'Homme"
    assert spelled_out("La CGT (Confédération générale du travail) a dit", "CGT") is None
