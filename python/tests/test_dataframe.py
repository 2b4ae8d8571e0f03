"""kashf.to_dataframe, with and without pandas."""

from __future__ import annotations

import sys

import pytest

import kashf

pd = pytest.importorskip("pandas")

TEXTS = ["زار الوزير موسكو أمس", "", "قال جورج بوش في بيروت إن ٣ آلاف وصلوا"]


def test_one_text():
    found = kashf.extract(TEXTS[0], ref_date="2021-03-12")
    df = kashf.to_dataframe(found)
    assert list(df.columns) == list(kashf.ENTITY_FIELDS)
    assert df.to_dict("records") == [e.to_dict() for e in found]


def test_many_texts_are_numbered():
    results = list(kashf.Extractor().extract_many(TEXTS))
    df = kashf.to_dataframe(results)
    assert list(df.columns) == ["doc", *kashf.ENTITY_FIELDS]
    want = [(i, e.text) for i, es in enumerate(results) for e in es]
    assert list(zip(df["doc"], df["text"])) == want
    assert 1 not in set(df["doc"])
    number = df[df["label"] == "NUMBER"].iloc[0]
    assert number["value"] == 3000 and type(number["value"]) is int
    assert number["kind"] == "cardinal"
    assert df["value"].iloc[0] is None


def test_mapping_names_documents_and_empty_input():
    df = kashf.to_dataframe({"a.txt": kashf.extract(TEXTS[0]), "b.txt": []})
    assert set(df["doc"]) == {"a.txt"}
    empty = kashf.to_dataframe([])
    assert empty.empty and list(empty.columns) == list(kashf.ENTITY_FIELDS)
    with pytest.raises(TypeError, match="kashf.Entity"):
        kashf.to_dataframe([[{"label": "PLACE"}]])


def test_without_pandas(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pip install pandas"):
        kashf.to_dataframe([])
