#!/usr/bin/env python3
"""Derives the name lexicons that kashf's context rules use (src/vocab/, src/rules/).

Run from the project root:

    python3 gazetteers/names/generate.py            # writes gazetteers/names/*.txt
    python3 gazetteers/names/generate.py --shared PATH

Python 3.11 standard library only; reads ../shared (beside the project root) and the
project's own gazetteers, nothing else, no downloads. Same inputs, same bytes. Every entry
is a matching key (the folds of src/normalize.rs `matching_key`: أ/إ/آ→ا, ى→ي, ة→ه, ؤ→و,
ئ→ي, no diacritics or tatweel), one per line, sorted, after `#` comment lines.

Inputs:
- arabic-names (MIT): Arabic male and female first names, family names.
- wikidata-name-tokens (CC0): person-name tokens with English spelling, Arabic spelling
  (letters space-separated) and counts.
- SaudiNewsNet 2015 (CC BY-NC-SA 4.0), read with tarfile, never extracted: token
  frequencies only, to drop name tokens that are common Arabic words and to list the
  frequent words that end a name, and the count of each token right after a first name
  (family names) or a frequent Wikidata token (is it a first name: جون كيري?). Token
  counts are cached in target/names-corpus-counts.tsv.
- gazetteers/*.tsv: single-word place spellings are not name tokens (موسكو, واشنطن).
- gazetteers/common-words.txt: the gazetteer generator's common words (not its `unplaced`
  words, which are no common words); gazetteers/frequent-words.txt, its frequent news words.

Outputs (gazetteers/names/):
- first-names.txt: tokens that start a person name (Arabic first names; foreign tokens
  frequent in Wikidata person names, and those the news writes often but mostly before
  a name token: NAME_FOLLOWED_RATIO).
- name-tokens.txt: every accepted person-name token (first names and surnames), and the
  family names the news writes right after a first name at least FAMILY_RATIO of the
  time, with the article (الفيصل, الدوسري, الأسد: a name runs over them) or without it
  (كيري, بلاتيني; not proclitic, accusative or pronoun forms of frequent words).
- common-words.txt: the most frequent news tokens (name tokens included): a name runs
  over one only if it is a name token.
- weak-name-tokens.txt: the Wikidata tokens name-tokens.txt leaves out (rare in Wikidata,
  place names, common words of the gazetteers), but for the news's frequent words
  (gazetteers/frequent-words.txt): evidence for the tagger's features, never a rule.
What was dropped and why goes to target/names-generate.log.
"""

import argparse
import collections
import re
import sys
import tarfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "gazetteers" / "names"

