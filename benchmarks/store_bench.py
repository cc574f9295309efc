"""Store benchmark: kg's load and query paths against raw pyoxigraph on the same ~1M triples, in one run.

    python benchmarks/store_bench.py [--triples 1000000] [--repeat 3]

Synthetic article records (shared pools of people, bodies and countries, so actors recur across
articles as in real news) are turned into triples by kg.triples and written as N-Quads. Then:

- load: `kg load FILE.nq` (Store.load_file: parse, then one atomic graph replacement per article)
  against pyoxigraph's own bulk loader on the same file into an empty store;
- records: the full records path (JSONL -> triples -> store) without SHACL, and SHACL's cost per
  article measured on a sample, reported for information;
- queries: every shipped query through Store.query against the same SPARQL on raw pyoxigraph over
  the same data (best of --repeat runs each);
- peak memory of the process (ru_maxrss).

Prints a table of times and ratios (kg / baseline). Targets: load <= 2x, each query <= 1.5x,
peak memory <= 1.5 GiB.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from kg.records import Actor, Article, ArticleRecord, Claim, Figure, Law, Span, Statement
from kg.resources import query_names, query_text
from kg.store import Store
from kg.terms import to_ox
from kg.triples import article_graph, partition, record_to_graph
from kg.vocab import ACTORS_GRAPH, PREFIXES

COUNTRIES = ["Azerbaijan", "Russia", "Georgia", "Belarus", "Iran", "China", "Nicaragua", "Ethiopia", "Cambodia",
             "Vietnam", "Zimbabwe", "Bahrain", "Sudan", "Laos", "Kyrgyzstan", "Saudi Arabia", "Burundi", "Ukraine"]
ABUSES = ["torture", "political_prisoners", "arbitrary_detention", "media_restrictions", "unfair_trial",
          "violence_against_journalists", "civil_society_restrictions", "corruption", "expression_restrictions"]
FIRST = ["Anna", "Ali", "Maria", "Ivan", "Leyla", "Nguyen", "Sok", "Tendai", "Fatima", "John", "Elena", "Omar"]
LAST = ["Aliyev", "Petrova", "Mammadov", "Tran", "Chea", "Moyo", "Hassan", "Smith", "Kovalenko", "Rahimi"]


def synthetic_record(i: int, rng: random.Random) -> ArticleRecord:
    country = rng.choice(COUNTRIES)
    people = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(4)]
    ngo = f"{rng.choice(['Human Rights', 'Press Freedom', 'Civil Liberties'])} {rng.choice(['Watch', 'Center', 'Union'])}"
    actors = [Actor(name=p, type="Person", aliases=(p.split()[1],), roles=("spokesperson",),
                    spans=(Span(10 * k, 10 * k + len(p), k),)) for k, p in enumerate(people)]
    actors += [Actor(name=country, type="Country"), Actor(name=f"Government of {country}", type="GovernmentBody",
                                                         stands_for=country),
               Actor(name=ngo, type="NGO"), Actor(name="U.S. Department of State", type="GovernmentBody")]
    text_len = 6000
    statements = []
    for k in range(10):
        start = 200 + k * 400
        statements.append(Statement(
            speaker=rng.choice([*people, ngo, "U.S. Department of State"]), kind=rng.choice(["direct", "indirect"]),
            text=f"statement {i}-{k}: the authorities of {country} detained critics and journalists", cue="said",
            about=(country,), spans=(Span(start, start + 80, 3 + k),), rule="bench.rule", confidence=0.8))
    claims = [Claim(abuse=rng.choice(ABUSES), country=country, claimant=rng.choice([ngo, "U.S. Department of State"]),
                    perpetrator="security forces", statement=k, spans=(Span(250 + k * 400, 270 + k * 400, 3 + k),),
                    rule="bench.claim", confidence=0.7) for k in range(6)]
    laws = [Law(name="foreign agent law", jurisdiction=country, status="draft", spans=(Span(5000, 5017, 30),),
                rule="bench.law", confidence=0.6)]
    figures = [Figure(value=rng.randint(2, 500), what="political prisoners", country=country, claimant=ngo,
                      date="2023-12", spans=(Span(5500, 5503, 32),), rule="bench.figure", confidence=0.7)]
    return ArticleRecord(Article(f"bench-{i}", title=f"Article {i}", published="2024-01-01", length=text_len),
                         tuple(actors), tuple(statements), tuple(claims), tuple(laws), tuple(figures))


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    rng = random.Random(7)
    try:
        nq, records_path = work / "data.nq", work / "records.jsonl"
        n_triples = n_records = 0
        t = time.perf_counter()
        shared: set = set()
        with nq.open("wb") as out, records_path.open("w", encoding="utf-8") as rec_out:
            while n_triples < args.triples:
                record = synthetic_record(n_records, rng)
                own, common = partition(record_to_graph(record))  # laid out as kg stores a record
                g = ox.NamedNode(str(article_graph(record.id)))
                ox.serialize([ox.Quad(to_ox(s), to_ox(p), to_ox(o), g) for s, p, o in own], out, ox.RdfFormat.N_QUADS)
                new = set(common) - shared
                shared |= new
                actors = ox.NamedNode(str(ACTORS_GRAPH))
                ox.serialize([ox.Quad(to_ox(s), to_ox(p), to_ox(o), actors) for s, p, o in new], out,
                             ox.RdfFormat.N_QUADS)
                rec_out.write(record.to_json() + "\n")
                n_triples += len(own) + len(new)
                n_records += 1
        prep = time.perf_counter() - t
        print(f"prepared {n_records} synthetic articles, {n_triples} triples in {prep:.1f} s "
              f"(record -> triples: {n_triples / prep:,.0f} triples/s)")

        # -- load ------------------------------------------------------------------------------
        t = time.perf_counter()
        raw = ox.Store(str(work / "raw"))
        raw.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
        raw.flush()
        t_bulk = time.perf_counter() - t
        mem_after_bulk = peak_mib()

        t = time.perf_counter()
        with Store(work / "kg") as st:
            report = st.load_file(nq)
        t_kg = time.perf_counter() - t
        assert not report.errors and len(report.loaded) >= n_records, report.errors[:3]
        mem_after_kg = peak_mib()

        t = time.perf_counter()
        with Store(work / "kg-records") as st:
            report = st.load_file(records_path, validate=False)
        t_records = time.perf_counter() - t
        assert len(report.loaded) == n_records
        sample = [synthetic_record(i, random.Random(i)) for i in range(20)]
        from kg.validate import validate_graph

        t = time.perf_counter()
        for record in sample:
            validate_graph(record_to_graph(record))
        shacl_per_article = (time.perf_counter() - t) / len(sample)

        print(f"  load: kg {t_kg:.1f} s, bulk {t_bulk:.1f} s, records {t_records:.1f} s", flush=True)
        rows = [("load (N-Quads)", t_kg, t_bulk, 2.0),
                ("load records, no SHACL", t_records, t_bulk, None)]

        # -- queries ---------------------------------------------------------------------------
        kg_store = Store(work / "kg", read_only=True)
        raw_ro = ox.Store.read_only(str(work / "kg"))
        prefixes = {p: str(ns) for p, ns in PREFIXES.items()}
        for name in query_names():
            text = query_text(name)
            params = {"actor": "Azerbaijan"} if name == "statements-about" else None
            subs = {ox.Variable(k): ox.Literal(v) for k, v in (params or {}).items()} or None
            t_k = best(lambda text=text, params=params: kg_store.query(text, params), args.repeat)
            t_r = best(lambda text=text, subs=subs: list(raw_ro.query(text, use_default_graph_as_union=True,
                                                                     prefixes=prefixes, substitutions=subs)),
                       args.repeat)
            rows.append((f"query {name}", t_k, t_r, 1.5))
            print(f"  query {name}: kg {t_k:.3f} s, raw {t_r:.3f} s", flush=True)
        kg_store.close()

        print(f"\n{'step':<28}{'kg (s)':>10}{'baseline (s)':>14}{'ratio':>8}  target")
        failed = False
        for label, a, b, target in rows:
            ratio = a / b if b else float("inf")
            verdict = "" if target is None else ("ok" if ratio <= target else "MISSED")
            failed |= verdict == "MISSED"
            print(f"{label:<28}{a:>10.3f}{b:>14.3f}{ratio:>8.2f}  {'' if target is None else f'<= {target}x'} {verdict}")
        print(f"\nSHACL per article graph (sample of {len(sample)}): {shacl_per_article * 1000:.0f} ms "
              f"(kg load validates records by default; --no-validate skips it)")
        print(f"peak memory: {peak_mib():.0f} MiB (after bulk load {mem_after_bulk:.0f}, after kg load {mem_after_kg:.0f}); "
              f"target <= 1536 MiB {'ok' if peak_mib() <= 1536 else 'MISSED'}")
        print(json.dumps({"triples": n_triples, "articles": n_records,
                          "ratios": {label: round(a / b, 3) for label, a, b, _ in rows}, "peak_mib": round(peak_mib())}))
        return 1 if failed or peak_mib() > 1536 else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
