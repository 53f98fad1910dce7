"""The few label names the extractors depend on, in one place.

Every `en_core_web_*` pipeline uses OntoNotes entity labels and ClearNLP dependency labels; a
UD-labelled pipeline could be plugged in by changing this module alone.
"""

from __future__ import annotations

# Entity labels (OntoNotes).
PERSON = "PERSON"
ORG = "ORG"
GPE = "GPE"
LOC = "LOC"
NORP = "NORP"
FAC = "FAC"
DATE = "DATE"
TIME = "TIME"
CARDINAL = "CARDINAL"
ORDINAL = "ORDINAL"
ENTITY_LABELS = frozenset({PERSON, ORG, GPE, LOC, NORP, FAC})

# Dependency labels (ClearNLP).
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
OBJECTS = frozenset({"dobj", "pobj", "attr", "dative"})
CLAUSAL_COMPLEMENTS = frozenset({"ccomp", "xcomp"})
CONJ = "conj"
APPOS = "appos"
PREP = "prep"
POSS = "poss"
RELCL = "relcl"
ADVCL = "advcl"
AUX = frozenset({"aux", "auxpass"})
NEG = "neg"
COMPOUND = "compound"
MARK = "mark"
