"""Figures: numbers about abuses or their victims ("more than 40 political prisoners"), with country and date."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from kg.extract import lexicon, scan
from kg.extract.actors import ActorTable
from kg.extract.claims import actor_country, folded, holds_any, phrase_search, sentence_countries, sentences_at
from kg.extract.text import Sentence


@cache
def number_words() -> dict[str, int | None]:
    """Number words and their values (None: a vague quantity such as "dozens")."""
    return {row[0]: None if row[1] == "none" else int(row[1]) for row in lexicon.rows("number_words.tsv")}


@cache
def months() -> list[str]:
    """The months in lower case, January first."""
    return [row[0].lower() for row in lexicon.rows("months.txt")]


MULTIPLIERS = {"hundred": 100, "thousand": 1000, "million": 1_000_000}


@cache
def figure_regex() -> re.Pattern:
    """A number, with an optional qualifier ("more than") and multiplier ("11-hundred", "one million"), then up to four
    words (not "of more") before what it counts: a noun of the data file or a people's name ("Peruvians")."""
    nouns = "|".join(lexicon.label_regex(row[0]) for row in lexicon.rows("figure_nouns.txt"))
    return re.compile(rf"(?<![\w.,])(?:(?:approximately|about|around|nearly|almost|more\s+than|over|at\s+least|some|"
                      rf"(?:an\s+)?estimated|up\s+to)\s+)?{NUMBER}(?:-plus)?\s+(?!of\s+(?:more|them|us|those|these|\d))"
                      rf"(?P<what>(?:[\"\u201c'\u2018]?[\w-]+[\"\u201d'\u2019]?\s+){{0,4}}?(?:[\w]+-)?(?:{nouns}|"
                      rf"(?-i:[A-Z][a-z]+(?:ans|ese))))\b".replace("NUMBER_WORDS", "|".join(number_words())), re.IGNORECASE)


NUMBER = (r"(?!(?:19|20)\d\d\b)(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|one|NUMBER_WORDS)"
          rf"(?:[\s-]+(?P<mult>{'|'.join(MULTIPLIERS)})\b)?")


@cache
def total_regex() -> re.Pattern:
    """A count given after what it counts: "the number of jailed journalists in X rose to 19", "the total of political
    prisoners stands at 40"."""
    nouns = "|".join(lexicon.label_regex(row[0]) for row in lexicon.rows("figure_nouns.txt"))
    return re.compile(rf"\b(?:number|total|tally)\s+of\s+(?P<what>(?:[\w-]+\s+){{0,3}}?(?:{nouns}))\b[^.;:]{{0,40}}?"
                      rf"\b(?:to|at|is|was|reached|stands\s+at|stood\s+at)\s+(?:about\s+|some\s+|more\s+than\s+)?"
                      rf"{NUMBER}(?![\w,.]\d)".replace("NUMBER_WORDS", "|".join(number_words())), re.IGNORECASE)


@cache
def number_start() -> re.Pattern:
    """Where the number of a figure_regex or total_regex match can start (a digit that opens no year, "one", a number
    word, after no word character, period or comma): a sentence without one holds no count (a cheap first test)."""
    return re.compile(rf"(?<![\w.,])(?!(?:19|20)\d\d\b)(?:\d|one|{'|'.join(number_words())})", re.IGNORECASE)


def _value(m: re.Match) -> float | None:
    raw = m.group("num").lower().replace(",", "")
    if raw == "one" and not m.group("mult"):
        return None  # "one of them", "one year": a count only as "one million"
    value = 1 if raw == "one" else number_words().get(raw) if raw in number_words() else float(raw)
    if value is None:
        return None
    value = float(value) * MULTIPLIERS.get((m.group("mult") or "").lower(), 1)
    return value if math.isfinite(value) else None  # "1" and 400 zeros: beyond a float, not a count


def _counts_an_abuse(text: str, m: re.Match) -> bool:
    """A count with a word of an abuse or its toll in its clause ("at least 40 protesters were detained")."""
    clause = CLAUSE_SPLIT.split(text[max(0, m.start() - 60):m.end() + 80])
    window = next((c for c in clause if m.group("num") in c), text)
    return bool(phrase_search("figure_acts.txt", window))


