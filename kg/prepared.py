"""An article's record made ready to store: its triples built, checked against the compiled shapes and split into
the article's own graph and the shared descriptions of actors and countries, as compact N-Triples.

This is the CPU-heavy half of a write. It sits below the store (which only parses and writes what it gets) and
below the ingest pipeline (which runs it in worker processes or on a cluster).
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.errors import RecordError
from kg.records import ArticleRecord
from kg.triples import record_to_plain, split_ntriples
from kg.validate import check_report

TABBED_END = b"\t.\n"


@dataclass(frozen=True)
class PreparedArticle:
    """An article's triples, checked and split, ready to store: made where the extraction ran (a worker process
    or a cluster node) and sent back as compact N-Triples."""

    article_id: str
    source: str | None
    own: bytes  # the article graph
    shared: bytes  # descriptions of actors and countries, for the shared actors graph
    # both as ``kg.triples.split_ntriples`` writes them: each line ends in a tab and a full stop (TABBED_END)

    @property
    def id(self) -> str:
        return self.article_id


def prepare(record: ArticleRecord, validate: bool = True) -> PreparedArticle:
    """Build a record's triples, check them against the shapes (``RecordError`` if they break them), split them."""
    plain = record_to_plain(record)
    own_text, shared_text = split_ntriples(plain)
    if validate:
        report = check_report(plain, record.id, distinct=True)  # record_to_plain makes each triple once
        if not report.conforms:
            raise RecordError(f"article {record.id!r} breaks the shapes:\n{report.text}")
    return PreparedArticle(record.id, record.article.source, own_text, shared_text)
