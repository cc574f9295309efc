"""The store as corrected, in one place: the SPARQL fragments every shipped query reads the corrections through.

A curator's corrections (``kg curate``) and the machine's surname links live in graphs of their own; a query
sees them only if it asks. Each rule of that asking is written here once, as a fragment that a query names
with ``{{fragment ?argument ...}}``; ``expand`` replaces the names with the patterns before the query runs
(the shipped queries, ``kg query --file`` and ``kg.query`` all go through it):

- ``{{kept ?item}}``: a statement or claim a curator rejected is left out;
- ``{{current ?raw ?actor}}``: an actor merged into another (``dcterms:isReplacedBy``, chains followed) is
  read as the one it was merged into (``?raw`` must be bound before);
- ``{{speaker ?statement ?actor}}``: the curator's speaker if set, else the extracted one, merges folded;
  ``kg:nobody`` for an unattributed statement (never unbound, so a join on it cannot match every actor);
- ``{{claimant ?claim ?actor}}``: a claim's claimant, merges folded (``kg:nobody`` when the claim names none);
- ``{{name ?actor ?name}}``: the curator's name if set, else the actor's canonical name: its longest
  ``schema:name`` (first in code-point order on a tie), one value, so a row never repeats per spelling
  (``?actor`` must be bound before, as in every fragment but ``named``);
- ``{{unmerged ?actor}}``: ``?actor`` has not been merged into another (lists of actors keep these only);
- ``{{type ?actor ?type}}``: the curator's type if set, else each class besides ``kg:Actor``, short;
- ``{{named ?actor ?label}}``: ``?actor`` is named ``?label`` (name, alias or curator's name, any case);
  ``?label`` may be a string (``{{named ?c "Russia"}}``), as may any argument that is no output;
- ``{{is-named ?actor ?label}}``: the same as a filter on an ``?actor`` bound before (much faster there: the
  names of that one actor are read, not every name of the store);
- ``{{speaks-for ?actor ?whole}}``: ``?actor`` is ``?whole`` or belongs to it: a person to the body they
  are ``org:memberOf``, a body to the body or government it is ``org:subOrganizationOf``, a government to
  the country it ``kg:governs``;
- ``{{part-of ?actor ?whole}}``: the same without people: a country's government and bodies.

>>> print(expand("SELECT * WHERE { ?s a kg:Statement . {{kept ?s}} }"))
SELECT * WHERE { ?s a kg:Statement . FILTER NOT EXISTS { ?s kg:rejected true } }
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.errors import QueryError

_ARG = r'\?\w+|"[^"\\{}]*"'
_CALL = re.compile(rf"\{{\{{\s*([a-z-]+)((?:\s+(?:{_ARG}))*)\s*\}}\}}")


def _v(var: str, suffix: str) -> str:
    """A helper variable private to one use of a fragment (named after the fragment's output variable)."""
    name = re.sub(r"\W", "", var) or "x"
    return f"?_{name}_{suffix}"


def kept(item: str) -> str:
    return f"FILTER NOT EXISTS {{ {item} kg:rejected true }}"


def current(raw: str, out: str) -> str:
    # `isReplacedBy/isReplacedBy*`, not `isReplacedBy+`: Virtuoso 7.2 drops every row of a group whose OPTIONAL
    # starts with a `+` path from a bound subject that has no match (both mean the same chain of one step or more)
    first, last, beyond = _v(out, "into"), _v(out, "merged"), _v(out, "beyond")
    return (f"OPTIONAL {{ {raw} dcterms:isReplacedBy {first} . {first} dcterms:isReplacedBy* {last} . "
            f"FILTER NOT EXISTS {{ {last} dcterms:isReplacedBy {beyond} }} }} "
            f"BIND (COALESCE({last}, {raw}) AS {out})")


def unmerged(actor: str) -> str:
    return f"FILTER NOT EXISTS {{ {actor} dcterms:isReplacedBy {_v(actor, 'into')} }}"


def speaker(statement: str, out: str) -> str:
    raw, cur, ext = _v(out, "raw"), _v(out, "curated"), _v(out, "extracted")
    return (f"OPTIONAL {{ {statement} kg:speaker {ext} }} OPTIONAL {{ {statement} kg:correctedSpeaker {cur} }} "
            f"BIND (COALESCE({cur}, {ext}, kg:nobody) AS {raw}) {current(raw, out)}")


def claimant(claim: str, out: str) -> str:
    raw = _v(out, "raw")
    return (f"OPTIONAL {{ {claim} kg:claimant {_v(out, 'extracted')} }} "
            f"BIND (COALESCE({_v(out, 'extracted')}, kg:nobody) AS {raw}) {current(raw, out)}")


def name(actor: str, out: str) -> str:
    pref, pref2, n, n2 = _v(out, "pref"), _v(out, "pref2"), _v(out, "name"), _v(out, "name2")

    def one(prop: str, var: str, other: str) -> str:  # the longest value, first in code-point order on a tie
        longer = f"STRLEN({other}) > STRLEN({var}) || (STRLEN({other}) = STRLEN({var}) && STR({other}) < STR({var}))"
        return f"OPTIONAL {{ {actor} {prop} {var} . FILTER NOT EXISTS {{ {actor} {prop} {other} . FILTER ({longer}) }} }}"

    return f"{one('skos:prefLabel', pref, pref2)} {one('schema:name', n, n2)} BIND (COALESCE({pref}, {n}) AS {out})"


def type_(actor: str, out: str) -> str:
    cls = _v(out, "class")
    return (f"OPTIONAL {{ {{ {actor} kg:correctedType {cls} }} UNION "
            f"{{ {actor} a {cls} . FILTER NOT EXISTS {{ {actor} kg:correctedType {_v(out, 'any')} }} }} "
            f"FILTER ({cls} != kg:Actor) }} BIND (REPLACE(STR({cls}), \"^.*[/#]\", \"\") AS {out})")


def named(actor: str, label: str) -> str:
    found = _v(f"{actor}_{label}", "label")  # one per actor and label: two uses never share it
    return (f"{actor} schema:name|skos:altLabel|skos:prefLabel {found} . "
            f"FILTER (LCASE(STR({found})) = LCASE(STR({label})))")


def is_named(actor: str, label: str) -> str:
    found = _v(f"{actor}_{label}", "label")
    return (f"FILTER EXISTS {{ {actor} schema:name|skos:altLabel|skos:prefLabel {found} . "
            f"FILTER (LCASE(STR({found})) = LCASE(STR({label}))) }}")


def speaks_for(actor: str, whole: str) -> str:
    return f"{actor} (org:memberOf|org:subOrganizationOf|kg:governs)* {whole} ."


def part_of(actor: str, whole: str) -> str:
    return f"{actor} (org:subOrganizationOf|kg:governs)* {whole} ."


FRAGMENTS: dict[str, Callable[..., str]] = {
    "kept": kept, "current": current, "unmerged": unmerged, "speaker": speaker, "claimant": claimant, "name": name, "type": type_,
    "named": named, "is-named": is_named, "speaks-for": speaks_for, "part-of": part_of,
}


def expand(sparql: str) -> str:
    """The query with every ``{{fragment ?arg ...}}`` replaced by its SPARQL (see the module's docstring).

    >>> expand("{{current ?a ?b}}").startswith("OPTIONAL { ?a dcterms:isReplacedBy ?_b_into")
    True
    """
    def replace(match: re.Match) -> str:
        fragment, args = match.group(1), re.findall(_ARG, match.group(2))
        if fragment not in FRAGMENTS:
            raise QueryError(f"unknown fragment {{{{{fragment}}}}}: one of {', '.join(FRAGMENTS)}")
        try:
            return FRAGMENTS[fragment](*args)
        except TypeError:
            raise QueryError(f"{{{{{fragment}}}}} takes {FRAGMENTS[fragment].__code__.co_argcount} variables, "
                             f"given {len(args)}") from None

    return _CALL.sub(replace, sparql)
