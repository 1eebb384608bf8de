"""Issue 4: who speaks in incises and clauses (recoupe/stages/attribution.py): verbs, reflexives, unnamed speakers."""

from recoupe.stages.quotes import find_quotes
from recoupe.stages.quotes.speakers import Speakers

from ..conftest import with_mentions


def _said(doc) -> list[tuple[str | None, str]]:  # type: ignore[no-untyped-def]
    return [(q.speaker, q.text) for q in find_quotes(doc, Speakers([doc])) if q.direct]


def test_present_reflexive_incises_and_more_verbs_of_speech() -> None:
    doc = with_mentions(
        "« On a constaté une erreur dans la proclamation des résultats », se défend Gilles Pargneaux. "
        "« C'est une estimation, on ne sait pas si la mesure va prendre », a cependant nuancé Christine Lagarde. "
        "« La République a été créée avec une seule voix d'avance », assène le fabiusien Fayçal Douhane. "
        "« Nous n'avons pas le choix ! Ne rien faire coûterait plus cher », a justifié Nicolas Sarkozy.",
        [("Gilles Pargneaux", "PER"), ("Christine Lagarde", "PER"), ("Fayçal Douhane", "PER"),
         ("Nicolas Sarkozy", "PER")],
    )  # fmt: skip
    assert [speaker for speaker, _ in _said(doc)] == [
        "Gilles Pargneaux",
        "Christine Lagarde",
        "Fayçal Douhane",
        "Nicolas Sarkozy",
    ]


def test_an_unnamed_speaker_after_a_time_and_the_pronoun_that_follows_him() -> None:
    doc = with_mentions(
        "Claude Bartolone soutient Martine Aubry. "
        "Le camp Royal veut « jeter le discrédit sur l'élection », accusait hier soir un proche de Martine Aubry. "
        "« Même en cas d'annulation des résultats, elle restera majoritaire », assure un jeune dirigeant. "
        "« La République a été instaurée d'une voix et depuis elle vit », ajoute-t-il.",
        [("Claude Bartolone", "PER"), ("Martine Aubry", "PER"), ("Martine Aubry", "PER")],
    )
    assert [speaker for speaker, _ in _said(doc)] == [None, None, None]


def test_the_person_a_relation_is_named_after_does_not_speak() -> None:
    doc = with_mentions(
        "Daniel Vaillant préside la commission. Ce proche de Lionel Jospin a exclu un nouveau scrutin. "
        "« Je ne suis pas là pour déclencher quelque vote que ce soit », a-t-il souligné.",
        [("Daniel Vaillant", "PER"), ("Lionel Jospin", "PER")],
    )
    assert _said(doc) == [("Daniel Vaillant", "Je ne suis pas là pour déclencher quelque vote que ce soit")]


def test_for_an_office_opening_the_sentence_the_holder_speaks() -> None:
    doc = with_mentions(
        "Le président Nicolas Sarkozy a présenté son plan à Douai, où François Fillon l'attendait. "
        "Pour le président, il s'agit de faire de la crise une « opportunité pour remettre la France à niveau ».",
        [("Nicolas Sarkozy", "PER"), ("François Fillon", "PER")],
    )
    assert _said(doc) == [("Nicolas Sarkozy", "opportunité pour remettre la France à niveau")]


def test_a_name_in_apposition_to_the_description_and_not_the_place_it_was_said_at() -> None:
    doc = with_mentions(
        "« Les procès-verbaux vont être examinés », a déclaré à la presse le président de cette commission, "
        "le député Daniel Vaillant, en arrivant. "
        "La commission est présidée par Daniel Vaillant, ancien ministre de l'Intérieur. "
        "« Il y a un résultat qu'on connaît », a déclaré l'ancien ministre de l'Intérieur à son arrivée au siège du PS.",
        [("Daniel Vaillant", "PER"), ("Daniel Vaillant", "PER"), ("PS", "ORG")],
    )
    assert [speaker for speaker, _ in _said(doc)] == ["Daniel Vaillant", "Daniel Vaillant"]


