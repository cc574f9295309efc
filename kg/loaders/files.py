"""Reading a source file's bytes and text, for every loader: size limit, UTF-16 and binary refused, UTF-8 decoded
with the line of a bad byte."""

from __future__ import annotations

from pathlib import Path

from kg.errors import InputError

MAX_BYTES = 50 * 1024 * 1024


def read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"file of {size:,} bytes is larger than the {MAX_BYTES:,} kg reads", str(path))
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}", str(path)) from None
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise InputError("UTF-16 text: kg reads UTF-8 (convert it, e.g. iconv -f UTF-16 -t UTF-8)", str(path))
    if b"\x00" in data[:8192]:
        raise InputError("binary file, not text", str(path))
    return data


def decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError(f"not UTF-8 text (byte {err.start})", str(path), line) from None
