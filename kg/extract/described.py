"""Names typed by the noun beside them: "the rights group Zorvan", "Kalima, an independent newspaper".

A name of one word or an acronym tells nothing of what it names; reporting says it with a noun before the name
or in an apposition after it. Such a name is the body the noun says, not a person, wherever the text uses it.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from kg import gazetteer
from kg.extract import lexicon, scan

if TYPE_CHECKING:
    from kg.extract.actors import ActorTable, Covered  # lazy: kg.extract.actors imports this finder

WORD = r"[A-Z](?:[\w'’&-]|\.(?=\w))*"  # a period only inside a word ("U.N"), never the sentence's end
NAME = rf"({WORD}(?:[ \u00a0]+(?:(?:of|for|the|and|on|in)[ \u00a0]+)*{WORD}){{0,5}})"
MODIFIERS = r"(?:[\w-]+[ \u00a0]+){0,4}?"  # "a local", "an independent Paris-based"


@cache
def descriptors() -> dict[str, str]:
    """Noun phrase (lower case) -> actor type."""
    return {noun.lower(): type_ for noun, type_ in lexicon.rows("descriptor_nouns.tsv")}


@cache
def _before() -> re.Pattern:
    """"the rights group Zorvan", "rights group Zorvan": the noun, then the name."""
    nouns = scan.trie(sorted(descriptors(), key=len, reverse=True))  # lower case, longest first
    return re.compile(rf"\b(?i:(?:the[ \u00a0]+)?{MODIFIERS}({nouns}))[ \u00a0]+{NAME}(?![\w-])")


def noun_before_name() -> re.Pattern:
    """"the rights group Zorvan": the typing noun (group 1) and the name after it (group 2)."""
    return _before()


@cache
def _nouns() -> scan.Forms:
    return scan.Forms(descriptors())


@cache
def _noun_then_capital() -> re.Pattern:
    """A noun of ``_before()`` with the spaces and the capital after it that its name starts with, where a match
    of ``_before()`` has its noun."""
    nouns = scan.trie(sorted(descriptors(), key=len, reverse=True))
    return re.compile(rf"(?i:{nouns})[ \u00a0]+[A-Z]")


def _before_starts(table: ActorTable) -> list[int] | None:
    """Where a match of ``_before()`` can start: up to five words ("the" and four modifiers) before a noun that
    the spaces and the capital of a name follow (the noun positions of the word index, less those where
    ``_noun_then_capital()`` fails, which no match of ``_before()`` has its noun at). None: anywhere."""
    nouns = table.words.starts(_nouns(), ignorecase=True)
    if nouns is None:
        return None
    followed = _noun_then_capital()
    return scan.back_chunks(table.text, [q for q in nouns if followed.match(table.text, q)], 5)


@cache
def _after() -> re.Pattern:
    """"Zorvan, a local rights group,": the name, then the noun in an apposition."""
    return re.compile(rf"(?<![\w-]){NAME}{_apposition()}")


@cache
def _apposition() -> str:
    """The part of ``_after()`` from the comma after the name on."""
    nouns = lexicon.alternation_of(descriptors())
    return rf",[ \u00a0]+(?:an?|the)[ \u00a0]+{MODIFIERS}(?i:({nouns}))\b(?![ \u00a0]+of\b)"


COMMA_ARTICLE = re.compile(r",[ \u00a0]+(?:an?|the)[ \u00a0]")
NOT_IN_NAME = re.compile(r"[^\w'’&.\- \u00a0]")  # a character no NAME holds (a comma among them)


@cache
def _apposition_at() -> re.Pattern:
    return re.compile(_apposition())


def _after_starts(text: str) -> list[int]:
    """Where a match of ``_after()`` can start: it runs from within the stretch of name characters (no
    ``NOT_IN_NAME``) before a comma at which ``_apposition()`` matches."""
    out: set[int] = set()
    for m in COMMA_ARTICLE.finditer(text):
        if _apposition_at().match(text, m.start()):
            out.update(range(_last_stop(text, m.start()) + 1, m.start()))
    return sorted(out)


def _last_stop(text: str, end: int) -> int:
    """The position of the last ``NOT_IN_NAME`` character before ``end`` (-1 if none)."""
    while end > 0:
        low = max(0, end - 200)
        last = -1
        for x in NOT_IN_NAME.finditer(text, low, end):
            last = x.start()
        if last >= 0:
            return last
        end = low
    return -1


def _in_title(text: str, start: int) -> bool:
    """A capitalised noun after a capitalised word is part of a title ("the Law on Foreign NGO Activities"), not a
    description (a lower-case noun after one is: "the Arabic daily X")."""
    word = re.search(r"([A-Z][\w'’]*)[ \u00a0]+$", text[max(0, start - 30):start])
    return bool(word) and word.group(1) not in ("The", "A", "An") and not gazetteer.lookup(word.group(1),
                                                                                        ("name", "demonym"))


def _trimmed(name: str) -> str:
    """The name without a leading article, a possessive, or the date a sentence goes on with ("X on Friday")."""
    words = re.sub(r"['’]s$", "", name).split()
    for i, w in enumerate(words):
        if w in lexicon.calendar_words():
            words = words[:i]
            break
    while words and words[-1] in ("of", "for", "the", "and", "on", "in"):
        words.pop()
    while words and words[0] in ("The", "A", "An"):
        words.pop(0)
    return " ".join(words)


def find_described(table: ActorTable, taken: Covered) -> None:
    """Add each name the text types by a noun beside it, with every later use of the name."""
    found: dict[str, str] = {}
    for m in scan.finditer(_before(), table.text, _before_starts(table)):
        if not (m.group(1)[0].isupper() and _in_title(table.text, m.start(1))):
            found.setdefault(m.group(2), descriptors()[m.group(1).lower()])
    for m in scan.finditer(_after(), table.text, _after_starts(table.text)):
        found.setdefault(m.group(1), descriptors()[m.group(2).lower()])
    for name, type_ in found.items():
        name = _trimmed(name)
        if not name or table.find_key(name) or gazetteer.lookup(name, ("name", "demonym")):
            continue
        table.name_everywhere(name, type_, taken)


# "(?<![\w-])([A-Z]{1,4}[0-9]{1,3})(?![\w-])" with its first capital before the look behind, so that the engine
# seeks capitals at C speed (tests/test_scan.py compares the two)
CODED = re.compile(r"([A-Z](?<![\w-][A-Z])[A-Z]{0,3}[0-9]{1,3})(?![\w-])")


def find_coded_names(table: ActorTable, taken: Covered) -> None:
    """Letters and a number used as a name more than once ("the rebels of X23 ... X23 said"): a body (a movement,
    a forum of states), not a person, a date or a product code, which an article does not make a subject twice."""
    counts: dict[str, int] = {}
    for m in CODED.finditer(table.text):
        counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    for name, n in counts.items():
        if n < 2 or table.find_key(name):
            continue
        table.name_everywhere(name, "Organization", taken)
