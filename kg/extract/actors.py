"""Actors of one article: countries and their governments (gazetteer), named bodies and people
(capitalised sequences typed by titles and organisation words), groups, and their mentions, merged
into one entry per actor with every surface form."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache

from kg import gazetteer
from kg.extract import lexicon, scan
from kg.extract.described import find_coded_names, find_described
from kg.identity import country_key, org_key, person_key

MEDIA_AFTER = re.compile(r"[ \u00a0]+(?:news[ \u00a0]+agency|news[ \u00a0]+service|newspaper|daily|weekly|broadcaster|"
                         r"television|TV[ \u00a0]+channel|radio[ \u00a0]+station|news[ \u00a0]+(?:website|site|portal))\b")
MEDIA_ANYWHERE = {"Radio", "Television", "TV"}
GOV_NOUNS = r"(?:[Gg]overnment|[Aa]uthorities|regime|officials|leadership|[Aa]dministration)"
GOVERNMENT_WORDS = {"Government", "Authorities", "Administration", "Regime", "Leadership"}
UPPER = r"[A-Z\u00c0-\u00d6\u00d8-\u00de]"  # a capital, accented ones included ("Émile")
LOWER = r"[a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f]"  # a small letter of a Latin name ("Milinkievič", "Łódź")
CONNECTOR = r"(?:of|for|the|and|on|to|in|de|del|da|al|el|bin|ibn|von|van|der|du|la|le|y)"


@cache
def _particles() -> str:
    """"al|el|bin|...": the particles a hyphen joins to a name ("al-Hassan")."""
    return lexicon.alternation_of(lexicon.words("name_particles"))


_CAP_TAIL = (r"(?:['’]s(?=\s+[A-Z])|(?<=s)['’](?=[ \u00a0]+(?:Party|Union|Association|Front|League|Congress|Movement|"
             r"Federation|Council|Committee|Syndicate|Alliance|Coalition|Guild|Society|Network|Forum|Centre|Center|"
             r"Institute|Foundation|Club|Group|Organi[sz]ation|Trust|Rights)\b))?")  # "Journalists' Union"
# the kinds of capitalised word after the first letter, in the order tried; each checks that letter behind it
_CAP_RESTS = (rf"{LOWER}+(?:[-'’](?!s\b)[A-Za-z\u00c0-\u017f]+)*{_CAP_TAIL}", r"(?<=[A-Z])\.(?:[A-Z]\.)+",
              r"(?<=[A-Z])\.[A-Z](?![\w.])", r"(?<=[A-Z])[a-z]*[A-Z][A-Za-z]*", r"(?<=[A-Z])[A-Z]+(?:/[A-Z]{2,})?",
              r"(?<=[A-Z])\.?")


@cache
def _cap_word() -> str:
    """One capitalised word: "al-Hassan", "Émile", "Journalists'", "U.N.", "McCain", "NGO", "J."."""
    return (rf"(?:(?:{_particles()})-[A-Z][a-z]+|{UPPER}{LOWER}+(?:[-'’](?!s\b)[A-Za-z\u00c0-\u017f]+)*{_CAP_TAIL}"
            r"|[A-Z]\.(?:[A-Z]\.)+|[A-Z]\.[A-Z](?![\w.])"
            r"|[A-Z][a-z]*[A-Z][A-Za-z]*|[A-Z]{2,}(?:/[A-Z]{2,})?|[A-Z]\.?)")


def _cap_seq_rest() -> str:
    """What follows the first word of a capitalised sequence: more words, a possessive, no word after."""
    return rf"(?:[ \u00a0]+(?:{CONNECTOR}[ \u00a0]+)*{_cap_word()})*)(?:['’]s)?(?![\w-])"


@cache
def _cap_seq() -> re.Pattern:
    """A capitalised sequence (a name, a body, a title), joined by connectors ("Ministry of Foreign Affairs")."""
    return re.compile(rf"(?<![\w'’-])({_cap_word()}{_cap_seq_rest()}")


@cache
def _cap_seq_upper() -> re.Pattern:
    """``_cap_seq()`` where its first word starts with a capital: the capital comes first, then the look behind it
    and the rest of each kind of word but the particle's, in the same order (``_CAP_RESTS``), so that the engine
    seeks capitals at C speed."""
    return re.compile(rf"({UPPER}(?<![\w'’-]{UPPER})(?:{'|'.join(_CAP_RESTS)}){_cap_seq_rest()}")


def _cap_seqs(text: str):
    """``_cap_seq().finditer(text)``: the matches of ``_cap_seq_upper()``, and before each the matches of the whole
    regex where a name particle and its hyphen stand (the only places where a match can start with no capital, and
    at a capital the two regexes try the same kinds of word in the same order)."""
    particles = _hyphened_particles()
    starts = sorted({h - len(p) + 1 for h in _hyphens(text) for p in particles
                     if h + 1 >= len(p) and text.startswith(p, h - len(p) + 1)})
    upper, whole = _cap_seq_upper(), _cap_seq()
    if not starts:
        yield from upper.finditer(text)
        return
    pos = 0
    while True:
        m = upper.search(text, pos)
        limit = m.start() if m else len(text)
        for s in starts:
            if pos <= s <= limit and (found := whole.match(text, s)):
                m = found
                break
        if m is None:
            return
        yield m
        pos = m.end()


@cache
def _hyphened_particles() -> tuple[str, ...]:
    """"al-", "el-", "bin-" ...: the name particles with the hyphen that joins them to a name."""
    return tuple(p + "-" for p in lexicon.words("name_particles"))


def _hyphens(text: str) -> list[int]:
    out = []
    h = text.find("-")
    while h >= 0:
        out.append(h)
        h = text.find("-", h + 1)
    return out


@cache
def _honorific() -> re.Pattern:
    """"Ms. Ortiz", "Dr Sahin Kaya": an honorific and the name after it. The honorifics, longest first as
    lexicon.alternation_of orders them, start with a word character: the word boundary before one is no word
    character before it, looked behind after it so that the engine seeks the honorifics' first letters at C speed
    (``rf"\\b({alternation})\\.?..."`` matches the same)."""
    alternation = "|".join(rf"{re.escape(h)}(?<!\w{re.escape(h)})" for h in _honorifics_in_order())
    return re.compile(rf"({alternation})\.?\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)")


class Covered:
    """Character ranges already taken, with a logarithmic membership test."""

    def __init__(self, ranges=()):
        self._ranges: list[tuple[int, int]] = sorted(ranges)
        self._starts: list[int] = [a for a, _ in self._ranges]  # bisected on plain numbers
        self._ends: list[int] = [b for _, b in self._ranges]  # compared without unpacking the ranges

    def add(self, start: int, end: int) -> None:
        i = bisect_right(self._ranges, (start, end))
        self._ranges.insert(i, (start, end))
        self._starts.insert(i, start)
        self._ends.insert(i, end)

    def __contains__(self, pos: int) -> bool:
        """Whether ``covering`` finds a range: one of the (up to) four last ranges starting at or before ``pos``
        ends after it."""
        i = bisect_right(self._starts, pos)
        return i > 0 and max(self._ends[i - 4 if i > 4 else 0:i]) > pos

    def covering(self, pos: int) -> tuple[int, int] | None:
        """The first range holding ``pos`` among the (up to) four last ones starting at or before it (each of them
        starts at or before ``pos``: it holds it when it ends after it)."""
        i = bisect_right(self._starts, pos)
        ends = self._ends
        for j in range(i - 4 if i > 4 else 0, i):
            if ends[j] > pos:
                return self._ranges[j]
        return None

    def __iter__(self):
        return iter(self._ranges)


@dataclass
class Mention:
    start: int
    end: int
    text: str
    key: str
    kind: str = "name"  # name, alias, government, demonym, pronoun, role, group


@dataclass
class Entry:
    key: str
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    roles: list[str] = field(default_factory=list)
    affiliation: str | None = None
    stands_for: str | None = None
    country: str | None = None  # ISO code for countries and governments
    spans: list[tuple[int, int]] = field(default_factory=list)
    listed: bool = True  # False for helpers (groups, adjectival countries) kept out of the record

    def all_names(self) -> set[str]:
        return {self.name, *self.aliases}


class ActorTable:
    """Actors and mentions of one article."""

    def __init__(self, text: str):
        self.text = text
        self.entries: dict[str, Entry] = {}
        self.mentions: list[Mention] = []
        self._starts: list[int] = []

    @cached_property
    def words(self) -> scan.WordIndex:
        """The words of the text, by lower-case form (where the finders' long alternations can match)."""
        return scan.WordIndex(self.text)

    # -- building -------------------------------------------------------------------------------
    def entry(self, key: str, name: str, type_: str, **kw) -> Entry:
        e = self.entries.get(key)
        if e is None:
            e = self.entries[key] = Entry(key, name, type_, **kw)
        return e

    def mention(self, start: int, end: int, key: str, kind: str = "name") -> None:
        surface = self.text[start:end]
        e = self.entries[key]
        if surface != e.name:
            e.aliases.add(surface)
        e.spans.append((start, end))
        self.mentions.append(Mention(start, end, surface, key, kind))

    def finish(self) -> None:
        self.mentions.sort(key=lambda m: (m.start, -m.end))
        kept: list[Mention] = []
        for m in self.mentions:  # drop mentions nested in a longer one
            if kept and m.start < kept[-1].end:
                continue
            kept.append(m)
        self.mentions = kept
        self._starts = [m.start for m in kept]

    def merge(self, source: str, target: str) -> None:
        """Fold actor ``source`` into ``target``: its names become aliases, its mentions point to target."""
        src, dst = self.entries.pop(source), self.entries[target]
        dst.aliases |= src.all_names() - {dst.name}
        dst.spans += src.spans
        dst.listed = dst.listed or src.listed
        for m in self.mentions:
            if m.key == source:
                m.key = target

    def name_everywhere(self, name: str, type_: str, taken: Covered) -> None:
        """A new actor named ``name``, with a mention at each use of the name not yet taken."""
        key = org_key(name)
        self.entry(key, name, type_)
        for start in scan.occurrences(name, self.text):
            end = start + len(name)
            if start not in taken and (end - 1) not in taken:
                self.mention(start, end, key)
                taken.add(start, end)

    # -- lookup ---------------------------------------------------------------------------------
    def within(self, start: int, end: int) -> list[Mention]:
        mentions = self.mentions
        i, n = bisect_left(self._starts, start), len(mentions)
        out = []
        while i < n and (m := mentions[i]).start < end:
            if m.end <= end:
                out.append(m)
            i += 1
        return out

    def last_before(self, pos: int, types: set[str] | None = None, floor: int = 0) -> Mention | None:
        i = bisect_left(self._starts, pos) - 1
        while i >= 0 and self.mentions[i].start >= floor:
            m = self.mentions[i]
            if m.end <= pos and (types is None or self.entries[m.key].type in types):
                return m
            i -= 1
        return None

    def find_key(self, name: str) -> str | None:
        folded, fold = gazetteer.fold(name), gazetteer.fold
        for e in self.entries.values():  # the first whose name or an alias folds alike
            if fold(e.name) == folded or folded in map(fold, e.aliases):  # (``in`` stops at the first alike)
                return e.key
        return None


# -- the finders ------------------------------------------------------------------------------------

@cache
def _shared_forms() -> dict[str, set[str]]:
    """Demonyms and seats that more than one country has ("Congolese", "Sudanese", "Guinean") -> their ISO codes."""
    owners: dict[str, set[str]] = {}
    for iso, c in gazetteer.countries().items():
        for n in c.demonyms | c.seats:
            owners.setdefault(n, set()).add(iso)
    # only countries whose name carries the form's stem: "Congolese" is Congo's or DR Congo's, while "Chinese"
    # stays China's in an article that names Hong Kong
    return {n: {i for i in isos if gazetteer.fold(n)[:5] in gazetteer.fold(gazetteer.country(i).name)}
            for n, isos in owners.items() if len(isos) > 1}


def _owns(form: str, iso: str, kind: str, held: tuple[str, str] | None) -> bool:
    """Whether ``iso`` should hold ``form`` over the country holding it so far: a country's own name first, then
    the country whose name the form resembles most ("Chinese" is China's before Macao's or Hong Kong's)."""
    if held is None or held[0] == iso:
        return True
    if kind == "name" or held[1] == "name":
        return kind == "name"

    def stem(code: str) -> int:
        name, folded = gazetteer.fold(gazetteer.country(code).name), gazetteer.fold(form)
        return next((i for i, (a, b) in enumerate(zip(name, folded, strict=False)) if a != b), min(len(name), len(folded)))
    return stem(iso) >= stem(held[0])


@cache
def _country_regex() -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    forms: dict[str, tuple[str, str]] = {}
    for iso, c in gazetteer.countries().items():
        for kind, names in (("seat", c.seats), ("demonym", c.demonyms), ("name", c.names)):
            for n in names:
                if (len(n) >= 3 or n in ("US", "UK")) and _owns(n, iso, kind, forms.get(n)):
                    forms[n] = (iso, kind)
    longest_first = sorted(forms, key=len, reverse=True)
    alternation = ("|".join(re.escape(f).replace("'", "['’]") for f in longest_first) if any("’" in f for f in forms)
                   else scan.trie(longest_first, lambda c: re.escape(c).replace("'", "['’]")))
    # "Israel-Hamas war": a name may stand in a hyphenated compound of names, not inside a word ("Pan-American")
    # every form starts with a capital: the lookahead lets the engine skip other positions at once
    return re.compile(rf"(?<![\w.])(?<![a-z]-)(?:the\s+)?(?=[A-Z])({alternation})(?!\w|-[a-z])"), forms


@cache
def _country_capital_regex() -> re.Pattern:
    """The groups of ``_country_regex()``'s matches (what find_countries reads), by a regex whose forms start with
    their capital and the look behind it, grouped by that capital: the engine seeks capitals at C speed. A match
    there that starts with "the" has its form after spaces, where the look behind holds: the same form, and the
    scan goes on from the same end."""
    regex, forms = _country_regex()
    if any("’" in f for f in forms):  # _country_regex's flat alternation: the tree could not tell both apostrophes
        return regex
    by_capital: dict[str, list[str]] = {}
    for form in sorted(forms, key=len, reverse=True):
        if "A" <= form[0] <= "Z":  # the others never match: (?=[A-Z])
            by_capital.setdefault(form[0], []).append(form[1:])
    branches = (rf"{c}(?<![\w.]{c})(?<![a-z]-{c})" + scan.trie(rests, lambda ch: re.escape(ch).replace("'", "['’]"))
                for c, rests in by_capital.items())
    return re.compile(rf"({'|'.join(branches)})(?!\w|-[a-z])")


def _country_key(iso: str) -> str:
    return country_key(iso)


def _gov_key(iso: str) -> str:
    return f"government:{iso}"


_GOV_AFTER = re.compile(rf"(?:['’]s)?\s+{GOV_NOUNS}\b")
_GOVERNMENT_OF = re.compile(r"government of\s+(?:the\s+)?$", re.IGNORECASE)


def find_countries(table: ActorTable, known_spans: Covered) -> None:
    forms = _country_regex()[1]
    text = table.text
    pending_alias: list[tuple[int, int, str, str]] = []
    found = [(m, forms.get(m.group(1)) or forms[m.group(1).replace("’", "'")])
             for m in _country_capital_regex().finditer(text) if m.start(1) not in known_spans]
    named = {iso for _, (iso, kind) in found if kind == "name"}
    shared = _shared_forms()
    for m, (iso, kind) in found:
        surface = m.group(1)
        start, end = m.start(1), m.end(1)
        if kind == "seat" and _first_name(text, end):
            continue  # "Victoria Osei, a lawyer, said": a first name, not the capital of Seychelles
        if kind != "name" and iso not in named:  # "Congolese" in an article about the Democratic Republic of Congo
            iso = next((o for o in sorted(shared.get(surface.replace("’", "'"), ())) if o in named), iso)
        country = gazetteer.country(iso)
        after = text[end:end + 40]
        gov = _GOV_AFTER.match(after)
        if kind in ("name", "demonym") and gov:
            e = table.entry(_gov_key(iso), f"Government of {country.name}", "GovernmentBody", stands_for=country.name,
                            country=iso)
            table.mention(start, end + gov.end(), e.key, "government")
            if kind == "name":
                table.entry(_country_key(iso), country.name, "Country", country=iso)
            continue
        if kind == "name":
            before = text[max(0, start - 14):start]
            if _GOVERNMENT_OF.search(before):
                e = table.entry(_gov_key(iso), f"Government of {country.name}", "GovernmentBody",
                                stands_for=country.name, country=iso)
                table.mention(start - len(before) + before.lower().rfind("government"), end, e.key, "government")
                table.entry(_country_key(iso), country.name, "Country", country=iso)
                continue
            table.entry(_country_key(iso), country.name, "Country", country=iso)
            table.mention(start, end, _country_key(iso))
        else:
            pending_alias.append((start, end, iso, kind))
    for start, end, iso, kind in pending_alias:
        key = _country_key(iso)
        surface = text[start:end]
        if kind == "seat" and surface in ("Kremlin",):
            country = gazetteer.country(iso)
            e = table.entry(_gov_key(iso), f"Government of {country.name}", "GovernmentBody", stands_for=country.name,
                            country=iso)
            table.mention(start, end, e.key, "government")
            continue
        if key not in table.entries:
            # an adjective or a capital alone does not make a country an actor, unless it speaks
            if kind == "seat" and _speaks_after(text, end):
                country = gazetteer.country(iso)
                table.entry(key, country.name, "Country", country=iso)
            else:
                table.entry(key, gazetteer.country(iso).name, "Country", country=iso, listed=False)
        table.mention(start, end, key, "demonym" if kind == "demonym" else "alias")


SURNAME_AFTER = re.compile(r" ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?:,| [a-z])")


def _first_name(text: str, end: int) -> bool:
    """Whether a capital's name ending at ``end`` opens a person's name: a capitalised word follows that is no
    organisation or place word ("Sofia Renwald said", "Victoria Osei, a lawyer"; not "Sofia City Court", nor a
    headline's "Moscow Denies Report", whose next word is capitalised too)."""
    m = SURNAME_AFTER.match(text, end)
    return bool(m) and m.group(1) not in lexicon.org_keywords() and m.group(1).lower() not in _not_name_words()


@cache
def _speech_after_regex() -> re.Pattern:
    verbs = "|".join(re.escape(v) for v in sorted(lexicon.speech_verbs(), key=len, reverse=True))
    return re.compile(rf"\s+(?:has\s+|had\s+|have\s+)?(?:{verbs})\b")


def _speaks_after(text: str, end: int) -> bool:
    return bool(_speech_after_regex().match(text[end:end + 40].lower()))


def _number_slips(name: str) -> list[str]:
    """A long known name with one word's plural "s" slipped ("Reporter Without Borders"): reporting misspells such
    names this way, and three capitalised words leave no doubt which body is meant."""
    words = name.split()
    if len(words) < 3:
        return []
    return [" ".join([*words[:i], w[:-1], *words[i + 1:]]) for i, w in enumerate(words)
            if len(w) > 4 and w[0].isupper() and w.endswith("s") and not w.endswith("ss")]


@cache
def _known_regexes() -> list[tuple[re.Pattern, dict[str, str], scan.Forms]]:
    """Two regexes (case-sensitive for short forms and acronyms, case-insensitive for the rest) over every form
    of every known actor (as trees: ``scan.trie``), the folded form -> actor name table, and the forms (where a
    match starts, or one word before: "the")."""
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    for k in lexicon.known_actors():
        for form in (k.name, *k.aliases, *_number_slips(k.name)):
            bare = form[4:] if form.lower().startswith("the ") else form
            if bare.lower() == "department":
                continue  # "the department" is a reference, resolved by the coreference step
            if len(bare) <= 6 or bare.isupper():
                exact.setdefault(bare, k.name)
            else:
                folded.setdefault(bare.lower(), k.name)
    out = []
    for table, flags in ((exact, 0), (folded, re.IGNORECASE)):
        alternation = scan.trie(sorted(table, key=len, reverse=True))  # the folded forms are in lower case
        regex = re.compile(rf"(?<![\w/])(?<![a-z]-)(?:[Tt]he\s+)?({alternation})(?:['’]s)?(?![\w/]|-[a-z])", flags)
        out.append((regex, table if flags == 0 else {k: v for k, v in table.items()}, scan.Forms(table)))
    return out


@cache
def _known_types() -> dict[str, str]:
    """Known actor's name -> its type (the last of the actors of that name, as a dict read in order keeps)."""
    return {k.name: k.type for k in lexicon.known_actors()}


def find_known(table: ActorTable) -> Covered:
    spans = Covered()
    types = _known_types()
    for regex, forms, starters in reversed(_known_regexes()):  # long forms first: "U.N. refugee agency" before "U.N."
        starts = table.words.starts(starters, ignorecase=bool(regex.flags & re.IGNORECASE), back=1)
        for m in scan.finditer(regex, table.text, starts):
            start, end = m.start(1), m.end(1)
            if start in spans or (end - 1) in spans:
                continue
            name = forms.get(m.group(1)) or forms.get(m.group(1).lower())
            if name is None:
                continue
            key = f"known:{name}"
            table.entry(key, name, types[name])
            table.mention(start, end, key)
            spans.add(start, end)
    return spans


def _org_type(words: list[str] | tuple[str, ...]) -> str | None:
    """The kind of body capitalised words name (from the word that types it), or None: the same for every article,
    so read once per word sequence."""
    return _org_type_of(tuple(words))


@lru_cache(maxsize=65536)
def _org_type_of(words: tuple[str, ...]) -> str | None:
    keywords = lexicon.org_keywords()
    if words[-1] in lexicon.words("document_words"):
        return "Document"
    if keywords.keys().isdisjoint(words) and MEDIA_ANYWHERE.isdisjoint(words):
        return None  # what follows returns only a kind of a word of either
    head = words
    for i, w in enumerate(words):
        if w in ("of", "for", "to", "in", "on") and i > 0:
            head = words[:i]
            break
    if any(w in MEDIA_ANYWHERE for w in head):
        return "MediaOutlet"
    for i, w in reversed(list(enumerate(head))):
        kind = keywords.get(w)
        if kind == "MediaOutlet" and w not in MEDIA_ANYWHERE and i != len(words) - 1:
            continue  # "Press Briefing" is no newspaper: a media word must end the name
        if kind:
            return kind
    for w in reversed(words):
        if w in keywords and keywords[w] != "MediaOutlet":
            return keywords[w]
    return None


@cache
def _titles_by_first_word() -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for title in lexicon.titles():  # longest first
        t_words = tuple(w.lower() for w in title.split())
        index.setdefault(t_words[0], []).append((title, t_words))
    return index


def _title_split(words: list[str]) -> tuple[str, list[str], list[str]] | None:
    """Find a title inside a capitalised sequence: (title, words before it, the name after it)."""
    split = _title_split_of(tuple(words))
    return (split[0], list(split[1]), list(split[2])) if split else None


@lru_cache(maxsize=65536)
def _title_split_of(words: tuple[str, ...]) -> tuple[str, tuple[str, ...], tuple[str, ...]] | None:
    """``_title_split`` of the words as a tuple: the same for every article, so read once per word sequence."""
    lowered = [w.lower() for w in words]
    index = _titles_by_first_word()
    if index.keys().isdisjoint(lowered):
        return None  # no word starts a title
    best = None
    for i, w in enumerate(lowered):
        for title, t_words in index.get(w, ()):
            n = len(t_words)
            if tuple(lowered[i:i + n]) == t_words:
                rest = words[i + n:]
                if (1 <= len(rest) <= 4 and all(r[:1].isupper() for r in rest)
                        and (best is None or n > len(best[0].split()))):
                    best = (title, words[:i], rest)
                break
    return best


def _until_date(words: list[str]) -> list[str]:
    """The words before a month or weekday: "... for Human Rights on Tuesday": a date ends a name."""
    calendar = lexicon.calendar_words()
    if calendar.isdisjoint(words):
        return words
    for i, w in enumerate(words):
        if w in calendar:  # "President Oskar's October address": the possessive is no part either
            return [*words[:i - 1], re.sub(r"['’]s$", "", words[i - 1])] if i else []
    return words


_LEADING_ARTICLES = re.compile(r"(?:(?:The|A|An|According\s+to(?:\s+the)?)\s+)+")


def find_names(table: ActorTable, taken: Covered, lower_words: set[str]) -> None:
    text = table.text
    persons: list[tuple[int, int, str]] = []
    demonyms = {m.start: m for m in table.mentions if m.kind == "demonym"}
    for m in _cap_seqs(text):
        start, end = m.start(1), m.end(1)
        seq = m.group(1)
        lead = _LEADING_ARTICLES.match(seq) if seq[0] in "TA" else None  # the letters its words start with
        if lead:
            start, seq = start + lead.end(), seq[lead.end():]
        cover = taken.covering(start)
        head = _country_led_body(table, cover, text[cover[1]:end]) if cover else None
        if head:  # "U.S. Embassy", "Iranian Foreign Ministry": a body named after its country
            _add_org(table, cover[0], cover[0] + len(head), _body_name(head), _org_type(head.split()) or "GovernmentBody")
            taken.add(cover[0], cover[0] + len(head))
            continue
        while cover and start < end:  # "State Department Spokesperson Matthew Miller": go on after the known body
            rest = text[cover[1]:end]
            start, seq = cover[1] + (len(rest) - len(rest.lstrip())), rest.strip()
            cover = taken.covering(start)
        if not seq or start >= end or cover:  # the loop ends on a start no range covers, or past the end
            continue
        words = (seq[:-2] if seq.endswith(("'s", "’s")) else seq).split()  # no possessive (no newline ends seq)
        if (end - 1) in taken and (
                not re.search(r"\b(?:[A-Z][a-z]+)\s+of\s+(?:the\s+)?[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?$", seq)
                or _org_type(words) in (None, "Document", "Place")):
            # ends inside a name found before ("Ida Marsh in Belarus"): keep what stands before it, unless a
            # body's name holds a country ("Parliament of Georgia")
            cut = taken.covering(end - 1)[0]
            seq = re.sub(r"(?:\s+(?:of|for|the|and|on|to|in))*\s*$", "", text[start:cut])
            if not seq:
                continue
            end = start + len(seq)
            words = seq.split()
        words = _until_date(words)
        while words and _leading_non_name(words):
            start += len(words[0]) + 1
            words = words[1:]
        left, right = (words[:words.index("and")], words[words.index("and") + 1:]) if "and" in words else ([], [])
        if "and" in words and (not _org_type(left) or not _org_type(words) or _org_type(right)):
            # "Anna Berg and Ivan Holm", "United States and European Union", "the Writers' Union and Amnesty
            # International": two names; "Ministry of Labour and Social Affairs" stays one
            for pos, part in _parts_joined_by_and(start, words):
                _candidate(table, taken, pos, part, lower_words, persons, demonyms)
            continue
        _candidate(table, taken, start, words, lower_words, persons, demonyms)
    persons = _merge_person_names(persons, text)
    for start, end, title, name in persons:
        key = person_key(name)
        e = table.entry(key, name, "Person")
        if title and title not in e.roles and not title.endswith("."):
            e.roles.append(title)
        if not e.affiliation:
            e.affiliation = _body_of_title(table, start, title or _role_word_before(text, start))
        table.mention(start, end, key)
    _find_aliases_of_people(table, taken)
    _find_pseudonyms(table)


# precompiled: the patterns these finders read for each capitalised sequence (no look-up in re's cache each time)
_POSSESSIVE_SPACES_AT_END = re.compile(r"(?:['’]s)?\s*$")
_SENTENCE_START_AT_END = re.compile(r"(?:^|[.!?\n][\"”’']?)\s*$")
_WORD_QUOTE_AT_END = re.compile(r"\b(\w+),?[ \u00a0]+[\"“‘'](?:(?:A|An|The)[ \u00a0]+)?$")
_CHAR_ARTICLE_AT_END = re.compile(r"(.)(?:(?:A|An|The)[ \u00a0]+)?$")
_CHAR_AFTER_STOP = re.compile(r"[,.!?]?(.)")


BODY_TYPES = {"GovernmentBody", "NGO", "MediaOutlet", "InternationalOrganization", "Organization"}


def _role_word_before(text: str, start: int) -> str:
    """The lower-case role noun just before a name ("... spokesman Ivan Holm" -> "spokesman"), else ""."""
    m = _SPACES_THEN_WORD.match(text[max(0, start - 30):start][::-1])
    return m.group(1)[::-1] if m and m.group(1)[::-1] in _role_noun_set() else ""


# the 30 characters before a name read backwards: what r"(\w+)\s+$" finds there is the run of word characters
# before the spaces that end them (tests/test_scan.py compares the two)
_SPACES_THEN_WORD = re.compile(r"\s+(\w+)")


@cache
def _role_noun_set() -> frozenset[str]:
    return frozenset(lexicon.role_nouns())


def _body_of_title(table: ActorTable, start: int, title: str) -> str | None:
    """The body a person's title names, just before it or inside it: "the Press Council's legal adviser Ana Ruiz",
    "Interior Ministry spokesman Ivan Holm" -> the key of that body; None when the title names none."""
    t0 = table.text.rfind(title, max(0, start - len(title) - 4), start) if title else -1
    if t0 < 0:
        return None
    before = _POSSESSIVE_SPACES_AT_END.search(table.text[max(0, t0 - 4):t0])
    edge = t0 - len(before.group()) if before else t0
    entries = table.entries  # the place first: it rules out most mentions without a look-up
    found = [m for m in table.mentions if (m.end == edge or t0 <= m.start < m.end <= start)
             and entries.get(m.key) and entries[m.key].type in BODY_TYPES]
    return max(found, key=lambda m: m.start).key if found else None


def _parts_joined_by_and(start: int, words: list[str]) -> list[tuple[int, list[str]]]:
    """"Anna Berg and the Press Council" -> [(start, ["Anna", "Berg"]), (start of "Press", ["Press", "Council"])]."""
    out: list[tuple[int, list[str]]] = []
    pos = start
    part: list[str] = []
    for w in [*words, "and"]:
        if not part and w in ("the", "The"):  # "... and the Press Council"
            pos += len(w) + 1
        elif w == "and":
            if part:
                out.append((pos, part))
                pos += len(" ".join(part)) + len(" and ")
            else:
                pos += len("and ")
            part = []
        else:
            part.append(w)
    return out


def _candidate(table: ActorTable, taken: Covered, start: int, words: list[str], lower_words: set[str],
               persons: list, demonyms: dict[int, Mention]) -> None:
    """Type one capitalised sequence: a titled person, a body, a person, or nothing."""
    text = table.text
    while words and words[-1] in ("of", "for", "the", "and", "on", "to", "in"):
        words = words[:-1]
    if not words:
        return
    name = " ".join(words)
    end = start + len(name)
    if text[start:end] != name:  # irregular spacing: keep the text's own form
        name = text[start:end]
    if _titled_name_of_body(table, start, words, lower_words, persons) or _person_of_body(table, start, words,
                                                                                          lower_words, persons):
        return
    split = _title_split(words) or _titled_suffix(words, lower_words)
    if split:
        title, before, rest = split
        person = " ".join(rest)
        p_start = text.find(person, start)
        if p_start >= 0 and _looks_like_name(rest, lower_words):
            persons.append((p_start, p_start + len(person), title))
            if before:
                org = " ".join(before)
                org_type = _org_type(before)
                if org_type and org_type != "Document":
                    _add_org(table, start, start + len(org), org, org_type)
            return
    org_type = _org_type(words)
    if split and org_type in (None, "Document", "Place"):
        return  # "General Assembly" is no "General" named Assembly: a body's name goes on to be typed
    body_name = org_type and words[-1] in lexicon.org_keywords() and not {"of", "for", "on", "to"} & set(words)
    if words[-1] in lexicon.words("role_endings") or (_starts_with_title(words) and not body_name):
        taken.add(start, end)  # "Acting Department Spokesperson", "Senior Official for the Bureau of ...": roles
        return
    if (org_type and org_type != "Place" and len(words) <= 3 and _line_of(text, start).strip() == name
            and not table.find_key(name)):
        return  # a short capitalised line alone is page furniture ("Breaking News")
    if org_type == "Document":
        taken.add(start, end)
        return
    if not org_type and len(words) <= 3 and MEDIA_AFTER.match(text, end) and _may_name_outlet(words):
        _add_org(table, start, end, name, "MediaOutlet")  # "the Kavkaz news agency", "the Rassvet daily"
        return
    if org_type and len(words) >= 2:
        demonym = _demonym_before(text, start, demonyms)
        if demonym:  # "Cambodian National Rescue Party": the adjective belongs to the name
            start, name = demonym.start, text[demonym.start:end]
            table.mentions.remove(demonym)
            del demonyms[demonym.start]
        _add_org(table, start, end, name, org_type)
        return
    if _typed_by_noun_after(table, taken, start, end, name, words) or _led_by_a_people(table, start, end, name, words):
        return
    if 2 <= len(words) <= 4 and _looks_like_name(words, lower_words) and not _quoted_title(text, start, end):
        if _THE_BEFORE.search(text[max(0, start - 5):start]):
            if not _OF_AFTER.match(text[end:end + 4]):  # "the X of <country>": cut short, not a name
                _add_org(table, start, end, name, "Organization")  # "the Damas de Blanco": a body's or a group's
        else:
            persons.append((start, end, ""))


_THE_BEFORE = re.compile(r"\b[Tt]he[ \u00a0]+$")
_OF_AFTER = re.compile(r"[ \u00a0]+of\b")
QUOTE_OPEN, QUOTE_CLOSE = "\"“‘'", "\"”’'"


def _may_name_outlet(words: list[str]) -> bool:
    """Whether words before "daily" or "newspaper" may name the paper: not a title, not a language ("an Arabic
    daily")."""
    return not _starts_with_title(words) and not (len(words) == 1 and words[0] in lexicon.words("languages"))


@cache
def _nouns_after() -> dict[str, str]:
    return {noun: type_ for noun, type_ in lexicon.rows("nouns_after_names.tsv")}


@cache
def _noun_after_regex() -> re.Pattern:
    return re.compile(rf"[ \u00a0]+({lexicon.alternation_of(_nouns_after())})\b")


def _typed_by_noun_after(table: ActorTable, taken: Covered, start: int, end: int, name: str, words: list[str]) -> bool:
    """A name typed by the lower-case noun after it: an armed group or gang ("the Kalar Tiger rebels", with the noun
    as an alias), or no actor ("Ardent Vale province", "a Lorne Hale grant")."""
    m = _noun_after_regex().match(table.text, end)
    if not m:
        return False
    type_ = _nouns_after()[m.group(1)]
    if type_ == "-":
        taken.add(start, end)
        return True
    if (all(w in lexicon.words("peoples") or w.endswith(("ist", "ists")) for w in words)
            or any(gazetteer.lookup(w, ("name", "demonym")) for w in words)
            or _SENTENCE_START_AT_END.search(table.text[max(0, start - 3):start])):
        return False  # "Kurdish rebels", "Maoist rebels", a sentence's first word: an adjective
    _add_org(table, start, end, name, type_)
    table.mention(start, m.end(), table.find_key(name) or org_key(name), "alias")
    return True


def _led_by_a_people(table: ActorTable, start: int, end: int, name: str, words: list[str]) -> bool:
    """A sequence opening with a people or faith: "Muslim Uighur" describes a person (no actor), "Muslim
    Brotherhood" names a body; either way no person's name."""
    peoples = lexicon.words("peoples")
    if words[0] not in peoples:
        return False
    if len(words) >= 2 and not all(w in peoples for w in words):
        _add_org(table, start, end, name, "Organization")
    return True


def _quoted_title(text: str, start: int, end: int) -> bool:
    """Capitals that are all of a quotation after a word for a work ('the report "A Step Too Far"') are its title,
    not a person."""
    window = text[max(0, start - 40):start]
    if not any(q in window for q in QUOTE_OPEN):
        return False  # the regex below ends on an opening quote in this window
    lead = _WORD_QUOTE_AT_END.search(window)
    if not lead or lead.group(1).lower() not in lexicon.words("work_words"):
        return False
    before = _CHAR_ARTICLE_AT_END.search(text[max(0, start - 6):start])
    after = _CHAR_AFTER_STOP.match(text[end:end + 2])
    return bool(before and after and before.group(1) in QUOTE_OPEN and after.group(1) in QUOTE_CLOSE)


def _titled_name_of_body(table: ActorTable, start: int, words: list[str], lower_words: set[str], persons: list) -> bool:
    """"Attorney Ana Ruiz of the Legal Aid Centre": a titled person and the body after "of", "at" or "from"."""
    if len(words) < 4:
        return False  # a title and a name take two words before the "of", and the body one after it
    i = next((i for i in range(2, len(words)) if words[i] in ("of", "at", "from", "to")), None)
    split = _title_split(words[:i]) if i else None
    if not split or split[1]:
        return False
    title, _, name = split
    body = words[i + 1:]
    while body and body[0] in ("the", "The"):
        body = body[1:]
    kind = _org_type(body) if body else None
    if kind in (None, "Document", "Place") or not _looks_like_name(name, lower_words):
        return False
    text = table.text
    p_start = text.find(" ".join(name), start)
    b_start = text.find(" ".join(body), p_start)
    if p_start < 0 or b_start < 0:
        return False
    persons.append((p_start, p_start + len(" ".join(name)), title))
    _add_org(table, b_start, b_start + len(" ".join(body)), " ".join(body), kind)
    return True


_POSSESSIVE_SPACE = re.compile(r"['’]s[ \u00a0]+")


def _country_led_body(table: ActorTable, cover: tuple[int, int] | None, rest: str) -> str | None:
    """The name of a body that starts with a country's name or adjective and ends with a body word."""
    if not cover:
        return None
    possessive = _POSSESSIVE_SPACE.match(rest)  # "Peru's Senate": the country's own body
    words = rest[possessive.end() if possessive else 0:].split()
    if not words or words[0] in ("and", "of", "in", "to"):
        return None
    body = []
    calendar, keywords = lexicon.calendar_words(), lexicon.org_keywords()
    for w in words:
        if w in calendar:  # "Kyrgyz Supreme Court on July 11": a date ends the name
            break
        if w.endswith(("'s", "’s")) and w[:-2] in keywords:
            body.append(w[:-2])
            break  # "the Interior Ministry's spokesman"; "the Lima People's Court" goes on
        body.append(w)
    while body and body[-1] in ("of", "for", "the", "and", "on", "to", "in"):
        body.pop()
    if (not body or body[0] in GOVERNMENT_WORDS or keywords.keys().isdisjoint(body)
            or _org_type(body) in (None, "Document", "Place")):
        return None
    # the country's own mention, looked for last: the tests before it read only the words
    lead = next((m for m in table.mentions if m.start == cover[0] and m.key.startswith("country:")), None)
    if lead is None:
        return None
    table.mentions.remove(lead)
    return table.text[cover[0]:cover[1] + (possessive.end() if possessive else 1)] + " ".join(body)


def _body_name(head: str) -> str:
    """The name of a body a country's possessive names: "Peru's Senate" -> "Senate of Peru"; else ``head``."""
    m = re.match(r"(.+?)['’]s[ \u00a0]+(.+)$", head)
    iso = gazetteer.lookup(m.group(1), ("name",)) if m else None
    return f"{m.group(2)} of {gazetteer.country(iso).name}" if iso else head


def _demonym_before(text: str, start: int, demonyms: dict[int, Mention]) -> Mention | None:
    for m in demonyms.values():
        if start - 2 <= m.end < start and text[m.end:start].strip() == "":
            return m
    return None


@cache
def _title_tuples() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(t.lower().split()) for t in lexicon.titles() if len(t) > 3 and not t.endswith("."))


