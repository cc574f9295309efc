"""Who said what about whom as networkx graphs built from the store, and functions on them.

networkx style: a graph builder takes the store, the functions take a graph first and return plain
data (dicts, lists). Graphs carry readable node attributes (``label``, ``type``) and edge attributes
taken from the statements and claims, with their article, date and confidence.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import networkx as nx

from kg import gazetteer
from kg.resources import query_text
from kg.store import Store
from kg.triples import country_iri

STATEMENTS = """
SELECT ?node ?speaker ?speakerName ?speakerType ?target ?targetName ?targetType ?text ?kind ?cue ?confidence
       ?article ?title ?url ?date
WHERE {
  ?node a kg:Statement ; kg:content ?text ; kg:speechKind ?kind ; prov:wasDerivedFrom ?article .
  FILTER NOT EXISTS { ?node kg:rejected true }
  # corrections: a curator's speaker, merged actors folded into their replacement, a curator's name
  OPTIONAL { ?node kg:speaker ?s0 } OPTIONAL { ?node kg:correctedSpeaker ?s1 }
  BIND (COALESCE(?s1, ?s0) AS ?s2) OPTIONAL { ?s2 dcterms:isReplacedBy ?s3 } BIND (COALESCE(?s3, ?s2) AS ?speaker)
  FILTER (BOUND(?speaker))
  OPTIONAL { ?node kg:about ?t0 . OPTIONAL { ?t0 dcterms:isReplacedBy ?t1 } BIND (COALESCE(?t1, ?t0) AS ?target)
             OPTIONAL { ?target skos:prefLabel ?tp } OPTIONAL { ?target schema:name ?tn }
             BIND (COALESCE(?tp, ?tn) AS ?targetName)
             OPTIONAL { ?target a ?targetType . FILTER (?targetType != kg:Actor) } }
  OPTIONAL { ?speaker skos:prefLabel ?sp } OPTIONAL { ?speaker schema:name ?sn } BIND (COALESCE(?sp, ?sn) AS ?speakerName)
  OPTIONAL { ?speaker a ?speakerType . FILTER (?speakerType != kg:Actor) }
  OPTIONAL { ?node kg:cue ?cue }
  OPTIONAL { ?node kg:confidence ?confidence }
  OPTIONAL { ?article dcterms:title ?title }
  OPTIONAL { ?article schema:url ?url }
  OPTIONAL { ?article dcterms:issued ?date }
}
"""

# the sentence a statement was read from, as `kg explain` shows it: ...prefix[[exact]]suffix...
EVIDENCE = """
SELECT ?node ?sentence ?exact ?prefix ?suffix WHERE {
  ?node a kg:Statement ; kg:evidence ?ev .
  OPTIONAL { ?ev kg:sentence ?sentence }
  ?ev oa:hasSelector ?q . ?q a oa:TextQuoteSelector ; oa:exact ?exact .
  OPTIONAL { ?q oa:prefix ?prefix } OPTIONAL { ?q oa:suffix ?suffix }
}
"""

# abuse claims made in a statement (kg:assertedIn): the view's abuse filter reads these, never the text
CLAIM_LINKS = """
SELECT ?node ?abuse ?stance WHERE {
  ?claim a kg:AbuseClaim ; kg:assertedIn ?node ; kg:abuseType/skos:notation ?abuse .
  ?node a kg:Statement .
  FILTER NOT EXISTS { ?claim kg:rejected true }
  OPTIONAL { ?claim kg:stance ?stance }
}
"""

# who belongs to a country: its government, people affiliated to that government, people a claim about the
# country names as victim or perpetrator (bodies and people named after the country are found by name)
MEMBERS = """
SELECT DISTINCT ?actor ?country WHERE {
  { ?actor kg:governs ?country }
  UNION { ?actor kg:affiliation ?gov . ?gov kg:governs ?country }
  UNION { ?claim a kg:AbuseClaim ; kg:country ?country ; kg:victim|kg:perpetrator ?actor . ?actor a schema:Person .
          FILTER NOT EXISTS { ?claim kg:rejected true } }
}
"""

AFFILIATIONS = """
SELECT ?actor ?body ?bodyName ?role WHERE {
  { ?actor kg:affiliation ?body . OPTIONAL { ?body schema:name ?bodyName } } UNION { ?actor kg:role ?role }
}
"""

CLAIMS = """
SELECT ?claim ?claimant ?claimantName ?claimantType ?country ?countryName ?abuse ?stance ?article ?date ?gov
WHERE {
  ?claim a kg:AbuseClaim ; kg:country ?country ; kg:abuseType/skos:notation ?abuse ; prov:wasDerivedFrom ?article .
  FILTER NOT EXISTS { ?claim kg:rejected true }
  OPTIONAL { ?claim kg:claimant ?c0 . OPTIONAL { ?c0 dcterms:isReplacedBy ?c1 } BIND (COALESCE(?c1, ?c0) AS ?claimant)
             OPTIONAL { ?claimant skos:prefLabel ?cp } OPTIONAL { ?claimant schema:name ?cn }
             BIND (COALESCE(?cp, ?cn) AS ?claimantName)
             OPTIONAL { ?claimant a ?claimantType . FILTER (?claimantType != kg:Actor) } }
  OPTIONAL { ?country schema:name ?countryName }
  OPTIONAL { ?gov kg:governs ?country }
  OPTIONAL { ?claim kg:stance ?stance }
  OPTIONAL { ?article dcterms:issued ?date }
}
"""

MENTIONS = """
SELECT ?article ?actor ?name ?type WHERE {
  ?article schema:mentions ?actor .
  OPTIONAL { ?actor schema:name ?name }
  OPTIONAL { ?actor a ?type . FILTER (?type != kg:Actor) }
}
"""


def _short(iri: str | None) -> str:
    return (iri or "Actor").rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _in_range(date: str | None, since: str | None, until: str | None) -> bool:
    if not since and not until:
        return True
    if not date:
        return False
    return (not since or date >= since) and (not until or date[: len(until)] <= until)


def _add_node(g: nx.Graph, iri: str, name: str | None, type_iri: str | None) -> None:
    """Add an actor node once; a later row may give the specific type of a node first seen untyped."""
    if iri not in g:
        g.add_node(iri, label=name or _short(iri), type=_short(type_iri))
    elif type_iri and g.nodes[iri]["type"] == "Actor":
        g.nodes[iri]["type"] = _short(type_iri)


def statement_graph(store: Store, *, since: str | None = None, until: str | None = None,
                    details: bool = False) -> nx.MultiDiGraph:
    """Speaker -> actor spoken about, one edge per (statement, target), keyed by the statement's IRI.

    Edge attributes: text, kind, cue, confidence, article, title, url, date. With ``details`` (what the view
    reads) also: evidence (the sentence as ``kg explain`` shows it) and abuses ({code: stance} of the claims
    the statement makes, through kg:assertedIn) on edges; statements (made or about it) and countries (the
    countries it belongs to) on nodes; and ``g.graph["unaddressed"]``: speaker -> statements about no actor.
    """
    g = nx.MultiDiGraph(name="statements", unaddressed={})
    evidence, abuses = (_evidence(store), _claim_links(store)) if details else ({}, {})
    said: dict[str, set[str]] = defaultdict(set)
    for row in store.query(STATEMENTS).records():
        if not _in_range(row["date"], since, until):
            continue
        node, speaker, target = row["node"], row["speaker"], row["target"]
        if target is None and not details:
            continue
        _add_node(g, speaker, row["speakerName"], row["speakerType"])
        attrs = {"text": row["text"], "kind": row["kind"], "cue": row["cue"], "confidence": row["confidence"],
                 "article": row["article"], "title": row["title"], "url": row["url"], "date": row["date"]}
        said[speaker].add(node)
        if details:
            attrs.update(evidence=evidence.get(node, ""), abuses=abuses.get(node, {}))
        if target is None:
            g.graph["unaddressed"].setdefault(speaker, {})[node] = {"statement": node, **attrs}
            continue
        _add_node(g, target, row["targetName"], row["targetType"])
        said[target].add(node)
        if not g.has_edge(speaker, target, key=node):
            g.add_edge(speaker, target, key=node, **attrs)
    if details:
        g.graph["unaddressed"] = {k: list(v.values()) for k, v in g.graph["unaddressed"].items()}
        for actor, nodes in said.items():
            g.nodes[actor]["statements"] = len(nodes)
        mark_countries(store, g)
    else:
        del g.graph["unaddressed"]
    return g


def _evidence(store: Store) -> dict[str, str]:
    """Statement IRI -> its quoted sentence, ``…prefix[[exact]]suffix…`` as ``kg explain`` prints it."""
    out: dict[str, str] = {}
    for row in store.query(EVIDENCE).records():
        if row["node"] not in out:
            out[row["node"]] = _quote(row)
    return out


def _quote(row: dict) -> str:
    return f"…{row.get('prefix') or ''}[[{row['exact']}]]{row.get('suffix') or ''}…" if row.get("exact") else ""


def _claim_links(store: Store) -> dict[str, dict[str, str]]:
    """Statement IRI -> {abuse code: stance} of the claims it makes."""
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for row in store.query(CLAIM_LINKS).records():
        out[row["node"]][row["abuse"]] = row["stance"] or "asserts"
    return out


def _name_country(name: str, whole: bool = False) -> str | None:
    """The country a name starts with ("Iranian Revolutionary Guard"); with ``whole``, a role may be the
    country's name or demonym alone ("Azerbaijani", "Azerbaijani journalist")."""
    words = name.split()
    for n in (3, 2, 1):
        if len(words) > n or (whole and len(words) == n):
            iso = gazetteer.lookup(" ".join(words[:n]), ("name", "demonym"))
            if iso:
                return str(country_iri(iso))
    return None


