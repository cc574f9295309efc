"""kg.extract.text reads the sentencizer's cuts from windows of a paragraph around its sentence ends: the cuts are
those of the whole paragraph's tokens (the facts about spaCy's English tokenizer the proof in _window_spans rests
on, Hypothesis paragraphs of tricky pieces, every paragraph of the bundled and development texts)."""

from __future__ import annotations

import json
from itertools import pairwise

import pytest
from helpers import REPO, SHARED
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokenizer import Tokenizer

from kg.extract import text as textmod
from kg.loaders import load_path


def _full(para: str) -> list[tuple[int, int]]:
    return textmod._sentence_spans(textmod._nlp().tokenizer(textmod._breakable(para)))


def _affix_tokenizer() -> Tokenizer:
    """The English tokenizer without its special cases: what makes the patterns of its special-case matcher."""
    tok = textmod._nlp().tokenizer
    return Tokenizer(tok.vocab, rules={}, prefix_search=tok.prefix_search, suffix_search=tok.suffix_search,
                     infix_finditer=tok.infix_finditer, token_match=tok.token_match, url_match=tok.url_match)


def test_joins_are_where_the_tokens_of_a_special_case_meet():
    bare = _affix_tokenizer()
    pairs = set()
    for rule in textmod._nlp().tokenizer.rules:
        words = [t.text for t in bare(rule)]
        assert "".join(words) == rule
        pairs |= {(a[-1], b[0]) for a, b in pairwise(words)}
    assert pairs == set(textmod.JOINS)


def test_no_special_case_of_several_tokens_holds_a_space():
    for rule in textmod._nlp().tokenizer.rules:
        if any(c.isspace() for c in rule):
            assert len(rule) == 1, repr(rule)


def test_the_joiner_is_one_token_that_neither_ends_nor_is_punctuation_nor_a_special_case():
    doc = textmod._nlp().tokenizer(textmod.JOINER.join(["Korvel.", "Said", "(it)", ":)"]))
    assert [t.text for t in doc] == ["Korvel", ".", "\n\n", "Said", "\n\n", "(", "it", ")", "\n\n", ":)"]
    joiner = doc[2]
    assert joiner.orth == textmod._joiner() and not joiner.is_punct
    assert joiner.orth not in textmod._sentence_punct() and textmod.JOINER not in textmod._nlp().tokenizer.rules


@pytest.mark.parametrize("text", ["Anna Korvel arrived at 9 a.m. on Monday. Then :) she left (quietly)... Why? No idea",
                                  "Korvel left.  Then (o.O) a Ph.D. !  ? ...  Civic Watch Network, said Mr.  Korvel."])
def test_windows_are_whole_words_apart_and_hold_every_end(text):
    wins = textmod._windows(text)
    for (_, b), (c, _) in pairwise(wins):
        assert b < c - 1 and text[b] == " " and (" " in text[b + 1:c - 1].strip(" ") or "  " in text[b:c])
    for a, b in wins:
        assert (a == 0 or text[a - 1] == " ") and (b == len(text) or text[b] == " ")
    assert all(any(a <= i < b for a, b in wins) for i, c in enumerate(text) if c in ".!?")


PIECES = ["U.S.", "Mr.", "Mrs.", "No.", "Dr.", "St.", "Gen.", "Ph.D.", "e.g.", "i.e.", "a.m.", "10p.m.", "vs.", "Inc.",
          "A.", "J.", "K.", "x.", "o.O", "Jan.", "Calif.", "Messrs.", "°C.", "ä.", "3.5", "1.", "2.0.1", "...", "…",
          ".", "!", "?", "?!", "!!", "?.", ". .", "。", "‼", "⁉", "？", "！", "।", "\"", "'", "''", "“", "”", "‘",
          "’", "«", "»", "„", "(", ")", "[", "]", "{", "}", "(.)", "-", "—", "–", ",", ";", ":", "/", ":)", ":-D", "(-:",
          ";)", ":(", "<3", "</3", "=D", ">.<", "(._.)", "._.", "8)", "o:", "w/o", "and/or", "'s", "’s", "He's", "it’s",
          "Doin'", "'em", "’cause", "'S", "https://veloria.gov/a.b?c=1.", "www.civic-watch.org.", "anna@korvel.org.",
          "Korvel", "Veloria", "said", "the", "he", "o", "D", "s", "d", "b", "space", "<space>", "C.", "3", "33"]
