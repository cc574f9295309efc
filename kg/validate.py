"""SHACL validation against ontology/shapes.ttl: pySHACL as the reference (``kg validate``), and the same shapes
compiled into Python checks that run on an article's triples before they are stored.

The compiled checks read shapes.ttl itself (no second copy of the rules) and understand the SHACL Core
constraints it uses plus SPARQL-based constraints (run by pyoxigraph on the article's triples). A shape using
anything else is refused when the shapes are compiled, so a new kind of constraint can never be skipped silently.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

import pyoxigraph as ox
from rdflib import RDF, SKOS, Graph, URIRef
from rdflib import Literal as RLiteral
from rdflib.collection import Collection

from kg.errors import KgError
from kg.resources import abuse_scheme, shapes_graph
from kg.terms import OxTerm, to_ox
from kg.triples import PLAIN_IRI
from kg.vocab import SH


@dataclass(frozen=True)
class Report:
    conforms: bool
    text: str
    graph: str | None = None  # which article graph, when a store was validated

    def __str__(self) -> str:
        return self.text


def validate_graph(data: Graph, name: str | None = None) -> Report:
    """Check one graph against the shapes with pySHACL; the abuse scheme is mixed in so its concepts resolve."""
    import pyshacl

    mixed = Graph()
    mixed += data
    mixed += _concept_types()
    conforms, _, text = pyshacl.validate(
        mixed, shacl_graph=shapes_graph(), inference="none",
        allow_warnings=True, advanced=True,
    )
    return Report(bool(conforms), str(text), name)


@cache
def _concept_types() -> Graph:
    """The rdf:type triples of the abuse scheme's concepts, so ``sh:class skos:Concept`` holds."""
    g = Graph()
    for concept in abuse_scheme().subjects(RDF.type, SKOS.Concept):
        g.add((concept, RDF.type, SKOS.Concept))
    return g


# -- the shapes compiled into checks -----------------------------------------------------------------

Term = OxTerm
_RDF_TYPE = str(RDF.type)
_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMERIC = {_XSD + t for t in ("integer", "decimal", "double", "float", "int", "long", "short", "byte",
                                "nonNegativeInteger", "positiveInteger", "negativeInteger", "nonPositiveInteger")}
_LEXICAL = {  # well-formed lexical forms of the datatypes a shape may ask for
    _XSD + "integer": re.compile(r"[+-]?\d+"),
    _XSD + "decimal": re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)"),
    _XSD + "boolean": re.compile(r"true|false|1|0"),
    _XSD + "date": re.compile(r"-?\d{4,}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?"),
}


@dataclass(frozen=True)
class Violation:
    """One result of a check: the focus node, the path (for property shapes), the SHACL constraint component,
    the offending value (when the constraint is about a value) and the shape's message."""

    focus: str
    path: str | None
    component: str
    value: str | None
    message: str
    source: str | None = None  # the node shape of shapes.ttl that found it

    def key(self) -> tuple[str, str | None, str]:
        return self.focus, self.path, self.component


@dataclass
class _Shape:
    name: str
    path: str | None = None
    message: str | None = None
    checks: list[tuple[str, Any]] = field(default_factory=list)  # (constraint parameter, its compiled value)
    properties: list[_Shape] = field(default_factory=list)
    flat: list[tuple] = field(default_factory=list)  # (path, parameter, check, compiled value, message) of both
    # the same grouped in runs of one path: (path, [(parameter, check, compiled value, message, vacuous)]), where a
    # vacuous check finds nothing when the path has no values (all but sh:minCount and sh:hasValue)
    runs: list[tuple[str | None, list[tuple]]] = field(default_factory=list)
    targets: list[tuple[str, Any]] = field(default_factory=list)
    # (select, prefixes, message, the query as a ``_Select`` run in Python or None when Oxigraph runs it)
    sparql: list[tuple[str, dict[str, str], str | None, _Select | None]] = field(default_factory=list)
    # the (predicate, object or None) of every triple pattern of those queries, None if one may match any triple
    patterns: set[tuple[str, str | None]] | None = field(default_factory=set)


@dataclass(frozen=True)
class _Reads:
    """What the compiled shapes read of an article's triples: the predicates their checks and targets look up, and
    those the triple patterns of their SPARQL constraints name (None: any triple may matter)."""

    checks: frozenset[str] | None
    sparql: frozenset[str] | None