def mark_countries(store: Store, g: nx.Graph) -> None:
    """Give each node the countries it belongs to (``countries``): a country itself; its government; bodies
    and people named after it or holding a role named after it; people affiliated to its government or to
    one of its bodies; people a claim about it names as victim or perpetrator."""
    members: dict[str, set[str]] = defaultdict(set)
    for row in store.query(MEMBERS).records():
        members[row["actor"]].add(row["country"])
    for node, data in g.nodes(data=True):
        if data.get("type") == "Country":
            members[node].add(node)
        elif data.get("type") not in ("Person", "Group", "Actor", "Country"):
            found = _name_country(str(data.get("label", "")))
            if found:
                members[node].add(found)
    for row in store.query(AFFILIATIONS).records():
        if row["role"]:
            found = _name_country(row["role"], whole=True)
            if found:
                members[row["actor"]].add(found)
        elif row["body"] in members:
            members[row["actor"]] |= members[row["body"]]
        elif row["bodyName"] and _name_country(row["bodyName"]):  # a body named after its country
            members[row["actor"]].add(_name_country(row["bodyName"]))
    for node in g:
        g.nodes[node]["countries"] = sorted(members.get(node, ()))


def country_members(g: nx.Graph, node: str) -> set[str]:
    """A node and, for a country, every node of ``g`` that belongs to it (see ``statement_graph``)."""
    return {node} | {n for n, d in g.nodes(data=True) if node in (d.get("countries") or ())}


