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
NSUBJ = "nsubj"
NSUBJPASS = "nsubjpass"
CSUBJ = "csubj"
DOBJ = "dobj"
POBJ = "pobj"
ATTR = "attr"
DATIVE = "dative"
OPRD = "oprd"
AGENT = "agent"
CCOMP = "ccomp"
XCOMP = "xcomp"
ACOMP = "acomp"
PCOMP = "pcomp"
ADVCL = "advcl"
RELCL = "relcl"
ACL = "acl"
PARATAXIS = "parataxis"
CONJ = "conj"
CC = "cc"
APPOS = "appos"
PREP = "prep"
PRT = "prt"
POSS = "poss"
NEG = "neg"
MARK = "mark"
COMPOUND = "compound"
AMOD = "amod"
NMOD = "nmod"
NUMMOD = "nummod"
NPADVMOD = "npadvmod"
ADVMOD = "advmod"
DET = "det"
PREDET = "predet"
DEP = "dep"  # unclassified
ROOT = "ROOT"
SUBJECTS = frozenset({NSUBJ, NSUBJPASS, CSUBJ})
OBJECTS = frozenset({DOBJ, POBJ, ATTR, DATIVE})
CLAUSAL_COMPLEMENTS = frozenset({CCOMP, XCOMP})
AUX = frozenset({"aux", "auxpass"})
