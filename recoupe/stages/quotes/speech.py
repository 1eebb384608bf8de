"""The words of reported speech: verbs of speech, incises, attributions, and what is not a quote.

Patterns only; ``quotes`` and ``speakers`` decide with them. French first, with the English and
German forms the quotes stage reads.
"""

from __future__ import annotations

import re

from ...lexicon.words import alternation

__all__ = [
    "ACCORDING",
    "ACCORDING_INSIDE",
    "AFTER",
    "AFTER_NAME_FIRST",
    "APPOSITION_VERB",
    "ATTRIBUTED",
    "BEFORE_SPEECH",
    "CHAINED",
    "CHARGE_LEAD",
    "CHARGE_LIST",
    "CHARGE_WORDS",
    "CONNECTOR",
    "CONTINUATION_REACH",
    "CONTINUED",
    "DEMONYM",
    "DESCRIBED_SUBJECT",
    "DESCRIPTION",
    "FRONTED",
    "HEADING_QUOTE",
    "INDEFINITE",
    "INSIDE",
    "INSIDE_PRONOUN",
    "INVERTED_BEFORE",
    "JUDICIAL",
    "LATER",
    "NAME_CONTEXT",
    "NAME_WORDS",
    "NARRATIVE_INFINITIVE",
    "NO_SUBJECT",
    "OPENING",
    "OPEN_CLOSE",
    "PRONOUN",
    "QUOTE",
    "QUOTE_LIST",
    "REFLEXIVE",
    "RELATIVE",
    "REPORTED",
    "SLOGAN",
    "SOURCE_AFTER",
    "SPEECH",
    "STANDALONE_WORDS",
    "SUBJECT",
    "SUBJECT_LEAD",
    "SUBJECT_START",
    "TIME_WORDS",
    "TOLD_WHERE",
    "UNNAMED_INSIDE",
    "UNNAMED_NEAR",
    "WHEN",
    "WHO",
    "WHO_AFTER",
]