def test_an_acronym_the_report_spells_out_speaks_under_its_full_name() -> None:
    doc = with_mentions(
        "Le syndicat de la magistrature (SM, classé à gauche) a dénoncé vendredi « la politique d'asservissement de "
        "la justice et des magistrats » de la garde des Sceaux.",
        [("SM", "ORG")],
    )
    assert [speaker for speaker, _ in _said(doc)][-1] == "Syndicat de la magistrature"


def test_a_subject_pronoun_or_office_before_the_verb_and_a_second_verb_is_no_incise() -> None:
    doc = with_mentions(
        "Manuel Valls n'en démord pas. "
        "Il précise qu'il demande toujours un nouveau vote « avec des contrôleurs » et confirme l'intention du camp "
        "Royal de saisir la justice. "
        "La garde des Sceaux, Rachida Dati, a reçu les syndicats. "
        "Dans un entretien au Figaro, la garde des Sceaux répond au contenu de la motion en estimant que « des "
        "magistrats veuillent faire polémique sur des choses qui ne sont pas justes ».",
        [("Manuel Valls", "PER"), ("Rachida Dati", "PER")],
    )
    assert [speaker for speaker, _ in _said(doc)] == ["Manuel Valls", "Rachida Dati"]


def test_a_reflexive_verb_goes_on_with_the_sentence_subject() -> None:
    doc = with_mentions(
        "« Je veux rapprocher les rédactions », a dit Jean-Claude Dassier. "
        "Classé « sarkozyste » et succédant au « chiraquien » Robert "
        "Namias, il réfute les étiquettes, se dit « viscéralement journaliste » et assure que « l'information est "
        "libre ».",
        [("Jean-Claude Dassier", "PER"), ("Robert Namias", "PER")],
    )
    assert ("Jean-Claude Dassier", "viscéralement journaliste") in _said(doc)


def test_a_pronoun_after_an_unnamed_spokesman_and_an_organisation_opening_the_sentence_before() -> None:
    doc = with_mentions(
        "La mère du petit Mohamed a été entendue. « Elle est toujours recherchée », a indiqué un porte-parole du "
        "parquet de Marseille. « Tant que nous ne l'aurons pas entendue, rien ne pourra être vérifié », a-t-il "
        "ajouté.\nLa porte-parole Jiang Yu a critiqué Amnesty.\nLe CIO a fait état de sa neutralité.\n"
        "Il a estimé que « son rôle n'était pas de contrôler les droits de l'Homme ».",
        [("Mohamed", "PER"), ("Marseille", "LOC"), ("Jiang Yu", "PER"), ("Amnesty", "ORG"), ("CIO", "MISC")],
    )
    assert [speaker for speaker, _ in _said(doc)] == [None, None, "CIO"]


def test_an_incise_opening_the_sentence_and_a_name_in_apposition_to_the_source() -> None:
    doc = with_mentions(
        "Sur le fond, résume un responsable syndical de la magistrature, Rachida Dati est accusée de mener « une "
        "politique d'apparence de réforme ». "
        "Pour l'avocate de Kerviel, Caroline Wassermann, « l'affaire montre les failles des contrôles ».",
        [("Rachida Dati", "PER"), ("Kerviel", "PER"), ("Caroline Wassermann", "PER")],
    )
    assert [speaker for speaker, _ in _said(doc)] == [None, "Caroline Wassermann"]


def test_a_verb_in_the_present_further_in_the_sentence_names_the_speaker() -> None:
    doc = with_mentions(
        "Nombre de salariés se sont vus menacés d'être « les premiers licenciés, en cas de problème d'emploi », "
        "s'ils cessaient le travail, confirme Sylvie Leziard, de l'UNSA. "
        "« Je vais être comme un chewing-gum pour mes enfants », avait confessé Ingrid Betancourt à Bogota. "
        "Patrick Poivre d'Arvor a confirmé avoir été « écarté » de la présentation du JT, critiquant la "
        "« brutalité » de la direction.",
        [("Sylvie Leziard", "PER"), ("UNSA", "ORG"), ("Ingrid Betancourt", "PER"), ("Patrick Poivre d'Arvor", "PER")],
    )
    assert [speaker for speaker, _ in _said(doc)][:3] == [
        "Sylvie Leziard",
        "Ingrid Betancourt",
        "Patrick Poivre d'Arvor",
    ]