def _starts_with_title(words: list[str]) -> bool:
    titles = _titles_by_first_word_lower().get(words[0].lower()) if words else None
    if not titles:
        return False
    lowered = tuple(w.lower() for w in words)
    return any(lowered[:len(t)] == t for t in titles)


@cache
def _titles_by_first_word_lower() -> dict[str, tuple[tuple[str, ...], ...]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for t in _title_tuples():
        index.setdefault(t[0], []).append(t)
    return {k: tuple(v) for k, v in index.items()}


def _titled_suffix(words: list[str], lower_words: set[str]) -> tuple[str, list[str], list[str]] | None:
    """"Ambassador to Russia John Tefft": a title, then other words, then a name at the end."""
    if len(words) < 4 or not _starts_with_title(words):
        return None
    for n in (3, 2):
        rest = words[-n:]
        if words[-n - 1] not in ("of", "for", "the") and _looks_like_name(rest, lower_words):
            return " ".join(words[:-n]), [], rest
    return None


_PSEUDONYM_CORE = r"(?:known\s+as|nicknamed|(?:under\s+)?the\s+(?:pen\s+|nick)?name)"
_PSEUDONYM_TAIL = r"\s+[“\"‘']?((?:[A-Z][\w'’-]*\s?){1,4})"
# r"(?:(?:also|better|widely|popularly)\s+)?{core}{tail}" with its optional words and the core's branches spread
# into one alternation whose every branch starts with its own letter, the one the match starts with: the engine
# seeks those letters at C speed, and at a letter tries what the nested form tries (tests/test_scan.py compares)
PSEUDONYM = re.compile(rf"(?:also\s+{_PSEUDONYM_CORE}|better\s+{_PSEUDONYM_CORE}|widely\s+{_PSEUDONYM_CORE}|"
                       rf"popularly\s+{_PSEUDONYM_CORE}|known\s+as|nicknamed|under\s+the\s+(?:pen\s+|nick)?name|"
                       rf"the\s+(?:pen\s+|nick)?name){_PSEUDONYM_TAIL}")


def _find_pseudonyms(table: ActorTable) -> None:
    """"Nguyen Ngoc Nhu Quynh, known as Mother Mushroom": a nickname or pen name is an alias, not a new person."""
    if "known" not in table.text and "name" not in table.text:
        return  # every match holds one of them: the scan would find nothing
    for m in PSEUDONYM.finditer(table.text):
        alias = m.group(1).strip()
        before = [x for x in table.mentions if x.end <= m.start() and table.entries[x.key].type == "Person"]
        person = max(before, key=lambda x: x.start, default=None)
        if person is None or m.start() - person.end > 60:
            continue
        own = next((x for x in table.mentions if x.start == m.start(1)), None)
        if own and own.key != person.key and own.key in table.entries and table.entries[own.key].type == "Person":
            table.merge(own.key, person.key)
        table.entries[person.key].aliases.add(alias)


@cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _line_of(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start:end if end >= 0 else len(text)]


def _merge_person_names(persons: list[tuple[int, int, str]], text: str) -> list[tuple[int, int, str, str]]:
    """Give "Meriam Ishag" the canonical name "Meriam Yahya Ibrahim Ishag" when the longer form is used too."""
    split = {text[s:e]: text[s:e].split() for s, e, _ in persons}  # each name's words, split once
    names = sorted({text[s:e] for s, e, _ in persons}, key=lambda n: -len(split[n]))
    canonical: dict[str, str] = {}
    for name in names:
        words = split[name]
        longer = next((c for c in names if len(split[c]) > len(words) and split[c][-1] == words[-1]
                       and (len(words) == 1 or split[c][0] == words[0] or split[c][-len(words):] == words)), None)
        canonical[name] = canonical.get(longer, longer) if longer else name
    return [(s, e, t, canonical[text[s:e]]) for s, e, t in persons]


def _leading_non_name(words: list[str]) -> bool:
    """An article or stop word opening a capitalised sequence is no part of the name, but for a word of
    name_first_words.txt with two capitalised words after it ("Am Sam Ath", "Do Van Minh")."""
    if not (words[0] in ("The", "A", "An") or words[0].lower() in _stop_words()):
        return False
    return not (words[0] in lexicon.words("name_first_words") and len(words) >= 3 and words[2][:1].isupper())


def _person_of_body(table: ActorTable, start: int, words: list[str], lower_words: set[str], persons: list) -> bool:
    """"Ingrid Maes of the Tarnovian Helsinki Committee": a person's name, "of", a body's name (its last word a body
    word) are a person and the body, not one body named after both."""
    if "of" not in words[2:-1]:
        return False
    i = words.index("of", 2)
    person, body = words[:i], words[i + 1:]
    if body and (body[0] == "the" or (len(body) > 2 and body[0].endswith(("'s", "’s")))):
        body = body[1:]  # "of the X", "of Australia's X": the body is X
    if not (2 <= len(person) <= 3 and len(body) >= 1 and body[-1] in lexicon.org_keywords()
            and not any(w in lexicon.org_keywords() for w in person) and _looks_like_name(person, lower_words)):
        return False
    org_type = _org_type(body)
    if not org_type or org_type in ("Document", "Place"):
        return False
    person_name, body_name = " ".join(person), " ".join(body)
    p_end = start + len(person_name)
    b_start = table.text.find(body_name, p_end)
    if table.text[start:p_end] != person_name or b_start < 0:
        return False  # irregular spacing: left to the other readings
    persons.append((start, p_end, ""))
    _add_org(table, b_start, b_start + len(body_name), body_name, org_type)
    return True


def _looks_like_name(words: list[str], lower_words: set[str]) -> bool:
    """Whether capitalised words may be a person's name: the shape of the words (``_name_shape``, the same for
    every article and so read once), and none of their longer words used in lower case in this article."""
    lowered = _name_shape(tuple(words))
    return lowered is not None and lower_words.isdisjoint(lowered)


@lru_cache(maxsize=65536)
def _name_shape(words: tuple[str, ...]) -> tuple[str, ...] | None:
    """None when the words cannot be a person's name whatever the article (a date, a stop word, an office, a
    country...), else the lower-case forms of those of their words (infixes left out) that the article must not
    use in lower case: the words of three letters or more."""
    infixes = lexicon.words("name_infixes")
    if len(words) >= 3 and any(w in infixes for w in words[1:-1]):  # "Staffan de Mistura"
        if words[0] in infixes or words[-1] in infixes:
            return None
        return _name_shape(tuple(w for w in words if w not in infixes))
    if any(w in lexicon.calendar_words() or (w.isupper() and len(w) > 1) or w.endswith(("'s", "’s")) for w in words):
        return None
    never = _never_in_name()
    if any(w.lower() in never for i, w in enumerate(words) if i or w not in lexicon.words("name_first_words")):
        return None  # a stop word never stands in a name, but for the first words of name_first_words.txt
    if words[-1].lower() in _one_word_titles():
        return None  # "Mr. President", "Madam Chairman", "Special Rapporteur": a form of address or an office
    if words[0] in lexicon.words("compass_words"):
        return None  # "South Caucasus": a region
    if any("-" in w and re.search(r"[A-Za-z]-[a-z]", w) and not _particle_prefix().match(w) for w in words):
        return None  # "Russian-occupied Crimea": a compound adjective, not a name ("Kara-Murza" is one)
    if len(words[0]) >= 6 and words[0].endswith("ean"):
        return None  # "Crimean Tatars", "European Parliament": an adjective of a place, not a first name
    if any(w in lexicon.words("document_words") or w in lexicon.org_keywords() for w in words):
        return None
    if not all(_name_word().match(w) for w in words):
        return None
    if any(gazetteer.lookup(" ".join(words[i:j]), ("name", "demonym"))
           for i in range(len(words)) for j in range(i + 1, len(words) + 1)):
        return None
    if any(w.endswith("s") and gazetteer.lookup(w[:-1], ("demonym",)) for w in words):
        return None  # "Young Egyptians": a people, not a person
    if _multiword_country_start().match(" ".join(words)):  # "Hong Kong Policy", "Hong Kongers"
        return None
    return tuple(w.lower() for w in words if len(w) > 2)


@cache
def _never_in_name() -> frozenset[str]:
    """Lower-case words never part of a person's name: stop words, abstract nouns, not_name_words.txt."""
    return _stop_words() | lexicon.abstract_nouns() | _not_name_words()


@cache
def _name_word() -> re.Pattern:
    return re.compile(rf"^(?:{UPPER}|(?:{_particles()})-[A-Z])[\w'’.-]*$")


@cache
def _particle_prefix() -> re.Pattern:
    return re.compile(rf"^(?:{_particles()})-")


@cache
def _not_name_words() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.words("not_name_words"))


