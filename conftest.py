"""Session fixtures shared by the whole suite: the sample corpus and one build of it.

The sample texts and gold facts live in ../shared (never copied into this repository);
KG_SHARED points elsewhere when the checkout is not beside it.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "tests"))
from _paths import GOLD, SCORER, SEEDS  # noqa: E402  (tests/ holds the path module)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    assert SEEDS.is_dir(), f"sample corpus not found at {SEEDS} (set KG_SHARED)"
    return SEEDS


@pytest.fixture(scope="session")
def gold_path() -> Path:
    return GOLD


@pytest.fixture(scope="session")
def score_script() -> Path:
    return SCORER


@pytest.fixture(scope="session")
def built(seeds_dir, tmp_path_factory) -> Path:
    """One build of the sample corpus per test session (per xdist worker)."""
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("built")
    report = build([seeds_dir], out, validate=False)
    assert report.documents and not report.errors
    return out
