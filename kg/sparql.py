"""SPARQL text read without a parser: its keywords and braces (strings, IRIs, comments and names skipped), the
form of a query, and parameters bound by a ``VALUES`` block, the values written as escaped RDF terms by pyoxigraph,
never as raw text. Used by both of the store's backends (``kg.embedded``, ``kg.remote``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pyoxigraph as ox

_WORD = re.compile(r"[A-Za-z_]+")


def _scan(text: str) -> Iterator[tuple[int, str]]:
    """Positions and upper-cased words of the SPARQL keywords and the braces in ``text``, skipping strings,
    IRIs, comments, variables and prefixed names."""
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            j = text.find("\n", i)
            i = n if j < 0 else j + 1
        elif c in "\"'":
            quote = text[i:i + 3] if text[i:i + 3] in ('"""', "'''") else c
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                j += 2 if text[j] == "\\" else 1
            i = j + len(quote)
        elif c == "<" and re.match(r"<[^\s<>\"{}|^`\\]*>", text[i:i + 4096]):
            i = text.index(">", i) + 1
        elif c in "{}":
            yield i, c
            i += 1
        elif c in "?$" or c == ":":
            j = i + 1
            while j < n and (text[j].isalnum() or text[j] in "_-.:"):
                j += 1
            i = j
        elif c.isalpha() or c == "_":
            m = _WORD.match(text, i)
            assert m
            end = m.end()
            if end < n and text[end] == ":":  # a prefixed name such as ex:WHERE, local part and all
                j = end + 1
                while j < n and (text[j].isalnum() or text[j] in "_-.%"):
                    j += 1
                i = j
                continue
            yield i, m.group().upper()
            i = end
        else:
            i += 1


def bind_values(sparql: str, substitutions: dict[ox.Variable, Any]) -> str:
    """The query with each variable of ``substitutions`` bound by a ``VALUES`` block at the start of every
    ``WHERE`` group (so filters in that group see it), or after the whole query when it has no group."""
    if not substitutions:
        return sparql
    names = " ".join(str(v) for v in substitutions)
    terms = " ".join(str(t) for t in substitutions.values())  # pyoxigraph writes terms escaped
    block = f" VALUES ({names}) {{ ({terms}) }} "
    inserts: list[int] = []
    expecting = False
    for pos, token in _scan(sparql):
        if token in ("WHERE", "ASK", "SELECT"):  # SELECT and ASK may leave out the word WHERE
            expecting = True
        elif token == "{" and expecting:
            inserts.append(pos + 1)
            expecting = False
    if not inserts:
        return f"{sparql}\n{block}"
    out, last = [], 0
    for pos in inserts:
        out += [sparql[last:pos], block]
        last = pos
    out.append(sparql[last:])
    return "".join(out)


def selects_distinct(text: str) -> bool:
    """Whether the query's outer SELECT asks for distinct solutions.

    >>> selects_distinct("SELECT DISTINCT ?a WHERE { ?a ?b ?c }"), selects_distinct("SELECT ?a { { SELECT DISTINCT ?a {} } }")
    (True, False)
    """
    words = (w for _, w in _scan(text))
    for w in words:
        if w == "SELECT":
            return next(words, "") == "DISTINCT"
    return False


def query_form(text: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first of these words outside strings, IRIs and comments.

    >>> query_form("PREFIX s: <http://schema.org/select#> # SELECT\\nASK { ?a s:b 'SELECT' }")
    'ASK'
    """
    return next((w for _, w in _scan(text) if w in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")), "SELECT")
