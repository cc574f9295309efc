"""What a statement is about: the actors named in its words, the force or state whose conduct it describes,
and the author of the report or accusations it answers."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache

from kg import gazetteer
from kg.extract import lexicon
from kg.extract.actors import ActorTable
from kg.extract.claims import on_accused_side
from kg.extract.descriptions import heads as definite_heads
from kg.extract.forces import force_kinds
from kg.extract.scan import RISKY_CHARS, WordIndex, trie
from kg.extract.speech import Found
from kg.extract.speech import _gender as gender_of  # one gender rule for speakers and targets
from kg.identity import country_key, country_of, leading_country

ACTING_TYPES = {"Country", "GovernmentBody"}  # named, they are the ones whose conduct is meant
RISKY = re.compile(f"[{re.escape(RISKY_CHARS)}]")  # lower-cased unlike the regex engine's case-blind compare


@cache
def _conduct() -> re.Pattern:
    return re.compile(rf"\b(?:{lexicon.alternation_of(lexicon.words('conduct_words'))})", re.IGNORECASE)


@cache
def _conduct_lowered() -> re.Pattern:
    """_conduct for a text in lower case, case-sensitive: its words as a tree of their shared beginnings."""
    words = {w.lower() for w in lexicon.words("conduct_words")}
    return re.compile(rf"\b(?:{trie(sorted(words, key=len, reverse=True))})")


def _holds_conduct(text: str) -> bool:
    """``bool(_conduct().search(text))``, searched in the lower-case text where it is what the case-blind regex
    compares (no character lower-casing to two, no risky one; a character is a word character as its lower case
    is, so the word boundaries stand where they stood)."""
    lowered = text.lower()
    if len(lowered) != len(text) or RISKY.search(text):
        return bool(_conduct().search(text))
    return _conduct_lowered().search(lowered) is not None


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


@cache
def _answered_stems() -> tuple[str, ...]:
    """The answered nouns no other one of them holds ("report", not "reports"): each noun holds one."""
    nouns = lexicon.words("answered_nouns")
    return tuple(sorted(n.lower() for n in nouns if not any(o != n and o.lower() in n.lower() for o in nouns)))


def _answered_nouns_at(text: str, index: WordIndex | None = None) -> list[int] | None:
    """The sorted starts of the answered nouns' stems in the text, in lower case: a match of _owner_before or
    _owner_after holds a noun, case aside, so a stem starts inside it. None where the lower case is not what the
    case-blind regexes compare (a character lower-casing to two, or a risky one): every window is then tried.
    With the text's word index, its lower case and risky test are read from there (its lower case writes "’" as
    "'", which no stem holds)."""
    if index is not None and index.text == text and not any("'" in s or "’" in s for s in _answered_stems()):
        if index.lowered is None or not index.folds_like_regex:
            return None
        lowered = index.lowered
    else:
        lowered = text.lower()
        if len(lowered) != len(text) or RISKY.search(text):
            return None
    out = []
    for stem in _answered_stems():
        pos = lowered.find(stem)
        while pos >= 0:
            out.append(pos)
            pos = lowered.find(stem, pos + 1)
    return sorted(out)


def _starts_between(starts: list[int] | None, low: int, high: int) -> bool:
    """Whether one of the sorted ``starts`` lies in [low, high) (True when they are unknown)."""
    return starts is None or bisect_left(starts, low) < bisect_left(starts, high)


def authors_of_accusations(actors: ActorTable) -> list[Authored]:
    """Every "<author>'s report", "<author> report", "allegations by <author>" of the text, in text order. The
    regexes run only on windows where a noun of accusation starts."""
    text, out = actors.text, []
    nouns = _answered_nouns_at(text, actors.words)
    for m in actors.mentions:
        e = actors.entries[m.key]
        if e.type == "Group" or not e.listed:
            continue
        low = max(0, m.start - 40)
        if ((_starts_between(nouns, m.end, m.end + 80) and _owner_before().match(text, m.end, m.end + 80))
                or (_starts_between(nouns, low, m.start) and _owner_after().search(text[low:m.start]))):
            out.append(Authored(m.start, m.key))
    return out


@dataclass
class Context:
    """What the statements of one article share: its actors, its state, the authors of the accusations it names,
    and whether a speaker speaks for that state (asked once a speaker, not up to three times a statement)."""
    actors: ActorTable
    main_country: str | None
    authored: list[Authored]
    _speaks: dict[str | None, bool] = field(default_factory=dict)

    def speaks_for_state(self, speaker: str | None) -> bool:
        """``_speaks_for(actors, speaker, main_country)``."""
        said = self._speaks.get(speaker)
        if said is None:
            said = self._speaks[speaker] = _speaks_for(self.actors, speaker, self.main_country or "")
        return said


def context(actors: ActorTable, main_country: str | None) -> Context:
    """The shared context of an article's statements."""
    return Context(actors, main_country, authors_of_accusations(actors))


