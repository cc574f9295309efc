"""The kg ontology's namespace as a closed rdflib namespace, and the prefixes of reused vocabularies.

The labels and comments of the terms live in ontology/kg.ttl; a test checks that the two list the
same terms.
"""

from __future__ import annotations

from rdflib import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, Namespace, URIRef
from rdflib.namespace import DefinedNamespace

SCHEMA = Namespace("http://schema.org/")  # the http form, bound explicitly (rdflib's default is https)
ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")
SH = Namespace("http://www.w3.org/ns/shacl#")

DATA = Namespace("https://w3id.org/kg/id/")  # every node kg mints lives below this
ABUSE = Namespace("https://w3id.org/kg/abuse/")  # concepts of the abuse scheme

ONTOLOGY_GRAPH = URIRef("https://w3id.org/kg/graph/ontology")
CURATED_GRAPH = URIRef("https://w3id.org/kg/graph/curated")
CURATED_BASE = "https://w3id.org/kg/graph/curated/"  # one graph a correction below it
RESOLUTION_GRAPH = CURATED_BASE + "resolution"  # the machine's surname links
ACTORS_GRAPH = URIRef("https://w3id.org/kg/graph/actors")  # names, types and aliases of shared nodes
ARTICLE_GRAPH_BASE = "https://w3id.org/kg/graph/article/"


class KG(DefinedNamespace):
    """kg's own terms (https://w3id.org/kg/ontology#)."""

    _NS = Namespace("https://w3id.org/kg/ontology#")
    _fail = True

    # classes
    Actor: URIRef  # anything that can speak, be spoken about or be accused
    Government: URIRef  # the executive power of a state as an agent; governs a Country
    GovernmentBody: URIRef  # ministry, department, court, parliament, police, security service
    NGO: URIRef  # civil-society or human-rights organisation
    MediaOutlet: URIRef  # news agency, newspaper, broadcaster
    InternationalOrganization: URIRef  # intergovernmental body
    Group: URIRef  # unnamed collective that acts or speaks
    Statement: URIRef  # one act of saying, direct or reported
    AbuseClaim: URIRef  # assertion or denial of an abuse in a country
    Figure: URIRef  # a reported count
    Evidence: URIRef  # a span of an article's text
    Correction: URIRef  # a human correction with who, when and why
    # actor properties
    governs: URIRef  # Government -> Country
    actorType: URIRef  # the record's type, verbatim
    isoCode: URIRef  # ISO 3166-1 alpha-2 of a Country
    role: URIRef  # a title or role given in the text
    affiliation: URIRef  # the body a person speaks for
    mention: URIRef  # a place in an article where the actor is named
    # statement properties
    speaker: URIRef  # who said it
    content: URIRef  # the words said
    speechKind: URIRef  # "direct" or "indirect"
    about: URIRef  # actor the statement is about
    addressee: URIRef  # to whom it was said
    cue: URIRef  # the attribution word
    unattributed: URIRef  # true when no source is identifiable
    reportsOn: URIRef  # nested attribution chain
    # claim properties
    abuseType: URIRef  # a concept of the abuse scheme
    country: URIRef  # where the abuse happens or whose state is accused
    perpetrator: URIRef  # who commits it
    victim: URIRef  # who suffers it
    claimant: URIRef  # who claims it
    assertedIn: URIRef  # the statement (or article) making the claim
    stance: URIRef  # "asserts" or "denies"
    assertedBy: URIRef  # for a denial: who made the claim denied
    # laws and figures
    status: URIRef  # draft, enacted, repealed ...
    counts: URIRef  # what a figure counts
    asOf: URIRef  # date a figure refers to
    # evidence and provenance
    evidence: URIRef  # span(s) an item was read from
    sentence: URIRef  # sentence index of a span
    confidence: URIRef  # 0..1
    extractedBy: URIRef  # rule or model id
    textLength: URIRef  # characters of an article's text
    contentHash: URIRef  # SHA-256 of an article's text
    sourceLocation: URIRef  # file and line an article came from
    software: URIRef  # program name and version of an activity
    rejected: URIRef  # rejected by a curator
    correctedSpeaker: URIRef  # speaker set by a curator
    correctedType: URIRef  # actor class set by a curator
    action: URIRef  # what a correction does
    target: URIRef  # the node a correction applies to
    value: URIRef  # the actor or name a correction sets


PREFIXES: dict[str, Namespace | str] = {
    "kg": KG._NS,
    "kgid": DATA,
    "abuse": ABUSE,
    "schema": SCHEMA,
    "org": ORG,
    "prov": PROV,
    "oa": OA,
    "dcterms": DCTERMS,
    "skos": SKOS,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "sh": SH,
}


def bind_prefixes(graph) -> None:
    """Bind kg's prefixes on an rdflib graph or dataset (the store does not persist them)."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)


def sparql_prefixes() -> str:
    """PREFIX lines for every vocabulary kg uses, to put before a query."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
