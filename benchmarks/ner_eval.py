"""Entity P/R/F1 of the kg pipeline on held-out open corpora, base model vs base + diplomacy layer.

    python benchmarks/ner_eval.py [--corpora /work/shared/corpora] [--model NAME_OR_PATH] [--limit N]

Test sets (never used for anything else): GUM `test` split (genres present), UNER English-EWT test,
CrossNER politics test.txt (its train/dev files are the only CrossNER part a training recipe may use).

LABEL MAPPING (gold -> shared label <- spaCy OntoNotes label):
  PERSON  <- GUM person | UNER PER | CrossNER politician, person        <- spaCy PERSON
  ORG     <- GUM organization | UNER ORG | CrossNER politicalparty, organisation  <- spaCy ORG
  GPE/LOC <- GUM place | UNER LOC | CrossNER country, location          <- spaCy GPE, LOC, FAC
  NORP    <- CrossNER misc only (demonyms, religions, party adjectives, but also other names:
             an approximation; GUM and UNER have no NORP-like gold)        <- spaCy NORP
GUM gold spans are the proper-name part of person/organization/place mentions whose head is PROPN
("the NASA Administrator" -> none; "the Museum of Flight in Seattle" -> "Museum of Flight").
MATCHING: exact = same label and same character offsets; lenient = same label and one span contains
the other (each gold span matched at most once). Predictions with other labels are ignored.
Speed: words per second on one pinned CPU core (single thread), base pipeline vs with the layer.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import importlib  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402
from collections import Counter  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import spacy  # noqa: E402
from ner_corpora import NORP, ORG, PERSON, PLACE, GoldDoc, crossner_docs, gum_test_docs, uner_docs  # noqa: E402

from kg.nlp.model import add_kg_components, resolve_model  # noqa: E402

LABELS = (PERSON, ORG, PLACE, NORP)
SPACY_TO_SHARED = {"PERSON": PERSON, "ORG": ORG, "GPE": PLACE, "LOC": PLACE, "FAC": PLACE, "NORP": NORP}
Span = tuple[int, int, str]


def load(name: str | None, layer: bool) -> spacy.language.Language:
    """A fresh pipeline: the model as packaged (base) or with kg's components (layer)."""
    target = resolve_model(name)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nlp = spacy.load(target) if Path(target).is_dir() else importlib.import_module(target).load()
    return add_kg_components(nlp) if layer else nlp


def predict(nlp: spacy.language.Language, docs: list[GoldDoc]) -> list[set[Span]]:
    out = []
    for doc in nlp.pipe((d.text for d in docs), batch_size=32):
        out.append({(e.start_char, e.end_char, SPACY_TO_SHARED[e.label_]) for e in doc.ents
                    if e.label_ in SPACY_TO_SHARED})
    return out


def score(gold: list[set[Span]], pred: list[set[Span]]) -> dict[str, dict[str, Counter]]:
    """Per label: counts of gold, pred, exact and lenient true positives."""
    counts = {"exact": Counter(), "lenient": Counter()}
    for g, p in zip(gold, pred, strict=True):
        for label in LABELS:
            gl = sorted(s for s in g if s[2] == label)
            pl = sorted(s for s in p if s[2] == label)
            for c in counts.values():
                c[(label, "gold")] += len(gl)
                c[(label, "pred")] += len(pl)
            counts["exact"][(label, "tp")] += len(set(gl) & set(pl))
            counts["lenient"][(label, "tp")] += _lenient_matches(gl, pl)
    return counts


def _lenient_matches(gold: list[Span], pred: list[Span]) -> int:
    used: set[int] = set()
    tp = 0
    for ps, pe, _ in pred:
        for i, (gs, ge, _) in enumerate(gold):
            if i not in used and ((gs <= ps and pe <= ge) or (ps <= gs and ge <= pe)):
                used.add(i)
                tp += 1
                break
    return tp