def test_an_incise_inside_the_quote_names_nobody_when_it_gives_a_relation_of_someone() -> None:
    doc = with_mentions(
        "Elle a gardé de nombreux amis, en particulier la famille de l'ancien ministre Jacques Hodoul.\n"
        "«Ici, elle a laissé un souvenir exceptionnel, rapporte un proche de James Michel. Qu'elle ait nourri un "
        "enfant du pays compte beaucoup.»",
        [("Jacques Hodoul", "PER"), ("James Michel", "PER")],
    )
    assert [speaker for speaker, _ in _said(doc)] == [None]


def test_newspapers_and_institutions_speak_by_the_name_their_description_gives() -> None:
    doc = with_mentions(
        "« Le pays a changé de visage ! », exulte le quotidien populaire allemand Bild. "
        "Le quotidien israélien de gauche Haaretz souligne les défis du nouveau président. "
        "« Rien ne se fera sans un engagement actif », rappelle le quotidien. "
        "« Les deux dirigeants se verront bientôt », a précisé la présidence française. "
        "Un rassemblement a réuni « 1.100 élèves », a affirmé le rectorat. "
        "« La patience a ses limites », avertit son concurrent le Nikkei.",
        [("Bild", "MISC"), ("Haaretz", "MISC")],
    )
    assert [speaker for speaker, _ in _said(doc)] == [
        "Bild",
        "Haaretz",
        "présidence française",
        "rectorat",
        "Nikkei",
    ]


def test_a_participle_after_a_quote_is_no_incise_and_a_verb_whose_object_opens_a_quote_names_nobody() -> None:
    doc = with_mentions(
        "Le président élu « doit incarner le changement » promis pendant la campagne, écrit le Yomiuri Shimbun. "
        "Le quotidien El Mundo (centre droit) renchérit : « Le monde a changé de couleur », "
        "tandis qu'El Pais souligne un « avant et un après » cette élection.",
        [("Yomiuri Shimbun", "ORG"), ("El Mundo", "ORG"), ("El Pais", "LOC")],
    )
    assert _said(doc)[:2] == [
        ("Yomiuri Shimbun", "doit incarner le changement"),
        ("El Mundo", "Le monde a changé de couleur"),
    ]


def test_the_agent_of_a_passive_verb_of_speech_and_a_pronoun_coordinated_to_the_subject() -> None:
    doc = with_mentions(
        "La rencontre a été qualifiée « d'amicale et constructive » par la porte-parole Dana Perino. "
        "Le sénateur Lindsey Graham a rappelé qu'il avait négocié avec Rahm Emanuel les débats et il a salué ses "
        "« grandes compétences politiques ». "
        "« Je te fais confiance », a d'abord répondu Nicolas Sarkozy à son ministre.",
        [("Dana Perino", "PER"), ("Lindsey Graham", "PER"), ("Rahm Emanuel", "PER"), ("Nicolas Sarkozy", "PER")],
    )
    assert [speaker for speaker, _ in _said(doc)] == ["Dana Perino", "Lindsey Graham", "Nicolas Sarkozy"]


def test_an_institution_speaks_as_written_after_the_verb_or_inside_the_quote() -> None:
    doc = with_mentions(
        "« Le financement n'est pas assuré », a ajouté l'intersyndicale. "
        "« Cela signifierait, s'insurgeait vendredi dernier l'académie des Sciences, que la science recule. » "
        "« Nous suivons la situation », a indiqué le ministère des Affaires étrangères.",
        [],
    )
    assert [speaker for speaker, _ in _said(doc)] == [
        "intersyndicale",
        "académie des Sciences",
        "ministère des Affaires étrangères",
    ]


def test_a_verb_in_the_present_right_after_the_quote_is_still_an_incise() -> None:
    doc = with_mentions(
        "« Rien n'est décidé » précise Xavier Darcos. « Nous verrons » promet le ministre Xavier Darcos.",
        [("Xavier Darcos", "PER"), ("Xavier Darcos", "PER")],
    )
    assert [speaker for speaker, _ in _said(doc)] == ["Xavier Darcos", "Xavier Darcos"]
