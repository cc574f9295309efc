"""The notebook runs from top to bottom in a kernel of this environment (nbclient), without an error."""

from __future__ import annotations

import nbformat
import pytest
from conftest import REPO


@pytest.mark.slow
def test_who_said_what_notebook_executes():
    from nbclient import NotebookClient

    path = REPO / "notebooks" / "who-said-what.ipynb"
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(REPO)}}).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "articles ingested, 0 errors" in text
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the chart
    assert any("<iframe srcdoc=" in o.get("data", {}).get("text/html", "") for o in outputs)  # the view