@cache
def month_before() -> re.Pattern:
    """A month's name or abbreviation ending a text ("... in May ", "Dec. ")."""
    names = "|".join(months()) + "|" + "|".join(mon[:3] for mon in months()) + "|sept"
    return re.compile(rf"\b(?:{names})\.?\s*$")


def _is_date(text: str, m: re.Match) -> bool:
    """"in May 2019", "Dec. 3", "2020 election": a date or year, not a count."""
    before = text[max(0, m.start("num") - 12):m.start("num")].lower()
    return (bool(month_before().search(before))
            or bool(YEAR.match(m.group("num"))))


@dataclass
class FigureFound:
    value: float
    what: str
    country: str | None
    claimant: str | None
    date: str | None
    start: int
    end: int
    sentence: int


@cache
def _date_regexes() -> tuple[re.Pattern, re.Pattern]:
    """"(since) last May" and "May (3,) 2019", the months of the data file, compiled once."""
    names = "|".join(months())
    return (re.compile(r"\b(?:as\s+of\s+|since\s+|in\s+)?last\s+(" + names + r")\b", re.I),
            re.compile(r"\b(" + names + r")\s+(?:\d{1,2},\s+)?((?:19|20)\d{2})\b", re.I))


YEAR_MONTH = re.compile(r"\d{4}-\d{2}")
IN_YEAR = re.compile(r"\b(?:in|since|during|as\s+of)\s+((?:19|20)\d{2})\b")
LAST_YEAR = re.compile(r"\blast\s+year\b", re.I)
CLAUSE_SPLIT = re.compile(r"[;:]|\.\s")
YEAR = re.compile(r"(19|20)\d\d$")
SPACES = re.compile(r"\s+")


def resolve_date(text: str, published: str | None) -> str | None:
    """A year or year-month the sentence gives, relative forms resolved against the publication date."""
    pub = None
    if published and YEAR_MONTH.match(published):
        pub = date(int(published[:4]), int(published[5:7]), 1)
    last_month, month_year = _date_regexes()
    m = last_month.search(text)
    if m and pub:
        month = months().index(m.group(1).lower()) + 1
        year = pub.year - 1 if month >= pub.month else pub.year
        return f"{year}-{month:02d}"
    m = month_year.search(text)
    if m:
        return f"{m.group(2)}-{months().index(m.group(1).lower()) + 1:02d}"
    m = IN_YEAR.search(text)
    if m:
        return m.group(1)
    if pub and LAST_YEAR.search(text):
        return str(pub.year - 1)
    return None


def _counts(text: str):
    """The figure regex's matches, each next search starting after the number of the last one, so a number that is
    no count ("one of", a year) does not swallow the count after it ("one of at least five dissidents")."""
    lowered = folded(text)
    numbers = _number_starts(text, lowered)
    if numbers == [] or (numbers is None and not number_start().search(text)):
        return
    if numbers is None:  # (offsets or letters not the regex engine's: the plain search)
        pos = 0
        while m := figure_regex().search(text, pos):
            yield m
            pos = m.end("mult") if m.group("mult") else m.end("num")
    else:
        pos = 0
        while m := _figure_from(text, lowered, numbers, pos):
            yield m
            pos = m.end("mult") if m.group("mult") else m.end("num")
    if lowered is None or holds_any(lowered, TOTAL_WORDS):  # a total opens with one of its words
        yield from total_regex().finditer(text)


@cache
def _number_hint() -> re.Pattern:
    """The alternation of ``number_start()`` without its look-behind and look-ahead, for a lower-case text: a digit,
    "one" or a number word (as a tree of their shared beginnings: quicker than the case-insensitive alternation)."""
    return re.compile(r"\d|" + scan.trie({"one", *(w.lower() for w in number_words())}))


def _number_starts(text: str, lowered: str | None) -> list[int] | None:
    """``[m.start() for m in number_start().finditer(text)]``, tried only where ``_number_hint()`` finds a digit or a
    number word in ``lowered`` (the text's lower case; None, or of another length, when the regex engine compares
    other letters: then None). Why the same: where number_start matches, its alternation does, that is the hint in
    the lower case; a place inside a hint's match follows a letter or digit, where number_start's look-behind fails,
    so stepping over the hint's matches skips no start of number_start's (nor do its own matches, for the same
    reason)."""
    if lowered is None or len(lowered) != len(text):
        return None
    regex = number_start()
    return [q for m in _number_hint().finditer(lowered) if regex.match(text, q := m.start())]