def accusation_graph(store: Store, *, since: str | None = None, until: str | None = None,
                     abuse: str | None = None, stance: str = "asserts") -> nx.DiGraph:
    """Claimant -> accused country, with the abuse codes and how many claims and articles back each edge."""
    g = nx.DiGraph(name="accusations")
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for row in store.query(CLAIMS).records():
        if not row["claimant"] or (row["stance"] or "asserts") != stance or (abuse and row["abuse"] != abuse):
            continue
        if not _in_range(row["date"], since, until):
            continue
        _add_node(g, row["claimant"], row["claimantName"], row["claimantType"])
        _add_node(g, row["country"], row["countryName"], "http://schema.org/Country")
        e = edges.setdefault((row["claimant"], row["country"]), {"abuses": Counter(), "claims": set(), "articles": set()})
        e["abuses"][row["abuse"]] += 1
        e["claims"].add(row["claim"])
        e["articles"].add(row["article"])
    for (u, v), e in edges.items():
        g.add_edge(u, v, abuses=dict(e["abuses"]), claims=len(e["claims"]), articles=len(e["articles"]),
                   weight=len(e["claims"]))
    return g


CLAIM_SOURCES = """
SELECT ?claim ?text ?title ?url ?exact ?prefix ?suffix ?publisher WHERE {
  ?claim a kg:AbuseClaim ; prov:wasDerivedFrom ?article .
  OPTIONAL { ?article dcterms:publisher ?publisher }
  OPTIONAL { ?claim kg:assertedIn ?st . ?st kg:content ?text }
  OPTIONAL { ?article dcterms:title ?title }
  OPTIONAL { ?article schema:url ?url }
  OPTIONAL { ?claim kg:evidence/oa:hasSelector ?q . ?q a oa:TextQuoteSelector ; oa:exact ?exact .
             OPTIONAL { ?q oa:prefix ?prefix } OPTIONAL { ?q oa:suffix ?suffix } }
}
"""


