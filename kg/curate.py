"""Human corrections that survive re-ingest: each is a named graph of its own under the curated graph, with
who, when and why (PROV), kept apart from the article graphs that an ingest replaces.

Effects, read by the shipped queries over the union graph:
- reject STATEMENT|CLAIM  -> ``<item> kg:rejected true``
- set-speaker STATEMENT A -> ``<statement> kg:correctedSpeaker <A>`` (the query prefers it to kg:speaker)
- merge A B               -> ``<A> dcterms:isReplacedBy <B>`` (A is never deleted; queries fold A into B)
- rename A NAME           -> ``<A> skos:prefLabel NAME`` (queries prefer it to schema:name)
- retype A TYPE           -> ``<A> kg:correctedType <class>`` (the actors query and the views show it)
"""

from __future__ import annotations

import getpass
import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError
from kg.store import Store

CURATED = "https://w3id.org/kg/graph/curated/"
KGNS = "https://w3id.org/kg/ontology#"
PROV = "http://www.w3.org/ns/prov#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
XSD_BOOLEAN = ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean")
XSD_DATETIME = ox.NamedNode("http://www.w3.org/2001/XMLSchema#dateTime")
ACTIONS = ("reject", "set-speaker", "merge", "rename", "retype")
ACTOR_TYPES = {"Person": "http://schema.org/Person", "Country": "http://schema.org/Country",
               "Government": KGNS + "Government", "GovernmentBody": KGNS + "GovernmentBody", "NGO": KGNS + "NGO",
               "MediaOutlet": KGNS + "MediaOutlet", "InternationalOrganization": KGNS + "InternationalOrganization",
               "Organization": "http://schema.org/Organization", "Group": KGNS + "Group",
               "Place": "http://schema.org/Place"}


@dataclass(frozen=True)
class Correction:
    id: str
    action: str
    target: str
    value: str | None
    who: str
    when: str
    why: str | None


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _resolve(store: Store, ref: str, kind: str) -> str:
    """An IRI for ``ref``: an IRI as given, or the actor with that name or alias."""
    ref = ref.strip("<>")
    if ref.startswith(("http://", "https://")):
        return ref
    if kind == "actor":
        rows = store.query("SELECT DISTINCT ?node ?label WHERE { ?node a kg:Actor ; schema:name|skos:altLabel ?l . "
                           "FILTER (LCASE(STR(?l)) = LCASE(STR(?label))) }", {"label": ref}).rows
        if len(rows) == 1:
            return rows[0][0]
        if len(rows) > 1:
            raise KgError(f"{ref!r} names {len(rows)} actors; give one of their IRIs: "
                          + ", ".join(r[0] for r in rows))
    raise KgError(f"no {kind} {ref!r} in the store (give its IRI, e.g. from kg query --name who-said-what)")


