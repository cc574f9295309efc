"""The language knowledge of the extractor, read from the data files beside it and from the abuse
scheme (ontology/abuses.ttl is the single source of the abuse phrases)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from rdflib import RDF, SKOS

from kg.extract import scan
from kg.resources import abuse_scheme


def rows(name: str) -> list[list[str]]:
    """The tab-separated rows of a data file (``name`` with its suffix), comments and blank lines skipped."""
    text = resources.files("kg.extract").joinpath("data").joinpath(name).read_text("utf-8")
    return [line.rstrip("\n").split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def speech_verbs() -> dict[str, str]:
    """Cue (verb or phrase) -> frame ("that", "object", "of", "stance")."""
    return {row[0]: row[1] for row in rows("speech_verbs.tsv")}


@cache
def weak_verbs() -> frozenset[str]:
    """Cues whose statements the guidelines count as optional ("reported", "found", "cited"): a lower confidence."""
    return frozenset(row[0] for row in rows("speech_verbs.tsv") if len(row) > 2 and row[2] == "weak")


@cache
def words(name: str) -> frozenset[str]:
    """The words of a one-column list in data/ (``name`` without ".txt")."""
    return frozenset(row[0] for row in rows(f"{name}.txt"))


@cache
def months() -> tuple[str, ...]:
    """The month names in calendar order ("January" ... "December")."""
    return tuple(row[0] for row in rows("calendar.tsv") if row[1] == "month")


@cache
def calendar_words() -> frozenset[str]:
    """Month and weekday names: a date, never part of a name."""
    return frozenset(row[0] for row in rows("calendar.tsv"))


@cache
def honorifics() -> dict[str, str | None]:
    """Honorific ("Ms") -> the gender it tells ("m", "f") or None."""
    return {row[0]: (row[1] if row[1] != "-" else None) for row in rows("honorifics.tsv")}


@cache
def name_honorifics() -> tuple[str, ...]:
    """Honorifics that make the capitalised word after them a person's name ("Dr. Sahin")."""
    return tuple(row[0] for row in rows("honorifics.tsv") if row[2] == "yes")


@cache
def gendered_roles() -> dict[str, tuple[str, bool]]:
    """Role noun ("spokeswoman") -> (gender, whether it is read as a role right before a full name)."""
    return {row[0]: (row[1], row[2] == "yes") for row in rows("gendered_roles.tsv")}


@cache
def turn_labels() -> dict[str, str]:
    """Word of a transcript's turn label ("MR", "QUESTION") -> "title" or "other"."""
    return {row[0]: row[1] for row in rows("turn_labels.tsv")}


def alternation_of(forms) -> str:
    """Forms as one regex alternation, longest first (so "Mrs" is tried before "Mr")."""
    return "|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f)))


@cache
def country_bodies() -> dict[str, tuple[str, str]]:
    """Lower-case body named after its country ("interior ministry") -> (type, name before "of <country>")."""
    return {row[0]: (row[1], row[2]) for row in rows("country_bodies.tsv")}


@cache
def titles() -> list[str]:
    return sorted((row[0] for row in rows("titles.txt")), key=len, reverse=True)


@cache
def abstract_nouns() -> frozenset[str]:
    """Lower-case nouns that are never part of a person's name."""
    return frozenset(row[0] for row in rows("abstract_nouns.txt"))


@cache
def role_nouns() -> list[str]:
    return [row[0] for row in rows("role_nouns.txt")]


@cache
def org_keywords() -> dict[str, str]:
    return {row[0]: row[1] for row in rows("org_keywords.tsv")}


@dataclass(frozen=True)
class KnownActor:
    type: str
    name: str
    aliases: tuple[str, ...]


@cache
def known_actors() -> list[KnownActor]:
    out = []
    for row in rows("known_actors.tsv"):
        aliases = tuple(a for a in (row[2].split("|") if len(row) > 2 else []) if a)
        out.append(KnownActor(row[0], row[1], aliases))
    return out


@cache
def groups() -> list[str]:
    return sorted((row[0] for row in rows("groups.txt")), key=len, reverse=True)


@cache
def cue_phrases() -> list[str]:
    return [row[0] for row in rows("cue_phrases.tsv")]


@dataclass(frozen=True)
class AbusePattern:
    code: str
    label: str
    regex: re.Pattern
    strong: bool  # an altLabel; a plain hiddenLabel needs a state actor or another abuse in the sentence
    context: re.Pattern | None = None  # for "A + B" labels: B, which must occur in the same sentence
    hints: tuple[str, ...] = ()  # literal pieces, one of which any match contains (a cheap first test)
    context_hints: tuple[str, ...] = ()  # the same for ``context``


