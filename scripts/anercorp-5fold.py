#!/usr/bin/env python3
"""Honest 5-fold evaluation of kashf on ANERcorp's train split.

    python3 scripts/anercorp-5fold.py [--kashf target/release/kashf] [--group N] [--errors]
                                      [--no-model] [--epochs N] [--extra FILE.conll] [--out DIR]
                                      [--news DIR] [--people] [--seed N]

From the project root; Python 3.11 standard library only. Splits
../shared/data/ner/anercorp-train.conll into five contiguous fifths by sentence (the file
is in document order, so a fold holds whole articles except at its two edges). For each
fold it derives name lists from the other four (PERS, LOC and ORG spans, filtered as
gazetteers/generate.py filters ANERcorp people), writes them as a gazetteer, and runs

    kashf eval --gold FOLD.conll --exclude-attr src=anercorp --gazetteer NAMES.tsv

so that no name from the scored fold is known, and the default people.tsv rows taken from
ANERcorp (attribute src=anercorp) are left out. Prints each fold's table and the micro
average over the five folds. Files go to target/anercorp-5fold/.

That is the protocol of the finders alone (`--no-model`). By default the learned tagger runs
too, and for each fold it is trained on the four others instead (`kashf train`, the settings
of scripts/train-model.sh) and evaluated with `--model`, without the name lists: the tagger
learns the other folds' names itself, and a gazetteer of them would make the finders look right
on every training name. With `--news DIR` (unlabelled news, such as the SaudiNewsNet corpus
unpacked under target/corpus/txt), each fold's model is trained with `kashf train --news DIR`:
a model of the four other folds reads the news, and what it tagged there becomes a feature.
With `--people`, each fold's model is scored with the other folds' people as a gazetteer too:
the default people.tsv holds the people of the whole train split (src=anercorp), so this is
the shipped configuration on text it never saw.
"""

import argparse
import collections
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONLL = ROOT.parent / "shared" / "data" / "ner" / "anercorp-train.conll"
OUT = ROOT / "target" / "anercorp-5fold"
LABELS = {"PERS": "PERSON", "LOC": "PLACE", "ORG": "ORG"}
CLITICS = ("و", "ف", "ب", "ل", "ك")
TITLES = {"الملك", "الرئيس", "الشيخ", "السيد", "السيده", "الامير", "الدكتور", "الامام", "الملكه",
          "الاميره", "الفنان", "الفنانه", "المستشار", "الوزير", "الجنرال", "سمو", "معالي", "سعاده"}
_KEY = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
_DIACRITICS = re.compile("[\u064B-\u065F\u0670\u0640]")


def key(s: str) -> str:
    return _DIACRITICS.sub("", s).translate(_KEY)


def sentences(path: Path) -> list[list[tuple[str, str]]]:
    out, cur = [], []
    for line in path.open(encoding="utf-8"):
        parts = line.split()
        if not parts:
            if cur:
                out.append(cur)
            cur = []
        else:
            cur.append((parts[0], parts[-1]))
    if cur:
        out.append(cur)
    return out


def names(train: list[list[tuple[str, str]]]) -> list[tuple[str, str]]:
    """(label, spelling) gazetteer rows from the training sentences."""
    spans: collections.Counter = collections.Counter()
    token_tags: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for sent in train:
        cur = None
        for tok, tag in sent + [("", "O")]:
            if tok:
                token_tags[key(tok)][tag[2:] if tag != "O" else "O"] += 1
            if cur and not tag.startswith("I-"):
                spans[(cur[0], " ".join(cur[1]))] += 1
                cur = None
            if tag.startswith("B-") or (tag.startswith("I-") and cur is None):
                cur = (tag[2:], [tok])
            elif tag.startswith("I-") and cur:
                cur[1].append(tok)
    rows = {}
    keys = {key(s) for (_, s) in spans}
    for (ty, s), n in sorted(spans.items()):
        if ty not in LABELS:
            continue
        k = key(s)
        if " " not in s:
            tags = token_tags[k]
            # A single word: mostly this label, and not a frequent common word.
            others = max((c for t, c in tags.items() if t not in (ty, "O")), default=0)
            if tags[ty] <= tags["O"] or tags[ty] < others:
                continue
        if len(k) < 2:
            continue
        # ANERcorp is inconsistent about titles: «الملك عبدالله الثاني» and
        # «عبدالله الثاني». The rules leave titles out, so do the name lists.
        first, _, rest = s.partition(" ")
        if ty == "PERS" and rest and key(first) in TITLES:
            s, k = rest, key(rest)
        # A proclitic plus a name seen elsewhere (وبوش): the matcher handles clitics.
        if any(k.startswith(c) and k[len(c):] in keys for c in CLITICS + ("ال",)):
            continue
        if k.startswith("لل") and "ال" + k[2:] in keys:
            continue
        rows.setdefault(k, (LABELS[ty], s, n))
        if rows[k][2] < n:
            rows[k] = (LABELS[ty], s, n)
    return sorted((lab, s) for lab, s, _ in rows.values())


