"""The shortcuts of kg.extract.targets and of the gender rule it shares with speech give what the plain regex scans
give: each is checked against the plain form it replaces, on invented texts (Hypothesis), with upper case and with
characters that lower-case to other letters than the regex engine compares."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import lexicon, speech, targets
from kg.extract.actors import Entry
from kg.extract.scan import WordIndex

ACCUSATION_PIECES = ["Civic Watch Network", "’s", "'s", "report", "REPORTS", "Reports", "allegations", "claims", "by",
                     "from", "of", "the", "The", "published", "a", "new", "annual", "2025", "criticism", "findings",
                     "accusation", "ſ", "İ", "K", ",", ".", "\n", "  ", "misreport", "Veloria", "x" * 30]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(ACCUSATION_PIECES), min_size=1, max_size=14), st.sampled_from([" ", "", "\n"]),
       st.data())
def test_noun_starts_hold_every_window_the_owner_regexes_match(pieces, sep, data):
    text = sep.join(pieces)
    nouns = targets._answered_nouns_at(text)
    at = data.draw(st.integers(0, len(text)))
    if targets._owner_before().match(text, at, at + 80):
        assert targets._starts_between(nouns, at, at + 80)
    low = max(0, at - 40)
    if targets._owner_after().search(text[low:at]):
        assert targets._starts_between(nouns, low, at)


def test_answered_stems_are_held_by_every_noun():
    stems = targets._answered_stems()
    assert all(any(s in n.lower() for s in stems) for n in lexicon.words("answered_nouns"))


def _plain_gender(entry: Entry, text: str) -> str | None:
    """The gender rule as one regex a gender, before its forms were looked for first."""
    roles = lexicon.gendered_roles()
    told = {roles[r.lower()][0] for r in entry.roles if r.lower() in roles}
    if told:
        return "f" if "f" in told else "m"
    surname = re.escape(entry.name.split()[-1])
    for gender in ("f", "m"):
        honorifics = lexicon.alternation_of(h for h, g in lexicon.honorifics().items() if g == gender)
        nouns = lexicon.alternation_of(r for r, (g, before) in roles.items() if g == gender and before)
        if re.search(rf"\b(?:{honorifics})\.?\s+(?:\w+\s+)?{surname}\b|\b(?:{nouns})\s+{re.escape(entry.name)}", text):
            return gender
    return None


GENDER_PIECES = ["Mr", "Mr.", "Ms", "Mrs.", "MR", "Madam", "Miss", "Anna", "Korvel", "Anna Korvel", "spokeswoman",
                 "spokesman", "chairman", "Chairwoman", "actress", "said", ",", "the", "Korvelov", "\n", "Dr."]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(GENDER_PIECES), max_size=10), st.sampled_from([" ", "  ", ""]),
       st.sampled_from([[], ["spokeswoman"], ["minister"], ["Chairman"]]))
def test_gender_is_the_plain_rule(pieces, sep, roles):
    text = sep.join(pieces)
    entry = Entry("person:anna-korvel", "Anna Korvel", "Person", roles=list(roles))
    speech._gender_told.cache_clear()
    assert speech._gender(entry, text) == _plain_gender(entry, text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["R", "r", "J", "j", "egime", "unta", "Egime", "UNTA", " ", "x", "-", "’s"]), max_size=12))
def test_regime_words_hold_their_literal_tails(pieces):
    text = "".join(pieces)
    assert not targets.REGIME.search(text) or "egime" in text or "unta" in text


def test_shortest_forms_are_held_by_every_form():
    forms = ["police officers", "police", "officers", "army", "troops", "law enforcement officers"]
    assert targets.shortest_forms(forms) == ("army", "officers", "police", "troops")
    assert targets.shortest_forms(["a"]) == ("a",)


NOUN_PIECES = ["the", "The", "police", "Police", "officers", "soldiers", "army", "troops", "policemen", "riot",
               "human", "rights", "commission", "commissions", "ministry", "union", "activist", "journalist",
               "opposition leader", "detainees", "prisoner", "young", "Anna", "-", "’s", "x", "\u00a0"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(NOUN_PIECES), min_size=1, max_size=10), st.sampled_from([" ", "  ", "\n"]))
def test_noun_gates_pass_every_text_the_regexes_match(pieces, sep):
    text = sep.join(pieces)
    for pattern, forms in (targets._member_nouns()[::2], targets._body_description(), targets._person_description()):
        assert not pattern.search(text) or targets.holds_any(text, forms), (pattern.pattern[:40], text)


PRONOUN_CASE_BLIND = re.compile(r"\b(he|him|she|her)\b", re.IGNORECASE)  # the plain form PRONOUN replaces
EVERY_CHARACTER = "".join(chr(p) for p in range(0x110000) if not 0xD800 <= p <= 0xDFFF)


def test_pronoun_finds_what_the_case_blind_regex_finds_for_every_character():
    """Each letter of each pronoun replaced by every character that may stand for a letter in either regex: one the
    case-blind compare takes for a letter, or one written in PRONOUN (its classes hold only characters written in
    it, so any other character stands for no letter in either): both regexes find the same words."""
    written = set(targets.PRONOUN.pattern.encode().decode("unicode_escape"))
    chars = sorted(written | set(re.findall("[hemisr]", EVERY_CHARACTER, re.IGNORECASE)))
    for word in ("he", "him", "she", "her"):
        for k in range(len(word)):
            text = "\n".join(word[:k] + c + word[k + 1:] for c in chars)
            fast = [(m.span(), m.group(1)) for m in targets.PRONOUN.finditer(text)]
            assert fast == [(m.span(), m.group(1)) for m in PRONOUN_CASE_BLIND.finditer(text)], (word, k)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["he", "HE", "Him", "sHe", "her", "HERS", "the", "ſhe", "hİm", "hım", "hIM", "x",
                                 "_", "é", "1", " ", ",", "’", "-", "\n", "Anna", "Korvel"]), max_size=10))
def test_pronoun_finds_what_the_case_blind_regex_finds(pieces):
    text = "".join(pieces)
    plain, fast = PRONOUN_CASE_BLIND.search(text), targets.PRONOUN.search(text)
    assert (plain and (plain.span(), plain.group(1))) == (fast and (fast.span(), fast.group(1)))


def test_lower_case_keeps_word_characters():
    """What _holds_conduct counts on: a character lower-casing to one character, none of the risky ones, is a word
    character as its lower case is."""
    word = re.compile(r"\w")
    for c in EVERY_CHARACTER:
        low = c.lower()
        if len(low) == 1 and c not in targets.RISKY_CHARS:
            assert bool(word.match(c)) == bool(word.match(low)), hex(ord(c))


CONDUCT_PIECES = ["arrests", "ARREST", "Detained", "prisoner", "imPRISONed", "security forces", "Security  Forces",
                  "securityforces", "xarrest", "_police", "police_", "1raid", "ſentenced", "İmprison", "Kill", "\u212aill",
                  "the", "Anna Korvel", "Veloria", "regime", "authorities", "é", "’", "-", " ", "\n", ",", "unjust"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(CONDUCT_PIECES), max_size=8), st.sampled_from(["", " ", "-"]))
def test_holds_conduct_is_the_case_blind_search(pieces, sep):
    text = sep.join(pieces)
    assert targets._holds_conduct(text) == bool(targets._conduct().search(text))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*ACCUSATION_PIECES, "\u0130", "\u03a3", "ß", "’"]), max_size=14),
       st.sampled_from([" ", "", "\n"]))
def test_noun_starts_read_from_the_word_index_are_the_plain_ones(pieces, sep):
    text = sep.join(pieces)
    assert targets._answered_nouns_at(text, WordIndex(text)) == targets._answered_nouns_at(text)