def label_regex(label: str) -> str:
    """A SKOS label as a regex: words in order, "*" any word ending, hyphen or space alike."""
    words = []
    for word in label.lower().split():
        stem = re.escape(word.rstrip("*")).replace(r"\-", "[- ]?")
        words.append(stem + (r"[\w'-]*" if word.endswith("*") else ""))
    return r"\b" + r"\s+".join(words) + r"\b"


def _hints(labels: str) -> tuple[str, ...]:
    """For each label of "a b*|c", its first word's stem (lower case, up to 5 letters): a text without any of
    them cannot match."""
    out = []
    for label in labels.split("|"):
        word = label.strip().split()[0].rstrip("*").lower() if label.strip() else ""
        out.append(re.split(r"[-']", word)[0][:5])
    return tuple(h for h in out if h) if all(out) else ()


def label_pieces(labels: str) -> tuple[str, ...]:
    """For each label of "a b*|c-d", its longest literal piece in lower case (a word up to its "*", a part of a
    hyphenated word): ``alternation(labels)`` matches only where the lower-cased text holds one of them (when no
    character of the text folds otherwise for the regex engine, see ``scan.RISKY_CHARS``); () when a label has none."""
    out = []
    for label in labels.split("|"):
        pieces = [p for word in label.strip().lower().split() for p in word.rstrip("*").split("-")]
        out.append(max(pieces, key=len, default=""))
    return tuple(out) if all(out) else ()


def alternation(labels: str) -> re.Pattern:
    """"a|b*|c d" -> one regex matching any of the labels."""
    return re.compile("|".join(label_regex(x.strip()) for x in labels.split("|") if x.strip()), re.IGNORECASE)


@cache
def abuse_patterns() -> list[AbusePattern]:
    """Every altLabel and hiddenLabel of every concept of the scheme, longest first."""
    g = abuse_scheme()
    out = []
    for concept in g.subjects(RDF.type, SKOS.Concept):
        code = str(g.value(concept, SKOS.notation))
        for prop, strong in ((SKOS.altLabel, True), (SKOS.hiddenLabel, False)):
            for label in g.objects(concept, prop):
                text = str(label)
                if " + " in text:  # "A|B + C|D": a phrase of the first list with one of the second
                    left, right = text.split(" + ", 1)
                    out.append(AbusePattern(code, text, alternation(left), True, alternation(right), _hints(left),
                                            _hints(right)))
                else:
                    out.append(AbusePattern(code, text, re.compile(label_regex(text), re.IGNORECASE), strong,
                                            None, _hints(text)))
    out.sort(key=lambda p: -len(p.label))
    return out


@cache
def any_abuse_phrase() -> re.Pattern:
    """One regex that finds whether a text may hold any abuse phrase at all (a fast first pass)."""
    return re.compile("|".join(p.regex.pattern for p in abuse_patterns()), re.IGNORECASE)


class HintIndex:
    """Where each of a list of patterns can match in a text, told by their hints: for each pattern a tuple of
    lower-case literal strings, one of which opens every match of the pattern (in the lower-cased text; an empty
    tuple: no hint, the pattern is tried everywhere). One scan of the text finds every hint in it, where testing
    each hint (``hint in lowered``) costs a pass over the text for each."""

    def __init__(self, hints: Sequence[tuple[str, ...]]):
        every = {h for hs in hints for h in hs}
        # the longest hint at a position (searched from each found one's next character, so that hints starting
        # inside another are found too); a search skips in C to a character that opens a hint, where a zero-width
        # lookahead would be tried at every position
        self.finder = re.compile(f"({scan.trie(every)})")
        self.always = tuple(i for i, hs in enumerate(hints) if not hs)
        # every hint starting at a position is a prefix of the longest one starting there
        self.by_found = {found: tuple(i for i, hs in enumerate(hints) if any(found.startswith(h) for h in hs))
                         for found in every}

    def starts(self, lowered: str) -> dict[int, list[int]]:
        """For each pattern with a hint in ``lowered`` (``any(h in lowered for h in hints[i])``), where its hints
        start, in order; patterns without hints are not listed (see ``always``)."""
        out: dict[int, list[int]] = {}
        search, by_found = self.finder.search, self.by_found
        m = search(lowered)
        while m is not None:
            q = m.start()
            for i in by_found[m.group(1)]:
                out.setdefault(i, []).append(q)
            m = search(lowered, q + 1)
        return out


@cache
def abuse_hints() -> HintIndex:
    """The hints of ``abuse_patterns()``, in their order: each pattern's regex opens with one of them (its labels'
    first words, see ``_hints``)."""
    return HintIndex([p.hints for p in abuse_patterns()])


@cache
def context_hints() -> HintIndex:
    """The hints of the contexts of ``abuse_patterns()``, by the patterns' order (a pattern without a context has
    none)."""
    return HintIndex([p.context_hints for p in abuse_patterns()])
