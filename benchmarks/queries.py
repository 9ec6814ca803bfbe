"""A fixed set of Whoosh queries of different shapes over a generated archive (benchmarks/generate.py):
plain and stemmed words, phrases, identifiers, fields, date ranges, committee, person and status
filters, a typo and a query with no results. The same list every run, so latencies compare."""

from __future__ import annotations

# (query text, filters as `archive search` options take them)
QUERIES: list[tuple[str, dict]] = [
    ("cycle path", {}),
    ("parking charges", {}),
    ("flood defences", {}),
    ("leisure centre refurbishment", {}),
    ("report", {}),
    ("council", {}),
    ("consultation", {}),
    ("charging points", {}),
    ("homelessness", {}),
    ("planting", {}),  # stemmed: "planting" finds "plant"
    ("benchmarking", {}),
    ("inspections", {}),
    ('"garden waste collection"', {}),
    ('"report back to the next meeting"', {}),
    ('"budget monitoring report"', {}),
    ('"street lighting"', {}),
    ("minute 12", {}),
    ("minute 120", {}),
    ("12/19", {}),
    ("kind:resolution taxi", {}),
    ("kind:document market hall", {}),
    ("bus services", {"committee": "environment-and-transport-committee"}),
    ("housing", {"committee": "housing-scrutiny-panel"}),
    ("audit", {"committee": "audit-and-governance-committee"}),
    ("budget", {"date_from": "2020-01-01", "date_to": "2020-12-31"}),
    ("toilets", {"date_from": "2021-06-01"}),
    ("cemetery", {"date_to": "2019-12-31"}),
    ("", {"committee": "cabinet", "date_from": "2021-01-01", "date_to": "2021-03-31"}),
    ("playground", {"kind": "item"}),
    ("tree", {"kind": "resolution", "status": "open"}),
    ("", {"status": "overdue"}),
    ("", {"person": "Patel"}),
    ("licensing", {"person": "Singh"}),
    ("conservaton area", {}),  # a typo: no results, with suggestions
    ("zeppelin", {}),  # nothing at all
    ("local plan examination inspector", {"limit": 50}),
]