class _Index:
    """An article's triples by subject and predicate (of the predicates the checks read), and the types of its
    nodes. Nodes are IRIs as plain strings, blank nodes and literals as pyoxigraph terms."""

    def __init__(self, plain: list[tuple], extra_types: dict[str, frozenset[str]], reads: _Reads | None = None,
                 distinct: bool = False):
        if not distinct:
            plain = list(dict.fromkeys(plain))  # each triple once, as in a graph (a count counts it once)
        self.extra_types = extra_types
        self.values: defaultdict[tuple, list] = defaultdict(list)  # (subject, predicate) -> objects
        self.by_class: defaultdict[Any, list] = defaultdict(list)  # class -> its instances
        values, by_class = self.values, self.by_class
        checks, sparql = (None, None) if reads is None else (reads.checks, reads.sparql)
        # predicate -> its (subject, object) pairs, of the predicates SPARQL may match (see ``pairs``): made in the
        # same pass when those are known, else when first asked
        self._pairs: dict[str, list[tuple]] | None = None if sparql is None else defaultdict(list)
        pairs = self._pairs
        for s, p, o in plain:
            if checks is None or p in checks:
                values[s, p].append(o)
                if p == _RDF_TYPE:
                    by_class[o].append(s)
            if pairs is not None and p in sparql:  # type: ignore[operator]
                pairs[p].append((s, o))
        self._all, self._sparql_reads = plain, sparql
        self._plain: list[tuple] | None = None
        self._stores: dict[frozenset | None, ox.Store] = {}
        self._indexed = checks  # the predicates ``values`` holds (None: all of them)
        self._groups: dict[tuple[str, int], dict[Any, list]] = {}  # see ``_grouped``

    def objects(self, node: Any, path: str) -> list:
        return self.values.get((node, path), [])

    def subjects_of(self, path: str) -> list:
        return [s for s, p in self.values if p == path]

    def has_type(self, node: Any, cls: str) -> bool:
        return cls in self.values.get((node, _RDF_TYPE), ()) or (isinstance(node, str) and cls in self.extra_types.get(node, ()))

    def instances(self, cls: str) -> list:
        return list(dict.fromkeys(self.by_class.get(cls, ())))

    # -- for the SPARQL constraints run in Python: lookups of one predicate's triples ----------------------------
    def forward(self, path: str) -> Callable[[Any], Iterable]:
        """subject -> its objects by ``path``."""
        if self._indexed is None or path in self._indexed:
            values = self.values
            return lambda node: values.get((node, path), ())
        grouped = self._grouped(path, 0)
        return lambda node: grouped.get(node, ())

    def backward(self, path: str) -> Callable[[Any], Iterable]:
        """object -> its subjects by ``path`` (worked out when first asked)."""
        def subjects(node: Any) -> Iterable:
            return self._grouped(path, 1).get(node, ())
        return subjects

    def _grouped(self, path: str, by: int) -> dict[Any, list]:
        """The (subject, object) pairs of ``path`` by subject (``by`` 0) or by object (1)."""
        grouped = self._groups.get((path, by))
        if grouped is None:
            grouped = self._groups[path, by] = defaultdict(list)
            for pair in self.pairs(path):
                grouped[pair[by]].append(pair[1 - by])
        return grouped

    def pairs(self, path: str) -> list[tuple]:
        """The (subject, object) pairs of ``path`` (of the predicates SPARQL may match: all grouped in one pass)."""
        if self._pairs is None:
            self._pairs = defaultdict(list)
            for s, p, o in self.plain:
                self._pairs[p].append((s, o))
        return self._pairs.get(path, [])

    @property
    def plain(self) -> list[tuple]:
        """The triples SPARQL may match (worked out when first asked)."""
        if self._plain is None:
            sparql = self._sparql_reads
            self._plain = self._all if sparql is None else [t for t in self._all if t[1] in sparql]
        return self._plain

    def store(self, patterns: set[tuple[str, str | None]] | None) -> ox.Store:
        """The triples in an in-memory store for SPARQL, only those the queries' triple patterns can match."""
        key = None if patterns is None else frozenset(patterns)
        store = self._stores.get(key)
        if store is None:
            store = self._stores[key] = ox.Store()
            lines, iris = [], set()
            for s, p, o in self.plain:
                if patterns is None or (p, None) in patterns or (isinstance(o, str) and (p, o) in patterns):
                    iris.add(p)
                    if type(s) is str:
                        iris.add(s)
                    if type(o) is str:
                        iris.add(o)
                        lines.append(f"{_nt(s)} <{p}> <{o}> .\n")
                    else:
                        lines.append(f"{_nt(s)} <{p}> {_nt(o)} .\n")
            # the parser checks every IRI, the slow part of a load: skipped when all are of the plainest form
            plain = all(map(PLAIN_IRI.fullmatch, iris))
            store.load("".join(lines).encode(), ox.RdfFormat.N_TRIPLES, lenient=plain)
        return store


