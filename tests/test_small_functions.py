"""Rules stay small (issue 11.5): no function or method in kg/ runs over 60 lines."""

from __future__ import annotations

import ast

from helpers import REPO

LIMIT = 60


def long_functions(source: str) -> list[tuple[str, int]]:
    return [(node.name, node.end_lineno - node.lineno + 1) for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno - node.lineno + 1 > LIMIT]


def test_no_function_in_kg_is_over_sixty_lines():
    found = {str(p.relative_to(REPO)): long for p in sorted((REPO / "kg").rglob("*.py"))
             if (long := long_functions(p.read_text("utf-8")))}
    assert not found, f"functions over {LIMIT} lines: {found}"


def test_the_check_sees_a_long_function():
    body = "\n".join(f"    x{i} = {i}" for i in range(LIMIT))
    assert long_functions(f"def f():\n{body}\n") == [("f", LIMIT + 1)]
