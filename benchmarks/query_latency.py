"""Saved-query latency on a large store: p50/p95 of every saved query (issue 5's ≥ 1M-triple figure).

    python benchmarks/query_latency.py --docs 12000 --work-dir /tmp/kg-ql

Builds a store of N generated documents (benchmarks/corpus.py; the first build uses the bulk
loader) unless the work folder already has one, prints its size, then times each saved query in a
child process (first run included, at most `--repeats` runs, each query within `--budget` seconds).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus
from run_all import child_build, machine, query_latency


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=12000)
    ap.add_argument("--work-dir", type=Path, default=Path("build/query-latency"))
    ap.add_argument("--repeats", type=int, default=20)
    ap.add_argument("--budget", type=float, default=60.0)
    args = ap.parse_args()
    work = args.work_dir
    work.mkdir(parents=True, exist_ok=True)
    store = work / f"store-{args.docs}"
    print(f"machine: {machine()}", flush=True)
    if not store.exists():
        corpus = write_corpus(work / f"corpus-{args.docs}", args.docs)
        r = child_build(str(corpus), str(store), 1, bulk=True)
        print(f"built {r['built']} documents in {r['wall_s']:.0f} s, {r['triples']:,} triples written", flush=True)
    from kg.config import Settings
    from kg.store import KgStore

    print(f"store: {KgStore(store, base_iri=Settings().base_iri, read_only=True).count():,} quads", flush=True)
    lat = query_latency(str(store), args.repeats, args.budget)
    for name, v in lat.items():
        if v is None:
            print(f"  {name:44s} did not finish in {args.budget:.0f} s")
        else:
            p50, p95, rows, runs = v
            print(f"  {name:44s} p50 {p50:9.1f} ms   p95 {p95:9.1f} ms   ({rows} rows, {runs} runs)")
    (work / "latency.json").write_text(json.dumps(lat, indent=1))


if __name__ == "__main__":
    main()
