"""Issue 18: two figures conflict only when they measure one quantity of one subject at one time and scope."""

from dataclasses import replace

from recoupe.model import DateMention, Span
from recoupe.stages.crosscheck.figures import figure_conflicts
from recoupe.stages.figures import find_figures

from ..conftest import with_mentions


def _docs(*texts: str, names: list[tuple[str, str]] | None = None, published: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    docs = []
    for n, text in enumerate(texts):
        found = [(name, label) for name, label in (names or []) if name in text]
        doc = with_mentions(text, found, id=f"d{n}", published=published[n] if published else None)
        docs.append(replace(doc, figures=find_figures(doc)))
    return docs


def test_the_same_count_of_one_thing_in_two_reports_is_a_confident_conflict() -> None:
    docs = _docs(
        "Quelque 5 000 combattants de l'EI sont retranchés dans Mossoul, selon l'armée.",
        "Les 30 000 combattants de l'EI présents dans Mossoul résistent.",
        names=[("Mossoul", "LOC")],
    )
    [conflict] = figure_conflicts(docs)
    assert conflict.stated and conflict.status == "conflict" and "cannot both hold" in conflict.reason


def test_a_usual_figure_does_not_conflict_with_one_evening() -> None:
    docs = _docs(
        "L'émission réunit habituellement 5 millions de téléspectateurs.",
        "L'émission a réuni 8 millions de téléspectateurs ce soir-là.",
    )
    assert figure_conflicts(docs) == []


def test_a_figure_and_its_rounding_agree() -> None:
    docs = _docs(
        "Le journal a attiré 9,6 millions de téléspectateurs.",
        "Le journal a attiré près de dix millions de téléspectateurs.",
    )
    assert figure_conflicts(docs) == []


def test_two_candidates_shares_are_two_quantities() -> None:
    docs = _docs(
        "Martine Aubry a obtenu 42 % des voix des militants.",
        "Ségolène Royal a obtenu 29 % des voix des militants.",
        names=[("Martine Aubry", "PER"), ("Ségolène Royal", "PER")],
    )
    assert figure_conflicts(docs) == []


def test_a_forecast_is_not_a_result() -> None:
    names = [("Insee", "ORG")]
    result = "Selon l'Insee, l'économie a connu 1 % de croissance cette année."
    assert figure_conflicts(
        _docs("Selon l'Insee, l'économie a connu 2 % de croissance cette année.", result, names=names)
    )
    forecast = "Selon l'Insee, l'économie devrait connaître 2 % de croissance cette année."
    assert figure_conflicts(_docs(forecast, result, names=names)) == []


def test_a_later_report_raising_a_toll_is_an_update() -> None:
    docs = _docs(
        "L'explosion a fait 12 morts à Lyon.",
        "L'explosion a fait 19 morts à Lyon.",
        names=[("Lyon", "LOC")],
        published=("2024-03-12", "2024-03-13"),
    )
    [update] = figure_conflicts(docs)
    assert update.status == "update" and not update.stated


def test_the_one_bare_count_each_report_gives_compares_but_not_one_of_several() -> None:
    one = _docs("Quatre salariés ont été blessés.", "Trois salariés ont été blessés.")
    [conflict] = figure_conflicts(one)
    assert not conflict.stated  # nothing but the unit says they count one thing: possible
    fire = _docs("Quatre salariés ont été blessés dans l'incendie.", "L'incendie a blessé trois salariés.")
    assert [c.stated for c in figure_conflicts(fire)] == [True]  # the counts of one event
    several = _docs("Quatre salariés ont été blessés et 40 salariés évacués.", "Trois salariés ont été blessés.")
    assert figure_conflicts(several) == []
    far_apart = _docs("Quatre salariés ont été blessés.", "L'usine compte 300 salariés.")
    assert figure_conflicts(far_apart) == []


def test_two_nearly_equal_counts_one_bare_are_a_possible_conflict() -> None:
    """Issue 18: "205 délégations en tout" against "204 délégations d'athlètes": one count written two ways, listed as
    possible (nothing names it in both reports)."""
    docs = _docs(
        "La cérémonie a vu défiler 205 délégations en tout.",
        "Après le défilé des 204 délégations d'athlètes, le président a ouvert les Jeux.",
    )
    [conflict] = figure_conflicts(docs)
    assert conflict.status == "conflict" and not conflict.stated


def test_distant_bare_counts_are_no_near_miss() -> None:
    """Tempting: 180 and 205 delegations in reports that each count delegations twice (two things counted); sums of
    money 2 % apart (a story gives many: gross and net, before and after tax)."""
    docs = _docs(
        "Les 180 délégations ont défilé, puis 12 délégations ont salué.",
        "Il y a 205 délégations, dont 30 délégations africaines.",
    )
    assert figure_conflicts(docs) == []
    money = _docs(
        "La banque a perdu 1,23 milliard d'euros, et 300 millions d'euros sur un seul desk.",
        "Une perte de 1,25 milliard d'euros en tout, et 40 millions d'euros de frais.",
    )
    assert figure_conflicts(money) == []


def test_a_figure_of_a_named_year_is_not_compared_with_one_of_another_year() -> None:
    """Issue 18: "62 millions au troisième trimestre 2007" (a year back) against "234 millions au troisième trimestre"
    of a report published in 2008."""
    docs = _docs(
        "Le pôle a dégagé un résultat de 62 millions d'euros au troisième trimestre 2007.",
        "Natixis a perdu 234 millions d'euros au troisième trimestre.",
        published=("2008-11-06", "2008-11-06"),
    )
    assert figure_conflicts(docs) == []
    same = _docs(
        "Natixis a perdu 62 millions d'euros au troisième trimestre 2008.",
        "Natixis a perdu 234 millions d'euros au troisième trimestre.",
        published=("2008-11-06", "2008-11-06"),
    )
    assert len(figure_conflicts(same)) == 1


def test_values_both_reports_give_are_two_quantities() -> None:
    """Issue 18: a share that "dropped to 94.7 percent in July and to 92.9 percent in October", in two reports: each
    report gives both values, so neither contradicts the other."""
    sentence = "The share of Internet Explorer dropped to 94.7 percent in July and to 92.9 percent on Oct. 29."
    names = [("Internet Explorer", "ORG")]
    assert figure_conflicts(_docs(sentence, sentence.replace("The share", "Its share"), names=names)) == []
    assert len(figure_conflicts(_docs(sentence, sentence.replace("94.7", "95.5"), names=names))) == 1


def test_counts_of_others_and_vague_amounts_are_no_conflict() -> None:
    """Issue 18: "the other three countries" against "six countries"; "des milliers de personnes" against "49.000
    personnes" (thousands, at least)."""
    others = _docs(
        "The two blocs will converge with the other three countries.", "Six countries pooled their resources."
    )
    assert figure_conflicts(others) == []
    vague = _docs(
        "Des milliers de personnes ont manifesté à Paris.",
        "La manifestation a réuni 49.000 personnes à Paris.",
        names=[("Paris", "LOC")],
    )
    assert figure_conflicts(vague) == []


def test_figures_of_reports_days_apart_or_of_two_named_days_are_two_moments() -> None:
    """Issue 18: a strike's closed metro lines, nine on one day and fourteen two weeks later."""
    lines = ("Neuf lignes de métro sont fermées.", "Quatorze lignes de métro sont fermées.")
    assert figure_conflicts(_docs(*lines, published=("2019-12-09", "2019-12-28"))) == []
    assert len(figure_conflicts(_docs(*lines, published=("2019-12-09", "2019-12-10")))) == 1
    named = ("Neuf lignes de métro étaient fermées lundi.", "Quatorze lignes de métro étaient fermées mardi.")
    assert figure_conflicts(_docs(*named)) == []


def test_a_figure_whose_sentence_names_another_year_is_of_that_year() -> None:
    """Issue 18: "in 1952 six countries pooled their coal" against a count of 2004."""
    docs = _docs(
        "The union was born in 1952 when six countries pooled their coal.",
        "Then 4 countries joined the union.",
        published=("2004-12-09", "2004-12-09"),
    )
    year = Span("d0", docs[0].text.index("1952"), docs[0].text.index("1952") + 4)
    docs[0] = replace(docs[0], dates=(DateMention(year, "1952", "1952", "year"),))
    assert figure_conflicts(docs) == []
    undated = _docs("The union was born when six countries pooled their coal.", "Then 4 countries joined the union.")
    assert len(figure_conflicts(undated)) == 1


def test_figures_of_two_named_things_or_a_whole_and_its_part_are_no_conflict() -> None:
    """Issue 18: the prices of two cars; "tuant cinq personnes dont une femme" at one bar against "neuf personnes, dont
    plusieurs Kurdes" in all (a "dont" after a figure does not make it a part)."""
    names = [("Taycan", "MISC"), ("Audi", "ORG"), ("CGT", "ORG"), ("Intérieur", "ORG")]
    cars = _docs(
        "La berline Taycan est accessible à partir de 108 632 €.",
        "L'Audi est accessible à partir de 83 880 €.",
        names=names,
    )
    assert figure_conflicts(cars) == []
    sources = _docs(
        "Selon le syndicat CGT, la manifestation a réuni 4 700 personnes.",
        "Selon le ministère de l'Intérieur, la manifestation a réuni 3 100 personnes.",
        names=names,
    )
    assert len(figure_conflicts(sources)) == 1
    wholes = _docs("Il a tué neuf personnes, dont plusieurs Kurdes.", "Il a tué six personnes, dont une femme.")
    assert len(figure_conflicts(wholes)) == 1
