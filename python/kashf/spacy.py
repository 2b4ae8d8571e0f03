"""The spaCy component ``kashf``: kashf's entities as ``doc.ents``.

>>> import spacy
>>> nlp = spacy.blank("ar")
>>> _ = nlp.add_pipe("kashf")
>>> doc = nlp("وصل الرئيس إلى موسكو.")
>>> [(ent.text, ent.label_, ent._.kashf_id) for ent in doc.ents]
[('موسكو', 'GPE', 'Q649')]

The package registers the component through the ``spacy_factories`` entry
point, so ``nlp.add_pipe("kashf")`` needs no import. Labels follow the
OntoNotes names spaCy's pipelines use:

==========  ===================================================
kashf       spaCy label
==========  ===================================================
PERSON      ``PERSON``
PLACE       ``GPE`` (``place_label`` in the config: ``LOC``)
ORG         ``ORG``
NUMBER      ``CARDINAL`` (cardinal, fraction), ``ORDINAL``, ``PERCENT``
DATE        ``DATE`` (date, duration, set), ``TIME``
==========  ===================================================

Spans are aligned by character offsets with
``doc.char_span(start, end, alignment_mode="expand")``: where a kashf
entity starts or ends inside a spaCy token (spaCy's Arabic tokenizer does
not split off the proclitic of «وموسكو», kashf's span is «موسكو»), the span
grows to whole tokens; ``span._.kashf_start`` and ``span._.kashf_end`` keep
kashf's exact offsets. Each span carries kashf's attributes as extensions:
``kashf_label``, ``kashf_norm``, ``kashf_id``, ``kashf_value``,
``kashf_kind``, ``kashf_source``, ``kashf_link``, ``kashf_start``,
``kashf_end``. They
hold plain values, so that docs serialise (``DocBin``).
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator, List, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from . import Entity, Extractor

#: kashf's label → spaCy's, for the labels whose mapping does not depend on
#: the kind (PLACE is set by the config).
LABELS = {"PERSON": "PERSON", "ORG": "ORG"}
#: The spaCy label of a NUMBER by its kind.
NUMBER_LABELS = {
    "cardinal": "CARDINAL",
    "fraction": "CARDINAL",
    "ordinal": "ORDINAL",
    "percent": "PERCENT",
}
#: The spaCy label of a DATE by its kind.
DATE_LABELS = {"date": "DATE", "duration": "DATE", "set": "DATE", "time": "TIME"}

#: The span extensions the component sets, and the entity field each holds.
SPAN_EXTENSIONS = {
    "kashf_label": "label",
    "kashf_norm": "norm",
    "kashf_id": "id",
    "kashf_value": "value",
    "kashf_kind": "kind",
    "kashf_source": "source",
    "kashf_link": "link",
    "kashf_start": "start",
    "kashf_end": "end",
}

for _name in SPAN_EXTENSIONS:
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


def spacy_label(entity: Entity, place_label: str = "GPE") -> str:
    """The spaCy label of a kashf entity (see the table above)."""
    if entity.label == "PLACE":
        return place_label
    if entity.label == "NUMBER":
        return NUMBER_LABELS.get(entity.kind or "", "CARDINAL")
    if entity.label == "DATE":
        return DATE_LABELS.get(entity.kind or "", "DATE")
    return LABELS[entity.label]


class KashfComponent:
    """Sets ``doc.ents`` from kashf's entities (see the module's docs)."""

    def __init__(
        self,
        nlp: Language,
        name: str = "kashf",
        *,
        gazetteers: Iterable[str] = (),
        default_gazetteers: bool = True,
        model: Optional[str] = None,
        default_model: bool = True,
        ref_date: Optional[str] = None,
        place_label: str = "GPE",
        overwrite_ents: bool = False,
        threads: Optional[int] = None,
    ) -> None:
        self.name = name
        self.extractor = Extractor(
            gazetteers=list(gazetteers),
            default_gazetteers=default_gazetteers,
            model=model,
            default_model=default_model,
            ref_date=ref_date,
        )
        self.place_label = place_label
        self.overwrite_ents = overwrite_ents
        self.threads = threads

    def __call__(self, doc: Doc) -> Doc:
        return self.set_ents(doc, self.extractor.extract(doc.text))

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Extracts a batch of documents at a time, in parallel."""
        batch: List[Doc] = []
        for doc in stream:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._batch(batch)
                batch = []
        yield from self._batch(batch)

    def _batch(self, docs: List[Doc]) -> Iterator[Doc]:
        found = self.extractor.extract_many([d.text for d in docs], threads=self.threads)
        for doc, entities in zip(docs, found):
            yield self.set_ents(doc, entities)

    def set_ents(self, doc: Doc, entities: List[Entity]) -> Doc:
        """Sets ``doc.ents`` (and the extensions) from ``entities``.

        Existing entities win over overlapping kashf spans unless the
        component was made with ``overwrite_ents``.
        """
        spans = []
        for e in entities:
            span = doc.char_span(
                e.start,
                e.end,
                label=spacy_label(e, self.place_label),
                alignment_mode="expand",
            )
            if span is None:
                continue
            for ext, field in SPAN_EXTENSIONS.items():
                setattr(span._, ext, getattr(e, field))
            spans.append(span)
        kept = [] if self.overwrite_ents else list(doc.ents)
        # filter_spans keeps the longest of overlapping spans, the first
        # listed on ties: the existing entities come first.
        chosen = filter_spans(kept + spans)
        doc.ents = sorted(chosen, key=lambda s: s.start)
        return doc


@Language.factory(
    "kashf",
    default_config={
        "gazetteers": [],
        "default_gazetteers": True,
        "model": None,
        "default_model": True,
        "ref_date": None,
        "place_label": "GPE",
        "overwrite_ents": False,
        "threads": None,
    },
)
def make_kashf(
    nlp: Language,
    name: str,
    gazetteers: List[str],
    default_gazetteers: bool,
    model: Optional[str],
    default_model: bool,
    ref_date: Optional[str],
    place_label: str,
    overwrite_ents: bool,
    threads: Optional[int],
) -> Any:
    """The factory spaCy calls for ``nlp.add_pipe("kashf", config={...})``."""
    return KashfComponent(
        nlp,
        name,
        gazetteers=gazetteers,
        default_gazetteers=default_gazetteers,
        model=model,
        default_model=default_model,
        ref_date=ref_date,
        place_label=place_label,
        overwrite_ents=overwrite_ents,
        threads=threads,
    )
