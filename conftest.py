"""Session fixtures shared by the whole suite: the sample corpus and one build of it.

The sample texts and gold facts live in ../shared (never copied into this repository);
KG_SHARED points elsewhere when the checkout is not beside it.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("KG_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    path = SHARED / "seeds"
    assert path.is_dir(), f"sample corpus not found at {path} (set KG_SHARED)"
    return path


@pytest.fixture(scope="session")
def gold_path() -> Path:
    return SHARED / "eval" / "seeds-gold.json"


@pytest.fixture(scope="session")
def score_script() -> Path:
    return SHARED / "eval" / "score.py"


@pytest.fixture(scope="session")
def built(seeds_dir, tmp_path_factory) -> Path:
    """One build of the sample corpus per test session (per xdist worker)."""
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("built")
    report = build([seeds_dir], out, validate=False)
    assert report.documents and not report.errors
    return out
