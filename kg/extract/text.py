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


# The characters that end a sentence for spaCy's sentencizer (Sentencizer.default_punct_chars, sorted; a test
# checks they are the same): written out, so that reading them imports none of spaCy's pipeline
SENTENCE_ENDS = ("!.?\u0589\u061f\u06d4\u0700\u0701\u0702\u07f9\u0964\u0965\u104a\u104b\u1362\u1367\u1368\u166e\u1735"
                 "\u1736\u1803\u1809\u1944\u1945\u1aa8\u1aa9\u1aaa\u1aab\u1b5a\u1b5b\u1b5e\u1b5f\u1c3b\u1c3c\u1c7e"
                 "\u1c7f\u203c\u203d\u2047\u2048\u2049\u2e2e\u2e3c\u3002\ua4ff\ua60e\ua60f\ua6f3\ua6f7\ua876\ua877"
                 "\ua8ce\ua8cf\ua92f\ua9c8\ua9c9\uaa5d\uaa5e\uaa5f\uaaf0\uaaf1\uabeb\ufe52\ufe56\ufe57\uff01\uff0e"
                 "\uff1f\uff61\U00010a56\U00010a57\U00011047\U00011048\U000110be\U000110bf\U000110c0\U000110c1"
                 "\U00011141\U00011142\U00011143\U000111c5\U000111c6\U000111cd\U000111de\U000111df\U00011238\U00011239"
                 "\U0001123b\U0001123c\U000112a9\U0001144b\U0001144c\U000115c2\U000115c3\U000115c9\U000115ca\U000115cb"
                 "\U000115cc\U000115cd\U000115ce\U000115cf\U000115d0\U000115d1\U000115d2\U000115d3\U000115d4\U000115d5"
                 "\U000115d6\U000115d7\U00011641\U00011642\U0001173c\U0001173d\U0001173e\U00011a42\U00011a43\U00011a9b"
                 "\U00011a9c\U00011c41\U00011c42\U00016a6e\U00016a6f\U00016af5\U00016b37\U00016b38\U00016b44\U0001bc9f"
                 "\U0001da88")
_ENDS = frozenset(SENTENCE_ENDS)
NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")


@cache
def _sentence_punct() -> frozenset[int]:
    """The hashes of the characters that end a sentence for spaCy's sentencizer."""
    strings = _nlp().vocab.strings
    return frozenset(strings.add(c) for c in SENTENCE_ENDS)


JOINER = "\n\n"  # no special case, unlike "\n": after a special case the tokenizer caches no word of a text


@cache
def _joiner() -> int:
    """The hash of JOINER, the token joining the windows of _window_spans."""
    return _nlp().vocab.strings.add(JOINER)


