"""The notebook runs from top to bottom in a kernel of this environment (nbclient), without an error, and its
numbers are those of `kg query` on the store it built."""

from __future__ import annotations

import json
from collections import Counter

import nbformat
import pytest
from click.testing import CliRunner
from helpers import REPO

PROBE = """import json
print("PROBE" + json.dumps({"store": str(store_path), "speakers": speakers, "accused": accused,
                            "accusations": accusations}))"""


def kg_query(store: str, name: str) -> list[dict]:
    from kg.cli import main

    result = CliRunner().invoke(main, ["query", "--name", name, "--format", "ndjson", "--store", store])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.slow
def test_who_said_what_notebook_executes_and_agrees_with_kg_query():
    from nbclient import NotebookClient

    path = REPO / "notebooks" / "who-said-what.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(PROBE))
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(REPO)}}).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "articles ingested, 0 errors" in text
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the chart
    assert any("<iframe srcdoc=" in o.get("data", {}).get("text/html", "") for o in outputs)  # the view
    numbers = json.loads(text.split("PROBE", 1)[1].splitlines()[0])
    # the speakers' statements: rows of who-said-what per speaker
    said = Counter(r["speaker"] for r in kg_query(numbers["store"], "who-said-what") if r.get("speaker"))
    assert {r["name"]: r["statements"] for r in numbers["speakers"]} == dict(said)
    # claims per country: the sum of claims-by-country, as the notebook's table and chart show
    claims = Counter()
    for r in kg_query(numbers["store"], "claims-by-country"):
        claims[r["country"]] += int(r["claims"])
    assert {r["name"]: r["claims"] for r in numbers["accused"]} == dict(claims)
    assert numbers["accused"][0]["claims"] == max(claims.values())
    assert numbers["accusations"] == kg_query(numbers["store"], "accusations")
