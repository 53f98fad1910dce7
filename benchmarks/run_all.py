"""All scale benchmarks in one run; every ratio printed is measured in this run, on this machine.

    python benchmarks/run_all.py --quick          # a few minutes: 200 -> 800 documents
    python benchmarks/run_all.py --full           # 1,000 -> 10,000 documents
    python benchmarks/run_all.py --sizes 1000 10000 100000 --workers-docs 2000 --at 10000

Figures: (1) extraction overhead: kg extraction throughput / bare `nlp.pipe` throughput (same base
model, same texts); (2) loading: triples/s of the build's load stage / pyoxigraph `bulk_load` of the
same N-Quads; (3) scaling: seconds per document and peak RSS at each size; (4) 2 workers vs 1;
(5) saved-query latency p50/p95 on the biggest store; (6) rebuild of the unchanged corpus / first build.
Builds run in child processes (`kg.build.build`), so peak RSS is measured per build (wait4).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from corpus import DEFAULT_CORPORA, make_documents, write_corpus  # noqa: E402

MODES = {"quick": {"sizes": [200, 800], "workers_docs": 400, "pipe_docs": 100, "repeats": 10,
                   "query_budget_s": 15},
         "full": {"sizes": [1000, 10000], "workers_docs": 2000, "pipe_docs": 500, "repeats": 20,
                  "query_budget_s": 60}}
ROUNDS = 3
#: Each saved query runs with its defaults; these also run with a parameter (a typical and a central entity).
QUERY_CASES = {"entity-profile": [{"entity": "Barack Obama"}, {"entity": "United States"}],
               "statements-about": [{"entity": "Barack Obama"}, {"keyword": "sanctions"}],
               "contested-claims": [{}, {"entity": "Barack Obama"}],
               "organization-members": [{}, {"org": "China"}]}


def child_build(corpus: str, store: str, workers: int, *, bulk: bool = False) -> dict[str, float]:
    """Run one build in a child process; its summary timings, wall time and peak RSS (MiB)."""
    code = ("import json,sys; from kg.build import build; from kg.config import Settings; "
            "s = build([sys.argv[1]], Settings().with_(store=sys.argv[2], workers=int(sys.argv[3]), "
            "bulk=sys.argv[4] == '1')); "
            "print(json.dumps({'built': s.built, 'unchanged': s.unchanged, 'load_s': s.timings['load'], "
            "'build_s': s.timings['total'], 'triples': s.triples_written}))")
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, corpus, store, str(workers), "1" if bulk else "0"],
                            cwd=HERE.parent,
                            stdout=subprocess.PIPE, text=True)
    out = proc.stdout.read() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build of {corpus} failed")
    result = json.loads(out.strip().splitlines()[-1])
    return {**result, "wall_s": wall, "peak_rss_mib": usage.ru_maxrss / 1024}


def extraction_overhead(n: int) -> dict[str, float]:
    """Documents/s: bare nlp.pipe of the base model, the kg pipeline's nlp.pipe, kg extraction + RDF."""
    import importlib

    from kg.config import Settings
    from kg.executors import BatchJob
    from kg.ingest import Document, read_text_document
    from kg.nlp import load_pipeline, resolve_model

    settings = Settings()
    docs = [d for d in (read_text_document(text, name) for name, text in make_documents(n + 30, DEFAULT_CORPORA))
            if isinstance(d, Document)][:n + 20]
    warm, docs = docs[:20], docs[20:]
    texts = [d.text for d in docs]
    bare = importlib.import_module(resolve_model(settings.model)).load()
    kg_nlp = load_pipeline(settings.model)
    job = BatchJob(settings.with_(min_confidence=0.0))

    runs = {"bare_docs_s": lambda ds: list(bare.pipe((d.text for d in ds), batch_size=settings.batch_size)),
            "kg_pipe_docs_s": lambda ds: list(kg_nlp.pipe((d.text for d in ds), batch_size=settings.batch_size)),
            "kg_docs_s": job}
    best = dict.fromkeys(runs, 0.0)
    for fn in runs.values():
        fn(warm)
    for _ in range(ROUNDS):  # interleaved rounds, best of each: other load on the machine hits all alike
        for name, fn in runs.items():
            start = time.perf_counter()
            fn(docs)
            best[name] = max(best[name], len(docs) / (time.perf_counter() - start))
    return {"docs": len(docs), "words": sum(len(t.split()) for t in texts), **best}