@cache
def _one_word_titles() -> frozenset[str]:
    """Titles and roles of one word ("president", "rapporteur", "representative"): never the end of a name."""
    return frozenset(t.lower() for t in lexicon.titles() if " " not in t and not t.endswith(".")) | frozenset(
        w.lower() for w in lexicon.words("role_endings"))


@cache
def _multiword_country_start() -> re.Pattern:
    names = sorted((n for c in gazetteer.countries().values() for n in c.names if " " in n), key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(n) for n in names) + r")(?:\s|ers\b|ans\b)")


_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z]{1,9})\)")


def _add_org(table: ActorTable, start: int, end: int, name: str, type_: str) -> None:
    key = org_key(name)
    lead, _, rest = name.partition(" ")
    known = table.find_key(rest) if " " in rest and gazetteer.lookup(lead, ("name", "demonym")) else None
    # "U.S. Central Intelligence Agency" is the known "Central Intelligence Agency"
    existing = table.find_key(name) or (known if known and known.startswith("known:") else None)
    if existing:
        key = existing
    else:
        table.entry(key, name, type_)
    table.mention(start, end, key)
    # an acronym in brackets right after the name is another name of it
    after = _ACRONYM_AFTER.match(table.text[end:end + 14])
    if after:
        table.mention(end + after.start(1), end + after.end(1), key, "alias")


