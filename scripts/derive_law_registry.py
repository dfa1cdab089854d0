#!/usr/bin/env python3
"""Derive ``kg/data/laws.tsv`` (one row per distinct title) from the national law list.

    python scripts/derive_law_registry.py [SOURCE] [--out kg/data/laws.tsv]

SOURCE defaults to ``../shared/data/cn-laws.tsv`` (one row per *version*). The output
has one row per full title: short name, full title, level, category, latest version
date, first adoption line, and aliases derived mechanically (``|``-separated). A test
checks that the shipped file equals what this script makes from the source.
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

PRC = "中华人民共和国"
COLUMNS = ("short_name", "title", "level", "category", "version_date", "first_adopted", "aliases")
DEFAULT_SOURCE = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "cn-laws.tsv"
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "kg" / "data" / "laws.tsv"
COMMAND = "python scripts/derive_law_registry.py ../shared/data/cn-laws.tsv --out kg/data/laws.tsv"

# Laws about congresses and governments are called by their last word in speech:
# 全国人民代表大会和地方各级人民代表大会代表法 is 代表法, …常务委员会监督法 is 监督法.
_ORGAN_HEAD = re.compile(r"^.*(?:人民代表大会|常务委员会|人民政府)(?P<tail>[^的]{1,4}(?<!办)法)$")
_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日")


def short_of(title: str) -> str:
    """The short name: the title without any 中华人民共和国.

    >>> short_of("中华人民共和国水污染防治法")
    '水污染防治法'
    >>> short_of("外国人在中华人民共和国收养子女登记办法")
    '外国人在收养子女登记办法'
    """
    return title.replace(PRC, "") or title


def _adoption_key(line: str) -> tuple:
    m = _DATE.match(line)
    return (tuple(int(g) for g in m.groups()) if m else (9999, 99, 99), line)


def derive(rows: list[dict[str, str]]) -> list[tuple[str, ...]]:
    """One output row per distinct title, sorted by title; ambiguous aliases dropped.

    >>> rows = [dict(short_name="水法", title="中华人民共和国水法", level="法律", category="行政法",
    ...              version_date="2016-07-02", first_adopted="1988年1月21日 通过"),
    ...         dict(short_name="水法", title="中华人民共和国水法", level="法律", category="行政法",
    ...              version_date="2002-08-29", first_adopted="1988年1月21日 通过")]
    >>> derive(rows)
    [('水法', '中华人民共和国水法', '法律', '行政法', '2016-07-02', '1988年1月21日 通过', '')]
    """
    by_title: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        by_title[row["title"].strip()].append(row)

    shorts = {title: short_of(title) for title in by_title}
    taken = set(shorts.values()) | set(by_title)
    candidates: dict[str, set[str]] = defaultdict(set)
    for title, short in shorts.items():
        m = _ORGAN_HEAD.match(short)
        if m and m["tail"] not in taken:
            candidates[m["tail"]].add(title)
    # an alias naming two titles would link a mention to the wrong one: drop it
    aliases: dict[str, list[str]] = defaultdict(list)
    for alias, titles in candidates.items():
        if len(titles) == 1:
            aliases[next(iter(titles))].append(alias)

    out = []
    for title in sorted(by_title):
        versions = by_title[title]
        latest = max((r.get("version_date") or "" for r in versions), default="")
        levels = Counter(r["level"].strip() for r in versions)
        cats = Counter(r["category"].strip() for r in versions)
        # majority category; a tie goes to the latest version's
        latest_cats = sorted(r["category"].strip() for r in versions if (r.get("version_date") or "") == latest)
        top = max(cats.values())
        category = next((c for c in latest_cats if cats[c] == top), sorted(c for c in cats if cats[c] == top)[0])
        adopted = sorted((r["first_adopted"].strip() for r in versions if r.get("first_adopted", "").strip()),
                         key=_adoption_key)
        out.append((shorts[title], title, levels.most_common(1)[0][0], category, latest,
                    adopted[0] if adopted else "", "|".join(sorted(aliases.get(title, ())))))
    return out


def render(source: Path) -> str:
    """The full text of ``laws.tsv`` derived from ``source``."""
    with open(source, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    lines = [
        "# National laws, constitution texts and administrative regulations of the PRC: one row per",
        "# distinct full title. Derived from ../shared/data/cn-laws.tsv (itself taken from the public",
        "# LawRefBook/Laws collection: titles, levels, categories and dates only) by",
        f"#   {COMMAND}",
        "# Do not edit by hand. version_date is the latest version; first_adopted the earliest adoption",
        "# line; aliases (|-separated) are derived mechanically (the tail X法 of congress laws).",
        "#" + "\t".join(COLUMNS),
    ]
    lines += ["\t".join(row) for row in derive(rows)]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE, help="cn-laws.tsv")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write laws.tsv")
    args = parser.parse_args(argv)
    if not args.source.is_file():
        print(f"Error: no such file: {args.source}", file=sys.stderr)
        return 1
    args.out.write_text(render(args.source), encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