_DIACRITICS = re.compile("[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
_INVISIBLE = re.compile("[\u200B-\u200F\u061C\u202A-\u202E\u2066-\u2069\u2060\u00AD\uFEFF]")
_PRESENTATION = re.compile("[\uFB50-\uFDFF\uFE80-\uFEFE]")
_KEY = str.maketrans({
    "\u0629": "\u0647", "\u0624": "\u0648", "\u0626": "\u064A", "\u0649": "\u064A",
    "\u0622": "\u0627", "\u0623": "\u0627", "\u0625": "\u0627", "\u0671": "\u0627",
    "\u0672": "\u0627", "\u0673": "\u0627", "\u067E": "\u0628", "\u0686": "\u062C",
    "\u0698": "\u0632", "\u06AF": "\u0643", "\u06A9": "\u0643", "\u06A4": "\u0641",
    "\u06CC": "\u064A", "\u06C0": "\u0647", "\u06C1": "\u0647", "\u06D5": "\u0647",
})
TOKEN = re.compile("[\u0621-\u063A\u0641-\u064A\u0671-\u06D3]+")
ARABIC_WORD = re.compile("^[\u0621-\u063A\u0641-\u064A]+$")

# How many of the most frequent corpus tokens count as common words.
COMMON_TOP = 12000
# A foreign token needs this many Wikidata occurrences to be a name token, and
# this many to be a first name (frequent tokens are mostly given names).
MIN_TOKEN_COUNT = 2
MIN_FIRST_COUNT = 25
# Article ratio above which a word behaves like a noun (أمل / الأمل).
ARTICLE_RATIO = 0.15
# A word with the article is a family name when the news writes it right after a first
# name at least this share of the time (الفيصل, الدوسري, الأسد; not المعلم "the teacher"),
# and has it at least FAMILY_MIN_COUNT times.
FAMILY_RATIO = 0.3
FAMILY_MIN_COUNT = 20
# A frequent Wikidata token is a first name when the news writes a name token right
# after it at least this share of the time (جون كيري, سيف, مهدي).
NAME_FOLLOWED_RATIO = 0.2
# Words written with ى whose key is a first name (على → علي): never a first name.
YA_COLLISIONS = {"على", "الى", "حتى", "متى", "لدى", "سوى"}
# Particles and short function tokens the rules handle themselves.
PARTICLES = {"بن", "ابن", "بنت", "ابو", "ابي", "ام", "عبد", "ال", "ولد", "دي", "دو", "دا",
             "فان", "فون", "لو", "لا", "مك", "ماك", "سان", "سانت", "دل", "ديل", "او"}
# Words of place names that Wikidata also lists as person-name tokens (hand-written):
# «نيو» "New" (نيو جيرسي، نيو مكسيكو) is no name after a reporting verb («زار نيو جيرسي»);
# «إسلام آباد» is a city, «بابا الفاتيكان» and «الأميرة» titles.
NOT_NAMES = {"نيو", "اسلام", "بابا", "الاميره"}
# Words the news often writes right after a first name that are no surnames
# (hand-written): «فرانس برس», «برقية», «تغمده الله», clubs.
NOT_FAMILY = {"برس", "برقيه", "تغمده", "خيارين", "فوتبول", "فياريال", "باكستاني"}
# Frequent Arabic first names the MIT list lacks (hand-written; these are names, not data
# from any source).
CURATED_FIRST = """ابراهيم اسماعيل اسحاق يعقوب يوسف موسي عيسي يحيي زكريا سليمان داود هارون ادريس
نوح صالح هود لقمان عمر عثمان علي حسن حسين محمد احمد محمود مصطفي عبدالله عبدالرحمن
عبدالعزيز خالد سعد سعيد سعود فيصل فهد نايف بندر تركي طلال وليد ماجد نبيل نبيه رفيق
فؤاد رشيد مراد جمال كمال عادل عماد هشام هاني رامي سامي زياد ناصر منصور مروان بشار
حافظ حمد حمدي جاسم قاسم صدام نوري عزت طارق زهير ميشال ميشيل جبران سليم كريم رجب
اردوغان نجيب شريف ابوبكر معمر قابوس ياسر اسامه عبدالفتاح هادي منير سمير بسام عصام
ايمن امين جواد رضا حسني انور جلال سلطان سلمان مقتدي اياد نوال هيفاء ليلي سلوي هدي
منى سعاد فاطمه عائشه خديجه زينب مريم""".split()


def key(s: str) -> str:
    s = _PRESENTATION.sub(lambda m: unicodedata.normalize("NFKC", m.group()), s)
    s = _INVISIBLE.sub("", _DIACRITICS.sub("", s))
    return " ".join(s.split()).translate(_KEY).lower()


def read_corpus(shared: Path, log) -> collections.Counter:
    cache = ROOT / "target" / "names-corpus-counts.tsv"
    path = shared / "corpus" / "saudinewsnet-2015.tar.xz"
    if cache.exists() and cache.stat().st_mtime >= path.stat().st_mtime:
        freq = collections.Counter()
        with cache.open(encoding="utf-8") as f:
            for line in f:
                w, n = line.rstrip("\n").split("\t")
                freq[w] = int(n)
        return freq
    freq = collections.Counter()
    with tarfile.open(path) as tar:
        for m in tar:
            if m.isfile() and m.name.startswith("txt/") and m.name.endswith(".txt"):
                text = key(tar.extractfile(m).read().decode("utf-8", "replace"))
                freq.update(TOKEN.findall(text))
    cache.parent.mkdir(exist_ok=True)
    with cache.open("w", encoding="utf-8") as f:
        for w, n in sorted(freq.items()):
            f.write(f"{w}\t{n}\n")
    return freq


def next_tokens(shared: Path, heads: set[str]) -> dict[str, collections.Counter]:
    """For each of `heads`, how often each token follows it in the news corpus. The
    text keeps ى here, so that «على الأرض» is not «علي الأرض»."""
    keep_ya = {c: t for c, t in _KEY.items() if c != ord("\u0649")}
    nxt: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    with tarfile.open(shared / "corpus" / "saudinewsnet-2015.tar.xz") as tar:
        for m in tar:
            if not (m.isfile() and m.name.startswith("txt/") and m.name.endswith(".txt")):
                continue
            text = tar.extractfile(m).read().decode("utf-8", "replace")
            text = _PRESENTATION.sub(lambda x: unicodedata.normalize("NFKC", x.group()), text)
            toks = TOKEN.findall(_INVISIBLE.sub("", _DIACRITICS.sub("", text)).translate(keep_ya).lower())
            for a, b in zip(toks, toks[1:]):
                if a not in YA_COLLISIONS and a.replace("\u0649", "\u064A") in heads:
                    nxt[a.replace("\u0649", "\u064A")][b.replace("\u0649", "\u064A")] += 1
    return nxt


def gazetteer_places(root: Path) -> set[str]:
    """Single-word spellings of the default place gazetteers, as keys."""
    out = set()
    for name in ("countries.tsv", "regions.tsv", "cities.tsv"):
        for line in (root / "gazetteers" / name).open(encoding="utf-8"):
            if line.startswith("#") or line.startswith("id\t"):
                continue
            f = line.rstrip("\n").split("\t")
            for s in [f[2]] + (f[3].split("|") if f[3] else []):
                k = key(s)
                if " " not in k:
                    out.add(k)
                    if k.startswith("ال"):
                        out.add(k[2:])
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    src = args.shared / "data" / "gazetteer-sources"
    (ROOT / "target").mkdir(exist_ok=True)
    log = (ROOT / "target" / "names-generate.log").open("w", encoding="utf-8")

    freq = read_corpus(args.shared, log)
    ranked = [w for w, _ in sorted(freq.items(), key=lambda x: (-x[1], x[0]))]
    rank = {w: i for i, w in enumerate(ranked)}
    places = gazetteer_places(ROOT)
    gaz_common = set()
    for line in (ROOT / "gazetteers" / "common-words.txt").open(encoding="utf-8"):
        if not line.startswith("#") and line.strip():
            word, cls = line.rstrip("\n").split("\t")
            # "unplaced" words are no common words, just no place names
            # (ديفيد, مريم): they may well be person names.
            if cls != "unplaced":
                gaz_common.add(word)

    def article_ratio(k: str) -> float:
        if k.startswith("ال"):
            return 0.0
        return freq.get("ال" + k, 0) / max(freq.get(k, 0), 1)

    def nounish(k: str) -> bool:
        """A frequent word that also takes the article: a noun or adjective."""
        return rank.get(k, 10**9) < COMMON_TOP and article_ratio(k) > ARTICLE_RATIO

    # Arabic first names (MIT list): kept unless they behave like common nouns.
    arabic_first: set[str] = set()
    for name in ("male-first--names-in-arabic.txt", "female-first-names-in-arabic.txt"):
        for line in (src / "arabic-names" / name).open(encoding="utf-8-sig"):
            k = key(line.strip())
            if not k or " " in k or not ARABIC_WORD.match(k):
                continue
            if k in PARTICLES or len(k) < 3:
                log.write(f"arabic-first\t{k}\tparticle or too short\n")
            elif article_ratio(k) > 1.0 and rank.get(k, 10**9) < COMMON_TOP or k in gaz_common:
                log.write(f"arabic-first\t{k}\tcommon noun (article ratio {article_ratio(k):.2f})\n")
            elif k in places:
                log.write(f"arabic-first\t{k}\tplace name\n")
            else:
                arabic_first.add(k)
    arabic_first.update(key(w) for w in CURATED_FIRST)
    arabic_last: set[str] = set()
    for line in (src / "arabic-names" / "last-names-in-arabic.txt").open(encoding="utf-8-sig"):
        k = key(line.strip())
        if k and " " not in k and ARABIC_WORD.match(k) and k not in places and len(k) >= 3:
            arabic_last.add(k)

    # Foreign tokens (Wikidata, CC0): Arabic spelling with letters space-separated.
    counts: collections.Counter = collections.Counter()
    for line in (src / "wikidata-name-tokens" / "wd_arabic.normalized.aligned.tokens").open(
        encoding="utf-8"
    ):
        f = line.rstrip("\n").split("\t")
        if len(f) != 3:
            continue
        k = key(f[1].replace(" ", ""))
        if ARABIC_WORD.match(k):
            counts[k] += int(f[2])
    foreign: set[str] = set()
    foreign_first: set[str] = set()
    # Frequent tokens that may still be first names (جون, كيري): decided below by
    # what follows them in the news.
    frequent_foreign: dict[str, int] = {}
    for k, n in sorted(counts.items()):
        why = None
        if n < MIN_TOKEN_COUNT:
            why = "rare in Wikidata"
        elif len(k) < 3 or k in PARTICLES:
            why = "particle or too short"
        elif k in NOT_NAMES:
            why = "a word of place names (NOT_NAMES)"
        elif k in places:
            why = "place name"
        elif k in gaz_common:
            why = "common word"
        elif k.startswith("ال") and rank.get(k, 10**9) < COMMON_TOP:
            why = "common word"
            # ألكسندر, أليكسي: foreign names whose key starts like the article.
            if n >= MIN_FIRST_COUNT:
                frequent_foreign[k] = n
        elif rank.get(k, 10**9) < COMMON_TOP and k not in arabic_first and (
            nounish(k) or rank[k] < 3000
        ):
            why = f"common word (corpus rank {rank[k]})"
            if n >= MIN_FIRST_COUNT:
                frequent_foreign[k] = n
        if why:
            log.write(f"foreign\t{k}\t{n}\t{why}\n")
            continue
        foreign.add(k)
        if n >= MIN_FIRST_COUNT:
            foreign_first.add(k)

    first = arabic_first | foreign_first
    nxt = next_tokens(args.shared, first | set(frequent_foreign))
    # A frequent Wikidata token the news mostly writes before another name token is a
    # first name after all: «جون كيري», «بول غيتس»; not «روسي», «دون», «بير».
    # (Not the article words among the candidates: «بيت الله» is no name.)
    name_like = foreign | arabic_last | first | {k for k in frequent_foreign if k[:2] != "ال"}
    for k in sorted(frequent_foreign):
        before = sum(c for b, c in nxt[k].items() if b in name_like)
        total = max(freq.get(k, 0), 1)
        if before >= NAME_FOLLOWED_RATIO * total:
            log.write(f"foreign-frequent\t{k}\t{before}/{total}\tbefore a name token: first name\n")
            foreign.add(k)
            first.add(k)
        else:
            log.write(f"foreign-frequent\t{k}\t{before}/{total}\tcommon word\n")
    # Family names the lists lack, from how the news uses them: الفيصل, الدوسري, and
    # without the article: بلاتر, كيري. A word without the article counts only after
    # first names that are no nouns too («عن عمر يناهز» is "aged about").
    family: set[str] = set()
    after: collections.Counter = collections.Counter()
    after_strong: collections.Counter = collections.Counter()
    for a in first:
        after.update(nxt[a])
        if not nounish(a):
            after_strong.update(nxt[a])

    def inflected(k: str) -> str | None:
        """Why a word is an inflected Arabic word rather than a surname, if it is."""
        if k[0] in "وفبلك" and k[1:].startswith("ال") or (
            k[0] in "وفبل" and rank.get(k[1:], 10**9) < COMMON_TOP
        ):
            return "a proclitic on a common word"
        if k.startswith("لل"):
            return "a proclitic on a common word"
        if k.endswith("ا") and freq.get(k[:-1], 0) >= FAMILY_MIN_COUNT:
            return "accusative of a common word"
        for suffix in ("ه", "هما", "هم", "ها"):
            if k.endswith(suffix) and freq.get(k[: -len(suffix)], 0) >= FAMILY_MIN_COUNT:
                return "a common word with a pronoun suffix"
        return None

    for k in sorted(after):
        article = k.startswith("ال")
        n = after[k] if article else after_strong[k]
        total = freq.get(k, 0)
        if not (len(k) >= (5 if article else 3) and total >= FAMILY_MIN_COUNT):
            continue
        if n < FAMILY_RATIO * total or k in name_like and k not in frequent_foreign:
            continue
        why = None
        if k in places or k in PARTICLES or k in NOT_NAMES or k in YA_COLLISIONS:
            why = "place name or particle"
        elif k in NOT_FAMILY:
            why = "no name (NOT_FAMILY)"
        elif not article:
            why = inflected(k)
        if why:
            log.write(f"family\t{k}\t{n}/{total}\t{why}\n")
            continue
        log.write(f"family\t{k}\t{n}/{total}\tafter a first name\n")
        family.add(k)
    tokens = first | foreign | arabic_last | family
    # Name tokens stay in: a frequent name (المصري, مبارك) is a common word too, and the
    # rules ask both questions.
    common = [w for w in ranked[:COMMON_TOP] if len(w) >= 2]

    def write(name: str, head: str, items) -> None:
        with (OUT / name).open("w", encoding="utf-8", newline="\n") as f:
            f.write(f"# {head}\n# Generated by gazetteers/names/generate.py; do not edit by hand.\n")
            f.write("# Matching keys, one per line, sorted. Sources: gazetteers/SOURCES.md.\n")
            for w in sorted(set(items)):
                f.write(w + "\n")

    write("first-names.txt", "Tokens that start a person name (arabic-names, wikidata-name-tokens).",
          first)
    write("name-tokens.txt", "Person-name tokens: first names and surnames (arabic-names, "
          "wikidata-name-tokens).", tokens)
    write("common-words.txt", f"The {COMMON_TOP} most frequent SaudiNewsNet tokens (name tokens "
          "included): a name runs over one only if it is a name token.", common)
    # What name-tokens.txt leaves out of Wikidata (rare there, a place name, a common word
    # of the gazetteers), but for the news's frequent words: weak evidence, for the
    # tagger's features alone («يلتسن», «ماتيراتزي», «جينيس»).
    frequent = set()
    for line in (ROOT / "gazetteers" / "frequent-words.txt").open(encoding="utf-8"):
        if not line.startswith("#"):
            frequent.add(line.strip())
    weak = [k for k in counts if k not in tokens and k not in frequent and len(k) >= 3]
    write("weak-name-tokens.txt", "Wikidata person-name tokens that name-tokens.txt leaves out, "
          "but for frequent news words (gazetteers/frequent-words.txt): the tagger's evidence "
          "only.", weak)
    print(f"first-names {len(first)}, name-tokens {len(tokens)}, common-words {len(set(common))}, "
          f"weak-name-tokens {len(set(weak))}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
