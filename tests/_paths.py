"""Where the shared sample corpus, gold facts and scorer are: ../shared beside the checkout.

KG_SHARED points elsewhere when the checkout is not beside it. The sample texts are read
from there, never copied into this repository.
"""
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("KG_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"
GOLD = SHARED / "eval" / "seeds-gold.json"
SCORER = SHARED / "eval" / "score.py"
SCHEMA = SHARED / "eval" / "SCHEMA.md"
LAWS_TSV = SHARED / "data" / "cn-laws.tsv"


def official_scorer():
    """../shared/eval/score.py loaded as a module (its score(gold, pred) function)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("official_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def seed_documents():
    """(gold record, document, sentences) for each seed text, in gold order."""
    import json

    from kg.ingest import read_document
    from kg.segment import segment

    for record in json.loads(GOLD.read_text(encoding="utf-8")):
        doc = read_document(SEEDS / f"{record['id']}.txt")
        yield record, doc, segment(doc)[1]
