"""The `kg` command line: a thin click layer over the library API (no logic beyond parsing and printing)."""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import shutil
import sys
import time
from pathlib import Path

import click

from kg import api
from kg import curate as curation
from kg.errors import KgError
from kg.records import iso_date
from kg.store import LoadReport, QueryResult

STORE_OPTION = click.option(
    "--store", "store", envvar="KG_STORE", default=None, metavar="DIR",
    help="Store directory (default ./kg-store, or $KG_STORE).",
)


def friendly(func):
    """Turn kg's errors into one readable line and exit status 1, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except KgError as err:
            raise click.ClickException(str(err)) from None

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
def main() -> None:
    """kg: news articles into a knowledge graph of who said what about whom."""


# -- loading ---------------------------------------------------------------------------------------

@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True, path_type=Path))
@STORE_OPTION
@click.option("--no-validate", is_flag=True, help="Skip the SHACL check of each record before it is stored.")
@friendly
def load(paths: tuple[Path, ...], store: str | None, no_validate: bool) -> None:
    """Load article records (.jsonl) or RDF files (.ttl, .nt, .trig, .nq, .jsonld) into the store; - reads
    standard input (records, or TriG/Turtle).

    Each article replaces its own named graph, so loading the same file again changes nothing.
    A bad record is reported with its file and line; the others are still loaded.
    """
    import tempfile

    errors = 0
    with tempfile.TemporaryDirectory() as work, api.open_store(store) as st:
        for path in _stdin_paths(paths, "rdf", work):
            if not path.exists():
                click.echo(f"error: {path}: no such file", err=True)
                errors += 1
                continue
            try:
                report = st.load_file(path, validate=not no_validate)
            except KgError as err:
                click.echo(f"error: {_plain(err, work)}", err=True)
                errors += 1
                continue
            for message in report.errors:
                click.echo(f"error: {_plain(message, work)}", err=True)
            errors += len(report.errors)
            click.echo(f"{_plain(path, work)}: loaded {len(report.loaded)} graph(s)"
                       + (f", refused {len(report.errors)}" if report.errors else ""), err=True)
    if errors:
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["json", "ttl", "jsonld"]), default="json", show_default=True,
              help="json: one article record per line (the contract); ttl/jsonld: the triples.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write (default: stdout).")
@friendly
def extract(paths, fmt, output) -> None:
    """Read articles (.jsonl, .txt, .md, .html, .rss/.atom, or folders of them; - for standard input) and print
    their records."""
    import tempfile

    out = output.open("w", encoding="utf-8") if output else sys.stdout
    errors = 0
    work = tempfile.mkdtemp()
    try:
        for item in api.extract_paths(_stdin_paths(paths, "articles", work)):
            if isinstance(item, KgError):
                click.echo(f"error: {_plain(item, work)}", err=True)
                errors += 1
                continue
            if fmt == "json":
                out.write(item.to_json() + "\n")
            else:
                out.write(api.record_to_rdf(item, fmt))
            out.flush()
    finally:
        if output:
            out.close()
        shutil.rmtree(work, ignore_errors=True)
    if errors:
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@STORE_OPTION
@click.option("--no-validate", is_flag=True, help="Skip the SHACL check of each record before it is stored.")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Extract in this many processes (the store ends up the same).")
@click.option("--cluster", metavar="ADDRESS", default=None,
              help="Extract on the workers of this Dask scheduler (tcp://host:8786); needs kg[cluster].")
@friendly
def ingest(paths, store, no_validate, jobs, cluster) -> None:
    """Extract articles and load them into the store. Re-ingesting an article replaces its graph; an article
    whose text is already stored is skipped, so an interrupted ingest resumes."""
    articles = api.count_articles(paths)
    start = time.monotonic()
    report = LoadReport()
    last_line = start

    def done() -> int:
        return len(report.loaded) + len(report.skipped) + len(report.errors)

    def rate() -> float:
        return len(report.loaded) / max(time.monotonic() - start, 1e-9)

    def show(_item) -> str:
        return f"{len(report.loaded)} stored, {len(report.skipped)} unchanged, {rate():.1f} articles/s"

    def log_line(_n: int) -> None:  # not a terminal (a log file, a pipe): a line at most every second
        nonlocal last_line
        if time.monotonic() - last_line >= 1.0:
            last_line = time.monotonic()
            click.echo(f"ingesting: {done()}/{articles} articles, {show(None)}", err=True)

    with api.open_store(store) as st:
        if sys.stderr.isatty():  # a bar of articles (not files) with articles/s and the time left
            with click.progressbar(length=max(articles, 1), label="ingesting", file=sys.stderr, show_pos=True,
                                   show_eta=True, item_show_func=show) as bar:
                api.ingest(st, paths, validate=not no_validate, jobs=jobs, cluster=cluster, report=report,
                           progress=lambda _n: bar.update(max(done() - bar.pos, 0), True))
        else:
            api.ingest(st, paths, validate=not no_validate, jobs=jobs, cluster=cluster, report=report,
                       progress=log_line)
    for message in report.errors:
        click.echo(f"error: {message}", err=True)
    click.echo(f"ingested {len(report.loaded)} article(s) ({rate():.1f}/s), skipped {len(report.skipped)} unchanged"
               + (f", {len(report.errors)} error(s)" if report.errors else ""), err=True)
    if report.errors:
        sys.exit(1)


# -- querying --------------------------------------------------------------------------------------

def _parse_params(params: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for item in params:
        if "=" not in item:
            raise click.BadParameter(f"{item!r} is not NAME=VALUE", param_hint="--param")
        key, value = item.split("=", 1)
        out[key.strip()] = value
    return out


HIDDEN_COLUMNS = {"node", "claim", "confidence"}  # shown with --wide only
FORMATS = ["table", "csv", "tsv", "json", "ndjson"]


def _is_iri(value) -> bool:
    return isinstance(value, str) and value.startswith(("http://", "https://", "urn:"))


def format_table(columns: list[str], rows: list[list], *, wide: bool = False, width: int | None = None) -> str:
    """A table that fits the terminal (rich): long cells wrap; IRIs, confidence and empty columns only with ``wide``.

    >>> print(format_table(["speaker", "node"], [["Amnesty", "https://w3id.org/kg/id/statement/1"]], width=40))
    speaker
    ───────
    Amnesty
    (1 row)
    """
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    width = width or shutil.get_terminal_size((120, 24)).columns
    shown = _shown_columns(columns, rows, wide)
    count = f"({len(rows)} row{'s' if len(rows) != 1 else ''})"
    if not shown:  # every column IRIs, confidence or empty: nothing to lay out
        return count + (" — its columns hold IRIs only: --wide shows them" if rows and columns else "")
    cells = [["" if r[i] is None else str(r[i]).replace("\n", " ") for i in shown] for r in rows]
    natural = [max([len(columns[i]), *(len(r[k]) for r in cells)]) for k, i in enumerate(shown)]
    words = [max([len(columns[i]), *(len(w) for r in cells for w in r[k].split())]) for k, i in enumerate(shown)]
    mean = [sum(len(r[k]) for r in cells) / max(len(cells), 1) for k in range(len(shown))]
    main_text = max(range(len(shown)), key=mean.__getitem__, default=0)  # the statement: it gets the most room
    weight = [3 if k == main_text else 1 for k in range(len(shown))]
    floors = [min(w, 36) if w == n else min(w, 14) for w, n in zip(words, natural, strict=True)]  # codes stay whole
    room = width - 3 * (len(shown) - 1)
    others = sum(floors) - floors[main_text]
    floors[main_text] = min(natural[main_text], max(floors[main_text], min(room * 2 // 5, room - others)))
    first = [n if k == main_text else min(n, max(f, 24)) for k, (n, f) in enumerate(zip(natural, floors, strict=True))]
    widths = column_widths(natural, column_widths(first, floors, room, weight), room, weight)
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, header_style="bold")
    for i, w in zip(shown, widths, strict=True):
        table.add_column(columns[i], width=w, overflow="fold")
    for r in cells:
        table.add_row(*map(Text, r))
    out = io.StringIO()
    Console(file=out, width=width, color_system=None, emoji=False, highlight=False, markup=False).print(table)
    lines = [line.rstrip() for line in out.getvalue().splitlines()]
    return "\n".join([*lines, count])


def _shown_columns(columns: list[str], rows: list[list], wide: bool) -> list[int]:
    """The columns a table shows: all with ``wide``; else none of IRIs only, confidence, or no value at all."""
    if wide or not rows:
        return [i for i, c in enumerate(columns) if wide or c not in HIDDEN_COLUMNS]
    values = [[r[i] for r in rows if r[i] not in (None, "")] for i in range(len(columns))]
    return [i for i, c in enumerate(columns) if c not in HIDDEN_COLUMNS and values[i] and not all(map(_is_iri, values[i]))]


def column_widths(natural: list[int], floor: list[int], room: int, weight: list[int]) -> list[int]:
    """Column widths that fit ``room``: each its natural width if all fit; else each its floor (its longest word,
    so a code or a name is not cut) and the rest shared out by weight, none beyond its natural width.

    >>> column_widths([10, 200, 20], [8, 12, 10], 100, [1, 3, 1])
    [10, 70, 20]
    """
    if sum(natural) <= room:
        return natural
    widths = [min(f, n) for f, n in zip(floor, natural, strict=True)]
    if sum(widths) >= room:  # even the floors do not fit: shrink them alike
        return [max(1, w * room // sum(widths)) for w in widths]
    spare = room - sum(widths)
    while spare > 0:
        needy = [k for k in range(len(widths)) if widths[k] < natural[k]]
        total = sum(weight[k] for k in needy)
        given = 0
        for k in needy:
            add = min(max(1, spare * weight[k] // total), natural[k] - widths[k], spare - given)
            widths[k] += add
            given += add
        if given == 0:
            break
        spare -= given
    return widths


def format_rows(columns: list[str], rows: list[list], fmt: str, *, wide: bool = False, result=None) -> str:
    """Rows as text in one of FORMATS: a terminal table, CSV, TSV, W3C SPARQL results JSON or one JSON object a line."""
    if fmt == "json":
        result = result if result is not None else QueryResult(columns, rows)
        return json.dumps(result.to_sparql_json(), ensure_ascii=False, indent=1) + "\n"
    if fmt == "ndjson":
        return "".join(json.dumps(dict(zip(columns, r, strict=True)), ensure_ascii=False) + "\n" for r in rows)
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([["" if v is None else v for v in r] for r in rows])
        return buf.getvalue()
    return format_table(columns, rows, wide=wide) + "\n"


def _print_rows(columns: list[str], rows: list[list], fmt: str, *, wide: bool = False, output: Path | None = None,
                result=None) -> None:
    text = format_rows(columns, rows, fmt, wide=wide, result=result)
    if output and str(output) != "-":
        output.write_text(text, "utf-8")
        click.echo(f"wrote {len(rows)} row(s) to {output}", err=True)
    else:
        click.echo(text, nl=False)


def _read_text(path: Path) -> str:
    """A text file's contents, or standard input for ``-``; an unreadable file is a one-line error."""
    if str(path) == "-":
        return sys.stdin.read()
    try:
        return path.read_text("utf-8")
    except UnicodeDecodeError as err:
        raise KgError(f"{path}: byte {err.start} is not valid UTF-8 (save the file as UTF-8)") from None
    except OSError as err:
        raise KgError(f"{path}: cannot read: {err.strerror or err}") from None


