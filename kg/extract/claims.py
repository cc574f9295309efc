"""Abuse claims, laws and figures: what the text asserts (or denies) happens, and where.

Abuse phrases come from the SKOS scheme (ontology/abuses.ttl): altLabels always count, hiddenLabels
(context-dependent words such as "arrested") only in a sentence that also names a state actor or
another abuse."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from kg.extract import lexicon
from kg.extract.actors import ActorTable
from kg.extract.text import Sentence

DENIAL = re.compile(r"\b(den(?:y|ied|ies|ying)|reject\w*|dismiss\w*|refut\w*|baseless|unfounded|groundless|"
                    r"false\s+(?:allegations|claims|accusations)|slander\w*|fabricat\w+\s+(?:allegations|claims))\b",
                    re.IGNORECASE)
STATE_ACTORS = re.compile(r"\b(government|authorities|regime|police|security\s+(?:forces|services|agents)|state|"
                          r"officials?|military|army|courts?|judge|prosecutors?|ministry|kremlin|junta|president)\b",
                          re.IGNORECASE)
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
                "hundred": 100, "dozens": None, "hundreds": None, "thousands": None}
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
VICTIM_NOUNS = (r"political\s+prisoners|prisoners(?:\s+of\s+conscience)?|detainees|detentions|arrests|journalists|"
                r"bloggers|activists|protesters|protestors|demonstrators|people|persons|individuals|civilians|"
                r"executions|deaths|dead|killed|lashes|media\s+outlets|outlets|newspapers|ngos|organizations|"
                r"defendants|opposition\s+(?:members|figures|activists)|critics|dissidents|lawyers|cases|victims|"
                r"children|women|refugees|members")
FIGURE = re.compile(rf"(?<![\w.,])(?:(?:approximately|about|around|nearly|almost|more\s+than|over|at\s+least|some|"
                    rf"up\s+to)\s+)?(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{'|'.join(NUMBER_WORDS)})"
                    rf"(?:-plus)?\s+(?P<what>(?:[\w-]+\s+){{0,3}}?(?:{VICTIM_NOUNS}))\b", re.IGNORECASE)
LAW_CAPS = re.compile(r"\b((?:[A-Z][\w'’-]*\s+(?:(?:on|of|for|the|and)\s+)?){1,6}(?:Law|Act|Code|Bill|Decree|"
                      r"Proclamation|Ordinance))\b")
LAW_DESCRIBED = re.compile(r"\b(?:(?:the|a|an|this|new|its|their|controversial|so-called|restrictive)\s+)+"
                           r"(?P<name>(?:draft\s+|proposed\s+)?(?:[Ll]aw|[Bb]ill|legislation|[Dd]ecree)\s+on\s+(?:so-called\s+)?"
                           r"[“\"‘']?[\w’'-]+(?:\s+[\w’'-]+){0,4}[”\"’']?|[“\"‘']?(?:[a-z][\w’'-]*[”\"’']?[\s-]){1,3}[”\"’']?\s*"
                           r"(?:law|bill|legislation))\b")
LAW_ARTICLE = re.compile(r"\b([Aa]rticle\s+\d+[\w.]*\s+of\s+the\s+(?:[A-Za-z]+\s+){0,3}(?:[Cc]ode|[Cc]onstitution|[Ll]aw))\b")
LAW_STATUS = [("repealed", re.compile(r"\b(repeal\w*|withdr[ae]w\w*|revoked|scrapped|abolish\w*)\b", re.I)),
              ("draft", re.compile(r"\b(draft|bill|proposed|introduced|first\s+(?:reading|hearing)|would|if\s+enacted|"
                                   r"being\s+considered|initiated)\b", re.I)),
              ("enacted", re.compile(r"\b(adopted|passed|enacted|signed\s+into\s+law|came\s+into\s+force|in\s+force|"
                                     r"under\s+the|law\s+requires|implementation)\b", re.I))]
NOT_LAW_WORDS = {"the", "this", "that", "a", "new", "such", "international", "rule", "of", "any", "his", "her", "its",
                 "their", "our", "state", "under", "by", "into", "martial", "common", "domestic"}


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


PERPETRATOR_GROUPS = re.compile(r"^(?:police|police officers|security forces|security services|authorities|officials|"
                                r"government officials|law enforcement(?: officials)?|the regime|the government|"
                                r"the military|soldiers|troops|prosecutors|the court|the judge|militants|rebels)$")
VICTIM_GROUPS = re.compile(r"^(?:protesters|demonstrators|activists|human rights activists|human rights defenders|"
                           r"journalists|independent journalists|bloggers|critics|dissidents|opposition members|"
                           r"political prisoners|detainees|prisoners|lawyers)$")


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
                or (entry.type == "Group" and PERPETRATOR_GROUPS.match(entry.name.lower()))
                or (entry.type == "GovernmentBody" and actor_country(actors, m.key) in (None, country)
                and not m.key.startswith("known:"))):
            perpetrator = m.key
        elif perpetrator is None and entry.type == "Person" and _acts(actors.text, sent, m):
            perpetrator = m.key  # "President X ... moved to strip", "... ordered by President X"
        elif entry.type == "Person" or (entry.type == "Group" and VICTIM_GROUPS.match(entry.name.lower())):
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
        context = bool(STATE_ACTORS.search(sent.text)) or any(strong for *_, strong in matches)
        speaker, statement = speaker_at(sent)
        claimant = speaker or author
        exclude = set(self_countries)
        if actor_country(actors, claimant):
            exclude.add(actor_country(actors, claimant))
        countries = sentence_countries(actors, sent, exclude)
        denial = bool(DENIAL.search(sent.text))
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


@dataclass
class LawFound:
    name: str
    jurisdiction: str | None
    status: str | None
    start: int
    end: int
    sentence: int
    aliases: set[str]


def _trim_law_name(name: str) -> str:
    """"law on so-called foreign agents that the ruling" -> "law on so-called foreign agents"."""
    from spacy.lang.en.stop_words import STOP_WORDS

    name = re.sub(r"[“”\"‘]|(?<!\w)['’]|['’](?!\w)", "", name).strip()
    m = re.search(r"\bon\s+(?:so-called\s+|the\s+)?", name)
    if not m:
        return name
    words = name[m.end():].split(" ")
    kept = []
    for w in words:
        if w.lower().strip("“”\"‘’'") in STOP_WORDS and w.lower() not in ("of", "and"):
            break
        kept.append(w)
    while kept and kept[-1].lower() in ("of", "and"):
        kept.pop()
    return (name[:m.end()] + " ".join(kept)).strip(" “”\"‘’'")


def _stop_modifiers(name: str) -> bool:
    """True when the words before "law" are function words ("said the law", "of the law"), not a description."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = re.findall(r"[a-z’'-]+", name.lower())
    if " on " in f" {name.lower()} ":
        return False
    modifiers = [w for w in words[:-1] if w not in ("draft", "proposed", "so-called", "new")]
    return not modifiers or any(w in STOP_WORDS for w in modifiers)


def _law_key(name: str) -> str:
    words = [w for w in re.findall(r"[a-z]+", name.lower()) if w not in NOT_LAW_WORDS and w not in
             ("draft", "proposed", "so", "called", "law", "bill", "legislation", "act", "on", "decree")]
    return " ".join(w.rstrip("s") for w in words)


def find_laws(sents: list[Sentence], actors: ActorTable, main_country: str | None,
              self_countries: set[str]) -> list[LawFound]:
    laws: dict[str, LawFound] = {}
    for sent in sents:
        found = [(m.start(1), m.end(1), m.group(1)) for m in LAW_ARTICLE.finditer(sent.text)]
        for m in LAW_CAPS.finditer(sent.text):
            name, start = m.group(1), m.start(1)
            head = re.match(r"^(?:[A-Z][\w'’-]*\s+)+on\s+(?=(?:[A-Z][\w'’-]*\s+)+)", name)
            if head:  # "Ned Price on Foreign Agents Law": a headline, not the law's name
                name, start = name[head.end():], start + head.end()
            found.append((start, start + len(name), name))
        found += [(m.start("name"), m.end("name"), m.group("name")) for m in LAW_DESCRIBED.finditer(sent.text)
                  if not _stop_modifiers(m.group("name"))]
        for i, (start, end, name) in enumerate(found):
            if any(j != i and a <= start < b and b - a > end - start for j, (a, b, _) in enumerate(found)):
                continue  # part of a longer name already found
            name = re.sub(r"^(?:The|A|An)\s+", "", _trim_law_name(name))
            start = sent.text.find(name, start) if sent.text.find(name, start) >= 0 else start
            end = start + len(name)
            key = _law_key(name)
            if not key or len(key) < 3 or re.match(r"^(?:rule|martial|international|human|court|the)\b", key):
                continue
            if any(k != key and (k in key or key in k) for k in laws):  # "foreign agent" ~ "foreign agents"
                key = next(k for k in laws if k in key or key in k)
            countries = sentence_countries(actors, sent, set())
            own = [c for _, c, _ in countries if c not in self_countries] or [c for _, c, _ in countries]
            jurisdiction = own[0] if own else main_country
            status = next((s for s, rx in LAW_STATUS if rx.search(sent.text)), None)
            if key in laws:
                law = laws[key]
                law.aliases.add(name)
                law.status = law.status or status
                continue
            laws[key] = LawFound(name, jurisdiction, status, sent.start + start, sent.start + end, sent.index, set())
    return list(laws.values())


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


def resolve_date(text: str, published: str | None) -> str | None:
    """A year or year-month the sentence gives, relative forms resolved against the publication date."""
    pub = None
    if published and re.match(r"\d{4}-\d{2}", published):
        pub = date(int(published[:4]), int(published[5:7]), 1)
    m = re.search(r"\b(?:as\s+of\s+|since\s+|in\s+)?last\s+(" + "|".join(MONTHS) + r")\b", text, re.I)
    if m and pub:
        month = MONTHS.index(m.group(1).lower()) + 1
        year = pub.year - 1 if month >= pub.month else pub.year
        return f"{year}-{month:02d}"
    m = re.search(r"\b(" + "|".join(MONTHS) + r")\s+(?:\d{1,2},\s+)?((?:19|20)\d{2})\b", text, re.I)
    if m:
        return f"{m.group(2)}-{MONTHS.index(m.group(1).lower()) + 1:02d}"
    m = re.search(r"\b(?:in|since|during|as\s+of)\s+((?:19|20)\d{2})\b", text)
    if m:
        return m.group(1)
    if pub and re.search(r"\blast\s+year\b", text, re.I):
        return str(pub.year - 1)
    return None


def find_figures(sents: list[Sentence], actors: ActorTable, speaker_at, main_country: str | None,
                 self_countries: set[str], author: str | None, published: str | None) -> list[FigureFound]:
    out = []
    for sent in sents:
        for m in FIGURE.finditer(sent.text):
            raw = m.group("num").lower().replace(",", "")
            value = NUMBER_WORDS.get(raw, raw) if raw in NUMBER_WORDS else float(raw)
            if value is None or value == float("inf"):  # "1" and 400 zeros: beyond a float, not a count
                continue
            before = sent.text[max(0, m.start() - 12):m.start()].lower()
            if any(mon in before for mon in MONTHS) or re.match(r"(19|20)\d\d$", raw):
                continue
            what = re.sub(r"\s+", " ", m.group("what"))
            if not (abuse_matches(sent.text) or re.search(r"prisoner|detain|detention|arrest|jail|execut|kill|lash|"
                                                          r"sentenc|journalist", sent.text, re.I)):
                continue
            speaker, _ = speaker_at(sent)
            claimant = speaker or author
            countries = sentence_countries(actors, sent, set(self_countries) | {actor_country(actors, claimant)})
            country = max(countries, key=lambda c: c[2])[1] if countries else main_country
            if any(f.value == float(value) and f.country == country for f in out):
                continue  # the same count repeated later in the article
            out.append(FigureFound(float(value), what, country, claimant, resolve_date(sent.text, published),
                                   sent.start + m.start("num"), sent.start + m.end(), sent.index))
    return out