def _nt(node: Any) -> str:
    return f"<{node}>" if isinstance(node, str) else str(node)  # pyoxigraph writes blank nodes and literals


def check_triples(triples: Iterable[ox.Triple]) -> list[Violation]:
    """Every violation of ontology/shapes.ttl in these triples (an article's own and shared ones together)."""
    return check_plain([(_plain(t.subject), t.predicate.value, _plain(t.object)) for t in triples])


def check_plain(plain: list[tuple], distinct: bool = False) -> list[Violation]:
    """``check_triples`` on triples whose IRIs are plain strings (as ``kg.triples.record_to_plain`` makes them);
    ``distinct``: the caller made each triple once (``record_to_plain`` does), no need to drop repeated ones."""
    shapes = compiled_shapes()
    index = _Index(plain, _concept_classes(), _reads(shapes), distinct)
    found: list[Violation] = []
    for shape in shapes:
        targets = shape.targets  # the instances of one class are each listed once already
        for focus in (index.instances(targets[0][1]) if len(targets) == 1 and targets[0][0] == "targetClass"
                      else dict.fromkeys(_focus_nodes(shape, index))):
            here = _evaluate(shape, focus, index)
            if shape.sparql:
                here += _sparql(shape, focus, index)
            for violation in here:
                found.append(dataclasses.replace(violation, source=shape.name))
    return found


def _plain(term: Term) -> Any:
    return term.value if isinstance(term, ox.NamedNode) else term


def _term(node: Any) -> Term:
    return ox.NamedNode(node) if isinstance(node, str) else node


def check_report(plain: list[tuple], name: str | None = None, limit: int = 12, distinct: bool = False) -> Report:
    """``check_plain`` as a report: conforms, and the first ``limit`` violations in words."""
    found = check_plain(plain, distinct)
    lines = []
    for v in found[:limit]:
        lines.append(f"  Focus Node: <{v.focus}>")
        if v.path:
            lines.append(f"  Result Path: <{v.path}>")
        lines.append(f"  Message: {v.message}")
    return Report(not found, "\n".join(lines), name)


def _focus_nodes(shape: _Shape, index: _Index) -> Iterator[Term]:
    for kind, value in shape.targets:
        if kind == "targetClass":
            yield from index.instances(value)
        elif kind == "targetSubjectsOf":
            yield from index.subjects_of(value)
        elif kind == "targetObjectsOf":
            for s in index.subjects_of(value):
                yield from index.objects(s, value)
        elif kind == "targetNode" and any(value == s or value in objects for (s, _), objects in index.values.items()):
            yield value


def _evaluate(shape: _Shape, focus: Term, index: _Index) -> list[Violation]:
    """The violations of a shape's own constraints and of its property shapes' at one focus node. The commonest
    checks of one value are made inline (the same test as their ``_CHECKS`` function): a value that fails one, or
    several values, go to the function, which names the offending values."""
    found = []
    lookup = index.values.get
    for path, checks in shape.runs:
        values = [focus] if path is None else lookup((focus, path), ())
        n = len(values)
        for param, check, compiled, message, vacuous in checks:
            if check is _max_count:
                if n <= compiled:
                    continue
            elif check is _min_count:
                if n >= compiled:
                    continue
            elif (not n and vacuous) or (n == 1 and check in _ONE_VALUE and
                                         _one_holds(check, values[0], compiled, focus, index)):
                continue
            for bad in check(index, focus, values, compiled):
                found.append(Violation(_str(focus), path, _component(param), None if bad is None else _str(bad),
                                       message or f"{param} {_described(compiled)} is not met"))
    return found


def _one_holds(check: Callable, v: Any, compiled: Any, focus: Term, index: _Index) -> bool:
    """True when one value meets one of the commonest checks (``_ONE_VALUE``): its ``_CHECKS`` function finds no
    offending value among ``[v]``."""
    if check is _datatype:
        if not isinstance(v, _LITERAL) or v.datatype.value != compiled:
            return False
        pattern = _LEXICAL.get(compiled)
        return pattern is None or pattern.fullmatch(v.value) is not None
    if check is _class:
        return not isinstance(v, _LITERAL) and index.has_type(v, compiled)
    if check is _in:
        return v in compiled
    op = _ONE_VALUE[check]
    if check in _PAIRWISE:
        return all(_compared(v, w, op) for w in index.values.get((focus, compiled), ()))
    return _compared(v, compiled, op)


