"""Abuse claims: what the text asserts (or denies) happens, and where.

Abuse phrases come from the SKOS scheme (ontology/abuses.ttl): altLabels always count, hiddenLabels
(context-dependent words such as "arrested") only in a sentence that also names a state actor or
another abuse. The words of the rules are data files in kg/extract/data/."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from kg.extract import lexicon
from kg.extract.actors import ActorTable
from kg.extract.text import Sentence


@cache
def phrases(name: str) -> re.Pattern:
    """A data file of phrases (abuse-label syntax: "*" any word ending) as one case-insensitive regex."""
    return lexicon.alternation("|".join(row[0] for row in lexicon._lines(name)))


@cache
def word_set(name: str) -> frozenset[str]:
    """A data file of whole lower-case names as a set."""
    return frozenset(row[0] for row in lexicon._lines(name))


@dataclass
class ClaimFound:
    abuse: str
    country: str  # actor key
    claimant: str | None
    stance: str
    start: int
    end: int
    sentence: int
    rule: str
    confidence: float
    perpetrator: str | None = None
    statement: int | None = None
    victims: tuple[str, ...] = ()


def parties(actors: ActorTable, sent: Sentence, country: str, claimant: str | None) -> tuple[str | None, tuple[str, ...]]:
    """Who the sentence says commits the abuse (a state body or force, or the accused government) and who
    suffers it (named people and victim groups)."""
    perpetrator = None
    perpetrator_end = None
    last_end = sent.start
    victims: list[str] = []
    for m in actors.within(sent.start, sent.end):
        if m.key == claimant:
            continue
        if perpetrator is not None and perpetrator_end is None:
            perpetrator_end = last_end
        entry = actors.entries[m.key]
        if perpetrator is None and (
                m.key == "government:" + country.split(":", 1)[1]
                or (entry.type == "Group" and entry.name.lower() in word_set("perpetrator_groups.txt"))
                or (entry.type == "GovernmentBody" and actor_country(actors, m.key) in (None, country)
                and not m.key.startswith("known:"))):
            perpetrator = m.key
        elif perpetrator is None and entry.type == "Person" and _acts(actors.text, sent, m):
            perpetrator = m.key  # "President X ... moved to strip", "... ordered by President X"
        elif entry.type == "Person" or (entry.type == "Group" and entry.name.lower() in word_set("victim_groups.txt")):
            if perpetrator_end is not None and re.fullmatch(r"\s+(?:and|&)\s+", actors.text[perpetrator_end:m.start]):
                continue  # "X and Y moved to ...": both act
            if m.key not in victims:
                victims.append(m.key)
        last_end = m.end
    return perpetrator, tuple(victims)


def _acts(text: str, sent: Sentence, m) -> bool:
    """A person who opens the sentence as the subject of an active verb, or an agent after "by"."""
    before = text[sent.start:m.start]
    after = text[m.end:m.end + 40]
    if re.search(r"\bby\s+(?:[A-Z][\w.]*\s+){0,3}$", before):
        return True
    return len(before.split()) <= 3 and not re.match(r"^(?:,[^,]*,)?\s*(?:(?:and|&)\s+[A-Z][\w ]+?\s+)?"
                                                     r"(?:was|were|is|are|has\s+been|had\s+been|remains?)\b", after)


def country_of(key: str) -> str | None:
    if key.startswith(("country:", "government:")):
        return "country:" + key.split(":", 1)[1]
    return None


def actor_country(actors: ActorTable, key: str | None) -> str | None:
    """The country an actor belongs to: itself for a country or government, else a country its name starts
    with ("U.S. Department of State" -> the U.S., "Belarusian Association of Journalists" -> Belarus)."""
    if not key:
        return None
    if country_of(key):
        return country_of(key)
    entry = actors.entries.get(key)
    if entry is None:
        return None
    from kg import gazetteer

    words = entry.name.split()
    for n in (3, 2, 1):
        iso = gazetteer.lookup(" ".join(words[:n]), ("name", "demonym"))
        if iso:
            return f"country:{iso}"
    m = re.search(r"\b(?:Embassy|Mission)\s+(?:in|to)\s+(.+)$", entry.name)
    if m:
        return None  # an embassy speaks for its sending state, which its name does not say
    return None


def _country_in_name(name: str) -> str | None:
    """"Parliament of Georgia", "Supreme Court of Belarus": the country a body's name ends with."""
    from kg import gazetteer

    m = re.search(r"\bof\s+(?:the\s+)?([A-Z][\w.]+(?:\s+[A-Z][\w.]+)?)$", name)
    iso = gazetteer.lookup(m.group(1)) if m else None
    return f"country:{iso}" if iso else None