def add(store: Store, action: str, target: str, value: str | None = None, *, why: str | None = None,
        who: str | None = None, when: str | None = None) -> Correction:
    """Record one correction; returns it (its id is stable for the same action, target, value and time)."""
    if action not in ACTIONS:
        raise KgError(f"unknown correction {action!r}: one of {', '.join(ACTIONS)}")
    kind = "actor" if action in ("merge", "rename", "retype") else "item"
    target_iri = _resolve(store, target, kind)
    if not any(True for _ in store.oxigraph.quads_for_pattern(_n(target_iri), None, None)):
        raise KgError(f"nothing in the store is {target_iri}")
    who = who or getpass.getuser()
    when = when or datetime.now(UTC).isoformat()
    effect: list[tuple] = []
    value_term = None
    if action == "reject":
        effect.append((_n(target_iri), _n(KGNS + "rejected"), ox.Literal("true", datatype=XSD_BOOLEAN)))
    elif action == "set-speaker":
        value_term = _n(_resolve(store, value or "", "actor"))
        effect.append((_n(target_iri), _n(KGNS + "correctedSpeaker"), value_term))
    elif action == "merge":
        value_term = _n(_resolve(store, value or "", "actor"))
        if value_term.value == target_iri:
            raise KgError("an actor cannot be merged into itself")
        effect.append((_n(target_iri), _n("http://purl.org/dc/terms/isReplacedBy"), value_term))
    elif action == "rename":
        if not value:
            raise KgError("rename needs the new name")
        value_term = ox.Literal(value)
        effect.append((_n(target_iri), _n("http://www.w3.org/2004/02/skos/core#prefLabel"), value_term))
    elif action == "retype":
        if value not in ACTOR_TYPES:
            raise KgError(f"retype needs one of: {', '.join(ACTOR_TYPES)}")
        value_term = _n(ACTOR_TYPES[value])
        effect.append((_n(target_iri), _n(KGNS + "correctedType"), value_term))
    cid = hashlib.sha1(f"{action}|{target_iri}|{value_term}|{when}".encode()).hexdigest()[:12]
    graph = _n(CURATED + cid)
    node = _n(CURATED + cid + "#correction")
    meta = [(node, RDF_TYPE, _n(KGNS + "Correction")), (node, RDF_TYPE, _n(PROV + "Activity")),
            (node, _n(KGNS + "action"), ox.Literal(action)), (node, _n(KGNS + "target"), _n(target_iri)),
            (node, _n(PROV + "wasAssociatedWith"), ox.Literal(who)),
            (node, _n(PROV + "endedAtTime"), ox.Literal(when, datatype=XSD_DATETIME))]
    if value_term is not None:
        meta.append((node, _n(KGNS + "value"), value_term))
    if why:
        meta.append((node, _n("http://www.w3.org/2000/01/rdf-schema#comment"), ox.Literal(why)))
    store.replace_graph(graph.value, [ox.Triple(*t) for t in effect + meta])
    return Correction(cid, action, target_iri, value_term.value if value_term is not None else None, who, when, why)


def corrections(store: Store) -> list[Correction]:
    rows = store.query("""
        SELECT ?c ?action ?target ?value ?who ?when ?why WHERE {
          ?c a kg:Correction ; kg:action ?action ; kg:target ?target ; prov:wasAssociatedWith ?who ;
             prov:endedAtTime ?when .
          OPTIONAL { ?c kg:value ?value } OPTIONAL { ?c rdfs:comment ?why }
        } ORDER BY ?when ?c""").records()
    return [Correction(r["c"].removeprefix(CURATED).removesuffix("#correction"), r["action"], r["target"], r["value"],
                       r["who"], r["when"], r["why"]) for r in rows]


def undo(store: Store, cid: str) -> None:
    graph = _n(CURATED + cid)
    if not store.oxigraph.contains_named_graph(graph):
        raise KgError(f"no correction {cid!r} (kg curate list shows them)")
    store.remove_graph(graph.value)


def export(store: Store, path: str | Path) -> int:
    """Write every correction as TriG (a plain file to keep under version control); returns how many."""
    graphs = [g for g in store.oxigraph.named_graphs() if g.value.startswith(CURATED)]
    quads = [q for g in sorted(graphs, key=lambda g: g.value) for q in store.oxigraph.quads_for_pattern(None, None, None, g)]
    ox.serialize(quads, str(path), ox.RdfFormat.TRIG, prefixes={"kg": KGNS, "prov": PROV})
    return len(graphs)


def apply(store: Store, path: str | Path) -> int:
    """Re-apply corrections from a file written by ``export`` (each replaces its own graph); returns how many."""
    try:
        with open(path, "rb") as handle:
            graphs = {q.graph_name for q in ox.parse(handle, ox.RdfFormat.TRIG)}
    except (SyntaxError, OSError) as err:
        raise KgError(f"{path}: {err}") from None
    wrong = sorted(str(g) for g in graphs if not (isinstance(g, ox.NamedNode) and g.value.startswith(CURATED)))
    if wrong:
        raise KgError(f"{path}: not a corrections file (it holds graphs {', '.join(wrong[:3])})")
    return len(store.load_rdf(path, ox.RdfFormat.TRIG).loaded)
