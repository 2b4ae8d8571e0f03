"""The Python API against the CLI, and its behaviour on its own."""

from __future__ import annotations

import ast
import datetime
import itertools
import pickle
import sys
import threading
from pathlib import Path

import pytest

import kashf
from conftest import REF_DATE, ROOT, cli_jsonl, dumps, fixture_texts, run_kashf

STUB = Path(kashf.__file__).with_name("_kashf.pyi")


@pytest.fixture(scope="module")
def extractor() -> kashf.Extractor:
    return kashf.Extractor(ref_date=REF_DATE)


def jsonl_line(name: str, entities) -> str:
    return dumps({"doc": name, "entities": [e.to_dict() for e in entities]})


def test_results_equal_the_cli_jsonl_byte_for_byte(extractor):
    lines = cli_jsonl()
    texts = fixture_texts()
    assert len(lines) == len(texts) >= 8
    date = datetime.date(2021, 3, 12)
    for (name, text), line in zip(texts, lines):
        assert jsonl_line(name, extractor.extract(text)) == line, name
        assert jsonl_line(name, kashf.extract(text, ref_date=date)) == line, name
    many = extractor.extract_many(t for _, t in texts)
    assert [jsonl_line(n, es) for (n, _), es in zip(texts, many)] == lines


def test_without_model_and_gazetteers_as_the_cli(tmp_path):
    lines = cli_jsonl("--no-model")
    plain = kashf.Extractor(default_model=False, ref_date=REF_DATE)
    for (name, text), line in zip(fixture_texts(), lines):
        assert jsonl_line(name, plain.extract(text)) == line, name
    bare = kashf.Extractor(default_gazetteers=False, default_model=False)
    assert all(e.id is None for _, t in fixture_texts() for e in bare.extract(t))


def test_offsets_are_code_points_of_the_original():
    text = "😀 زار الوزيرُ مـوسكو\u200f وبيروت في ١٥ نوفمبر ٢٠٢٠"
    found = kashf.extract(text)
    assert [e.label for e in found] == ["PLACE", "PLACE", "DATE"]
    for e in found:
        assert text[e.start : e.end] == e.text
    assert found[0].text == "مـوسكو" and found[0].norm == "موسكو"
    assert found[2].value == "2020-11-15" and found[2].kind == "date"


