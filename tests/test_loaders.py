"""Loaders and bad input: every file gives articles or a clear error naming it, never a traceback, and a bad
file never stops the others of a batch."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.api import extract_paths
from kg.cli import main
from kg.errors import InputError
from kg.loaders import load_path

ARTICLE = "Amnesty International said the blogger in Iran was jailed for his writings."


def write(tmp_path, name: str, data: bytes | str):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_jsonl_text_markdown_html_and_feed(tmp_path):
    write(tmp_path, "a.jsonl", json.dumps({"id": "j1", "title": "T", "text": ARTICLE, "url": "https://x.org/1",
                                           "license": "CC BY 4.0", "published": "2024-01-02"}) + "\n")
    write(tmp_path, "b.txt", "A headline\n\n" + ARTICLE)
    write(tmp_path, "c.md", "---\ntitle: From front matter\nurl: https://x.org/c\n---\n# Heading\n\n" + ARTICLE)
    write(tmp_path, "d.html", "<html><head><title>Page</title></head><body><article><h1>Page</h1>"
                              f"<p>{ARTICLE}</p><p>{ARTICLE} It was the second time this year.</p></article></body></html>")
    write(tmp_path, "e.rss", "<?xml version='1.0'?><rss version='2.0'><channel><title>Feed</title>"
                             f"<item><title>Item</title><link>https://x.org/e</link><description>{ARTICLE}</description>"
                             "<pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate></item></channel></rss>")
    items = list(load_path([tmp_path]))
    assert not [i for i in items if isinstance(i, InputError)], items
    by_id = {a.id: a for a in items}
    assert by_id["j1"].url == "https://x.org/1" and by_id["j1"].source.endswith("a.jsonl:1")
    assert by_id["b"].title == "A headline"
    assert by_id["c"].title == "From front matter" and "# Heading" not in by_id["c"].text
    assert ARTICLE in by_id["d"].text
    assert by_id["https://x.org/e"].published == "2024-01-02"


@pytest.mark.parametrize(("name", "data", "message"), [
    ("empty.txt", b"", None),
    ("binary.txt", b"\x00\x01\x02\xff" * 100, "binary file"),
    ("latin1.txt", "caf\xe9 au lait".encode("latin-1"), "not UTF-8"),
    ("bad.jsonl", b'{"id": "ok", "text": "fine words here"}\n{"id": "broken", "text": \n', "bad.jsonl:2: not valid JSON"),
    ("nobody.html", b"<html><head><title>x</title></head></html>", "no article text"),
    ("strange.pdf", b"%PDF-1.4", "unknown kind of file"),
])
def test_bad_input_gets_a_clear_error_naming_the_file(tmp_path, name, data, message):
    write(tmp_path, name, data)
    good = write(tmp_path, "zz-good.txt", ARTICLE)
    items = list(extract_paths([tmp_path / name, good]))
    errors = [i for i in items if isinstance(i, InputError)]
    records = [i for i in items if not isinstance(i, InputError)]
    assert records[-1].id == "zz-good" and records[-1].statements  # the batch goes on
    if message is None:
        assert not errors and records[0].statements == ()  # an empty file: an empty record
    else:
        assert errors and message in str(errors[0]) and name in str(errors[0])


def test_a_20_mb_article_is_refused_clearly_and_the_batch_goes_on(tmp_path):
    big = write(tmp_path, "big.txt", (ARTICLE + " ") * (20 * 1024 * 1024 // (len(ARTICLE) + 1)))
    write(tmp_path, "good.txt", ARTICLE)
    result = CliRunner().invoke(main, ["extract", str(big), str(tmp_path / "good.txt")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "big.txt" in result.stderr and "split it" in result.stderr
    assert json.loads(result.stdout.splitlines()[0])["article"]["id"] == "good"


def test_a_long_report_is_still_read(tmp_path):
    long = write(tmp_path, "long.txt", (ARTICLE + "\n\n") * 3000)  # about 230,000 characters
    record = next(iter(extract_paths([long])))
    assert record.statements and record.claims


def test_cli_extract_reports_errors_and_keeps_going(tmp_path):
    write(tmp_path, "binary.txt", b"\x00" * 50)
    write(tmp_path, "good.txt", ARTICLE)
    result = CliRunner().invoke(main, ["extract", str(tmp_path)])
    assert result.exit_code == 1
    assert "binary.txt" in result.stderr and "Traceback" not in result.output
    assert json.loads(result.stdout.splitlines()[0])["article"]["id"] == "good"


def test_a_fault_of_the_extractor_on_one_article_is_reported_and_the_batch_goes_on(tmp_path, monkeypatch):
    import kg.extract.pipeline as pipeline

    real = pipeline.extract

    def flaky(article):
        if "poison" in article.text:
            raise IndexError("list index out of range")
        return real(article)

    monkeypatch.setattr(pipeline, "extract", flaky)
    write(tmp_path, "a.txt", "poison " + ARTICLE)
    write(tmp_path, "b.txt", ARTICLE)
    items = list(extract_paths([tmp_path]))
    assert isinstance(items[0], InputError) and "a.txt" in str(items[0]) and "IndexError" in str(items[0])
    assert items[1].id == "b" and items[1].statements


def test_a_published_that_is_no_date_is_refused_with_its_line_and_the_other_articles_load(tmp_path):
    from kg.errors import InputError
    from kg.loaders import load_path

    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "a", "text": "First.", "published": "2 March 2023"}\n'
                    '{"id": "b", "text": "Second.", "published": "sometime soon"}\n'
                    '{"id": "c", "text": "Third."}\n', "utf-8")
    items = list(load_path([path]))
    assert [(i.id, i.published) for i in items if not isinstance(i, InputError)] == [("a", "2023-03-02"), ("c", None)]
    (err,) = [i for i in items if isinstance(i, InputError)]
    assert "a.jsonl:2" in str(err) and "'published' is no date" in str(err)
