"""Actor identity, in one place: the keys that make two mentions one actor inside an article, the keys and IRI
segments that make one actor one node across articles, and "the country a name belongs to".

Inside an article (the extractor): ``person:<folded name>``, ``org:<folded name>``, ``country:<ISO code>``,
``government:<ISO code>``. Across articles (the triples): people by their folded name, bodies by their name with
the country they start with as an ISO code ("Cambodian National Rescue Party" and "Cambodia National Rescue
Party" are one node), countries and governments by ISO code. Names fold case, diacritics and scripts alike
(``gazetteer.fold``), so the two levels agree.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, PROV, RDF, XSD

from kg import gazetteer
from kg.terms import literal, to_ox
from kg.vocab import KG, RESOLUTION_GRAPH


def person_key(name: str) -> str:
    """A person's key inside an article: the name folded.

    >>> person_key("Ana Ruíz")
    'person:ana ruiz'
    """
    return f"person:{gazetteer.fold(name)}"


def org_key(name: str) -> str:
    """A body's key inside an article: the name folded.

    >>> org_key("The Press Council")
    'org:press council'
    """
    return f"org:{gazetteer.fold(name)}"


def country_key(iso: str) -> str:
    return f"country:{iso}"


def country_of(key: str) -> str | None:
    """The country key of a country or government key, else None: "government:BY" -> "country:BY"."""
    if key.startswith(("country:", "government:")):
        return country_key(key.split(":", 1)[1])
    return None


def slug(name: str) -> str:
    """A readable, stable IRI segment for a name: "Robert Gilchrist" -> "robert-gilchrist"."""
    return re.sub(r"\s+", "-", gazetteer.fold(name)) or "x"


@lru_cache(maxsize=8192)
def leading_country(name: str, *, rest_required: bool = False) -> tuple[str | None, str]:
    """(the ISO code of the country a name starts with, by name or demonym, in up to three words; the rest).
    With ``rest_required`` the country must be followed by more ("U.S. Embassy" yes, "United States" no).

    >>> leading_country("Belarusian Association of Journalists")
    ('BY', 'Association of Journalists')
    >>> leading_country("Belarus"), leading_country("Belarus", rest_required=True)
    (('BY', ''), (None, 'Belarus'))
    """
    words = name.split()
    for n in (3, 2, 1):
        if len(words) > n or (len(words) == n and not rest_required):
            iso = gazetteer.lookup(" ".join(words[:n]), ("name", "demonym"))
            if iso:
                return iso, " ".join(words[n:])
    return None, name


def org_country(name: str) -> tuple[str | None, str]:
    """(the ISO code of the country a body's name starts with, the rest of the name): "U.S. Embassy" -> ("US",
    "Embassy"); (None, name) when it starts with none."""
    return leading_country(name, rest_required=True)


def org_node_key(name: str) -> str:
    """A body's key across articles: "U.S. Embassy" -> "us-embassy"."""
    iso, rest = org_country(name)
    return f"{iso.lower()}-{slug(rest)}" if iso else slug(name)


# -- across the store (``store`` is a kg.store.Store: this module sits below it and only calls its query methods) --

def suggest_merges(store, threshold: float = 88.0) -> list[dict[str, Any]]:
    """Pairs of actors of the same kind whose names are probably the same (rapidfuzz), for a person to decide.

    """
    from rapidfuzz import fuzz, process

    rows = store.query("SELECT ?node (SAMPLE(?n) AS ?name) (SAMPLE(?t) AS ?type) WHERE { ?node a kg:Actor ; "
                       "schema:name ?n . OPTIONAL { ?node a ?t . FILTER (?t != kg:Actor) } "
                       "FILTER NOT EXISTS { ?node dcterms:isReplacedBy ?other } } GROUP BY ?node").records()
    by_type: dict[str, list[dict]] = {}
    for r in rows:
        by_type.setdefault((r["type"] or "").rsplit("/", 1)[-1].rsplit("#", 1)[-1], []).append(r)
    pairs = []
    for type_, group in by_type.items():
        if type_ in ("Country", "Government", "Group"):
            continue  # countries and governments are one node per ISO code already; groups are unnamed
        names = [r["name"] for r in group]
        for i, r in enumerate(group):
            for _, score, j in process.extract(r["name"], names, scorer=fuzz.token_set_ratio, limit=5):
                if (j > i and score >= threshold and names[i].casefold() != names[j].casefold()) or (
                        j > i and names[i].casefold() == names[j].casefold() and r["node"] != group[j]["node"]):
                    pairs.append({"type": type_, "a": r["name"], "b": names[j], "score": round(score, 1),
                                  "a_node": r["node"], "b_node": group[j]["node"]})
    return sorted(pairs, key=lambda p: (-p["score"], p["a"], p["b"]))


def resolve_surnames(store) -> list[tuple[str, str]]:
    """Link a person known only by one name ("Holm") to the one person of the store whose full name ends with
    it ("Ivan Holm"), as a machine correction in the resolution graph (rule, confidence). A name shared by
    two full names stays unresolved: `kg actors --suggest-merges` lists it."""
    graph = RESOLUTION_GRAPH
    # people merged away by a curator are left out; this rule's own earlier links are not (it runs again)
    rows = store.query("SELECT DISTINCT ?node ?name WHERE { ?node a schema:Person ; schema:name ?name . "
                       f"FILTER NOT EXISTS {{ GRAPH ?by {{ ?node dcterms:isReplacedBy ?x }} FILTER (?by != <{graph}>) }} }}").rows
    full: dict[str, set[str]] = {}
    for node, name in rows:
        if len(name.split()) > 1:
            full.setdefault(name.split()[-1].casefold(), set()).add(node)
    links = []
    for node, name in rows:
        if len(name.split()) == 1:
            targets = full.get(name.casefold(), set()) - {node}
            if len(targets) == 1:
                links.append((node, next(iter(targets))))
    replaced = to_ox(DCTERMS.isReplacedBy)
    triples = [ox.Triple(ox.NamedNode(a), replaced, ox.NamedNode(b)) for a, b in links]
    if triples:
        activity = ox.NamedNode(graph + "#surname-rule")
        triples += [ox.Triple(activity, to_ox(RDF.type), to_ox(PROV.Activity)),
                    ox.Triple(activity, to_ox(KG.extractedBy), literal("resolve.surname")),
                    ox.Triple(activity, to_ox(KG.confidence), literal("0.8", datatype=XSD.decimal))]
    store.replace_graph(graph, triples)
    return links
