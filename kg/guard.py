"""Checks on SPARQL text made before any parser sees it, by the embedded store and by `kg serve`'s front.

- Nesting: Oxigraph's parser recurses once per bracket, so a few kilobytes of ``{{{{…`` overflow its stack (the
  server thread at depth 3,000, the embedded store at 5,000) and kill the process. Text nested deeper than
  ``MAX_NESTING`` is refused.
- SERVICE: a federated query makes the server send HTTP requests to any address the query names (a way into the
  machine's network). It is refused unless the caller allows it.

Strings, IRIs and comments are skipped, so a brace or the word SERVICE inside a literal is data, not structure.
"""

from __future__ import annotations

import re

from kg.errors import QueryError

MAX_NESTING = 100  # the shipped queries nest 6 deep at most

_TOKENS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*(?:"""|$)'  # long strings
    r"|'''(?:[^'\\]|\\.|'(?!''))*(?:'''|$)"
    r'|"(?:[^"\\\n]|\\.)*"'  # short strings
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'  # IRIs
    r"|#[^\n]*"  # comments
    r"|[{}()\[\]]"
    r"|(?<![\w:?$.\-])SERVICE(?![\w:])",
    re.IGNORECASE | re.DOTALL)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
OPEN, CLOSE = "{([", "})]"


def _unescape(text: str) -> str:
    """SPARQL allows \\uXXXX escapes anywhere in a query: read them as the parser may."""
    if "\\u" not in text and "\\U" not in text:
        return text
    return _ESCAPE.sub(lambda m: chr(min(int(m.group(1) or m.group(2), 16), 0x10FFFF)), text)


def check_query(text: str, *, allow_service: bool = False, max_nesting: int = MAX_NESTING) -> None:
    """Raise ``QueryError`` if ``text`` nests brackets deeper than ``max_nesting`` or (unless allowed) uses SERVICE."""
    depth = 0
    for match in _TOKENS.finditer(_unescape(text)):
        token = match.group()
        if token in OPEN:
            depth += 1
            if depth > max_nesting:
                raise QueryError(f"the query nests brackets more than {max_nesting} deep; kg refuses it before "
                                 "parsing (a parser that deep runs out of stack)")
        elif token in CLOSE:
            depth = max(depth - 1, 0)
        elif token[0] in "sS" and not allow_service:
            raise QueryError("the query uses SERVICE, which makes the server send requests to other addresses; "
                             "it is off by default (kg query --allow-service, kg serve --allow-service)")