def main() -> int:
    global OUT
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kashf", default=str(ROOT / "target" / "release" / "kashf"))
    ap.add_argument("--group", type=int, default=20,
                    help="sentences per document (kashf eval --group; 20, as kashf reads a file without document marks)")
    ap.add_argument("--errors", action="store_true", help="write each fold's errors to target/anercorp-5fold/")
    ap.add_argument("--no-model", action="store_true",
                    help="no tagger: the finders alone, with name lists from the other folds")
    ap.add_argument("--epochs", type=int, default=20, help="tagger training passes (as scripts/train-model.sh)")
    ap.add_argument("--seed", type=int, default=0,
                    help="shift of the tagger's shuffling seeds (kashf train --seed; 0 as shipped): "
                         "two seeds tell a change from retraining noise")
    ap.add_argument("--extra", help="more training sentences (CoNLL) for every fold")
    ap.add_argument("--out", default=str(OUT), help="where the fold files go")
    ap.add_argument("--news", help="unlabelled news for the tagger (kashf train --news)")
    ap.add_argument("--people", action="store_true",
                    help="score each fold's model with the other folds' people as a gazetteer, as "
                         "the default people.tsv holds the people of the whole train split: the "
                         "shipped configuration on text it never saw")
    args = ap.parse_args()
    OUT = Path(args.out)
    sents = sentences(CONLL)
    OUT.mkdir(parents=True, exist_ok=True)
    n = len(sents)
    bounds = [n * i // 5 for i in range(6)]
    total = collections.defaultdict(lambda: [0, 0, 0])  # label -> gold, pred, tp
    for f in range(5):
        test = sents[bounds[f]:bounds[f + 1]]
        train = sents[:bounds[f]] + sents[bounds[f + 1]:]
        gold = OUT / f"fold{f + 1}.conll"
        with gold.open("w", encoding="utf-8") as out:
            for s in test:
                out.write("".join(f"{t} {g}\n" for t, g in s) + "\n")
        gaz = OUT / f"fold{f + 1}-names.tsv"
        with gaz.open("w", encoding="utf-8") as out:
            out.write("id\tlabel\tname\tvariants\tattrs\n")
            for i, (lab, s) in enumerate(names(train)):
                out.write(f"fold{f + 1}:{i}\t{lab}\t{s}\t\tsrc=anercorp-folds\n")
        cmd = [args.kashf, "eval", "--gold", str(gold), "--exclude-attr", "src=anercorp",
               "--group", str(args.group)]
        if args.no_model:
            cmd += ["--no-model", "--gazetteer", str(gaz)]
        else:
            # The tagger learns the other folds' names itself; a gazetteer of
            # them would make the finders look right on every training name.
            train_file = OUT / f"fold{f + 1}-train.conll"
            with train_file.open("w", encoding="utf-8") as out:
                for s in train + (sentences(Path(args.extra)) if args.extra else []):
                    out.write("".join(f"{t} {g}\n" for t, g in s) + "\n")
            model = OUT / f"fold{f + 1}.model"
            subprocess.run([args.kashf, "train", "--gold", str(train_file), "--exclude-attr",
                            "src=anercorp", "--group", str(args.group), "--epochs",
                            str(args.epochs), "--seed", str(args.seed), "-o", str(model)]
                           + (["--news", args.news] if args.news else []), check=True)
            cmd += ["--model", str(model)]
            if args.people:
                people = OUT / f"fold{f + 1}-people.tsv"
                with people.open("w", encoding="utf-8") as out:
                    out.write("id\tlabel\tname\tvariants\tattrs\n")
                    rows = [s for lab, s in names(train) if lab == "PERSON"]
                    for i, s in enumerate(rows):
                        out.write(f"fold{f + 1}:{i}\tPERSON\t{s}\t\tsrc=anercorp-folds\n")
                cmd += ["--gazetteer", str(people)]
        if args.errors:
            cmd.append("--errors")
        res = subprocess.run(cmd, capture_output=True, text=True, check=True)
        table = res.stdout
        if args.errors:
            errs, _, table = res.stdout.rpartition("\n\n")
            (OUT / f"fold{f + 1}-errors.tsv").write_text(errs + "\n", encoding="utf-8")
        print(f"fold {f + 1}: sentences {bounds[f] + 1}-{bounds[f + 1]}")
        print(table)
        for line in table.splitlines()[1:]:
            p = line.split()
            if p[0] != "ALL":
                for i in range(3):
                    total[p[0]][i] += int(p[1 + i])
    print("micro average over the 5 folds")
    print(f"{'label':<8} {'gold':>6} {'pred':>6} {'tp':>6} {'P':>6} {'R':>6} {'F1':>6}")
    for lab in ("PERSON", "PLACE", "ORG"):
        g, p, tp = total[lab]
        pr, rc = tp / max(p, 1), tp / max(g, 1)
        f1 = 2 * tp / max(g + p, 1)
        print(f"{lab:<8} {g:>6} {p:>6} {tp:>6} {pr:>6.3f} {rc:>6.3f} {f1:>6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