def _sparql(shape: _Shape, focus: Term, index: _Index) -> list[Violation]:
    found = []
    for select, prefixes, message, plan in shape.sparql:
        rows = None
        if plan is not None:
            try:
                rows = _select_rows(plan, focus, index)
            except _Unsure:
                rows = None  # a term whose value kg does not work out itself: Oxigraph runs the query
        if rows is None:
            rows = _oxigraph_rows(select, prefixes, focus, index.store(shape.patterns))
        for row in rows:
            value = row.get("value")
            text = _PLACEHOLDER.sub(lambda m, row=row: _str(row.get(m.group(1)) or ""), message or "SPARQL constraint")
            found.append(Violation(_str(focus), None, "SPARQLConstraintComponent", value and _str(value), text))
    return found


_PLACEHOLDER = re.compile(r"\{[?$](\w+)\}")


def _oxigraph_rows(select: str, prefixes: dict[str, str], focus: Term, store: ox.Store) -> list[dict[str, Term]]:
    """The solutions of a query run by Oxigraph, as variable name -> term of the bound variables."""
    solutions = store.query(select, prefixes=prefixes, substitutions={ox.Variable("this"): _term(focus)})
    names = [v.value for v in solutions.variables]
    rows = []
    for row in solutions:
        rows.append({name: term for name in names if (term := _bound(row, name)) is not None})
    return rows


# -- SPARQL constraints run in Python -------------------------------------------------------------------------------
# A constraint's SELECT that is a basic graph pattern, with OPTIONAL basic graph patterns and FILTERs comparing
# whole numbers, is matched on the article's triples by ``_select_rows``: the same solutions as Oxigraph finds on
# them, without loading them into a store. Where Oxigraph would see a term otherwise than as written (it reads
# typed literals into values: "07"^^xsd:integer is 7, written back as "7"), kg reads only the forms whose value it
# knows for sure and hands the query to Oxigraph (``_Unsure``) when it meets any other.

class _Unsure(Exception):
    """A term whose SPARQL value kg does not work out itself: Oxigraph runs the query instead."""


@dataclass(frozen=True)
class _Var:
    name: str


_Pattern = tuple[Any, str, Any]  # (subject, predicate, object): a _Var, or an IRI as a plain string


@dataclass(frozen=True)
class _Select:
    """A SELECT run in Python: the variables it returns, its triple patterns in the order they are matched (those
    that $this binds first), its OPTIONAL parts, and its comparisons (operator, left, right: a _Var or an int)."""

    projected: tuple[str, ...]
    required: tuple[_Pattern, ...]
    optional: tuple[tuple[_Pattern, ...], ...]
    filters: tuple[tuple[Callable[[Any, Any], bool], Any, Any], ...]
    # the comparisons of variables the required patterns bind, made before the OPTIONAL parts are matched: the same
    # rows (an OPTIONAL part only adds variables), fewer to extend; ``filters`` holds the others
    early: tuple[tuple[Callable[[Any, Any], bool], Any, Any], ...] = ()


_INTEGER = _XSD + "integer"
_WHOLE = re.compile(r"[+-]?[0-9]+")
_LONG = 2 ** 63  # Oxigraph reads xsd:integer into 64 bits; a longer one is no number to it


def _select_rows(plan: _Select, focus: Term, index: _Index) -> list[dict[str, Term]]:
    """The solutions of ``plan`` with $this bound to ``focus``, as variable name -> term of the bound variables."""
    if not isinstance(focus, str) and not isinstance(focus, ox.BlankNode):
        raise _Unsure  # a literal focus node
    rows = _match(plan.required, [{"this": focus}], index)
    numbers: dict[int, int] = {}  # id of a literal -> its value (one literal is often in many rows)
    for stage, filters in enumerate((plan.early, plan.filters)):
        if filters:
            rows = [row for row in rows if all(_holds(op, row, left, right, numbers) for op, left, right in filters)]
        if stage == 0:
            for patterns in plan.optional:
                rows = [extended for row in rows for extended in (_match(patterns, [row], index) or [row])]
    return [{name: _as_stored(row[name]) for name in plan.projected if name in row} for row in rows]