_NOT_BEFORE_NAME = re.compile(r"[\w'’-]")


@cache
def _honorifics_in_order() -> tuple[str, ...]:
    """The honorifics in the order of their regex alternation (lexicon.alternation_of): longest first."""
    return tuple(sorted(lexicon.name_honorifics(), key=lambda f: (-len(f), f)))


@cache
def _honorific_edges() -> tuple[int, frozenset[str], frozenset[str]]:
    """The length of the shortest honorific, the endings of that length of the honorifics, and their first letters:
    an honorific ends (starts) at a position only where one of them does."""
    honorifics = _honorifics_in_order()
    tail = min(len(h) for h in honorifics)
    return tail, frozenset(h[-tail:] for h in honorifics), frozenset(h[0] for h in honorifics)


def _part_mentions(text: str, part: str, honorific_only: bool = False) -> list[tuple[int, int]]:
    """The spans of ``re.finditer(rf"(?<![\\w'’-])(?:(?:{honorifics})\\.?\\s+)?{re.escape(part)}(?![\\w-])", text)``
    for one word of a name (no space in it): "Holm", "Mr. Holm", without compiling a regex for each name. The
    regex can match at an occurrence of the word, or at an honorific ending, with its period, right before the
    spaces before one; at a position it tries the honorifics first, in the alternation's order
    (tests/test_scan.py compares the two). ``honorific_only``: [] when no honorific stands before the word (the
    caller keeps only the spans that start with one)."""
    honorifics = _honorifics_in_order()
    tail, tails, firsts = _honorific_edges()
    size, n = len(part), len(text)
    found = []
    q = text.find(part)
    while q >= 0:
        found.append(q)
        q = text.find(part, q + 1)
    if not found:
        return []
    at = set(found)
    led: set[int] = set()  # where an honorific ends right before the spaces before an occurrence
    for q in found:
        e = q
        while e > 0 and text[e - 1].isspace():
            e -= 1
        if 0 < e < q:
            for stop in (e, e - 1) if text[e - 1] == "." else (e,):
                if stop >= tail and text[stop - tail:stop] in tails:  # else no honorific ends there
                    led.update(stop - len(h) for h in honorifics if text.endswith(h, 0, stop))
    if honorific_only and not led:
        return []
    starts = at | led

    def ends_well(q: int) -> bool:  # the word, then no word character or hyphen
        return q in at and not scan.WORD_OR_HYPHEN.match(text, q + size)

    out: list[tuple[int, int]] = []
    pos = 0
    for s in sorted(starts):
        if s < pos or (s > 0 and _NOT_BEFORE_NAME.match(text, s - 1)):
            continue
        end = None
        for h in honorifics if text[s] in firsts else ():  # no honorific starts with another letter
            if not text.startswith(h, s):
                continue
            e = s + len(h) + (text[s + len(h):s + len(h) + 1] == ".")
            w = e
            while w < n and text[w].isspace():
                w += 1
            if w > e and ends_well(w):
                end = w + size
                break
        if end is None and ends_well(s):
            end = s + size
        if end is not None:
            out.append((s, end))
            pos = end
    return out


