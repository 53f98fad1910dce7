"""The rules name dependency and entity labels only through kg/nlp/labels.py, so a pipeline with other
labels could be plugged in by changing that module alone."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RULES = sorted([*(ROOT / "kg" / "extract").rglob("*.py"), *(ROOT / "kg" / "nlp").glob("*.py")])
#: A label attribute compared with a string written out: `c.dep_ == "dobj"`, `tok.dep_ in ("nsubj", …)`.
LITERAL = re.compile(r"\.(dep_|ent_type_|label_)\s*(==|!=|not in|in)\s*([({\[][^)}\]]*)?[\"'][A-Za-z]")


def test_no_rule_writes_a_label_out() -> None:
    found = [f"{p.relative_to(ROOT)}:{n}: {line.strip()}" for p in RULES if p.name != "labels.py"
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if LITERAL.search(line)]
    assert not found, "use the constants of kg/nlp/labels.py:\n" + "\n".join(found)

