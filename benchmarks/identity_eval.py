"""One node per real entity: how many graph nodes a well-known person becomes across documents (issue #20).

    python benchmarks/identity_eval.py [--corpus ../shared/corpora/gum/dep] [--keep DIR]

Gold: GUM (every document present, all genres), `person` mentions whose entity carries a Wikipedia
identity (the last field of `Entity=`), reduced to the proper-name part of mentions headed by a proper
noun (as ner_eval.py does) that shares a word with the identity, since kg only anchors names: "he",
"the president" or "Madam Speaker" have no kg mention to align, and a whole span would overlap other
names ("the president of France").
A person is *well known* when named in 2+ documents. Its *nodes* are the distinct canonical kg entities
of the kg mentions that lie inside its gold mentions and cover their last word (`align`), of any kind (a
person also tagged an organization is two nodes); a person kg never found is left out of the mean; canonical = after following `owl:sameAs` between minted entities (kg/link.py), and again
without it, to show what cross-document linking buys. Target (issue #20): mean nodes <= 1.15.
The texts go in as JSONL (no title line taken off); the ingest may still drop or trim lines (dates,
bylines), so gold offsets are moved onto the stored text (`nif:isString`) paragraph by paragraph, and
mentions in a paragraph the ingest changed are counted apart.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]

from ner_corpora import _named_span, _read_gum, _Tok  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "gum" / "dep"
#: A person is "well known" when named in at least this many documents.
MIN_DOCS = 2
TARGET = 1.15
#: `Entity=` field order when a file has no `# global.Entity` header (GUM's own).
ENTITY_FIELDS = ["GRP", "etype", "infstat", "salience", "centering", "minspan", "link", "identity"]
#: One bracket of a MISC `Entity=` value: '(id-fields' opening (')' right after: a one-token mention) or 'id)'.
_ENTITY_EVENT = re.compile(r"\((\d+)-([^()]*)(\))?|(\d+)\)")


@dataclass(frozen=True)
class GoldMention:
    """A named mention of a person with a Wikipedia identity; offsets into the rebuilt document text."""

    doc: str
    start: int
    end: int
    identity: str
    head_start: int = -1  # the name's last word (the surname, as a rule); -1: the whole span
    head_end: int = -1

    def moved(self, shift: int) -> GoldMention:
        """The same mention, `shift` characters on."""
        hs, he = (self.head_start + shift, self.head_end + shift) if self.head_start >= 0 else (-1, -1)
        return GoldMention(self.doc, self.start + shift, self.end + shift, self.identity, hs, he)

    @property
    def head(self) -> tuple[int, int]:
        return (self.head_start, self.head_end) if self.head_start >= 0 else (self.start, self.end)


@dataclass(frozen=True)
class KgMention:
    """A kg entity mention (NIF anchor with itsrdf:taIdentRef); offsets into the stored document text."""

    doc: str
    start: int
    end: int
    entity: str


# -- gold ---------------------------------------------------------------------------------------
def names_identity(surface: str, identity: str) -> bool:
    """Whether a mention says (part of) the name of its identity: "Trump", "Donald J. Trump" for
    Donald_Trump, not a title alone ("President", "Madam Speaker"), which kg does not make an entity of."""
    words = set(re.findall(r"\w+", unquote(identity).replace("_", " ").lower()))
    return bool(words & set(re.findall(r"\w+", surface.lower())))


def read_gum_identities(path: Path) -> tuple[str, list[GoldMention], int]:
    """A GUM document's text (rebuilt by ner_corpora, so both benchmarks see the same text), its person
    mentions with an identity that name it (`names_identity`), and how many identity-bearing person
    mentions it has in all."""
    text = _read_gum(path).text
    lines = path.read_text(encoding="utf-8").splitlines()
    fields = next((ln.split("=", 1)[1].strip().split("-") for ln in lines if ln.startswith("# global.Entity")),
                  ENTITY_FIELDS)
    if "etype" not in fields or "identity" not in fields:
        return text, [], 0
    type_at, ident_at = fields.index("etype") - 1, fields.index("identity") - 1  # offsets after the id
    toks: list[_Tok] = []
    open_: dict[str, list[tuple[int, str, str]]] = defaultdict(list)  # id -> (token, type, identity)
    spans: list[tuple[int, int, str, str]] = []
    pos = sent_offset = 0
    for line in lines:
        if line.startswith("# sent_id"):
            sent_offset = len(toks)
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if not cols[0].isdigit():
            continue
        start = text.find(cols[1], pos)  # tokens in order: their place in the rebuilt text
        start = pos if start < 0 else start
        pos = start + len(cols[1])
        head = int(cols[6]) - 1 + sent_offset if cols[6] != "0" else -1
        i = len(toks)
        toks.append(_Tok(cols[1], cols[3], head, start, pos))
        m = re.search(r"(?:^|\|)Entity=([^|]+)", cols[9])
        for ev in _ENTITY_EVENT.finditer(m.group(1) if m else ""):
            if ev.group(4):
                if open_[ev.group(4)]:
                    s, etype, ident = open_[ev.group(4)].pop()
                    spans.append((s, i + 1, etype, ident))
                continue
            parts = ev.group(2).split("-", len(fields) - 2)
            etype = parts[type_at] if len(parts) > type_at else ""
            ident = parts[ident_at] if len(parts) > ident_at else ""
            if ev.group(3):
                spans.append((i, i + 1, etype, ident))
            else:
                open_[ev.group(1)].append((i, etype, ident))
    named, total = [], 0
    for s, e, etype, ident in spans:
        if etype != "person" or not ident or ident == "_":
            continue
        total += 1
        span = _named_span(toks, s, e)
        if span and names_identity(text[toks[span[0]].start:toks[span[1] - 1].end], ident):
            h = toks[span[1] - 1]  # the surname: UD heads a flat name on its first word
            named.append(GoldMention(path.stem, toks[span[0]].start, toks[span[1] - 1].end, ident, h.start, h.end))
    return text, sorted(set(named), key=lambda g: g.start), total


# -- the kg side --------------------------------------------------------------------------------
def build_store(texts: dict[str, str], work: Path) -> Path:
    """Build a kg store from the texts (one JSONL record each, so no title line is taken off)."""
    corpus = work / "gum.jsonl"
    with corpus.open("w", encoding="utf-8") as f:
        for doc, text in texts.items():
            f.write(json.dumps({"id": doc, "text": text}, ensure_ascii=False) + "\n")
    store = work / "store"
    subprocess.run([sys.executable, "-m", "kg", "build", str(corpus), "--store", str(store)], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    return store


def read_store(store_path: Path) -> tuple[dict[str, str], list[KgMention], dict[str, str], dict[str, str],
                                          dict[str, str]]:
    """From a kg store: stored texts by document id, entity mentions, sameAs edges between minted
    entities, and each entity's label and kind (for the report)."""
    from kg.rdf.namespaces import DIP, ITSRDF, NIF, OWL, SKOS
    from kg.store import KgStore

    store = KgStore(store_path, read_only=True)
    m = store.minter
    ent_graph = m.special_graph("entities").nt()
    texts = {str(r["id"].value): str(r["text"].value) for r in store.query(
        f"SELECT ?id ?text WHERE {{ GRAPH ?g {{ ?d <{DIP}documentId> ?id ; <{NIF}isString> ?text }} }}",
        union=False).rows()}
    q = (f"SELECT ?d ?b ?e ?ent WHERE {{ GRAPH ?g {{ ?a <{ITSRDF}taIdentRef> ?ent ; <{NIF}beginIndex> ?b ; "
         f"<{NIF}endIndex> ?e ; <{NIF}referenceContext> ?doc . ?doc "
         f"<{DIP}documentId> ?d }} }}")
    mentions = [KgMention(str(r["d"].value), int(r["b"].value), int(r["e"].value), str(r["ent"].value))
                for r in store.query(q, union=False).rows()]
    same = {str(r["a"].value): str(r["b"].value) for r in store.query(
        f"SELECT ?a ?b WHERE {{ GRAPH {ent_graph} {{ ?a <{OWL}sameAs> ?b FILTER({m.sparql_minted('b')}) }} }}",
        union=False).rows()}
    labels = {str(r["e"].value): str(r["l"].value) for r in store.query(
        f"SELECT ?e ?l WHERE {{ GRAPH {ent_graph} {{ ?e <{SKOS}prefLabel> ?l }} }}", union=False).rows()}
    kinds = {iri: m.kind_of(iri) or "?" for iri in {x.entity for x in mentions}}
    return texts, mentions, same, labels, kinds