def _find_aliases_of_people(table: ActorTable, taken: Covered) -> None:
    text = table.text
    people = [e for e in table.entries.values() if e.type == "Person"]
    covered = Covered([(m.start, m.end) for m in table.mentions] + list(taken))
    for e in people:
        parts = e.name.split()
        for part in {parts[-1], parts[0]} if len(parts) > 1 else set():
            if len(part) < 2 or (len(part) < 3 and part != parts[-1]):
                continue
            only_led = part == parts[0] or len(part) < 3  # a first name alone is too ambiguous (see below)
            for start, end in _part_mentions(text, part, only_led):
                if start in covered:
                    continue
                honorific = end - start != len(part)
                if only_led and not honorific:
                    continue  # a first name alone is too ambiguous, and so is a two-letter surname ("Ms. Ho" is hers)
                table.mention(start, end, e.key, "alias")
                covered.add(start, end)
        if len(parts) > 1:
            e.aliases.add(parts[-1])
    for m in _honorific().finditer(text):  # "Ms. Ishag" for someone never named in full
        if m.start() in covered:
            continue
        name = re.split(r"['’]s\b", m.group(2))[0].strip()
        if table.find_key(name) is None and _looks_like_name(name.split(), set()):
            key = person_key(name)
            table.entry(key, name, "Person")
            table.mention(m.start(), m.end(), key, "alias")
            covered.add(m.start(), m.end())