def _plain(message, workdir: str) -> str:
    """A message about standard input read from a temporary file, naming it stdin.jsonl (or .txt ...) only."""
    return str(message).replace(str(Path(workdir)) + os.sep, "")


def _stdin_paths(paths, kind: str, workdir: str) -> list[Path]:
    """The paths with ``-`` replaced by a file holding standard input: JSON Lines when it starts with ``{``,
    else (``kind`` "articles") a feed or HTML page when it starts with ``<``, plain text otherwise, or (``kind``
    "rdf") TriG, which reads Turtle and N-Triples too."""
    out = []
    for path in map(Path, paths):
        if str(path) != "-":
            out.append(path)
            continue
        data = sys.stdin.buffer.read()
        head = data.lstrip()[:200].lower()
        if head.startswith((b"{", b"[")):
            suffix = ".jsonl"
        elif kind == "rdf":
            suffix = ".trig"
        elif head.startswith(b"<"):
            suffix = ".xml" if (b"<rss" in head or b"<feed" in head or head.startswith(b"<?xml")) else ".html"
        else:
            suffix = ".txt"
        target = Path(workdir) / f"stdin{suffix}"
        target.write_bytes(data)
        out.append(target)
    return out


@main.command()
@click.argument("sparql", required=False)
@click.option("--file", "file", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
              help="Read the query from a file (- for standard input).")