SEPARATORS = [" "] * 10 + ["", "  ", "   ", "  ", "\t", "\u00a0", " \t "]
words = st.text(alphabet="abcdefgKVz.!?'’”“():-D", min_size=1, max_size=6)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PIECES), words), min_size=1, max_size=24),
       st.lists(st.sampled_from(SEPARATORS), min_size=24, max_size=24))
def test_window_cuts_are_the_whole_paragraphs(pieces, seps):
    para = "".join(p + s for p, s in zip(pieces, seps, strict=False)).strip()
    if not para:
        return
    assert textmod._paragraph_spans(para) == _full(para)
    if textmod._ends_inside(para) and textmod._windowable(para) and textmod._breakable(para) is para:
        got = textmod._window_spans(para)
        assert got is None or got == _full(para)


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=30))
def test_window_cuts_with_single_spaces(pieces):
    para = " ".join(pieces)
    if textmod._ends_inside(para) and textmod._windowable(para):
        got = textmod._window_spans(para)
        assert got is None or got == _full(para)
    assert textmod._paragraph_spans(para) == _full(para)


def _texts() -> list[str]:
    texts = [a.text for a in load_path([REPO / "data" / "sample", REPO / "data" / "corpus"]) if hasattr(a, "text")]
    files = [SHARED / "corpus" / "articles.jsonl", *sorted((SHARED / "eval").glob("dev*/**/articles.jsonl"))]
    for path in files:
        texts += [json.loads(line).get("text", "") for line in path.read_text("utf-8").splitlines() if line.strip()]
    return texts


def test_every_paragraph_of_the_bundled_and_development_texts():
    if not (SHARED / "eval").exists():
        pytest.skip("../shared is not beside this checkout")
    windowed = 0
    for text in _texts():
        for para in textmod.paragraphs(text):
            assert textmod._paragraph_spans(para.text) == _full(para.text), para.text[:80]
            windowed += textmod._windowable(para.text) and textmod._ends_inside(para.text)
    assert windowed > 100


SPECIAL_CHARACTERS = "aosdbmpxwDOPXSC.!?'’‘”“\"():;-_<>=/*^[]{}|\\8301°¬ಠ╯□）︵┻━ä"


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.text(alphabet=SPECIAL_CHARACTERS, min_size=1, max_size=4), min_size=1, max_size=30))
def test_window_cuts_among_the_characters_of_special_cases(pieces):
    """Words of the characters the special cases are made of, so that windows widen and matches overlap."""
    para = " ".join(pieces)
    if textmod._ends_inside(para) and textmod._windowable(para) and textmod._breakable(para) is para:
        got = textmod._window_spans(para)
        assert got is None or got == _full(para)


def test_the_odd_space_regex_knows_the_spaces_of_the_tokenizer():
    """The tokenizer cuts words at str.isspace characters; _windowable refuses any of them but a single " "."""
    for point in range(0x110000):
        c = chr(point)
        assert bool(textmod.ODD_SPACE.search(c)) == (c.isspace() and c != " "), hex(point)
        expected = (not c.isspace() or c == " ") and (c.isascii() or c not in textmod.SENTENCE_ENDS)
        assert textmod._windowable("a" + c + "b") == expected, hex(point)
    for text in ["a b", "a  b", "a\tb", "a\u00a0b", "a \u2003b", "a\nb", "a b c", "a.   B"]:
        assert textmod._windowable(text) == all(c == " " or not c.isspace() for c in text)
