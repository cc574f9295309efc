"""Whole-text regex scans made cheap, with the very matches of the scan.

A regex over a long alternation of forms ("police|authorities|...", every country's names) costs a try of the
whole alternation at every character of the text. Here it is tried only where one of its forms can start: at the
words of the text that begin a form, found in an index of the text's words (one pass over the text, shared by
every finder). ``finditer`` then gives the matches, in the order and with the groups, of ``regex.finditer(text)``,
provided every position where the regex can match is among the positions it is given (the callers state why).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

_WORD = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")
WORD_OR_HYPHEN = re.compile(r"[\w-]")
# Characters whose lower case (str.lower) differs from what the regex engine compares under IGNORECASE (the dotted
# and dotless i, final sigma, the long s, Greek and Cyrillic letters with case-folding variants ...): a text holding
# one is scanned whole by the case-insensitive scans (tests/test_scan.py recomputes this list).
RISKY_CHARS = ("\xb5\u0130\u0131\u017f\u0345\u0390\u0392\u0395\u0398\u0399\u039a\u039c\u03a0\u03a1\u03a3\u03a6"
               "\u03b0\u03b2\u03b5\u03b8\u03b9\u03ba\u03bc\u03c0\u03c1\u03c2\u03c3\u03c6\u03d0\u03d1\u03d5\u03d6"
               "\u03f0\u03f1\u03f4\u03f5\u0412\u0414\u041e\u0421\u0422\u042a\u0432\u0434\u043e\u0441\u0442\u044a"
               "\u0462\u0463\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u1c87\u1c88\u1e60\u1e61\u1e9b\u1fbe\u1fd3"
               "\u1fe3\ua64a\ua64b\ufb05\ufb06")
_RISKY = re.compile(f"[{re.escape(RISKY_CHARS)}]")


class WordIndex:
    """The words of a text (runs of \\w characters) in lower case, and where each stands."""

    def __init__(self, text: str):
        self.text = text
        lowered = text.lower().replace("’", "'")  # a form's apostrophe may stand for either
        # the offsets of the lower-case text are the text's (no character there lower-cases to two), and its
        # lower case is what the regex engine compares under IGNORECASE (no risky character)
        self.lowered = lowered if len(lowered) == len(text) else None
        self.folds_like_regex = not _RISKY.search(text)
        self.words = word_set(lowered)
        self._positions: dict[str, list[int]] = {}

    def positions(self, word: str) -> list[int]:
        """The starts of the whole words ``word`` (lower case) of the text."""
        found = self._positions.get(word)
        if found is None and len(word) <= SHORT:  # a short word stands inside many others: the regex skips them in C
            found = self._positions[word] = [m.start() for m in _whole_word(word).finditer(self.lowered)]
        elif found is None:
            found = self._positions[word] = []
            lowered, size = self.lowered, len(word)
            pos = lowered.find(word)
            end = len(lowered)
            while pos >= 0:  # a word character is what \w matches: alphanumeric (str.isalnum) or "_"
                before, after = lowered[pos - 1] if pos else " ", lowered[pos + size] if pos + size < end else " "
                if not (before.isalnum() or before == "_" or after.isalnum() or after == "_"):
                    found.append(pos)
                pos = lowered.find(word, pos + 1)
        return found

    def starts(self, forms: Forms, ignorecase: bool = False, back: int = 0) -> list[int] | None:
        """The sorted positions where one of ``forms`` stands in the text (in lower case, either apostrophe alike),
        starting at a word: every place a regex over the forms, matching them case-sensitively or (``ignorecase``)
        not, can find one that starts at a word; with ``back``, every position from ``back`` runs of non-space
        characters before each up to it (``back_chunks``). None when they cannot be told this way (a form starting
        with no word character, a risky character in the text): the caller scans the whole text."""
        if forms.by_first is None or self.lowered is None or (ignorecase and not self.folds_like_regex):
            return None
        lowered = self.lowered
        out = []
        by_first, words = forms.by_first, self.words
        # the first words the text holds, read from the smaller side (the order is lost in the sort below)
        firsts = [w for w in by_first if w in words] if len(by_first) <= len(words) else [w for w in words if w in by_first]
        for first in firsts:
            starting = forms.starting(first)
            if starting is None:  # the word alone is a form: it starts one wherever it stands
                out.extend(self.positions(first))
            else:
                out.extend(q for q in self.positions(first) if starting.match(lowered, q))
        out.sort()
        return back_chunks(self.text, out, back) if back else out


SHORT = 3  # words up to this long are sought by ``_whole_word``


@lru_cache(maxsize=4096)
def _whole_word(word: str) -> re.Pattern:
    """A regex finding the whole words ``word`` (a run of word characters) of a text, left to right: the word,
    then no word character before it (looked behind after it, so that the engine seeks the word at C speed) and
    none after it. Two whole words never overlap, so its matches are every one of them."""
    w = re.escape(word)
    return re.compile(rf"{w}(?<!\w{w})(?!\w)")


class Forms:
    """Forms (names, nouns) by their lower-case first word ("human rights groups" under "human").

    A form starts at a word of a text only where that word is its first word (case aside), provided the form
    starts with a word character, and its first word ends where a non-word character follows (in the form, or,
    for a one-word form, by the regex around it)."""

    def __init__(self, forms: Iterable[str]):
        by_first: dict[str, set[str]] = {}
        for form in forms:
            m = _WORD.match(form)
            if m is None or _RISKY.search(form):
                self.by_first: dict[str, tuple[str, ...]] | None = None
                return
            by_first.setdefault(m.group().lower(), set()).add(form.lower().replace("’", "'"))
        self.by_first = {k: tuple(sorted(v)) for k, v in by_first.items()}
        self._starting: dict[str, re.Pattern | None] = {}

    def starting(self, first: str) -> re.Pattern | None:
        """A regex matching where one of the forms under ``first`` starts (what ``any(text.startswith(f, q) for f
        in forms)`` tells, in one call), or None when ``first`` is one of them: every whole word ``first`` starts
        one."""
        if first not in self._starting:
            full = self.by_first[first]
            self._starting[first] = None if first in full else re.compile(trie(sorted(full, key=len, reverse=True)))
        return self._starting[first]


PUNCTUATION = ".,;:!?\"'()[]{}“”‘’«»-–—/…*"  # no word character among them


def word_set(text: str) -> frozenset[str]:
    """``frozenset(re.findall(r"\\w+", text))``, read token by token: a run of word characters never holds a
    space (str.split cuts at what str.isspace tells, no word character), and a token of word characters only
    (str.isalnum, no "_") between punctuation is one run; the others go through the regex."""
    out: set[str] = set()
    for token in set(text.split()):
        core = token.strip(PUNCTUATION)
        if core.isalnum():
            out.add(core)
        else:
            out.update(_WORD.findall(token))
    return frozenset(out)


def trie(forms: Iterable[str], atom=re.escape) -> str:
    """A regex (without a group) matching what the alternation of ``forms`` longest first matches, and at each
    position the same (the longest) form, as a tree of their shared beginnings ("Republic of (?:Korea|the Congo)"):
    the engine tests a character against a branch once, not a form after another. ``atom`` writes one character
    of a form as regex. The forms must be literal (in lower case for a case-insensitive regex) and no two
    characters of a branch may match the same character (a form with both "'" and "’" where ``atom`` makes
    "'" stand for both: the caller keeps the plain alternation).

    Why the same: at one position, the forms that match are prefixes of one another (one path of the tree); the
    tree tries the longer ones first (a branch before the end of a form), as the alternation does."""
    root: dict = {}
    for form in forms:
        node = root
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}  # a form ends here

    def emit(node: dict) -> str:
        branches = [atom(ch) + emit(child) for ch, child in node.items() if ch]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + ("|" if "" in node else "") + ")"

    if not root:
        return "(?!)"
    return emit(root) if "" not in root else "(?:" + emit(root) + ")?"


def back_chunks(text: str, starts: Iterable[int], chunks: int) -> list[int]:
    """Every position from the start of the ``chunks``-th run of non-space characters before each of ``starts`` up
    to it: where a match can start that leads up to a form through at most ``chunks`` words (the runs of \\S and
    of \\s before a position are the ones a regex's \\S-words and \\s-separators can cover)."""
    out: set[int] = set()
    n = len(text)
    back = _chunks_back(chunks)
    reverse = text[::-1]  # the characters before a position, nearest first
    for q in starts:
        q = min(q, n)
        i = n - back.match(reverse, n - q).end()  # the match ends at the reversed position of i
        out.update(range(i, q + 1))
    return sorted(out)


@lru_cache(maxsize=16)
def _chunks_back(chunks: int) -> re.Pattern:
    """``chunks`` times: the spaces, then the other characters, greedily (on the text reversed: the runs before a
    position; \\s is what str.isspace tells)."""
    return re.compile(rf"(?:\s*\S*){{{chunks}}}")


def finditer(regex: re.Pattern, text: str, starts: Iterable[int] | None) -> Iterator[re.Match]:
    """``regex.finditer(text)``, trying the regex only at ``starts`` (sorted), which must hold every position where
    it can match; all positions when ``starts`` is None. The regex must not match the empty string."""
    if starts is None:
        yield from regex.finditer(text)
        return
    pos = 0
    for s in starts:
        if s < pos:
            continue
        m = regex.match(text, s)
        if m:
            yield m
            pos = m.end()


def occurrences(name: str, text: str, left: re.Pattern = WORD_OR_HYPHEN) -> Iterator[int]:
    """The start of each occurrence of ``name`` (not empty) in ``text`` with no word character or hyphen after it
    and no character of ``left`` (a one-character class, by default a word character or hyphen) before it, left to
    right without overlaps: ``re.finditer(rf"(?<!{left}){re.escape(name)}(?![\\w-])", text)`` without compiling a
    regex for each name."""
    if not name:
        raise ValueError("no name to find")
    size = len(name)
    pos = text.find(name)
    while pos >= 0:
        end = pos + size
        if (pos == 0 or not left.match(text, pos - 1)) and not WORD_OR_HYPHEN.match(text, end):
            yield pos
            pos = text.find(name, end)
        else:
            pos = text.find(name, pos + 1)
