"""Article record -> RDF triples (pyoxigraph terms): the only place that mints IRIs.

IRIs are deterministic: the same record gives the same triples. Actors are keyed by (kind,
normalised name) so the same actor in two articles is one node; countries by ISO 3166 code, and a
country's government is a separate node that ``kg:governs`` it. Statements, claims, figures and
laws carry their evidence spans (Web Annotation selectors on the article), confidence, rule and
``prov:wasDerivedFrom`` the article.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from functools import cache
from typing import Any
from urllib.parse import quote

import pyoxigraph as ox
from rdflib import RDF as _RDF
from rdflib import SKOS as _SKOS
from rdflib import XSD as _XSD
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS as _DCTERMS
from rdflib.namespace import PROV as _PROV

from kg import __version__, gazetteer, vocab
from kg.errors import RecordError
from kg.extract.lexicon import known_actors
from kg.identity import org_country, org_node_key, slug
from kg.records import Actor, ArticleRecord, Provenance, Span, iso_date
from kg.resources import abuse_scheme
from kg.terms import literal, rdflib_triple
from kg.vocab import ABUSE, ARTICLE_GRAPH_BASE, DATA, bind_prefixes


class _Terms:
    """A namespace whose terms are plain strings, attributes once looked up (rdflib looks each one up anew, slowly):
    the triples are built of plain strings, which need no conversion on the way to the store and the checks."""

    def __init__(self, namespace: Any):
        self._namespace = namespace

    def __getattr__(self, name: str) -> str:
        term = str(getattr(self._namespace, name))  # a closed namespace refuses names it does not define
        setattr(self, name, term)
        ox.NamedNode(term)  # an IRI (ValueError if not): written as it is by ``_ntriples``
        _VOCABULARY[term] = f"<{term}>"
        return term


_VOCABULARY: dict[str, str] = {}  # the terms of the namespaces used so far, and the activity: IRI -> N-Triples form


RDF, SKOS, XSD, DCTERMS, PROV = (_Terms(ns) for ns in (_RDF, _SKOS, _XSD, _DCTERMS, _PROV))
KG, OA, SCHEMA, ORG = _Terms(vocab.KG), _Terms(vocab.OA), _Terms(vocab.SCHEMA), _Terms(vocab.ORG)

# record type -> (IRI kind, RDF classes besides kg:Actor)
ACTOR_CLASSES: dict[str, tuple[str, tuple[str, ...]]] = {
    "person": ("person", (SCHEMA.Person,)),
    "country": ("country", (SCHEMA.Country,)),
    "government": ("government", (KG.Government,)),
    "governmentbody": ("org", (KG.GovernmentBody,)),
    "ngo": ("org", (KG.NGO,)),
    "mediaoutlet": ("org", (KG.MediaOutlet,)),
    "internationalorganization": ("org", (KG.InternationalOrganization,)),
    "organization": ("org", (SCHEMA.Organization,)),
    "group": ("group", (KG.Group,)),
    "place": ("place", (SCHEMA.Place,)),
    "report": ("work", (SCHEMA.Report,)),
    "document": ("work", (SCHEMA.CreativeWork,)),
}
LEGAL_FORCE = {"draft": SCHEMA.NotInForce, "proposed": SCHEMA.NotInForce, "enacted": SCHEMA.InForce,
               "in force": SCHEMA.InForce, "repealed": SCHEMA.NotInForce}
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


_ID, _ABUSE = str(DATA), str(ABUSE)  # the builder's IRIs are plain strings below these


def article_iri(article_id: str) -> URIRef:
    return URIRef(_article_iri(article_id))


def _article_iri(article_id: str) -> str:
    return f"{_ID}article/{quote(article_id, safe='')}"


def article_graph(article_id: str) -> URIRef:
    """The named graph that holds everything read from one article."""
    return URIRef(ARTICLE_GRAPH_BASE + quote(article_id, safe=""))


def country_iri(iso2: str) -> URIRef:
    return URIRef(_country_iri(iso2))


def _country_iri(iso2: str) -> str:
    return f"{_ID}country/{iso2}"


def government_iri(iso2: str) -> URIRef:
    return URIRef(_government_iri(iso2))


def _government_iri(iso2: str) -> str:
    return f"{_ID}government/{iso2}"


def abuse_iri(code: str) -> URIRef:
    return URIRef(_ABUSE + code)


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def actor_key(actor: Actor) -> tuple[str, str]:
    """(kind, key) identifying an actor across articles."""
    kind = actor.type.replace(" ", "").lower()
    if actor.stands_for or kind == "government":
        iso = actor.country or gazetteer.lookup(actor.stands_for or actor.name, ("name", "demonym", "seat"))
        if iso:
            return "government", iso
    if kind == "country":
        iso = actor.country or gazetteer.lookup(actor.name) or next(
            (c for c in map(gazetteer.lookup, actor.aliases) if c), None)
        if iso:
            return "country", iso
        return "place", slug(actor.name)
    family = ACTOR_CLASSES.get(kind, ("actor", ()))[0]
    if family == "org":
        return family, org_node_key(actor.name)
    return family, slug(actor.name)


@cache
def _known_bodies() -> dict[str, Actor]:
    """Bodies kg knows by name (the extractor's list of known actors), by every folded name and alias."""
    bodies = {}
    for known in known_actors():
        if known.type.replace(" ", "").lower() in ("governmentbody", "internationalorganization", "ngo"):
            body = Actor(name=known.name, type=known.type)
            for form in (known.name, *known.aliases):
                bodies.setdefault(gazetteer.fold(form), body)
    return bodies


def actor_iri(actor: Actor) -> URIRef:
    return URIRef(_actor_iri(actor))


def _actor_iri(actor: Actor) -> str:
    kind, key = actor_key(actor)
    return f"{_ID}{kind}/{key}"


_ACTIVITY = f"{_ID}activity/{_digest('kg', __version__)}"
_VOCABULARY[_ACTIVITY] = f"<{ox.NamedNode(_ACTIVITY).value}>"
_ORG = f"{_ID}org/"


_TYPE, _EVIDENCE, _HAS_SOURCE, _HAS_SELECTOR = RDF.type, KG.Evidence, OA.hasSource, OA.hasSelector
_POSITION, _START, _END, _SENTENCE = OA.TextPositionSelector, OA.start, OA.end, KG.sentence
_QUOTE, _EXACT, _PREFIX, _SUFFIX = OA.TextQuoteSelector, OA.exact, OA.prefix, OA.suffix
_INTEGER = ox.NamedNode(XSD.integer)


_NUMBERS: dict[int, ox.Literal] = {}  # ints -> their xsd:integer literals: a span's offsets and sentence numbers recur


def _lit(value: object) -> ox.Literal:
    """``kg.terms.literal`` of a value, the same literal, made quicker for the commonest kinds (a str, an int: the first
    20,000 ints met are kept with their literals)."""
    kind = type(value)
    if kind is str:
        return ox.Literal(value)  # type: ignore[arg-type]
    if kind is int:
        term = _NUMBERS.get(value)  # type: ignore[call-overload]
        if term is None:
            term = ox.Literal(str(value), datatype=_INTEGER)
            if len(_NUMBERS) < 20_000:
                _NUMBERS[value] = term  # type: ignore[index]
        return term
    return literal(value)


_CONFIDENCES: dict[float, ox.Literal] = {}  # a confidence (a float but 0) -> its literal: a rule gives one or a few


def _confidence(value: float) -> ox.Literal:
    """The xsd:decimal literal of a confidence, rounded to 4 places as rdflib writes it. Floats but zeros (0.0 and -0.0
    are equal, but are written apart) are kept once made; an int (equal to its float, written otherwise) is not."""
    term = _CONFIDENCES.get(value) if type(value) is float and value else None
    if term is None:
        term = literal(Decimal(str(round(value, 4))), datatype=XSD.decimal)
        if type(value) is float and value and len(_CONFIDENCES) < 10_000:
            _CONFIDENCES[value] = term
    return term


class _Builder:
    """Holds the name -> IRI table of one article while its triples are built."""

    def __init__(self, record: ArticleRecord):
        self.record = record
        self.triples: list[Plain] = []
        self.article = _article_iri(record.id)
        self.activity = _ACTIVITY
        self.names: dict[str, str] = {}
        self.countries: dict[str, str] = {}  # actor IRI -> the country it is or governs
        self.minted: set[str] = set()  # item IRIs of this article so far

    def add(self, s: str, p: str, o: str | ox.Literal) -> None:
        self.triples.append((s, p, o))

    # -- article ------------------------------------------------------------------------------
    def article_node(self) -> None:
        a, art = self.article, self.record.article
        self.add(a, RDF.type, SCHEMA.NewsArticle)
        self.add(a, SCHEMA.identifier, _lit(art.id))
        for prop, value in ((DCTERMS.title, art.title), (DCTERMS.publisher, art.publisher),
                            (DCTERMS.license, art.license), (KG.sourceLocation, art.source)):
            if value:
                self.add(a, prop, _lit(value))
        if art.url:
            self.add(a, SCHEMA.url, literal(art.url, datatype=XSD.anyURI))
        if art.published:  # as the page wrote it ("2 March 2023") read into xsd:date, xsd:gYearMonth or xsd:gYear
            published = iso_date(art.published) or art.published
            typed = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}.get(len(published)) if ISO_DATE.match(published) else None
            self.add(a, DCTERMS.issued, literal(published, datatype=typed))
        length = art.length if art.length is not None else (len(art.text) if art.text else None)
        if length is not None:
            self.add(a, KG.textLength, _lit(length))
        if art.content_hash:
            self.add(a, KG.contentHash, _lit(art.content_hash))
        self.add(self.activity, RDF.type, PROV.Activity)
        self.add(self.activity, KG.software, _lit(f"kg {__version__}"))

    # -- actors -------------------------------------------------------------------------------
    def actors(self) -> None:
        iris = []  # the IRI of each actor (``_actor_iri``), worked out once
        for actor in self.record.actors:
            kind, key = actor_key(actor)
            iri = f"{_ID}{kind}/{key}"
            iris.append(iri)
            self.add(iri, RDF.type, KG.Actor)
            folded = actor.type.replace(" ", "").lower()
            for cls in ACTOR_CLASSES.get(kind if kind in ("country", "government") else folded, ("", ()))[1]:
                self.add(iri, RDF.type, cls)
            if kind not in ("country", "government") and folded not in ACTOR_CLASSES:
                self.add(iri, KG.actorType, _lit(actor.type))
            if kind in ("country", "government"):
                self._country_nodes(key)
                self.countries[iri] = _country_iri(key)
                name = gazetteer.country(key).name if gazetteer.country(key) else actor.name
                canonical = name if kind == "country" else f"Government of {name}"
                self.add(iri, SCHEMA.name, _lit(canonical))
                if actor.name != canonical:
                    self.add(iri, SKOS.altLabel, _lit(actor.name))
            else:
                self.add(iri, SCHEMA.name, _lit(actor.name))
            for alias in actor.aliases:
                if alias != actor.name:
                    self.add(iri, SKOS.altLabel, _lit(alias))
            for role in actor.roles:
                self.add(iri, KG.role, _lit(role))
            self.add(self.article, SCHEMA.mentions, iri)
            self._provenance(iri, actor, KG.mention, None)
            for name in (actor.name, *actor.aliases):
                self.names.setdefault(gazetteer.fold(name), iri)
        for actor, iri in zip(self.record.actors, iris, strict=True):  # affiliations may name actors listed later
            if actor.affiliation:
                self.add(iri, KG.affiliation, self.resolve(actor.affiliation))
                self.add(iri, ORG.memberOf, self.resolve(actor.affiliation))
            for role in actor.roles:  # a post that names its body: "State Department Spokesperson"
                body = self._body_in_role(role)
                if body is not None and body != iri:
                    self.add(iri, ORG.memberOf, body)
        bodies = {iri: a.name for a, iri in zip(self.record.actors, iris, strict=True) if a.type == "GovernmentBody"}
        for iri, name in bodies.items():
            iso, _ = org_country(name) if iri.startswith(_ORG) else (None, name)
            if iso and gazetteer.country(iso):  # a state's body belongs to its government
                self._country_nodes(iso)
                self.add(iri, ORG.subOrganizationOf, _government_iri(iso))

    def _body_in_role(self, role: str) -> str | None:
        """The body a post's title starts with, named in this article or known to kg; None if it names none."""
        words = role.split()
        for n in range(len(words) - 1, 0, -1):
            key = gazetteer.fold(" ".join(words[:n]))
            if key in self.names and self.names[key].startswith(_ORG):
                return self.names[key]
            body = _known_bodies().get(key)
            if body is not None:
                iri = _actor_iri(body)
                for cls in (KG.Actor, *ACTOR_CLASSES[body.type.replace(" ", "").lower()][1]):
                    self.add(iri, RDF.type, cls)
                self.add(iri, SCHEMA.name, _lit(body.name))
                return iri
        return None

    def _country_nodes(self, iso: str) -> None:
        info = gazetteer.country(iso)
        c = _country_iri(iso)
        self.add(c, RDF.type, SCHEMA.Country)
        self.add(c, RDF.type, KG.Actor)
        self.add(c, KG.isoCode, _lit(iso))
        if info:
            self.add(c, SCHEMA.name, _lit(info.name))
        gov = _government_iri(iso)
        self.add(gov, KG.governs, c)

    def resolve(self, name: str) -> str:
        """An actor IRI for a name used in the record; an unlisted name gets a node of its own."""
        key = gazetteer.fold(name)
        if key in self.names:
            return self.names[key]
        iso = gazetteer.lookup(name)
        if iso:
            iri = _country_iri(iso)
            self._country_nodes(iso)
            self.countries[iri] = iri
        else:
            iri = f"{_ID}actor/{slug(name)}"
            self.add(iri, RDF.type, KG.Actor)
            self.add(iri, SCHEMA.name, _lit(name))
        self.names[key] = iri
        return iri

    def country_of(self, name: str) -> str:
        """The country node a name stands for (a government resolves to the country it governs)."""
        iri = self.resolve(name)
        if iri in self.countries:
            return self.countries[iri]
        iso = gazetteer.lookup(name, ("name", "demonym", "seat"))
        if iso:
            self._country_nodes(iso)
            return _country_iri(iso)
        # a place the gazetteer does not know (a region, a territory): keep it as a country node
        self.add(iri, RDF.type, SCHEMA.Country)
        return iri

    # -- items --------------------------------------------------------------------------------
    def _provenance(self, node: str, item: Provenance, link: str, text: str | None) -> None:
        spans: Iterable[Span] = item.spans
        if not item.spans and text:
            spans = [None]  # type: ignore[list-item]  # no offsets: a quote selector alone
        # an actor's mentions belong to this article, not to the actor node shared by all articles
        base = f"{_ID}mention/{_digest(self.record.id, node)}" if link == KG.mention else node
        add, article = self.triples.append, self.article  # the commonest triples of a record: appended directly
        for i, span in enumerate(spans):
            ev = f"{base}/evidence/{i}"
            add((node, link, ev))
            add((ev, _TYPE, _EVIDENCE))
            add((ev, _HAS_SOURCE, article))
            exact = span.text if span is not None and span.text else (text if span is None else None)
            if span is not None:
                sel = f"{ev}/position"
                add((ev, _HAS_SELECTOR, sel))
                add((sel, _TYPE, _POSITION))
                add((sel, _START, _lit(span.start)))
                add((sel, _END, _lit(span.end)))
                if span.sentence is not None:
                    add((ev, _SENTENCE, _lit(span.sentence)))
            if exact:
                sel = f"{ev}/quote"
                add((ev, _HAS_SELECTOR, sel))
                add((sel, _TYPE, _QUOTE))
                add((sel, _EXACT, _lit(exact)))
                for prop, context in ((_PREFIX, span and span.prefix), (_SUFFIX, span and span.suffix)):
                    if context:
                        add((sel, prop, _lit(context)))
        if item.rule:
            self.add(node, KG.extractedBy, _lit(item.rule))
        if item.confidence is not None:
            self.add(node, KG.confidence, _confidence(item.confidence))

    def _derived(self, node: str, cls: str) -> None:
        self.add(node, RDF.type, cls)
        self.add(node, PROV.wasDerivedFrom, self.article)
        self.add(node, PROV.wasGeneratedBy, self.activity)

    def _item_iri(self, kind: str, index: int, item: Provenance, text: str) -> str:
        """An item is named by its article, kind and evidence spans; a second item on the same spans (a claim made
        by one side and denied by the other in one sentence) adds what tells it apart, then its position, so two
        items never share an IRI (and so never a stance or confidence), while the first keeps its name."""
        where: list = [(s.start, s.end) for s in item.spans] or [index, text]
        node = f"{_ID}{kind}/{_digest(self.record.id, kind, where)}"
        if node in self.minted:
            node = f"{_ID}{kind}/{_digest(self.record.id, kind, where, text)}"
        if node in self.minted:
            node = f"{_ID}{kind}/{_digest(self.record.id, kind, where, text, index)}"
        self.minted.add(node)
        return node

    def statements(self) -> list[str]:
        iris = []
        for i, st in enumerate(self.record.statements):
            node = self._item_iri("statement", i, st, st.text)
            iris.append(node)
            self._derived(node, KG.Statement)
            if st.speaker:
                self.add(node, KG.speaker, self.resolve(st.speaker))
            else:
                self.add(node, KG.unattributed, _lit(True))
            self.add(node, KG.content, _lit(st.text))
            self.add(node, KG.speechKind, _lit(st.kind))
            for name in st.about:
                self.add(node, KG.about, self.resolve(name))
            if st.addressee:
                self.add(node, KG.addressee, self.resolve(st.addressee))
            if st.cue:
                self.add(node, KG.cue, _lit(st.cue))
            self._provenance(node, st, KG.evidence, st.text)
        for i, st in enumerate(self.record.statements):
            if st.reports_on is not None:
                if not 0 <= st.reports_on < len(iris):
                    raise RecordError(f"statements[{i}].reports_on: no statement {st.reports_on}")
                self.add(iris[i], KG.reportsOn, iris[st.reports_on])
        return iris

    def claims(self, statements: list[str]) -> None:
        known = known_abuse_codes()
        for i, cl in enumerate(self.record.claims):
            if cl.abuse not in known:
                raise RecordError(f"claims[{i}].abuse: {cl.abuse!r} is not a code of the abuse scheme")
            node = self._item_iri("claim", i, cl, f"{cl.abuse}|{cl.country}|{cl.stance}|{cl.claimant}")
            self._derived(node, KG.AbuseClaim)
            self.add(node, KG.abuseType, _ABUSE + cl.abuse)
            self.add(node, KG.country, self.country_of(cl.country))
            self.add(node, KG.stance, _lit(cl.stance))
            for prop, name in ((KG.perpetrator, cl.perpetrator), (KG.claimant, cl.claimant), (KG.assertedBy, cl.asserted_by)):
                if name:
                    self.add(node, prop, self.resolve(name))
            for name in cl.victims:
                self.add(node, KG.victim, self.resolve(name))
            if cl.statement is not None:
                if not 0 <= cl.statement < len(statements):
                    raise RecordError(f"claims[{i}].statement: no statement {cl.statement}")
                self.add(node, KG.assertedIn, statements[cl.statement])
            else:
                self.add(node, KG.assertedIn, self.article)
            self._provenance(node, cl, KG.evidence, None)

    def laws(self) -> None:
        for i, law in enumerate(self.record.laws):
            node = self._item_iri("law", i, law, f"{law.name}|{law.jurisdiction}")
            self._derived(node, SCHEMA.Legislation)
            self.add(node, SCHEMA.name, _lit(law.name))
            for alias in law.aliases:
                self.add(node, SKOS.altLabel, _lit(alias))
            if law.jurisdiction:
                self.add(node, SCHEMA.legislationJurisdiction,
                         self.country_of(law.jurisdiction))
            if law.status:
                self.add(node, KG.status, _lit(law.status))
                if law.status.lower() in LEGAL_FORCE:
                    self.add(node, SCHEMA.legislationLegalForce, LEGAL_FORCE[law.status.lower()])
            self._provenance(node, law, KG.evidence, None)

    def figures(self) -> None:
        for i, fig in enumerate(self.record.figures):
            node = self._item_iri("figure", i, fig, f"{fig.value}|{fig.what}|{fig.country}")
            self._derived(node, KG.Figure)
            value = Decimal(str(fig.value))
            self.add(node, SCHEMA.value, literal(int(value) if value == value.to_integral() else value))
            if fig.what:
                self.add(node, KG.counts, _lit(fig.what))
            if fig.country:
                self.add(node, KG.country, self.country_of(fig.country))
            if fig.claimant:
                self.add(node, KG.claimant, self.resolve(fig.claimant))
            if fig.date:
                self.add(node, KG.asOf, literal(fig.date, datatype=XSD.date if len(fig.date) == 10
                                                and ISO_DATE.match(fig.date) else None))
            self._provenance(node, fig, KG.evidence, None)