OUTLET_CONTEXT = re.compile(r"\b([A-Z]{3,12})(?:['’]s)?\s+(?:\w+\s+)?(?:correspondent|reporter|news\s+agency|"
                            r"newspaper|television|broadcaster|news\s+service|website)\b|\btold\s+([A-Z]{3,12})\b")
# OUTLET_CONTEXT's two branches, each with its first character (a capital, the "told") before the look behind
# standing for its word boundary, so that the engine seeks it at C speed
_OUTLET_BEFORE_NOUN = re.compile(r"([A-Z](?<!\w[A-Z])[A-Z]{2,11})(?:['’]s)?\s+(?:\w+\s+)?(?:correspondent|reporter|"
                                 r"news\s+agency|newspaper|television|broadcaster|news\s+service|website)\b")
_OUTLET_TOLD = re.compile(r"told(?<!\wtold)\s+([A-Z]{3,12})\b")


def _outlet_names(text: str) -> list[str]:
    """``[m.group(1) or m.group(2) for m in OUTLET_CONTEXT.finditer(text)]``: the leftmost match of either branch
    from where the last match ended (the first branch's at a tie, as the alternation tries it first; the two never
    start at one character), each branch's next match sought again only once the last match passed its start
    (tests/test_scan.py compares the two)."""
    out: list[str] = []
    a, b = _OUTLET_BEFORE_NOUN.search(text), _OUTLET_TOLD.search(text)
    while a or b:
        m = a if b is None or (a is not None and a.start() <= b.start()) else b
        out.append(m.group(1))
        pos = m.end()
        if a is not None and a.start() < pos:
            a = _OUTLET_BEFORE_NOUN.search(text, pos)
        if b is not None and b.start() < pos:
            b = _OUTLET_TOLD.search(text, pos)
    return out