def bulk_baseline(store: str, tmp: Path) -> dict[str, float]:
    """Triples/s of pyoxigraph's bulk loader on the N-Quads the build wrote (a dump of its store)."""
    import pyoxigraph as ox

    dump = tmp / "dump.nq"
    ox.Store.read_only(store).dump(str(dump), format=ox.RdfFormat.N_QUADS)
    with open(dump, "rb") as f:
        quads = sum(1 for _ in f)
    target = ox.Store(str(tmp / "bulk-store"))
    start = time.perf_counter()
    target.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS)
    target.flush()
    return {"quads": quads, "seconds": time.perf_counter() - start}


def query_latency(store: str, repeats: int, budget_s: float) -> dict[str, tuple[float, float, int, int] | None]:
    """p50/p95 ms, rows and runs of each saved query; each query runs in a child process for at most
    `budget_s` seconds (None: its first run did not finish in time)."""
    from kg.config import Settings
    from kg.queries import Catalogue

    code = ("import json,sys,time; from kg.config import Settings; from kg.queries import Catalogue, run_saved; "
            "from kg.store import KgStore; s = Settings(); "
            "st = KgStore(sys.argv[1], base_iri=s.base_iri, read_only=True); "
            "q = Catalogue(s.queries_dir).get(sys.argv[2]); p = json.loads(sys.argv[3]); n = int(sys.argv[4]); "
            "b = float(sys.argv[5]); t0 = time.perf_counter(); rows = sum(1 for _ in run_saved(st, q, p).rows()); "
            "ts = [1000 * (time.perf_counter() - t0)]\n"
            "while len(ts) < n and sum(ts) < 500 * b:\n"
            "    t = time.perf_counter(); sum(1 for _ in run_saved(st, q, p).rows()); "
            "ts.append(1000 * (time.perf_counter() - t))\n"
            "print(json.dumps([rows, ts]))")
    out: dict[str, tuple[float, float, int, int] | None] = {}
    for name in Catalogue(Settings().queries_dir).names():
        for params in QUERY_CASES.get(name, [{}]):
            label = " ".join([name, *(f"{k}={v!r}" for k, v in params.items())])
            try:
                r = subprocess.run([sys.executable, "-c", code, store, name, json.dumps(params), str(repeats),
                                    str(budget_s)], cwd=HERE.parent, capture_output=True, text=True,
                                   timeout=budget_s, check=True)
            except subprocess.TimeoutExpired:
                out[label] = None
                continue
            rows, times = json.loads(r.stdout.strip().splitlines()[-1])
            times.sort()
            out[label] = (statistics.median(times), times[round(0.95 * (len(times) - 1))], rows, len(times))
    return out


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else "?"
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    load = os.getloadavg()[0]
    return (f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GiB RAM, Python {platform.python_version()}, "
            f"load average {load:.1f} at start")


