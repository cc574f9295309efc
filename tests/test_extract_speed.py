"""The cheap tests of kg.extract's text, speech, targets and pipeline modules give the answers of the slower ones
they replace (every character of a class and its neighbours, or Hypothesis texts)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.pipeline.sentencizer import Sentencizer

from kg.extract import actors, speech
from kg.extract import text as textmod


def test_sentence_ends_are_the_sentencizers():
    assert "".join(sorted(Sentencizer.default_punct_chars)) == textmod.SENTENCE_ENDS


def _near_ends() -> list[str]:
    """Every code point of the class and its neighbours, and the first 0x3000 code points (ASCII, Latin, quotes)."""
    points = {p for c in Sentencizer.default_punct_chars for p in (ord(c) - 1, ord(c), ord(c) + 1)}
    points |= set(range(0x3000))
    return [chr(p) for p in sorted(points) if not 0xD800 <= p <= 0xDFFF]


def test_ends_inside_answers_as_the_class_for_every_character():
    ends = Sentencizer.default_punct_chars
    regex = re.compile("[" + re.escape("".join(sorted(ends))) + "]")
    for c in _near_ends():
        for text in (c + "x", "ab" + c + "’x", "“" + c + c, "x" + c, c):
            assert textmod._ends_inside(text) == bool(regex.search(text, 0, len(text) - 1)), (hex(ord(c)), text)
        assert textmod._ends_inside("a" + c + "b") == (c in ends)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(["a", " ", ".", "!", "?", "“", "’", "é", "\u0964", "\U00011047", "\u2049",
                                         "\uff0e", "\n", "U", "S"]), max_size=30))
def test_ends_inside_is_the_regex_search(text):
    regex = re.compile("[" + re.escape(textmod.SENTENCE_ENDS) + "]")
    assert textmod._ends_inside(text) == bool(regex.search(text, 0, len(text) - 1))


ABBREVIATED = ["Mr.", "U.S.", "No.", "Prof.", "xProf.", "A.", "a.", "St", ".", "Dr.\n", "Gen. ", "ProfX.", "Jr"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*ABBREVIATED, "word", " ", "Ana", "said", "\n"]), min_size=1, max_size=8))
def test_abbreviation_tail_search_is_the_whole_search(pieces):
    text = "".join(pieces)
    tail = textmod.ABBREVIATION_END.search(text, max(0, len(text) - 6))
    assert bool(tail) == bool(textmod.ABBREVIATION_END.search(text))


def test_case_blind_letters_are_word_characters():
    """What _strip_trailing_adverbs counts on: a letter of a case-blind regex matches only word characters."""
    letter = re.compile(r"[a-z]", re.IGNORECASE)
    word = re.compile(r"\w")
    assert all(word.match(chr(p)) for p in range(0x110000) if letter.match(chr(p)))


ADVERB_PIECES = ["also", "ALSO", "had previously", "has  long", "on Monday", "today", "last week", "this\u00a0morning",
                 ",", ", a lawyer at the union,", ";", "he", "She", "the ministry", "ſo", "K", "İ", "\n", " ", "  ",
                 "x" * 170, "2024", "-", "’", "reportedly", "then", "Later", "xalso", "Price", "onday", "Monday", "MONDAY",
                 "had", "previously", "last", "week", "this", "morning", "reports", "herself", "sheriff", "2day", "_",
                 "é", "ALSOx", "Xhad previously", "onMonday", "w", "s", "Keeps", "wasn", "hasten"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(ADVERB_PIECES), max_size=10), st.sampled_from([" ", "", "\u00a0", ", "]))
def test_trailing_adverbs_strip_is_the_whole_sub(pieces, sep):
    window = sep.join(pieces)
    assert speech._strip_trailing_adverbs(window) == speech.TRAILING_ADVERBS.sub("", window)


SPEECH_PIECES = ["according to", "According  to", "ACCORDING", "in the words of", "as quoted by", "as reported by",
                 "charges made by", "allegations by", "claims", "by", "By", "BY", "İ", "ſ", "Ana Ruiz", "said", ".",
                 "Civic Watch Network", ",", "that", "the government", "Both", "both men", "the two", "The  TWO",
                 "journalists", "women", "also", "A", "a senior", "Official", "Eight", "rights", "organizations",
                 "Veloria's", "state-run", "NEWSPAPER", "in", "ACCUSATIONS", "Allegations", "voiced"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(SPEECH_PIECES), min_size=1, max_size=12))
def test_speech_prefilters_pass_every_sentence_the_regexes_match(pieces):
    text = " ".join(pieces)
    table = actors.ActorTable(text)
    sent = textmod.Sentence(0, 0, len(text), text, 0)
    found = speech.Speech(text, [], [sent], table, None)
    if speech._source_phrase_regex().search(text):
        assert found._may_hold(sent, speech._source_phrase_words())
    if speech._charge_regex().search(text):
        assert found._may_hold(sent, speech.BY) and found._may_hold(sent, speech._charge_nouns())
    for end in range(len(text) + 1):
        if speech._pair_regex().search(text[:end]):
            assert found._may_hold_between(0, end, speech.PAIR_WORDS)
        if speech._description_regex().search(text[:end]):
            assert found._may_hold_between(0, end, speech._description_heads())


CUE_PIECES = ["said", "Said", "SAID", "saidx", "xsaid", "told", "told reporters", "called on", "called  on", "warned",
              "says", "said_", "_said", "Anna Korvel", "the", "ministry", ".", ",", "-", "’", "\u212a", "\u0130",
              "\u03a3", "é", "2025", " ", "\n"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(CUE_PIECES), min_size=1, max_size=12), st.sampled_from([" ", ""]), st.data())
def test_cues_of_a_sentence_are_the_cues_of_its_text(pieces, sep, data):
    """The cues found from the article's word index, for any cut of the text (inside a word too)."""
    text = sep.join(pieces)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    sent = textmod.Sentence(0, start, end, text[start:end], 0)
    found = speech.Speech(text, [], [sent], actors.ActorTable(text), None)
    spans = [(m.start(), m.end()) for m in found._cues_of(sent)]
    assert spans == [(m.start(), m.end()) for m in speech._cue_regex().finditer(sent.text)]