@click.option("--name", help="Run a shipped query (see --list).")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a query parameter to a value (bound as an RDF term, never pasted into the text).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table: fits the terminal; json: W3C SPARQL results; ndjson: one JSON object a row.")
@click.option("--wide", is_flag=True, help="Tables: show IRIs and confidence too.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
              help="File to write (default: stdout).")
@click.option("--list", "list_", is_flag=True, help="List the shipped queries, their parameters and what each answers.")
@click.option("--allow-service", is_flag=True, help="Let SERVICE send requests to the addresses the query names.")
@STORE_OPTION
@friendly
def query(sparql, file, name, params, fmt, wide, output, list_, allow_service, store) -> None:
    """Run a SPARQL query over the union of the article graphs.

    \b
    kg query --name who-said-what
    kg query --name statements-about --param actor=Russia --param speaker="U.S. Department of State"
    kg query --file my.rq --format csv -o rows.csv
    """
    if list_:
        for qname, description in api.shipped_queries().items():
            click.echo(f"{qname:<20} {description}")
            for p in api.shipped_query_params(qname).values():
                click.echo(f"{'':<20}   --param {p.name}=...  {'required' if p.required else 'optional'}: {p.help}")
        return
    given = [x for x in (sparql, file, name) if x]
    if len(given) != 1:
        raise click.UsageError("give exactly one of: a SPARQL string, --file F.rq, --name NAME")
    bound = _parse_params(params)
    with api.open_store(store, read_only=True) as st:
        if name:
            result = api.query(st, name=name, params=bound, allow_service=allow_service)
        else:
            result = api.query(st, _read_text(file) if file else sparql, params=bound, allow_service=allow_service)
    if isinstance(result, bool):
        text = json.dumps({"head": {}, "boolean": result}) + "\n" if fmt == "json" else str(result).lower() + "\n"
    elif isinstance(result, list):
        from pyoxigraph import RdfFormat, serialize

        text = serialize(result, format=RdfFormat.N_TRIPLES).decode("utf-8")
    else:
        _print_rows(result.columns, result.rows, fmt, wide=wide, output=output, result=result)
        return
    if output and str(output) != "-":
        output.write_text(text, "utf-8")
    else:
        click.echo(text, nl=False)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["ttl", "trig", "nq", "jsonld", "graphml", "gexf", "csv"]),
              default="trig", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write (default: stdout).")
