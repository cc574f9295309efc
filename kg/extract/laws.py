"""Laws, bills and decrees an article names or describes, with their jurisdiction and status."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import islice

from kg.extract import lexicon, scan
from kg.extract.actors import ActorTable
from kg.extract.claims import _pieces, abuse_matches, folded, holds_any, sentence_countries, sentences_at, word_set
from kg.extract.figures import months as _months
from kg.extract.text import Sentence
from kg.identity import country_of

LAW_DESCRIBED = re.compile(r"\b(?:(?:the|a|an|this|new|its|their|controversial|so-called|restrictive)\s+)+"
                           r"(?P<name>(?:draft\s+|proposed\s+)?(?:[Ll]aw|[Bb]ill|legislation|[Dd]ecree)\s+on\s+(?:so-called\s+)?"
                           r"[“\"‘']?[\w’'-]+(?:\s+[\w’'-]+){0,4}[”\"’']?|[“\"‘']?(?:[a-z][\w’'-]*[”\"’']?[\s-]){1,3}[”\"’']?\s*"
                           r"(?:law|bill|legislation))\b")
LAW_ARTICLE = re.compile(r"\b([Aa]rticle\s+\d+[\w.]*\s+of\s+(?:the\s+|[A-Z][\w]+['’]s\s+)(?:[A-Za-z]+\s+){0,3}"
                         r"(?:[Cc]ode|[Cc]onstitution|[Ll]aw))\b")
QUOTED_LAW = re.compile(r"([“\"‘]\s*[\w’' -]{3,40}[”\"’]\s+(?:laws?|bill|act|legislation|decree))\b", re.IGNORECASE)
LAW_NOUNS = r"(?:laws?|bills?|legislation|decrees?|directives?)"


@cache
def law_caps() -> re.Pattern:
    """A capitalised name ending in a law noun of the data file: "Foreign Agents Registration Act"."""
    nouns = "|".join(re.escape(row[0]) for row in lexicon.rows("law_nouns.txt"))
    return re.compile(rf"\b((?:[A-Z][\w'’-]*\s+(?:(?:on|of|for|the|and)\s+)?){{1,6}}(?:{nouns}))\b")


@cache
def topic_laws() -> re.Pattern:
    """A law named by its topic ("emergency laws", "sedition act", "penal code")."""
    topics = "|".join(lexicon.label_regex(row[0])[2:-2] for row in lexicon.rows("law_topics.txt"))
    return re.compile(rf"\b((?:{topics})[\s-]+(?:laws?|act|code|legislation|decrees?))\b", re.IGNORECASE)


@cache
def purpose_laws() -> re.Pattern:
    """The head of a law described by what it does ("legislation to sanction ...", "a bill that would make ...")."""
    verbs = "|".join(lexicon.label_regex(row[0]) for row in lexicon.rows("law_purpose_verbs.txt"))
    # "a decree that allowed troops to ...", "a bill allowing police to ...": what it lets the state do (but "amended
    # the law to allow ..." is what the amendment does)
    allow = r"allow(?:s|ed|ing)?|permit(?:s|ted|ting)?"
    return re.compile(rf"\b({LAW_NOUNS}\s+(?:(?:(?:that|which)\s+(?:would\s+)?|to\s+)?(?:{verbs})|(?:that|which)\s+"
                      rf"(?:would\s+)?(?:{allow})|allowing|permitting))", re.IGNORECASE)


@cache
def purpose_end() -> re.Pattern:
    """Where the description of a law's purpose ends: punctuation, a clause word, a date."""
    return re.compile(r"[,.;:()]|\s(?:and|but|which|that|because|after|before|when|while|since|during|last|this|next)\s"
                      r"|\s(?:on|in)\s+(?:[A-Z][a-z]+day|" + "|".join(m[:3] for m in _months()) + r"|\d)")


def _purpose_names(text: str) -> list[tuple[int, int, str]]:
    """"a law to regulate NGOs, ..." -> "law to regulate NGOs": the head and up to six words, to a clause break."""
    out = []
    for m in purpose_laws().finditer(text):
        rest = purpose_end().split(text[m.end():])[0]
        words = list(islice(NON_SPACE.finditer(rest), 6))
        if words:
            end = m.end() + words[-1].end()
            out.append((m.start(), end, " ".join(text[m.start():end].split())))
    return out