Plain = tuple[str, str, "str | ox.Literal"]  # a triple with its IRIs as plain strings (quick to check and split)


def record_to_triples(record: ArticleRecord) -> list[ox.Triple]:
    """The triples of one article record (without the named graph: see ``article_graph``), each once."""
    return to_triples(record_to_plain(record))


def to_triples(plain: Iterable[Plain]) -> list[ox.Triple]:
    """Plain triples as pyoxigraph terms (each IRI checked and made once)."""
    nodes: dict[str, ox.NamedNode] = {}

    def node(iri: str) -> ox.NamedNode:
        term = nodes.get(iri)
        if term is None:
            term = nodes[iri] = ox.NamedNode(iri)
        return term

    return [ox.Triple(node(s), node(p), o if isinstance(o, ox.Literal) else node(o)) for s, p, o in plain]


# an absolute IRI of unreserved and reserved ASCII characters and well-formed escapes: nothing an IRI parser refuses,
# so written unchecked (the store's bulk writer then loads them without checking IRIs again); any other is checked
_IRI_CHARS = r"A-Za-z0-9\-._~!$&'()*+,;=:@"
PLAIN_IRI = re.compile(rf"[A-Za-z][A-Za-z0-9+.-]*://[A-Za-z0-9.-]+(?::[0-9]+)?(?:/(?:[{_IRI_CHARS}/]++|%[0-9A-Fa-f]{{2}})*+)?"
                       rf"(?:\?(?:[{_IRI_CHARS}/?]++|%[0-9A-Fa-f]{{2}})*+)?(?:#(?:[{_IRI_CHARS}/?]++|%[0-9A-Fa-f]{{2}})*+)?")


