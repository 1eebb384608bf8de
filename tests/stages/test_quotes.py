from recoupe.stages.quotes import find_quotes
from recoupe.stages.quotes.speakers import Speakers

from ..conftest import with_mentions


def _said(doc, roles_from=None) -> list[tuple[str | None, str, bool]]:  # type: ignore[no-untyped-def]
    who = Speakers(roles_from or [doc])
    return [(q.speaker, q.text, q.direct) for q in find_quotes(doc, who)]


def test_speaker_before_after_and_by_pronoun() -> None:
    doc = with_mentions(
        "François Hollande a déclaré : « Nous devons agir. » « C'est une nécessité », a-t-il ajouté. "
        "« Tout va bien », a indiqué M. Carter.",
        [("François Hollande", "PER"), ("M. Carter", "PER")],
    )
    assert _said(doc) == [
        ("François Hollande", "Nous devons agir.", True),
        ("François Hollande", "C'est une nécessité", True),
        ("M. Carter", "Tout va bien", True),
    ]


def test_a_role_stands_for_the_person_it_is_written_next_to() -> None:
    intro = with_mentions(
        "Le ministre français de la Défense, Jean-Yves Le Drian, est arrivé.", [("Jean-Yves Le Drian", "PER")]
    )
    doc = with_mentions("« Daech vacille », a lancé le ministre français de la Défense.", [], id="d2")
    assert _said(doc, [intro, doc]) == [("Jean-Yves Le Drian", "Daech vacille", True)]


def test_unknown_speakers_stay_unknown_and_scare_quotes_are_not_quotes() -> None:
    doc = with_mentions('Ils résisteront "jusqu\'à la mort". "Ils auraient déserté", relève-t-on au ministère.', [])
    assert _said(doc) == [(None, "Ils auraient déserté", True)]


def test_reported_speech_with_selon_and_que() -> None:
    doc = with_mentions(
        "Selon Ashton Carter, la coalition progresse. Jean-Yves Le Drian a estimé que le plan était respecté.",
        [("Ashton Carter", "PER"), ("Jean-Yves Le Drian", "PER")],
    )
    assert _said(doc) == [
        ("Ashton Carter", "la coalition progresse", False),
        ("Jean-Yves Le Drian", "le plan était respecté", False),
    ]


def test_english_name_before_verb_and_german_quotation_marks() -> None:
    english = with_mentions('"We will isolate Raqqa," Carter told reporters.', [("Carter", "PER")])
    assert _said(english) == [("Carter", "We will isolate Raqqa,", True)]
    german = with_mentions("„Wir werden Rakka isolieren“, sagte der Minister.", [], language="de")
    assert [text for _, text, _ in _said(german)] == ["Wir werden Rakka isolieren"]


def test_subjects_of_the_verb_of_speech_not_the_names_after_it() -> None:
    doc = with_mentions(
        "Dans Le Soir, Eddy Merckx se déclare certain que l'Américain Lance Armstrong "
        "« ne fera pas le Tour de France cette année ».\n"
        "« Il va bientôt avoir 32 ans », a déclaré mercredi le manager de l'équipe Silence Lotto, Roberto Damiani.",
        [("Eddy Merckx", "PER"), ("Lance Armstrong", "PER"), ("Silence Lotto", "ORG"), ("Roberto Damiani", "PER")],
    )
    assert [speaker for speaker, _, _ in _said(doc)] == ["Eddy Merckx", "Roberto Damiani"]


def test_organisations_described_or_written_as_acronyms_speak_for_themselves() -> None:
    doc = with_mentions(
        "Natixis a publié ses comptes. Le Monde en parle.\n"
        "La banque précise dans un communiqué que « le coût du risque a augmenté ».\n"
        "Attentif à la décision, l'AFLD explique que « les analyses pourraient être faites vite ».",
        [("Natixis", "ORG"), ("Le Monde", "ORG"), ("Attentif", "ORG")],
        title="Natixis en perte",
    )
    assert [speaker for speaker, _, _ in _said(doc)] == ["Natixis", "AFLD"]