@click.option("--graph", type=click.Choice(api.GRAPH_KINDS), default="statements", show_default=True,
              help="For graphml/gexf/csv: which graph to write.")
@STORE_OPTION
@friendly
def export(fmt, output, graph, store) -> None:
    """Export the store (TriG/N-Quads/JSON-LD keep the article graphs, Turtle merges them), or one of its
    networkx graphs as GraphML, GEXF or CSV."""
    with api.open_store(store, read_only=True) as st:
        if fmt in ("graphml", "gexf", "csv"):
            if not output:
                raise click.UsageError(f"--format {fmt} needs -o FILE")
            api.export_graph(st, output, fmt, graph=graph)
            click.echo(f"wrote {output}", err=True)
        elif output:
            st.export(output, fmt)
            click.echo(f"wrote {output}", err=True)
        else:
            sys.stdout.buffer.write(st.export_bytes(fmt))


@main.command()
@STORE_OPTION
@friendly
def validate(store) -> None:
    """Check every article graph against the SHACL shapes; exit 1 with a report on violations."""
    with api.open_store(store, read_only=True) as st:
        reports = api.validate_store(st)
    bad = [r for r in reports if not r.conforms]
    for r in bad:
        click.echo(f"== {r.graph}\n{r.text}")
    click.echo(f"{len(reports)} graph(s) checked, {len(bad)} with violations", err=True)
    if bad:
        sys.exit(1)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@STORE_OPTION
