"""Resolution: mentions to entities with stable keys, scoped to the document's jurisdiction."""
from __future__ import annotations

from kg.records import DocFacts, Entity, Mention, ResolvedDoc


def resolve(facts: DocFacts) -> ResolvedDoc:
    """Resolve every mention of a document; unresolvable mentions are left out."""
    from kg.resolve import concepts, laws, organs

    jurisdiction = organs.jurisdiction_of(facts)
    resolvers = {
        "law": lambda m: laws.resolve_law(m, jurisdiction),
        "organ": lambda m: organs.resolve_organ(m, jurisdiction),
        "sitting": lambda m: organs.resolve_organ(m, jurisdiction),
        "formula": concepts.resolve_formula,
        "programme": concepts.resolve_programme,
    }
    # mentions carried by events but not listed (reporter words made by the activity parser)
    carried = (m for ev in facts.events for m in (ev.law, ev.reporter, ev.programme, *ev.agents, *ev.joint))
    entities: dict[Mention, Entity] = {}
    for m in (*facts.mentions, *carried):
        if m is None or m in entities or m.kind not in resolvers:
            continue
        ent = resolvers[m.kind](m)
        if ent is not None:
            entities[m] = ent
    return ResolvedDoc(facts, jurisdiction, organs.own_congress(jurisdiction), entities)