def test_pronouns_descriptions_and_paragraphs_of_their_own() -> None:
    doc = with_mentions(
        "Le procureur Jacques Dallest a parlé hier.\n"
        "Interrogé sur la suite, il répond : « Nous continuons les recherches ».\n"
        "La vidéo, filmée par l'armée pendant l'opération et diffusée hier soir par plusieurs chaînes, commence. "
        "« Voici les images que le monde voulait voir », déclare la voix off.\n"
        "Dans sa réponse, Armstrong a été très clair.\n"
        "« Il n'y a absolument rien que je puisse accepter dans cette proposition. »\n"
        "Le spectacle a lieu dans le « Nid d'oiseau », a-t-on précisé.",
        [("Jacques Dallest", "PER"), ("Interrogé", "PER"), ("Armstrong", "PER")],
    )
    assert [(s, w[:12]) for s, w, _ in _said(doc)] == [
        ("Jacques Dallest", "Nous continu"),
        (None, "Voici les im"),
        ("Armstrong", "Il n'y a abs"),
    ]


def test_english_speakers_after_a_description_and_by_pronoun() -> None:
    doc = with_mentions(
        '"We are making progress," said Ashton Carter. "The fight will be long," he added.\n'
        '"It is a historic day," the mayor of Paris, Anne Hidalgo, told AFP.',
        [("Ashton Carter", "PER"), ("Anne Hidalgo", "PER")],
        language="en",
    )
    assert [speaker for speaker, _, _ in _said(doc)] == ["Ashton Carter", "Ashton Carter", "Anne Hidalgo"]


def test_german_speakers_without_a_tagger() -> None:
    doc = with_mentions(
        "„Wir machen Fortschritte“, sagte US-Verteidigungsminister Ashton Carter.\n"
        "Der französische Präsident François Hollande erklärte: „Raqqa darf nicht vergessen werden.“\n"
        "„Der Kampf wird lang sein“, fügte er hinzu.",
        [],
        language="de",
    )
    assert [speaker for speaker, _, _ in _said(doc)] == ["Ashton Carter", "François Hollande", "François Hollande"]


def test_incises_with_reflexive_verbs_selon_and_where_the_words_were_said() -> None:
    doc = with_mentions(
        "« On nous cache tout », s'est indigné le député Jean Martin. "
        "« Le dispositif est prêt », a déclaré sur France 2 le président de la commission, Alain Durand. "
        "L'enquête se poursuit dans la région depuis plusieurs semaines, sans résultat pour le moment. "
        "« Rien ne presse », a déclaré à l'AFP une source judiciaire. "
        "Ils ont parlé « de sujets personnels », selon le porte-parole du parti, Marc Petit.",
        [("Jean Martin", "PER"), ("France 2", "ORG"), ("Alain Durand", "PER"), ("AFP", "ORG"), ("Marc Petit", "PER")],
    )
    assert [(s, t) for s, t, _ in _said(doc)] == [
        ("Jean Martin", "On nous cache tout"),
        ("Alain Durand", "Le dispositif est prêt"),
        (None, "Rien ne presse"),
        ("Marc Petit", "de sujets personnels"),
    ]


def test_places_institutions_and_untagged_subjects_speak() -> None:
    doc = with_mentions(
        "« Le président comprend ces raisons », a déclaré l'Elysée dans un communiqué. "
        "« Le président comprend », a ajouté le Belge, Jan Peeters. "
        "Le Syndicat de la magistrature appelle à la mobilisation contre un texte « attentatoire aux libertés ».",
        [("Elysée", "LOC"), ("Belge", "LOC"), ("Jan Peeters", "PER")],
    )
    assert [s for s, _, _ in _said(doc)] == ["Elysée", "Jan Peeters", "Syndicat de la magistrature"]


def test_a_capitalised_name_is_not_a_verb_and_an_incise_never_opens_a_paragraph() -> None:
    doc = with_mentions(
        "Seul le triathlète Paul Durand prend la défense de Lance Armstrong : « Il était hors normes ».\n"
        "Jacques Rogge a parlé. « Il est devenu plus difficile de tricher grâce aux contrôles »\n"
        "Autrement dit, les tricheurs étaient connus.",
        [("Paul Durand", "PER"), ("Lance Armstrong", "PER"), ("Jacques Rogge", "PER")],
    )
    assert [s for s, _, _ in _said(doc)] == ["Paul Durand", "Jacques Rogge"]


