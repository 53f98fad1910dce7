#!/usr/bin/env bash
# Seed sanity check for a pipeline: build the seed articles with it, run the shared fact scorer, and list
# the seed entities (tests/nlp/test_seed_entities.py) it does not find.
#   training/adapt/seed_check.sh [MODEL] [OUTDIR]      (MODEL: package name or folder; default: kg's default)
set -euo pipefail
MODEL=${1:-default}
OUT=${2:-/tmp/adapt-seeds}
rm -rf "$OUT" && mkdir -p "$OUT/eval"
python -m kg build seeds --model "$MODEL" --store "$OUT/store" >/dev/null
python -m kg query people-roles         --store "$OUT/store" --format csv > "$OUT/eval/people_roles.csv"
python -m kg query meeting-participants --store "$OUT/store" --format csv > "$OUT/eval/meetings.csv"
python -m kg query statements           --store "$OUT/store" --format csv > "$OUT/eval/statements.csv"
python /work/shared/eval/score.py /work/shared/eval/seeds-gold.json "$OUT/eval"
python - "$MODEL" <<'PY'
import sys
from collections import defaultdict
from kg.ingest import iter_documents
from kg.nlp.model import load_pipeline
from tests.nlp.test_seed_entities import EXPECTED
from tests.conftest import SEEDS
nlp = load_pipeline(None if sys.argv[1] == "default" else sys.argv[1])
found = defaultdict(set)
for doc in nlp.pipe(d.text for d in iter_documents([str(SEEDS)]) if hasattr(d, "text")):
    for e in doc.ents:
        found[e.label_].add(e.text)
lost = {label: sorted(names - found[label]) for label, names in EXPECTED.items() if names - found[label]}
print("seed entities lost:", lost or "none")
PY
