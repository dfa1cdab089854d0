"""Formulas and programmes as shared concepts: one IRI per normalised label.

Unlike local organs, a formula (两个确立) or programme (“第一议题”制度) means the same
thing in every document, so its path depends on its label only. Variants of writing
fold together: quotes, spaces, full- and half-width forms, and ， vs 、 between the
parts of a parallel slogan.
"""
from __future__ import annotations

import re
import unicodedata

from kg.extract.rules import derived, load_tsv
from kg.records import Entity, Mention, safe_key

_DROP = re.compile(r"[\s“”‘’\"'「」『』《》〈〉]")
_SEP = re.compile(r"[,，;；]")


def concept_key(label: str) -> str:
    """The folded form of a formula or programme label that decides its identity.

    >>> concept_key("“人民选我当代表，我当代表为人民”") == concept_key("人民选我当代表、我当代表为人民")
    True
    >>> concept_key("“互联网＋”")
    '互联网+'
    """
    text = unicodedata.normalize("NFKC", label)
    text = _DROP.sub("", text)
    return _SEP.sub("、", text)


@derived
def _canonical_formulas() -> dict[str, str]:
    # key of every lexicon surface (label and aliases) -> the lexicon's label
    out: dict[str, str] = {}
    for row in load_tsv("formulas.tsv"):
        aliases = row[2].split("|") if len(row) > 2 and row[2] else []
        for surface in (row[0], *aliases):
            out[concept_key(surface)] = row[0]
    return out


def resolve_formula(m: Mention) -> Entity:
    """The PoliticalFormula a formula mention denotes (same label, same entity).

    The entity label is the lexicon's label when the formula is known (aliases included),
    else the folded key, so every document that names it produces the same path and label.

    >>> m = Mention("formula", 0, 6, "“两个确立”", "两个确立", "formulas.lexicon", 0)
    >>> resolve_formula(m)
    Entity(path='formula/两个确立', cls='PoliticalFormula', label='两个确立', props=())
    """
    key = concept_key(m.label)
    label = _canonical_formulas().get(key, key)
    # aliases (两个一百年奋斗目标) share the path of the lexicon label (两个一百年)
    return Entity(path="formula/" + safe_key(concept_key(label)), cls="PoliticalFormula", label=label)


def resolve_programme(m: Mention) -> Entity:
    """The Programme a programme mention denotes, with its kind (活动, 制度, 机制 …).

    >>> m = Mention("programme", 0, 8, "“第一议题”制度", "“第一议题”制度", "programmes.quoted_head", 0,
    ...             (("kind", "制度"),))
    >>> resolve_programme(m)
    Entity(path='programme/第一议题制度', cls='Programme', label='第一议题制度', props=(('programmeKind', '制度'),))
    """
    key = concept_key(m.label)
    kind = m.attr("kind")
    props = (("programmeKind", kind),) if kind else ()
    return Entity(path="programme/" + safe_key(key), cls="Programme", label=key, props=props)