# -- alignment and counting ---------------------------------------------------------------------
def offset_map(gold_text: str, stored_text: str) -> list[tuple[int, int, int]]:
    """(gold start, gold end, shift) for each gold paragraph found unchanged, in order, in the stored
    text; a mention outside these ranges sits in a paragraph the ingest dropped or rewrote."""
    out, cursor, pos = [], 0, 0
    for para in gold_text.split("\n"):
        s = para.strip()
        if s:
            lead = pos + len(para) - len(para.lstrip())
            k = stored_text.find(s, cursor)
            if k >= 0:
                out.append((lead, lead + len(s), k - lead))
                cursor = k + len(s)
        pos += len(para) + 1
    return out


def shift_gold(gold: Iterable[GoldMention], ranges: list[tuple[int, int, int]]) -> tuple[list[GoldMention], int]:
    """Gold mentions moved onto the stored text, and how many fell in paragraphs the ingest changed."""
    out, lost = [], 0
    for g in gold:
        r = next((r for r in ranges if r[0] <= g.start and g.end <= r[1]), None)
        if r is None:
            lost += 1
        else:
            out.append(g.moved(r[2]))
    return out, lost


def canonical(entity: str, same: dict[str, str]) -> str:
    """The node an entity IRI stands for: follow owl:sameAs between minted entities to its end."""
    seen = {entity}
    while entity in same and same[entity] not in seen:
        entity = same[entity]
        seen.add(entity)
    return entity


