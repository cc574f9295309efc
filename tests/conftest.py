"""Shared fixtures: the small golden record, temporary stores, and the shared evaluation folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.records import ArticleRecord

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
REPO = HERE.parent
SHARED = REPO.parent / "shared"


@pytest.fixture
def small_record() -> ArticleRecord:
    return ArticleRecord.from_dict(json.loads((DATA / "golden" / "small_record.json").read_text("utf-8")))


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def gold_file() -> Path:
    path = SHARED / "eval" / "dev" / "gold.jsonl"
    if not path.exists():
        pytest.skip("../shared/eval is not beside this checkout")
    return path


def write_jsonl(path: Path, items: list) -> Path:
    path.write_text("".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in items), "utf-8")
    return path