def to_ntriples(plain: Iterable[Plain]) -> bytes:
    """Plain triples as N-Triples text. IRIs of the plainest form (``PLAIN_IRI``) are written as they are, any other
    is checked by pyoxigraph first (``ValueError`` for one that is not an IRI); literals are written by pyoxigraph."""
    return _ntriples(plain, False, " .\n")[0]


def split_ntriples(plain: Iterable[Plain]) -> tuple[bytes, bytes]:
    """``to_ntriples`` of the two parts ``partition`` splits plain triples into (the article's own triples, those
    describing shared nodes), in one pass. Each line ends in a tab and a full stop: the one tab of a line marks where
    the store's bulk writer puts a graph name (replacing one byte is quick; finding " .\n" is not)."""
    return _ntriples(plain, True, "\t.\n")


def _ntriples(plain: Iterable[Plain], split: bool, end: str) -> tuple[bytes, bytes]:
    written = _VOCABULARY.copy()  # IRI -> its N-Triples form, each IRI checked once (the vocabulary's were)
    subjects: dict[str, tuple[str, Callable | None]] = {}  # subject -> (its form and a space, shared's append or None)

    def iri(value: str) -> str:
        if not PLAIN_IRI.fullmatch(value):
            ox.NamedNode(value)
        form = written[value] = f"<{value}>"
        return form

    own: list[str] = []
    shared: list[str] = []
    to_own, to_shared, lit = own.append, shared.append, ox.Literal
    for s, p, o in plain:
        subject = subjects.get(s)
        if subject is None:
            subject = subjects[s] = (f"{written.get(s) or iri(s)} ",
                                     to_shared if split and s.startswith(_SHARED_PREFIXES) else None)
        line = f"{subject[0]}{written.get(p) or iri(p)} {str(o) if isinstance(o, lit) else written.get(o) or iri(o)}{end}"
        if subject[1] is None or p == _MENTION:
            to_own(line)
        else:
            subject[1](line)
    return "".join(own).encode(), "".join(shared).encode()