@friendly
def stats(fmt, store) -> None:
    """Count articles, actors, statements, claims, laws, figures, graphs and quads."""
    with api.open_store(store, read_only=True) as st:
        counts = st.stats()
    if fmt == "json":
        click.echo(json.dumps(counts))
    else:
        for key, value in counts.items():
            click.echo(f"{key:<12}{value:>10}")


def _date_option(ctx, param, value: str | None) -> str | None:
    """A date option in ISO form; a value that is no date is a usage error in one line."""
    if value is None:
        return None
    found = iso_date(value)
    if found is None:
        raise click.ClickException(f"--{param.name} {value!r} is not a date (e.g. 2023-03-02, \"2 March 2023\", 2023-03)")
    return found


@main.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="HTML file to write.")
@click.option("--graph", type=click.Choice(api.GRAPH_KINDS), default="statements", show_default=True)
@click.option("--focus", metavar="NAME", help="Only the actors within --depth steps of this one (of a country: of it, its "
              "government, bodies and people).")
@click.option("--depth", type=int, default=1, show_default=True)
@click.option("--abuse", metavar="CODE", help="Only the statements making a claim of this abuse code (accusations of it).")
@click.option("--country", metavar="NAME", help="Only what touches this country, its government, bodies and people.")
@click.option("--since", metavar="DATE", callback=_date_option,
              help="Only articles published on or after this date (2023-03-02, \"2 March 2023\", 2023-03).")
@click.option("--until", metavar="DATE", callback=_date_option,
              help="Only articles published on or before this date.")
@STORE_OPTION
@friendly
def viz(output, graph, focus, depth, abuse, country, since, until, store) -> None:
    """Write an interactive view (one self-contained HTML file that works offline)."""
    with api.open_store(store, read_only=True) as st:
        api.view(st, output, graph=graph, focus=focus, depth=depth, abuse=abuse, country=country, since=since,
                 until=until)
    click.echo(f"wrote {output}", err=True)


