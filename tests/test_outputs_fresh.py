"""The sample corpus's graph and facts are kept in git; they must match a fresh build."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", ["graph.ttl", "graph.trig", "facts.json"])
def test_committed_outputs_are_not_stale(built, name):
    committed = REPO / "extracted" / name
    assert committed.is_file(), f"extracted/{name} missing: run kg build ../shared/seeds"
    assert committed.read_bytes() == (built / name).read_bytes(), (
        f"extracted/{name} is stale: run .venv/bin/kg build ../shared/seeds and commit the diff")
