"""Definite descriptions that take up a body named before them: "the agency", "the commission", "the group".

English reporting names a body once and then refers to it by its head noun ("Human Rights Watch ... the group
said"; "the Central Electoral Commission ... the commission ruled"). A lone "the <noun>" (no adjective between,
no "of" after it, which would name another body) becomes a mention of the nearest body named before it whose
type fits the noun and, for most nouns, whose name holds the noun.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from kg import gazetteer
from kg.extract import lexicon, scan
from kg.extract.actors import ActorTable, Covered

REACH = 1500  # characters back to look for the body a description takes up


@dataclass(frozen=True)
class Head:
    types: frozenset[str]
    in_name: bool


@cache
def heads() -> dict[str, Head]:
    return {noun: Head(frozenset(types.split(",")), scope == "name") for noun, types, scope in
            lexicon.rows("definite_heads.tsv")}


@cache
def _regex() -> re.Pattern:
    return re.compile(rf"\b[Tt]he\s+({lexicon.alternation_of(heads())})\b(?!\s+(?:of|for|on|in)\b)(?![ \u00a0]+[A-Z])")


def definite_descriptions(table: ActorTable) -> None:
    """Add a mention of the body each lone definite description takes up."""
    covered = Covered([(m.start, m.end) for m in table.mentions])
    added = False
    for m in _matches(table.text, table.words):
        start, end = m.start(1), m.end(1)
        if start in covered or (end - 1) in covered:
            continue
        key = _antecedent(table, m.start(), m.group(1).lower())
        if key:
            table.mention(m.start(), end, key, "alias")
            added = True
    if added:
        table.finish()


def _matches(text: str, words: scan.WordIndex) -> Iterator[re.Match]:
    """``_regex().finditer(text)``, tried only where the whole word "the" stands (in lower case: the regex's "The" or
    "the" is a whole word, between a word boundary and a space), when the word index knows the text's offsets."""
    return scan.finditer(_regex(), text, words.positions("the") if words.lowered is not None else None)


def _antecedent(table: ActorTable, pos: int, noun: str) -> str | None:
    head = heads()[noun]
    floor = max(0, pos - REACH)
    while True:
        m = table.last_before(pos, head.types, floor)
        if m is None:
            return None
        entry = table.entries[m.key]
        if not head.in_name or noun in gazetteer.fold(entry.name).split():
            return m.key
        pos = m.start