def test_a_pronoun_or_a_description_before_a_colon_speaks() -> None:
    doc = with_mentions(
        "Lance Armstrong veut courir le Giro en mai prochain, pour la première fois de sa carrière. "
        "D'ailleurs, hier, il a préparé le terrain : « Tout le monde dit que ce sera une simple préparation ».",
        [("Lance Armstrong", "PER")],
    )
    assert [s for s, _, _ in _said(doc)] == ["Lance Armstrong"]


def test_a_sentence_that_names_its_source_first() -> None:
    doc = with_mentions(
        "Pour la Ligue des droits de l'Homme, il s'agit d'un « nouveau cas d'utilisation politicienne ». "
        "Selon Jacques Dallest, elle avait confié l'enfant à « une personne qu'elle connaît depuis cinq ans ». "
        "Les appels reçus sont plutôt « aberrants », disent les policiers. "
        "Pour la première fois, la ville accueille « un tournoi ».",
        [("Ligue des droits de l'Homme", "ORG"), ("Jacques Dallest", "PER")],
    )
    assert [(s, t) for s, t, _ in _said(doc)] == [
        ("Ligue des droits de l'Homme", "nouveau cas d'utilisation politicienne"),
        ("Jacques Dallest", "une personne qu'elle connaît depuis cinq ans"),
        (None, "aberrants"),
    ]


def test_a_participle_continues_the_subject_of_its_sentence() -> None:
    doc = with_mentions(
        "A l'audience, le parquet général a requis le maintien en détention, arguant des « nécessités de "
        "l'instruction puisque l'enquête se poursuit ».\n"
        "La ministre Christine Lagarde s'est déclarée « satisfaite », estimant que « cela va permettre de repartir ».\n"
        "« Nous verrons », a-t-elle ajouté, précisant que « rien n'est joué ».",
        [("Christine Lagarde", "PER")],
    )
    assert [(s, w[:12]) for s, w, _ in _said(doc)] == [
        ("parquet général", "nécessités d"),
        ("Christine Lagarde", "satisfaite"),
        ("Christine Lagarde", "cela va perm"),
        ("Christine Lagarde", "Nous verrons"),
        ("Christine Lagarde", "rien n'est j"),
    ]


def test_a_pronoun_after_a_quote_is_the_person_its_sentence_introduces() -> None:
    doc = with_mentions(
        "« Ce n'est pas le moment », a dit Jean-Louis Bianco.\n"
        "Puis vint le tour de Rama Yade, secrétaire d'Etat : « Je serais très heureuse », a-t-elle déclaré.\n"
        "Nicolas Mérindol a parlé le premier. Ce dernier avait tenu à préciser, à propos de l'affaire Kerviel, "
        "qu'il n'y avait pas eu « de dissimulation ».",
        [("Jean-Louis Bianco", "PER"), ("Rama Yade", "PER"), ("Nicolas Mérindol", "PER"), ("Kerviel", "PER")],
    )
    assert [s for s, _, _ in _said(doc)] == ["Jean-Louis Bianco", "Rama Yade", "Nicolas Mérindol"]


def test_legal_charges_and_unnamed_sources_are_not_speakers() -> None:
    doc = with_mentions(
        "Jérôme Kerviel est mis en examen pour « faux et usage de faux », « introduction dans des systèmes "
        "informatiques » et « abus de confiance ».\n"
        "L'entourage de la ministre a rappelé avoir « demandé un pré-rapport ».\n"
        "« Nulle part on ne parle de limite », a-t-on abondé dans son entourage.\n"
        "La Fédération bancaire française et le Crédit Foncier ont parlé. "
        "Parmi ces solutions, la fédération évoquait « l'allongement du prêt ».",
        [("Jérôme Kerviel", "PER"), ("Fédération bancaire française", "ORG"), ("Crédit Foncier", "ORG")],
    )
    assert [(s, w[:12]) for s, w, _ in _said(doc)] == [
        (None, "demandé un p"),
        (None, "Nulle part o"),
        ("Fédération bancaire française", "l'allongemen"),
    ]


