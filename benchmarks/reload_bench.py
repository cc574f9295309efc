"""Re-loading a large N-Quads file into a store that holds it already (issue 16): time and peak memory of the first
load (Oxigraph's bulk loader) and of the re-load, which writes only what differs. Run: python benchmarks/reload_bench.py
[--triples 1000000]. Figures of the project's machine are in the README's faults section."""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from kg.store import Store


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--triples", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "big.nq"
        graph = "<https://w3id.org/kg/graph/article/big>"
        with path.open("w", encoding="utf-8") as out:
            for i in range(args.triples):
                out.write(f'<https://example.org/s{i % 50000}> <https://example.org/p{i % 7}> "value {i}" {graph} .\n')
        with Store(Path(work) / "store") as st:
            start = time.monotonic()
            assert st.load_file(path).ok
            first, first_peak = time.monotonic() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            start = time.monotonic()
            assert st.load_file(path).ok
            again, peak = time.monotonic() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.triples:,} triples: first load {first:.1f} s (peak {first_peak:.0f} MiB); "
          f"re-load {again:.1f} s = {again / first:.2f}x the first (peak {peak:.0f} MiB)")


if __name__ == "__main__":
    main()
