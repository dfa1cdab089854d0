"""Extraction and build speed on the sample corpus repeated to a target size.

    .venv/bin/python benchmarks/bench_build.py [--mb 20] [--seeds ../shared/seeds] [--workers 1]

Prints MB/s per core for (a) extraction alone (ingest → segment → extract → resolve, one
process), (b) the whole `kg build` (graph, store, facts.json; no SHACL), (c) bare
`jieba.lcut` over the same text, for scale, and (d) one long document (the sample corpus
sixteen times in one file) through extraction, graph and facts. Sizes are UTF-8 bytes of
the source files.
"""
from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table


def make_corpus(seeds: Path, target_mb: float, into: Path) -> tuple[list[Path], int]:
    files = sorted(seeds.glob("*.txt"))
    size, copies, k = 0, [], 0
    while size < target_mb * 1e6:
        for f in files:
            dst = into / f"{f.stem}_{k:04d}.txt"
            shutil.copyfile(f, dst)
            copies.append(dst)
            size += dst.stat().st_size
        k += 1
    return copies, size


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=20.0)
    ap.add_argument("--seeds", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "seeds")
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()

    from kg.pipeline import build, process_file

    console = Console()
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    try:
        corpus = tmp / "corpus"
        corpus.mkdir()
        files, size = make_corpus(args.seeds, args.mb, corpus)
        mb = size / 1e6
        table = Table(title=f"{len(files)} files, {mb:.1f} MB")
        table.add_column("stage")
        table.add_column("seconds", justify="right")
        table.add_column("MB/s per core", justify="right")

        t = time.perf_counter()
        for f in files:
            process_file(f)
        extract_s = time.perf_counter() - t
        table.add_row("extraction (1 process)", f"{extract_s:.1f}", f"{mb / extract_s:.2f}")

        t = time.perf_counter()
        report = build([corpus], tmp / "out", validate=False, workers=args.workers)
        build_s = time.perf_counter() - t
        table.add_row(f"kg build, {args.workers} worker(s), {report.quads:,} quads", f"{build_s:.1f}",
                      f"{mb / build_s / args.workers:.2f}")

        import jieba

        jieba.setLogLevel(60)
        jieba.initialize()
        texts = [f.read_text(encoding="utf-8") for f in files]
        t = time.perf_counter()
        for text in texts:
            jieba.lcut(text)
        jieba_s = time.perf_counter() - t
        table.add_row("bare jieba.lcut", f"{jieba_s:.1f}", f"{mb / jieba_s:.2f}")

        # one long document (a year's compilation in one file): per-document work must stay
        # linear in its length, not only the corpus's
        from kg.pipeline import render

        long_doc = tmp / "long.txt"
        parts = sorted(args.seeds.glob("*.txt"))
        long_doc.write_text("\n".join(p.read_text(encoding="utf-8") for p in parts * 16), encoding="utf-8")
        long_mb = long_doc.stat().st_size / 1e6
        t = time.perf_counter()
        rd = process_file(long_doc)
        long_extract = time.perf_counter() - t
        render(rd)
        long_all = time.perf_counter() - t
        table.add_row(f"one {long_mb:.1f} MB document (extract / +graph, facts)",
                      f"{long_extract:.1f} / {long_all:.1f}", f"{long_mb / long_all:.2f}")
        console.print(table)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