def test_a_pronoun_skips_a_person_of_the_other_gender() -> None:
    doc = with_mentions(
        "Ulrika Weiss a parlé à la presse. Mme Weiss est la porte-parole du parquet. "
        "M. Kerviel est incarcéré depuis le 8 février.\n"
        "« Nous nous opposons à la demande », a-t-elle déclaré.",
        [("Ulrika Weiss", "PER"), ("Kerviel", "PER")],
    )
    assert [s for s, _, _ in _said(doc)] == ["Ulrika Weiss"]


def test_a_pronoun_is_the_last_person_a_verb_of_speech_had_for_subject() -> None:
    doc = with_mentions(
        "« Nous avons appelé la Thaïlande », a dit Hun Sen.\n"
        "Les délégations se rencontreront lundi, a annoncé Khieu Kanharith, porte-parole du gouvernement.\n"
        "« Les deux Premiers ministres se sont parlé », a-t-il déclaré.\n"
        "Le Cambodge a mis en garde la Thaïlande contre un « conflit armé de grande envergure ».\n"
        "« Si la Thaïlande a perdu, c'est la faute des avocats », indique un ancien haut fonctionnaire du ministère.\n"
        "Les soldats sont arrivés au Cambodge hier.",
        [("Hun Sen", "PER"), ("Khieu Kanharith", "PER"), ("Cambodge", "LOC")],
    )
    assert [s for s, _, _ in _said(doc)] == ["Hun Sen", "Khieu Kanharith", "Cambodge", None]


def test_an_incise_inside_the_quote_and_the_words_of_a_crowd() -> None:
    doc = with_mentions(
        "Le système s'ajuste.\n"
        "« Le défi est le même pour tous les pays, remarque Éric Charbonnier, expert à l'OCDE. Après une phase de "
        "massification, les Etats changent. »\n"
        "« Cela signifierait, s'insurgeait vendredi dernier l'académie des Sciences, que ce champ ne compte pas. »\n"
        "Les manifestants défilaient aux cris de « Rased, vivants ! ».\n"
        "« Investir dans l'école, c'est l'avenir », « Non à la casse », tels étaient les slogans.",
        [("Éric Charbonnier", "PER"), ("académie des Sciences", "ORG")],
    )
    assert [(s, w[:12]) for s, w, _ in _said(doc)] == [
        ("Éric Charbonnier", "Le défi est "),
        ("académie des Sciences", "Cela signifi"),
    ]


def test_english_subjects_titles_and_surnames() -> None:
    doc = with_mentions(
        "Henry Hyde chairs the panel.\n"
        '"We all knew it," said the panel\'s top Democrat, Rep. Tom Lantos of California.\n'
        '"There is no excuse," Ash director Deborah Arnott said.\n'
        'Dave Harris told the jury that Peterson began plotting the crime.\n'
        '"He is the worst of the worst," he told the jury.\n'
        'Hyde warned that "this inquiry is just beginning."',
        [("Henry Hyde", "PER"), ("Tom Lantos", "PER"), ("Deborah Arnott", "PER"), ("Dave Harris", "PER"),
         ("Peterson", "PER")],
        language="en",
    )  # fmt: skip
    assert [s for s, _, d in _said(doc) if d] == ["Tom Lantos", "Deborah Arnott", "Dave Harris", "Henry Hyde"]


def test_german_so_incise_and_the_subject_after_the_verb() -> None:
    doc = with_mentions(
        'Wiens Bürgermeister will keinen Dämpfer sehen. "Für die Nummer Eins ist das gut", so Häupl im Radio.\n'
        'Als Ziel nannte Gusenbauer: "Wir wollen ein soziales Österreich."\n'
        'Es wäre "nicht normal", meinte Gusenbauer.',
        [],
        language="de",
    )
    assert [speaker for speaker, _, _ in _said(doc)] == ["Häupl", "Gusenbauer", "Gusenbauer"]


def test_reported_speech_after_a_source_with_an_apposition() -> None:
    doc = with_mentions(
        "Selon le commandant Paul Mercier, des pompiers du Rhône, le feu a pris dans un entrepôt vers 21 heures.",
        [("Paul Mercier", "PER")],
    )
    assert _said(doc) == [("Paul Mercier", "le feu a pris dans un entrepôt vers 21 heures", False)]