def _match(patterns: tuple[_Pattern, ...], rows: list[dict[str, Term]], index: _Index) -> list[dict[str, Term]]:
    """``rows`` extended by every way of matching ``patterns`` on the triples (a variable bound, a constant, or not
    bound yet: each row looked up by what it binds)."""
    for s, p, o in patterns:
        matched: list[dict[str, Term]] = []
        add = matched.append
        s_name, o_name = s.name if isinstance(s, _Var) else None, o.name if isinstance(o, _Var) else None
        forward, backward = index.forward(p), index.backward(p)
        for row in rows:
            subject = s if s_name is None else row.get(s_name)
            obj = o if o_name is None else row.get(o_name)
            if subject is not None:
                if obj is None:
                    for value in forward(subject):
                        add({**row, o_name: value})  # type: ignore[dict-item]
                elif obj in forward(subject):
                    add(row)
            elif obj is not None:
                for node in backward(obj):
                    add({**row, s_name: node})  # type: ignore[dict-item]
            else:
                for node, value in index.pairs(p):
                    if s != o:
                        add({**row, s_name: node, o_name: value})  # type: ignore[dict-item]
                    elif node == value:
                        add({**row, s_name: node})  # type: ignore[dict-item]
        rows = matched
    return rows


def _holds(op: Callable[[Any, Any], bool], row: dict[str, Term], left: Any, right: Any, numbers: dict[int, int]) -> bool:
    """A FILTER comparison on a row: False when a variable is unbound (an error in SPARQL drops the row)."""
    a = row.get(left.name) if isinstance(left, _Var) else left
    b = row.get(right.name) if isinstance(right, _Var) else right
    if a is None or b is None:
        return False
    x, y = numbers.get(id(a)), numbers.get(id(b))
    if x is None:
        x = numbers[id(a)] = _whole(a)
    if y is None:
        y = numbers[id(b)] = _whole(b)
    return op(x, y)


def _whole(term: Any) -> int:
    """The value of an xsd:integer literal of 64 bits, or of an int constant of the query; ``_Unsure`` otherwise."""
    if isinstance(term, int):
        return term
    if isinstance(term, ox.Literal) and _WHOLE.fullmatch(term.value) and term.datatype.value == _INTEGER:
        number = int(term.value)
        if -_LONG <= number < _LONG:
            return number
    raise _Unsure


def _as_stored(term: Term) -> Term:
    """A term as a query on the store returns it: an xsd:integer in its canonical form, a plain or language-tagged
    string as it is; ``_Unsure`` for other literals (Oxigraph may write them otherwise)."""
    if not isinstance(term, ox.Literal) or term.language is not None:
        return term
    datatype = term.datatype.value
    if datatype == _XSD + "string":
        return term
    if datatype == _INTEGER:
        number = _whole(term)
        return term if str(number) == term.value else ox.Literal(str(number), datatype=term.datatype)
    raise _Unsure


def _bound(row: ox.QuerySolution, name: str) -> Term | None:
    try:
        return row[name]
    except (KeyError, IndexError):
        return None


def _str(term: Any) -> str:
    return term if isinstance(term, str) else term.value if isinstance(term, (ox.NamedNode, ox.BlankNode, ox.Literal)) \
        else str(term)


def _described(compiled: Any) -> str:
    """A constraint's compiled value in words: the constraints of nested shapes (sh:or, sh:node) in brackets."""
    if isinstance(compiled, _Shape):
        return "[" + " ; ".join(f"{param} {_described(value)}" for _, param, _, value, _ in compiled.flat) + "]"
    if isinstance(compiled, list):
        return " ".join(map(_described, compiled))
    return _str(compiled)


def _component(param: str) -> str:
    return param[0].upper() + param[1:] + "ConstraintComponent"


# -- constraint components: each yields the offending value nodes (None: the focus node as a whole) ----------

def _min_count(index, focus, values, n):
    return [None] if len(values) < n else []


def _max_count(index, focus, values, n):
    return [None] if len(values) > n else []


def _class(index, focus, values, cls):
    return [v for v in values if isinstance(v, ox.Literal) or not index.has_type(v, cls)]


def _datatype(index, focus, values, dt):
    return [v for v in values if not _has_datatype(v, dt)]


def _has_datatype(v: Term, dt: str) -> bool:
    if not isinstance(v, ox.Literal) or v.datatype.value != dt:
        return False
    pattern = _LEXICAL.get(dt)
    return pattern is None or bool(pattern.fullmatch(v.value))


def _min_length(index, focus, values, n):
    return [v for v in values if isinstance(v, ox.BlankNode) or len(_str(v)) < n]


def _max_length(index, focus, values, n):
    return [v for v in values if isinstance(v, ox.BlankNode) or len(_str(v)) > n]


def _in(index, focus, values, allowed):
    return [v for v in values if v not in allowed]


def _has_value(index, focus, values, term):
    return [] if term in values else [None]


def _pattern(index, focus, values, regex):
    return [v for v in values if isinstance(v, ox.BlankNode) or not regex.search(_str(v))]


