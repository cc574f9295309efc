"""The hostile corpus (tests/hostile, see its README): each input gets a clear error or a correct record, none a
traceback or a hang, and none changes what was already stored."""

from __future__ import annotations

import contextlib
import hashlib
import signal
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from helpers import HERE, REPO

from kg import api
from kg.records import content_hash
from kg.store import Store

HOSTILE = HERE / "hostile"
PARAGRAPH = "Opposition leader Maria Ostrova said on Monday that the police tortured two journalists in custody. "


def _cases() -> list[list[str]]:
    lines = (HOSTILE / "EXPECTED.tsv").read_text("utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


CASES = _cases()


def _generate(name: str, folder: Path) -> Path:
    path = folder / name
    if name == "big-50mb.txt":
        size = 50 * 1024 * 1024
        with path.open("w", encoding="utf-8") as out:
            out.write((PARAGRAPH * (size // len(PARAGRAPH) + 1))[:size])
    elif name == "nested.html":
        path.write_text("<html><body>" + "<div>" * 100_000 + f"<p>{PARAGRAPH * 3}</p>" + "</div>" * 100_000
                        + "</body></html>", "utf-8")
    elif name == "nested-unclosed.html":
        path.write_text("<html><body>" + "<div><span>" * 50_000 + PARAGRAPH * 3, "utf-8")
    else:
        raise AssertionError(f"no generator for {name}")
    return path


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    gold = REPO.parent / "shared" / "eval" / "dev" / "gold.jsonl"
    if not gold.exists():
        pytest.skip("../shared/eval is not beside this checkout")
    with Store(tmp_path_factory.mktemp("hostile") / "store") as st:
        assert st.load_file(gold).ok
        yield st


def _digests(st: Store) -> dict[str, str]:
    """Each named graph's quads, digested."""
    out = {}
    for g in st.oxigraph.named_graphs():
        quads = sorted(str(q) for q in st.oxigraph.quads_for_pattern(None, None, None, g))
        out[g.value] = hashlib.sha256("\n".join(quads).encode()).hexdigest()
    return out


@contextlib.contextmanager
def _deadline(seconds: int):
    def hang(*_):
        raise TimeoutError(f"no answer within {seconds} s: a hang")

    old = signal.signal(signal.SIGALRM, hang)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def test_the_corpus_has_at_least_30_inputs_and_each_is_listed():
    listed = {c[0] for c in CASES}
    on_disk = {str(p.relative_to(HOSTILE)) for p in HOSTILE.rglob("*") if p.is_file()} - {"EXPECTED.tsv", "README.md"}
    assert on_disk <= listed and len(listed) >= 30


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_a_hostile_input_gets_a_clear_error_or_a_record_and_changes_nothing_stored(case, store, tmp_path):
    name, via, stored, errors, message, _what = case
    path = _generate(name.split("/", 1)[1], tmp_path) if name.startswith("GENERATED/") else HOSTILE / name
    before = _digests(store)
    with _deadline(120):
        report = store.load_file(path) if via == "load" else api.ingest(store, [path])
    assert (len(report.loaded), len(report.errors)) == (int(stored), int(errors)), report.errors
    if message != "-":
        assert message in report.errors[0]
    for error in report.errors:
        assert path.name in error and "Traceback" not in error
    after = _digests(store)
    mine = {g for g in after if any(g.endswith("/" + _slug(i)) for i in report.loaded)}

    def kept(digests: dict[str, str]) -> dict[str, str]:  # the actors and resolution graphs grow with every article
        return {g: d for g, d in digests.items() if g not in mine and "/graph/actors" not in g and "/curated/" not in g}

    assert kept(before) == {g: d for g, d in kept(after).items() if g in before}
    assert set(kept(after)) - set(before) == set()  # nothing stored beyond the input's own articles


def _slug(article_id: str) -> str:
    from kg.triples import article_graph

    return str(article_graph(article_id)).rsplit("/", 1)[-1]


def test_what_the_records_of_hostile_inputs_hold(tmp_path):
    """Text is stored as it was read, hostile names are data, and no entity was expanded."""
    with Store(tmp_path / "s") as st:
        files = ["sparql-names.txt", "rtl.txt", "zero-width.txt", "xxe.xml", "billion-laughs.xml",
                 "lone-surrogate.jsonl", "hostile-ids.jsonl"]
        report = api.ingest(st, [HOSTILE / f for f in files])
        assert not report.errors and len(report.loaded) == 12
        for f in ("rtl.txt", "zero-width.txt"):
            text = (HOSTILE / f).read_text("utf-8")
            assert st.has_content(f.rsplit(".", 1)[0], content_hash(text)), f
        literals = [q.object.value for q in st.oxigraph.quads_for_pattern(None, None, None)
                    if isinstance(q.object, ox.Literal)]
        assert not any("root:" in v for v in literals)  # /etc/passwd was not read into the xxe entry
        assert max(len(v) for v in literals) < 100_000  # nothing expanded into a billion laughs
        # the lone surrogate, replaced one for one
        assert st.has_content("h-surrogate", content_hash("The minister said \ufffd that all is well."))
        assert any("DROP ALL" in v for v in literals)  # stored as text, not run
        assert st.stats()["articles"] == 12
        rows = api.query(st, name="who-said-what").rows
        assert rows


def test_the_cli_over_the_whole_corpus_reports_errors_and_no_traceback(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "ingest", str(HOSTILE), "--store", str(tmp_path / "s")],
                          capture_output=True, text=True, timeout=600)
    expected_errors = sum(int(c[3]) for c in CASES if c[1] == "ingest" and not c[0].startswith("GENERATED/")
                          and not c[0].startswith("records/"))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.count("error: ") >= expected_errors - 2  # records/*.jsonl are articles files to ingest too
