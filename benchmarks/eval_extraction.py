"""Extraction quality on a gold set: build, query, score with ../shared/eval/score.py, and how many
dated gold meetings get the right date.

    python benchmarks/eval_extraction.py                        # the development set
    python benchmarks/eval_extraction.py --texts seeds --gold ../shared/eval/seeds-gold.json

Prints the scorer's per-relation table and the meeting-date line; `--keep DIR` keeps the store and CSVs
(then `python3 ../shared/eval/score.py GOLD DIR --verbose` lists every miss and error).
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
QUERIES = {"people_roles": "people-roles", "meetings": "meeting-participants", "statements": "statements"}


def kg(*args: str) -> str:
    r = subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, check=True)
    return r.stdout


def build_and_query(texts: Path, out: Path) -> None:
    store = out / "store"
    shutil.rmtree(store, ignore_errors=True)  # a fresh build: an old store would keep old extractions
    kg("build", str(texts), "--store", str(store))
    for name, query in QUERIES.items():
        (out / f"{name}.csv").write_text(kg("query", query, "--store", str(store), "--format", "csv"))


def meeting_dates(gold_path: Path, out: Path) -> tuple[int, int, int]:
    """(dated gold meetings, those matched by a system meeting, those whose date is right).

    A system meeting matches a gold one when two of its participants' last names are the gold's (one for a
    one-person meeting); its date is right when it is the gold day, or a span that starts the gold month."""
    gold = json.loads(gold_path.read_text())["docs"]
    meetings: dict[tuple[str, str], dict] = defaultdict(lambda: {"names": set(), "date": ""})
    with (out / "meetings.csv").open() as f:
        for row in csv.DictReader(f):
            m = meetings[(row["document"].rsplit(".", 1)[0], row["meeting"])]
            m["names"].add(row["participant"].split()[-1].lower())
            m["date"] = row["date"]
    total = matched = right = 0
    for doc, facts in gold.items():
        for g in facts["meetings"]:
            if not g.get("date") or g.get("optional"):
                continue
            total += 1
            names = {p.split()[-1].lower() for p in g["participants"]}
            found = [m for (d, _), m in meetings.items()
                     if d == doc.rsplit(".", 1)[0] and len(m["names"] & names) >= min(2, len(names))]
            matched += bool(found)
            right += any(m["date"] and (m["date"].startswith(g["date"]) or
                                        "/" in m["date"] and g["date"].startswith(m["date"][:7]))
                         for m in found)
    return total, matched, right


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--texts", type=Path, default=SHARED / "dev" / "texts")
    ap.add_argument("--gold", type=Path, default=SHARED / "dev" / "gold.json")
    ap.add_argument("--keep", type=Path, help="Keep the store and the CSV files here.")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        build_and_query(args.texts, out)
        score = subprocess.run([sys.executable, str(SHARED / "score.py"), str(args.gold), str(out)],
                               capture_output=True, text=True, check=True).stdout
        print(score.strip())
        total, matched, right = meeting_dates(args.gold, out)
        print(f"meeting dates: {right} of {total} dated gold meetings right ({right / max(total, 1):.0%}); "
              f"{matched} matched, {right / max(matched, 1):.0%} of those")


if __name__ == "__main__":
    main()