TOTAL_WORDS = ("number", "total", "tally")  # the first words of total_regex
QUALIFIER_LETTERS = "anmosue"  # the first letters of figure_regex's qualifiers ("approximately" ... "up to")
TWO_WORDS_BACK = re.compile(r"(?:\s*\S*){2}")  # (on the text reversed) the spaces and words of two words before a place


def _figure_from(text: str, lowered: str, numbers: list[int], pos: int) -> re.Match | None:
    """``figure_regex().search(text, pos)``, tried only where a match can start: a match's number starts where
    ``number_start()`` finds one (the same look-behind and year test; a number word is a whole word, so no number
    start hides inside another), and the match starts there or at its qualifier, at most two words before it, with
    one of the qualifiers' first letters (``lowered``: the text's lower case, as the regex engine compares) after no
    word character (the look-behind). The
    places are tried in order, each once: the first that matches is where the search finds its match."""
    tried = pos
    regex = figure_regex()
    for n in numbers:
        if n < pos:
            continue
        back = TWO_WORDS_BACK.match(text[n - 1::-1]).end() if n else 0
        for q in range(max(tried, n - back), n + 1):
            may_start = q == n or (lowered[q] in QUALIFIER_LETTERS and not (q and text[q - 1].isalnum()))
            if may_start and (m := regex.match(text, q)):
                return m
        tried = n + 1
    return None


@cache
def _count_words() -> scan.Forms:
    """The words a count can open with but a digit: a number word ("one", "forty"), or "number", "total", "tally"
    (``total_regex``)."""
    return scan.Forms(["one", *number_words(), "number", "total", "tally"])


DIGIT = re.compile(r"\d")


def _may_count(actors: ActorTable, sents: list[Sentence]) -> set[int] | None:
    """The sentences in which ``_counts`` may find a count (None: not known): those with a digit, or with a word of
    ``_count_words()``. The number word of a ``figure_regex`` match is a whole word (after no word character, before
    a space or hyphen); ``total_regex`` needs "number of", "total of" or "tally of". In an ASCII text the digits are
    found in one scan of the text."""
    starts = actors.words.starts(_count_words(), ignorecase=True)
    if starts is not None and actors.text.isascii():  # (a sentence whose text is not the text's there is kept anyway)
        return sentences_at(actors.text, sents, sorted([*starts, *(m.start() for m in ASCII_DIGITS.finditer(actors.text))]))
    maybe = sentences_at(actors.text, sents, starts)
    if maybe is not None:
        maybe |= {i for i, s in enumerate(sents) if DIGIT.search(s.text)}
    return maybe


# the digits (\d) of an ASCII text, a run at a time: a quicker scan (a run that starts before a sentence and goes on
# into it cuts a word at the sentence's start, which keeps the sentence)
ASCII_DIGITS = re.compile(r"[0-9]+")


def find_figures(sents: list[Sentence], actors: ActorTable, speaker_at, main_country: str | None,
                 self_countries: set[str], author: str | None, published: str | None) -> list[FigureFound]:
    out = []
    maybe = _may_count(actors, sents)
    for i, sent in enumerate(sents):
        for m in _counts(sent.text) if maybe is None or i in maybe else ():
            value = _value(m)
            if value is None or _is_date(sent.text, m) or not _counts_an_abuse(sent.text, m):
                continue
            what = SPACES.sub(" ", m.group("what"))
            speaker, _ = speaker_at(sent)
            claimant = speaker or author
            countries = sentence_countries(actors, sent, set(self_countries) | {actor_country(actors, claimant)})
            # where the sentence names two countries alike ("troops of X and Y"), the article's own
            country = max(countries, key=lambda c: (c[2], c[1] == main_country))[1] if countries else main_country
            if any(f.value == float(value) and f.country == country for f in out):
                continue  # the same count repeated later in the article
            out.append(FigureFound(float(value), what, country, claimant, resolve_date(sent.text, published),
                                   sent.start + m.start("num"), sent.start + m.end(), sent.index))
    return out
