"""Beyond one process: the Dask cluster path, and ingests that are killed, read while they write, or run out
of disk."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from helpers import REPO

from kg import api
from kg.cli import main
from kg.store import Store

SAMPLE = REPO / "data" / "sample"


def _quads(path) -> set:
    with Store(path, read_only=True) as st:
        return set(st.oxigraph.quads_for_pattern(None, None, None))


def test_a_dask_cluster_ingest_stores_what_one_process_stores(tmp_path):
    distributed = pytest.importorskip("distributed")
    with Store(tmp_path / "one") as st:
        one = api.ingest(st, [SAMPLE])
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        result = CliRunner().invoke(main, ["ingest", str(SAMPLE), "--store", str(tmp_path / "cluster"),
                                           "--cluster", cluster.scheduler_address])
    assert result.exit_code == 0, result.stderr
    assert f"ingested {len(one.loaded)} article(s)" in result.stderr and len(one.loaded) == 26
    assert _quads(tmp_path / "one") == _quads(tmp_path / "cluster")


def test_an_unreachable_cluster_is_a_clear_error(tmp_path):
    from helpers import free_port

    result = CliRunner().invoke(main, ["ingest", str(SAMPLE), "--store", str(tmp_path / "s"),
                                       "--cluster", f"tcp://127.0.0.1:{free_port()}"])
    assert result.exit_code == 1 and "cannot reach the Dask scheduler" in result.stderr
    assert "Traceback" not in result.stderr
