"""Types of kashf's extension module; the package ``kashf`` re-exports them."""

import datetime
import os
from typing import Any, Iterable, Iterator, Literal, Optional, Sequence, Union, final

__all__ = [
    "ENTITY_FIELDS",
    "Entity",
    "ExtractMany",
    "Extractor",
    "FOLDS",
    "LABELS",
    "__version__",
    "_entity_from_json",
    "extract",
    "normalize",
]
__version__: str
#: Every label, in output order.
LABELS: tuple[str, ...]
#: The fields of an ``Entity``, in order (those of the command line's JSONL).
ENTITY_FIELDS: tuple[str, ...]
#: The folds ``normalize`` takes as keyword arguments.
FOLDS: tuple[str, ...]

_Label = Literal["PERSON", "PLACE", "ORG", "NUMBER", "DATE"]
_Kind = Literal[
    "cardinal", "ordinal", "percent", "fraction", "date", "time", "duration", "set"
]
_Source = Literal["gazetteer", "variant", "rule", "linked", "pattern", "model"]
_Link = Literal["exact", "alias", "variant", "fuzzy", "corpus"]
_Path = Union[str, os.PathLike[str]]
_Date = Union[datetime.date, str, None]

@final
class Entity:
    """One entity found in a text.

    Its attributes are the fields of the command line's JSONL, in that
    order. ``start`` and ``end`` index the original text in code points, as
    Python's ``str`` does: ``text[e.start:e.end] == e.text``.
    """

    #: ``PERSON``, ``PLACE``, ``ORG``, ``NUMBER`` or ``DATE``.
    label: _Label
    #: The exact original text of the span.
    text: str
    #: Start, in code points of the original text.
    start: int
    #: End (exclusive), in code points of the original text.
    end: int
    #: The canonical name for names; the normalised form otherwise.
    norm: str
    #: NUMBER: its value; DATE: a TIMEX3 value (``2020-10-23``, ``P12Y``); else None.
    value: Union[int, float, str, None]
    #: NUMBER: cardinal, ordinal, percent, fraction; DATE: date, time, duration, set.
    kind: Optional[_Kind]
    #: The linked gazetteer entry's stable id (a Wikidata QID where known).
    id: Optional[str]
    #: Which stage found it.
    source: _Source
    #: How the name was resolved to its entry: ``exact``, ``alias``,
    #: ``variant``, ``fuzzy`` (a gazetteer entry) or ``corpus`` (a cluster
    #: of ``kashf link``); None without an entry.
    link: Optional[_Link]
    @property
    def fields(self) -> list[str]:
        """The field names, in order."""
    def to_dict(self) -> dict[str, Any]:
        """The fields as a dict, in order: ``json.dumps`` of it is the JSONL object."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Extractor:
    """An extraction pipeline, built once and reused.

    ``gazetteers``: gazetteer files, or folders of ``*.tsv`` files, whose
    spellings win over the defaults. ``default_gazetteers``: use the
    embedded ones too. ``model``: a tagger model file from ``kashf train``
    instead of the embedded one; ``default_model=False`` runs no tagger
    when ``model`` is None. ``ref_date``: the date relative dates (أمس،
    الأسبوع الماضي) resolve against; without it, a dateline at the head of a
    text is used. ``hijri_calendar``: the calendar Hijri dates are converted
    with, ``"umm-al-qura"`` (Saudi Arabia's, the default) or ``"tabular"``.

    Raises ``GazetteerError`` (with ``path`` and ``line``) for a malformed
    gazetteer, ``ModelError`` for a file that is not a model, ``OSError``
    (``FileNotFoundError``, ...) for a file that cannot be read,
    ``ValueError`` for a bad ``ref_date`` or ``hijri_calendar``.
    """

    def __new__(
        cls,
        gazetteers: Sequence[_Path] = ...,
        default_gazetteers: bool = True,
        model: Optional[_Path] = None,
        default_model: bool = True,
        ref_date: _Date = None,
        hijri_calendar: Literal["umm-al-qura", "tabular"] = "umm-al-qura",
    ) -> Extractor: ...
    def extract(self, text: str) -> list[Entity]:
        """The entities of one text, in order (the GIL is released)."""
    def extract_many(
        self, texts: Iterable[str], threads: Optional[int] = None
    ) -> Iterator[list[Entity]]:
        """The entities of each text, in input order, as an iterator of lists.

        Texts are taken in batches and extracted on ``threads`` threads
        (default: all cores, or ``RAYON_NUM_THREADS``) with the GIL
        released. The results are the same for any number of threads.
        """

@final
class ExtractMany(Iterator[list[Entity]]):
    """The iterator ``Extractor.extract_many`` returns."""

    def __iter__(self) -> ExtractMany: ...
    def __next__(self) -> list[Entity]: ...

def extract(text: str, *, ref_date: _Date = None) -> list[Entity]:
    """The entities of one text, with the default gazetteers and model.

    The extractor is built on the first call and kept. ``ref_date`` is the
    date relative dates resolve against (a ``datetime.date`` or
    ``"YYYY-MM-DD"``).
    """

def normalize(
    text: str,
    key: bool = False,
    *,
    alef: bool = ...,
    ya: bool = ...,
    diacritics: bool = ...,
    tatweel: bool = ...,
    digits: bool = ...,
    persian: bool = ...,
    presentation: bool = ...,
    invisible: bool = ...,
    whitespace: bool = ...,
) -> str:
    """``text`` normalised as ``kashf normalize`` does.

    Every fold is on unless its keyword argument is False (``FOLDS`` lists
    them); ``key=True`` also applies the lossy matching-key folds (ة→ه,
    ؤ→و, ئ→ي, ...) that gazetteer matching uses.
    """

def _entity_from_json(json: str) -> Entity: ...
