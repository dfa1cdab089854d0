"""Extraction: pure functions from a segmented document to mentions, events and counts."""
from __future__ import annotations

from kg.records import DocFacts, Document, Section, Sentence


def _order(m):
    return (m.start, m.end, m.kind, m.label)


def extract(doc: Document, sections: tuple[Section, ...], sentences: tuple[Sentence, ...]) -> DocFacts:
    """Run every extractor family over one document.

    Entity mentions come first because activities and counts attach to them.
    """
    from kg.extract import activities, counts, formulas, laws, organs, programmes

    mentions = sorted(
        [
            *laws.extract_laws(doc, sentences),
            *organs.extract_organs(doc, sentences),
            *formulas.extract_formulas(doc, sentences),
            *programmes.extract_programmes(doc, sentences),
        ],
        key=_order,
    )
    events = sorted(
        activities.extract_events(doc, sections, sentences, tuple(mentions)),
        key=lambda e: (e.start, e.end, e.kind, e.topic or "", e.law.label if e.law else ""),
    )
    found = sorted(counts.extract_counts(doc, sentences, tuple(mentions)), key=lambda c: (c.start, c.end, c.unit))
    return DocFacts(doc, tuple(sections), tuple(sentences), tuple(mentions), tuple(events), tuple(found))
