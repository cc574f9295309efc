"""Article -> ArticleRecord: the extraction pipeline, a pure function of one article."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import cache, lru_cache

from kg import gazetteer
from kg.errors import InputError
from kg.extract import lexicon
from kg.extract import text as textmod
from kg.extract.actors import ActorTable, find_actors
from kg.extract.claims import abuse_matches, claims_of_laws, find_claims, folded, sentence_countries
from kg.extract.descriptions import definite_descriptions
from kg.extract.figures import find_figures
from kg.extract.forces import national_forces
from kg.extract.laws import find_laws, fold_descriptions, law_claims
from kg.extract.speech import Found, Speech
from kg.extract.targets import about as targets_of
from kg.extract.targets import context as targets_context
from kg.identity import country_key, org_key, person_key
from kg.records import Actor, Article, ArticleRecord, Claim, Figure, Law, Span, Statement, content_hash

MAX_CHARS = 1_000_000  # a news article or statement is far shorter; longer input is refused
GOVERNMENT_PUBLISHER = re.compile(r"\b(Department|Embassy|Ministry|Mission|White House|Office|Government|Consulate)\b")
SIGNATURE = re.compile(r"^[–—-]\s*([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})\s*$")
BYLINE = re.compile(r"^([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}),\s+(?:Acting\s+|Deputy\s+|Assistant\s+Secretary\s+and\s+)?"
                    r"(?:Department\s+|State\s+Department\s+)?(Spokesperson|Spokesman|Spokeswoman|Secretary of State|"
                    r"Press Secretary|Ambassador)\b")


# Regexes of the functions below, compiled once (a pattern string costs a cache lookup at each call)
US_PUBLISHER = re.compile(r"(?<!\w)(U\.S\.|US|United States|America|VOA|Voice of America)(?!\w)")
CAPITALISED_WORDS = re.compile(r"[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?")
EMBASSY_IN = re.compile(r"\bEmbassy\s+in\b")
PRESS_HEADER = re.compile(r"\b(Press Statement|Statement by|Office of the Spokesperson)\b")
DELIVERED_BY = re.compile(r"(?:As\s+)?[Dd]elivered\s+by\b")
NAME_LINE = re.compile(r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}")
ROLE_LINE = re.compile(r"\b(Spokesperson|Spokesman|Spokeswoman|Secretary|Ambassador|Minister)\b")
EDITORIAL = re.compile(r"\bEditorials?\b")
TITLE_LEAD = re.compile(r"\b(?:in|on|of|against)\s+(?:the\s+)?\Z", re.IGNORECASE)
WORD_EDGE = re.compile(r"\b")


def extract(article: Article) -> ArticleRecord:
    """Read actors, statements, claims, laws and figures from one article."""
    text = article.text or ""
    if len(text) > MAX_CHARS:
        raise InputError(f"article {article.id!r} has {len(text):,} characters, more than the {MAX_CHARS:,} kg "
                         "extracts from one article: split it", article.source)
    if not text.strip():
        return ArticleRecord(_article_meta(article, text))
    paras = textmod.paragraphs(text)
    sents = textmod.sentences(text, paras)
    actors = find_actors(text)
    self_countries = _publisher_countries(article)
    for own in self_countries:  # the publisher's own government is its country's voice ("U.S. Government")
        gov = "government:" + own.split(":", 1)[1]
        if gov in actors.entries and own in actors.entries:
            actors.merge(gov, own)
    author, press = _author(article, text, paras, actors)
    main_country = _main_country(article, actors, sents, self_countries)
    national_forces(actors, main_country)
    definite_descriptions(actors)

    claim_paragraphs = _abuse_paragraphs(sents)
    speech = Speech(text, paras, sents, actors, author)
    found = speech.run(press, claim_paragraphs)

    by_sentence: dict[int, tuple[str | None, int]] = {}
    starts = [s.start for s in sents]
    for i, f in enumerate(found):
        for a, b in f.parts or [(f.start, f.end)]:
            for sent in sents[_sentence_of(sents, starts, a):_sentence_of(sents, starts, max(a, b - 1)) + 1]:
                by_sentence.setdefault(sent.index, (f.speaker, i))

    def speaker_at(sent):
        """The speaker (and statement index) of the statement a sentence belongs to."""
        return by_sentence.get(sent.index, (None, None))

    issuer = _issuer(article, actors, author, press)

    def claimant_at(sent):
        """The speaker of a sentence's statement; a one-voice statement's claims are its issuer's."""
        speaker, statement = speaker_at(sent)
        return (issuer if issuer and speaker == author else speaker), statement

    laws = find_laws(sents, actors, main_country, self_countries)
    claims = find_claims(sents, actors, claimant_at, main_country, self_countries, issuer,
                         tuple(f.speaker for f in found if f.speaker),
                         claims_of_laws(law_claims(laws, sents, main_country), sents, claimant_at, issuer),
                         title=article.title or "", publisher=actors.find_key(article.publisher or "") or None)
    for key in {c.country for c in claims} - set(actors.entries):
        if "government:" + key.split(":", 1)[1] in actors.entries:
            _country_entry(actors, key)  # a country named only by its government ("the Cambodian government")
    figures = find_figures(sents, actors, speaker_at, main_country, self_countries, author if press else None,
                           article.published)
    return _record(article, text, sents, actors, found, claims, fold_descriptions(laws), figures, main_country)