def main() -> None:
    ap = argparse.ArgumentParser(description="kg scale benchmarks")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--full", action="store_true")
    ap.add_argument("--sizes", type=int, nargs="+")
    ap.add_argument("--workers-docs", type=int)
    ap.add_argument("--at", type=int, help="Corpus size for the loading (2) and rebuild (6) figures "
                    "(default: the biggest size); one of --sizes.")
    ap.add_argument("--work-dir", type=Path, help="Keep corpora and stores here (default: a temporary folder).")
    ap.add_argument("--json", type=Path, help="Also write the figures as JSON to this file.")
    args = ap.parse_args()
    cfg = dict(MODES["full" if args.full else "quick"])
    if args.sizes:
        cfg["sizes"] = sorted(args.sizes)
    if args.workers_docs:
        cfg["workers_docs"] = args.workers_docs
    work = args.work_dir or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {machine()}", flush=True)
    figures: dict[str, object] = {"machine": machine(), "config": cfg}

    ex = extraction_overhead(cfg["pipe_docs"])
    figures["extraction"] = ex
    print(f"(1) extraction, {ex['docs']} docs ({ex['words']} words): bare nlp.pipe {ex['bare_docs_s']:.1f} docs/s, "
          f"kg pipeline nlp.pipe {ex['kg_pipe_docs_s']:.1f} docs/s, kg extraction+RDF {ex['kg_docs_s']:.1f} docs/s "
          f"-> ratio {ex['kg_docs_s'] / ex['bare_docs_s']:.2f} (target >= 0.8)", flush=True)

    scaling = {}
    for n in cfg["sizes"]:
        corpus = write_corpus(work / f"corpus-{n}", n)
        store = work / f"store-{n}"
        scaling[n] = r = child_build(str(corpus), str(store), 1)
        print(f"(3) build {n} docs, 1 worker: {r['wall_s']:.1f} s wall, {1000 * r['build_s'] / n:.1f} ms/doc, "
              f"peak RSS {r['peak_rss_mib']:.0f} MiB, {r['triples']} triples", flush=True)
    figures["scaling"] = scaling
    small, big = cfg["sizes"][0], cfg["sizes"][-1]
    per_doc = {n: scaling[n]["build_s"] / n for n in scaling}
    print(f"(3) scaling {small} -> {big}: time/doc ratio {per_doc[big] / per_doc[small]:.2f} (target 0.8-1.2), "
          f"peak RSS ratio {scaling[big]['peak_rss_mib'] / scaling[small]['peak_rss_mib']:.2f}", flush=True)

    at = args.at if args.at in scaling else big
    big_store = str(work / f"store-{big}")
    base = bulk_baseline(str(work / f"store-{at}"), work)
    safe_rate = scaling[at]["triples"] / scaling[at]["load_s"]
    bulk_build = child_build(str(work / f"corpus-{at}"), str(work / f"bulk-{at}"), 1, bulk=True)
    load_rate = bulk_build["triples"] / bulk_build["load_s"]
    bulk_rate = base["quads"] / base["seconds"]
    figures["loading"] = {"kg_bulk_triples_s": load_rate, "kg_atomic_triples_s": safe_rate,
                          "bulk_triples_s": bulk_rate, **base}
    print(f"(2) loading, {at} docs: kg build --bulk load stage {load_rate:,.0f} triples/s, pyoxigraph bulk_load "
          f"{bulk_rate:,.0f} quads/s -> ratio {load_rate / bulk_rate:.2f} (target >= 0.7); default atomic "
          f"per-document writes {safe_rate:,.0f} triples/s -> ratio {safe_rate / bulk_rate:.2f}", flush=True)

    wn = cfg["workers_docs"]
    wcorpus = str(write_corpus(work / f"corpus-{wn}", wn))
    one = scaling[wn] if wn in scaling else child_build(wcorpus, str(work / f"w1-{wn}"), 1)
    two = child_build(wcorpus, str(work / f"w2-{wn}"), 2)
    figures["workers"] = {"one": one, "two": two}
    print(f"(4) workers on {wn} docs: 1 worker {one['build_s']:.1f} s, 2 workers {two['build_s']:.1f} s "
          f"-> speed-up {one['build_s'] / two['build_s']:.2f}x (target >= 1.6x); "
          f"peak RSS {one['peak_rss_mib']:.0f} / {two['peak_rss_mib']:.0f} MiB", flush=True)

    lat = query_latency(big_store, cfg["repeats"], cfg["query_budget_s"])
    figures["queries"] = lat
    for name, res in lat.items():
        if res is None:
            print(f"(5) query {name:44s} did not finish in {cfg['query_budget_s']} s ({big} docs)", flush=True)
            continue
        p50, p95, rows, runs = res
        print(f"(5) query {name:44s} p50 {p50:9.1f} ms  p95 {p95:9.1f} ms  ({rows} rows, {runs} runs, {big} docs)",
              flush=True)

    again = child_build(str(work / f"corpus-{at}"), str(work / f"store-{at}"), 1)
    figures["rebuild"] = again
    print(f"(6) rebuild of {at} unchanged docs: {again['build_s']:.1f} s vs first {scaling[at]['build_s']:.1f} s "
          f"-> {100 * again['build_s'] / scaling[at]['build_s']:.1f}% (target <= 5%); "
          f"{again['unchanged']} unchanged, {again['built']} built; wall {again['wall_s']:.1f} s incl. start-up",
          flush=True)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, default=str))


if __name__ == "__main__":
    main()
