"""Resolution: mentions to entities with stable keys, scoped to the document's jurisdiction."""
from __future__ import annotations

from kg.records import DocFacts, Entity, Mention, ResolvedDoc


def resolve(facts: DocFacts) -> ResolvedDoc:
    """Resolve every mention of a document; unresolvable mentions are left out."""
    from kg.resolve import concepts, laws, organs

    jurisdiction = organs.jurisdiction_of(facts)
    entities: dict[Mention, Entity] = {}
    for m in facts.mentions:
        if m.kind == "law":
            ent = laws.resolve_law(m, jurisdiction)
        elif m.kind == "organ":
            ent = organs.resolve_organ(m, jurisdiction)
        elif m.kind == "formula":
            ent = concepts.resolve_formula(m)
        elif m.kind == "programme":
            ent = concepts.resolve_programme(m)
        else:
            ent = None
        if ent is not None:
            entities[m] = ent
    for ev in facts.events:  # mentions carried by events but not listed (rare) resolve too
        for m in (ev.law, ev.reporter, ev.programme, *ev.agents, *ev.joint):
            if m is not None and m not in entities:
                ent = (laws.resolve_law(m, jurisdiction) if m.kind == "law"
                       else organs.resolve_organ(m, jurisdiction) if m.kind == "organ"
                       else concepts.resolve_programme(m) if m.kind == "programme" else None)
                if ent is not None:
                    entities[m] = ent
    return ResolvedDoc(facts, jurisdiction, organs.own_congress(jurisdiction), entities)