def about(f: Found, ctx: Context) -> list[str]:
    """The keys a statement is about, in order: the actors named in it; the states of the state bodies among them;
    the article's state, for its official named or its conduct described without its actor; the person a pronoun
    stands for; the author of the report or accusations it answers."""
    actors = ctx.actors
    keys, named = _named(f, actors)
    for rule in (_body_states, _official_state, _force_members, _described_body, _described_person, _given_name,
                 _regime_state, _conduct_state, _pronoun_target, _author_target):
        for key in rule(f, actors, keys, named, ctx):
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


def _official_state(f: Found, actors: ActorTable, keys: list[str], _named_types, ctx: Context) -> list[str]:
    """"Under President X's rule": the state whose official the statement names."""
    main_country = ctx.main_country
    if (main_country in actors.entries and main_country not in keys and not ctx.speaks_for_state(f.speaker)
            and any(actors.entries[k].type == "Person" and on_accused_side(actors, k, main_country) for k in keys)):
        return [main_country]
    return []


def _conduct_state(f: Found, actors: ActorTable, keys: list[str], named_types, ctx: Context) -> list[str]:
    """"The punishment is brutal": conduct a state answers for, naming no state, is the article's state's."""
    main_country = ctx.main_country
    if (main_country and main_country not in keys
            and not (named_types | {actors.entries[k].type for k in keys}) & ACTING_TYPES
            and not ctx.speaks_for_state(f.speaker) and _holds_conduct(f.text)):
        return [main_country]
    return []


def _pronoun_target(f: Found, actors: ActorTable, *_) -> list[str]:
    """"She was beaten in custody": the person the speaker talks of."""
    person = _pronoun_person(f, actors)
    return [person] if person else []


def _author_target(f: Found, actors: ActorTable, keys, _named_types, ctx: Context) -> list[str]:
    """"The report is biased": the author of the report or accusations the statement answers, not the speaker's
    own side."""
    author = _answered_author(f, ctx.authored)
    speaker = actors.entries.get(f.speaker or "")
    if author and speaker and author not in (speaker.key, speaker.affiliation):
        return [author]
    return []


PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}
REACH = 600  # characters back to look for the person a pronoun takes up
# ``re.compile(r"\b(he|him|she|her)\b", re.IGNORECASE)`` case-sensitive (faster): each letter as the characters the
# engine's case-blind compare takes for it ("i" for the dotted and dotless I, "s" for the long s;
# tests/test_extract_speed_targets.py enumerates every character)
PRONOUN = re.compile(r"\b([Hh](?:[Ee][Rr]?|[Ii\u0130\u0131][Mm])|[Ss\u017f][Hh][Ee])\b")


def _pronoun_person(f: Found, actors: ActorTable) -> str | None:
    """The person a "he"/"she" of the statement stands for, when it cannot be the speaker: the last person named
    before the statement, if the speaker is no person or is a person of the other gender."""
    said = PRONOUN.search(f.text)
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


def shortest_forms(forms) -> tuple[str, ...]:
    """The forms no other one of them holds ("police", not "police officers"): each form holds one of these, so a
    case-sensitive regex over the forms matches only a text holding one of them as it is."""
    forms = set(forms)
    return tuple(sorted(f for f in forms if not any(o != f and o in f for o in forms)))


def holds_any(text: str, forms: tuple[str, ...]) -> bool:
    return any(form in text for form in forms)


@cache
def _member_nouns() -> tuple[re.Pattern, dict[str, str], tuple[str, ...]]:
    rows = lexicon.rows("force_member_nouns.tsv")
    nouns = [n for n, _ in rows]
    return re.compile(rf"(?<![\w-])({lexicon.alternation_of(nouns)})\b"), dict(rows), shortest_forms(nouns)


def _force_members(f: Found, actors: ActorTable, keys: list[str], _named_types, ctx: Context) -> list[str]:
    """"Soldiers searched the village at dawn": the members of a state's force stand for the one force of that kind the
    article names (not a unit: "riot police", "the Harbour City police")."""
    out: list[str] = []
    pattern, kinds, shortest = _member_nouns()
    if not holds_any(f.text, shortest):
        return out
    for hit in pattern.finditer(f.text):
        if not _unit_before(f.text[:hit.start()]):
            body = _force_body(actors, kinds[hit.group(1)], ctx.main_country)
            if body and body not in keys + out and body != f.speaker:
                out.append(body)
    return out


def _unit_before(before: str) -> bool:
    word = re.search(r"([\w'’-]+)\s*$", before)
    return bool(word) and (word.group(1).lower() in lexicon.words("force_unit_words")
                           or (word.group(1)[0].isupper() and word.group(1) not in ("The", "A")))