@main.command()
@click.argument("node")
@STORE_OPTION
@friendly
def explain(node, store) -> None:
    """The trail of one statement, claim, figure, law (by IRI) or actor (by IRI or name): article, URL, the
    sentence with the span marked, rule and confidence."""
    with api.open_store(store, read_only=True) as st:
        trail = api.explain(st, node)
    rows = trail["rows"]
    first = rows[0]
    click.echo(f"{trail['kind']}: {trail['node']}")
    for c in trail["corrections"]:
        click.echo(f"  correction {c['c'].rsplit('/', 1)[-1].split('#')[0]}: {c['action']}"
                   + (f" -> {c['value']}" if c["value"] else "") + f" by {c['who']} at {c['when']}"
                   + (f" ({c['why']})" if c["why"] else ""))
    if trail["kind"] == "Actor":
        click.echo(f"  name: {first['name']}; types: {', '.join(sorted({r['type'] for r in rows if r['type']}))}")
        aliases = sorted({r["alias"] for r in rows if r["alias"]})
        if aliases:
            click.echo(f"  also: {'; '.join(aliases)}")
        for title, url in sorted({(r["title"] or "", r["url"] or "") for r in rows if r["article"]}):
            spans = sorted({(r["start"], r["exact"]) for r in rows if (r["title"] or "") == title and r["start"] is not None})
            click.echo(f"  in: {title} {url}".rstrip())
            for start, exact in spans[:5]:
                click.echo(f"      chars {start}: «{exact}»")
        return
    if first["speaker"]:
        click.echo(f"  by: {first['speaker']}")
    click.echo(f"  says: {first['content']}")
    _echo_claim_parts(first)
    click.echo(f"  article: {first['title'] or ''} {first['url'] or ''} {first['published'] or ''}".rstrip())
    for r in rows:
        if r["start"] is not None or r["exact"]:
            where = f"chars {r['start']}-{r['end']}, sentence {r['sentence']}" if r["start"] is not None else "text"
            click.echo(f"  evidence ({where}): …{r['prefix'] or ''}[[{r['exact'] or ''}]]{r['suffix'] or ''}…")
    click.echo(f"  rule: {first['rule'] or 'not recorded'}; confidence: {first['confidence'] or 'not recorded'}")


def _echo_claim_parts(row: dict) -> None:
    """A claim's country, stance (with the accuser a denial answers), perpetrator and the statement making it."""
    parts = [f"{label}: {row[key]}" for label, key in (("country", "country"), ("stance", "stance"),
                                                        ("answering", "assertedBy"), ("perpetrator", "perpetrator"))
             if row.get(key)]
    if parts:
        click.echo("  " + "; ".join(parts))
    if row.get("assertedIn"):
        click.echo(f"  made in: {row['assertedIn']}")