def find_outlets(table: ActorTable, taken: Covered) -> None:
    """All-capital names that the text shows to be news outlets ("ZARYA's correspondent", "told ZARYA")."""
    names = set(_outlet_names(table.text))
    for name in names:
        if table.find_key(name) or gazetteer.lookup(name):
            continue
        table.name_everywhere(name, "MediaOutlet", taken)


@cache
def _single_name_regex() -> re.Pattern:
    verbs = "|".join(re.escape(v) for v in ("said", "says", "told", "tells", "wrote", "writes", "commented", "added",
                                            "explained", "argued", "insisted", "tweeted", "is denying", "denied", "denies"))
    # the capital first, then the look behind it: the engine seeks capitals at C speed
    return re.compile(rf"({UPPER}(?<![\w'’.-]{UPPER}){LOWER}{{2,}})[ \u00a0]+(?:(?:has|had|also|then|later)[ \u00a0]+)?"
                      rf"(?:{verbs})\b")


def find_single_names(table: ActorTable, lower_words: set[str]) -> None:
    """A person known by one name, with a person's verb as evidence ("Zunar says ...", "Ferhat wrote:"): a word
    the text never writes in lower case, that names no place, group, title, date or known body."""
    covered = Covered([(m.start, m.end) for m in table.mentions])
    for m in _single_name_regex().finditer(table.text):
        word = m.group(1)
        if m.start(1) in covered or not _is_single_name(word, lower_words):
            continue
        key = table.find_key(word)  # a pen name or nickname read before ("known as Zorro") is that person's
        if key and table.entries[key].type != "Person":
            continue
        key = key or person_key(word)
        table.entry(key, word, "Person")
        for start in scan.occurrences(word, table.text, _NOT_BEFORE_NAME):
            if start not in covered:
                table.mention(start, start + len(word), key)
                covered.add(start, start + len(word))


