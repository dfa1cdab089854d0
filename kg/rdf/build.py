"""Resolved records to quads: one named graph per document, plus a provenance graph.

Quads are built with pyoxigraph terms directly (rdflib's ``Graph.add`` is an order of
magnitude slower on a million triples). IRIs follow docs/ARCHITECTURE.md "IRIs"; the
graph shape follows "Graph model". No blank nodes and no timestamps, and every output
is sorted and de-duplicated, so the same records always give the same quads.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, serialize

from kg.records import COMPLETED, Entity, Mention, ResolvedDoc, safe_key
# The module, not its names: pytest's doctest finder trips over DefinedNamespace classes
# bound as module globals.
from kg.rdf import namespace as ns

__all__ = ["doc_quads", "doc_quads_with_lines", "provenance_quads", "provenance_quads_for", "iri",
           "quad_sort_key"]

_DATA = str(ns.RKD)


@lru_cache(maxsize=1 << 16)
def iri(path: str) -> NamedNode:
    """The data IRI of a path (``rkd:`` + path).

    >>> iri("law/中华人民共和国水污染防治法").value
    'https://w3id.org/renda-kg/id/law/中华人民共和国水污染防治法'
    """
    return NamedNode(_DATA + path)


def _n(term) -> NamedNode:
    return NamedNode(str(term))


# Vocabulary terms, converted once from the rdflib namespace module.
A = _n(ns.RDF.type)
LABEL = _n(ns.RDFS.label)
PREF = _n(ns.SKOS.prefLabel)
ALT = _n(ns.SKOS.altLabel)
IN_SCHEME = _n(ns.SKOS.inScheme)
CONCEPT = _n(ns.SKOS.Concept)
TITLE = _n(ns.DCTERMS.title)
IDENTIFIER = _n(ns.DCTERMS.identifier)
SUB_ORG = _n(ns.ORG.subOrganizationOf)
DERIVED = _n(ns.PROV.wasDerivedFrom)
GENERATED = _n(ns.PROV.wasGeneratedBy)
PROV_ACTIVITY = _n(ns.PROV.Activity)
STATUS = _n(ns.SCHEMA.actionStatus)
COMPLETED_STATUS = _n(ns.SCHEMA.CompletedActionStatus)
POTENTIAL_STATUS = _n(ns.SCHEMA.PotentialActionStatus)
RDF_VALUE = _n(ns.RDF.value)
START, END, EXACT = _n(ns.OA.start), _n(ns.OA.end), _n(ns.OA.exact)
XSD_INTEGER, XSD_DECIMAL = _n(ns.XSD.integer), _n(ns.XSD.decimal)
XSD_BOOLEAN, XSD_DATE, XSD_GYEAR = _n(ns.XSD.boolean), _n(ns.XSD.date), _n(ns.XSD.gYear)
FORMULAS = _n(ns.FORMULA_SCHEME)
BUILD = iri("build")
PROVENANCE_GRAPH = iri("graph/provenance")


@lru_cache(maxsize=None)
def _rk(name: str) -> NamedNode:
    # rk: is closed (_fail = True): an undeclared term raises here instead of minting
    # an IRI the ontology does not know.
    return NamedNode(str(ns.RK[name]))


ORGAN_CLASSES = frozenset({
    "PeoplesCongress", "StandingCommittee", "CongressWorkingBody", "Government",
    "GovernmentDepartment", "Court", "Procuratorate", "SupervisoryCommission",
    "PartyCommittee", "PartyGroup", "LiaisonStation", "TrainingBase", "Team", "InspectionTeam", "OtherOrgan",
})
INSTRUMENT_CLASSES = frozenset({
    "Constitution", "NationalLaw", "AdministrativeRegulation", "LocalRegulation",
    "PolicyDocument", "Plan", "OtherInstrument",
})
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def family_of(cls: str) -> str | None:
    """The family class asserted next to a specific class (queries never infer it).

    >>> family_of("Court"), family_of("Plan"), family_of("Sitting")
    ('Organ', 'LegalInstrument', None)
    """
    if cls in ORGAN_CLASSES:
        return "Organ"
    if cls in INSTRUMENT_CLASSES:
        return "LegalInstrument"
    return None


def _zh(text: str) -> Literal:
    return Literal(text, language="zh")


def _int(value: int) -> Literal:
    return Literal(str(value), datatype=XSD_INTEGER)


def _decimal(value: float) -> Literal:
    """xsd:decimal lexical form: no exponent, no trailing '.0' for whole numbers."""
    if float(value).is_integer():
        return Literal(str(int(value)), datatype=XSD_DECIMAL)
    return Literal(format(Decimal(repr(float(value))), "f"), datatype=XSD_DECIMAL)


def _bool(value: bool) -> Literal:
    return Literal("true" if value else "false", datatype=XSD_BOOLEAN)


def _place_path(key: str) -> str:
    return key if key.startswith("place/") else f"place/{key}"


def _status(status: str) -> NamedNode:
    return COMPLETED_STATUS if status == COMPLETED else POTENTIAL_STATUS


def quad_sort_key(q: Quad) -> tuple[str, str, str, str]:
    """Graph first, then subject, predicate, object: TriG output groups by graph."""
    return (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object))


def _sorted_with_lines(quads: list[Quad]) -> tuple[list[Quad], list[str]]:
    """Quads of ONE graph, sorted by ``quad_sort_key`` without duplicates, with their
    N-Quads lines (the terms' canonical text).

    Sorting on Python string keys costs ~2 µs a quad; pyoxigraph writes the N-Quads of
    all of them in one call instead, and within one graph the order of those lines is
    the (subject, predicate, object) order.
    """
    if not quads:
        return [], []
    lines = serialize(quads, format=RdfFormat.N_QUADS).decode("utf-8").split("\n")
    lines.pop()  # the text ends with a newline
    if len(lines) != len(quads):  # N-Quads escapes line breaks, so this cannot happen
        raise AssertionError("N-Quads lines do not match quads")
    order = sorted(range(len(quads)), key=lines.__getitem__)
    out, out_lines, prev = [], [], None
    for i in order:
        line = lines[i]
        if line != prev:  # equal quads are neighbours after the sort
            out.append(quads[i])
            out_lines.append(line)
            prev = line
    return out, out_lines


def _sorted(quads: list[Quad]) -> list[Quad]:
    return _sorted_with_lines(quads)[0]


class _DocBuilder:
    """Collects the triples of one document into its named graph."""

    def __init__(self, rd: ResolvedDoc) -> None:
        self.rd = rd
        self.doc = rd.facts.doc
        self.doc_key = safe_key(self.doc.id)
        self.graph = iri(f"graph/{self.doc_key}")
        self.doc_node = iri(f"doc/{self.doc_key}")
        self.place_node = iri(_place_path(rd.jurisdiction.key))
        self.quads: list[Quad] = []
        self.described: set[str] = set()
        append, graph = self.quads.append, self.graph

        # A closure over locals: this runs once per quad, the hottest line of a build.
        def add(s, p, o, _quad=Quad) -> None:
            append(_quad(s, p, o, graph))

        self.add = add

    def path(self, rest: str) -> str:
        return f"doc/{self.doc_key}/{rest}"

    def sentence_node(self, index: int) -> NamedNode:
        return iri(self.path(f"s/{index}"))

    # --- document, sentences, jurisdiction

    def document(self) -> None:
        d, node = self.doc, self.doc_node
        self.add(node, A, _rk("Document"))
        # docId as a plain literal so queries can be bound with --param docId=...
        self.add(node, IDENTIFIER, Literal(d.id))
        if d.title:
            self.add(node, TITLE, _zh(d.title))
        for year in d.years:
            self.add(node, _rk("year"), Literal(str(year), datatype=XSD_GYEAR))
        self.add(node, _rk("sourceFile"), Literal(d.source))
        self.add(node, _rk("sha256"), Literal(d.sha256))
        self.add(node, _rk("charCount"), _int(len(d.text)))
        self.add(node, _rk("jurisdiction"), self.place_node)

    def jurisdiction(self) -> None:
        j, node = self.rd.jurisdiction, self.place_node
        self.add(node, A, _rk("Jurisdiction"))
        if j.level:
            self.add(node, _rk("level"), Literal(j.level))
        if j.name:
            self.add(node, LABEL, _zh(j.name))

    def sentences(self) -> None:
        sections = {s.index: s for s in self.rd.facts.sections}
        for s in self.rd.facts.sentences:
            node = self.sentence_node(s.index)
            self.add(node, A, _rk("Sentence"))
            self.add(node, _rk("inDocument"), self.doc_node)
            self.add(node, START, _int(s.start))
            self.add(node, END, _int(s.end))
            self.add(node, _rk("text"), _zh(s.text))
            sec = sections.get(s.section)
            modality = s.modality or (sec.modality if sec else None)
            if modality:
                self.add(node, _rk("modality"), Literal(modality))
            if sec is not None and sec.heading:
                self.add(node, _rk("sectionHeading"), _zh(sec.heading))

    # --- entities and mentions

    def entity(self, e: Entity) -> NamedNode:
        node = iri(e.path)
        if e.path in self.described:
            return node
        self.described.add(e.path)
        self.add(node, A, _rk(e.cls))
        family = family_of(e.cls)
        if family:
            self.add(node, A, _rk(family))
        if e.cls == "PoliticalFormula":
            self.add(node, A, CONCEPT)
            self.add(node, IN_SCHEME, FORMULAS)
        self.add(node, LABEL, _zh(e.label))
        self.add(node, PREF, _zh(e.label))
        has_jurisdiction = False
        for key, value in e.props:
            if key == "versionDate":
                lit = Literal(value, datatype=XSD_DATE) if _DATE.fullmatch(value) else Literal(value)
                self.add(node, _rk(key), lit)
            elif key == "isDraft":
                self.add(node, _rk(key), _bool(value.strip().lower() in ("true", "1", "yes")))
            elif key == "subOrganizationOf":
                self.add(node, SUB_ORG, iri(value))
            elif key == "altLabel":
                self.add(node, ALT, _zh(value))
            elif key == "jurisdiction":
                has_jurisdiction = True
                self.add(node, _rk(key), iri(_place_path(value)))
            else:
                self.add(node, _rk(key), Literal(value))
        # A local organ or instrument minted under this document's jurisdiction belongs
        # to it even when the resolver did not say so (queries find the own congress so).
        scoped = (family in ("Organ", "LegalInstrument") or e.cls == "Sitting") and \
            e.path.split("/")[1:2] == [self.rd.jurisdiction.key]
        if scoped and not has_jurisdiction:
            self.add(node, _rk("jurisdiction"), self.place_node)
        return node

    def mention_node(self, m: Mention) -> NamedNode:
        return iri(self.path(f"m/{m.start}-{m.end}/{safe_key(m.label)}"))

    def mention(self, m: Mention, e: Entity) -> NamedNode:
        node = self.mention_node(m)
        ent = self.entity(e)
        self.add(node, A, _rk("Mention"))
        self.add(node, _rk("inDocument"), self.doc_node)
        self.add(node, _rk("sentence"), self.sentence_node(m.sentence))
        self.add(node, START, _int(m.start))
        self.add(node, END, _int(m.end))
        self.add(node, EXACT, _zh(m.text))
        self.add(node, _rk("rule"), Literal(m.rule))
        self.add(node, _rk("denotes"), ent)
        self.add(node, _rk("surfaceLabel"), _zh(m.label))
        self.add(self.doc_node, _rk("mentions"), ent)
        if m.label != e.label:
            self.add(ent, ALT, _zh(m.label))
        return node

    def evidence(self, start: int, end: int, sentence: int, rule: str, tag: str) -> NamedNode:
        """A Mention node for the span an activity or count was read from."""
        node = iri(self.path(f"m/{start}-{end}/{tag}"))
        self.add(node, A, _rk("Mention"))
        self.add(node, _rk("inDocument"), self.doc_node)
        self.add(node, _rk("sentence"), self.sentence_node(sentence))
        self.add(node, START, _int(start))
        self.add(node, END, _int(end))
        self.add(node, EXACT, _zh(self.doc.text[start:end]))
        self.add(node, _rk("rule"), Literal(rule))
        return node

    def resolved(self, m: Mention | None) -> NamedNode | None:
        """Entity node of a mention carried by an event or count, if it resolved."""
        if m is None:
            return None
        e = self.rd.entities.get(m)
        if e is None:
            return None
        self.mention(m, e)
        return iri(e.path)

    # --- activities and counts

    def event(self, ev) -> None:
        law_entity = self.rd.entities.get(ev.law) if ev.law is not None else None
        obj = (law_entity.label if law_entity else ev.law.label if ev.law else None) \
            or ev.topic or ev.trigger
        node = iri(self.path(f"act/{ev.start}-{ev.end}/{ev.kind}/{safe_key(obj)}"))
        self.add(node, A, _rk(ev.kind))
        self.add(node, A, _rk("OversightActivity"))
        self.add(node, _rk("inDocument"), self.doc_node)
        self.add(node, STATUS, _status(ev.status))
        self.add(node, _rk("trigger"), _zh(ev.trigger))
        if ev.topic:
            self.add(node, _rk("topic"), _zh(ev.topic))
        agents = [a for a in map(self.resolved, ev.agents) if a is not None]
        if not agents:
            agents = [self.entity(self.rd.own_congress)]
        for agent in agents:
            self.add(node, _rk("conductedBy"), agent)
        reporter = self.resolved(ev.reporter)
        if reporter is not None:
            self.add(node, _rk("reportedBy"), reporter)
        law = self.resolved(ev.law)
        if law is not None:
            self.add(node, _rk("inspectsLaw"), law)
            self.add(node, _rk("lawMention"), self.mention_node(ev.law))
        for joint in map(self.resolved, ev.joint):
            if joint is not None:
                self.add(node, _rk("jointWith"), joint)
        programme = self.resolved(ev.programme)
        if programme is not None:
            self.add(node, _rk("realises"), programme)
        if ev.year is not None:
            self.add(node, _rk("year"), Literal(str(ev.year), datatype=XSD_GYEAR))
        self.add(node, DERIVED, self.evidence(ev.start, ev.end, ev.sentence, ev.rule, ev.kind))

    def count(self, c) -> None:
        node = iri(self.path(f"count/{c.start}-{c.end}/{safe_key(c.unit)}"))
        self.add(node, A, _rk("Count"))
        self.add(node, _rk("inDocument"), self.doc_node)
        self.add(node, RDF_VALUE, _decimal(c.value))
        self.add(node, _rk("unit"), Literal(c.unit))
        self.add(node, _rk("countOf"), _zh(c.what))
        self.add(node, _rk("approximate"), _bool(c.approx))
        target = self.resolved(c.target)
        if target is not None:
            self.add(node, _rk("counts"), target)
        self.add(node, DERIVED, self.evidence(c.start, c.end, c.sentence, c.rule, "Count"))

    def build(self) -> tuple[list[Quad], list[str]]:
        self.document()
        self.jurisdiction()
        self.sentences()
        for m in self.rd.facts.mentions:
            e = self.rd.entities.get(m)
            if e is not None:
                self.mention(m, e)
        for ev in self.rd.facts.events:
            self.event(ev)
        for c in self.rd.facts.counts:
            self.count(c)
        return _sorted_with_lines(self.quads)


def doc_quads(rd: ResolvedDoc) -> list[Quad]:
    """All quads of one document, in its named graph ``rkd:graph/<doc id>``.

    Sorted (graph, subject, predicate, object) and free of duplicates.

    >>> from kg.records import Document, DocFacts, Jurisdiction, Entity, ResolvedDoc
    >>> doc = Document("d1", "d1.txt", "正文。", "标题", (2023,), "0" * 64)
    >>> rd = ResolvedDoc(DocFacts(doc, (), (), (), (), ()), Jurisdiction("某区", "区", "某区"),
    ...                  Entity("organ/某区/区人大常委会", "StandingCommittee", "区人大常委会"))
    >>> qs = doc_quads(rd)
    >>> {q.graph_name.value for q in qs}
    {'https://w3id.org/renda-kg/id/graph/d1'}
    >>> any(q.object == NamedNode(str(ns.RK.Document)) for q in qs)
    True
    """
    return _DocBuilder(rd).build()[0]


def doc_quads_with_lines(rd: ResolvedDoc) -> tuple[list[Quad], list[str]]:
    """``doc_quads(rd)`` and, index for index, their N-Quads lines (no newline).

    >>> from kg.records import Document, DocFacts, Jurisdiction, Entity, ResolvedDoc
    >>> doc = Document("d1", "d1.txt", "正文。", "标题", (2023,), "0" * 64)
    >>> rd = ResolvedDoc(DocFacts(doc, (), (), (), (), ()), Jurisdiction("某区", "区", "某区"),
    ...                  Entity("organ/某区/区人大常委会", "StandingCommittee", "区人大常委会"))
    >>> qs, lines = doc_quads_with_lines(rd)
    >>> qs == doc_quads(rd) and len(lines) == len(qs) and lines == sorted(lines)
    True
    """
    return _DocBuilder(rd).build()


def provenance_quads(rds: Sequence[ResolvedDoc], *, version: str) -> list[Quad]:
    """The provenance graph ``rkd:graph/provenance``: which document and which build
    each named graph comes from. No timestamps, so builds stay byte-identical.

    >>> from kg.records import Document, DocFacts, Jurisdiction, Entity, ResolvedDoc
    >>> doc = Document("d1", "d1.txt", "", "", (), "0" * 64)
    >>> rd = ResolvedDoc(DocFacts(doc, (), (), (), (), ()), Jurisdiction("x", "", ""),
    ...                  Entity("organ/x/人大常委会", "StandingCommittee", "人大常委会"))
    >>> [q.predicate.value.rsplit("#", 1)[-1] for q in provenance_quads([rd], version="1.0")]
    ['type', 'softwareVersion', 'wasDerivedFrom', 'wasGeneratedBy']
    """
    return provenance_quads_for([rd.facts.doc.id for rd in rds], version=version)


def provenance_quads_for(doc_ids: Sequence[str], *, version: str) -> list[Quad]:
    """``provenance_quads`` from the document ids alone.

    >>> len(provenance_quads_for(["d1", "d2"], version="1.0"))
    6
    """
    g = PROVENANCE_GRAPH
    out = [Quad(BUILD, A, PROV_ACTIVITY, g), Quad(BUILD, _rk("softwareVersion"), Literal(version), g)]
    for doc_id in doc_ids:
        key = safe_key(doc_id)
        graph = iri(f"graph/{key}")
        out.append(Quad(graph, DERIVED, iri(f"doc/{key}"), g))
        out.append(Quad(graph, GENERATED, BUILD, g))
    return _sorted(out)