def align(gold: Iterable[GoldMention], kg: Iterable[KgMention]) -> dict[GoldMention, set[str]]:
    """Each gold mention -> the entity IRIs of the kg mentions inside it that cover its last word (same
    document). Inside: "Andy Warhol" within the organization "Andy Warhol Foundation" is another entity,
    not Warhol split in two. Last word: "United States" within "President of the United States Barack Obama"
    is not Obama; "Trump" (as a person or an organization) within "Donald Trump" is."""
    by_doc: dict[str, list[KgMention]] = defaultdict(list)
    for k in kg:
        by_doc[k.doc].append(k)
    return {g: {k.entity for k in by_doc.get(g.doc, ())
                if g.start <= k.start and k.end <= g.end and k.start < g.head[1] and g.head[0] < k.end}
            for g in gold}


@dataclass
class IdentityScore:
    """Nodes per well-known identity, with and without following sameAs."""

    nodes: dict[str, set[str]]  # identity -> canonical nodes (sameAs followed)
    raw_nodes: dict[str, set[str]]  # identity -> entity IRIs as minted per document
    gold_mentions: int
    unaligned: int

    @property
    def identities(self) -> int:
        """Well-known identities kg found at all (one node or more): the ones the mean is taken over."""
        return sum(bool(v) for v in self.nodes.values())

    @property
    def not_found(self) -> list[str]:
        """Well-known identities none of whose mentions kg anchored: left out of the mean, which they
        would otherwise pull down (0 nodes is not 'one node')."""
        return sorted(i for i, v in self.nodes.items() if not v)

    def mean(self, raw: bool = False) -> float:
        sizes = [len(v) for v in (self.raw_nodes if raw else self.nodes).values() if v]
        return sum(sizes) / len(sizes) if sizes else 0.0

    def exactly_one(self, raw: bool = False) -> int:
        return sum(len(v) == 1 for v in (self.raw_nodes if raw else self.nodes).values())

    def worst(self, n: int = 10) -> list[tuple[str, set[str]]]:
        return sorted(self.nodes.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:n]