def prf(c: Counter, label: str | None) -> tuple[float, float, float, int]:
    keys = LABELS if label is None else (label,)
    tp = sum(c[(k, "tp")] for k in keys)
    pred = sum(c[(k, "pred")] for k in keys)
    gold = sum(c[(k, "gold")] for k in keys)
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), gold


def words_per_second(systems: dict[str, spacy.language.Language], docs: list[GoldDoc],
                     rounds: int = 3) -> dict[str, float]:
    """Best of `rounds` timings per system, interleaved so that load from other processes hits both."""
    texts = [d.text for d in docs]
    words = sum(d.words for d in docs)
    best = {name: float("inf") for name in systems}
    for nlp in systems.values():
        list(nlp.pipe(texts[:5]))  # warm-up
    for _ in range(rounds):
        for name, nlp in systems.items():
            t0 = time.perf_counter()
            for _doc in nlp.pipe(texts, batch_size=32):
                pass
            best[name] = min(best[name], time.perf_counter() - t0)
    return {name: words / t for name, t in best.items()}


def layer_share(nlp: spacy.language.Language, docs: list[GoldDoc]) -> float:
    """Share of pipeline time spent in kg's components, timing each component on the same docs
    (robust to load from other processes, which inflates all components alike)."""
    spent = dict.fromkeys(nlp.pipe_names, 0.0)
    for d in docs:
        doc = nlp.make_doc(d.text)
        for name, proc in nlp.pipeline:
            t0 = time.perf_counter()
            doc = proc(doc)
            spent[name] += time.perf_counter() - t0
    return sum(v for k, v in spent.items() if k.startswith("kg_")) / sum(spent.values())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", type=Path, default=Path("/work/shared/corpora"))
    ap.add_argument("--model", default=None, help="package name or pipeline folder (default: kg's default)")
    ap.add_argument("--limit", type=int, default=0, help="at most N documents per corpus (quick check)")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--speed-only", action="store_true")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    corpora = {
        "GUM test": list(gum_test_docs(args.corpora / "gum")),
        "UNER-EWT test": list(uner_docs(args.corpora / "uner-ewt" / "en_ewt-ud-test.iob2")),
        "CrossNER politics test": list(crossner_docs(args.corpora / "crossner-politics" / "test.txt")),
    }
    if args.limit:
        corpora = {k: v[: args.limit] for k, v in corpora.items()}
    systems = {"base": load(args.model, layer=False), "base+layer": load(args.model, layer=True)}
    print(f"model: {resolve_model(args.model)}")
    print("| corpus | label | system | gold | exact P | exact R | exact F1 | lenient P | lenient R | lenient F1 |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for cname, docs in ({} if args.speed_only else corpora).items():
        gold = [d.spans for d in docs]
        results = {s: score(gold, predict(nlp, docs)) for s, nlp in systems.items()}
        for label in (*LABELS, None):
            for sname, counts in results.items():
                ep, er, ef, n = prf(counts["exact"], label)
                lp, lr, lf, _ = prf(counts["lenient"], label)
                if n == 0 and label is not None:
                    continue
                print(f"| {cname} | {label or 'all'} | {sname} | {n} | {ep:.3f} | {er:.3f} | {ef:.3f} "
                      f"| {lp:.3f} | {lr:.3f} | {lf:.3f} |")
    if not args.no_speed:
        docs = corpora["GUM test"] + corpora["UNER-EWT test"]
        speeds = words_per_second(systems, docs)
        cost = 1 - speeds["base+layer"] / speeds["base"]
        print(f"\nspeed, one core, {sum(d.words for d in docs)} words (GUM + UNER test): "
              + ", ".join(f"{s} {v:,.0f} words/s" for s, v in speeds.items()) + f"; layer cost {cost:.1%}")
        print(f"kg components' share of pipeline time (per-component timing): "
              f"{layer_share(systems['base+layer'], docs):.1%}")


if __name__ == "__main__":
    main()
