"""`kashf extract --format conll` read as NER tools read it: seqeval's
strict IOB2 reading gives back the entities of the JSONL."""

from __future__ import annotations

import json

import pytest

from conftest import REF_DATE, run_kashf

scheme = pytest.importorskip("seqeval.scheme")


def read_conll(out: str):
    """Documents → sentences → (tokens, tags), skipping `# ` comment lines."""
    docs = []
    for line in out.splitlines():
        if line.startswith("# doc = "):
            docs.append((line[len("# doc = "):], [[]]))
        elif not line:
            docs[-1][1].append([])
        else:
            token, tag = line.split("\t")
            docs[-1][1][-1].append((token, tag))
    return [(name, [s for s in sents if s]) for name, sents in docs]


def test_seqeval_reads_the_entities_of_the_jsonl():
    args = ["extract", "-q", "--ref-date", REF_DATE, "fixtures/news"]
    jsonl = [json.loads(l) for l in run_kashf(args).stdout.splitlines()]
    docs = read_conll(run_kashf([*args, "--format", "conll"]).stdout)
    assert [d for d, _ in docs] == [j["doc"] for j in jsonl]
    for (name, sentences), j in zip(docs, jsonl):
        tags = [[t for _, t in s] for s in sentences]
        # Strict IOB2: raises on an I- that follows nothing of its type.
        entities = scheme.Entities(tags, scheme.IOB2).entities
        got = [
            (e.tag, "".join(tok for tok, _ in sentences[e.sent_id][e.start : e.end]))
            for sent in entities
            for e in sent
        ]
        want = [(e["label"], "".join(e["text"].split())) for e in j["entities"]]
        assert got == want, name
