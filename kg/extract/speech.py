"""The speech lexicon: which verbs and nouns report speech, and which stance a cue or claim takes."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from kg.data import word_list, word_map, words
from kg.nlp import labels as L

SPEECH_VERBS = words("speech", "verbs")
#: Documents that speak for their issuer: "the statement reads …".
_DOCUMENTS = words("speech", "documents")
#: Readouts and state media: what a leader conveyed, not only what they said. Inside another report
#: ("Macron said Putin had assured him …") they are that report's content, not a statement of their own.
READOUT_VERBS = words("speech", "readout_verbs")
SPEECH_VERBS |= READOUT_VERBS
#: Readout verbs that report speech only with the right object: "welcomed the decision" (not "welcomed
#: the President to Chequers"), "raised concerns" (not "raised tariffs").
_WELCOMED_PEOPLE = frozenset({L.PERSON, L.GPE, L.NORP})
_RAISED = words("speech", "raised")
#: Cues whose content may be a noun phrase ("China denied the accusations"): the whole clause is the claim.
NOMINAL_OBJECT_CUES = words("speech", "nominal_object_cues")
#: Verbs that give their object a character: 'described the talks as "frank"', 'characterized X as Y'.
CHARACTERISING = word_list("speech", "characterising")
#: Nouns for what someone said: "Clapper's assertion that …", "a charge China denies".
SPEECH_NOUNS = words("speech", "nouns")
CHARGE_NOUNS = words("speech", "charge_nouns")
DENIAL_VERBS = words("speech", "denial_verbs")

STANCE = word_map("speech", "stance")
_CONTENT_STANCE = [(re.compile(r"\b(den(y|ies|ied)|groundless|baseless|refute[sd]?|reject(s|ed)?)\b", re.I), "denies"),
                   (re.compile(r"\b(accus\w+|blam\w+|behind the)\b", re.I), "accuses"),
                   (re.compile(r"\b(warn\w*|threat\w*|will win)\b", re.I), "warns"),
                   (re.compile(r"\b(urg\w+|call(s|ed)? (on|for)|should)\b", re.I), "calls_for"),
                   # the verb, not the noun: "the agreement would harm industry" agrees with nothing
                   (re.compile(r"\b(agree[sd]?|agreeing|consensus)\b", re.I), "agrees")]
_NEGATED = re.compile(r"\b(not|n't|no|never|without|fail(s|ed)? to)\s+(\w+\s+)?$", re.I)


def stance_of(cue_lemma: str, content: str) -> str | None:
    """The stance a cue takes, else the one its content signals ("did not agree" signals none)."""
    stance = STANCE.get(cue_lemma)
    if stance is None:
        stance = next((s for rx, s in _CONTENT_STANCE
                       if (m := rx.search(content)) and not _NEGATED.search(content[:m.start()])), None)
    return stance


def is_cue(tok: Token) -> bool:
    """A verb that reports speech, including 'put forward' and 'make (it) clear'."""
    if tok.pos_ != "VERB":
        return False
    lemma = tok.lemma_.lower()
    if lemma == "welcome":
        return not any(c.dep_ == L.DOBJ and (c.ent_type_ in _WELCOMED_PEOPLE or c.lower_ in ("him", "her", "them"))
                       for c in tok.children)
    if lemma == "thank" and any(c.dep_ == L.DOBJ and c.lower_ == "you" for c in tok.children):
        return False  # "thank you": a courtesy
    if lemma == "raise":
        return any(c.dep_ == L.DOBJ and c.lower_ in _RAISED for c in tok.children)
    if lemma in SPEECH_VERBS:
        return True
    if lemma == "read":  # 'The joint statement reads: "…"', not 'he read the report'
        return any(c.dep_ in (L.NSUBJ, L.NSUBJPASS) and c.lemma_.lower() in _DOCUMENTS for c in tok.children)
    if lemma == "offer":  # "offered to let investigators attend": a proposal; not "offered aid"
        return any(c.dep_ == L.XCOMP for c in tok.children)
    if lemma == "ask":  # "asked the governments not to turn away boats": a request; not "asked whether …"
        return any(c.dep_ == L.XCOMP for c in tok.children) and any(c.dep_ == L.DOBJ for c in tok.children)
    if lemma == "point":  # "pointed out that …"
        return any(c.dep_ == L.PRT and c.lower_ == "out" for c in tok.children)
    if lemma == "put":
        return any(c.lower_ == "forward" for c in tok.children)
    if lemma in ("call", *CHARACTERISING) and _characterises(tok):
        return True  # 'called the talks "frank and useful"', 'described the talks as "frank"'
    if lemma in ("call", "appeal"):  # "called for a ceasefire", "called on Israel to …", not "called him on Friday"
        return not any(c.dep_ == L.DOBJ for c in tok.children) and any(
            c.dep_ == L.PREP and (c.lower_ == "for" or c.lower_ == "on" and _urged(tok, c))
            and not any(o.ent_type_ in (L.DATE, L.TIME) for o in c.children) for c in tok.children)
    if lemma == "make":
        return any(c.lower_ == "clear" for c in tok.children)
    if lemma == "speak":  # "spoke highly of the cooperation": praise, as state media write it
        return any(c.lower_ == "highly" for c in tok.children) and any(
            c.dep_ == L.PREP and c.lower_ == "of" for c in tok.children)
    return False


def _urged(verb: Token, on: Token) -> bool:
    """'called on Israel to halt …' urges; 'called on the crown prince' (with nothing asked of him) visits."""
    return any(c.dep_ == L.XCOMP for c in verb.children) or any(
        c.dep_ in (L.XCOMP, L.ACL, L.RELCL) for o in on.children for c in o.children)


def _characterises(tok: Token) -> bool:
    """'called X "…"' / 'described X as "…"': the verb gives its object a quoted or stated character."""
    obj = next((c for c in tok.children if c.dep_ == L.DOBJ), None)
    if obj is None:
        return False
    if tok.lemma_.lower() in CHARACTERISING:
        return any(t.lower_ == "as" for t in tok.subtree if t.i > obj.i)
    after = tok.doc[obj.right_edge.i: min(len(tok.doc), obj.right_edge.i + 3)]
    return any(c.dep_ in (L.OPRD, L.XCOMP) for c in tok.children) or any(t.text in ('"', "“") for t in after) or any(
        t.text in ('"', "“") for t in tok.doc[obj.i: obj.right_edge.i])


def reported_inside_another(tok: Token) -> bool:
    """A readout verb under another speech verb: 'X said Russia highly appreciates …' is X's statement."""
    if tok.lemma_.lower() not in READOUT_VERBS:
        return False
    head = tok
    while head.dep_ == L.CONJ and head.head != head:
        head = head.head  # "X called for …, and requested …": coordinated with the cue, not inside it
    return any(is_cue(a) for a in head.ancestors)


