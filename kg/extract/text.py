"""Paragraphs and sentences of an article, with character offsets (spaCy's blank English tokenizer
and the cuts of its rule-based sentencizer; no model to download)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n|\n(?=[ \t\u00a0]*\S)")


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int


@cache
def _nlp():
    import spacy

    nlp = spacy.blank("en")
    nlp.max_length = 50_000_000  # the blank tokenizer needs none of the parser's memory per character
    return nlp


@cache
def _sentence_punct() -> frozenset[int]:
    """The hashes of the characters that end a sentence for spaCy's sentencizer."""
    from spacy.pipeline.sentencizer import Sentencizer

    strings = _nlp().vocab.strings
    return frozenset(strings.add(c) for c in Sentencizer.default_punct_chars)


@cache
def _inner_punct() -> re.Pattern:
    """A character that ends a sentence for spaCy's sentencizer (the paragraph's last character aside)."""
    from spacy.pipeline.sentencizer import Sentencizer

    return re.compile("[" + re.escape("".join(sorted(Sentencizer.default_punct_chars))) + "]")


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) characters of the sentences of a paragraph (stripped): the whole of it where no character
    but its last can end a sentence (the sentencizer cuts only after such a character, before a later token),
    without tokenizing it; else the sentencizer's cuts."""
    broken = _breakable(text)
    if broken is text and not _inner_punct().search(text, 0, len(text) - 1):
        return [(0, len(text))]  # one token starts the text, one ends it (no space at either end)
    return _sentence_spans(_nlp().tokenizer(broken))


def _sentence_spans(doc) -> list[tuple[int, int]]:
    """(start, end) characters of each sentence of a tokenized text, cut exactly where spaCy's sentencizer cuts
    (a sentence starts at the first token after one of its punctuation marks that is no punctuation itself), read
    from the token arrays instead of a Token object for each token: the sentencizer took a fifth of extraction."""
    from spacy.attrs import IDX, IS_PUNCT, LENGTH, ORTH

    rows = doc.to_array([ORTH, IS_PUNCT, IDX, LENGTH]).tolist()
    if not rows:
        return []
    punct = _sentence_punct()
    starts = [0]
    seen_end = False
    for i, (orth, is_punct, _, _) in enumerate(rows):
        ends = orth in punct
        if seen_end and not is_punct and not ends:
            starts.append(i)
            seen_end = False
        elif ends:
            seen_end = True
    bounds = [*starts[1:], len(rows)]
    return [(rows[a][2], rows[b - 1][2] + rows[b - 1][3]) for a, b in zip(starts, bounds, strict=True)]


def paragraphs(text: str) -> list[Paragraph]:
    """Non-blank lines of the text, each a paragraph (news pages break paragraphs with newlines)."""
    out: list[Paragraph] = []
    pos = 0
    for match in [*PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        chunk = text[pos:end]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            out.append(Paragraph(len(out), pos + lead, pos + lead + len(stripped), stripped))
        if match:
            pos = match.end()
    return out


LONG_RUN = re.compile(r"\S{200,}")


def _breakable(text: str) -> str:
    """The text with a space every 100 characters of a run of 200 or more without one (a 10,000-character
    string of quotation marks, a pasted blob): spaCy's suffix search is quadratic in a token's length. The
    length stays the same, so offsets into it are offsets into the original, whose characters are kept."""
    if not LONG_RUN.search(text):
        return text
    return LONG_RUN.sub(lambda m: "".join(c if (i + 1) % 100 else " " for i, c in enumerate(m.group())), text)


def sentences(text: str, paras: list[Paragraph]) -> list[Sentence]:
    """Sentences within each paragraph (a sentence never crosses a paragraph break)."""
    out: list[Sentence] = []
    for para in paras:
        for start_char, end_char in _paragraph_spans(para.text):
            chunk = para.text[start_char:end_char]
            stripped = chunk.strip()
            if not stripped:
                continue
            lead = len(chunk) - len(chunk.lstrip())
            start = para.start + start_char + lead
            out.append(Sentence(len(out), start, start + len(stripped), stripped, para.index))
    return _merge_short(out, text)


ABBREVIATION_END = re.compile(r"\b(?:Mr|Ms|Mrs|Dr|St|No|Gen|Sen|Rep|Gov|Lt|Col|Jr|Sr|Prof|[A-Z])\.$")


def _merge_short(sents: list[Sentence], text: str) -> list[Sentence]:
    """Join fragments the sentencizer cut after an abbreviation-like token ("U.S.", "Mr.", "No.")."""
    out: list[Sentence] = []
    for s in sents:
        prev = out[-1] if out else None
        if prev and prev.paragraph == s.paragraph and (
            ABBREVIATION_END.search(prev.text)
            or s.text[:1].islower()
        ):
            out[-1] = Sentence(prev.index, prev.start, s.end, text[prev.start:s.end], prev.paragraph)
        else:
            out.append(Sentence(len(out), s.start, s.end, s.text, s.paragraph))
    return out
