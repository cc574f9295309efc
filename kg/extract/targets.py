"""What a statement is about: the actors named in its words, the force or state whose conduct it describes,
and the author of the report or accusations it answers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg import gazetteer
from kg.extract import lexicon
from kg.extract.actors import ActorTable
from kg.extract.claims import on_accused_side
from kg.extract.speech import Found
from kg.extract.speech import _gender as gender_of  # one gender rule for speakers and targets
from kg.identity import country_key, country_of, leading_country

ACTING_TYPES = {"Country", "GovernmentBody"}  # named, they are the ones whose conduct is meant


@cache
def _conduct() -> re.Pattern:
    return re.compile(rf"\b(?:{lexicon.alternation_of(lexicon.words('conduct_words'))})", re.IGNORECASE)


@cache
def _answered() -> re.Pattern:
    return re.compile(rf"\b(?:{lexicon.alternation_of(lexicon.words('answered_nouns'))})\b", re.IGNORECASE)


@cache
def _owner_after() -> re.Pattern:
    """A noun of accusation and the word that introduces its author: "a report by", "allegations from"."""
    return re.compile(rf"\b(?:{lexicon.alternation_of(lexicon.words('answered_nouns'))})\s+(?:by|from|of)\s+(?:the\s+)?$",
                      re.IGNORECASE)


@cache
def _owner_before() -> re.Pattern:
    """An author's possessive or authoring verb and the noun of what it made: "'s report", " published a report"."""
    verbs = lexicon.alternation_of(lexicon.words("authoring_verbs"))
    nouns = lexicon.alternation_of(lexicon.words("answered_nouns"))
    gap = rf"(?:(?:{lexicon.alternation_of(lexicon.words('report_modifiers'))}|\d{{4}})\s+){{0,3}}"
    return re.compile(rf"(?:['’]s|\s+(?:{verbs})(?:\s+(?:a|an|the|its|new))?)?\s+{gap}(?:{nouns})\b", re.IGNORECASE)


@dataclass(frozen=True)
class Authored:
    """An accusation or report and its author, where the text names both side by side."""
    start: int
    key: str


def authors_of_accusations(actors: ActorTable) -> list[Authored]:
    """Every "<author>'s report", "<author> report", "allegations by <author>" of the text, in text order."""
    text, out = actors.text, []
    for m in actors.mentions:
        e = actors.entries[m.key]
        if e.type == "Group" or not e.listed:
            continue
        if _owner_before().match(text, m.end, m.end + 80) or _owner_after().search(text[max(0, m.start - 40):m.start]):
            out.append(Authored(m.start, m.key))
    return out


def about(f: Found, actors: ActorTable, main_country: str | None, authored: list[Authored]) -> list[str]:
    """The keys a statement is about, in order: the actors named in it; the states of the state bodies among them;
    the article's state, for its official named or its conduct described without its actor; the person a pronoun
    stands for; the author of the report or accusations it answers."""
    keys, named = _named(f, actors)
    for rule in (_body_states, _official_state, _conduct_state, _pronoun_target, _author_target):
        for key in rule(f, actors, keys, named, main_country, authored):
            if key not in keys:
                keys.append(key)
    return keys


def _named(f: Found, actors: ActorTable) -> tuple[list[str], set[str]]:
    """The actors named in the statement's words (not its speaker, groups or a bare demonym), and their types."""
    keys: list[str] = []
    named: set[str] = set()
    for a, b in f.parts or [(f.start, f.end)]:
        for m in actors.within(a, b):
            e = actors.entries[m.key]
            named.add(e.type)
            if (m.key != f.speaker and e.type != "Group" and m.key not in keys
                    and e.name not in {actors.entries[k].name for k in keys} and (e.listed or m.kind != "demonym")):
                keys.append(m.key)
    return keys, named


