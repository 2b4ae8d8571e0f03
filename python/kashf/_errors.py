"""The exceptions kashf raises (besides ``OSError`` and ``TypeError``)."""

from __future__ import annotations

from typing import Optional


class KashfError(Exception):
    """An error of kashf, with the message the command line prints.

    ``kind`` says what went wrong (``"gazetteer"``, ``"model"``,
    ``"encoding"``, ``"config"``, ...), ``path`` and ``line`` where, when
    it is about a file.
    """

    def __init__(
        self,
        message: str,
        *,
        kind: str = "other",
        path: Optional[str] = None,
        line: Optional[int] = None,
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.path = path
        self.line = line


class GazetteerError(KashfError, ValueError):
    """A gazetteer file is malformed: ``path`` and ``line`` say where."""


class ModelError(KashfError, ValueError):
    """A tagger model file is not one kashf reads."""