def _force_body(actors: ActorTable, kind: str, main_country: str | None) -> str | None:
    """The one listed body of a kind of force, or the one among several named after the article's country."""
    shape = next((k.body for k in force_kinds() if k.kind == kind), None)
    found = [e for e in actors.entries.values() if e.listed and e.type == "GovernmentBody" and shape
             and not e.key.startswith("government:") and re.search(shape.pattern, e.name, re.IGNORECASE)]
    ours = [e for e in found if main_country and body_country(e.name) == main_country]
    pick = ours if len(found) > 1 else found
    return pick[0].key if len(pick) == 1 else None


@cache
def _body_description() -> tuple[re.Pattern, tuple[str, ...]]:
    """"the human rights commission": a definite body noun with words before it that its full name holds (and the
    nouns a match holds one of)."""
    nouns = lexicon.alternation_of(definite_heads())
    return re.compile(rf"\bthe\s+((?:[a-z][\w-]*\s+){{1,3}}(?:{nouns})s?)\b"), shortest_forms(definite_heads())


def _described_body(f: Found, actors: ActorTable, keys: list[str], *_) -> list[str]:
    """"Accused the human rights commission of lying": a description of a body named before, by words of its name."""
    out: list[str] = []
    pattern, nouns = _body_description()
    if not holds_any(f.text, nouns):
        return out
    for m in pattern.finditer(f.text):
        words = {w.removesuffix("s") for w in m.group(1).split()}
        fits = [e.key for e in actors.entries.values() if e.listed and e.type not in ("Group", "Person", "Country")
                and words <= {w.removesuffix("s") for w in gazetteer.fold(e.name).split()}]
        if len(fits) == 1 and fits[0] not in keys + out and fits[0] != f.speaker:
            out.append(fits[0])
    return out


@cache
def _person_description() -> tuple[re.Pattern, tuple[str, ...]]:
    nouns = lexicon.alternation_of(lexicon.words("described_persons"))
    return (re.compile(rf"\bthe\s+(?:[\w-]+\s+){{0,2}}?({nouns})\b(?![\s\u00a0]+[A-Z])"),
            shortest_forms(lexicon.words("described_persons")))


def _described_person(f: Found, actors: ActorTable, keys: list[str], *_) -> list[str]:
    """"The activist may have been kidnapped": the person named before whom the role fits, else the last one named
    before the statement (not its speaker)."""
    pattern, nouns = _person_description()
    hit = pattern.search(f.text) if holds_any(f.text, nouns) else None
    if not hit:
        return []
    noun = hit.group(1).lower()
    people = []
    pos = f.start
    while (m := actors.last_before(pos, {"Person"})) is not None:
        if m.key != f.speaker and m.key not in people:
            people.append(m.key)
        pos = m.start
    fits = [k for k in people if any(noun in r.lower() for r in actors.entries[k].roles)]
    near = [k for k in people[:1] if not actors.entries[k].roles]
    pick = (fits or near)[:1]
    return [k for k in pick if k not in keys]


def _given_name(f: Found, actors: ActorTable, keys: list[str], *_) -> list[str]:
    """"Sombath's whereabouts": a person named by the first word of the full name alone (no capitalised word
    beside it), when no one else in the article shares that word."""
    people = [e for e in actors.entries.values() if e.type == "Person"]
    out: list[str] = []
    caps: set[str] | None = None  # read once a first name stands in the text (a capitalised word holds it)
    for e in people:
        first, _, rest = e.name.partition(" ")
        if not rest or first not in f.text or e.key in keys or e.key == f.speaker:
            continue
        if caps is None:
            caps = set(CAPITALISED.findall(f.text))
        if first not in caps or sum(first in p.name.split() for p in people) > 1:
            continue
        alone = rf"(?<![A-Z][\w.'’-] )(?<![\w-]){re.escape(first)}(?:['’]s)?(?![\w-])(?! [A-Z])"
        if re.search(alone, f.text):
            out.append(e.key)
    return out


CAPITALISED = re.compile(r"\b[A-Z][\w-]{2,}")
REGIME = re.compile(r"\b(?:[Rr]egime|[Jj]unta)\b")


def _regime_state(f: Found, actors: ActorTable, keys: list[str], _named_types, ctx: Context) -> list[str]:
    """"The junta", "the Korvel regime": a government named by its rule is the state of the article, for its critics
    (not "the Moravian regime", another state's). REGIME runs only on a text holding "egime" or "unta", as each of
    its matches does."""
    main_country = ctx.main_country
    hits = list(REGIME.finditer(f.text)) if "egime" in f.text or "unta" in f.text else []
    if (not hits or main_country not in actors.entries or main_country in keys
            or ctx.speaks_for_state(f.speaker)):
        return []
    for m in hits:
        word = re.search(r"([\w'’-]+)\s+$", f.text[max(0, m.start() - 40):m.start()])
        iso = gazetteer.lookup(re.sub(r"['’]s$", "", word.group(1)), ("name", "demonym")) if word else None
        if not iso or country_key(iso) == main_country:
            return [main_country]
    return []