def _is_single_name(word: str, lower_words: set[str]) -> bool:
    low = word.lower()
    return not (low in lower_words or low in _stop_words() or low in lexicon.abstract_nouns() or low in _not_name_words()
                or low in _one_word_titles() or word in lexicon.calendar_words() or word in lexicon.org_keywords()
                or low in {g.lower() for g in lexicon.groups()} or low.rstrip("s") in {g.lower() for g in lexicon.groups()}
                or gazetteer.lookup(word, ("name", "demonym", "seat")) or word.endswith("s")
                or low in lexicon.words("document_words") or word in lexicon.words("compass_words"))


@cache
def _country_body_regex() -> re.Pattern:
    return re.compile(rf"(?:['’]s)?[ \u00a0]+({lexicon.alternation_of(lexicon.country_bodies())})\b")


def find_country_bodies(table: ActorTable) -> None:
    """Bodies named in lower case after their country: "Afghanistan's interior ministry", "the Ugandan army"."""
    bodies = lexicon.country_bodies()
    for m in list(table.mentions):
        if not m.key.startswith("country:"):
            continue
        after = _country_body_regex().match(table.text, m.end)
        if not after:
            continue
        type_, label = bodies[after.group(1)]
        name = f"{label} of {table.entries[m.key].name}"
        key = table.find_key(name) or org_key(name)
        table.entry(key, name, type_)
        table.mention(m.start, after.end(), key)


@cache
def _group_regex() -> re.Pattern:
    alternation = scan.trie(sorted({g.lower() for g in lexicon.groups()}, key=len, reverse=True))  # longest first
    return re.compile(rf"\b(?:(?:[Tt]he|[Aa]n?)\s+)?(?:[a-z-]+\s+)?((?i:{alternation}))\b")


@cache
def _group_forms() -> scan.Forms:
    return scan.Forms(lexicon.groups())


@cache
def _group_and() -> re.Pattern:
    """ "and" another collective after a group's name: up to three lower-case words, then a plural head."""
    heads = lexicon.alternation_of(lexicon.words("collective_heads"))
    return re.compile(rf"[ \u00a0]+and[ \u00a0]+(?:[a-z-]+[ \u00a0]+){{0,3}}?(?:{heads})\b")


def find_groups(table: ActorTable) -> None:
    text = table.text
    covered = Covered([(m.start, m.end) for m in table.mentions])
    # a match starts at most two words (an article, an adjective) before a group's name
    for m in scan.finditer(_group_regex(), text, table.words.starts(_group_forms(), ignorecase=True, back=2)):
        start, end = m.start(1), m.end(1)
        if start in covered or (end - 1) in covered:  # "The government of Laos": a part of a longer name
            continue
        joined = _group_and().match(text, end)  # "lawyers and human rights defenders said": one voice
        if joined and (joined.end() - 1) not in covered:
            end = joined.end()
        name = text[start:end].lower() if text[start + 1:end].islower() else text[start:end]
        key = f"group:{name.lower()}"
        table.entry(key, name, "Group", listed=False)
        table.mention(start, end, key, "group")


def _in_order(short: list[str], long: list[str]) -> bool:
    """Whether the words of ``short`` stand in ``long`` in the same order ("Media Agency" in "Media Development
    Agency"), ending on the same head word."""
    rest = iter(long)
    return short[-1] == long[-1] and all(w in rest for w in short)


@lru_cache(maxsize=65536)
def _country_of_form(name: str) -> tuple[str | None, str]:
    """The country a body's name holds and the rest: "Peruvian Senate" and "Senate of Peru" -> ("PE", "Senate")."""
    lead, _, rest = name.partition(" ")
    iso = gazetteer.lookup(lead, ("demonym",)) if rest else None
    if iso:
        return iso, rest
    m = re.match(r"(.+?)\s+(?:of|in)\s+(?:the\s+)?(.+)$", name)
    iso = gazetteer.lookup(m.group(2), ("name",)) if m else None
    return (iso, m.group(1)) if iso else (None, name)


def _same_body(short: Entry, long: Entry, of_form: dict[str, tuple[str | None, str]] | None = None) -> bool:
    """Two names of one body: a shorter form ("Supreme Court" of "Kyrgyz Supreme Court"), or the country before
    and after ("Paraguayan Parliament", "Parliament of Paraguay"). ``of_form``: ``_country_of_form`` of names
    read before."""
    of_form = {} if of_form is None else of_form
    for name in (short.name, long.name):
        if name not in of_form:
            of_form[name] = _country_of_form(name)
    s_iso, s_rest = of_form[short.name]
    l_iso, l_rest = of_form[long.name]
    if s_iso and l_iso:
        return s_iso == l_iso and s_rest == l_rest
    s_words, l_words = short.name.split(), (l_rest if l_iso and not s_iso else long.name).split()
    if short.type == "Person":  # "Ekho Bora" for the "Radio Ekho Bora" named before
        return len(l_words) > 1 and l_words[0] in MEDIA_ANYWHERE and s_words == l_words[1:]
    return 2 <= len(s_words) < len(long.name.split()) and _in_order(s_words, l_words)


def merge_body_forms(table: ActorTable) -> None:
    """Fold each body named twice (a shorter form, the country on the other side) into its longest name, when
    exactly one longer name fits."""
    bodies = [e for e in table.entries.values() if e.listed and e.type in BODY_TYPES | {"Person"}
              and not e.key.startswith(("country:", "government:"))]
    of_form: dict[str, tuple[str | None, str]] = {}  # each name's country and rest, read once
    for short in sorted(bodies, key=lambda e: len(e.name)):
        fits = {e.key for e in bodies if e is not short and e.key in table.entries and e.type in BODY_TYPES
                and len(e.name) >= len(short.name) and _same_body(short, e, of_form)}
        if len(fits) == 1 and short.key in table.entries:
            table.merge(short.key, fits.pop())


def list_countries_of_governments(table: ActorTable) -> None:
    """A government the text names ("the Bolivian government") makes its country an actor too: the state it acts
    for, even when the text names the state only by that adjective."""
    for e in list(table.entries.values()):
        if e.key.startswith("government:") and e.listed and e.country:
            country = gazetteer.country(e.country)
            if country:
                table.entry(_country_key(e.country), country.name, "Country", country=e.country).listed = True


# r"\b[a-z][a-z'-]+\b" with its first letter before the look behind that stands for the word boundary, so that the
# engine seeks small letters at C speed (tests/test_scan.py compares the two)
LOWER_CASE_WORD = re.compile(r"[a-z](?<!\w[a-z])[a-z'-]+\b")


def find_actors(text: str) -> ActorTable:
    """Every actor of the text, with its mentions."""
    table = ActorTable(text)
    lower_words = set(LOWER_CASE_WORD.findall(text))
    known = find_known(table)
    find_countries(table, known)
    taken = Covered([(m.start, m.end) for m in table.mentions])
    find_outlets(table, taken)
    find_described(table, taken)
    find_coded_names(table, taken)
    find_names(table, taken, lower_words)
    find_single_names(table, lower_words)
    find_country_bodies(table)
    merge_body_forms(table)
    list_countries_of_governments(table)
    find_groups(table)
    table.finish()
    return table
