"""The README's Python and spaCy examples run as written: its `pycon`
blocks are doctests, run in order with one namespace."""

from __future__ import annotations

import doctest
import re

import pytest

from conftest import ROOT

pytest.importorskip("pandas")
pytest.importorskip("spacy")


def section(title: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.index("\n## ", start + 1)
    return text[start:end]


def test_python_and_spacy_examples():
    readme = section("Python and spaCy")
    assert "pip install ./python" in readme
    blocks = re.findall(r"```pycon\n(.*?)```", readme, re.S)
    assert len(blocks) >= 2
    parser, runner = doctest.DocTestParser(), doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    globs: dict = {}
    for n, block in enumerate(blocks):
        test = parser.get_doctest(block, globs, f"README Python and spaCy, block {n + 1}", "README.md", 0)
        runner.run(test, out=lambda s: pytest.fail(s))
    assert runner.summarize(verbose=False).failed == 0