# check function -> its comparison, of the checks ``_evaluate`` makes inline on one value (None: not a comparison)
_ONE_VALUE: dict[Callable, Callable[[Any, Any], bool] | None] = {}
_PAIRWISE: set[Callable] = set()


def _compare(op: Callable[[Any, Any], bool]):
    def check(index, focus, values, bound):
        return [v for v in values if not _compared(v, bound, op)]
    _ONE_VALUE[check] = op
    return check


def _pairwise(op: Callable[[Any, Any], bool]):
    def check(index, focus, values, other):
        return [v for v in values if not all(_compared(v, w, op) for w in index.objects(focus, other))]
    _ONE_VALUE[check] = op
    _PAIRWISE.add(check)
    return check


def _compared(a: Term, b: Term, op: Callable[[Any, Any], bool]) -> bool:
    """``op(a, b)`` on two literals: numbers as numbers, others of one datatype by their text; else False."""
    if not (isinstance(a, ox.Literal) and isinstance(b, ox.Literal)):
        return False
    if a.datatype.value in _NUMERIC and b.datatype.value in _NUMERIC:
        try:
            return op(_decimal(a.value), _decimal(b.value))
        except InvalidOperation:
            return False
    return a.datatype == b.datatype and op(a.value, b.value)


_DECIMALS: dict[str, Decimal] = {}  # lexical form -> its number, of the first 20,000 met (offsets, bounds recur)


def _decimal(text: str) -> Decimal:
    """``Decimal(text)`` (``InvalidOperation`` for a form that is no number), kept once made."""
    number = _DECIMALS.get(text)
    if number is None:
        number = Decimal(text)
        if len(_DECIMALS) < 20_000:
            _DECIMALS[text] = number
    return number


def _or(index, focus, values, shapes):
    return [v for v in values if all(_evaluate(s, v, index) for s in shapes)]


def _node(index, focus, values, shape):
    return [v for v in values if _evaluate(shape, v, index)]


_ONE_VALUE.update({_datatype: None, _class: None, _in: None})
_LITERAL = ox.Literal

_CHECKS: dict[str, Callable[..., list]] = {
    "minCount": _min_count, "maxCount": _max_count, "class": _class, "datatype": _datatype,
    "minLength": _min_length, "maxLength": _max_length, "in": _in, "hasValue": _has_value, "pattern": _pattern,
    "minInclusive": _compare(lambda a, b: a >= b), "maxInclusive": _compare(lambda a, b: a <= b),
    "minExclusive": _compare(lambda a, b: a > b), "maxExclusive": _compare(lambda a, b: a < b),
    "lessThan": _pairwise(lambda a, b: a < b), "lessThanOrEquals": _pairwise(lambda a, b: a <= b),
    "or": _or, "node": _node,
}


# -- compiling shapes.ttl ----------------------------------------------------------------------------

_TARGETS = ("targetClass", "targetSubjectsOf", "targetObjectsOf", "targetNode")
_IGNORED = {"message", "path", "name", "description", "order", "group", "severity", "property", "sparql",
            "deactivated", "prefixes", "declare", "flags", *_TARGETS}


@cache
def compiled_shapes() -> list[_Shape]:
    """The node shapes of ontology/shapes.ttl as checks (``KgError`` for a constraint they do not understand)."""
    g = shapes_graph()
    shapes = []
    for node in sorted(set(g.subjects(RDF.type, SH.NodeShape)), key=str):
        if g.value(node, SH.deactivated) == RLiteral(True):
            continue
        shape = _compile(g, node)
        for kind in _TARGETS:
            for value in g.objects(node, SH[kind]):
                shape.targets.append((kind, _plain(to_ox(value)) if kind == "targetNode" else str(value)))
        shapes.append(shape)
    return shapes