def claim_graph(store: Store, *, since: str | None = None, until: str | None = None) -> nx.MultiDiGraph:
    """Claimant -> accused country, one edge per (abuse, stance), keyed ``"code stance"``: assertions and
    denials apart. A claim with no named claimant is the article's own, drawn from its publisher. Edge
    attributes: abuse, stance, claims (count), articles (count), sources (one dict per claim: the
    statement making it or the claim's own span, the article's title, URL and date)."""
    sources = {r["claim"]: r for r in store.query(CLAIM_SOURCES).records()}
    g = nx.MultiDiGraph(name="accusations")
    for row in store.query(CLAIMS).records():
        src = sources.get(row["claim"]) or {}
        claimant = row["claimant"]
        if not _in_range(row["date"], since, until) or not (claimant or src.get("publisher")):
            continue
        if claimant:
            _add_node(g, claimant, row["claimantName"], row["claimantType"])
        else:  # a claim the article makes in its own voice: its publisher's
            claimant = f"publisher:{src['publisher']}"
            if claimant not in g:
                g.add_node(claimant, label=f"{src['publisher']} (publisher)", type="Publisher")
        _add_node(g, row["country"], row["countryName"], "http://schema.org/Country")
        stance = row["stance"] or "asserts"
        key = f"{row['abuse']} {stance}"
        if not g.has_edge(claimant, row["country"], key=key):
            g.add_edge(claimant, row["country"], key=key, abuse=row["abuse"], stance=stance, sources={})
        g.edges[claimant, row["country"], key]["sources"][row["claim"]] = {
            "text": src.get("text") or "", "evidence": _quote(src), "title": src.get("title") or "",
            "url": src.get("url") or "", "date": row["date"] or "", "article": row["article"]}
    for _, _, data in g.edges(data=True):
        data["claims"] = len(data["sources"])
        data["articles"] = len({s["article"] for s in data["sources"].values()})
        data["sources"] = sorted(data["sources"].values(), key=lambda s: (s["date"], s["title"]))
    for node in g:
        g.nodes[node]["statements"] = sum(d["claims"] for _, _, d in g.in_edges(node, data=True)) + sum(
            d["claims"] for _, _, d in g.out_edges(node, data=True))
    mark_countries(store, g)
    return g


def actor_abuse_graph(store: Store) -> nx.Graph:
    """Bipartite: accused country -- abuse code, weighted by the number of claims."""
    g = nx.Graph(name="actor-abuse")
    for row in store.query(CLAIMS).records():
        if (row["stance"] or "asserts") != "asserts":
            continue
        _add_node(g, row["country"], row["countryName"], "http://schema.org/Country")
        code = f"abuse:{row['abuse']}"
        if code not in g:
            g.add_node(code, label=row["abuse"], type="Abuse")
        w = g.get_edge_data(row["country"], code, {"weight": 0})["weight"]
        g.add_edge(row["country"], code, weight=w + 1)
    return g


def co_mention_graph(store: Store, *, min_articles: int = 1) -> nx.Graph:
    """Actors mentioned in the same article, weighted by the number of such articles."""
    by_article: dict[str, set[str]] = defaultdict(set)
    g = nx.Graph(name="co-mentions")
    for row in store.query(MENTIONS).records():
        _add_node(g, row["actor"], row["name"], row["type"])
        by_article[row["article"]].add(row["actor"])
    weights: Counter = Counter()
    for actors in by_article.values():
        ordered = sorted(actors)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                weights[(a, b)] += 1
    for (a, b), w in weights.items():
        if w >= min_articles:
            g.add_edge(a, b, weight=w)
    return g


# -- functions on the graphs --------------------------------------------------------------------------

def top_speakers(g: nx.MultiDiGraph, n: int = 10) -> list[dict[str, Any]]:
    """The actors with the most statements (distinct statements, not targets).

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", label="Amnesty", type="NGO"); g.add_node("b", label="Iran", type="Country")
    >>> _ = g.add_edge("a", "b", key="s1"); _ = g.add_edge("a", "b", key="s2")
    >>> top_speakers(g)
    [{'actor': 'a', 'name': 'Amnesty', 'type': 'NGO', 'statements': 2}]
    """
    counts: Counter = Counter()
    for u, _, key in g.edges(keys=True):
        counts[(u, key)] = 1
    per_actor = Counter(u for u, _ in counts)
    return [{"actor": a, "name": g.nodes[a]["label"], "type": g.nodes[a]["type"], "statements": c}
            for a, c in per_actor.most_common(n)]


