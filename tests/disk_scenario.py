"""Run by tests/test_faults.py inside `unshare --map-root-user --mount`: a store on a small tmpfs that fills up
mid-ingest, is given room again and the ingest resumed, then a store folder mounted read-only. Prints what it saw
as one JSON object.

    unshare -rm python tests/disk_scenario.py SAMPLE_DIR CORPUS_DIR
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError
from kg.loaders import jsonl, load_path


def kg(*args: str) -> dict:
    proc = subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, timeout=600)
    return {"rc": proc.returncode, "out": proc.stdout, "err": proc.stderr[-3000:]}


def stats(store: str) -> dict:
    result = kg("stats", "--format", "json", "--store", store)
    return json.loads(result["out"]) if result["rc"] == 0 else {"error": result["err"]}


def digest(store: str, graphs: list[str] | None = None) -> tuple[list[str], str]:
    """The article graphs (all, or those given) and a digest of their quads, to see that later faults leave
    what was stored before exactly as it was."""
    from kg.store import Store

    with Store(store, read_only=True) as st:
        graphs = graphs if graphs is not None else st.article_graphs()
        quads = sorted(str(q) for g in graphs for q in st.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(g)))
    return graphs, hashlib.sha256("\n".join(quads).encode()).hexdigest()


def main() -> int:
    sample, corpus = sys.argv[1], sys.argv[2]
    work = tempfile.mkdtemp(prefix="kg-disk-scenario-")
    more = os.path.join(work, "more.jsonl")  # the corpus three times under new ids: more than the disk has room for
    articles = [a for a in load_path([Path(corpus)]) if not isinstance(a, KgError)]
    jsonl.write(Path(more), (dataclasses.replace(a, id=f"{a.id}-{i}") for i in range(3) for a in articles))
    disk = os.path.join(work, "disk")
    os.mkdir(disk)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=160m", "kgtest", disk], check=True)
    store = os.path.join(disk, "store")
    seen: dict = {"first": kg("ingest", sample, "--no-validate", "--store", store)}
    seen["before"] = stats(store)
    graphs, seen["before_digest"] = digest(store)
    # leave 4 MB: the next ingest stores some articles, then the disk is full (a store written by the bulk loader
    # keeps no large write-ahead log for RocksDB to free on opening, as the store of per-article transactions did)
    free = shutil.disk_usage(disk).free
    with open(os.path.join(disk, "filler"), "wb") as f:
        f.write(b"\0" * max(free - 2**22, 0))
    seen["full"] = kg("ingest", more, "--no-validate", "--store", store)
    seen["after_full"] = stats(store)
    seen["after_full_digest"] = digest(store, graphs)[1]
    os.remove(os.path.join(disk, "filler"))
    seen["after_free"] = stats(store)
    seen["resumed"] = kg("ingest", more, "--no-validate", "--store", store)
    seen["resumed_stats"] = stats(store)
    seen["validate"] = kg("validate", "--store", store)
    subprocess.run(["mount", "-o", "remount,ro", disk], check=True)
    seen["ro_ingest"] = kg("ingest", sample, "--store", store)
    seen["ro_query"] = kg("query", "--name", "actors", "--format", "json", "--store", store)
    seen["ro_stats"] = stats(store)
    seen["final_digest"] = digest(store, graphs)[1]
    print(json.dumps(seen))
    return 0


if __name__ == "__main__":
    sys.exit(main())