def _compile(g: Graph, node, path: str | None = None) -> _Shape:
    message = g.value(node, SH.message)
    shape = _Shape(str(node), path, str(message) if message is not None else None)
    for p, o in sorted(g.predicate_objects(node), key=lambda po: (str(po[0]), str(po[1]))):
        if not str(p).startswith(str(SH)):
            continue
        param = str(p)[len(str(SH)):]
        if param in _CHECKS:
            shape.checks.append((param, _parameter(g, node, param, o)))
        elif param not in _IGNORED:
            raise KgError(f"shapes.ttl: {node} uses sh:{param}, which kg's compiled checks do not implement")
    if g.value(node, SH.severity) not in (None, SH.Violation):
        shape.checks = []  # warnings and infos do not refuse a record
    for prop in g.objects(node, SH.property):
        prop_path = g.value(prop, SH.path)
        if not isinstance(prop_path, URIRef) or path is not None:
            raise KgError(f"shapes.ttl: {prop} has a property path kg's compiled checks do not implement")
        shape.properties.append(_compile(g, prop, str(prop_path)))
    shape.flat = [(s.path, param, _CHECKS[param], compiled, s.message) for s in (shape, *shape.properties)
                  for param, compiled in s.checks]
    for path, param, check, compiled, text in shape.flat:
        if not shape.runs or shape.runs[-1][0] != path:
            shape.runs.append((path, []))
        shape.runs[-1][1].append((param, check, compiled, text, param not in ("minCount", "hasValue")))
    for constraint in g.objects(node, SH.sparql):
        select = g.value(constraint, SH.select)
        if select is None:
            raise KgError(f"shapes.ttl: {constraint} is a SPARQL constraint without sh:select")
        prefixes = {str(g.value(d, SH.prefix)): str(g.value(d, SH.namespace))
                    for source in g.objects(constraint, SH.prefixes) for d in g.objects(source, SH.declare)}
        text = g.value(constraint, SH.message)
        shape.sparql.append((str(select), prefixes, str(text) if text is not None else shape.message,
                             _python_select(str(select), prefixes)))
        found = _triple_patterns(str(select), prefixes)
        shape.patterns = None if found is None or shape.patterns is None else shape.patterns | found
    return shape


_READS: dict[int, tuple[list[_Shape], _Reads]] = {}  # id of the compiled shapes -> (them, what they read)


def _reads(shapes: list[_Shape]) -> _Reads:
    """What ``shapes`` read of an article's triples (worked out once for a list of compiled shapes)."""
    known = _READS.get(id(shapes))
    if known is None or known[0] is not shapes:
        checks: set[str] | None = {_RDF_TYPE}
        sparql: set[str] | None = set()
        for shape in shapes:
            for kind, value in shape.targets:
                if checks is not None:
                    checks = None if kind == "targetNode" else checks | {value}  # a class's instances: rdf:type
            if checks is not None:
                checks = _paths_read(shape, checks)
            if shape.sparql:
                sparql = None if shape.patterns is None or sparql is None else sparql | {p for p, _ in shape.patterns}
        known = _READS[id(shapes)] = (shapes, _Reads(None if checks is None else frozenset(checks),
                                                     None if sparql is None else frozenset(sparql)))
    return known[1]


def _paths_read(shape: _Shape, read: set[str]) -> set[str] | None:
    """``read`` with the predicates the checks of ``shape`` look up (None: a check that may read any triple)."""
    for path, param, _, compiled, _ in shape.flat:
        read = read | ({path} if path else set())
        if param in ("lessThan", "lessThanOrEquals"):
            read = read | {compiled}
        for sub in compiled if param == "or" else [compiled] if param == "node" else []:
            found = _paths_read(sub, read)
            if found is None:
                return None
            read = found
        if param not in _CHECKS:
            return None
    return read


def _triple_patterns(select: str, prefixes: dict[str, str]) -> set[tuple[str, str | None]] | None:
    """(predicate, constant object or None) of each triple pattern of a query; None when a pattern's predicate is
    a variable or a path (then any triple may matter)."""
    from rdflib.plugins.sparql import prepareQuery

    found: set[tuple[str, str | None]] = set()

    def walk(node) -> bool:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "triples":
                    for _, p, o in value:
                        if not isinstance(p, URIRef):
                            return False
                        found.add((str(p), str(o) if isinstance(o, URIRef) else None))
                elif not walk(value):
                    return False
        elif isinstance(node, (list, tuple)):
            return all(walk(v) for v in node)
        return True

    return found if walk(prepareQuery(select, initNs=prefixes).algebra) else None


_COMPARISONS: dict[str, Callable[[Any, Any], bool]] = {
    "<": lambda a, b: a < b, ">": lambda a, b: a > b, "<=": lambda a, b: a <= b, ">=": lambda a, b: a >= b}


