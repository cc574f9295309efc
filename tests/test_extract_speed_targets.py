"""The shortcuts of kg.extract.targets and of the gender rule it shares with speech give what the plain regex scans
give: each is checked against the plain form it replaces, on invented texts (Hypothesis), with upper case and with
characters that lower-case to other letters than the regex engine compares."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import lexicon, speech, targets
from kg.extract.actors import Entry

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
