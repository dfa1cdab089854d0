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
