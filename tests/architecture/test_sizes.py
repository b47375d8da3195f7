"""Modules and functions stay small enough to read in one sitting: no module over 400
lines (migrations aside), no function over 50."""

import ast

from tests.helpers.code_layout import PROJECT_DIR, shipped_modules

MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 50


def test_no_module_is_over_the_line_limit():
    too_long = {
        str(path.relative_to(PROJECT_DIR)): lines
        for path in shipped_modules()
        if (lines := len(path.read_text().splitlines())) > MAX_MODULE_LINES
    }
    assert too_long == {}


def test_no_function_is_over_the_line_limit():
    too_long = {}
    for path in shipped_modules():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    too_long[f"{path.relative_to(PROJECT_DIR)}:{node.name}"] = lines
    assert too_long == {}