def sentence_countries(actors: ActorTable, sent: Sentence, exclude: set[str]) -> list[tuple[int, str, int]]:
    """(position, country key, weight) of the countries a sentence names: a country after "in", "against",
    "by" or as a government weighs more than one named in passing."""
    out = []
    for m in actors.within(sent.start, sent.end):
        c = country_of(m.key) or _country_in_name(m.text)
        if c and c not in exclude:
            before = actors.text[max(sent.start, m.start - 12):m.start].lower()
            after = actors.text[m.end:m.end + 3]
            if re.search(r"\b(?:in|against|by|inside|across|throughout)\s+(?:the\s+)?$", before) or after[:2] in ("'s", "’s"):
                weight = 2.0
            elif re.search(r"\b(?:to|with|from|toward|towards|between)\s+(?:the\s+)?$", before):
                weight = 0.5  # "links to Iran", "relations with Russia": named in passing
            else:
                weight = 1.0
            weight += 1 if m.key.startswith("government:") or m.kind == "government" else 0
            out.append((m.start, c, weight))
    return out


# A violent crime a person is charged with is the charge against them, not an abuse by a state (while "accused the
# police of torture", active with an object, is an accusation and stays a claim).
CRIMES_CHARGED = {"unlawful_killing", "torture", "war_crimes"}
CHARGE_FRAME = re.compile(r"\b(?:(?:was|were|is|are|been|being|be)\s+(?:\w+\s+)?accused|charged|convicted|indicted|"
                          r"suspected|found\s+guilty)\s+(?:of|with)\s+"
                          r"(?:(?!(?:for|by|has|have|had|was|were|is|are|and|but)\b)[\w'’-]+\s+){0,6}$", re.IGNORECASE)


@lru_cache(maxsize=4096)
def abuse_matches(text: str) -> tuple[tuple[int, int, str, bool], ...]:
    """(start, end, code, strong) of the abuse phrases in ``text``, longest first, without overlaps."""
    if not lexicon.any_abuse_phrase().search(text):
        return ()
    taken: list[tuple[int, int]] = []
    out = []
    lowered = text.lower()
    for p in lexicon.abuse_patterns():
        if p.hints and not any(h in lowered for h in p.hints):
            continue
        if p.context is not None and not p.context.search(text):
            continue
        for m in p.regex.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            out.append((m.start(), m.end(), p.code, p.strong))
    return tuple(sorted(out))


def find_claims(sents: list[Sentence], actors: ActorTable, speaker_at, main_country: str | None,
                self_countries: set[str], author: str | None) -> list[ClaimFound]:
    claims: dict[tuple[str, str, str], ClaimFound] = {}
    for sent in sents:
        matches = abuse_matches(sent.text)
        if not matches:
            continue
        context = bool(phrases("state_actor_words.txt").search(sent.text)) or any(strong for *_, strong in matches)
        speaker, statement = speaker_at(sent)
        claimant = speaker or author
        exclude = set(self_countries)
        if actor_country(actors, claimant):
            exclude.add(actor_country(actors, claimant))
        countries = sentence_countries(actors, sent, exclude)
        denial = bool(phrases("denial_cues.txt").search(sent.text))
        for start, end, code, strong in matches:
            if not strong and not context:
                continue
            if code in CRIMES_CHARGED and CHARGE_FRAME.search(sent.text[:start]):
                continue  # "was accused of being an accomplice to the murder": the charge, not a state's abuse
            best = max(countries, key=lambda c: (c[2], -abs(c[0] - sent.start - start))) if countries else None
            if best and (best[2] >= 1 or not main_country or main_country in exclude):
                country = best[1]
            elif (main_country and main_country not in exclude) or (main_country and not countries):
                country = main_country
            else:
                continue
            stance = "asserts"
            if denial and claimant and country_of(claimant) == country:
                stance = "denies"
            key = (code, country, stance)
            if key not in claims:
                perpetrator, victims = parties(actors, sent, country, claimant)
                claims[key] = ClaimFound(code, country, claimant, stance, sent.start + start, sent.start + end,
                                         sent.index, "claim.label" if strong else "claim.context",
                                         0.7 if strong else 0.5, perpetrator, statement, victims)
    return list(claims.values())
