"""kg.extract.scan: the cheap scans find exactly what the whole-text regexes they replace find (Hypothesis texts
made of the lexicons' own words, look-alikes, capitals, articles, hyphens, apostrophes and risky characters)."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import actors, claims, described, figures, forces, lexicon, scan, speech
from kg.extract import text as textmod

PIECES = ["the", "The", "THE", "a", "An", "an", "local", "independent", "Paris-based", "of", "and", "for", "in",
          "Rights", "Group", "Zorvan", "Ana", "Ruiz", "Ms.", "Dr", "Mrs", "U.S.", "US", "State", "Department",
          "police", "Police", "policemen", "officers", "human", "Human", "rights", "groups", "NGOs", "the court",
          "Congo", "Congolese", "Côte", "d'Ivoire", "d’Ivoire", "Korea", "North", "South", "Sudan", "Kremlin",
          "Russia", "Russian", "Iran's", "Iran’s", "Amnesty", "International", "newspaper", "daily", "X",
          "-", "'", "’", ",", ".", ";", "(", ")", "/", "\"", "ı", "İ", "ſ", "Σ", "K", "é", "ß", "12"]
SEPARATORS = [" ", " ", " ", "\u00a0", "\n", "  ", "", "-", "\n\n"]


def _lexicon_words() -> list[str]:
    groups = lexicon.groups()
    known = [f for k in lexicon.known_actors() for f in (k.name, *k.aliases)]
    _, country_forms = actors._country_regex()
    return [*groups, *known, *list(described.descriptors()), *sorted(country_forms)[::7]]


LOWER = ["the", "The", "a", "an", "local", "independent", "Paris-based", "-based", "x-", "pro-government", "two"]
NAMES = ["Zorvan", "Ana Ruiz", "Amnesty International", "U.S.", "the Congo", "Human Rights Watch", "X of the Y"]
words = st.one_of(st.sampled_from(PIECES), st.sampled_from(_lexicon_words()),
                  st.sampled_from([w.upper() for w in _lexicon_words()[:60]]),
                  # what the regex engine's IGNORECASE matches and lower-casing does not give: the long s, a dotless i
                  st.sampled_from(_lexicon_words()).map(lambda w: w.replace("s", "ſ", 1).replace("I", "ı", 1)),
                  st.text(alphabet="aAsSıİkK’'- .ΣΟ", max_size=4))
# a run of lower-case words, a lexicon's form and a name: what the scans' regexes look for
phrases = st.tuples(st.lists(st.sampled_from(LOWER), max_size=6), st.sampled_from(_lexicon_words()),
                    st.sampled_from(NAMES)).map(lambda t: " ".join([*t[0], t[1], t[2]]))
texts = st.lists(st.one_of(words, phrases), min_size=1, max_size=30).flatmap(
    lambda pieces: st.lists(st.sampled_from([" "] * 6 + SEPARATORS), min_size=len(pieces), max_size=len(pieces)).map(
        lambda seps: "".join(w + s for w, s in zip(pieces, seps, strict=True))))


def spans(matches) -> list[tuple]:
    return [(m.span(), *(m.span(i) for i in range(1, (m.re.groups or 0) + 1))) for m in matches]


def _flat(forms, atom=re.escape) -> str:
    return "|".join(atom(f) for f in sorted(forms, key=len, reverse=True))


@settings(max_examples=400, deadline=None)
@given(texts)
def test_known_actors_scan_finds_what_the_flat_regex_finds(text):
    table = actors.ActorTable(text)
    for regex, forms, starters in actors._known_regexes():
        flat = re.compile(regex.pattern.replace(scan.trie(sorted(forms, key=len, reverse=True)), _flat(forms)),
                          regex.flags)
        starts = table.words.starts(starters, ignorecase=bool(regex.flags & re.IGNORECASE), back=1)
        assert spans(scan.finditer(regex, text, starts)) == spans(flat.finditer(text))


@settings(max_examples=400, deadline=None)
@given(texts)
def test_group_scan_finds_what_the_flat_regex_finds(text):
    table = actors.ActorTable(text)
    flat = re.compile(rf"\b(?:(?:[Tt]he|[Aa]n?)\s+)?(?:[a-z-]+\s+)?((?i:{_flat(lexicon.groups())}))\b")
    starts = table.words.starts(actors._group_forms(), ignorecase=True, back=2)
    assert spans(scan.finditer(actors._group_regex(), text, starts)) == spans(flat.finditer(text))


@settings(max_examples=400, deadline=None)
@given(texts)
def test_described_scan_finds_what_the_flat_regex_finds(text):
    table = actors.ActorTable(text)
    flat = re.compile(rf"\b(?i:(?:the[ \u00a0]+)?{described.MODIFIERS}({lexicon.alternation_of(described.descriptors())}))"
                      rf"[ \u00a0]+{described.NAME}(?![\w-])")
    assert spans(scan.finditer(described._before(), text, described._before_starts(table))) == spans(flat.finditer(text))


@settings(max_examples=300, deadline=None)
@given(texts)
def test_country_trie_finds_what_the_flat_regex_finds(text):
    regex, forms = actors._country_regex()
    alternation = _flat(forms, lambda f: re.escape(f).replace("'", "['’]"))
    flat = re.compile(rf"(?<![\w.])(?<![a-z]-)(?:the\s+)?(?=[A-Z])({alternation})(?!\w|-[a-z])")
    assert spans(regex.finditer(text)) == spans(flat.finditer(text))
    groups = [m.span(1) for m in regex.finditer(text)]
    assert [m.span(1) for m in actors._country_capital_regex().finditer(text)] == groups


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="abAB'’-. \n", max_size=5), min_size=1, max_size=6), st.text(alphabet="abAB'’-. \n"))
def test_trie_matches_the_longest_first_alternation(forms, text):
    forms = [f for f in forms if f]
    if not forms:
        return
    for flags in (0, re.IGNORECASE):
        keys = sorted({f.lower() for f in forms} if flags else set(forms), key=len, reverse=True)
        for tail in ("", r"\b", r"(?!\w)", r"[ .]"):
            tree = re.compile(f"({scan.trie(keys)}){tail}", flags)
            flat = re.compile(f"({_flat(forms)}){tail}", flags)
            assert spans(tree.finditer(text)) == spans(flat.finditer(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab-' ’xY\n", min_size=1, max_size=4), st.text(alphabet="ab-' ’xY\n", max_size=60))
def test_occurrences_are_the_bounded_regex_matches(name, text):
    for left, cls in ((scan.WORD_OR_HYPHEN, r"[\w-]"), (re.compile(r"[\w'’-]"), r"[\w'’-]")):
        expected = [m.start() for m in re.finditer(rf"(?<!{cls}){re.escape(name)}(?![\w-])", text)]
        assert list(scan.occurrences(name, text, left)) == expected


def test_risky_characters_are_those_lowercase_and_the_regex_engine_disagree_on():
    import _sre
    from re import _casefix

    extra = set(_casefix._EXTRA_CASES)
    risky = "".join(chr(cp) for cp in range(sys.maxunicode + 1)
                    if chr(cp).lower() != chr(_sre.unicode_tolower(cp))
                    or (_sre.unicode_tolower(cp) in extra and _sre.unicode_tolower(cp) > 127))
    assert risky == scan.RISKY_CHARS


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(["Holm", "Ana", "O'Neil", "Kara-Murza", "Mrs", "Dr."]),
       st.lists(st.sampled_from(["Holm", "Ana", "O'Neil", "Kara-Murza", "Mr", "Mrs", "Ms", "Dr", "Prof", "Miss",
                                 "Mr. ", "Dr.\n ", "Ms  ", "Mrs.", "xMr. ", "-Dr ", ". ", "Mr.Holm",
                                 ".", " ", "  ", "\n", "-", "'", "’", "x", "Holms", "s"]), max_size=25))
def test_part_mentions_are_the_honorific_regex_matches(part, pieces):
    text = "".join(pieces)
    honorifics = lexicon.alternation_of(lexicon.name_honorifics())
    regex = re.compile(rf"(?<![\w'’-])(?:(?:{honorifics})\.?\s+)?{re.escape(part)}(?![\w-])")
    assert actors._part_mentions(text, part) == [m.span() for m in regex.finditer(text)]
    # asked for the spans an honorific leads only: the same such spans (all spans, or none when there are none)
    led = actors._part_mentions(text, part, honorific_only=True)
    assert led in ([], actors._part_mentions(text, part))
    assert [s for s in led if s[1] - s[0] != len(part)] == [m.span() for m in regex.finditer(text)
                                                             if m.end() - m.start() != len(part)]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_force_noun_scan_finds_what_the_regex_finds(text):
    table = actors.ActorTable(text)
    for kind in forces.force_kinds():
        starts = table.words.starts(forces._noun_forms(kind), ignorecase=True)
        assert spans(scan.finditer(kind.nouns, text, starts)) == spans(kind.nouns.finditer(text))


NUMBERISH = ["12", "1,200", "2019", "2,019", "3.5", "one", "One", "ONE", "someone", "two", "Dozens", "hundreds", "-plus",
             "more than", "at least", "an estimated", "prisoners", "people", "Peruvians", "number of", "rose to", ",",
             ".", "-", "1990s", "x1", "hundred"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(NUMBERISH), words), min_size=1, max_size=12), st.sampled_from([" ", "", "\n"]))
def test_figure_regexes_match_only_where_a_number_can_start(pieces, sep):
    text = sep.join(pieces)
    if not figures.number_start().search(text):
        assert figures.figure_regex().search(text) is None and figures.total_regex().search(text) is None


SENTENCE_PIECES = ["U.S.", "Mr.", "said", "Ana", "Ruiz", ".", "!", "?", "।", "…", "\"", "”", "“", "'", "(", ")", ",", ";",
                   ":", "-", "—", "No.", "3.5", "e.g.", "\u00a0", "\t", "\u200b", "x" * 210, "a.b" * 80]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(SENTENCE_PIECES), words), min_size=1, max_size=14),
       st.lists(st.sampled_from([" ", "", "  ", "\u00a0", "\t"]), min_size=14, max_size=14))
def test_paragraph_spans_are_the_sentencizer_cuts(pieces, seps):
    para = "".join(p + s for p, s in zip(pieces, seps, strict=False)).strip()
    if para:
        assert textmod._paragraph_spans(para) == textmod._sentence_spans(
            textmod._nlp().tokenizer(textmod._breakable(para)))


CUE_PIECES = ["said", "Said", "SAID", "told", "told-off", "re-told", "went on to say", "went  on", "according", "warned",
              "Ana", "that", "-", "'", "’", ".", ","]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(CUE_PIECES), st.sampled_from(sorted(lexicon.speech_verbs())), words),
                min_size=1, max_size=14), st.sampled_from([" ", "", "-", "  "]))
def test_cue_scan_finds_what_the_cue_regex_finds(pieces, sep):
    text = sep.join(pieces)
    assert spans(speech._cues(text)) == spans(speech._cue_regex().finditer(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab .;:,()\n", max_size=40).map(lambda t: t.replace("a", " and ").replace("b", "but")))
def test_last_clause_is_the_last_piece_of_the_split(text):
    assert claims._last_clause(text) == re.split(r"[.;:]|,\s+(?:but|while|and)\b", text)[-1]


TOKEN_PIECES = ["abc", "Abc", "ab", "a", "x_y", "_", "rights", "d'Ivoire", "pro-state", "état", "ß", "12", "x2", "İ",
                "ſ", "'", "’", "-", ".", ",", "(", ")", "“", "”", "…", "—", "*", "/", "\u00a0", "\x1c", "_a"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(TOKEN_PIECES), max_size=20), st.lists(st.sampled_from(SEPARATORS), max_size=20))
def test_word_set_is_the_set_of_the_whole_text_regex_matches(pieces, seps):
    text = "".join(p + (seps[i] if i < len(seps) else "") for i, p in enumerate(pieces))
    assert scan.word_set(text) == frozenset(re.findall(r"\w+", text))


def test_the_punctuation_stripped_from_tokens_holds_no_word_character():
    assert not any(re.match(r"\w", c) for c in scan.PUNCTUATION)


CAP_PIECES = ["al-Hassan", "el-", "bin-", "Bin-Laden", "ibn-Saud", "de-", "ul-Haq", "da-Silva", "xal-Y", "-al-Z", "al",
              "Émile", "Łódź", "Ana", "Ruiz", "O'Neil", "Kara-Murza", "Journalists'", "Union", "Party's", "U.N.", "U.S",
              "A.B", "McCain", "iPhone", "NGO", "NGO/UN", "J.", "X", "Y.", "of", "the", "and", "de", "van", "’s", "'s",
              "s'", "-", "'", "’", ".", ",", "Rights", "a", "z", "2", "É", "Ö.", "ÉA", "AÉ"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(CAP_PIECES), max_size=25), st.lists(st.sampled_from(SEPARATORS), max_size=25))
def test_capitalised_sequences_are_the_whole_regex_matches(pieces, seps):
    text = "".join(p + (seps[i] if i < len(seps) else "") for i, p in enumerate(pieces))
    assert spans(actors._cap_seqs(text)) == spans(actors._cap_seq().finditer(text))


NAME_PIECES = ["Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Mr.", "xMr", "_Dr", "Mister", "Holm", "Zunar", "Émile", "Ana",
               "O'Neil", "said", "says", "has", "also", "denied", "is denying", "told", "x", "-", ".", "'", "’", "É",
               "Ab", "ABC"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(NAME_PIECES), max_size=20), st.lists(st.sampled_from(SEPARATORS), max_size=20))
def test_capital_first_regexes_match_what_their_look_behind_first_forms_match(pieces, seps):
    text = "".join(p + (seps[i] if i < len(seps) else "") for i, p in enumerate(pieces))
    honorifics = lexicon.alternation_of(lexicon.name_honorifics())
    honorific = re.compile(rf"\b({honorifics})\.?\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)")
    assert spans(actors._honorific().finditer(text)) == spans(honorific.finditer(text))
    verbs = actors._single_name_regex().pattern.rpartition("(?:")[2]
    single = re.compile(rf"(?<![\w'’.-])({actors.UPPER}{actors.LOWER}{{2,}})[ \u00a0]+"
                        rf"(?:(?:has|had|also|then|later)[ \u00a0]+)?(?:{verbs}")
    assert spans(actors._single_name_regex().finditer(text)) == spans(single.finditer(text))


CODE_PIECES = ["X23", "M23", "ABCD12", "ABCDE1", "G7", "G20", "G", "7", "1234", "x", "-", "_", "AB", "ab12", "Éa1", "Q9Z"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(CODE_PIECES), max_size=20), st.lists(st.sampled_from(SEPARATORS), max_size=20))
def test_coded_names_regex_matches_what_its_look_behind_first_form_matches(pieces, seps):
    text = "".join(p + (seps[i] if i < len(seps) else "") for i, p in enumerate(pieces))
    coded = re.compile(r"(?<![\w-])([A-Z]{1,4}[0-9]{1,3})(?![\w-])")
    assert spans(described.CODED.finditer(text)) == spans(coded.finditer(text))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*NAME_PIECES, "don't", "well-", "-known", "a", "b'", "x-y", "ab_", "éa", "1a"]),
                max_size=20), st.lists(st.sampled_from(SEPARATORS), max_size=20))
def test_lower_case_word_regex_matches_what_its_boundary_first_form_matches(pieces, seps):
    text = "".join(p + (seps[i] if i < len(seps) else "") for i, p in enumerate(pieces))
    assert spans(actors.LOWER_CASE_WORD.finditer(text)) == spans(re.finditer(r"\b[a-z][a-z'-]+\b", text))


OUTLET_PIECES = ["ZARYA", "ZARYA's", "ABC", "AB", "ABCDEFGHIJKLM", "told", "xtold", "Told", "correspondent", "reporter",
                 "news agency", "news", "agency", "newspaper", "website", "said", "its", "x", "-", "'", "’s", "É",
                 "ZARYA's ABC correspondent", "told ABC reporter", "ABC told XYZ", "ABC's told website"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(OUTLET_PIECES), max_size=20), st.lists(st.sampled_from(SEPARATORS), max_size=20))
def test_outlet_names_are_the_outlet_regex_matches(pieces, seps):
    text = "".join(p + (seps[i] if i < len(seps) else "") for i, p in enumerate(pieces))
    names = [m.group(1) or m.group(2) for m in actors.OUTLET_CONTEXT.finditer(text)]
    assert actors._outlet_names(text) == names


PSEUDONYM_PIECES = ["also", "better", "widely", "popularly", "known", "as", "nicknamed", "under", "the", "pen", "nick",
                    "name", "nickname", "known as", "the pen name", "Mother", "Hoa", "“Mother", "\"", "'", "x", "Ab-c"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PSEUDONYM_PIECES), max_size=20), st.lists(st.sampled_from(SEPARATORS), max_size=20))
def test_pseudonym_regex_matches_what_its_nested_form_matches(pieces, seps):
    text = "".join(p + (seps[i] if i < len(seps) else "") for i, p in enumerate(pieces))
    nested = re.compile(r"(?:(?:also|better|widely|popularly)\s+)?(?:known\s+as|nicknamed|(?:under\s+)?the\s+"
                        r"(?:pen\s+|nick)?name)\s+[“\"‘']?((?:[A-Z][\w'’-]*\s?){1,4})")
    assert spans(actors.PSEUDONYM.finditer(text)) == spans(nested.finditer(text))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(NAME_PIECES), max_size=12), st.lists(st.sampled_from(SEPARATORS), max_size=12))
def test_word_before_read_backwards_is_what_the_end_anchored_regex_finds(pieces, seps):
    text = "".join(p + (seps[i] if i < len(seps) else "") for i, p in enumerate(pieces))
    m = re.search(r"(\w+)\s+$", text)
    back = actors._SPACES_THEN_WORD.match(text[::-1])
    assert (back.group(1)[::-1] if back else None) == (m.group(1) if m else None)


def _positions_by_find(lowered: str, word: str) -> list[int]:
    """The plain form ``WordIndex.positions`` had for every word: each occurrence, kept where no word character
    stands either side."""
    out, pos = [], lowered.find(word)
    while pos >= 0:
        end = pos + len(word)
        if not ((pos and re.match(r"\w", lowered[pos - 1])) or re.match(r"\w", lowered[end:end + 1])):
            out.append(pos)
        pos = lowered.find(word, pos + 1)
    return out


SHORT_WORDS = ["u", "s", "e", "a", "i", "is", "an", "al", "the", "one", "ngo", "law", "x_1", "2", "é", "ß", "_"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*TOKEN_PIECES, *SHORT_WORDS, "u.s.", "aa", "isis", "thee", "_u", "u_"]), max_size=20),
       st.lists(st.sampled_from(SEPARATORS), max_size=20), st.sampled_from([*SHORT_WORDS, "state", "rights"]))
def test_word_positions_are_the_whole_occurrences_found_one_by_one(pieces, seps, word):
    lowered = "".join(p + (seps[i] if i < len(seps) else "") for i, p in enumerate(pieces)).lower()
    index = scan.WordIndex(lowered)
    if index.lowered is not None:
        assert index.positions(word) == _positions_by_find(index.lowered, word)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_starts_read_from_either_side_are_those_of_the_whole_intersection(text):
    index = scan.WordIndex(text)
    for forms in (actors._group_forms(), scan.Forms(["police", "human rights groups"]), *(
            starters for _, _, starters in actors._known_regexes())):
        found = index.starts(forms, ignorecase=True)
        if found is None:
            continue
        plain = []  # the form the method had: the dict's keys intersected with the text's words
        for first in forms.by_first.keys() & index.words:
            starting = forms.starting(first)
            plain.extend(q for q in index.positions(first) if starting is None or starting.match(index.lowered, q))
        assert found == sorted(plain)


NAME_WORDS = ["Anna", "Korvel", "Ivan", "Holm", "Veloria", "Civic", "Watch", "Network", "the", "U.S.", "Ana’s"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.lists(st.sampled_from(NAME_WORDS), min_size=1, max_size=3),
                          st.lists(st.sampled_from(NAME_WORDS), max_size=3)), min_size=1, max_size=6),
       st.lists(st.sampled_from(NAME_WORDS), min_size=1, max_size=3))
def test_find_key_is_the_first_entry_whose_name_or_alias_folds_alike(entries, sought):
    table = actors.ActorTable("")
    for i, (name, aliases) in enumerate(entries):
        table.entry(f"k{i}", " ".join(name), "Person", aliases=set(aliases))
    name = " ".join(sought)
    fold = actors.gazetteer.fold
    plain = next((e.key for e in table.entries.values()
                  if fold(e.name) == fold(name) or any(fold(n) == fold(name) for n in e.aliases)), None)
    assert table.find_key(name) == plain


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(NAME_WORDS[:4]), min_size=1, max_size=4), min_size=1, max_size=6))
def test_person_names_merge_as_with_each_name_split_again(names):
    text = " ".join(" ".join(n) + "." for n in names)
    persons, pos = [], 0
    for n in names:
        persons.append((pos, pos + len(" ".join(n)), ""))
        pos += len(" ".join(n)) + 2
    unique = sorted({text[s:e] for s, e, _ in persons}, key=lambda n: -len(n.split()))
    canonical: dict[str, str] = {}
    for name in unique:  # the plain form, splitting each name whenever it is compared
        words = name.split()
        longer = next((c for c in unique if len(c.split()) > len(words) and c.split()[-1] == words[-1]
                       and (len(words) == 1 or c.split()[0] == words[0] or c.split()[-len(words):] == words)), None)
        canonical[name] = canonical.get(longer, longer) if longer else name
    assert actors._merge_person_names(persons, text) == [(s, e, t, canonical[text[s:e]]) for s, e, t in persons]
