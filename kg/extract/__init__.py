"""Article -> ArticleRecord. The only place that knows English: actors, speech, claims, laws, figures."""

from __future__ import annotations

from kg.errors import InputError
from kg.extract import pipeline
from kg.records import ArticleRecord


def extract(article) -> ArticleRecord:
    """The record of one article (a kg.records.Article with its text)."""
    return pipeline.extract(article)


def extract_or_error(article) -> ArticleRecord | InputError:
    """The record of one article, or an error naming it: one article never stops a batch."""
    try:
        return extract(article)
    except InputError as err:
        return err
    except RecursionError:
        return InputError("the text is too deeply nested to read", article.source)
    except Exception as err:  # a fault of the extractor on this text: report it, go on with the others
        return InputError(f"extraction failed on article {article.id!r} ({type(err).__name__}: {err}); "
                          "please report this", article.source)
