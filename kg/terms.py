"""RDF terms converted in one place: pyoxigraph terms, rdflib terms and plain Python values, one way each.

- ``to_ox`` / ``to_rdflib``: an rdflib term as a pyoxigraph term and back (``ox_triples`` for a whole rdflib graph)
- ``literal``: a value of an article record as the literal rdflib would write for it (records -> triples)
- ``to_term``: a query parameter as a term (``"<iri>"`` in angle brackets is an IRI, numbers are typed)
- ``to_python``: a term of a query's answer as a plain value (IRIs and strings as str, numbers as numbers)
- ``to_quad``: a triple, of pyoxigraph or rdflib terms, placed in a named graph
- ``json_term``: a term as the W3C SPARQL 1.1 Query Results JSON format writes it
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import pyoxigraph as ox
from rdflib import XSD, BNode, URIRef
from rdflib import Literal as RdflibLiteral

OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal
RdflibTerm = URIRef | BNode | RdflibLiteral

_STRING = str(XSD.string)
_BOOLEAN, _INTEGER, _DECIMAL, _DOUBLE = (ox.NamedNode(str(t)) for t in (XSD.boolean, XSD.integer, XSD.decimal,
                                                                        XSD.double))
_DATATYPES: dict[str, ox.NamedNode] = {}  # datatype IRI -> its term, made once (a record names a few, many times)


def to_ox(term: RdflibTerm) -> OxTerm:
    """An rdflib term as a pyoxigraph term.

    >>> to_ox(RdflibLiteral("3", datatype=XSD.integer))
    <Literal value=3 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#integer>>
    """
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, RdflibLiteral):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def to_rdflib(term: OxTerm) -> RdflibTerm:
    """A pyoxigraph term as an rdflib term (a plain string literal without a datatype, as rdflib makes it).

    >>> to_rdflib(ox.Literal("x")) == RdflibLiteral("x")
    True
    """
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return RdflibLiteral(term.value, lang=term.language)
    datatype = term.datatype.value
    return RdflibLiteral(term.value, datatype=None if datatype == _STRING else URIRef(datatype))


def ox_triples(triples: Iterable[tuple[RdflibTerm, RdflibTerm, RdflibTerm]]) -> list[ox.Triple]:
    """rdflib triples (an rdflib graph) as pyoxigraph triples."""
    return [ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in triples]


def rdflib_triple(triple: ox.Triple | ox.Quad) -> tuple[RdflibTerm, RdflibTerm, RdflibTerm]:
    """A pyoxigraph triple (or a quad's triple) as an rdflib triple."""
    return to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object)


def literal(value: object, datatype: str | None = None) -> ox.Literal:
    """A literal as rdflib writes it (the same lexical forms and datatypes), made as a pyoxigraph term: ints are
    xsd:integer, bools xsd:boolean, Decimals xsd:decimal in plain notation, strings xsd:string unless typed.

    >>> literal(Decimal("0.50")).value, literal(True).value
    ('0.50', 'true')
    """
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=_BOOLEAN)
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=_INTEGER)
    if isinstance(value, Decimal):
        return ox.Literal(format(value, "f"), datatype=_DECIMAL)
    if datatype is None:
        return ox.Literal(str(value))
    iri = str(datatype)
    node = _DATATYPES.get(iri)
    if node is None:
        node = _DATATYPES[iri] = ox.NamedNode(iri)
    return ox.Literal(str(value), datatype=node)


def to_term(value: Any) -> OxTerm:
    """A query parameter as an RDF term: <iri> for IRIs in angle brackets, numbers typed, else a string.

    >>> to_term("<https://example.org/a>"), to_term(2.5).value
    (<NamedNode value=https://example.org/a>, '2.5')
    """
    if isinstance(value, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return value
    if isinstance(value, URIRef):
        return ox.NamedNode(str(value))
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=_BOOLEAN)
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=_INTEGER)
    if isinstance(value, float):
        return ox.Literal(repr(value), datatype=_DOUBLE)
    text = str(value)
    if text.startswith("<") and text.endswith(">") and " " not in text:
        try:
            return ox.NamedNode(text[1:-1])
        except ValueError:
            pass
    return ox.Literal(text)


def to_python(term: OxTerm | None) -> Any:
    """A pyoxigraph term as a plain value: IRIs and strings as str, numbers as numbers, None for unbound.

    >>> to_python(ox.Literal("3", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")))
    3
    """
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value.rsplit("#", 1)[-1]
        try:
            if dt in ("integer", "int", "long", "nonNegativeInteger"):
                return int(term.value)
            if dt in ("decimal", "double", "float"):
                return float(term.value)
            if dt == "boolean":
                return term.value == "true"
        except ValueError:
            pass
        return term.value
    return term.value


def to_quad(triple: ox.Triple | ox.Quad | tuple, graph: ox.NamedNode) -> ox.Quad:
    """A triple of pyoxigraph terms, or of rdflib terms, in ``graph``."""
    if isinstance(triple, (ox.Triple, ox.Quad)):
        return ox.Quad(triple.subject, triple.predicate, triple.object, graph)
    s, p, o = triple
    return ox.Quad(to_ox(s), to_ox(p), to_ox(o), graph)


def json_term(term: OxTerm) -> dict[str, str]:
    """A term as SPARQL 1.1 results JSON writes it (a literal's datatype left out for xsd:string).

    >>> json_term(ox.Literal("x", language="en"))
    {'type': 'literal', 'value': 'x', 'xml:lang': 'en'}
    """
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != _STRING:
        out["datatype"] = term.datatype.value
    return out