def most_accused(g: nx.DiGraph, abuse: str | None = None, n: int = 10) -> list[dict[str, Any]]:
    """Countries by the number of claims against them (of one abuse code, if given)."""
    totals: Counter = Counter()
    for _, v, data in g.edges(data=True):
        totals[v] += data["abuses"].get(abuse, 0) if abuse else data["claims"]
    return [{"actor": a, "name": g.nodes[a]["label"], "claims": c} for a, c in totals.most_common(n) if c]


def who_accuses_whom(g: nx.DiGraph) -> list[dict[str, Any]]:
    """One row per (claimant, accused, abuse): how many claims and articles back it."""
    rows = []
    for u, v, data in g.edges(data=True):
        for code, count in sorted(data["abuses"].items()):
            rows.append({"claimant": g.nodes[u]["label"], "accused": g.nodes[v]["label"], "abuse": code,
                         "claims": count, "articles": data["articles"]})
    return sorted(rows, key=lambda r: (-r["claims"], r["accused"], r["abuse"], r["claimant"]))


def centrality(g: nx.Graph, n: int = 10) -> list[dict[str, Any]]:
    """Degree centrality and PageRank of each node, highest PageRank first."""
    if g.number_of_nodes() == 0:
        return []
    simple = nx.DiGraph(g) if g.is_directed() else nx.Graph(g)
    pagerank = nx.pagerank(simple)
    degree = nx.degree_centrality(simple)
    ranked = sorted(pagerank, key=lambda x: (-pagerank[x], x))[:n]
    return [{"actor": a, "name": g.nodes[a].get("label", a), "pagerank": round(pagerank[a], 4),
             "degree": round(degree[a], 4)} for a in ranked]


def communities(g: nx.Graph, seed: int = 0) -> list[list[str]]:
    """Louvain communities of the undirected graph (labels), largest first."""
    if g.number_of_edges() == 0:
        return [[g.nodes[a].get("label", a)] for a in g]
    undirected = nx.Graph()
    undirected.add_nodes_from(g.nodes(data=True))
    for u, v, data in g.edges(data=True):
        w = data.get("weight", 1)
        if undirected.has_edge(u, v):
            undirected[u][v]["weight"] += w
        else:
            undirected.add_edge(u, v, weight=w)
    found = nx.community.louvain_communities(undirected, weight="weight", seed=seed)
    return sorted((sorted(g.nodes[a].get("label", a) for a in c) for c in found), key=lambda c: (-len(c), c))


def find_node(g: nx.Graph, name: str) -> str | None:
    """The node whose label (or IRI) is ``name``, case-insensitively."""
    folded = name.casefold()
    for node, data in g.nodes(data=True):
        if node == name or str(data.get("label", "")).casefold() == folded:
            return node
    return None


def ego(g: nx.Graph, name: str, depth: int = 1) -> nx.Graph:
    """The sub-graph within ``depth`` steps of the actor named ``name`` (either direction)."""
    node = find_node(g, name)
    if node is None:
        return g.subgraph([]).copy()
    return nx.ego_graph(g, node, radius=depth, undirected=True).copy()


def statements_table(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Who said what about whom, one row per edge."""
    return [{"speaker": g.nodes[u]["label"], "about": g.nodes[v]["label"], "kind": d["kind"], "text": d["text"],
             "article": d["title"], "date": d["date"]} for u, v, d in g.edges(data=True)]


# -- tables computed from the shipped queries (what `kg query --name ...` prints), one source for both ------

def _shipped(store: Store, name: str) -> list[dict[str, Any]]:
    return store.query(query_text(name)).records()


def speaker_counts(store: Store, n: int | None = 10) -> list[dict[str, Any]]:
    """Speakers by their number of statements, counted on `kg query --name who-said-what` (one row a statement)."""
    counts = Counter(r["speaker"] for r in _shipped(store, "who-said-what") if r["speaker"])
    return [{"name": name, "statements": c} for name, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))][:n]


def accused_counts(store: Store, n: int | None = 10) -> list[dict[str, Any]]:
    """Countries by the abuse claims reported in them, counted on `kg query --name claims-by-country`: every
    claim once, asserted or denied, whether or not it names who makes it."""
    counts: Counter = Counter()
    for r in _shipped(store, "claims-by-country"):
        counts[r["country"]] += r["claims"]
    return [{"name": name, "claims": c} for name, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))][:n]


def accusation_rows(store: Store) -> list[dict[str, Any]]:
    """Who accuses which country of which abuse, with the stance: the rows of `kg query --name accusations`
    (one row per claimant, country, abuse and stance; "(the article)" when no one is named)."""
    return _shipped(store, "accusations")
