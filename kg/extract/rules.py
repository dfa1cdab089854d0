"""Loading rules and lexicons kept as data files in ``kg/data/``.

Users add their own entries with ``kg build --lexicon DIR``: a file of the same name in
DIR is read after the packaged one, and its entries are appended.
"""
from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path

_user_dirs: list[Path] = []
_derived: list = []  # caches of rules compiled from the data files


def derived(fn):
    """Cache what a function compiles from the data files until the lexicons change.

    Extractors decorate their rule compilers with it, so ``add_user_dir`` recompiles them.
    """
    cached = lru_cache(maxsize=None)(fn)
    _derived.append(cached)
    return cached


def _clear() -> None:
    for cache in (load_tsv, load_lines, load_toml, *_derived):
        cache.cache_clear()


def add_user_dir(path: Path) -> None:
    """Read lexicon files of the same name from ``path`` too (after the packaged ones).

    A folder already added is not added again (its entries would count twice).
    """
    path = Path(path).resolve()
    if path in _user_dirs:
        return
    _user_dirs.append(path)
    _clear()


def reset_user_dirs() -> None:
    """Back to the packaged lexicons only."""
    _user_dirs.clear()
    _clear()


def _sources(name: str) -> list[str]:
    texts = [resources.files("kg.data").joinpath(name).read_text(encoding="utf-8")]
    texts += [(d / name).read_text(encoding="utf-8") for d in _user_dirs if (d / name).is_file()]
    return texts


@lru_cache(maxsize=None)
def load_tsv(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated data file; blank lines and ``#`` comments skipped.

    A first line starting with ``#`` names the columns (kept as a comment only).
    """
    rows = []
    for text in _sources(name):
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(rows)


@lru_cache(maxsize=None)
def load_lines(name: str) -> tuple[str, ...]:
    """First column of every row of a data file."""
    return tuple(row[0] for row in load_tsv(name) if row and row[0])


@lru_cache(maxsize=None)
def load_toml(name: str) -> dict:
    """A TOML rules file; user files of the same name extend its top-level lists."""
    merged: dict = {}
    for text in _sources(name):
        for key, value in tomllib.loads(text).items():
            if isinstance(value, list) and isinstance(merged.get(key), list):
                merged[key] = merged[key] + value
            else:
                merged[key] = value
    return merged