def record_to_plain(record: ArticleRecord) -> list[Plain]:
    """The triples of one article record as plain tuples (IRIs as str, literals as pyoxigraph terms), each once."""
    b = _Builder(record)
    b.article_node()
    b.actors()
    statements = b.statements()
    b.claims(statements)
    b.laws()
    b.figures()
    _check_spans(record)
    return list(dict.fromkeys(b.triples))


def record_to_graph(record: ArticleRecord) -> Graph:
    """The same triples as an rdflib graph (for Turtle and JSON-LD output, and inspection)."""
    graph = Graph()
    bind_prefixes(graph)
    for t in record_to_triples(record):
        graph.add(rdflib_triple(t))
    return graph


SHARED_KINDS = ("person", "org", "country", "government", "group", "place", "work", "actor", "activity")
_SHARED_PREFIXES = tuple(str(DATA[f"{kind}/"]) for kind in SHARED_KINDS)


_MENTION = str(KG.mention)


def is_shared(triple: tuple | ox.Triple) -> bool:
    """True for triples that describe a node shared by all articles (an actor, a country, the
    extraction activity): the store keeps them once, in its actors graph, not in each article's graph."""
    s, p, _ = triple
    if isinstance(s, ox.NamedNode):
        return s.value.startswith(_SHARED_PREFIXES) and p.value != _MENTION
    return str(s).startswith(_SHARED_PREFIXES) and str(p) != _MENTION  # a plain or an rdflib triple