def test_extract_many_keeps_input_order_at_any_thread_count(extractor):
    # Enough texts for several batches, and edge cases among them.
    lines = [l for _, t in fixture_texts() for l in t.splitlines() if l.strip()]
    texts = (lines * (1 + 2100 // len(lines)))[:2100] + ["", " \n ", "وصل إلى القاهرة أمس"]
    loop = [extractor.extract(t) for t in texts]
    assert sum(map(len, loop)) > 2000
    for threads in (1, 2, None):
        assert list(extractor.extract_many(texts, threads=threads)) == loop, threads
    assert list(extractor.extract_many(iter(texts), threads=2)) == loop


def test_extract_many_is_lazy(extractor):
    endless = itertools.repeat("زار الوزير موسكو")
    first = list(itertools.islice(extractor.extract_many(endless), 3))
    assert [[e.text for e in es] for es in first] == [["موسكو"]] * 3


def _releases_gil(call) -> bool:
    """Whether the main thread runs while `call` runs in another thread.

    With a switch interval far longer than the test, a thread that holds
    the GIL keeps it until it blocks or ends: if `call` held it, the main
    thread would only get it back after the worker ended.
    """
    started = threading.Event()
    worker = threading.Thread(target=lambda: (started.set(), call()))
    old = sys.getswitchinterval()
    sys.setswitchinterval(1000)
    try:
        worker.start()
        started.wait()
        ran_while_alive = 0
        while worker.is_alive():
            ran_while_alive += 1
            worker.join(0.001)
        return ran_while_alive > 0
    finally:
        sys.setswitchinterval(old)
        worker.join()


def test_extraction_releases_the_gil(extractor):
    big = "\n".join(t for _, t in fixture_texts()) * 40
    assert _releases_gil(lambda: extractor.extract(big))
    assert _releases_gil(lambda: list(extractor.extract_many([big] * 2, threads=2)))


def test_entity_fields_follow_the_jsonl():
    line = run_kashf(["extract"], stdin="زار الوزير موسكو").stdout
    import json

    fields = list(json.loads(line)["entities"][0])
    assert list(kashf.ENTITY_FIELDS) == fields
    [e] = kashf.extract("زار الوزير موسكو")
    assert e.fields == fields and list(e.to_dict()) == fields
    assert e == kashf.extract("زار الوزير موسكو")[0] and hash(e) == hash(kashf.extract("زار الوزير موسكو")[0])
    assert e != kashf.extract("زار الوزير بيروت")[0]
    assert pickle.loads(pickle.dumps(e)) == e
    assert repr(e).startswith("Entity(label='PLACE', text='موسكو', start=11, end=16,")
    assert set(fields) <= set(dir(e))
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        e.nope


def test_stub_declares_every_entity_field_in_order():
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    [entity] = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Entity"]
    declared = [n.target.id for n in entity.body if isinstance(n, ast.AnnAssign)]
    assert declared == list(kashf.ENTITY_FIELDS), "update Entity in python/kashf/_kashf.pyi"


def test_stub_labels_are_the_libraries():
    text = STUB.read_text(encoding="utf-8")
    assert f'_Label = Literal[{", ".join(repr(l).replace(chr(39), chr(34)) for l in kashf.LABELS)}]' in text


def test_version_is_the_cli_version():
    assert run_kashf(["--version"]).stdout.split() == ["kashf", kashf.__version__]


@pytest.mark.parametrize(
    "folds, flags",
    [({}, []), ({"key": True}, ["--key"]), ({"alef": False, "digits": False}, ["--no-alef", "--no-digits"]),
     ({"whitespace": False, "diacritics": False}, ["--no-whitespace", "--no-diacritics"])],
)
def test_normalize_is_the_cli(folds, flags):
    lines = [l for _, t in fixture_texts() for l in t.splitlines()]
    cli = run_kashf(["normalize", *flags], stdin="\n".join(lines) + "\n").stdout.splitlines()
    assert [kashf.normalize(l, **folds) for l in lines] == cli


def test_normalize_rejects_unknown_folds():
    with pytest.raises(TypeError, match="unexpected keyword argument 'alif'.*alef, ya"):
        kashf.normalize("أحمد", alif=False)
    with pytest.raises(TypeError, match="alef must be True or False"):
        kashf.normalize("أحمد", alef=0)
    assert kashf.normalize("أحمدُ ٣") == "احمد 3"
    assert set(kashf.FOLDS) == {"alef", "ya", "diacritics", "tatweel", "digits", "persian",
                                "presentation", "invisible", "whitespace"}


def test_non_text_input_raises_type_error(extractor):
    with pytest.raises(TypeError, match="text"):
        kashf.extract(b"\xd9\x85")
    with pytest.raises(TypeError, match="text"):
        extractor.extract(None)
    with pytest.raises(TypeError, match="extract_many: item 1 is int, not str"):
        list(extractor.extract_many(["موسكو", 5]))
    with pytest.raises(TypeError):
        extractor.extract_many(42)
    with pytest.raises(TypeError):
        kashf.Extractor(gazetteers="mine.tsv")
    with pytest.raises(ValueError, match="threads"):
        extractor.extract_many([], threads=0)


def test_extract_many_yields_what_came_before_a_failing_iterable(extractor):
    def texts():
        yield "زار الوزير موسكو"
        raise RuntimeError("source broke")

    results = extractor.extract_many(texts())
    assert [e.text for e in next(results)] == ["موسكو"]
    with pytest.raises(RuntimeError, match="source broke"):
        next(results)


def test_bad_gazetteer_raises_the_cli_message(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("id\tlabel\tname\tvariants\tattrs\nx\tTOWN\tا\t\t\n", encoding="utf-8")
    cli = run_kashf(["extract", "--gazetteer", str(bad), "-"], stdin="", check=False)
    assert cli.returncode == 1
    with pytest.raises(kashf.GazetteerError) as caught:
        kashf.Extractor(gazetteers=[bad])
    err = caught.value
    assert cli.stderr.strip() == f"kashf: {err}"
    assert str(err).startswith(f"{bad}:2: bad label")
    assert (err.path, err.line, err.kind) == (str(bad), 2, "gazetteer")
    assert isinstance(err, kashf.KashfError) and isinstance(err, ValueError)


def test_missing_files_raise_os_errors(tmp_path):
    with pytest.raises(FileNotFoundError) as caught:
        kashf.Extractor(gazetteers=[tmp_path / "none.tsv"])
    assert caught.value.filename == str(tmp_path / "none.tsv")
    with pytest.raises(FileNotFoundError):
        kashf.Extractor(model=tmp_path / "none.model")


def test_bad_model_raises_the_cli_message(tmp_path):
    bad = tmp_path / "bad.model"
    bad.write_bytes(b"not a model at all")
    cli = run_kashf(["extract", "--model", str(bad), "-"], stdin="", check=False)
    with pytest.raises(kashf.ModelError) as caught:
        kashf.Extractor(model=bad)
    assert cli.stderr.strip() == f"kashf: {caught.value}"
    assert caught.value.path == str(bad)


def test_bad_ref_date():
    with pytest.raises(ValueError, match="expected YYYY-MM-DD"):
        kashf.extract("أمس", ref_date="12/03/2021")
    with pytest.raises(TypeError, match="ref_date must be"):
        kashf.Extractor(ref_date=20210312)
    [e] = kashf.extract("وصل أمس", ref_date=datetime.datetime(2021, 3, 12, 23, 0))
    assert e.value == "2021-03-11"


def test_user_gazetteer(tmp_path):
    g = tmp_path / "mine.tsv"
    g.write_text("id\tlabel\tname\tvariants\tattrs\nkashf:test:1\tPLACE\tباخموت\tبخموت\ten=Bakhmut\n",
                 encoding="utf-8")
    ex = kashf.Extractor(gazetteers=[g], default_gazetteers=False, default_model=False)
    [e] = ex.extract("في بخموت")
    assert (e.norm, e.id, e.source) == ("باخموت", "kashf:test:1", "gazetteer")
    assert "mine.tsv" in repr(ex) and "default_gazetteers=False" in repr(ex)


def test_hijri_calendar_as_the_cli():
    text = "بدأ العام الهجري في 1 محرم 1440 هـ ووقف الحجاج بعرفة في 9 ذو الحجة 1436 هـ"
    values = {}
    for calendar in ("umm-al-qura", "tabular"):
        found = kashf.Extractor(default_model=False, hijri_calendar=calendar).extract(text)
        line = run_kashf(["extract", "-q", "--no-model", "--hijri-calendar", calendar, "-"], stdin=text)
        assert jsonl_line("stdin", found) == line.stdout.strip(), calendar
        values[calendar] = [e.value for e in found if e.label == "DATE"]
    # The two calendars are a day apart on these dates; Umm al-Qura is the default.
    assert values["umm-al-qura"] == ["2018-09-11", "2015-09-22"]
    assert values["tabular"] != values["umm-al-qura"]
    default = kashf.Extractor(default_model=False).extract(text)
    assert [e.value for e in default if e.label == "DATE"] == values["umm-al-qura"]
    with pytest.raises(ValueError, match="hijri_calendar must be"):
        kashf.Extractor(hijri_calendar="islamic")