@cache
def law_status() -> list[tuple[str, re.Pattern]]:
    """(status, the words that show it), in the order they are tried."""
    rows = lexicon.rows("law_status.tsv")
    order = list(dict.fromkeys(row[0] for row in rows))
    return [(s, lexicon.alternation("|".join(row[1] for row in rows if row[0] == s))) for s in order]


@dataclass
class LawFound:
    name: str
    jurisdiction: str | None
    status: str | None
    start: int
    end: int
    sentence: int
    aliases: set[str]


# Regexes of the functions below, compiled once (a pattern string costs a cache lookup at each call)
QUOTE_MARKS = re.compile(r"[“”\"‘]|(?<!\w)['’]|['’](?!\w)")

NON_SPACE = re.compile(r"\S+")
# a call before a word of repeal: the repeal is asked for, not done
CALL_FOR = re.compile(r"\b(?:call(?:s|ed|ing)?\s+(?:on\s+[^,;.]{1,60}?\s+)?(?:for|to)|urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?|"
                      r"demand(?:s|ed|ing)?|press(?:es|ed|ing)?|appeal(?:s|ed|ing)?|should|must|wants?|wanted|"
                      r"seek(?:s|ing)?|sought|push(?:es|ed|ing)?\s+for|campaign(?:s|ed|ing)?\s+for)\b[^.;]*$", re.IGNORECASE)
WEEKDAY = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day")
DAY_AFTER_LAW = re.compile(rf"\b((?:[Ll]aws?|[Bb]ills?|legislation|[Dd]ecrees?))(\s+(?:late\s+|early\s+)?on\s+"
                           rf"{WEEKDAY.pattern})\b")
ON_WORD = re.compile(r"\bon\s+(?:so-called\s+|the\s+)?")
LOWER_WORDS = re.compile(r"[a-z’'-]+")
LETTER_RUNS = re.compile(r"[a-z]+")
HEADLINE_HEAD = re.compile(r"^(?:[A-Z][\w'’-]*\s+)+on\s+(?=(?:[A-Z][\w'’-]*\s+)+)")
CLAUSE_MARK = re.compile(r"[,;.]")
LEADING_OWNER = re.compile(r"^(?:The|A|An|[A-Z][\w]+['’]s)\s+")
OF_OWNER = re.compile(r"\b(of\s+)[A-Z][\w]+['’]s\s+")
NOT_LAW_KEY = re.compile(r"^(?:rule|martial|international|human|court|the)\b")


def _trim_law_name(name: str) -> str:
    """"law on so-called foreign agents that the ruling" -> "law on so-called foreign agents"."""
    from spacy.lang.en.stop_words import STOP_WORDS

    name = QUOTE_MARKS.sub("", name).strip()
    m = ON_WORD.search(name)
    if not m:
        return name
    if _dated(name[m.end():]):
        return name[:m.start()].strip()  # "a law on Monday requiring ...": when it passed, not what it is on
    words = name[m.end():].split(" ")
    kept = []
    for w in words:
        if w.lower().strip("“”\"‘’'") in STOP_WORDS and w.lower() not in ("of", "and"):
            break
        kept.append(w)
    while kept and kept[-1].lower() in ("of", "and"):
        kept.pop()
    return (name[:m.end()] + " ".join(kept)).strip(" “”\"‘’'")


def _dated(after_on: str) -> bool:
    """Whether the words after "on" are a date ("Monday", "12 May", "May 12"), not a topic."""
    first = after_on.split(" ", 1)[0].strip(",.")
    return bool(first) and (first[0].isdigit() or WEEKDAY.fullmatch(first) is not None or first.lower() in _months())


def _stop_modifiers(name: str) -> bool:
    """True when the words before "law" are function words ("said the law", "of the law"), not a description."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = LOWER_WORDS.findall(name.lower())
    if " on " in f" {name.lower()} ":
        return False
    modifiers = [w for w in words[:-1] if w not in ("draft", "proposed", "so-called", "new")]
    return not modifiers or any(w in STOP_WORDS for w in modifiers)


def _law_key(name: str) -> str:
    words = [w for w in LETTER_RUNS.findall(name.lower()) if w not in word_set("law_stop_words.txt")]
    return " ".join(w.rstrip("s") for w in words)


@cache
def law_word() -> re.Pattern:
    """Any word a law's name or description ends with: a sentence without one names no law."""
    nouns = "|".join(re.escape(row[0]) for row in lexicon.rows("law_nouns.txt"))
    return re.compile(rf"\b(?:laws?|acts?|codes?|bills?|legislation|decrees?|directives?|constitution|{nouns})\b",
                      re.IGNORECASE)