def _body_states(f: Found, actors: ActorTable, keys: list[str], *_) -> list[str]:
    """"The Parliament of Ruritania is considering a bill": the state of a state body named, unless the speaker
    speaks for that state."""
    out = []
    for key in [k for k in keys if actors.entries[k].type == "GovernmentBody" and not country_of(k)]:
        state = body_country(actors.entries[key].name)
        if (state and state in actors.entries and state not in keys
                and not (f.speaker and on_accused_side(actors, f.speaker, state, denying=True))):
            out.append(state)
    return out


def _official_state(f: Found, actors: ActorTable, keys: list[str], _named_types, main_country, _authored) -> list[str]:
    """"Under President X's rule": the state whose official the statement names."""
    if (main_country in actors.entries and main_country not in keys and not _speaks_for(actors, f.speaker, main_country)
            and any(actors.entries[k].type == "Person" and on_accused_side(actors, k, main_country) for k in keys)):
        return [main_country]
    return []


def _conduct_state(f: Found, actors: ActorTable, keys: list[str], named_types, main_country, _authored) -> list[str]:
    """"The punishment is brutal": conduct a state answers for, naming no state, is the article's state's."""
    if (main_country and main_country not in keys and not _speaks_for(actors, f.speaker, main_country)
            and not named_types & ACTING_TYPES and _conduct().search(f.text)):
        return [main_country]
    return []


def _pronoun_target(f: Found, actors: ActorTable, *_) -> list[str]:
    """"She was beaten in custody": the person the speaker talks of."""
    person = _pronoun_person(f, actors)
    return [person] if person else []


def _author_target(f: Found, actors: ActorTable, keys, _named_types, _main_country, authored) -> list[str]:
    """"The report is biased": the author of the report or accusations the statement answers, not the speaker's
    own side."""
    author = _answered_author(f, authored)
    speaker = actors.entries.get(f.speaker or "")
    if author and speaker and author not in (speaker.key, speaker.affiliation):
        return [author]
    return []


PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}
REACH = 600  # characters back to look for the person a pronoun takes up


def _pronoun_person(f: Found, actors: ActorTable) -> str | None:
    """The person a "he"/"she" of the statement stands for, when it cannot be the speaker: the last person named
    before the statement, if the speaker is no person or is a person of the other gender."""
    said = re.search(r"\b(he|him|she|her)\b", f.text, re.IGNORECASE)
    if not said:
        return None
    gender = PRONOUNS[said.group(1).lower()]
    speaker = actors.entries.get(f.speaker or "")
    if speaker is not None and speaker.type == "Person" and gender_of(speaker, actors.text) in (gender, None):
        return None
    pos = f.start
    while (m := actors.last_before(pos, {"Person"}, max(0, f.start - REACH))) is not None:
        if m.key != f.speaker and gender_of(actors.entries[m.key], actors.text) in (gender, None):
            return m.key
        pos = m.start
    return None


def _speaks_for(actors: ActorTable, speaker: str | None, country: str) -> bool:
    """The speaker is the state itself or speaks for it: its conduct words describe its own acts, which the
    statement answers for rather than accuses."""
    entry = actors.entries.get(speaker or "")
    if entry is None or entry.type not in ("Country", "GovernmentBody", "Person"):
        return False  # a rights group named after its country ("Ruritanian Lawyers for ...") never speaks for it
    return country_of(entry.key) == country or on_accused_side(actors, entry.key, country)


def body_country(name: str) -> str | None:
    """The country key of a state body's name: "Ruritanian police", "Parliament of the Republic of Moravia"."""
    iso, _ = leading_country(name, rest_required=True)
    if not iso:
        tail = re.search(r"\bof\s+(?:the\s+)?([A-Z][\w.’']*(?:\s+[A-Z][\w.’']*){0,3})$", name)
        iso = gazetteer.lookup(tail.group(1), ("name",)) if tail else None
    return country_key(iso) if iso else None


def _answered_author(f: Found, authored: list[Authored]) -> str | None:
    """The author of the report or accusations a statement answers without naming it: the nearest one named
    before the statement, else the first one after."""
    if not authored or not _answered().search(f.text):
        return None
    before = [x for x in authored if x.start < f.start]
    return (before[-1] if before else authored[0]).key
