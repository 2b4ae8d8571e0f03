"""kashf: the people, places, organisations, numbers and dates in Arabic text.

>>> import kashf
>>> text = "وصل الرئيسُ إلى مـوسكو."
>>> [e] = kashf.extract(text)
>>> e.label, e.text, e.norm, e.id
('PLACE', 'مـوسكو', 'موسكو', 'Q649')
>>> text[e.start:e.end] == e.text
True

``kashf.extract`` uses the default gazetteers and tagger model; build an
``Extractor`` once to choose them, and ``Extractor.extract_many`` to run
many texts in parallel. Offsets are code points of the original text, as
in the command line's JSONL. The spaCy component is ``nlp.add_pipe("kashf")``
(module ``kashf.spacy``).
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping, Union

from ._errors import GazetteerError, KashfError, ModelError
from ._kashf import (
    ENTITY_FIELDS,
    FOLDS,
    LABELS,
    Entity,
    Extractor,
    __version__,
    extract,
    normalize,
)

__all__ = [
    "ENTITY_FIELDS",
    "FOLDS",
    "LABELS",
    "Entity",
    "Extractor",
    "GazetteerError",
    "KashfError",
    "ModelError",
    "__version__",
    "extract",
    "normalize",
    "to_dataframe",
]


def to_dataframe(
    results: Union[
        Iterable[Entity], Iterable[Iterable[Entity]], Mapping[Any, Iterable[Entity]]
    ],
) -> Any:
    """A pandas DataFrame with one row per entity and one column per field.

    ``results`` is one text's entities (``kashf.extract(text)``), the lists
    of several texts (``extract_many``: a ``doc`` column numbers them from
    0), or a mapping from a document name to its entities (the ``doc``
    column holds the names). Needs pandas, which kashf does not install.
    """
    try:
        import pandas as pd  # type: ignore[import-untyped]
    except ImportError as missing:
        raise ImportError(
            "kashf.to_dataframe needs pandas: pip install pandas"
        ) from missing
    items: Iterable[tuple[Any, Any]]
    if isinstance(results, Mapping):
        items, with_doc = results.items(), True
    else:
        results = list(results)
        with_doc = not all(isinstance(r, Entity) for r in results)
        items = enumerate(results) if with_doc else [(None, results)]
    rows = []
    for doc, entities in items:
        for e in entities:
            if not isinstance(e, Entity):
                raise TypeError(
                    f"to_dataframe: expected kashf.Entity values, found {type(e).__name__}"
                )
            row = e.to_dict()
            if with_doc:
                row = {"doc": doc, **row}
            rows.append(row)
    columns = (["doc"] if with_doc else []) + list(ENTITY_FIELDS)
    frame = pd.DataFrame(rows, columns=columns)
    # Numbers, TIMEX3 strings and None share `value`: kept as they are,
    # not turned into floats with NaN for None (which would round integers
    # beyond 2**53 and drop the difference between 3 and 3.0).
    frame["value"] = pd.Series([r["value"] for r in rows], index=frame.index, dtype=object)
    return frame
