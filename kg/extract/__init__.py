"""Article -> ArticleRecord. The only place that knows English: actors, speech, claims, laws, figures."""

from __future__ import annotations

from kg.errors import InputError
from kg.extract import claims, pipeline, speech
from kg.records import ArticleRecord


def extract(article) -> ArticleRecord:
    """The record of one article (a kg.records.Article with its text)."""
    return pipeline.extract(article)


def forget_sentences() -> None:
    """Empty the caches that remember work on a whole sentence or text (asked for by finder after finder within an
    article). A benchmark that repeats a few texts calls it before each article: a real archive seldom repeats a
    sentence, and the caches would make the copies cheaper than new text is."""
    for cached in (claims.folded, claims.abuse_matches, speech._gender_told):
        cached.cache_clear()


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
