"""A state's forces named by a common noun ("the police", "the army", "Ruritanian police") as one actor.

Reporting names a police force or an army once in full, if at all, and then by its common noun; readers take
"the police" of an article about one country as that country's police. Mentions of such a noun become
mentions of the body the article names (the only one of its kind of that country), or of a body named after the
country ("Ruritanian police") when the text ties the noun to it: by a demonym or possessive before the noun, or,
for a kind with a name template, by two or more bare mentions in an article about that country. A noun after a
word naming a unit ("riot police", "Harbour City police") is that unit, not the national force.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg import gazetteer
from kg.extract import lexicon, scan
from kg.extract.actors import ActorTable, Mention
from kg.identity import org_key

BODY_TYPES = {"GovernmentBody"}
REACH = 600  # characters back to the country a government noun belongs to
NAME_SPAN = 300  # longer than any name a mention holds: the window in which a noun's overlapping mentions lie
ARTICLES = {"The", "A", "An"}
LOWER_WORD_END = re.compile(r"\s[a-z][\w-]*$")
POSSESSIVE_SPACE = re.compile(r"(?:['’]s)?\s")
LAST_WORD = re.compile(r"([\w'’-]+)\s+$")


@dataclass(frozen=True)
class ForceKind:
    kind: str
    nouns: re.Pattern
    body: re.Pattern
    template: str | None


@cache
def force_kinds() -> tuple[ForceKind, ...]:
    rows = lexicon.rows("national_forces.tsv")
    return tuple(ForceKind(kind, re.compile(rf"\b(?i:{lexicon.alternation_of(nouns.split('|'))})\b"), re.compile(body),
                           None if template == "-" else template) for kind, nouns, body, template in rows)


def _noun_forms(kind: ForceKind) -> scan.Forms:
    """The nouns of a kind by their first word: ``kind.nouns`` (a word boundary before them) can match only where
    one of them starts at a word of the text."""
    return _forms_of(kind.kind)  # (cached by the kind's name: a frozen kind's hash hashes its compiled regexes)


@cache
def _forms_of(kind: str) -> scan.Forms:
    return scan.Forms(n for row in lexicon.rows("national_forces.tsv") if row[0] == kind for n in row[1].split("|"))


@dataclass
class Hit:
    start: int
    end: int
    country: str | None  # the ISO code of a demonym or possessive right before the noun
    group: Mention | None  # the Group mention the noun already has, if any


def national_forces(table: ActorTable, main_country: str | None) -> None:
    """Point the common-noun mentions of each kind of force at one body of the article's country (or of the
    country a demonym names), creating the body when the kind has a name template."""
    changed = False
    for kind in force_kinds():
        changed |= _fold_generic(table, kind)
        hits = _hits(table, kind)
        for iso in {h.country or _iso(main_country) for h in hits}:
            mine = [h for h in hits if (h.country or _iso(main_country)) == iso]
            key = _named_body(table, kind, iso) or _new_body(table, kind, iso, mine)
            if key:
                _point(table, mine, key)
                changed = True
    changed |= _government_nouns(table, main_country)
    if changed:
        table.finish()


def _government_nouns(table: ActorTable, main_country: str | None) -> bool:
    """"The authorities", "the government" are the government of the country named last before them (else of the
    country the article is about), where the article names that government too; a noun after another
    country's name or demonym is that country's, and left alone."""
    nouns = lexicon.words("government_nouns")
    changed = False
    for m in [m for m in table.mentions if m.kind == "group" and table.entries[m.key].name.lower() in nouns]:
        before = table.last_before(m.start, floor=max(0, m.start - 40))
        if _country_before(table, before, m.start) or _unit_before(table.text, m.start):
            continue
        last = table.last_before(m.start, {"Country", "GovernmentBody"}, max(0, m.start - REACH))
        iso = table.entries[last.key].country if last else None
        gov = f"government:{iso}" if iso else ("government:" + main_country.split(":", 1)[1] if main_country else "")
        if gov in table.entries:
            table.mentions.remove(m)
            table.mention(m.start, m.end, gov, "government")
            changed = True
    return changed


def _generic(table: ActorTable, key: str) -> bool:
    """A body named only in lower-case words after its country ("Ruritania's army"), never by its own name."""
    surfaces = [m.text for m in table.mentions if m.key == key]
    return bool(surfaces) and all(LOWER_WORD_END.search(s) for s in surfaces)


def _fold_generic(table: ActorTable, kind: ForceKind) -> bool:
    """"Ruritania's army" and "the Ruritanian Defence Force" in one article are one body, under its own name."""
    bodies = [e for e in table.entries.values() if e.type in BODY_TYPES and not e.key.startswith("government:")
              and kind.body.search(e.name)]
    if len(bodies) < 2:
        return False  # no generic body and another named one
    generic = [e.key for e in bodies if _generic(table, e.key)]
    named = [e.key for e in bodies if e.key not in generic]
    if not generic or len(named) != 1:
        return False
    for key in generic:
        table.merge(key, named[0])
    return True


def _iso(country_key: str | None) -> str | None:
    return country_key.split(":", 1)[1] if country_key else None


def _hits(table: ActorTable, kind: ForceKind) -> list[Hit]:
    """The nouns of one kind that stand alone or after a country, with the Group mention each already has."""
    out = []
    for m in scan.finditer(kind.nouns, table.text, _noun_starts(table.words, _noun_forms(kind))):
        start, end = m.start(), m.end()
        overlapping = [x for x in table.within(max(0, start - NAME_SPAN), end + NAME_SPAN) if x.start < end and x.end > start]
        if any(x.kind != "group" for x in overlapping):
            continue  # part of a name ("National Police of Ruritania", "Army of Moravia")
        before = table.last_before(start, floor=max(0, start - 40))
        country = _country_before(table, before, start)
        if country is None and _unit_before(table.text, start):
            continue
        group = next((x for x in overlapping if x.start <= start and x.end >= end), None)
        out.append(Hit(start, end, country, group))
    return out


def _noun_starts(words: scan.WordIndex, forms: scan.Forms) -> list[int] | None:
    """``words.starts(forms, ignorecase=True)``, read by looking up the forms' few first words among the text's
    words (the method intersects the text's words with them by iterating over all the text's), sorted the same."""
    if forms.by_first is None or words.lowered is None or not words.folds_like_regex:
        return words.starts(forms, ignorecase=True)  # (not known: None)
    out: list[int] = []
    for first in forms.by_first:
        if first in words.words:
            starting, positions = forms.starting(first), words.positions(first)
            out.extend(positions if starting is None else (q for q in positions if starting.match(words.lowered, q)))
    out.sort()
    return out


def _country_before(table: ActorTable, before: Mention | None, start: int) -> str | None:
    """The country of a demonym or possessive right before a noun: "Ruritanian police", "Moravia's army"."""
    if before is None or not POSSESSIVE_SPACE.fullmatch(table.text[before.end:start]):
        return None
    entry = table.entries.get(before.key)
    return entry.country if entry and entry.type == "Country" else None


def _unit_before(text: str, start: int) -> bool:
    """A word naming a unit ("riot", "traffic", a place's name) right before the noun."""
    word = LAST_WORD.search(text[max(0, start - 30):start])
    if not word:
        return False
    w = word.group(1)
    return w.lower() in lexicon.words("force_unit_words") or (w[0].isupper() and w not in ARTICLES)


def _named_body(table: ActorTable, kind: ForceKind, iso: str | None) -> str | None:
    """The one body of this kind the article names for the country, if it names exactly one (the one body of
    this kind, when the country is not known)."""
    country = gazetteer.country(iso) if iso else None
    forms = {gazetteer.fold(n) for n in (country.names | country.demonyms)} if country else set()
    found = []
    for e in table.entries.values():
        if e.type in BODY_TYPES and not e.key.startswith("government:") and kind.body.search(e.name):
            words = gazetteer.fold(e.name).split()
            ours = any(" ".join(words[i:i + n]) in forms for n in (1, 2, 3) for i in range(len(words)))
            found.append((ours, e.key))
    ours = [k for o, k in found if o]
    candidates = ours or ([k for _, k in found] if len(found) == 1 else [])
    return candidates[0] if len(candidates) == 1 else None


def _new_body(table: ActorTable, kind: ForceKind, iso: str | None, hits: list[Hit]) -> str | None:
    """A body named after the country, when the text ties the noun to it (a demonym before it, or repeated
    bare mentions in an article about the country)."""
    country = gazetteer.country(iso) if iso else None
    if kind.template is None or country is None or not hits:
        return None
    if not any(h.country for h in hits) and len(hits) < 2:
        return None
    name = kind.template.format(demonym=_demonym(table, iso, country))
    key = table.find_key(name) or org_key(name)
    table.entry(key, name, "GovernmentBody")
    return key


def _demonym(table: ActorTable, iso: str, country: gazetteer.Country) -> str:
    """The demonym the article uses for the country, else the shortest one the gazetteer knows."""
    used = [m.text for m in table.mentions if m.kind == "demonym" and table.entries[m.key].country == iso]
    return used[0] if used else min(country.demonyms, key=lambda d: (len(d), d), default=country.name)


def _point(table: ActorTable, hits: list[Hit], key: str) -> None:
    """Each noun becomes a mention of the body, its Group mention dropped."""
    entry = table.entries[key]
    for h in hits:
        if h.group is not None:
            table.mentions.remove(h.group)
        table.mention(h.start, h.end, key, "alias")
        entry.listed = True
