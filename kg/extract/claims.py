"""Abuse claims: what the text asserts (or denies) happens, and where.

Abuse phrases come from the SKOS scheme (ontology/abuses.ttl): altLabels always count, hiddenLabels
(context-dependent words such as "arrested") only in a sentence that also names a state actor or
another abuse. The words of the rules are data files in kg/extract/data/."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from kg import gazetteer
from kg.extract import lexicon, scan
from kg.extract.actors import ActorTable
from kg.extract.text import Sentence
from kg.identity import country_key, country_of, leading_country


@cache
def phrases(name: str) -> re.Pattern:
    """A data file of phrases (abuse-label syntax: "*" any word ending) as one case-insensitive regex."""
    return lexicon.alternation("|".join(row[0] for row in lexicon.rows(name)))


@cache
def _stems(name: str) -> tuple[str, ...]:
    """The first word of each phrase of a data file, cut to its stem: a text without any cannot match the file."""
    out = []
    for row in lexicon.rows(name):
        word = row[0].split()[0].rstrip("*").lower()
        out.append(re.split(r"[-'’]", word)[0][:5])
    return tuple(out) if all(out) else ()


@cache
def _stem_finder(name: str) -> re.Pattern | None:
    """One regex finding any stem of a data file (``_stems``) in a lower-case text; None when it has no stems."""
    return re.compile(scan.trie(set(_stems(name)))) if _stems(name) else None


@cache
def _piece_finder(name: str) -> re.Pattern | None:
    """One regex finding in a lower-case text any of the pieces (``lexicon.label_pieces``) one of which each match of
    ``phrases(name)`` holds; None when a phrase has none."""
    pieces = lexicon.label_pieces("|".join(row[0] for row in lexicon.rows(name)))
    return re.compile(scan.trie(set(pieces))) if pieces else None


@cache
def _pieces(name: str) -> tuple[str, ...] | None:
    """The pieces of ``_piece_finder(name)`` but those holding another (a text holding one holds that other), or None
    when it has none: the finder finds something in a text where one of them stands in it."""
    pieces = set(lexicon.label_pieces("|".join(row[0] for row in lexicon.rows(name))))
    return tuple(sorted(p for p in pieces if not any(q != p and q in p for q in pieces))) or None


def holds_any(lowered: str, pieces: tuple[str, ...]) -> bool:
    """Whether one of ``pieces`` stands in ``lowered`` (a loop of substring tests: quicker than a regex over a few)."""
    for piece in pieces:  # noqa: SIM110 -- a generator in any() costs more than the tests over a sentence
        if piece in lowered:
            return True
    return False


@lru_cache(maxsize=4096)
def folded(text: str) -> str | None:
    """``text.lower()``, what the regex engine compares under IGNORECASE, or None when a ``RISKY`` character of the
    text folds otherwise; read once per text (a sentence's is asked by finder after finder)."""
    return None if RISKY.search(text) else text.lower()


def _no_phrase(name: str, text: str) -> bool:
    """Whether ``phrases(name)`` surely finds nothing in ``text``: none of its pieces is in the lower-cased text, and
    no character of the text folds otherwise for the regex engine."""
    pieces = _pieces(name)
    if pieces is None:
        return False
    lowered = folded(text)
    return lowered is not None and not holds_any(lowered, pieces)


def phrase_search(name: str, text: str, finditer: bool = False):
    """``phrases(name).search(text)`` (or its finditer), skipped at once when no stem of the file is in the text."""
    if _no_phrase(name, text):
        return iter(()) if finditer else None  # the regex finds nothing either
    finder = _stem_finder(name)  # (a text with a RISKY character may hold no stem and yet match: skipped all the same)
    if finder is not None and folded(text) is None and not finder.search(text.lower()):
        return iter(()) if finditer else None
    return phrases(name).finditer(text) if finditer else phrases(name).search(text)


def phrase_found(name: str, text: str) -> bool:
    """``bool(phrases(name).search(text))``, told at once where no stem of the file is in the lower-cased text (and
    the text has no ``RISKY`` character, which could match a stem's letters without them)."""
    return not _no_phrase(name, text) and bool(phrases(name).search(text))


@cache
def word_set(name: str) -> frozenset[str]:
    """A data file of whole lower-case names as a set."""
    return frozenset(row[0] for row in lexicon.rows(name))


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
    asserted_by: str | None = None  # for a denial: who made the claim that is denied


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
            if perpetrator_end is not None and AND_BETWEEN.fullmatch(actors.text[perpetrator_end:m.start]):
                continue  # "X and Y moved to ...": both act
            if m.key not in victims:
                victims.append(m.key)
        last_end = m.end
    return perpetrator, tuple(victims)


def _acts(text: str, sent: Sentence, m) -> bool:
    """A person who opens the sentence as the subject of an active verb, or an agent after "by"."""
    before = text[sent.start:m.start]
    after = text[m.end:m.end + 40]
    if BY_BEFORE.search(before):
        return True
    return len(before.split()) <= 3 and not PASSIVE_AFTER.match(after)


def actor_country(actors: ActorTable, key: str | None) -> str | None:
    """The country an actor belongs to: itself for a country or government, else a country its name starts
    with ("U.S. Department of State" -> the U.S., "Belarusian Association of Journalists" -> Belarus); an embassy
    speaks for its sending state, which its name does not say."""
    if not key:
        return None
    if country_of(key):
        return country_of(key)
    entry = actors.entries.get(key)
    if not entry:
        return None
    listed = body_country(entry.name)
    if listed:
        return None if listed == INTERNATIONAL else listed
    iso, _ = leading_country(entry.name)
    return country_key(iso) if iso else None


INTERNATIONAL = "-"


@cache
def _body_countries() -> dict[str, str]:
    return {row[0]: row[1] for row in lexicon.rows("body_countries.tsv")}


def body_country(name: str) -> str | None:
    """The state of a body its name does not tell ("National Security Council" -> the U.S.), or INTERNATIONAL for a
    body of an international organisation ("General Assembly"); None for a body the data file does not list."""
    iso = _body_countries().get(LEADING_THE.sub("", name.lower()))
    if iso is None:
        return None
    return INTERNATIONAL if iso == INTERNATIONAL else country_key(iso)


@lru_cache(maxsize=4096)
def _country_in_name(name: str) -> str | None:
    """"Parliament of Georgia", "Supreme Court of Belarus": the country a body's name ends with."""
    m = OF_NAME_END.search(name)
    iso = gazetteer.lookup(m.group(1)) if m else None
    return country_key(iso) if iso else None


LEADING_THE = re.compile(r"^the\s+")
PLACE_BEFORE = re.compile(r"\b(?:in|against|by|inside|across|throughout)\s+(?:the\s+)?$")
PASSING_BEFORE = re.compile(r"\b(?:to|with|from|toward|towards|between)\s+(?:the\s+)?$")


@cache
def _topic_before() -> re.Pattern:
    """A noun of topic_nouns.txt and its "about ..." complement running on to the end of a text."""
    return re.compile(rf"(?:{phrases('topic_nouns.txt').pattern})[”\"]?\s+(?:about|concerning|regarding)\s+"
                      r"[^,;:.()“”\"]*$", re.IGNORECASE)


def _told_of(before: str) -> bool:
    """Whether a text ends inside the "about ..." of a thing said or written (a cheap test first)."""
    return ("about" in before or "concern" in before or "regard" in before) and bool(_topic_before().search(before))


def sentence_countries(actors: ActorTable, sent: Sentence, exclude: set[str]) -> list[tuple[int, str, int]]:
    """(position, country key, weight) of the countries a sentence names: a country after "in", "against",
    "by" or as a government weighs more than one named in passing."""
    out = []
    memo = _text_memo(actors.text)
    for m in actors.within(sent.start, sent.end):
        c, short = _named_country(m.key, m.text)  # (``_full_name_country`` with its string work cached)
        if short is not None:
            c = _shared_name_country(actors, short, c)
        if c and c not in exclude:
            weight = memo.get((sent.start, m.start, m.end), False)
            if weight is False:  # read from the text alone: the same for each finder that asks
                weight = memo[sent.start, m.start, m.end] = _place_weight(actors.text, sent, m, actors.words)
            if weight is not None:
                out.append((m.start, c, weight + (1 if m.key.startswith("government:") or m.kind == "government" else 0)))
    return out


def _place_weight(text: str, sent: Sentence, m, words: scan.WordIndex) -> float | None:
    """How surely the words around a country's name place a claim there; None for a name that only modifies."""
    if _only_a_modifier(text, sent, m, words):
        return None
    before = text[max(sent.start, m.start - 12):m.start].lower()
    after = text[m.end:m.end + 3]
    if " " not in m.text and NATIONAL_BEFORE.search(before) and NATIONAL_AFTER.match(text, m.end):
        return None  # "a Senegalese and a Burkinabe were released": a person's nationality, not where it happens
    if _told_of(text[max(sent.start, m.start - 80):m.start]):
        return 0.5  # "false information about the army in Ruritania": the topic, not where it happens
    if PLACE_BEFORE.search(before) or after[:2] in ("'s", "’s"):
        return 2.0
    if PASSING_BEFORE.search(before):
        return 0.5  # "links to Iran", "relations with Russia": named in passing
    return 1.0


WORD_CHAR = re.compile(r"\w")
NATIONAL_BEFORE = re.compile(r"\b(?:a|an|one|two|three|four|five|several|some|other)\s+$")
NATIONAL_AFTER = re.compile(r"\s*[,.;:)]|\s+(?:and|or|were|was|who|have|has|had|are|is)\b")


def sentences_at(text: str, sents: list[Sentence], starts: list[int] | None) -> set[int] | None:
    """The positions (in ``sents``) of the sentences of ``text`` holding one of ``starts`` (sorted offsets in the
    text where a word of some kind starts), and of those that cut a word of the text at an end or are not the text's
    characters there (where a sentence's words are not the text's); None when ``starts`` is None (not known)."""
    if starts is None:
        return None
    out = set()
    i = 0
    for p in starts:
        while i < len(sents) and sents[i].end <= p:
            i += 1
        if i == len(sents):
            break
        if sents[i].start <= p:
            out.add(i)
    return out | _odd_sentences(text, sents)


def _odd_sentences(text: str, sents: list[Sentence]) -> set[int]:
    """The positions of the sentences that cut a word of ``text`` at an end or are not its characters there
    (``_plain_odd_sentences``), read once for the sentence list of the text last asked (each finder asks)."""
    memo = _text_memo(text)
    known = memo.get("odd sentences")
    if known is None or known[0] is not sents:  # (the list itself is kept: another list is read anew)
        known = memo["odd sentences"] = (sents, _plain_odd_sentences(text, sents))
    return known[1]


def _plain_odd_sentences(text: str, sents: list[Sentence]) -> set[int]:
    out = set()
    for i, s in enumerate(sents):
        if ((s.start > 0 and WORD_CHAR.match(text, s.start - 1) and WORD_CHAR.match(text, s.start))
                or (WORD_CHAR.match(text, s.end) and s.end > 0 and WORD_CHAR.match(text, s.end - 1))
                or text[s.start:s.end] != s.text):
            out.add(i)
    return out


_MEMO: list[tuple[str, dict]] = [("", {})]  # the text last asked and its memo


def _text_memo(text: str) -> dict:
    """A memo of values read from ``text`` alone (by offsets), for the text last asked (an article's, read by one
    finder after another); a new text starts a new memo (swapped whole, so threads never share a wrong one)."""
    memo = _MEMO[0]
    if memo[0] is not text:
        memo = (text, {})
        _MEMO[0] = memo
    return memo[1]


@cache
def _shared_short_names() -> dict[str, tuple[str, ...]]:
    return {row[0].lower(): tuple(row[1].split("|")) for row in lexicon.rows("shared_short_names.tsv")}


def _full_name_country(actors: ActorTable, surface: str, country: str | None) -> str | None:
    """A short name several states go by ("Congo") is the one of them the article names in full."""
    if not country:
        return country
    short = LEADING_THE.sub("", surface.lower())
    shared = _shared_short_names().get(short)
    if not shared:
        return country
    return _shared_name_country(actors, short, country)


@lru_cache(maxsize=8192)
def _named_country(key: str, surface: str) -> tuple[str | None, str | None]:
    """The country a mention (its actor key, its text) names, ``country_of(key) or _country_in_name(surface)``, and
    the short name several states go by that its text is ("Congo"; None when it is none or names no country): the
    string work of ``_full_name_country``, done once for a (key, text) that recurs."""
    country = country_of(key) or _country_in_name(surface)
    if not country:
        return country, None
    short = LEADING_THE.sub("", surface.lower())
    return country, short if _shared_short_names().get(short) else None


def _shared_name_country(actors: ActorTable, short: str, country: str) -> str | None:
    """Which of the states going by ``short`` (shared_short_names.tsv) the article names in full, else ``country``."""
    shared = _shared_short_names()[short]
    full = _full_name_regex(short)  # "Republic of (the) Congo"
    named = [country_key(iso) for iso in shared
             if any(m.key == country_key(iso) and full.search(m.text) for m in actors.mentions)]
    return named[0] if len(named) == 1 else country


@cache
def _full_name_regex(short: str) -> re.Pattern:
    """A shared short name after a word of a longer name ("Republic of (the) Congo"), compiled once a name."""
    return re.compile(rf"\S\s+(?:the\s+)?{re.escape(short)}\b", re.IGNORECASE)


@cache
def _appositive_role() -> re.Pattern:
    """"the regional bloc's chair, ": a role in apposition at the end of a clause."""
    return re.compile(rf"\b(?:{lexicon.alternation_of(word_set('appositive_roles.txt'))}),\s+$", re.IGNORECASE)


@cache
def _modifier_suffix() -> re.Pattern:
    """"-based", "-backed" right after a country's name: the name only modifies the word after."""
    return re.compile(rf"\.?-(?:{lexicon.alternation_of(word_set('modifier_suffixes.txt'))})\b", re.IGNORECASE)


CLAUSE_JOIN = re.compile(r",\s+(?:but|while|and)\b")


def _last_clause(text: str) -> str:
    """``re.split(r"[.;:]|,\\s+(?:but|while|and)\\b", text)[-1]`` without splitting the whole text: the text after
    its last period, semicolon or colon, and after the last ", but" (", while", ", and") there (no such match holds
    one of those three marks, so none crosses the last)."""
    start = max(map(text.rfind, ".;:")) + 1
    for m in CLAUSE_JOIN.finditer(text, start):
        start = m.end()
    return text[start:]


def _only_a_modifier(text: str, sent: Sentence, m, words: scan.WordIndex) -> bool:
    """A country named only to compare ("patterned on a statute of Russia"), in apposition to a role ("the
    regional bloc's chair, Cambodia,"), or a capital inside a longer name ("Real Madrid"): not the claim's country."""
    if _modifier_suffix().match(text, m.end, m.end + 14):  # (as on the slice: the text ends there for the regex)
        return True  # "a U.S.-based group", "Ruritanian-backed militias"
    prefix = text[sent.start:m.start]
    if _may_compare(words, sent.start, m.start):
        clause = _last_clause(prefix)
        if phrase_search("comparison_cues.txt", " ".join(clause[max(map(clause.rfind, ",()")) + 1:].split()[-7:])):
            return True
    # (the regex needs a comma and spaces at the clause's end: other clauses skip it; the clause ends as the
    # sentence's text before the name does, and holds its last comma then, for no clause mark follows that comma)
    if prefix[-1:].isspace() and prefix.rstrip().endswith(",") and _appositive_role().search(_last_clause(prefix)):
        return True
    before = text[max(sent.start, m.start - 20):m.start]
    return bool(WORD_BEFORE.search(before) and gazetteer.lookup(m.text, ("seat",)) and not PLACE_WORD_BEFORE.search(before))


def _may_compare(words: scan.WordIndex, start: int, end: int) -> bool:
    """False when the text's ``[start:end]`` surely holds no comparison cue: none of the pieces of
    comparison_cues.txt is in its lower case and the text has no character that folds otherwise. Then no words taken
    from it, joined by spaces, hold a cue either (a piece has no space). Where the pieces stand is read once."""
    memo = _text_memo(words.text)
    spots = memo.get("comparison pieces")
    if spots is None:
        spots = memo["comparison pieces"] = _piece_spots(words, _comparison_pieces())
    return spots is True or any(start <= a and b <= end for a, b in spots)


@cache
def _comparison_pieces() -> tuple[str, ...] | None:
    """The pieces (``lexicon.label_pieces``) of comparison_cues.txt, one of which each of its phrases holds; None
    when a phrase has none, or one holds a curly apostrophe (the word index's lower case has straight ones only)."""
    pieces = lexicon.label_pieces("|".join(row[0] for row in lexicon.rows("comparison_cues.txt")))
    return tuple(sorted(set(pieces))) if pieces and not any("’" in p for p in pieces) else None


def _piece_spots(words: scan.WordIndex, pieces: tuple[str, ...] | None) -> list[tuple[int, int]] | bool:
    """(start, end) of each place where one of ``pieces`` stands in the lower-cased text (either apostrophe alike: a
    few places more); True (anywhere) when the pieces are not known or the lower case's offsets or letters may not
    be the regex engine's."""
    lowered = words.lowered
    if pieces is None or lowered is None or not words.folds_like_regex:
        return True
    out = []
    for piece in pieces:
        q = lowered.find(piece)
        while q >= 0:
            out.append((q, q + len(piece)))
            q = lowered.find(piece, q + 1)
    return out


WORD_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+\s+$")  # a capitalised word, not a sentence's first
PLACE_WORD_BEFORE = re.compile(r"\b(?:In|At|From|To|Of|On|The)\s+$")


# A violent crime a person is charged with is the charge against them, not an abuse by a state (while "accused the
# police of torture", active with an object, is an accusation and stays a claim).
CRIMES_CHARGED = {"unlawful_killing", "torture", "war_crimes"}
# ... unless the accused is a state force ("Police in Malawi have been accused of torturing detainees"): an abuse
STATE_ACCUSED = re.compile(r"\b(?:police|policemen|security\s+forces|security\s+services|soldiers|troops|army|military|"
                           r"(?:prison\s+)?guards|officers|agents|authorities|government|regime)(?:\s+(?:in|of)\s+(?:the\s+)?"
                           r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})?\s+(?:(?:have|has|had|also|repeatedly|long|often|"
                           r"widely)\s+){0,2}(?:been|were|are|was|is)\s+(?:\w+\s+)?accused\s+of\s+", re.IGNORECASE)
CHARGE_FRAME = re.compile(r"\b(?:(?:was|were|is|are|been|being|be)\s+(?:\w+\s+)?accused|charged|convicted|indicted|"
                          r"suspected|found\s+guilty)\s+(?:of|with)\s+"
                          r"(?:(?!(?:for|by|has|have|had|was|were|is|are|and|but)\b)[\w'’-]+\s+){0,6}$", re.IGNORECASE)


@cache
def _lookalike_regex() -> re.Pattern:
    """The phrases of lookalike_phrases.txt as one regex; "_" is any one word, "..." runs on to the clause's end."""
    return re.compile("|".join(regex for regex, _ in _lookalikes()), re.IGNORECASE)


@cache
def _lookalikes() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each phrase of lookalike_phrases.txt as a regex, and the literal letters that open it (its first word up to
    a hyphen, apostrophe or "_", at most five letters; none when that leaves nothing)."""
    out = []
    for row in lexicon.rows("lookalike_phrases.txt"):
        label, runs_on = (row[0][:-3].strip(), True) if row[0].endswith("...") else (row[0], False)
        regex = lexicon.label_regex(label).replace("_", r"[\w'’-]+")  # "_": any one word
        hint = re.split(r"[-'_]", label.lower().split()[0].rstrip("*"))[0][:5]
        out.append((regex + (r"[^,;:.]*" if runs_on else ""), (hint,) if hint else ()))
    return tuple(out)


@cache
def _lookalike_hints() -> lexicon.HintIndex | None:
    """Where the look-alike phrases can start; None when one of them has no hint."""
    hints = [h for _, h in _lookalikes()]
    return lexicon.HintIndex(hints) if all(hints) else None


def masked(text: str, lowered: str | None = None) -> str:
    """``text`` with its look-alike phrases blanked (same length, so offsets hold). ``lowered``, the text in lower
    case as the regex engine compares it (no ``RISKY`` character), tells where the phrases can start."""
    index = _lookalike_hints()
    if lowered is None or index is None:
        return _lookalike_regex().sub(lambda m: " " * len(m.group()), text)
    starts = sorted({q for qs in index.starts(lowered).values() for q in qs})
    pieces, last = [], 0
    for m in scan.finditer(_lookalike_regex(), text, starts):
        pieces += [text[last:m.start()], " " * (m.end() - m.start())]
        last = m.end()
    return "".join(pieces) + text[last:] if pieces else text


@lru_cache(maxsize=4096)
def abuse_matches(text: str) -> tuple[tuple[int, int, str, bool], ...]:
    """(start, end, code, strong) of the abuse phrases in ``text``, longest first, without overlaps; look-alike
    phrases (identities, titles, reaction protests) count for nothing."""
    patterns, index = lexicon.abuse_patterns(), lexicon.abuse_hints()
    # where a pattern's hints start in the text, its matches start; in the masked text too (blanks are no hint's
    # letters), unless a character lower-cases to other letters than the regex engine compares: then no places
    exact = not RISKY.search(text)
    lowered = text.lower()
    places = index.starts(lowered)
    if not _any_abuse_phrase(text, places if exact else None):
        return ()
    unmasked = text
    text = masked(text, lowered if exact else None)
    contexts = lexicon.context_hints().starts(lowered) if exact else None
    taken: list[tuple[int, int]] = []
    out = []
    lowered = text.lower()
    # a pattern of ``places`` has a hint in the text; where no look-alike was blanked (``masked`` returns the text
    # itself), in the masked text too; the patterns of ``always`` have no hint
    blanked = text is not unmasked
    for i in sorted((*places, *index.always)):  # the patterns with no hint in the text are skipped below
        p = patterns[i]
        if blanked and p.hints and not any(h in lowered for h in p.hints):
            continue
        if p.context is not None and not _found(p.context, text, contexts.get(i, ()) if contexts is not None
                                                and p.context_hints else None):
            continue
        for m in scan.finditer(p.regex, text, places.get(i) if exact else None):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            out.append((m.start(), m.end(), p.code, p.strong))
    return tuple(sorted(out))


RISKY = re.compile(f"[{re.escape(scan.RISKY_CHARS)}]")


def _found(regex: re.Pattern, text: str, places) -> bool:
    """``regex.search(text)``, trying the regex only at ``places`` (where it can match), everywhere when None."""
    if places is None:
        return bool(regex.search(text))
    return any(regex.match(text, q) for q in places)


def _any_abuse_phrase(text: str, places: dict[int, list[int]] | None) -> bool:
    """``lexicon.any_abuse_phrase().search(text)``, trying each pattern only where its hints start (``places``),
    the patterns without hints everywhere; the whole regex when ``places`` is None."""
    if places is None:
        return bool(lexicon.any_abuse_phrase().search(text))
    patterns = lexicon.abuse_patterns()
    return (any(_found(patterns[i].regex, text, qs) for i, qs in places.items())
            or any(patterns[i].regex.search(text) for i in lexicon.abuse_hints().always))


def reread(text: str, matches: tuple) -> tuple[tuple[int, int, str, bool], ...]:
    """Abuse phrases read again in their sentence: a killing in armed fighting is a war crime; a word of holding
    before the name of whom is held ("detained some 40 political prisoners") and an arrest that only times another
    abuse ("beaten after they were arrested") add no code of their own; the stated purpose of a law ("a law to stop
    money laundering") is no claim."""
    out = []
    for i, (start, end, code, strong) in enumerate(matches):
        word = text[start:end].lower()
        if code == "unlawful_killing" and KILL_WORD.fullmatch(word) and _in_fighting(text, start, end):
            code = "war_crimes"
        elif (_adds_nothing(text, matches, i, word) or _stated_purpose(text, start) or _combated(text, start, end)
              or _lawful_arrest(text, code, start, end) or _press_modifier(text, code, end)
              or _by_non_state(text, code, end)):
            continue
        out.append((start, end, code, strong))
    return tuple(out)


@cache
def _blame_regex() -> re.Pattern:
    """A frame of blame_frames.txt ("..." the one blamed) and the death noun after its "for": group "lead" the words
    before that noun, "death" the noun."""
    frames = []
    for row in lexicon.rows("blame_frames.txt"):
        parts = [lexicon.label_regex(part.strip()) for part in row[0].split("...")]
        frames.append(r"\s+(?:[\w.'’-]+,?\s+){0,8}?".join(parts))
    deaths = "|".join(lexicon.label_regex(row[0]) for row in lexicon.rows("death_nouns.txt"))
    return re.compile(rf"(?:{'|'.join(frames)})\s+(?P<lead>(?:[\w'’-]+\s+){{0,3}}?)(?P<death>{deaths})", re.I)


BLAME_WORDS = ("blam", "responsib")
BLAME_CUE = re.compile("|".join(BLAME_WORDS), re.I)


def blamed_deaths(text: str, matches: tuple) -> tuple[tuple[int, int, str, bool], ...]:
    """A death laid at someone's door ("rights groups blamed the police for the death of a student", "the army is to
    blame for the reporter's killing") accuses of unlawful killing, and of violence against journalists when the dead
    is one of the press; not a death whose blame is only sought ("blamed ... for failing to investigate the death")."""
    lowered = folded(text)  # (in lower case the cue's letters, unless a character folds otherwise)
    if not (BLAME_CUE.search(text) if lowered is None else holds_any(lowered, BLAME_WORDS)):
        return matches
    out = list(matches)
    for m in _blame_regex().finditer(text):
        lead = m.group("lead").split()
        if lead and lead[0].lower().endswith("ing"):
            continue  # "for investigating the death": a duty, not the death
        start, end = m.span("death")
        if not any(a < end and start < b for a, b, *_ in out):
            out.append((start, end, "unlawful_killing", True))
        dead = m.group("lead") + CLAUSE_MARKS.split(text[end:end + 120])[0]
        if phrase_search("journalist_nouns.txt", dead) and not any(c == "violence_against_journalists" for *_, c, _ in out):
            out.append((start, end, "violence_against_journalists", True))
    return tuple(sorted(out))


def _adds_nothing(text: str, matches: tuple, i: int, word: str) -> bool:
    """A holding word before the name of whom it holds, or an arrest that only times a beating."""
    start, _, code, _ = matches[i]
    if code in HELD_CODES and phrases("holding_words.txt").fullmatch(word) and _holds_next(text, matches, i):
        return True
    return code == "arbitrary_detention" and bool(ARREST_VERB.fullmatch(word)) and bool(
        TIMING.search(text[max(0, start - 40):start])) and any(m[2] == "torture" for m in matches)


HELD_CODES = ("arbitrary_detention", "political_prisoners")
TIMING = re.compile(r"\b(?:after|following|upon|during|while|before)\s+(?:(?:they|he|she|being|their|his|her)\s+)?"
                    r"(?:(?:were|was|had\s+been|been|being)\s+)?$", re.IGNORECASE)


ARREST_WORD = re.compile(r"arrest\w*|detain\w*|detention|detentions")
SUSPECT_BEFORE = re.compile(r"\bsuspects?\s+(?:[\w'’-]+\s+){0,2}$", re.I)
SUSPECT_AFTER = re.compile(r"\s+(?:(?:a|an|the|two|three|several|\d+|more|other)\s+){0,2}suspects?\b", re.I)


@cache
def _crime_after() -> re.Pattern:
    """"in connection with two robberies", "on suspicion of murder": an ordinary crime an arrest is for."""
    return re.compile(rf"^[^,;:.]{{0,40}}?\b(?:in\s+connection\s+with|on\s+suspicion\s+of|suspected\s+of|for|over)\s+"
                      rf"(?:(?![\w'’-]*ing\b)[\w'’-]+\s+){{0,4}}?(?:{phrases('crime_words.txt').pattern})", re.I)


def _lawful_arrest(text: str, code: str, start: int, end: int) -> bool:
    """An arrest of a crime suspect ("police arrested a suspect in the murder", "two suspects were detained") or for
    an ordinary crime ("held in connection with the theft of cattle"): law enforcement, no arbitrary detention.
    Labels that say the arrest is arbitrary ("arbitrary arrest", "detained without charge") are not read here."""
    if code != "arbitrary_detention" or not ARREST_WORD.fullmatch(text[start:end].lower()):
        return False
    before = CLAUSE_COMMAS.split(text[max(0, start - 40):start])[-1]
    return bool(SUSPECT_BEFORE.search(before) or SUSPECT_AFTER.match(text[end:end + 40])
                or _offenders_after().match(text[end:end + 60]) or _crime_after().search(text[end:end + 120]))


@cache
def _offenders_after() -> re.Pattern:
    """"arrested 40 rioters", "detained a mob": the people held are offenders (offender_nouns.txt)."""
    return re.compile(rf"\s+(?:(?:a|an|the|some|several|dozens\s+of|hundreds\s+of|more\s+than|at\s+least|about|\d[\d,]*|"
                      rf"two|three|four|five|six|seven|eight|nine|ten|suspected|alleged)\s+){{0,3}}"
                      rf"(?:{phrases('offender_nouns.txt').pattern})", re.I)


NON_STATE_CODES = ("unlawful_killing", "enforced_disappearance", "torture")


@cache
def _non_state_after() -> re.Pattern:
    """"by" an armed actor outside the state, after an abuse phrase and its object ("of the mayor by a militant")."""
    return re.compile(r"(?:\s+of(?:\s+[\w.'’-]+){1,5}?)?\s+by\s+(?:[\w'’-]+\s+){0,3}?"
                      rf"(?:{phrases('nonstate_actors.txt').pattern})", re.I)


def _by_non_state(text: str, code: str, end: int) -> bool:
    """A killing, abduction or torture done by militants, rebels or a gang ("the assassination of the governor by an
    extremist"): a crime the state may fight, not its abuse."""
    return code in NON_STATE_CODES and bool(_non_state_after().match(text, end))


def _press_modifier(text: str, code: str, end: int) -> bool:
    """A word of political stance naming which press is meant ("opposition journalists", "pro-democracy outlets"):
    no restriction of political participation of its own."""
    return code == "political_participation_restrictions" and bool(
        _press_after().match(text[end:end + 30]))


def _in_fighting(text: str, start: int, end: int) -> bool:
    """A killing with a word of armed fighting in its clause."""
    before = CLAUSE_BREAK.split(text[max(0, start - 60):start])[-1]
    after = CLAUSE_BREAK.split(text[end:end + 60])[0]
    return bool(phrase_search("armed_conflict_words.txt", before + " " + after))


def _holds_next(text: str, matches: tuple, i: int) -> bool:
    """The next phrase, a few words on in the same clause, names whom a holding word is about, with another code."""
    if i + 1 >= len(matches):
        return False
    start, _, code, _ = matches[i + 1]
    between = text[matches[i][1]:start]
    return code in HELD_CODES and code != matches[i][2] and len(between.split()) <= 4 and not CLAUSE_MARKS.search(between)


def _stated_purpose(text: str, start: int) -> bool:
    """An abuse phrase a law is said to fight: "to stop money laundering" in a sentence naming a law."""
    if not _purpose_before().search(text[max(0, start - 30):start]):
        return False
    return bool(LAW_NAMED.search(text[:start]))


@cache
def _combating_frame() -> re.Pattern:
    """A combating frame at the end of a text, then up to two words of its object ("combating human", "efforts
    against all"; no conjunction: "fought against rebels and tortured"), or the prefix "anti-" or "counter-"."""
    between = r"(?:(?!(?:that|which|who|whom|by|but|while|because|and|or|nor)\b)[\w'’-]+\s+){0,2}"
    return re.compile(rf"(?:\b(?:{phrases('combating_frames.txt').pattern})\s+{between}|\b(?:anti|counter)-?)$", re.I)


@cache
def _combating_pieces() -> tuple[str, ...] | None:
    """A piece of each frame of ``_combating_frame()`` ("anti", "counter" for the prefixes): each match holds one."""
    pieces = _pieces("combating_frames.txt")
    every = None if pieces is None else {*pieces, "anti", "counter"}
    return None if every is None else tuple(sorted(p for p in every if not any(q != p and q in p for q in every)))


def _combated(text: str, start: int, end: int) -> bool:
    """An abuse phrase worked against rather than reported ("combating trafficking in persons", "a partnership on
    forced labor", "anti-torture"); not people it targets ("fighting against the protesters") nor what someone is
    kept from ("preventing opposition candidates from registering")."""
    lowered = folded(text)  # a frame holds one of its pieces, in the lower case of the text (offsets kept) too
    if (lowered is not None and len(lowered) == len(text) and _combating_pieces() is not None
            and not holds_any(lowered[max(0, start - 60):start], _combating_pieces())):
        return False
    if not _combating_frame().search(text[max(0, start - 60):start]):
        return False
    return text[start:end].lower() not in word_set("victim_groups.txt") and not FROM_AFTER.match(text[end:end + 40])


STATE_TITLES = re.compile(r"\b(?:minister|spokes(?:man|woman|person)|official|police|army|military|general|governor|"
                          r"commissioner|president|prime|ambassador|director|chief|commander|colonel|inspector)\b", re.I)
FORCE_TITLES = re.compile(r"\b(?:police|army|military|interior|prisons?|commander|colonel|inspector)\b", re.I)
CLAUSE_END = re.compile(r",?\s+but\b|;|,\s+while\b|,\s+whereas\b|,\s+although\b", re.I)


@dataclass
class Denial:
    """A denial in a sentence: who denies, who made the claim denied, and the part of the sentence it covers."""
    denier: str
    accuser: str | None
    start: int
    end: int


def find_denial(actors: ActorTable, sent: Sentence, speaker: str | None) -> Denial | None:
    """"X denied/rejected/dismissed the allegations [that ...]" (X the last actor before the verb, or the speaker), or a
    speaker calling the claims untrue ("baseless", "fabricated reports")."""
    text = sent.text
    for m in phrase_search("denial_verbs.txt", text, finditer=True):
        after = text[m.end():m.end() + 60]
        if not phrases("denial_objects.txt").search(" ".join(after.split()[:5])):
            continue  # "rejected his appeal", "denied access to a lawyer": not a denial of an accusation
        if m.group().lower().endswith("ed") and PASSIVE_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
            continue  # "was denied access": passive, an abuse rather than a denial
        denier = _denier_before(actors, sent, m.start()) or speaker
        if not denier:
            continue
        end = CLAUSE_END.search(text, m.end())
        return Denial(denier, _accuser(actors, sent, m.end(), denier), m.end(), end.start() if end else len(text))
    m = phrase_search("denial_phrases.txt", text)
    if m and speaker:  # the clause of the phrase: "X did Y, but it is not true that Z" denies Z only
        begin = max((b.end() for b in CLAUSE_END.finditer(text, 0, m.start())), default=0)
        end = CLAUSE_END.search(text, m.end())
        return Denial(speaker, _accuser(actors, sent, 0, speaker), begin, end.start() if end else len(text))
    return None


LOCATIVE_BEFORE = re.compile(r"\b(?:in|from|at|inside|across|near|throughout|outside)\s+(?:the\s+)?(?:[a-z][\w-]*\s+)?$",
                             re.IGNORECASE)
AUXILIARIES = r"(?:(?:is|are|was|were|has|have|had|also|now|again|flatly|strongly|categorically|on\s+\w+day)\s+)*"


@cache
def _denier_heads() -> str:
    return lexicon.alternation_of(word_set("denier_heads.txt"))


def _denier_before(actors: ActorTable, sent: Sentence, verb: int) -> str | None:
    """The subject of a denial verb at ``verb`` (an offset in the sentence): the last actor before it, leaving out
    victims and places a phrase locates ("A rebel group in eastern Ruritania is denying ..."); where that actor only
    qualifies a described subject ("Ruritania's state-run newspaper", "a Ruritanian official"), or none is named
    ("A rebel group ... denies"), the description, as a Group actor."""
    at = sent.start + verb
    for x in reversed(actors.within(sent.start, at)):
        if _victim_group(actors, x.key) or LOCATIVE_BEFORE.search(actors.text[sent.start:x.start]):
            continue
        m = _denier_tail().fullmatch(actors.text[x.end:at])
        return _described(actors, actors.text[x.start:x.end + m.end()], actors.entries[x.key].country) if m else x.key
    clause = CLAUSE_OPENERS.split(sent.text[:verb])[-1]
    m = _denier_clause().match(clause)
    return _described(actors, m.group(1), None) if m else None


def _described(actors: ActorTable, words: str, country: str | None) -> str:
    """A Group actor for a described denier ("Ruritania's state-run newspaper"), of the country its words name."""
    name = AUXILIARY_END.sub("", " ".join(words.split()))
    name = POSSESSIVE_END.sub("", name)
    key = "group:" + name.lower()
    entry = actors.entry(key, name, "Group", listed=False)
    if country and not entry.country:
        entry.country = country
    return key


def _victim_group(actors: ActorTable, key: str) -> bool:
    entry = actors.entries[key]
    return entry.type == "Group" and entry.name.lower() in word_set("victim_groups.txt")


def _accuser(actors: ActorTable, sent: Sentence, offset: int, denier: str) -> str | None:
    """The first named source after the denial verb ("rejected a report by X", "denied X's allegations")."""
    for m in actors.within(sent.start + offset, sent.end):
        entry = actors.entries[m.key]
        if m.key != denier and entry.type in ("NGO", "InternationalOrganization", "Person", "MediaOutlet", "Organization") \
                and not TOLD_BEFORE.search(actors.text[max(sent.start, m.start - 8):m.start]):
            return m.key  # not the one the denial is said to ("told VOA")
    return None


def on_accused_side(actors: ActorTable, key: str, country: str, denying: bool = False) -> bool:
    """Whether an actor speaks for the state accused in ``country``: the country or its government, a body or group of
    its state, or a person in a post of that state ("Ugandan army spokesman X"). A person denying an accusation
    needs only a state title ("CIA Director X denied ...")."""
    entry = actors.entries.get(key)
    if entry is None:
        return False
    if body_country(entry.name) == INTERNATIONAL or entry.type == "NGO":
        return False  # "the General Assembly condemned ...", "the Ruritanian Helsinki Committee says": not the state
    own = actor_country(actors, key) or (country_key(entry.country) if entry.country else None)
    if own:
        return own == country
    if entry.type in ("GovernmentBody", "Country"):
        return True
    if entry.type == "Group":
        return entry.name.lower() in word_set("perpetrator_groups.txt") or bool(
            phrases("state_actor_words.txt").search(entry.name))
    if entry.type == "Person":
        if entry.affiliation and entry.affiliation in actors.entries:
            return on_accused_side(actors, entry.affiliation, country)
        roles = [*entry.roles, _title_before(actors, key), *_titles_beside(actors, key)]
        return any(_role_serves(r, country) or (denying and STATE_TITLES.search(r)) for r in roles if r)
    return False


SOURCE_TYPES = ("NGO", "InternationalOrganization", "Person", "MediaOutlet", "GovernmentBody", "Organization")


def _title_before(actors: ActorTable, key: str) -> str:
    """The words just before a person's first mention, where a title stands ("Bolivian police spokesman X")."""
    spans = actors.entries[key].spans
    if not spans:
        return ""
    start = min(spans)[0]
    line = TITLE_BREAK.split(actors.text[max(0, start - 50):start])[-1]
    return " ".join(line.split()[-4:])


def _titles_beside(actors: ActorTable, key: str) -> tuple[str, ...]:
    """A state post set off by commas beside a person's first mention: "Peru's interior minister, Mara Vint," and
    "Mara Vint, Peru's interior minister,"."""
    spans = actors.entries[key].spans
    if not spans:
        return ()
    start, end = min(spans)
    out = []
    before = APPOSED_BEFORE.search(actors.text[max(0, start - 60):start])
    if before:
        out.append(before.group(1))
    after = APPOSED_AFTER.match(actors.text, end)
    if after:
        out.append(after.group(1))
    return tuple(t for t in out if STATE_TITLES.search(t))  # a post ("interior minister"), not "a Chinese journalist"


def _role_serves(role: str, country: str) -> bool:
    """A role of the accused state: one naming its country ("Ugandan army spokesman"), or a police, army or interior
    post naming no other country ("Interior Minister"; not "U.S. Department Spokesperson")."""
    named = {gazetteer.lookup(w, ("name", "demonym")) for w in CAPITALISED.findall(role)} - {None}
    if named:
        return country_key(country.split(":", 1)[1]) in {country_key(iso) for iso in named}
    return bool(FORCE_TITLES.search(role))


def sentence_source(actors: ActorTable, sent: Sentence) -> str | None:
    """The named source of a sentence no statement covers: "according to X", or X before a source verb ("X issued a
    report denouncing ...", "X accuses ... of", "what X calls")."""
    lowered = folded(sent.text)  # (the phrase's first word in lower case, unless a character folds otherwise)
    m = ACCORDING_TO.search(sent.text) if lowered is None or "according" in lowered else None
    if m:  # the first actor the phrase introduces (a name may have taken the phrase in)
        at = sent.start + m.end() + _article_len(sent.text[m.end():])
        after = [x for x in actors.within(sent.start, sent.end) if x.end > at and x.start <= at]
        if after:
            return after[0].key
    verb = phrase_search("source_verbs.txt", sent.text)
    if not verb:
        return None
    before = actors.within(sent.start, sent.start + verb.start())
    if before and actors.entries[before[-1].key].type in SOURCE_TYPES:
        between = sent.text[before[-1].end - sent.start:verb.start()]
        if len(between.split()) <= 4 and not SOURCE_BREAK.search(between):
            return before[-1].key  # "X accuses ...", "X has issued a report ...", not "the arrest of X was reported"
    return None


@cache
def _collective_regex() -> re.Pattern:
    """A clause opening with an unnamed collective (a plural head noun, its modifiers, "and" another, "of" a
    complement) as the subject of a reporting verb: "rights groups say", "several of the students claim"."""
    heads = lexicon.alternation_of(word_set("collective_heads.txt"))
    quantifier = lexicon.alternation_of(word_set("collective_quantifiers.txt"))
    mod = r"(?:[\w.'’-]+\s+)"
    one = rf"{mod}{{0,3}}(?:{heads})"
    noun_phrase = rf"{one}(?:\s+(?:and|or)\s+{one})?(?:\s+of\s+(?:the\s+)?[a-z][\w'’-]*)?"
    place = r"(?:\s+(?:in|from|across)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)?"
    return re.compile(rf"(?:^|[,;:]\s+|\b(?:but|and|while)\s+)(?:(?:{quantifier}|\d[\d,]*)\s+)*({noun_phrase}){place}"
                      rf"(?:,[^,]{{1,40}},)?\s+(?:(?:have|has|had|also|now|long|repeatedly|however,?|on\s+\w+day)\s+){{0,3}}"
                      rf"(?:{phrases('collective_verbs.txt').pattern})", re.IGNORECASE)


@cache
def _collective_words() -> tuple[re.Pattern, re.Pattern | None]:
    """Finders of a head noun and of a verb's piece (``_piece_finder``) of ``_collective_regex()`` in a lower-case
    text."""
    return re.compile(scan.trie({w.lower() for w in word_set("collective_heads.txt")})), _piece_finder("collective_verbs.txt")


def _collective_search(text: str) -> re.Match | None:
    """``_collective_regex().search(text)``, skipped at once when the text lacks a head noun or a verb's piece (every
    match holds both, in lower case too unless a ``RISKY`` character is in the text)."""
    lowered = folded(text)
    if lowered is not None:
        heads, verbs = _collective_words()
        if not heads.search(lowered) or (verbs is not None and not verbs.search(lowered)):
            return None
    return _collective_regex().search(text)


def collective_source(actors: ActorTable, sent: Sentence) -> str | None:
    """An unnamed collective that makes the claims of its sentence ("rights groups say", "relatives and neighbours
    of prisoners recount ..."), as a Group actor named by its words without the counting ones ("some of")."""
    memo = _text_memo(actors.text)
    m = memo.get(("collective", sent.text), False)
    if m is False:  # read once per sentence (its claims and its sources ask)
        m = memo["collective", sent.text] = _collective_search(sent.text)
    if not m:
        return None
    start, end = sent.start + m.start(1), sent.start + m.end(1)
    named = [x for x in actors.within(start, end) if actors.entries[x.key].type != "Group"]
    if any(x.end >= end or actors.entries[x.key].type != "Country" for x in named):
        return None  # "Amnesty International researchers say", "the United States condemns": a named source
    name = _quantifiers_lead().sub("", " ".join(m.group(1).split()))
    key = "group:" + name.lower()
    actors.entry(key, name, "Group", listed=False)
    return key


def _article_len(text: str) -> int:
    m = ARTICLE_LEAD.match(text)
    return m.end() if m else 0


FROM_BEFORE = re.compile(r"\b(?:from|against)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are)\s+$")


def _protective(text: str, start: int) -> bool:
    """An abuse phrase someone is protected from ("protects journalists from harassment"), not one that happens."""
    near = text[max(0, start - 40):start]
    m = FROM_BEFORE.search(near)
    if not m:
        return False
    at = start - len(near) + m.start()
    clause = CLAUSE_POINTS.split(text[max(0, at - 80):at])[-1]
    return bool(phrase_search("protective_verbs.txt", clause))


def _upheld(text: str, start: int, end: int) -> bool:
    """A right or freedom named as such and upheld ("supporting their right to freedom of expression"): no abuse. So
    is a freedom listed after the first in a call to respect or protect them ("urged it to protect freedoms of
    expression, association and assembly"): the list is a formula, its later freedoms only alluded to."""
    before = text[max(0, start - 80):start]
    if ("freedom" in before or "right" in before) and FREEDOM_LIST.search(before):
        call = CALL_BREAK.split(text[max(0, start - 400):start])[-1]  # a call may open a long sentence
        if EXHORTATION.search(call) and (phrase_search("upholding_verbs.txt", call)
                                         or phrase_search("protective_verbs.txt", call)):
            return True
    if not RIGHTS_WORD.search(text[max(0, start - 25):end]):
        return False
    clause = UPHELD_BREAK.split(text[max(0, start - 80):start])[-1]
    if EXHORTATION.search(clause):
        return False  # "we call on the government to respect freedom of assembly": it does not, says the speaker
    return bool(phrase_search("upholding_verbs.txt", clause))


FREEDOM_LIST = re.compile(r"\b(?:rights?|freedoms?)\s+(?:of|to)\s+(?:[\w-]+\s+){0,2}[\w-]+,\s+(?:[\w-]+,?\s+){0,6}$", re.I)


EXHORTATION = re.compile(r"\b(?:call\w*|urg\w*|press\w*|demand\w*|ask\w*|appeal\w*|encourag\w*|reiterat\w*)\b.*\bto\s+\w+",
                         re.I)


def _negated(text: str, start: int, end: int | None = None) -> bool:
    """An abuse phrase said not to happen: "there are no political prisoners", "does not use torture", "no torture
    takes place", "have never tortured anyone", "does not hold any political prisoners", "no one is arrested for"."""
    near = " ".join(text[max(0, start - 40):start].lower().split())
    if holds_any(near, _negation_words()) and negation().search(near):
        return True
    if ("not" in near or "never" in near or "n't" in near or "no " in near or "nobody" in near) and (
            VERB_NEGATED.search(near) or NO_ONE_BEFORE.search(near)):
        return True
    return end is not None and bool(NO_BEFORE.search(text[max(0, start - 4):start])) and bool(
        _predicate_after().match(text[end:end + 40]))


@cache
def _negation_words() -> tuple[str, ...]:
    """The longest word of each negation cue: a text where ``negation()`` finds a cue holds it."""
    return tuple(sorted({max(cue.split(), key=len) for cue in word_set("negation_cues.txt")}))


@cache
def negation() -> re.Pattern:
    """A negation cue of the data file at the end of a text, or one or two words before its end."""
    cues = "|".join(re.escape(cue) for cue in sorted(word_set("negation_cues.txt"), key=len, reverse=True))
    return re.compile(rf"(?:^|\b)(?:{cues})(?:\s+[\w-]+){{0,2}}$")


def find_claims(sents: list[Sentence], actors: ActorTable, speaker_at, main_country: str | None,
                self_countries: set[str], author: str | None, sources: tuple[str, ...] = (),
                law_harms: list[ClaimFound] = (), title: str = "", publisher: str | None = None) -> list[ClaimFound]:
    """The (abuse, country) claims of an article: one per claimant and stance. ``sources`` are the speakers of its
    statements; the one heard most, not on the accused side, claims what no sentence attributes, else the article's
    ``publisher`` (an actor key) reports them in its own voice."""
    found: list[ClaimFound] = []
    body = voting_body(actors, title)
    for sent in sents:
        matches = blamed_deaths(sent.text, reread(sent.text, abuse_matches(sent.text)))
        if matches:
            found += _sentence_claims(sent, matches, actors, speaker_at, main_country, self_countries, author, body)
    found += law_harms
    if not found:
        return []
    found += _denials_pointing_back(found, sents, actors, speaker_at)
    lead = next((d for d in (find_denial(actors, s, speaker_at(s)[0]) for s in sents[:3]) if d), None)
    if lead:
        found += _denied_in_lead(found, sents, actors, lead)
    _speaking_deniers(found, sents, actors, speaker_at, sources)
    accused = {(c.claimant, c.country) for c in found if c.stance == "asserts" and c.claimant}
    accused = {pair for pair in accused if on_accused_side(actors, *pair)}
    for c in found:
        if c.stance == "asserts" and (c.claimant, c.country) in accused:
            c.claimant = None  # the accused telling of its own acts accuses no one: the claim is another source's
    in_occupied_regions(found, sents, actors, title)
    if all(c.claimant for c in found):
        return merge_claims(found, None)
    victims = {v for c in found for v in c.victims if actors.entries[v].type == "Person"}
    return merge_claims(found, main_source(actors, (*sources, *reported_sources(sents, actors, speaker_at)),
                                           main_country, victims) or publisher, accusers(found))


def accusers(found: list[ClaimFound]) -> dict[str, str]:
    """For each country, the source that accuses it in the most sentences of its own (the first heard on a tie): whom
    an article hears accusing a state claims what it narrates of that state, rather than a source heard more often
    on other things (a victim who accuses is an accuser too)."""
    counts: dict[str, Counter] = {}
    seen = set()
    for c in sorted(found, key=lambda c: c.sentence):  # stable: the order of mention within a sentence
        if c.claimant and c.stance == "asserts" and (c.country, c.claimant, c.sentence) not in seen:
            seen.add((c.country, c.claimant, c.sentence))
            counts.setdefault(c.country, Counter())[c.claimant] += 1
    return {country: count.most_common(1)[0][0] for country, count in counts.items()}


@cache
def _occupied_regions() -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    """The regions of occupied_regions.tsv as one regex, and each name's (state it belongs to, occupier) keys."""
    rows = {row[0]: (country_key(row[1]), country_key(row[2])) for row in lexicon.rows("occupied_regions.tsv")}
    # as a tree of the names' shared beginnings: the same match as their alternation longest first (``scan.trie``)
    return re.compile(rf"\b(?:{scan.trie(rows)})\b"), rows


@cache
def _region_pieces() -> tuple[str, ...]:
    """The names of occupied_regions.tsv but those holding another (a text holding one holds that other)."""
    names = set(_occupied_regions()[1])
    return tuple(sorted(n for n in names if not any(o != n and o in n for o in names)))


def _region_named(text: str) -> tuple[str, str] | None:
    regex, rows = _occupied_regions()
    if not holds_any(text, _region_pieces()):
        return None  # no name of a region is in the text
    m = regex.search(text)
    return rows[m.group()] if m else None


def in_occupied_regions(found: list[ClaimFound], sents: list[Sentence], actors: ActorTable, title: str) -> None:
    """An abuse in a region one state occupies in another ("detentions in occupied Crimea") happens in the state the
    region belongs to, by the occupier: the claim's country becomes that state (as an actor if the text never names
    it) and the occupier its perpetrator where none is named. A claim is in the region when its sentence names it, or
    when the title does and its sentence names no other place; not where the sentence names the occupier as a place
    too."""
    focus = _region_named(title)
    for c in found:
        text = sents[c.sentence].text
        region = _region_named(text)
        if region is None and focus and not any(
                actors.entries[m.key].type == "Place" for m in actors.within(sents[c.sentence].start, sents[c.sentence].end)):
            region = focus
        if region is None or c.country not in region or _occupier_a_place(actors, sents[c.sentence], region[1]):
            continue
        belongs, occupier = region
        if c.perpetrator is None and c.country == occupier:
            c.perpetrator = occupier if occupier in actors.entries else None
        c.country = belongs
        found_country = gazetteer.country(belongs.split(":", 1)[1])
        if belongs not in actors.entries and found_country:
            actors.entry(belongs, found_country.name, "Country", country=belongs.split(":", 1)[1])


def _occupier_a_place(actors: ActorTable, sent: Sentence, occupier: str) -> bool:
    """The occupier named as a place beside the region ("banned in Russia and in occupied Crimea"): both, not one."""
    return any(country_of(m.key) == occupier and IN_BEFORE.search(actors.text[max(sent.start, m.start - 12):m.start])
               for m in actors.within(sent.start, sent.end))


def _speaking_deniers(found: list[ClaimFound], sents: list[Sentence], actors: ActorTable, speaker_at,
                      sources: tuple[str, ...]) -> None:
    """A denial by a state, its government or a described denier ("the government of Ruritania is denying", "a rebel
    group ... denies") is the one of whom the article names speaking: the first named person or body that denies in
    any sentence ("its spokesman X rejected the accusations"), else the body of that state heard most ("the Foreign
    Ministry says ...")."""
    generic = [c for c in found if c.stance == "denies" and _generic_denier(actors, c.claimant)]
    if not generic:
        return
    deniers = [d.denier for s in sents if (d := find_denial(actors, s, speaker_at(s)[0]))]
    for c in generic:
        named = next((k for k in deniers if not _generic_denier(actors, k)
                      and on_accused_side(actors, k, c.country, denying=True)), None)
        bodies = Counter(k for k in sources if k and not _generic_denier(actors, k) and actor_country(actors, k) == c.country
                         and actors.entries[k].type in ("GovernmentBody", "MediaOutlet", "Organization"))
        named = named or (bodies.most_common(1)[0][0] if bodies else None)
        if named:
            c.claimant = named


def _generic_denier(actors: ActorTable, key: str | None) -> bool:
    """A state, its government, or an unnamed group: a denier the article may name more exactly."""
    return bool(key) and (key.split(":", 1)[0] in ("country", "government") or actors.entries[key].type == "Group")


def voting_body(actors: ActorTable, title: str) -> str | None:
    """The deliberative body an article reports on (an assembly, council or parliament that votes): the one its title
    names, else the one it names most often; None when it names none."""
    heads = word_set("deliberative_heads.txt")
    bodies = [e for e in actors.entries.values() if e.type in ("InternationalOrganization", "GovernmentBody")
              and e.spans and e.name.split()[-1] in heads]
    if not bodies:
        return None
    titled = [e for e in bodies if any(n in title for n in e.all_names())]
    return max(titled or bodies, key=lambda e: (len(e.spans), -min(e.spans)[0])).key


def reported_sources(sents: list[Sentence], actors: ActorTable, speaker_at) -> list[str]:
    """The sources sentences name outside any statement ("rights groups have condemned the sentence", "X accuses
    ..."): beside the speakers, they are whom an article hears."""
    out = []
    for sent in sents:
        if speaker_at(sent)[0] is None:
            source = sentence_source(actors, sent) or collective_source(actors, sent)
            if source:
                out.append(source)
    return out


def main_source(actors: ActorTable, sources: tuple[str, ...], main_country: str | None, victims: set[str]) -> str | None:
    """The source an article hears most, leaving out the accused side and victims named; a state's body rather than
    the state when both speak ("U.S. Department of State" rather than "United States")."""
    accused = {k for k in set(sources) if k and main_country and on_accused_side(actors, k, main_country)}
    counts = Counter(k for k in sources if k and k not in victims and k not in accused)
    if not counts:
        return None
    best = counts.most_common(1)[0][0]
    if best.startswith("country:"):
        bodies = [k for k in counts if actors.entries[k].type == "GovernmentBody" and actor_country(actors, k) == best]
        return bodies[0] if bodies else best
    return best


REPORTED = re.compile(r"\b(?:report\w*|alleg\w*|accus\w*|findings?)\b", re.IGNORECASE)


def _denied_in_lead(found: list[ClaimFound], sents: list[Sentence], actors: ActorTable, lead: Denial) -> list[ClaimFound]:
    """An article that opens with the accused rejecting a report ("The government rejected the findings of ..."): the
    report's claims, where the article gives them unattributed or as the accuser's, are the ones it denies."""
    out = []
    for c in found:
        accuser = c.claimant in (None, lead.accuser) or (  # the accuser, named only after the lead
            lead.accuser is None and not on_accused_side(actors, c.claimant, c.country))
        if (c.stance == "asserts" and accuser and REPORTED.search(sents[c.sentence].text)
                and on_accused_side(actors, lead.denier, c.country, denying=True)):
            out.append(replace(c, claimant=lead.denier, stance="denies", asserted_by=lead.accuser or c.claimant,
                               rule="claim.denial"))
    return out


BACK = 3  # sentences before a denial that names no abuse of its own whose claims it can answer
# what a denial names when it answers claims made before it: "denied the allegations", "rejected the accusations as
# baseless", "dismissed the report", "has denied any wrongdoing" (the noun ends its phrase: not "denied reports that
# it was funded from abroad", "rejected the charges of fraud", which say what they deny)
BACK_OBJECT = re.compile(r"\s+(?:(?:the|these|those|such|all|any|its|their|his|her|this|that|both)\s+)?"
                         r"(?:[\w-]+\s+){0,2}?(?:allegations?|accusations?|claims?|charges?|reports?|findings?|"
                         r"wrongdoing|criticism)(?=\s*(?:[.,;:!?\"”’)]|$)|\s+(?:as|by|from|in|on|made|published|"
                         r"outright|and|but|saying|which|against|last|this|again)\b)", re.IGNORECASE)
# a relative clause denying what the sentence just said: ", a claim the government denied", ", which X denies",
# ", allegations that the ministry has rejected"
RELATIVE_DENIAL = re.compile(r",\s+(?:(?:an?|the)\s+)?(?:(?:claim|charge|accusation|allegation)s?\s+(?:that\s+|which\s+)?|"
                             r"which\s+)(?P<who>[^,;:.]{1,60}?)\s+(?:(?:has|have|had)\s+)?(?:(?:repeatedly|strongly|"
                             r"flatly|always|consistently|categorically)\s+)?(?:denied|denies|deny|rejected|rejects|"
                             r"reject|disputed|disputes|dismissed|dismisses)\b", re.IGNORECASE)


def _denials_pointing_back(found: list[ClaimFound], sents: list[Sentence], actors: ActorTable,
                           speaker_at) -> list[ClaimFound]:
    """Denials that answer claims made before them without naming the abuse: "... police tortured detainees. The
    ministry denied the allegations." (the claims of the ``BACK`` sentences before), and relative clauses ("...
    tortured detainees, a claim the government denied": the claims before the clause). A denier on the accused side
    of a claim's country denies it, the claim's maker being the accuser; the claim itself stands."""
    asserted = [c for c in found if c.stance == "asserts"]
    if not asserted:
        return []
    by_sentence: dict[int, list[ClaimFound]] = {}
    for c in asserted:
        by_sentence.setdefault(c.sentence, []).append(c)
    first = min(by_sentence)
    out: list[ClaimFound] = []
    for sent in sents[first:]:
        own = by_sentence.get(sent.index, [])
        speaker, statement = speaker_at(sent)
        rel = RELATIVE_DENIAL.search(sent.text) if own else None
        if rel:
            who = [m.key for m in actors.within(sent.start + rel.start("who"), sent.start + rel.end("who"))]
            denier = who[-1] if who else None
            earlier = [c for c in own if c.start - sent.start < rel.start()]
            # the sentence's statement is the accuser's, unless the denier speaks it
            out += _answered(earlier, actors, denier, sent, rel.start(), rel.end(), statement if speaker == denier else None)
            continue
        denial = find_denial(actors, sent, speaker)
        if denial is None or not BACK_OBJECT.match(sent.text, denial.start) or any(
                denial.start <= c.start - sent.start < denial.end for c in own):
            continue  # no denial, or one that says what it denies
        before = [c for i in range(max(first, sent.index - BACK), sent.index) for c in by_sentence.get(i, [])]
        if denial.accuser and any(c.claimant == denial.accuser for c in before):
            before = [c for c in before if c.claimant == denial.accuser]  # "rejected the allegations by X"
        out += _answered(before, actors, denial.denier, sent, denial.start, denial.end,
                         statement if speaker == denial.denier else None)
    return out


def _answered(claims: list[ClaimFound], actors: ActorTable, denier: str | None, sent: Sentence, start: int, end: int,
              statement: int | None) -> list[ClaimFound]:
    """The denials by ``denier`` of the claims against its side (the span ``start``-``end`` of ``sent`` says it)."""
    if denier is None:
        return []
    start += len(sent.text[start:end]) - len(sent.text[start:end].lstrip())
    return [replace(c, claimant=denier, stance="denies", asserted_by=c.claimant, start=sent.start + start,
                    end=sent.start + end, sentence=sent.index, rule="claim.denial.back", confidence=0.6,
                    statement=statement)
            for c in claims if c.claimant != denier and on_accused_side(actors, denier, c.country, denying=True)]


def _sentence_claims(sent: Sentence, matches, actors: ActorTable, speaker_at, main_country: str | None,
                     self_countries: set[str], author: str | None, body: str | None = None) -> list[ClaimFound]:
    context = any(strong for *_, strong in matches) or phrase_found("state_actor_words.txt", sent.text)
    speaker, statement = speaker_at(sent)
    claimant = speaker or sentence_source(actors, sent) or collective_source(actors, sent) or author
    if speaker and speaker == author:  # a one-voice statement reporting what a collective says: the collective's
        claimant = collective_source(actors, sent) or claimant
    if body and speaker in (None, author) and phrase_search("vote_words.txt", sent.text):
        claimant = body  # "by 90 votes to 12, members deplored ...": the assembly's claim
    exclude = set(self_countries)
    if actor_country(actors, claimant) and actors.entries[claimant].type != "NGO":
        exclude.add(actor_country(actors, claimant))  # a state accuses others; an NGO reports on its own country
    countries = sentence_countries(actors, sent, exclude)
    denial: list = []  # read at the first claim that needs it
    out = []
    sides: dict[str, tuple[str | None, tuple[str, ...]]] = {}  # parties by country, read once per sentence
    for start, end, code, strong in matches:
        if not strong and not context:
            continue
        charge = CHARGE_FRAME.search(sent.text[:start]) if code in CRIMES_CHARGED else None
        if charge and not STATE_ACCUSED.search(sent.text[:charge.start()] + charge.group()):
            continue  # "was accused of being an accomplice to the murder": the charge, not a state's abuse
        if _protective(sent.text, start) or _upheld(sent.text, start, end):
            continue
        best = max(countries, key=lambda c: (c[2], -abs(c[0] - sent.start - start))) if countries else None
        if best and (best[2] >= 1 or not main_country or main_country in exclude):
            country = best[1]
        elif (main_country and main_country not in exclude) or (main_country and not countries):
            country = main_country
        else:
            continue
        if country not in sides:
            sides[country] = parties(actors, sent, country, claimant)
        perpetrator, victims = sides[country]
        base = ClaimFound(code, country, claimant, "asserts", sent.start + start, sent.start + end, sent.index,
                          "claim.label" if strong else "claim.context", 0.7 if strong else 0.5, perpetrator,
                          statement, victims)
        if _negated(sent.text, start, end):  # "there are no political prisoners": a denial by the accused, else no claim
            subject = claimant or next((x.key for x in actors.within(sent.start, sent.start + start) if not
                LOCATIVE_END.search(sent.text[:x.start - sent.start])), None)
            if subject and on_accused_side(actors, subject, country, denying=True):
                out.append(replace(base, claimant=subject, stance="denies", rule="claim.denial"))
        elif _denied(denial, actors, sent, speaker, start, country):
            accuser = denial[0].accuser or (claimant if claimant != denial[0].denier else None)
            out += [replace(base, claimant=denial[0].denier, stance="denies", asserted_by=accuser, rule="claim.denial"),
                    replace(base, claimant=accuser)]
        else:
            out.append(base)
    return out


def claims_of_laws(found: list[tuple[str, str, object]], sents: list[Sentence], speaker_at,
                   author: str | None) -> list[ClaimFound]:
    """Claims read from laws named by what they restrict: the harm in the law's jurisdiction, claimed by the speaker
    of the sentence naming the law (or the article's author)."""
    out = []
    for code, country, law in found:
        sent = sents[law.sentence]
        speaker, statement = speaker_at(sent)
        out.append(ClaimFound(code, country, speaker or author, "asserts", law.start, law.end, law.sentence, "claim.law",
                              0.5, statement=statement))
    return out


def _denied(denial: list, actors: ActorTable, sent: Sentence, speaker: str | None, start: int, country: str) -> bool:
    """Whether the sentence's denial (found once, kept in ``denial``) covers the phrase at ``start`` and is made by the
    side accused in ``country``."""
    if not denial:
        denial.append(find_denial(actors, sent, speaker))
    d = denial[0]
    return bool(d and d.start <= start < d.end and on_accused_side(actors, d.denier, country, True))


def merge_claims(found: list[ClaimFound], fallback: str | None, by_country: dict[str, str] | None = None) -> list[ClaimFound]:
    """One claim per (abuse, country, stance, claimant), the first mention of each; a claim no mention attributes
    falls back to the source accusing its country (``by_country``), else the article's main source (with a lower
    confidence)."""
    groups: dict[tuple[str, str, str], list[ClaimFound]] = {}
    for c in found:
        groups.setdefault((c.abuse, c.country, c.stance), []).append(c)
    out = []
    for (_, _, stance), items in groups.items():
        named = list({c.claimant: c for c in reversed(items) if c.claimant}.values())[::-1]
        if named:
            out += named
            continue
        first = items[0]
        source = (by_country or {}).get(first.country) or fallback
        if source and stance == "asserts":
            first.claimant, first.confidence = source, first.confidence - 0.1
        out.append(first)
    return out


# Regexes of the functions above, compiled once (a pattern string costs a cache lookup at each call)
AND_BETWEEN = re.compile(r"\s+(?:and|&)\s+")
BY_BEFORE = re.compile(r"\bby\s+(?:[A-Z][\w.]*\s+){0,3}$")
PASSIVE_AFTER = re.compile(r"^(?:,[^,]*,)?\s*(?:(?:and|&)\s+[A-Z][\w ]+?\s+)?"
                           r"(?:was|were|is|are|has\s+been|had\s+been|remains?)\b")
OF_NAME_END = re.compile(r"\bof\s+(?:the\s+)?([A-Z][\w.]+(?:\s+[A-Z][\w.]+)?)$")
KILL_WORD = re.compile(r"kill\w*|deaths?|dead")
ARREST_VERB = re.compile(r"arrest\w*|detain\w*")
CLAUSE_MARKS = re.compile(r"[,;:.]")
CLAUSE_COMMAS = re.compile(r"[,;:]")
CLAUSE_BREAK = re.compile(r"[.;:]|,\s+(?:but|while|and)\b")
LAW_NAMED = re.compile(r"\b(?:laws?|bills?|acts?|legislation|decrees?|ordinances?|codes?)\b", re.IGNORECASE)
FROM_AFTER = re.compile(r"(?:\s+[\w'’-]+){0,2}\s+from\b")
CLAUSE_OPENERS = re.compile(r"[,;:]\s+")
AUXILIARY_END = re.compile(r"\s+(?:is|are|was|were|has|have|had)\s*$")
POSSESSIVE_END = re.compile(r"(?:'s|’s)\s*$")
TOLD_BEFORE = re.compile(r"\b(?:told|to)\s+$")
TITLE_BREAK = re.compile(r"[.,;:\n“”\"()]")
APPOSED_BEFORE = re.compile(r"(?:^|[.,;:]\s+|\b(?:the|a|an)\s+)((?:[\w.'’-]+\s+){0,3}[\w.'’-]+),\s+$")
APPOSED_AFTER = re.compile(r",\s+(?!(?:in|on|at|from|of|who|which|where|when|whose|after|before|during|with|without|for|to|by|"
                           r"as|and|but|said|says|told)\b)((?:(?:the|a|an)\s+)?(?:[\w.'’-]+\s+){0,4}?[\w.'’-]+)(?=,|\s+(?:said|says|told|added)\b)")
CAPITALISED = re.compile(r"[A-Z][\w.]+")
ACCORDING_TO = re.compile(r"\baccording\s+to\s+", re.IGNORECASE)
SOURCE_BREAK = re.compile(r"[,;:]|\b(?:who|whose|which|that|by)\b")
ARTICLE_LEAD = re.compile(r"(?:the|a|an)\s+", re.IGNORECASE)
CLAUSE_POINTS = re.compile(r"[.;,]")
CALL_BREAK = re.compile(r"[.;]|,\s+(?:but|while)\b")
RIGHTS_WORD = re.compile(r"\b(?:rights?|freedoms?|liberty)\b", re.IGNORECASE)
UPHELD_BREAK = CLAUSE_BREAK  # the same clause end
NO_BEFORE = re.compile(r"\bno\s+$", re.IGNORECASE)
# the verb of the abuse phrase negated ("have never tortured", "did not arbitrarily detain", "does not hold any"), with
# at most two adverbs between (not "have not investigated the torture of", "never stopped torturing": other verbs)
VERB_NEGATED = re.compile(r"(?:\bnever|\bnot|n't|\bno\s+longer)(?:\s+(?:ever|once|been|be|knowingly|arbitrarily|"
                          r"systematically|routinely|deliberately|physically|unlawfully)){0,2}"
                          r"(?:\s+(?:hold|holds|keep|keeps|have|has)(?:\s+any)?|\s+(?:make|makes|made|making)\s+(?:anyone|"
                          r"anybody|people|someone|somebody))?$")
# "no one (in this country) is arrested for", "nobody has been jailed for", "no prisoner had been denied" (the
# subject negated)
NO_ONE_BEFORE = re.compile(r"\b(?:no\s+one|nobody|no\s+(?:person|prisoner|detainee|inmate|journalist|citizen|activist|"
                           r"protester|worker|child|woman|man)s?)(?:\s+(?:in|at|from|of)(?:\s+[\w'-]+){1,3})?"
                           r"\s+(?:is|was|are|were|has\s+been|have\s+been|had\s+been|will\s+be|gets|got|can\s+be)"
                           r"(?:\s+ever)?$")
IN_BEFORE = re.compile(r"\b(?:in|across|throughout)\s+(?:the\s+)?$")
LOCATIVE_END = re.compile(r"\b(?:in|from|at|across|inside|of)\s+(?:the\s+)?$", re.IGNORECASE)


@cache
def _press_after() -> re.Pattern:
    return re.compile(rf"[\s-]+(?:{phrases('press_nouns.txt').pattern})", re.IGNORECASE)


@cache
def _purpose_before() -> re.Pattern:
    return re.compile(rf"\bto\s+(?:{phrases('purpose_verbs.txt').pattern})\s+(?:the\s+)?$", re.IGNORECASE)


@cache
def _denier_tail() -> re.Pattern:
    return re.compile(rf"(?:'s|’s)?\s+(?:[a-z][\w-]*\s+){{0,3}}?(?:{_denier_heads()})\s+{AUXILIARIES}")


@cache
def _denier_clause() -> re.Pattern:
    return re.compile(rf"(?:(?:a|an|the)\s+)?((?:[a-z][\w-]*\s+){{0,3}}?(?:{_denier_heads()}))\b"
                      rf"(?:\s+(?:in|from|of|based)\b[^,;]*)?\s+{AUXILIARIES}$", re.IGNORECASE)


@cache
def _quantifiers_lead() -> re.Pattern:
    return re.compile(rf"^(?:(?:{lexicon.alternation_of(word_set('collective_quantifiers.txt'))}|\d[\d,]*)\s+)+",
                      re.IGNORECASE)


@cache
def _predicate_after() -> re.Pattern:
    return re.compile(rf"\s+(?:[\w-]+\s+)?(?:{lexicon.alternation_of(word_set('negation_predicates.txt'))})\b",
                      re.IGNORECASE)
