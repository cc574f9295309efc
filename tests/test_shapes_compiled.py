"""The shapes of ontology/shapes.ttl compiled into checks: they find what pySHACL finds, on a violating corpus with
one violation of each shape, and a record whose triples break a shape is refused with its file and line."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest
from helpers import DATA, write_jsonl
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import SH

from kg import prepared, validate
from kg.errors import KgError
from kg.records import ArticleRecord
from kg.resources import shapes_graph
from kg.store import Store
from kg.terms import ox_triples, to_rdflib
from kg.triples import PLAIN_IRI, article_graph, record_to_plain, split_ntriples
from kg.validate import check_plain, check_triples, compiled_shapes

KG = "https://w3id.org/kg/ontology#"
OA = "http://www.w3.org/ns/oa#"
PROV = "http://www.w3.org/ns/prov#"
SCHEMA = "http://schema.org/"
SHAPES = "https://w3id.org/kg/shapes#"


def pyshacl_keys(g: Graph) -> set[tuple]:
    """(focus node, path, constraint component) of each result pySHACL reports: the reference."""
    import pyshacl

    mixed = Graph()
    mixed += g
    mixed += validate._concept_types()
    _, results, _ = pyshacl.validate(mixed, shacl_graph=shapes_graph(), inference="none", allow_warnings=True,
                                     advanced=True)
    keys = set()
    for r in results.subjects(RDF.type, SH.ValidationResult):
        path = results.value(r, SH.resultPath)
        keys.add((str(results.value(r, SH.focusNode)), None if path is None else str(path),
                  str(results.value(r, SH.sourceConstraintComponent)).rsplit("#", 1)[1]))
    return keys


def test_every_node_shape_is_compiled():
    declared = {str(s) for s in shapes_graph().subjects(RDF.type, SH.NodeShape)}
    assert {s.name for s in compiled_shapes()} == declared
    assert len(declared) == 10


def test_a_constraint_the_compiler_does_not_know_is_refused(monkeypatch):
    g = Graph()
    g += shapes_graph()
    g.add((URIRef(SHAPES + "ActorShape"), SH.closed, URIRef("http://www.w3.org/2001/XMLSchema#true")))
    monkeypatch.setattr(validate, "shapes_graph", lambda: g)
    compiled_shapes.cache_clear()
    try:
        with pytest.raises(KgError, match="sh:closed"):
            compiled_shapes()
    finally:
        compiled_shapes.cache_clear()


@pytest.mark.parametrize("path", sorted((DATA / "shapes").glob("*/*.ttl")), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_compiled_checks_find_what_pyshacl_finds_on_the_example_graphs(path: Path):
    g = Graph().parse(path)
    found = {v.key() for v in check_triples(ox_triples(g))}
    assert found == pyshacl_keys(g)
    assert bool(found) == (path.parent.name == "violating")


# -- one violating record per shape ---------------------------------------------------------------------

def good_record(aid: str = "r1") -> dict:
    return {"article": {"id": aid, "title": "A title", "length": 400},
            "actors": [{"name": "Jane Roe", "type": "Person", "spans": [{"start": 0, "end": 8, "sentence": 0}]},
                       {"name": "Azerbaijan", "type": "Country"}],
            "statements": [{"speaker": "Jane Roe", "text": "Prisoners were beaten", "kind": "direct",
                            "about": ["Azerbaijan"], "spans": [{"start": 20, "end": 41, "sentence": 1}],
                            "rule": "test.rule", "confidence": 0.8}],
            "claims": [{"abuse": "torture", "country": "Azerbaijan", "claimant": "Jane Roe", "statement": 0,
                        "spans": [{"start": 30, "end": 41, "sentence": 1}]}],
            "laws": [{"name": "law on grants", "jurisdiction": "Azerbaijan", "spans": [{"start": 50, "end": 63}]}],
            "figures": [{"value": 12, "what": "prisoners", "country": "Azerbaijan", "spans": [{"start": 70, "end": 72}]}]}


Plain = list[tuple]


def drop(predicate: str, subject_part: str = "") -> Callable[[Plain], Plain]:
    return lambda plain: [t for t in plain if not (t[1] == predicate and subject_part in t[0])]


def replace(predicate: str, literal: ox.Literal) -> Callable[[Plain], Plain]:
    return lambda plain: [(s, p, literal if p == predicate else o) for s, p, o in plain]


INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
DECIMAL = ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")
# shape -> what breaks it in a record's triples, and the words of the refusal
BREAKS = {
    "StatementShape": (drop(KG + "speaker"), "a statement needs a speaker"),
    "AbuseClaimShape": (drop(KG + "country", "/claim/"), "names the country"),
    "FigureShape": (replace(SCHEMA + "value", ox.Literal("a dozen")), "breaks the shapes"),
    "LawShape": (drop(SCHEMA + "name", "/law/"), "breaks the shapes"),
    "DerivedShape": (drop(PROV + "wasDerivedFrom"), "every derived item points to the article"),
    "ActorShape": (drop(SCHEMA + "name", "/person/"), "an actor has a name"),
    "ConfidenceShape": (replace(KG + "confidence", ox.Literal("1.5", datatype=DECIMAL)), "confidence is one decimal"),
    "EvidenceShape": (drop(OA + "hasSelector"), "breaks the shapes"),
    "PositionShape": (replace(OA + "start", ox.Literal("399", datatype=INTEGER)), "a span starts at 0 or later"),
    "ArticleSpansShape": (replace(KG + "textLength", ox.Literal("10", datatype=INTEGER)), "fall outside the article"),
}


def test_the_good_record_conforms():
    plain = record_to_plain(ArticleRecord.from_dict(good_record()))
    assert check_plain(plain) == []
    assert pyshacl_keys(_graph(plain)) == set()


@pytest.mark.parametrize("shape", sorted(BREAKS))
def test_each_shape_refuses_its_violating_record_as_pyshacl_does(shape, monkeypatch, tmp_path):
    breaking, words = BREAKS[shape]
    plain = breaking(record_to_plain(ArticleRecord.from_dict(good_record())))
    found = check_plain(plain)
    assert SHAPES + shape in {v.source for v in found}
    assert {v.key() for v in found} == pyshacl_keys(_graph(plain))

    monkeypatch.setattr(prepared, "record_to_plain", lambda record: breaking(record_to_plain(record)))
    path = write_jsonl(tmp_path / "records.jsonl", [good_record("r1")])
    with Store(tmp_path / "store") as st:
        report = st.load_file(path)
        assert report.loaded == []
        assert report.errors[0].startswith(f"{path}:1: ") and words in report.errors[0], report.errors
        assert not st.oxigraph.contains_named_graph(ox.NamedNode(str(article_graph("r1"))))
        assert st.load_file(path, validate=False).loaded == ["r1"]  # the checks, not the mapping, refused it


@pytest.mark.parametrize("field,value,words", [
    ("statements.0.kind", "rumour", "statement kind"),
    ("statements.0.confidence", 1.5, "outside [0, 1]"),
    ("claims.0.abuse", "jaywalking", "not a code of the abuse scheme"),
    ("figures.0.value", "a dozen", "must be a number"),
    ("laws.0.name", "", "is empty"),
    ("actors.0.name", "", "is empty"),
    ("statements.0.spans.0.start", 50, "not a valid range"),
    ("statements.0.spans.0.end", 900, "beyond the article"),
])
def test_records_the_mapping_cannot_express_are_refused_with_file_and_line(field, value, words, tmp_path):
    bad = good_record("bad")
    *parents, last = field.split(".")
    node = bad
    for key in parents:
        node = node[int(key)] if key.isdigit() else node[key]
    node[int(last) if last.isdigit() else last] = value
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in (good_record("good"), bad)) + "\n", "utf-8")
    with Store(tmp_path / "store") as st:
        report = st.load_file(path)
    assert report.loaded == ["good"]
    assert report.errors[0].startswith(f"{path}:2") and words in report.errors[0], report.errors


def _graph(plain: Plain) -> Graph:
    g = Graph()
    for s, p, o in plain:
        g.add((URIRef(s), URIRef(p), to_rdflib(o) if isinstance(o, ox.Literal) else URIRef(o)))
    return g


def test_an_iri_the_parser_refuses_is_refused_before_it_is_stored():
    """The checks match the triples in Python, without parsing IRIs; writing them as N-Triples checks every IRI that
    is not of the plainest form (the store's bulk writer loads them without checking them again)."""
    plain = record_to_plain(ArticleRecord.from_dict(good_record()))
    source = next(t for t in plain if t[1] == OA + "hasSource")
    bad = [*plain, ("https://w3id.org/kg/id/x#a#b", OA + "hasSource", source[2])]
    assert check_plain(bad) == []
    with pytest.raises(ValueError):
        split_ntriples(bad)


@given(st.text(alphabet="abcXYZ019-._~!$&'()*+,;=:@/?#%[] é<", max_size=30))
@settings(max_examples=400, deadline=None)
def test_an_iri_written_unchecked_is_one_the_parser_takes(tail):
    iri = "https://w3id.org/kg/id/" + tail
    if PLAIN_IRI.fullmatch(iri):
        ox.NamedNode(iri)  # raises for one the parser refuses


# -- the SPARQL constraint run in Python finds what Oxigraph finds ----------------------------------------------------

INTEGER_FORMS = ["0", "7", "07", "+7", "-3", "399", "400", "401", " 7", "7.0", "abc", "9" * 19, "9" * 25]


def _sparql_both(plain: Plain) -> tuple[list, list]:
    """(the rows of the spans query run in Python, those Oxigraph finds) at each article of ``plain``."""
    shape = next(s for s in compiled_shapes() if s.sparql)
    select, prefixes, _, plan = shape.sparql[0]
    assert plan is not None
    index = validate._Index(plain, validate._concept_classes(), validate._reads(compiled_shapes()))
    python, oxigraph = [], []
    for focus in index.instances(SCHEMA + "NewsArticle"):
        try:
            python.append(sorted(map(_row_key, validate._select_rows(plan, focus, index))))
        except validate._Unsure:
            python.append(None)
        rows = validate._oxigraph_rows(select, prefixes, focus, index.store(shape.patterns))
        oxigraph.append(sorted(map(_row_key, rows)))
    return python, oxigraph


def _row_key(row: dict) -> tuple:
    return tuple(sorted((name, validate._nt(term)) for name, term in row.items()))


@given(length=st.sampled_from(INTEGER_FORMS), start=st.sampled_from([*INTEGER_FORMS, None]),
       end=st.sampled_from(INTEGER_FORMS), twice=st.booleans(), integer=st.booleans())
@settings(max_examples=300, deadline=None)
def test_the_spans_query_in_python_finds_what_oxigraph_finds(length, start, end, twice, integer):
    """Whatever the literals (not canonical, not numbers, beyond 64 bits, missing), each solution the same, or the
    query handed to Oxigraph."""
    datatype = INTEGER if integer else DECIMAL
    plain = record_to_plain(ArticleRecord.from_dict(good_record()))
    plain = [(s, p, ox.Literal(length, datatype=INTEGER) if p == KG + "textLength" else o) for s, p, o in plain]
    selector = next(s for s, p, _ in plain if p == OA + "end")
    plain = [t for t in plain if not (t[0] == selector and t[1] in (OA + "start", OA + "end"))]
    plain.append((selector, OA + "end", ox.Literal(end, datatype=datatype)))
    if start is not None:
        plain.append((selector, OA + "start", ox.Literal(start, datatype=INTEGER)))
    if twice:
        plain = plain + plain[-3:]  # the same triples twice: a store holds them once
    python, oxigraph = _sparql_both(plain)
    assert all(p is None or p == o for p, o in zip(python, oxigraph, strict=True)), (python, oxigraph)
    whole = [x for x in (length, start, end) if x is not None]
    if integer and all(validate._WHOLE.fullmatch(x) and len(x) < 19 for x in whole):
        assert None not in python  # whole numbers of 64 bits: answered in Python


def test_the_spans_query_in_python_on_the_bundled_records():
    from kg.extract import extract
    from kg.loaders import load_path

    articles = [a for a in load_path([Path(__file__).resolve().parent.parent / "data" / "sample"]) if hasattr(a, "text")]
    for article in articles[:10]:
        python, oxigraph = _sparql_both(record_to_plain(extract(article)))
        assert python == oxigraph


@pytest.mark.parametrize("where,python", [
    ("$this kg:textLength ?n . ?e oa:hasSource $this", True),
    ("$this kg:textLength ?n OPTIONAL { ?e oa:hasSource $this } FILTER (?n < 5)", True),
    ("$this kg:textLength ?n FILTER (?n > 5 && ?n < 9)", False),  # only plain comparisons
    ("$this kg:textLength 5", False),  # a literal in a pattern: Oxigraph compares values
    ("$this kg:textLength ?n . ?e kg:textLength ?n", False),  # two literals joined
    ("$this ?p ?n", False),  # a variable predicate
    ("{ $this kg:textLength ?n } UNION { $this oa:start ?n }", False),
    ("$this kg:textLength ?n OPTIONAL { ?e oa:hasSource $this FILTER (?n < 5) }", False),
])
def test_which_queries_run_in_python(where, python):
    prefixes = {"kg": KG, "oa": OA}
    assert (validate._python_select(f"SELECT $this ?n WHERE {{ {where} }}", prefixes) is not None) == python
    assert validate._python_select(f"SELECT DISTINCT $this WHERE {{ {where} }}", prefixes) is None


_XSD = "http://www.w3.org/2001/XMLSchema#"
_VALUES = [*(ox.Literal(text, datatype=ox.NamedNode(_XSD + kind)) for text, kind in (
    ("3", "integer"), ("-1", "integer"), ("07", "integer"), ("x3", "integer"), ("0.5", "decimal"), ("1.50", "decimal"),
    ("2", "double"))), ox.Literal("asserted"), ox.Literal("3"), ox.Literal("3", language="en"), ox.BlankNode("b"),
    "https://example.org/x", "https://example.org/n"]


@pytest.mark.parametrize("value", _VALUES, ids=repr)
def test_the_checks_made_inline_on_one_value_find_what_their_functions_find(value):
    """``_evaluate`` tests one value against the commonest constraints inline: it passes exactly when the constraint's
    function finds no offending value, for every such constraint of shapes.ttl."""
    n, end = "https://example.org/n", ox.Literal("3", datatype=ox.NamedNode(_XSD + "integer"))
    index = validate._Index([(n, f"{OA}end", end), ("https://example.org/x", str(RDF.type), f"{KG}Actor"),
                             (n, str(RDF.type), f"{SCHEMA}NewsArticle")], {})
    seen = set()
    for shape in compiled_shapes():
        for _, param, check, compiled, _ in shape.flat:
            if check in validate._ONE_VALUE:
                seen.add(param)
                assert validate._one_holds(check, value, compiled, n, index) == (not check(index, n, [value], compiled))
    assert {"datatype", "class", "in", "minInclusive", "maxInclusive", "lessThanOrEquals"} <= seen


def test_numbers_kept_once_read_are_the_numbers_read_anew():
    from decimal import Decimal, InvalidOperation

    for text in ("0", "07", "-3", "1.50", "1e3", "NaN", "0", "07", "1.50"):
        assert str(validate._decimal(text)) == str(Decimal(text))
    for text in ("x3", "x3", ""):
        with pytest.raises(InvalidOperation):
            validate._decimal(text)