def _python_select(select: str, prefixes: dict[str, str]) -> _Select | None:
    """``select`` as a query ``_select_rows`` runs: a projection of a basic graph pattern with OPTIONAL basic graph
    patterns and FILTERs comparing variables and whole numbers; None for any other (Oxigraph runs it)."""
    from rdflib.plugins.sparql import prepareQuery

    query = prepareQuery(select, initNs=prefixes).algebra
    if query.name != "SelectQuery" or query.p.name != "Project":
        return None
    node, filters, optional = query.p.p, [], []
    while node.name == "Filter":
        comparison = _comparison(node.expr)
        if comparison is None:
            return None
        filters.append(comparison)
        node = node.p
    while node.name == "LeftJoin":
        if node.expr.name != "TrueFilter" or node.p2.name != "BGP":
            return None
        optional.insert(0, node.p2.triples)
        node = node.p1
    if node.name != "BGP":
        return None
    groups = [_patterns(triples) for triples in (node.triples, *optional)]
    if any(group is None for group in groups) or not _no_literal_joins([t for g in groups for t in g or ()]):
        return None
    bound = {"this"}
    ordered = [_ordered(groups[0], bound), *(_ordered(group, set(bound)) for group in groups[1:])]
    early = [f for f in filters if all(not isinstance(side, _Var) or side.name in bound for side in f[1:])]
    return _Select(tuple(str(v) for v in query.p.PV), ordered[0], tuple(ordered[1:]),
                   tuple(f for f in filters if f not in early), tuple(early))


def _comparison(expr) -> tuple[Callable[[Any, Any], bool], Any, Any] | None:
    """(operator, left, right) of a FILTER comparing variables and whole numbers; None for another expression."""
    from rdflib.term import Literal as _Literal
    from rdflib.term import Variable

    if getattr(expr, "name", None) != "RelationalExpression" or expr.op not in _COMPARISONS:
        return None
    sides = []
    for side in (expr.expr, expr.other):
        if isinstance(side, Variable):
            sides.append(_Var(str(side)))
        elif isinstance(side, _Literal) and str(side.datatype) == _INTEGER and isinstance(side.toPython(), int):
            sides.append(side.toPython())
        else:
            return None
    return _COMPARISONS[expr.op], sides[0], sides[1]


def _patterns(triples) -> tuple[_Pattern, ...] | None:
    """Triple patterns of variables and IRIs (a literal or a blank node in one: None, Oxigraph runs the query)."""
    from rdflib.term import Variable

    out = []
    for triple in triples:
        terms = [_Var(str(t)) if isinstance(t, Variable) else str(t) if isinstance(t, URIRef) else None for t in triple]
        if None in terms or not isinstance(terms[1], str):
            return None
        out.append((terms[0], terms[1], terms[2]))
    return tuple(out)


def _no_literal_joins(patterns: list[_Pattern]) -> bool:
    """True unless a variable that may hold a literal (one never in a subject's place) is in the object's place of two
    patterns: matching it would compare literals as terms, where Oxigraph compares values ("07" and "7")."""
    subjects = {s for s, _, _ in patterns}
    objects = [o for _, _, o in patterns if isinstance(o, _Var) and o not in subjects]
    return len(objects) == len(set(objects))


def _ordered(patterns: tuple[_Pattern, ...], bound: set[str]) -> tuple[_Pattern, ...]:
    """``patterns`` in a good order to match them: next the one whose subject is known, else whose object is (a bound
    variable before a constant), given the variables bound before (``bound`` grows with those the patterns bind)."""
    rest, out = list(patterns), []

    def score(t: _Pattern) -> tuple[int, int]:  # (lookup by subject 2 / by object 1 / neither 0, variables bound)
        known = [not isinstance(term, _Var) or term.name in bound for term in (t[0], t[2])]
        return 2 * known[0] + known[1], sum(isinstance(term, _Var) and term.name in bound for term in (t[0], t[2]))

    while rest:
        best = max(rest, key=score)
        rest.remove(best)
        out.append(best)
        bound.update(t.name for t in (best[0], best[2]) if isinstance(t, _Var))
    return tuple(out)


def _parameter(g: Graph, node, param: str, value) -> Any:
    if param in ("minCount", "maxCount", "minLength", "maxLength"):
        return int(value)
    if param in ("class", "datatype", "lessThan", "lessThanOrEquals"):
        return str(value)
    if param == "in":
        return frozenset(_plain(to_ox(v)) for v in Collection(g, value))
    if param == "or":
        return [_compile(g, member, _path_of(g, member)) for member in Collection(g, value)]
    if param == "node":
        return _compile(g, value, _path_of(g, value))
    if param == "pattern":
        flags = g.value(node, SH.flags)
        return re.compile(str(value), re.IGNORECASE if flags is not None and "i" in str(flags) else 0)
    return _plain(to_ox(value))


def _path_of(g: Graph, node) -> str | None:
    path = g.value(node, SH.path)
    return None if path is None else str(path)


@cache
def _concept_classes() -> dict[str, frozenset[str]]:
    """IRI -> classes, for the abuse scheme's concepts (mixed into every check, as for pySHACL)."""
    return {str(s): frozenset({str(SKOS.Concept)}) for s, _, _ in _concept_types()}