@main.command()
@click.option("--suggest-merges", is_flag=True, help="List pairs of actors that are probably the same.")
@click.option("--threshold", type=float, default=88.0, show_default=True, help="Similarity (0-100) for --suggest-merges.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@STORE_OPTION
@friendly
def actors(suggest_merges, threshold, fmt, store) -> None:
    """List the actors (as the shipped `actors` query), or the doubtful pairs that may be one actor."""
    with api.open_store(store, read_only=True) as st:
        if suggest_merges:
            pairs = api.suggest_merges(st, threshold)
            _print_rows(["type", "a", "b", "score"], [[p["type"], p["a"], p["b"], p["score"]] for p in pairs], fmt)
        else:
            result = st.query(api.query_text("actors"))
            _print_rows(result.columns, result.rows, fmt)


@main.group()
def curate() -> None:
    """Human corrections, kept in the store's curated graph with who, when and why; they survive re-ingest."""


def _curate(store: str | None, action: str, target: str, value: str | None, why: str | None) -> None:
    with api.open_store(store) as st:
        c = curation.add(st, action, target, value, why=why)
    click.echo(f"{c.id}  {c.action} {c.target}" + (f" -> {c.value}" if c.value else ""))


WHY_OPTION = click.option("--why", help="Why the correction is right (kept with it).")


def _correction_command(action: str, arguments: tuple[str, ...], help_text: str) -> None:
    """Register `kg curate ACTION TARGET [VALUE]`: one thin command per kind of correction."""

    @STORE_OPTION
    @WHY_OPTION
    @friendly
    def command(store, why, **args) -> None:
        values = [args[name.lower()] for name in arguments]
        _curate(store, action, values[0], values[1] if len(values) > 1 else None, why)

    for name in reversed(arguments):
        command = click.argument(name.lower(), metavar=name)(command)
    curate.command(action, help=help_text)(command)


_correction_command("reject", ("ITEM",), "Reject a statement or claim (by IRI): queries and views leave it out.")
_correction_command("set-speaker", ("STATEMENT", "ACTOR"),
                    "Set the speaker of a statement (statement IRI; actor IRI or name).")
_correction_command("merge", ("ACTOR", "INTO"),
                    "Merge ACTOR into INTO (IRIs or names); ACTOR is kept, marked dcterms:isReplacedBy INTO.")
_correction_command("rename", ("ACTOR", "NAME"), "Give an actor the name queries and views show (skos:prefLabel).")
_correction_command("retype", ("ACTOR", "TYPE"),
                    "Give an actor another type (Person, Country, GovernmentBody, NGO, MediaOutlet, ...).")


@curate.command("list")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@STORE_OPTION
@friendly
def curate_list(fmt, store) -> None:
    """The corrections in the store, oldest first."""
    with api.open_store(store, read_only=True) as st:
        rows = [[c.id, c.action, c.target, c.value, c.who, c.when, c.why] for c in curation.corrections(st)]
    _print_rows(["id", "action", "target", "value", "who", "when", "why"], rows, fmt)


@curate.command("undo")
@click.argument("correction_id")
@STORE_OPTION
@friendly
def curate_undo(correction_id, store) -> None:
    """Remove one correction (by the id `kg curate list` shows)."""
    with api.open_store(store) as st:
        curation.undo(st, correction_id)
    click.echo(f"undone {correction_id}", err=True)


@curate.command("export")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@STORE_OPTION
@friendly
def curate_export(output, store) -> None:
    """Write every correction to a TriG file, to keep under version control."""
    with api.open_store(store, read_only=True) as st:
        n = curation.export(st, output)
    click.echo(f"wrote {n} correction(s) to {output}", err=True)


@curate.command("apply")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@STORE_OPTION
@friendly
def curate_apply(path, store) -> None:
    """Apply the corrections of a file written by `kg curate export`."""
    with api.open_store(store) as st:
        n = curation.apply(st, path)
    click.echo(f"applied {n} correction(s) from {path}", err=True)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback by default).")
@click.option("--port", default=7878, show_default=True, type=int)
@click.option("--allow-update", is_flag=True, help="Serve read-write (SPARQL Update and Graph Store writes).")
@click.option("--allow-origin", "allow_origins", multiple=True, metavar="ORIGIN",
              help="With --allow-update: let pages of this origin (https://host:port, or *) write too.")
@click.option("--allow-service", is_flag=True, help="Let SERVICE send requests to the addresses a query names.")
@click.option("--timeout", type=click.FloatRange(1), default=60.0, show_default=True, help="Seconds a query may run.")
@click.option("--max-query-bytes", type=click.IntRange(1), default=1_000_000, show_default=True,
              help="Largest query or update text taken.")
@click.option("--max-upload-bytes", type=click.IntRange(1), default=512_000_000, show_default=True,
              help="Largest Graph Store upload taken (with --allow-update).")
@STORE_OPTION
@friendly
def serve(host, port, allow_update, allow_origins, allow_service, timeout, max_query_bytes, max_upload_bytes,
          store) -> None:
    """Serve the store as a SPARQL endpoint (Oxigraph's server, with its query page), read-only by default.

    A read-only server answers from the store as it was when it started: restart it after a load.
    """
    click.echo(f"SPARQL endpoint on http://{host}:{port}/query ({'read-write' if allow_update else 'read-only'})",
               err=True)
    sys.exit(api.serve(store, host=host, port=port, allow_update=allow_update, allow_service=allow_service,
                       allow_origins=allow_origins, timeout=timeout, max_query_bytes=max_query_bytes,
                       max_upload_bytes=max_upload_bytes))


if __name__ == "__main__":
    main()