def score(aligned: dict[GoldMention, set[str]], same: dict[str, str], min_docs: int = MIN_DOCS) -> IdentityScore:
    """Count nodes for identities named in `min_docs`+ documents; a gold mention aligned to no kg
    entity adds no node (it is counted in `unaligned`), so a missed name never looks like a merge."""
    docs: dict[str, set[str]] = defaultdict(set)
    for g in aligned:
        docs[g.identity].add(g.doc)
    known = {i for i, d in docs.items() if len(d) >= min_docs}
    nodes: dict[str, set[str]] = {i: set() for i in known}
    raw: dict[str, set[str]] = {i: set() for i in known}
    mentions = unaligned = 0
    for g, ents in aligned.items():
        if g.identity not in known:
            continue
        mentions += 1
        unaligned += not ents
        raw[g.identity] |= ents
        nodes[g.identity] |= {canonical(e, same) for e in ents}
    return IdentityScore(nodes, raw, mentions, unaligned)


# -- CLI ----------------------------------------------------------------------------------------
def gum_gold(corpus: Path) -> Iterator[tuple[str, str, list[GoldMention], int]]:
    """(document, text, named gold mentions, all identity person mentions) for every file of the corpus."""
    for path in sorted(corpus.glob("*.conllu")):
        text, gold, total = read_gum_identities(path)
        yield path.stem, text, gold, total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of GUM .conllu files")
    ap.add_argument("--keep", type=Path, help="build (or reuse, incrementally) the store here and keep it")
    args = ap.parse_args()
    docs = list(gum_gold(args.corpus))
    if not docs:
        raise SystemExit(f"no .conllu files under {args.corpus}")
    texts = {name: text for name, text, _, _ in docs}
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        stored, kg_mentions, same, labels, kinds = read_store(build_store(texts, work))
    gold, lost, missing_docs = [], 0, 0
    for name, text, g, _ in docs:
        if name not in stored:
            missing_docs += 1
            lost += len(g)
            continue
        moved, n = shift_gold(g, offset_map(text, stored[name]))
        gold += moved
        lost += n
    result = score(align(gold, kg_mentions), same)
    genres = sorted({name.split("_")[1] for name in texts})
    named = sum(len(g) for _, _, g, _ in docs)
    print(f"corpus: {args.corpus} ({len(docs)} documents; genres: {', '.join(genres)})")
    print(f"gold person mentions with an identity: {sum(t for *_, t in docs)}; naming it: {named}; "
          f"in paragraphs the ingest changed or documents not built: {lost} ({missing_docs} documents)")
    print(f"well-known persons (named in {MIN_DOCS}+ documents): {len(result.nodes)}, "
          f"{result.gold_mentions} mentions; found by kg (1+ node): {result.identities}; "
          f"not found: {', '.join(result.not_found) or '-'}\n")
    print("| nodes per well-known person | mean | exactly 1 node | target |")
    print("|---|---:|---:|---:|")
    for title, raw in (("sameAs followed", False), ("as minted (no sameAs)", True)):
        print(f"| {title} | {result.mean(raw):.3f} | {result.exactly_one(raw)}/{result.identities} | <= {TARGET} |")
    share = result.unaligned / result.gold_mentions if result.gold_mentions else 0.0
    print(f"\ngold mentions aligned to no kg entity: {result.unaligned}/{result.gold_mentions} ({share:.1%})")
    print("\nworst identities (nodes: label [kind]):")
    for ident, nodes in result.worst():
        shown = "; ".join(f"{labels.get(n, n.rsplit('/', 1)[-1])} [{kinds.get(n) or _kind(n)}]"
                          for n in sorted(nodes, key=lambda n: labels.get(n, n)))
        print(f"  {ident}: {len(nodes)}: {shown or '-'}")


def _kind(iri: str) -> str:
    """The kind in a minted IRI ('.../id/person/x' -> person), for nodes reached only through sameAs."""
    parts = iri.rstrip("/").split("/")
    return parts[-2] if len(parts) >= 2 else "?"


if __name__ == "__main__":
    main()