WORDY_PIECES = ["Anna", "Korvel", "said", "_", "é", "٣", "", " ", "  ", ",", ".", "’", "-", "\n", "x_y", "ſ"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDY_PIECES), max_size=12), st.integers(1, 6))
def test_has_words_is_the_findall_count(pieces, count):
    text = "".join(pieces)
    assert speech._has_words(text, count) == (len(re.findall(r"\w+", text)) >= count)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["told", "called", "on", " ", "  ", "\n", "\t", "\u00a0", "\u2003"]), max_size=6))
def test_cue_name_is_the_spaces_sub(pieces):
    text = "".join(pieces)
    assert speech._cue_name(text) == re.sub(r"\s+", " ", text)


def test_opening_regex_is_the_pattern_built_in_place():
    built = (rf"^(?:(?:in|on|at|earlier|later|last|this|after|since)\s+(?:[\w.-]+\s+){{0,3}}?[\w.-]+,\s+)?"
             rf"(?:the\s+)?(?:(?:[a-z-]+\s+){{0,2}}(?:{speech._role_alternation()}|group|organi[sz]ation|watchdog)\s+|"
             rf"(?-i:{speech._title_run().pattern}))?")
    assert speech._opening_regex().pattern == built and speech._opening_regex().flags & re.IGNORECASE


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(CUE_PIECES), min_size=1, max_size=12), st.sampled_from([" ", ""]))
def test_cues_after_a_cue_are_the_scan_from_its_end(pieces, sep):
    text = sep.join(pieces)
    sent = textmod.Sentence(0, 0, len(text), text, 0)
    found = speech.Speech(text, [], [sent], actors.ActorTable(text), None)
    cues = list(found._cues_of(sent))
    found._sentence_cues = (sent, cues)
    for c in cues:
        spans = [(m.start(), m.end()) for m in found._cues_after(sent, c)]
        assert spans == [(m.start(), m.end()) for m in speech._cue_regex().finditer(text, c.end())]


REFERENCE_PIECES = ["the ministry", "The  Rights Group", "this official", "he", "She", "THEY", "it", "we", "both men",
                    "the two WOMEN", "their legal adviser", "its spokesman", "the anti-graft agency", "Anna Korvel",
                    "said", "-", ",", ".", "’", "(", "\u212a", "ſhe", "İt", "2024", "_", "\n", "\u00a0", "x-", "é"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(REFERENCE_PIECES), max_size=8), st.sampled_from([" ", "", "\u00a0"]))
def test_reference_at_end_is_the_whole_search(pieces, sep):
    text = sep.join(pieces)
    plain, fast = speech.REFERENCES.search(text), speech._reference_at_end(text)
    assert (plain and (plain.span(), plain.group("ref"))) == (fast and (fast.span(), fast.group("ref")))


def _last_foreign_run_by_regex(tail: str) -> int:
    """The plain form of speech._last_foreign_run: every run of word characters by the regex."""
    for m in reversed(list(re.finditer(r"\w+", tail))):
        word = m.group()
        if not speech._held_whole(word):
            return m.start() + next((k for k in range(1, len(word)) if speech._held_whole(word[k:])), len(word))
    return 0


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(["also", "Monday", "onday", "Ruiz", "had", "previously", "x", "é", "_", "2day", "ſo",
                                 "\u212a", "İ", " ", "  ", "\u00a0", "\n", "\u2003", "\x1c"]), max_size=10))
def test_last_foreign_run_is_the_regex_reading(pieces):
    tail = "".join(pieces)
    assert speech._last_foreign_run(tail) == _last_foreign_run_by_regex(tail)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*SPEECH_PIECES, "\u03a3", "ß", "\u1e9e"]), max_size=10))
def test_speech_lower_case_is_the_one_of_the_plain_risky_test(pieces):
    text = " ".join(pieces)
    lowered = text.lower()
    plain = lowered if len(lowered) == len(text) and not speech.RISKY.search(text) else None
    found = speech.Speech(text, [], [], actors.ActorTable(text), None)
    assert found._lowered == plain


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["Anna", "said", " ", "  ", "\n", "\t", "\u00a0", "\u2003", "\x1c", "\x85", "\u200b",
                                 "\ufeff", "é", ","]), max_size=12), st.integers(1, 30))
def test_trim_is_the_spaces_sub(pieces, limit):
    text = "".join(pieces)
    plain = re.sub(r"\s+", " ", text).strip()
    plain = plain if len(plain) <= limit else plain[:limit].rsplit(" ", 1)[0]
    assert speech._trim(text, limit) == plain


def test_records_do_not_depend_on_what_the_caches_remember():
    """The caches of work on whole sentences only save time: an article's record is the same read first (after
    ``forget_sentences``), read again, or read after the other articles in the reverse order."""
    from pathlib import Path

    from kg.extract import extract, forget_sentences
    from kg.loaders import load_path

    root = Path(__file__).resolve().parent.parent / "data"
    articles = [a for a in load_path([root / "sample", root / "corpus"]) if hasattr(a, "text")]
    assert len(articles) >= 40
    cold = {}
    for article in articles:
        forget_sentences()
        cold[article.id] = extract(article).to_json()
    for article in reversed(articles):
        assert extract(article).to_json() == cold[article.id], article.id
