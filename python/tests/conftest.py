"""Shared helpers: the kashf binary (KASHF, else target/release/kashf) and
the fixtures of the repository."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import List, Optional

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures" / "news"
REF_DATE = "2021-03-12"


def kashf_bin() -> str:
    path = os.environ.get("KASHF") or str(ROOT / "target" / "release" / "kashf")
    if not Path(path).exists():
        pytest.fail(f"no kashf binary at {path}: cargo build --release, or set KASHF")
    return path


def run_kashf(
    args: List[str], stdin: Optional[str] = None, cwd: Optional[Path] = None, check: bool = True
) -> subprocess.CompletedProcess:
    """Runs the CLI; text in, text out."""
    done = subprocess.run(
        [kashf_bin(), *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd or ROOT,
    )
    if check and done.returncode != 0:
        pytest.fail(f"kashf {args} exited {done.returncode}: {done.stderr}")
    return done


def fixture_texts() -> List[tuple]:
    """(name as the CLI names it from the root, text) per fixture file."""
    return [
        (str(p.relative_to(ROOT)), p.read_text(encoding="utf-8"))
        for p in sorted(FIXTURES.glob("*.txt"))
    ]


def cli_jsonl(*extra: str) -> List[str]:
    """The CLI's JSONL lines for the fixture folder."""
    out = run_kashf(["extract", "-q", "--ref-date", REF_DATE, *extra, "fixtures/news"]).stdout
    return out.splitlines()


def dumps(obj) -> str:
    """JSON as the CLI writes it: compact, UTF-8 as is."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