@cache
def _law_words() -> scan.Forms:
    """The words ``law_word()`` matches, one by one: where they stand, a sentence may name a law."""
    nouns = [row[0] for row in lexicon.rows("law_nouns.txt")]
    plurals = [f"{w}s" for w in ("law", "act", "code", "bill", "decree", "directive")]
    return scan.Forms([*plurals, *(w[:-1] for w in plurals), "legislation", "constitution", *nouns])


def _candidates(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of every law a sentence names or describes, overlaps included. A regex runs only where the
    sentence holds a literal word each of its matches holds (``_regex_words``): the same list as
    ``tests/test_extract_speed_claims.plain_candidates``, but no slow scan where no match can be."""
    if not law_word().search(text):
        return []  # every pattern below ends in one of these words
    if " on " in text:  # "passed a law on Monday requiring ...": the day is when, blanked (offsets kept) before naming
        text = DAY_AFTER_LAW.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)
    lowered = folded(text)  # (None when a character folds otherwise: the case-insensitive regexes then run)
    caps, described, topics, purposes = _regex_words()
    found = [(m.start(1), m.end(1), m.group(1)) for m in LAW_ARTICLE.finditer(text)] if "rticle" in text else []
    for m in law_caps().finditer(text) if holds_any(text, caps) else ():
        name, start = m.group(1), m.start(1)
        head = HEADLINE_HEAD.match(name)
        if head:  # "Ned Price on Foreign Agents Law": a headline, not the law's name
            name, start = name[head.end():], start + head.end()
        found.append((start, start + len(name), name))
    if holds_any(text, described):
        found += [(m.start("name"), m.end("name"), m.group("name")) for m in LAW_DESCRIBED.finditer(text)
                  if not _stop_modifiers(m.group("name")) and not _judged_only(m.group("name"))]
    if lowered is None or topics is None or holds_any(lowered, topics):
        found += [(m.start(1), m.end(1), m.group(1)) for m in topic_laws().finditer(text)]
    found += [(m.start(1), m.end(1), m.group(1)) for m in QUOTED_LAW.finditer(text)]
    described = _purpose_names(text) if lowered is None or holds_any(lowered, purposes) else []
    # "a new media law on Wednesday that requires ...": what the law named just before does, not a second law
    return found + [d for d in described if not any(a <= d[0] < b for a, b, _ in found)]


@cache
def _regex_words() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...] | None, tuple[str, ...]]:
    """Literal words every match holds (LAW_ARTICLE's: "rticle", after "[Aa]"): of ``law_caps()`` (its nouns, as
    written: no IGNORECASE); of LAW_DESCRIBED (its law nouns, as written); of ``topic_laws()`` (a piece of each topic
    label, in the lower case of the text: ``claims._pieces``; None when a label has none); of ``purpose_laws()``
    (the lower case of its LAW_NOUNS)."""
    caps = tuple(row[0] for row in lexicon.rows("law_nouns.txt"))
    described = ("law", "Law", "bill", "Bill", "legislation", "decree", "Decree")
    return caps, described, _pieces("law_topics.txt"), ("law", "bill", "legislation", "decree", "directive")


def _judged_only(name: str) -> bool:
    """"similar law", "odious legislation": words that judge a law, naming none."""
    words = LOWER_WORDS.findall(name.lower())
    return " on " not in f" {name.lower()} " and all(w in word_set("law_evaluative.txt") for w in words[:-1])


def _jurisdiction(actors: ActorTable, sent: Sentence, start: int, end: int, self_countries: set[str],
                  main_country: str | None) -> str | None:
    """The law's own state: one named in or just before its name ("Russia's law on ...", "Article 88 of Vietnam's
    penal code", "Constitution of Cambodia"), else the sentence's country, else the article's."""
    near = [m for m in actors.within(sent.start + max(0, start - 25), sent.start + end)
            if country_of(m.key) and not CLAUSE_MARK.search(sent.text[m.end - sent.start:start])]
    if near:
        return country_of(near[-1].key)
    countries = sentence_countries(actors, sent, set())
    own = [c for _, c, _ in countries if c not in self_countries] or [c for _, c, _ in countries]
    return own[0] if own else main_country


def find_laws(sents: list[Sentence], actors: ActorTable, main_country: str | None,
              self_countries: set[str]) -> list[LawFound]:
    laws: dict[str, LawFound] = {}
    # ``law_word()`` matches a whole word of the text: the sentences with none of its words name no law
    maybe = sentences_at(actors.text, sents, actors.words.starts(_law_words(), ignorecase=True))
    for k, sent in enumerate(sents):
        found = _candidates(sent.text) if maybe is None or k in maybe else []
        statuses: list[str | None] = []  # the sentence's status word, read at the first law that needs it
        for i, (start, end, name) in enumerate(found):
            if any(j != i and a <= start < b and b - a > end - start for j, (a, b, _) in enumerate(found)):
                continue  # part of a longer name already found
            name = LEADING_OWNER.sub("", _trim_law_name(name))  # "Pakistan's X Act" -> "X Act"
            name = OF_OWNER.sub(r"\1the ", name)  # "Article 9 of Chile's code" -> "of the code"
            start = sent.text.find(name, start) if sent.text.find(name, start) >= 0 else start
            end = start + len(name)
            key = _law_key(name)
            if not key or len(key) < 3 or NOT_LAW_KEY.match(key):
                continue
            if any(k != key and (k in key or key in k) for k in laws):  # "foreign agent" ~ "foreign agents"
                key = next(k for k in laws if k in key or key in k)
            if not statuses:
                statuses.append(_status(sent.text))
            status = statuses[0]
            if key in laws:
                law = laws[key]
                law.aliases.add(name)
                law.status = law.status or status
                continue
            laws[key] = LawFound(name, _jurisdiction(actors, sent, start, end, self_countries, main_country), status,
                                 sent.start + start, sent.start + end, sent.index, set())
    return list(laws.values())


def _status(text: str) -> str | None:
    """The first status whose words the sentence holds; a repeal only asked for ("urged the government to repeal
    the act", "called for its repeal") leaves the law in force."""
    for status, rx in law_status():
        m = rx.search(text)
        if m:
            if status == "repealed" and CALL_FOR.search(text[max(0, m.start() - 80):m.start()]):
                return "enacted"
            return status
    return None


def fold_descriptions(laws: list[LawFound]) -> list[LawFound]:
    """A law described in common words ("the cybercrime law") is the one law the article names by its title for the
    same jurisdiction ("the Prevention of Electronic Crimes Act"): one law with the description as an alias. Where
    the article names two or more laws of the jurisdiction, which one a description means is not known, and both
    stay."""
    named: dict[str | None, list[LawFound]] = {}
    for law in laws:
        if law.name[:1].isupper():
            named.setdefault(law.jurisdiction, []).append(law)
    out = []
    for law in laws:
        titles = named.get(law.jurisdiction, [])
        if law.name[:1].isupper() or len(titles) != 1 or law.jurisdiction is None:
            out.append(law)
            continue
        titles[0].aliases |= {law.name, *law.aliases}
        titles[0].status = titles[0].status or law.status
    return out


def _abuse_beside(sent: Sentence, law: LawFound) -> bool:
    """An abuse named in the law's sentence outside the law's own name."""
    a, b = law.start - sent.start, law.end - sent.start
    return bool(abuse_matches(sent.text[:a] + " " * (b - a) + sent.text[b:]))


@cache
def law_harms() -> list[tuple[str, re.Pattern]]:
    """(abuse code, the words of a law's name that show it) from the data file."""
    rows = lexicon.rows("law_harms.tsv")
    codes = list(dict.fromkeys(row[0] for row in rows))
    return [(code, lexicon.alternation("|".join(row[1] for row in rows if row[0] == code))) for code in codes]


def law_claims(laws: list[LawFound], sents: list[Sentence], main_country: str | None) -> list[tuple[str, str, LawFound]]:
    """(abuse code, country, law) for each law whose name says what it restricts ("NGO law", "sedition act"), in its
    own jurisdiction: the article's country, or another where the sentence names an abuse (a law named only in
    comparison claims nothing)."""
    out = []
    for law in laws:
        if not law.jurisdiction or law.status == "repealed" or (
                law.jurisdiction != main_country and not _abuse_beside(sents[law.sentence], law)):
            continue
        names = " | ".join([law.name, *sorted(law.aliases)])
        out += [(code, law.jurisdiction, law) for code, rx in law_harms() if rx.search(names)]
    return out