#: the roots of the verbs of speech (recoupe/data/speech_verbs.txt)
_SPEECH_ROOTS = alternation("speech_verbs")
#: endings of the nouns that share a verb's root: "déclaration", "rapport", "commentaire", "jugement", "appel"
_NOUN = r"(?:ation|ition|ution|tion|sion|ion|ement|aire|eur|euse|ance|ence|ité|ure)s?\b"
#: the verbs of speech, each root followed by anything but a noun's ending: "déclar\w*" is not "déclaration"
SPEECH = (
    _SPEECH_ROOTS.replace(r"\w*", rf"(?!\w*{_NOUN})\w*")
    .replace("rapport(?!", r"rapport(?!s?\b)(?!")
    .replace("appel(?!", r"appel(?!s?\b)(?!")
    .replace("constat(?!", r"constat(?!s?\b)(?!")
)
OPEN_CLOSE = {"«": "»", "“": "”", '"': '"'}
#: verbs of speech compiled once (a pattern built in a function is looked up in, and pushed out of, the regular-expression
#: cache on every call): anywhere, and starting a word
SPEECH_ANYWHERE = re.compile(SPEECH, re.IGNORECASE)
SPEECH_WORD = re.compile(rf"\b(?:{SPEECH})", re.IGNORECASE)
QUOTE = re.compile(r"«\s*(?P<a>[^«»]+?)\s*»|“(?P<b>[^“”]+?)”|\"(?P<c>[^\"\n]+?)\"|„(?P<d>[^„“”]+?)[“”]")
PRONOUN = r"il|elle|ils|elles|he|she|er|sie"
#: a reflexive verb of speech after a quote: ", s'est indigné le député", ", s'est félicité Liu Peng", ", se défend
#: Gilles Pargneaux", ", s'amuse un de ses collègues"
REFLEXIVE = (
    r"(?:s['’](?:est|était)\s+(?:\w+\s+)?|se\s+|s['’](?=[aeéiouy]))"
    r"(?:indign|félicit|réjou|exclam|emport|inqui[éè]t|insurg|amus|étonn|plaint|plaign|défend|exprim|interrog|alarm|"
    r"rengorg|justifi|désol|lament)\w*"
)
#: a speaker after the verb: a name, maybe behind a title with a full stop ("M. Carter")
WHO = r"(?:\b(?:M|Mme|Me|Dr|Mr|Mrs|Pr)\.\s*|[^.,;:!?«»\"]){2,80}"
#: the speaker after where the words were said: "[a indiqué à l'AFP,] Sonam, 32 ans"
WHO_AFTER = re.compile(rf",\s*(?P<who>{WHO})")
#: ", a-t-il ajouté" / "avait-il souligné" / ", a indiqué M. Carter" / ", a assuré le commandant Paul Mercier"
AFTER = re.compile(
    rf"^\s*,?\s*(?:(?:(?:a|avait|ont|avaient|aurait)(?:-t)?|s['’](?:est|était))-(?P<p1>{PRONOUN}|on)\s+(?:\w+\s+){{0,2}}?(?:{SPEECH})"
    rf"|(?:{SPEECH})-(?:t-)?(?P<p2>{PRONOUN}|on)\b"
    rf"|(?:{SPEECH})\s+(?P<p3>er|sie|man)\b"  # German: "sagte er", "fügte sie hinzu"
    rf"|(?P<p4>he|she)\s+(?:{SPEECH})\b"  # English: "he said"
    rf"|(?:a|avait|ont|has|had)?\s*(?:(?:\w+|d['’]abord)\s+){{0,3}}?(?:{SPEECH}|{REFLEXIVE}|selon|d['’]après)\s+(?P<who>{WHO})"
    rf"|(?-i:so\s+(?P<so>[A-ZÄÖÜ][\w-]+(?:\s+[A-ZÄÖÜ][\w-]+)?))\b)",  # German: "…", so Häupl
    re.IGNORECASE,
)
#: English order, name before verb: '"…," Carter told reporters' / '"…," said Ashton Carter' is AFTER
AFTER_NAME_FIRST = re.compile(
    rf"^\s*,?\s*(?P<who>(?:(?:Mr|Mrs|Ms|Dr)\.\s*)?(?:[A-Z][\w'’-]+\s+)?(?:[a-z]+\s+){{0,2}}"  # "Ash director …"
    rf"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,3}}"
    r"|the\s+[^,.;:!?\"“”]{2,60},\s*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3},?"  # "the mayor of Paris, Anne Hidalgo,"
    rf")\s+(?:{SPEECH})\b"
)
#: an incise later in the sentence: "« … » contrôlés par les jihadistes, a-t-il déclaré."
LATER = re.compile(
    rf"^[^.«»\"]{{0,200}}?,\s*(?:(?:a|avait)-t-(?P<p1>{PRONOUN})\s+(?:{SPEECH})|(?:(?:a|avait)\s+(?:{SPEECH})|"
    rf"(?:{SPEECH})(?<!ant)(?=\s+(?:(?:le|la|les|l['’]|un|une|son|sa)\b|M\.|Mme|[A-ZÀ-Ý])))\s+(?P<who>{WHO}))",
    re.IGNORECASE,
)
#: a day or an adverb that may stand between a verb of speech and its speaker: "a déclaré mardi", "a dit encore"
WHEN = r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|encore|ainsi"
#: where or to whom words were said, between the verb and the speaker: "à l'AFP", "sur France 2", "à la presse",
#: "lors d'un point de presse,"
TOLD_WHERE = re.compile(
    rf"^\s*(?:(?:{WHEN})\s+)?"
    r"(?:(?:à|au|aux|sur|dans|devant|auprès\s+de|auprès\s+d['’]|auprès\s+du)\s+(?:l['’]|la\s+|le\s+|les\s+)?[\w'’-]+"
    r"(?:\s+[A-ZÀ-Ý0-9][\w'’-]*)*|lors\s+d['’](?:un|une)\s+[\w'’ -]+)\s+"
)
#: "« est en place » et « se prépare … », a annoncé M. Carter": the first quote shares the second's speaker
CHAINED = re.compile(r"^\s*,?\s*(?:et|and|und|ou|voire|mais|or)\s+[«“\"]")
#: "pense lui aussi que", "estime pour sa part que": a verb of speech, then who else says so, before "que"
_TOO = r"(?:\s+(?:(?:lui|elle|eux|elles)\s+)?(?:aussi|également|même|pour\s+sa\s+part|de\s+son\s+côté))?"
BEFORE_SPEECH = re.compile(
    rf"(?:{SPEECH}){_TOO}\s*(?:que|qu['’])?\s*:?\s*$|:\s*$|\bpour\s+[^,]+,[^,]*:\s*$", re.IGNORECASE
)
#: an incise inside the quote, up to the full stop or the comma that closes it: "« Le défi est le même, remarque
#: Éric Charbonnier, expert à l'OCDE. Après … »", "« Cela signifierait, s'insurgeait l'académie des Sciences, que … »"
INSIDE = re.compile(
    rf",\s*(?:(?:a|avait)\s+)?(?:{SPEECH}|{REFLEXIVE})(?:\s+(?:encore|aussi|alors|vendredi dernier|hier|lundi|mardi|"
    rf"mercredi|jeudi|vendredi|samedi|dimanche))?\s+(?P<who>(?:\b(?:M|Mme|Me|Dr)\.\s*|[^.,;:!?«»\"]){{2,60}}?)"
    r"(?:\s+à\s+[^.,]*)?[.,]",
    re.IGNORECASE,
)
#: "… mes enfants, dit-il encore. …" : a pronoun incise inside the quote
INSIDE_PRONOUN = re.compile(
    rf",\s*(?:(?:a|avait)-t-(?P<p1>{PRONOUN})\s+(?:{SPEECH})|(?:{SPEECH})-(?:t-)?(?P<p2>{PRONOUN}))\b", re.IGNORECASE
)
REPORTED = re.compile(
    rf"(?P<lead>(?:^|[.;]\s+|,\s+))(?P<who>[A-ZÀ-Ý][^,;:.!?«»\"]{{1,80}}?)\s+(?:a|avait|ont|aurait)\s+(?:\w+\s+){{0,2}}?"
    rf"(?:{SPEECH})\s+(?:que|qu['’])\s*(?P<what>[^«»\"]+?)(?=[.!?](?:\s|$))",
)
#: "Selon le commandant Paul Mercier, des pompiers du Rhône, le feu a pris …": the source may carry an apposition
ACCORDING = re.compile(
    r"(?:^|[.;]\s+)(?:Selon|D['’]après|According to|Laut)\s+"
    r"(?P<who>[^,;]{2,60}(?:,\s*(?:de|du|des|d['’]|of)\s*[^,;]{2,60})?),\s*(?P<what>[^«»\"]+?)(?=[.!?](?:\s|$))"
)
#: a definite noun phrase opening a clause, up to its verb: "Le dalaï lama a aussi ", "L'ambassade américaine a "
SUBJECT = re.compile(
    r"^\s*(?:(?:le|la|les)\b|l['’])\s*(?P<np>[\w'’-]+(?:\s+(?!(?:a|avait|ont|aurait|est|était|se|ne|qui|et)\b)[\w'’-]+){0,5}?)"
    rf"\s+(?:(?:a|avait|ont|aurait|est|était|se|s['’]\w+|n['’]\w+|ne)\b[^,;:]*|(?-i:{SPEECH})[^,;:]*)?$",
    re.IGNORECASE,
)
#: a sentence that gives its source first: "Pour la LDH, il s'agit d'un « … »", "Selon le magistrat, … « … »",
#: "Pour le président, il s'agit de …" (after "Pour", a name or an office: not "Pour la première fois")
ATTRIBUTED = re.compile(
    r"(?:^|[.;!?]\s+|\n)\s*(?:Pour\s+(?=(?:l['’]|la\s+|le\s+|les\s+)?[A-ZÀ-Ý]|(?:l['’]|la\s+|le\s+)(?:"
    r"président|présidente|ministre|premier\s+ministre|chef|porte-parole|secrétaire|directeur|directrice|maire|"
    r"procureur|juge|avocat|avocate|syndicat|gouvernement|économiste|sociologue|politologue|historien|historienne|"
    r"député|députée|sénateur|sénatrice|élu|élue)\b)|Selon\s+|D['’]après\s+)"
    r"(?P<who>[^,.;:«»\"]{2,80}),"
)
#: an incise that opens the sentence, before the clause with the quote: "Sur le fond, résume un responsable syndical de
#: la magistrature, Rachida Dati est accusée de mener « … »"
FRONTED = re.compile(
    rf"\s*(?:[^,.;:«»\"]{{1,60}},\s*)?(?:{SPEECH})\s+(?P<who>(?:un|une|le|la|l['’]|[A-ZÀ-Ý])[^,.;:«»\"]{{1,80}}),\s*"
    r"[^\n]*$"
)
#: "selon X" inside a sentence: "Cette révélation avait été, selon Me Meyer, « … »"
ACCORDING_INSIDE = re.compile(r"\b(?:selon|d['’]après)\s+(?P<who>[^,.;:«»\"]{2,80})", re.IGNORECASE)
#: a clause with no subject before its verb: ", a estimé", ", a de son côté annoncé", ", avait-il"
NO_SUBJECT = re.compile(
    r"^\s*(?:(?:a|avait|ont|avaient|aurait|est|était|s['’]est|s['’]était|se)\b(?:\s+[\w-]+){0,3}\s*)?$"
)
#: an apposition whose closing comma was left out, then the verb: " porte-parole de l'UMP a " (no article: not a subject)
APPOSITION_VERB = re.compile(
    r"^\s*(?!(?:le|la|les|il|elle|on|ils|elles)\b)[a-zà-ÿ][\w-]*(?:\s+[\w'’-]+){0,6}\s+(?:a|avait)\s*$"
)
#: an incise before a quote, the subject after its verb: "[Ces poids lourds, dit] le 44e président, « … »"
INVERTED_BEFORE = re.compile(r"\s+(?P<who>(?:le|la|l['’]|M\.|Mme|[A-ZÀ-Ý])[^,:;«»\"]{1,80}?)\s*[,:]\s*$")
#: days and times that may open what follows a verb: "jeudi soir", "hier matin", "ainsi"
TIME_WORDS = re.compile(
    rf"^\s*(?:(?:{WHEN}|aujourd['’]hui|aussi|"
    r"soir|matin|midi|après-midi|dernier|ensuite|alors|également)\s+)*",
    re.IGNORECASE,
)
#: how a speaker named after a verb begins: an article, a possessive, a title, a capital, a pronoun
SUBJECT_START = re.compile(
    r"(?:(?i:le|la|les|l['’]|un|une|des|son|sa|ses|leur|ce|cet|cette|celui|celle|il|elle|on)\b|[A-ZÀ-Ý0-9])"
)
#: a relative clause after the speaker, whose names are not the speaker's: " qui connaît bien Laurence Ferrari"
RELATIVE = re.compile(r"\s+(?:qui|dont|lequel|laquelle|lesquels|who|whose|which)\b")
#: a quote's source named in the sentence after it: "« … ». C'est ce qu'explique mardi le site de La Tribune."
SOURCE_AFTER = re.compile(
    rf"\s*[.!?]?\s*(?:C['’]est|Voilà)\s+ce\s+qu['’](?:a\s+|ont\s+|avait\s+)?(?:{SPEECH})\s+"
    rf"(?:(?:{WHEN}|notamment)\s+)?(?P<who>{WHO})"
)
#: a line that is only a quote: a heading ("« Hypocrisie »", "\"Raisons techniques\"")
HEADING_QUOTE = re.compile(r"\s*[«“\"][^«»“”\"\n]+[»”\"]\s*[.!?]?\s*")
#: who an incise inside a quote leaves unnamed: "rapporte un proche", "assure son porte-parole", "dit l'entourage"
UNNAMED_INSIDE = re.compile(r"^\s*(?:un|une|son|sa|leur|l['’]entourage|son\s+entourage|on)\b", re.IGNORECASE)
#: a sentence that opens with a described subject, maybe after a time or a place: "[Alors qu'…, ]l'Américain émet"
DESCRIBED_SUBJECT = re.compile(
    r"(?:[^,.;:«»\"\n]{0,80},\s*){0,3}(?P<description>(?:le|la|l['’])\s*[\w-]+(?:\s+[a-zà-ÿ-]+)?)(?=\s+\w)"
)
#: what may stand between two quotes of one speaker: nothing, "et", "ou", "or", "mais", "voire", "et que"
CONNECTOR = re.compile(r"^\s*,?\s*(?:(?:et|ou|or|mais|voire|puis)(?:\s+(?:que|qu['’]))?)?\s*,?\s*$", re.IGNORECASE)
#: words of a crowd or a placard, nobody's words: "aux cris de", "des slogans comme", "tels étaient les slogans",
#: "pouvait-on lire sur les pancartes"
SLOGAN = re.compile(
    r"(?:slogans?|pancartes?|banderoles?|cris\s+de|scand\w*|chant\w*\s+de|pouvait-on\s+lire|peut-on\s+lire)"
    r"[^.«»\"]{0,40}$|^[\s»\"”]*[,.]?\s*(?:tels?\s+étaient|pouvait-on\s+lire|peut-on\s+lire|scand)",
    re.IGNORECASE,
)
#: the quotation marks closing a quote and the quotes listed after it
QUOTE_LIST = re.compile(r"\s*[»\"”]?(?:\s*(?:,|et|ou)\s*[«\"“][^«»\"“”\n]{1,120}[»\"”])*")
#: a speaker left unnamed behind an indefinite article: "un ancien haut fonctionnaire", "une source proche"
INDEFINITE = re.compile(r"^\s*(?:un|une|des)\s", re.IGNORECASE)
#: a speaker written as a description, not a name: "le manager d'Astana", "le coureur", "l'Américain"
DESCRIPTION = re.compile(r"^(?:le|la|l['’]|les|ce|cet|cette|the|der|die)\b", re.IGNORECASE)
#: a quote of at least this many words opening a paragraph is a quote without a verb of speech
STANDALONE_WORDS = 6
#: quoted words this short right after "dans le", "au", "le journal" ... are a name, not a quote
NAME_WORDS = 4
NAME_CONTEXT = re.compile(
    r"(?:\b(?:dans|au|aux|du|le|la|les|l['’]|journal|quotidien|magazine|site|film|livre|émission|opération|"
    r"programme|dispositif|label|journée|campagne|festival|salon|colloque|forum|rubrique|chanson|album|série|"
    r"spectacle|exposition|ouvrage|roman|baptisée?|surnommée?|intitulée?)"
    r"|\bsur)\s*$",
    re.IGNORECASE,
)
#: a legal charge is named in a few words
CHARGE_WORDS = 8
CHARGE_LEAD = re.compile(r"\b(?:pour|de|d['’]|chefs?\s+(?:de\s+|d['’]))\s*$", re.IGNORECASE)
CHARGE_LIST = re.compile(r"\s*(?:,|et|ou)\s*$")
JUDICIAL = re.compile(
    r"examen|poursuivi|inculp|condamn|plainte|accus|soupçonn|chefs?\s+d|délit|crime|infraction|mis en cause|renvoy|"
    r"procès|information judiciaire|enquête|charged|indicted",
    re.IGNORECASE,
)
#: a quote opening a sentence this close after the previous quote continues it ("… », a ajouté M. Carter. « … »)
CONTINUATION_REACH = 80
#: a participle of speech that continues the sentence's subject: "…, estimant que", "…, tout en dénonçant"
CONTINUED = re.compile(r"(?:(?:^|,)\s*(?:tout\s+)?|\ben\s+)(?:en\s+)?(?:\w+ment\s+)?$")
#: "Et de conclure", "Et d'ajouter": the previous speaker goes on
NARRATIVE_INFINITIVE = re.compile(r"(?:^|[.,:;]\s*)[Ee]t\s+(?:de\s+|d['’])$")
#: a clause that opens with its subject: a name (maybe behind an article or a title), a pronoun, a description
OPENING = re.compile(r"^\s*(?:(?:le|la|les|l['’])\s*|(?:M|Mme|Me|Dr)\.?\s+)?")
#: a single capitalised word with the ending of a people's name: "Belge", "Américain", "Chinois", "Texan"
DEMONYM = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ]*(?:ais|aise|ain|aine|ien|ienne|ois|oise|ge|and|ande|ol|ole|ote|que|an|ane)$")

#: words before a quote that leave its speaker unnamed: "a-t-on", "l'entourage", "selon un proche"
UNNAMED_NEAR = re.compile(
    r"\b(?:on|l['’]entourage|un proche|une source|des sources|selon (?:un|une|des))\b", re.IGNORECASE
)
#: what may stand before a name that opens a clause as its subject: "Le ministre cambodgien de la Défense ", "M. "
SUBJECT_LEAD = re.compile(
    r"\s*(?:(?:le|la|les|l['’]|the)\s*(?:[\w'’-]+\s+){0,5}?)?(?:(?:M|Mme|Me|Dr|Mr|Mrs|Ms)\.?\s*)?", re.IGNORECASE
)
