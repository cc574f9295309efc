"""Regenerate the golden Turtle files of tests/data/golden from their records.

Run after a deliberate change to the triples module:  python tools/regen_golden.py
Review the diff before committing: the golden files are what the tests hold the mapping to.
"""

from __future__ import annotations

import json
from pathlib import Path

from kg.records import ArticleRecord
from kg.triples import record_to_graph

GOLDEN = Path(__file__).resolve().parent.parent / "tests" / "data" / "golden"

for source in sorted(GOLDEN.glob("*_record.json")):
    record = ArticleRecord.from_dict(json.loads(source.read_text("utf-8")))
    target = source.with_name(source.name.replace("_record.json", ".ttl"))
    target.write_text(record_to_graph(record).serialize(format="turtle"), "utf-8")
    print(f"wrote {target}")