def _ends_inside(text: str) -> bool:
    """Whether a character of the text but its last ends a sentence for spaCy's sentencizer: the three ASCII ones
    found by str.find, the others (none is ASCII) looked up in a set for each run of non-ASCII characters only. (A
    regex class of the 128 characters tested each character against a list of ranges: 15 us a paragraph.)"""
    last = len(text) - 1
    if text.find(".", 0, last) >= 0 or text.find("!", 0, last) >= 0 or text.find("?", 0, last) >= 0:
        return True
    return not text.isascii() and any(not _ENDS.isdisjoint(run) for run in NON_ASCII_RUN.findall(text, 0, last))


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) characters of the sentences of a paragraph (stripped): the whole of it where no character
    but its last can end a sentence (the sentencizer cuts only after such a character, before a later token),
    without tokenizing it; else the sentencizer's cuts, read from windows around the ends where they are provably
    the same (see _window_spans), else from the whole paragraph."""
    broken = _breakable(text)
    if broken is not text:
        return _sentence_spans(_nlp().tokenizer(broken))
    if not _ends_inside(text):
        return [(0, len(text))]  # one token starts the text, one ends it (no space at either end)
    spans = _window_spans(text) if _windowable(text) else None
    return spans if spans is not None else _sentence_spans(_nlp().tokenizer(text))


# Each pair of characters that meet where two tokens of a special case of the tokenizer meet (the last character of
# one token, the first of the next, over the affix tokenization of every rule string of spacy.blank("en")'s
# tokenizer, which holds the patterns of its special-case PhraseMatcher; a test computes them again)
_JOIN_PAIRS = (
    '")\'\'\'(\')\'-\'C\'S\'b\'c\'d\'e\'l\'n\'r\'s((()(*(-(.(:(;(=(>(^(o(\xac(\u0ca0(\u256f)))-):*)*>*_-(-)-*-:-;->-D-]-}.).'
    '<.>.D.O._/o8)8-:\':(:):*:-:/:0:1:3:>:D:O:P:X:]:o:p:x:|:}:\u2019;);-;D;_<(<)<.</<3<s=(=)=/=3=D=[=]=|>.>:><>_[-[:'
    '[=\\"]=^)_*_._;_<a.b.c.d.d/e\'e.e>e\u2019f.g.h.i.j.k.l\'l.l\u2019m.n\'n.n\u2019o\'o)o.o:o\u2019p.q.r.s\'s.s\u2019t\'t.'
    't\u2019u.v.w\'w.w/w\u2019x.y\'y.y\u2019z.\xac)\xb0C\xb0F\xb0K\xb0c\xb0f\xb0k\xb0\u25a1\xb0\uff09\xe4.\xf6.\xfc.\u0ca0)\u2018S'
    '\u2018s\u2019(\u2019)\u2019-\u2019C\u2019S\u2019b\u2019c\u2019d\u2019e\u2019l\u2019n\u2019r\u2019s\u2019\u2019\u2501\u253b\u253b\u2501'
    '\u256f\xb0\u256f\ufe35\u25a1\xb0\ufe35\u253b\uff09\u256f'
)
JOINS = frozenset(zip(_JOIN_PAIRS[::2], _JOIN_PAIRS[1::2], strict=True))
ASCII_END = re.compile(r"[.!?]")
WORD_AFTER = re.compile(r" +[^ ]+")  # the spaces and the word after a word of a text whose only space is " "
ODD_SPACE = re.compile(r"[^\S ]")  # re's \s is str.isspace, the tokenizer's space (a test checks every character)


def _windowable(text: str) -> bool:
    """Whether the only space character of the text is " " and no character of it but "." "!" "?" ends a
    sentence: where _window_spans may read the cuts."""
    return not ODD_SPACE.search(text) and (
        text.isascii() or all(_ENDS.isdisjoint(run) for run in NON_ASCII_RUN.findall(text)))


def _windows(text: str) -> list[tuple[int, int]]:
    """Runs of whole words (start, end; apart by a word or by more than one " ") around each ".", "!", "?": the
    word holding it and the next word, widened over every single " " where the characters either side are in
    JOINS (a pair never holds a space, so a run of spaces, which makes a token of its own, stops the widening)."""
    out: list[tuple[int, int]] = []
    for match in ASCII_END.finditer(text):
        pos = match.start()
        if out and text.find(" ", pos, out[-1][1]) >= 0:
            continue  # a later word of the window follows it
        start = text.rfind(" ", 0, pos) + 1
        while start and (text[start - 2], text[start]) in JOINS:
            start = text.rfind(" ", 0, start - 1) + 1
        end = text.find(" ", pos)
        end = len(text) if end < 0 else WORD_AFTER.match(text, end).end()
        while end < len(text) and (text[end - 1], text[end + 1]) in JOINS:
            end = WORD_AFTER.match(text, end).end()
        if out and start <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def _window_spans(text: str) -> list[tuple[int, int]] | None:
    """The sentencizer's cuts of a paragraph (_windowable) read from its _windows alone, tokenized as one text
    joined by JOINER; None where a window ends after a sentence end before its start (the caller tokenizes all).

    Why the tokens of each window are those of the whole paragraph (spaCy 3.8 Tokenizer.__call__): it cuts a text
    at its spaces into words and tokenizes each word on its own (prefixes, suffixes, infixes, special cases of the
    whole word: a function of the word alone; its cache only saves the work), a space run but a single " " making
    tokens of its own; then a PhraseMatcher finds every run of tokens spelling a special case with affixes, keeps
    the longest of overlapping ones (a match is dropped only for an overlapping one) and retokenizes the kept ones
    whose text is a rule. A window's words are the paragraph's, so only a match across its edge could differ:
    - in the joined text the edge is the JOINER token, in no pattern: no rule of more than one character holds a
      space (the rules with one are " ", "\\t", "\\n", "\\xa0"; a test checks it), and JOINER is no rule;
    - in the paragraph the edge is a run of spaces (a token of its own, in no pattern of more than one token) or one
      " " between words whose facing characters are not in JOINS, and a pattern across it would have two tokens
      meeting there, the last of one word and the first of the next.
    So the matches within a window, their filtering and their retokenizing are the same in both texts. And the
    cuts need no other token: no end character lies outside the windows, the sentence after each end starts inside
    its window (else None), and between windows (no end there) nothing starts a sentence."""
    from spacy.attrs import IDX, IS_PUNCT, LENGTH, ORTH

    wins = _windows(text)
    doc = _nlp().tokenizer(JOINER.join(text[a:b] for a, b in wins))
    punct, joiner = _sentence_punct(), _joiner()
    shift, k, seen_end, prev_end = wins[0][0], 0, False, 0
    spans: list[tuple[int, int]] = []
    start = 0
    for orth, is_punct, idx, length in doc.to_array([ORTH, IS_PUNCT, IDX, LENGTH]).tolist():
        if orth == joiner:
            if seen_end:
                return None
            k += 1
            shift = wins[k][0] - idx - len(JOINER)
            continue
        ends = orth in punct
        if seen_end and not is_punct and not ends:
            spans.append((start, prev_end))
            start = idx + shift
            seen_end = False
        elif ends:
            seen_end = True
        prev_end = idx + length + shift
    if seen_end and wins[-1][1] < len(text):
        return None
    spans.append((start, len(text)))
    return spans


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
    """Join fragments the sentencizer cut after an abbreviation-like token ("U.S.", "Mr.", "No."). The abbreviation
    test reads only the last six characters (a match is at most five, "Prof.", and ends at the end or before a last
    newline), with the characters before them in view for its \\b; a sentence kept whole keeps its object."""
    out: list[Sentence] = []
    for s in sents:
        prev = out[-1] if out else None
        if prev and prev.paragraph == s.paragraph and (
            ABBREVIATION_END.search(prev.text, max(0, len(prev.text) - 6))
            or s.text[:1].islower()
        ):
            out[-1] = Sentence(prev.index, prev.start, s.end, text[prev.start:s.end], prev.paragraph)
        else:
            out.append(s if s.index == len(out) else Sentence(len(out), s.start, s.end, s.text, s.paragraph))
    return out