def _article_meta(article: Article, text: str) -> Article:
    return Article(article.id, article.title, article.published, article.publisher, article.url, article.license,
                   len(text), article.source, content_hash=content_hash(text))


def _publisher_countries(article: Article) -> set[str]:
    """The publisher's own state ("U.S. Department of State" -> the U.S.): its side, not the accused."""
    return set(_publisher_states(article.publisher or ""))  # (a new set, its keys added in the same order)


@lru_cache(maxsize=1024)
def _publisher_states(pub: str) -> tuple[str, ...]:
    """The keys ``_publisher_keys`` gives for a publisher's name, once each in the order it adds them:
    read once for a publisher that recurs."""
    return tuple(dict.fromkeys(_publisher_keys(pub)))


def _publisher_keys(pub: str):
    if US_PUBLISHER.search(pub):
        yield "country:US"
    for word in CAPITALISED_WORDS.findall(pub):
        iso = gazetteer.lookup(word, ("name", "demonym"))
        if iso and not EMBASSY_IN.search(pub):
            yield country_key(iso)


def _author(article: Article, text: str, paras, actors: ActorTable) -> tuple[str | None, bool]:
    """Who a one-voice statement speaks for: a signature or byline, else a government publisher."""
    press = bool(GOVERNMENT_PUBLISHER.search(article.publisher or "")) or bool(
        PRESS_HEADER.search(text[:600]))
    for para in paras[-3:]:
        m = SIGNATURE.match(para.text)
        if m:
            return _person(actors, m.group(1)), True
    for i, para in enumerate(paras[:8]):
        m = BYLINE.match(para.text)
        if m:
            return _person(actors, m.group(1)), press
        people = [x.key for x in actors.within(para.start, para.end) if actors.entries[x.key].type == "Person"] if (
            DELIVERED_BY.match(para.text)) else None  # (the people are read only where the words are)
        if people:
            return people[-1], True  # "As Delivered by Deputy Assistant Secretary Ana Ruiz": the one who spoke
        # "John Kirby" on one line, "Assistant Secretary and Department Spokesperson, ..." on the next
        nxt = paras[i + 1].text if i + 1 < len(paras) else ""
        if (NAME_LINE.fullmatch(para.text)
                and ROLE_LINE.search(nxt[:120])):
            return _person(actors, para.text), True
    if EDITORIAL.search(article.publisher or ""):
        # an editorial speaks for its publisher's state ("VOA Editorials": the United States)
        own = sorted(_publisher_countries(article))
        if own:
            iso = own[0].split(":", 1)[1]
            key = country_key(iso)
            actors.entry(key, gazetteer.country(iso).name, "Country", country=iso)
            return key, False
    if press:
        # a statement naming its issuing body in its header lines speaks for it ("Office of the Spokesperson")
        for para in paras[:4]:
            if len(para.text.split()) > 10:
                continue
            for m in actors.within(para.start, para.end):
                if actors.entries[m.key].type == "GovernmentBody" and not m.key.startswith("government:"):
                    return m.key, True
    if press and article.publisher:
        key = actors.find_key(article.publisher)
        own = sorted(_publisher_countries(article))
        if not key and own:
            # a publisher the text never names ("U.S. Embassy in Chile") speaks for its state
            iso = own[0].split(":", 1)[1]
            key = country_key(iso)
            entry = actors.entry(key, gazetteer.country(iso).name, "Country", country=iso)
            entry.listed = entry.listed or any(m.key == key for m in actors.mentions)
            return key, True
        if not key:
            key = org_key(article.publisher)
            actors.entry(key, article.publisher, "GovernmentBody")
        return key, True
    return None, False


def _issuer(article: Article, actors: ActorTable, author: str | None, press: bool) -> str | None:
    """Who makes the claims of a one-voice statement: its author, or, where the author is only the state a government
    publisher speaks for, that publisher ("U.S. Embassy in Georgia" rather than the United States)."""
    if not press:
        return author if author and EDITORIAL.search(article.publisher or "") else None
    titled = _title_issuer(article, actors) or _reposted_issuer(article, actors, author)
    if titled:
        return titled
    if author and author.startswith("country:") and article.publisher and GOVERNMENT_PUBLISHER.search(article.publisher) \
            and author in {country_key(c.split(":", 1)[1]) for c in _publisher_countries(article)}:
        key = org_key(article.publisher)
        if key not in actors.entries:
            actors.entry(key, article.publisher, "GovernmentBody")
        return key
    return author