def that_clause(tok: Token) -> Span | None:
    """The clause introduced by 'that' somewhere below `tok` ('made it clear that …')."""
    for t in tok.subtree:
        if t.lower_ == "that" and t.dep_ == L.MARK and t.i > tok.i:
            head = t.head
            return tok.doc[t.i + 1: head.right_edge.i + 1]
    return None


def clause_told(cue: Token) -> Token | None:
    """'X tells the pool he expects …': the small parser hangs the told clause on the listener as a
    relative clause; a clause with a subject of its own that is no relative pronoun is what was told."""
    if cue.lemma_.lower() not in ("tell", "inform", "assure", "brief", "remind"):
        return None
    for obj in cue.children:
        if obj.dep_ != L.DOBJ:
            continue
        for clause in obj.children:
            if clause.dep_ == L.RELCL and clause.i == obj.i + 2 and any(
                    c.dep_ in (L.NSUBJ, L.NSUBJPASS) and c.i == obj.i + 1 and c.tag_ not in ("WP", "WDT")
                    for c in clause.children):
                return clause
    return None


_AND_THAT = re.compile(r",?\s+and\s+that\s+")


def that_clauses(content: str) -> list[str]:
    """'stated that A, and that B': two claims, A and B."""
    parts = [p.strip(" ,") for p in _AND_THAT.split(content)]
    return [p for p in parts if len(p.split()) >= 3] or [content]
