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
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from kg.errors import KgError
from kg.store import Store
from kg.terms import to_ox
from kg.vocab import CURATED_BASE, KG, SCHEMA

CURATED = CURATED_BASE
REPLACED_BY, RDF_TYPE = to_ox(DCTERMS.isReplacedBy), to_ox(RDF.type)
XSD_BOOLEAN, XSD_DATETIME = to_ox(XSD.boolean), to_ox(XSD.dateTime)
ACTIONS = ("reject", "set-speaker", "merge", "rename", "retype")
ACTOR_TYPES = {"Person": str(SCHEMA.Person), "Country": str(SCHEMA.Country),
               "Government": str(KG.Government), "GovernmentBody": str(KG.GovernmentBody), "NGO": str(KG.NGO),
               "MediaOutlet": str(KG.MediaOutlet), "InternationalOrganization": str(KG.InternationalOrganization),
               "Organization": str(SCHEMA.Organization), "Group": str(KG.Group),
               "Place": str(SCHEMA.Place)}


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
        try:
            ox.NamedNode(ref)
        except ValueError as err:
            raise KgError(f"{ref!r} is not a valid IRI: {err}") from None
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


def _check_actor(store: Store, iri: str) -> None:
    if not store.query("ASK { ?a a kg:Actor }", {"a": ox.NamedNode(iri)}):
        raise KgError(f"{iri} is not an actor in the store (kg actors lists them)")


def _check_merge(store: Store, actor: str, into: str) -> None:
    """Refuse a merge that would make a cycle (``into`` is merged, directly or not, into ``actor``), or merge an actor
    a curator has merged already, or into something that is not an actor: each would lose statements' speakers."""
    if into == actor:
        raise KgError("an actor cannot be merged into itself")
    _check_actor(store, into)
    seen, node = {into}, into
    while True:
        nxt = [q.object.value for q in store.quads(_n(node), REPLACED_BY, None)]
        if actor in nxt:
            raise KgError(f"{into} is merged into {actor} already: merging back would make a cycle "
                          "(kg curate undo the first merge instead)")
        nxt = [n for n in nxt if n not in seen]
        if not nxt:
            break
        node = nxt[0]
        seen.add(node)
    for q in store.quads(_n(actor), REPLACED_BY, None):
        if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value.startswith(CURATED) \
                and q.graph_name.value != CURATED + "resolution":
            raise KgError(f"{actor} is merged into {q.object.value} already (correction "
                          f"{q.graph_name.value.removeprefix(CURATED)}): undo that one first")


def _name(value: str | None) -> str:
    """A new name, trimmed; one of only spaces, control or invisible (zero-width, bidi) characters is refused."""
    text = (value or "").strip()
    if not text or all(unicodedata.category(c)[0] in "CZ" for c in text):
        raise KgError(f"rename needs a visible name, not {value!r}")
    return text


def add(store: Store, action: str, target: str, value: str | None = None, *, why: str | None = None,
        who: str | None = None, when: str | None = None) -> Correction:
    """Record one correction; returns it (its id is stable for the same action, target, value and time)."""
    if action not in ACTIONS:
        raise KgError(f"unknown correction {action!r}: one of {', '.join(ACTIONS)}")
    kind = "actor" if action in ("merge", "rename", "retype") else "item"
    target_iri = _resolve(store, target, kind)
    if not any(True for _ in store.quads(_n(target_iri), None, None)):
        raise KgError(f"nothing in the store is {target_iri}")
    if kind == "actor":
        _check_actor(store, target_iri)
    who = who or getpass.getuser()
    when = when or datetime.now(UTC).isoformat()
    effect: list[tuple] = []
    value_term = None
    if action == "reject":
        effect.append((_n(target_iri), to_ox(KG.rejected), ox.Literal("true", datatype=XSD_BOOLEAN)))
    elif action == "set-speaker":
        value_term = _n(_resolve(store, value or "", "actor"))
        _check_actor(store, value_term.value)
        effect.append((_n(target_iri), to_ox(KG.correctedSpeaker), value_term))
    elif action == "merge":
        value_term = _n(_resolve(store, value or "", "actor"))
        _check_merge(store, target_iri, value_term.value)
        effect.append((_n(target_iri), REPLACED_BY, value_term))
    elif action == "rename":
        value_term = ox.Literal(_name(value))
        effect.append((_n(target_iri), to_ox(SKOS.prefLabel), value_term))
    elif action == "retype":
        if value not in ACTOR_TYPES:
            raise KgError(f"retype needs one of: {', '.join(ACTOR_TYPES)}")
        value_term = _n(ACTOR_TYPES[value])
        effect.append((_n(target_iri), to_ox(KG.correctedType), value_term))
    cid = hashlib.sha1(f"{action}|{target_iri}|{value_term}|{when}".encode()).hexdigest()[:12]
    graph = _n(CURATED + cid)
    node = _n(CURATED + cid + "#correction")
    meta = [(node, RDF_TYPE, to_ox(KG.Correction)), (node, RDF_TYPE, to_ox(PROV.Activity)),
            (node, to_ox(KG.action), ox.Literal(action)), (node, to_ox(KG.target), _n(target_iri)),
            (node, to_ox(PROV.wasAssociatedWith), ox.Literal(who)),
            (node, to_ox(PROV.endedAtTime), ox.Literal(when, datatype=XSD_DATETIME))]
    if value_term is not None:
        meta.append((node, to_ox(KG.value), value_term))
    if why:
        meta.append((node, to_ox(RDFS.comment), ox.Literal(why)))
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
    """Remove one correction: a graph holding a ``kg:Correction`` (not the machine's resolution graph)."""
    try:
        graph, node = _n(CURATED + cid), _n(CURATED + cid + "#correction")
    except ValueError:
        raise KgError(f"no correction {cid!r} (kg curate list shows them)") from None
    if not any(True for _ in store.quads(node, RDF_TYPE, to_ox(KG.Correction), graph)):
        raise KgError(f"no correction {cid!r} (kg curate list shows them; machine links such as the resolution graph "
                      "are remade by each ingest and are not undone)")
    store.remove_graph(graph.value)


def export(store: Store, path: str | Path) -> int:
    """Write every correction as TriG (a plain file to keep under version control); returns how many."""
    graphs = [g for g in store.named_graphs() if g.value.startswith(CURATED)]
    quads = [q for g in sorted(graphs, key=lambda g: g.value) for q in store.quads(None, None, None, g)]
    ox.serialize(quads, str(path), ox.RdfFormat.TRIG, prefixes={"kg": str(KG), "prov": str(PROV)})
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
    report = store.load_rdf(path, ox.RdfFormat.TRIG, curated=True)
    if report.errors:
        raise KgError(report.errors[0])
    return len(report.loaded)