REPOSTING_PUBLISHER = re.compile(r"\b(?:Embassy|Mission|Consulate)\b")


def _reposted_issuer(article: Article, actors: ActorTable, author: str | None) -> str | None:
    """An embassy or mission reposting its ministry's statement: the text never names the publisher but names the
    ministry ("the Department of State will bar ..."); the ministry makes the claims."""
    publisher = article.publisher or ""
    if not REPOSTING_PUBLISHER.search(publisher) or publisher in (article.text or "") or (
            author and not author.startswith("country:")):
        return None  # a signed statement is its signer's
    listed = {gazetteer.fold(n) for n in lexicon.words("reposted_issuers")}
    named = [m.key for m in actors.mentions if gazetteer.fold(actors.entries[m.key].name) in listed]
    return named[0] if named else None


@cache
def _title_issuer_regex() -> re.Pattern:
    kinds = lexicon.alternation_of(lexicon.words("statement_title_words"))
    issuer = r"((?:[A-Z][\w.'’-]*|of|for|and|the)(?:\s+(?:[A-Z][\w.'’-]*|of|for|and|the)){0,6})"
    return re.compile(rf"\b(?:{kinds})\s+(?:by|of|from)\s+(?:the\s+)?{issuer}(?=\s+(?:on|at|about|regarding|concerning)\b"
                      rf"|\s*$)|^(?:The\s+)?{issuer}\s+(?:{kinds})\b")


def _title_issuer(article: Article, actors: ActorTable) -> str | None:
    """The issuer a statement's title names, where the text names it too: "Troika Statement on ...", "Joint Statement
    by the Nordic Council on ..." (a department publishing the statement of a group of states or of a coalition)."""
    m = _title_issuer_regex().search(article.title or "")
    name = (m.group(1) or m.group(2)) if m else None
    if not name or name.split()[-1] in ("Press", "Joint"):
        return None
    if not _names_word(article.text or "", name):
        return None  # a title's words the text never names are no issuer
    key = actors.find_key(name)
    if key is None:
        key = org_key(name)
        actors.entry(key, name, "Organization")
    entry = actors.entries[key]
    return key if entry.type not in ("Country", "Person", "Place", "Group") else None


def _names_word(text: str, name: str) -> bool:
    """``re.search(rf"\\b{re.escape(name)}\\b", text)`` by hand (no pattern compiled for each name): the name as
    written, with a word's edge before and after it."""
    q = text.find(name)
    while q >= 0:
        if WORD_EDGE.match(text, q) and WORD_EDGE.match(text, q + len(name)):
            return True
        q = text.find(name, q + 1)
    return False


def _country_entry(actors: ActorTable, key: str) -> None:
    iso = key.split(":", 1)[1]
    found = gazetteer.country(iso)
    if found:
        actors.entry(key, found.name, "Country", country=iso)


def _person(actors: ActorTable, name: str) -> str:
    key = actors.find_key(name)
    if key:
        return key
    key = person_key(name)
    actors.entry(key, name, "Person")
    return key


def _main_country(article: Article, actors: ActorTable, sents, self_countries: set[str]) -> str | None:
    """The country the article is about: named where abuses are, and in the title after "in"/"on"."""
    scores: Counter[str] = Counter()
    for sent in sents:
        weighted = sentence_countries(actors, sent, set())
        has_abuse = bool(abuse_matches(sent.text))
        for _, key, weight in weighted:
            scores[key] += weight * (3 if has_abuse else 1)
    title = article.title or ""
    lowered = folded(title)
    for key in list(scores):
        entry = actors.entries.get(key)
        for name in entry.all_names() if entry else ():
            weight = _title_weight(name, title, lowered)
            if weight:
                scores[key] += weight
    ranked = [k for k, _ in scores.most_common() if k not in self_countries] or [k for k, _ in scores.most_common()]
    return ranked[0] if ranked else None


