"""Errors kg raises: each message names the file and line, or the IRI, at fault."""

from __future__ import annotations


class KgError(Exception):
    """Base class of every error kg reports to a user (the CLI prints it, no traceback)."""


class RecordError(KgError):
    """An article record that does not follow the contract."""

    def __init__(self, message: str, source: str | None = None, line: int | None = None):
        self.source, self.line, self.reason = source, line, message
        where = f"{source}:{line}: " if source and line else f"{source}: " if source else ""
        super().__init__(f"{where}{message}")


class InputError(RecordError):
    """An article file that cannot be read (binary, bad encoding, malformed)."""


class StoreError(KgError):
    """The store cannot be opened, read or written."""


class QueryError(KgError):
    """A SPARQL query that is malformed or cannot be run."""
