"""The spaCy component: registered by entry point, doc.ents aligned with
kashf's spans, extensions, nlp.pipe, serialisation, displaCy."""

from __future__ import annotations

import subprocess
import sys

import pytest

spacy = pytest.importorskip("spacy")

import kashf
from conftest import REF_DATE, fixture_texts

TEXT = "قال جورج بوش في «وموسكو» إن ٣ آلاف شخص و١٥٪ من السكان وصلوا في ١٥ نوفمبر ٢٠٢٠ الساعة العاشرة وغادروا في ١٧ نوفمبر."


def test_entry_point_registers_the_factory():
    # A fresh interpreter that imports nothing of kashf.
    script = (
        "import spacy, sys; nlp = spacy.blank('ar'); nlp.add_pipe('kashf'); "
        "print([e.label_ for e in nlp('زار موسكو').ents], 'kashf.spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[0] == "['GPE'] True"


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("ar")
    nlp.add_pipe("kashf", config={"ref_date": REF_DATE})
    return nlp


def test_doc_ents_are_kashfs_entities(nlp):
    for _, text in fixture_texts() + [("", TEXT)]:
        doc = nlp(text)
        found = kashf.Extractor(ref_date=REF_DATE).extract(text)
        by_start = {e.start: e for e in found}
        assert len(doc.ents) == len(found)
        for ent in doc.ents:
            e = by_start[ent._.kashf_start]
            assert (ent._.kashf_end, ent._.kashf_label, ent._.kashf_norm, ent._.kashf_id,
                    ent._.kashf_value, ent._.kashf_kind, ent._.kashf_source, ent._.kashf_link) == (
                e.end, e.label, e.norm, e.id, e.value, e.kind, e.source, e.link)
            # The span is kashf's, grown to whole tokens where spaCy's
            # tokens are longer.
            assert ent.start_char <= e.start and e.end <= ent.end_char
            exact = doc.char_span(e.start, e.end)
            if exact is not None:
                assert (ent.start_char, ent.end_char) == (e.start, e.end)
            assert ent.label_ == kashf.spacy.spacy_label(e)


def test_label_mapping(nlp):
    doc = nlp(TEXT)
    labels = [(ent.text, ent.label_) for ent in doc.ents]
    assert ("جورج بوش", "PERSON") in labels
    assert ("وموسكو", "GPE") in labels  # the proclitic is inside spaCy's token
    assert ("٣ آلاف", "CARDINAL") in labels
    assert any(label == "PERCENT" for _, label in labels)
    assert ("١٥ نوفمبر ٢٠٢٠ الساعة العاشرة", "TIME") in labels
    assert ("١٧ نوفمبر", "DATE") in labels
    [moscow] = [ent for ent in doc.ents if ent._.kashf_norm == "موسكو"]
    assert TEXT[moscow._.kashf_start : moscow._.kashf_end] == "موسكو"
    loc = spacy.blank("ar")
    loc.add_pipe("kashf", config={"place_label": "LOC"})
    assert "LOC" in {ent.label_ for ent in loc(TEXT).ents}


def test_pipe_equals_one_by_one_and_docs_serialise(nlp):
    texts = [t for _, t in fixture_texts()] * 3
    piped = list(nlp.pipe(texts, batch_size=5))
    for text, doc in zip(texts, piped):
        one = nlp(text)
        assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == [
            (e.start_char, e.end_char, e.label_) for e in one.ents]
    from spacy.tokens import DocBin

    back = list(DocBin(docs=piped[:2], store_user_data=True).get_docs(nlp.vocab))
    assert [(e.text, e.label_, e._.kashf_id) for e in back[0].ents] == [
        (e.text, e.label_, e._.kashf_id) for e in piped[0].ents]


def test_existing_entities_win_unless_overwritten():
    nlp = spacy.blank("ar")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "FAC", "pattern": "موسكو"}])
    nlp.add_pipe("kashf")
    assert [(e.text, e.label_) for e in nlp("زار موسكو").ents] == [("موسكو", "FAC")]
    over = spacy.blank("ar")
    over.add_pipe("entity_ruler").add_patterns([{"label": "FAC", "pattern": "موسكو"}])
    over.add_pipe("kashf", config={"overwrite_ents": True})
    assert [(e.text, e.label_) for e in over("زار موسكو").ents] == [("موسكو", "GPE")]


def test_displacy_renders_kashfs_entities(nlp):
    from spacy import displacy

    doc = nlp(TEXT)
    html = displacy.render(doc, style="ent")
    assert "direction: rtl" in html
    for ent in doc.ents:
        assert ent.text in html and ent.label_ in html
