"""A deterministic corpus of short news-like documents, made from open texts already on disk.

Sentences come from the GUM corpus (news genre first, then the other genres, `# text =` lines of its
CoNLL-U files) and from the project's seed articles (diplomatic reporting); document i always gets
the same title and sentences for the same seed, so runs are comparable. Nothing is copied into the
repository: the generator reads the corpora in place and writes the documents to a folder.

    python benchmarks/corpus.py OUT_DIR --docs 1000 [--corpora /work/shared/corpora]
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = Path("/work/shared/corpora")


def sentence_pool(corpora: Path, seeds: Path = ROOT / "seeds") -> tuple[list[str], list[str]]:
    """(news-like sentences from GUM, diplomatic sentences from the seeds), each in a stable order."""
    gum = sorted((corpora / "gum" / "dep").glob("*.conllu"), key=lambda p: ("_news_" not in p.name, p.name))
    general = []
    for f in gum:
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.startswith("# text = "):
                text = line[9:].strip()
                if 40 <= len(text) <= 300 and text[-1] in '.!?"':
                    general.append(text)
    diplomatic = []
    for f in sorted(seeds.glob("*.txt")):
        for para in f.read_text(encoding="utf-8").split("\n\n")[1:]:
            diplomatic += [s for s in re.split(r"(?<=[.!?\"])\s+(?=[A-Z\"])", para.strip()) if 40 <= len(s) <= 300]
    if not general:
        raise SystemExit(f"no GUM sentences under {corpora}/gum/dep")
    return general, diplomatic


def make_documents(n: int, corpora: Path = DEFAULT_CORPORA, *, sentences: int = 6,
                   seed: int = 7) -> list[tuple[str, str]]:
    """N (file name, text) pairs: a title line, then paragraphs of 1-2 sentences."""
    general, diplomatic = sentence_pool(corpora)
    out = []
    for i in range(n):
        rng = random.Random(f"{seed}:{i}")
        picked = rng.sample(general, sentences - 2) + rng.sample(diplomatic, 2)
        rng.shuffle(picked)
        title = " ".join(picked[0].split()[:8]).rstrip(",.;:")
        paragraphs = [" ".join(picked[j:j + 2]) for j in range(0, len(picked), 2)]
        out.append((f"doc{i:07d}.txt", f"{title}\n\n" + "\n\n".join(paragraphs) + "\n"))
    return out


def write_corpus(folder: Path, n: int, corpora: Path = DEFAULT_CORPORA) -> Path:
    """Write N documents into `folder` (in sub-folders of 1,000), unless it already holds them."""
    marker = folder / f".complete-{n}"
    if marker.exists():
        return folder
    for i, (name, text) in enumerate(make_documents(n, corpora)):
        sub = folder / f"part{i // 1000:04d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / name).write_text(text, encoding="utf-8")
    marker.write_text("")
    return folder


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    args = ap.parse_args()
    write_corpus(args.out, args.docs, args.corpora)
    print(f"{args.docs} documents in {args.out}")


if __name__ == "__main__":
    main()