def partition(triples: Iterable) -> tuple[list, list]:
    """(the article's own triples, the triples describing shared nodes), of ``record_to_triples`` or an rdflib graph."""
    triples = triples if isinstance(triples, list) else list(triples)
    if triples and type(triples[0][0]) is str:  # plain triples: the test of ``is_shared`` inlined, for speed
        shared = [t for t in triples if t[0].startswith(_SHARED_PREFIXES) and t[1] != _MENTION]
        return [t for t in triples if not (t[0].startswith(_SHARED_PREFIXES) and t[1] != _MENTION)], shared
    own, shared = [], []
    for t in triples:
        (shared if is_shared(t) else own).append(t)
    return own, shared


def _check_spans(record: ArticleRecord) -> None:
    length = record.article.length if record.article.length is not None else (
        len(record.article.text) if record.article.text else None)
    if length is None:
        return
    for kind in ("actors", "statements", "claims", "laws", "figures"):
        for i, item in enumerate(getattr(record, kind)):
            for span in item.spans:
                if span.end > length:
                    raise RecordError(f"{kind}[{i}]: span {span.start}..{span.end} lies beyond the "
                                      f"article's {length} characters")


_ABUSE_CODES: set[str] = set()


def known_abuse_codes() -> set[str]:
    """The notations of the abuse scheme shipped in ontology/abuses.ttl."""
    if not _ABUSE_CODES:
        g = abuse_scheme()
        _ABUSE_CODES.update(str(o) for o in g.objects(None, _SKOS.notation))
    return _ABUSE_CODES