def test_a_quote_no_verb_of_speech_introduces_is_the_sentence_subjects() -> None:
    doc = with_mentions(
        "Le ministre cambodgien de la Défense Tea Banh a salué ce « bon résultat » obtenu à la frontière. "
        "Sans être avare de compliments - il a assuré sa secrétaire d'État de « sa totale confiance ».",
        [("Tea Banh", "PER")],
    )
    assert [speaker for speaker, _, _ in _said(doc)] == ["Tea Banh", "Tea Banh"]
    # an unnamed source stays unnamed
    doc = with_mentions(
        "Le maire Paul Durand est parti. Un proche a salué ce « bon résultat ».", [("Paul Durand", "PER")]
    )
    assert [speaker for speaker, _, _ in _said(doc)] == [None]


def test_a_name_after_a_noun_of_a_thing_says_nothing_of_its_gender() -> None:
    doc = with_mentions(
        "La réforme Darcos avance. M. Darcos a parlé. Parlant de la réforme, le ministre a dit : « Rien n'est arrêté. »",
        [("Darcos", "PER"), ("Darcos", "PER")],
    )
    assert _said(doc)[-1] == ("Darcos", "Rien n'est arrêté.", True)


def test_a_role_with_a_word_before_its_office_still_stands_for_its_person() -> None:
    intro = with_mentions(
        "Le ministre français de la Défense, Jean-Yves Le Drian, est arrivé.", [("Jean-Yves Le Drian", "PER")]
    )
    doc = with_mentions("« Daech vacille », a lancé le nouveau ministre français de la Défense.", [], id="d2")
    assert _said(doc, [intro, doc]) == [("Jean-Yves Le Drian", "Daech vacille", True)]


def test_a_pronoun_after_a_quote_is_the_subject_of_the_sentence_before() -> None:
    doc = with_mentions(
        "« Nous restons », a affirmé Sompong Amornviwat. Le Premier ministre thaïlandais Somchai Wongsawat a tenté "
        "d'apaiser la tension. « Ce soir, tout ira bien », a-t-il indiqué.",
        [("Sompong Amornviwat", "PER"), ("Somchai Wongsawat", "PER")],
    )
    assert [speaker for speaker, _, _ in _said(doc)] == ["Sompong Amornviwat", "Somchai Wongsawat"]


def test_the_subject_of_another_clause_does_not_speak() -> None:
    doc = with_mentions(
        "Rachida Dati répond qu'elle aimerait « rester longtemps », tandis que Le Point cite un conseiller selon qui "
        "il faudra « la laisser là ». C'est une philosophie, résumée ainsi par Joe Biden : « Le temps est venu ».",
        [("Rachida Dati", "PER"), ("Le Point", "ORG"), ("Joe Biden", "PER")],
    )
    assert [speaker for speaker, _, _ in _said(doc)] == ["Rachida Dati", None, "Joe Biden"]


def test_a_speaker_named_next_to_the_quote_is_named_one_read_from_a_pronoun_is_inferred() -> None:
    doc = with_mentions(
        "« Nous restons », a affirmé Sompong Amornviwat. La tension est retombée dans la soirée. "
        "« Rien ne changera », a-t-il ajouté. « Tout ira bien. »",
        [("Sompong Amornviwat", "PER")],
    )
    who = Speakers([doc])
    assert [(q.speaker, q.speaker_basis) for q in find_quotes(doc, who)] == [
        ("Sompong Amornviwat", "named"),
        ("Sompong Amornviwat", "inferred"),
        ("Sompong Amornviwat", "inferred"),
    ]
    lone = with_mentions("« Nous restons », a dit un proche.", [])
    assert [(q.speaker, q.speaker_basis) for q in find_quotes(lone, Speakers([lone]))] == [(None, None)]


def test_a_quote_opening_the_sentence_after_a_verb_of_speech_is_a_quote() -> None:
    """ "…, explique Alberto Martinez. « … »": the sentence before says who speaks; a narrative sentence does not."""
    words = "Comme tout l'objectif est d'éviter le contact entre les clients"
    said = f"Le restaurant a rouvert, explique Alberto Martinez. « {words} »."
    told = f"Le restaurant a rouvert mardi à Madrid. « {words} »."
    for text, found in ((said, True), (told, False)):
        doc = with_mentions(text, [("Alberto Martinez", "PER")] if "Martinez" in text else [])
        quotes = find_quotes(doc, Speakers([doc]))
        assert any(q.text == words for q in quotes) is found, text