def _title_weight(name: str, title: str, lowered: str | None) -> int:
    """How much a title naming ``name`` adds to its country's score: 10 after "in", "on", "of" or "against", else 4
    where it stands in the title, else 0 (``_plain_title_weight``). ``lowered`` is the title's lower case (None when a
    character of it folds otherwise for the regex engine): where the name's is in it, the case-insensitive regex can
    match; where not, neither the regex nor the plain test finds the name."""
    low = folded(name) if lowered is not None else None
    if low is None or len(low) != len(name) or len(lowered) != len(title):
        return _plain_title_weight(name, title)
    # the regex's match, by hand (no pattern compiled for each name): the name where the title's lower case holds
    # it, a word's edge after it, and "in", "on", "of" or "against" (and "the") ending the title before it
    q = lowered.find(low)
    while q >= 0:
        if WORD_EDGE.match(title, q + len(name)) and TITLE_LEAD.search(title, 0, q):
            return 10
        q = lowered.find(low, q + 1)
    return 4 if name in title else 0


def _plain_title_weight(name: str, title: str) -> int:
    if re.search(rf"\b(?:in|on|of|against)\s+(?:the\s+)?{re.escape(name)}\b", title, re.IGNORECASE):
        return 10
    return 4 if name in title else 0


def _abuse_paragraphs(sents) -> set[int]:
    return {s.paragraph for s in sents if any(strong for *_, strong in abuse_matches(s.text))}


def _record(article, text, sents, actors: ActorTable, found: list[Found], claims, laws, figures,
            main_country: str | None = None) -> ArticleRecord:
    used: set[str] = set()
    entries = actors.entries

    def name(key: str | None) -> str | None:
        if not key or key not in entries:
            return None
        used.add(key)
        return entries[key].name

    span = _spans(text, sents)

    statements = []
    starts = [s.start for s in sents]
    shared = targets_context(actors, main_country)
    for f in found:
        about = [name(k) for k in targets_of(f, shared)]
        statements.append(Statement(
            speaker=name(f.speaker), text=f.text, kind=f.kind, about=tuple(x for x in about if x), cue=f.cue,
            addressee=name(f.addressee),
            spans=tuple(span(a, b, _sentence_of(sents, starts, a)) for a, b in (f.parts or [(f.start, f.end)])),
            rule=f.rule, confidence=f.confidence))
    claim_items = [Claim(abuse=c.abuse, country=name(c.country) or "", claimant=name(c.claimant), stance=c.stance,
                         perpetrator=name(c.perpetrator), victims=tuple(n for n in map(name, c.victims) if n),
                         statement=c.statement, asserted_by=name(c.asserted_by),
                         spans=(span(c.start, c.end, c.sentence),), rule=c.rule,
                         confidence=c.confidence) for c in claims if name(c.country)]
    law_items = [Law(name=lw.name, jurisdiction=name(lw.jurisdiction), status=lw.status,
                     aliases=tuple(sorted(a for a in lw.aliases if a != lw.name)),
                     spans=(span(lw.start, lw.end, lw.sentence),), rule="law.pattern", confidence=0.6) for lw in laws]
    figure_items = [Figure(value=fg.value, what=fg.what, country=name(fg.country), claimant=name(fg.claimant),
                           date=fg.date, spans=(span(fg.start, fg.end, fg.sentence),), rule="figure.count",
                           confidence=0.6) for fg in figures]
    actor_items = []
    for key, e in actors.entries.items():
        if not (e.listed or key in used):
            continue
        mentions = sorted(set(e.spans))[:50]
        actor_items.append(Actor(
            name=e.name, type=e.type, aliases=tuple(sorted(a for a in e.aliases if a != e.name)),
            roles=tuple(e.roles), affiliation=name(e.affiliation), stands_for=e.stands_for, country=e.country,
            spans=tuple([span(a, b, _sentence_of(sents, starts, a)) for a, b in mentions]), rule="actor." + key.split(":")[0],
            confidence=0.8 if e.type in ("Country", "GovernmentBody") else 0.7))
    return ArticleRecord(_article_meta(article, text), tuple(actor_items), tuple(statements), tuple(claim_items),
                         tuple(law_items), tuple(figure_items))


def _spans(text: str, sents):
    """The span of (start, end, sentence) on ``text`` and ``sents``: the plain form clamps its 40-character context
    with max and min (``plain_span`` in tests/test_extract_speed_claims.py); this one takes the same slices without."""
    count = len(sents)

    def span(start: int, end: int, sentence: int) -> Span:
        if 0 <= sentence < count:
            sent = sents[sentence]
            lo, hi = sent.start, sent.end
        else:
            lo, hi = start, end
        a, b = start - 40, end + 40
        prefix, suffix = text[lo if a < lo else a:start], text[end:hi if hi < b else b]
        return Span(start, end, sentence, text[start:end], prefix or None, suffix or None)
    return span


def _sentence_of(sents, starts: list[int], pos: int) -> int:
    """The index of the last sentence starting at or before ``pos`` (the first when none does); ``starts`` are the
    sentences' starts, computed once per article."""
    return sents[max(bisect_right(starts, pos) - 1, 0)].index if sents else 0
