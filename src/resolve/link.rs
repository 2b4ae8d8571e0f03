//! Linking people within a chunk: partial mentions take the full name.
//!
//! In: the resolved (sorted, non-overlapping) candidates of one chunk. Out:
//! the same candidates, where
//! - a person named by one word (its surname) takes the `norm` and `id` of
//!   a full name (two words or more) with that last word in the chunk:
//!   «لودريان» → «جان إيف لودريان»;
//! - a full name with the same surname as an earlier one and a compatible
//!   first name (the same consonant skeleton, غ/ج/ق/ك as one letter:
//!   فولوديمير / فلاديمير, يفغيني / يفجيني) takes that one's `norm` and `id`;
//! - a word no finder claimed that is the surname of a full name in the
//!   chunk, or the one word of a one-word person found there (a rare word:
//!   «فينغر» after «المدرب الفرنسي فينغر»), becomes a PERSON (proclitics
//!   outside the span);
//!
//! A father's or forefather's name (the word after «بن», «ابن», «بنت»:
//! «عبدالعزيز» of «سلمان بن عبدالعزيز») is not the person's surname: no
//! lone word links to it, and full names with different lineages («محمد بن
//! سلمان بن عبدالعزيز», «محمد بن نايف بن عبدالعزيز») are different people.
//!
//! Every candidate changed or added here has `source: linked` (a
//! gazetteer match that already had the same id keeps its source). Where
//! several people share a surname, the nearest full mention before the
//! word wins (else the first after it). The canonical mention of a group
//! is its first one with a gazetteer id, else its first one.
//!
//! Scope: one chunk (a document, or a piece of at most
//! [`crate::extract::CHUNK_BYTES`] of a longer one); news articles are one chunk.
//! Across documents nothing is shared, but the same unseen name always gets
//! the same `norm`, its normalised text. The result depends only on the
//! chunk, so output stays deterministic.

use std::sync::Arc;

use crate::doc::{Candidate, Chunk, Label, Link, Source, starts_with_short};
use crate::hash::{FastMap, FastSet};
use crate::vocab::shape::arabic_form;
use crate::vocab::{COLLISIONS, bit, known};

/// What a mention linked to a person takes: its `norm`, `id` and `link`.
type Target = (String, Option<Arc<str>>, Option<Link>);

/// A group of full mentions of one person.
struct Person {
    surname: String,
    /// Whether `surname` is a father's or forefather's name (the last word
    /// of a lineage: «سلمان بن عبدالعزيز»): then it is not the person's
    /// short name, and no lone word links to it.
    fathers: bool,
    /// The lineage after the first name («بن نايف بن عبدالعزيز»), if any:
    /// two full names that both have one are one person only where it is
    /// the same («محمد بن سلمان بن عبدالعزيز» and «محمد بن نايف بن
    /// عبدالعزيز» are cousins).
    lineage: Option<String>,
    skeleton: String,
    norm: String,
    id: Option<Arc<str>>,
    /// How `id` was resolved.
    link: Option<Link>,
    /// Start bytes of its full mentions.
    at: Vec<usize>,
}

/// The consonant skeleton of a first name: no long vowels, hamza or ha,
/// and one letter for the spellings of G.
fn skeleton(k: &str) -> String {
    k.chars()
        .filter(|c| !matches!(c, 'ا' | 'و' | 'ي' | 'ى' | 'ه' | 'ء' | 'ئ' | 'ؤ' | 'ة'))
        .map(|c| match c {
            'غ' | 'ج' | 'ق' | 'ك' => 'g',
            'ت' | 'ط' => 't',
            'س' | 'ص' => 's',
            'ز' | 'ذ' | 'ظ' => 'z',
            'د' | 'ض' => 'd',
            c => c,
        })
        .collect()
}

/// «عبد» as a [`skeleton`] begins: the compound names of «عبد».
const ABD: &str = "عبd";

/// Whether two first names, given as their [`skeleton`]s, may be
/// spellings of one. Two compound names of «عبد» («عبدالملك»,
/// «عبدالخالق») are told apart by the name after it, which must have the
/// same skeleton: one letter apart they are brothers, not spellings.
fn compatible(a: &str, b: &str) -> bool {
    if let (Some(x), Some(y)) = (a.strip_prefix(ABD), b.strip_prefix(ABD)) {
        return x == y;
    }
    a == b || a.chars().count() >= 4 && b.chars().count() >= 4 && edit_distance_is_one(a, b)
}

fn edit_distance_is_one(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (s, l) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if l.len() - s.len() > 1 {
        return false;
    }
    let p = s.iter().zip(l.iter()).take_while(|(x, y)| x == y).count();
    if s.len() == l.len() {
        s[p + 1..] == l[p + 1..]
    } else {
        s[p..] == l[p + 1..]
    }
}

/// Joins a one-word person and the person right after it (one space
/// between) when the pair is another spelling of a full name in the chunk:
/// the second ends with that name's surname and the first is a compatible
/// first name. «يفغيني» + «بريغوجين» after «يفجيني بريغوجين»: the tagger
/// may take a first name it does not know for a person of its own, and the
/// surname after it is linked on its own. The pair takes the second part's
/// `norm` and `id`.
fn join_split_names(key: &str, cands: &mut Vec<Candidate>) {
    let full: Vec<(&str, String)> = cands
        .iter()
        .filter(|c| c.label == Label::Person)
        .filter_map(|c| {
            let words: Vec<&str> = key[c.range.clone()].split(' ').collect();
            (words.len() >= 2 && !after_lineage(&words, words.len() - 1))
                .then(|| (words[words.len() - 1], skeleton(words[0])))
        })
        .collect();
    if full.is_empty() {
        return;
    }
    let mut i = 1;
    while i < cands.len() {
        let (first, second) = (&cands[i - 1], &cands[i]);
        let joins = first.label == Label::Person
            && second.label == Label::Person
            && second.range.start == first.range.end + 1
            && key.as_bytes()[first.range.end] == b' '
            && !key[first.range.clone()].contains(' ')
            && {
                let given = skeleton(&key[first.range.clone()]);
                let surname = key[second.range.clone()].rsplit(' ').next().unwrap_or("");
                full.iter()
                    .any(|(s, skel)| *s == surname && compatible(skel, &given))
            };
        if joins {
            // The pair is one mention of the person the second part was
            // linked to.
            let second = cands.remove(i);
            let first = &mut cands[i - 1];
            first.range.end = second.range.end;
            first.norm = second.norm;
            first.id = second.id;
            first.link = second.link;
            first.source = Source::Linked;
        } else {
            i += 1;
        }
    }
}

const CLITICS: &[&str] = &["و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"];

/// Name particles (matching keys) after which a word is part of a longer name.
const PARTICLES: &[&str] = &["بن", "ابن", "بنت", "ابو", "ابي", "ابا", "عبد", "ال", "ام"];

/// Whether the word at `i` of a name (matching keys) follows «بن», «ابن»
/// or «بنت» ("son/daughter of"), perhaps as the second word of «عبد X»:
/// a father's or forefather's name, not the person's own. «بن» first in a
/// name may be the given name Ben («بن كارسون»); «ابن» and «بنت» are
/// never given names.
fn after_lineage(words: &[&str], i: usize) -> bool {
    let at = |j: usize| match words[j] {
        "بن" => j > 0,
        "ابن" | "بنت" => true,
        _ => false,
    };
    i >= 1 && at(i - 1) || i >= 2 && words[i - 1] == "عبد" && at(i - 2)
}

/// The lineage of a name after its first word: the words from the first
/// «بن», «ابن» or «بنت» up to the family name (a word after «ال», the key
/// of «آل») or the end, «ابن» written «بن». None without one.
fn lineage(words: &[&str]) -> Option<String> {
    let from = (1..words.len()).find(|&i| matches!(words[i], "بن" | "ابن" | "بنت"))?;
    let to = (from..words.len())
        .find(|&i| words[i] == "ال")
        .unwrap_or(words.len());
    let chain: Vec<&str> = words[from..to]
        .iter()
        .map(|w| if *w == "ابن" { "بن" } else { w })
        .collect();
    Some(chain.join(" "))
}

/// A quick test of whether a word may be a target (a surname or single) with
/// a proclitic or none before it: its last byte and its length must fit one.
/// Most words of a chunk fail it, and are spared the hash lookups of each
/// of their clitic readings.
struct Tails {
    /// The last bytes of the targets.
    last: [u64; 4],
    /// The lengths a word ending with a target may have (a target's, or
    /// one or two clitic letters longer), below 64 bytes.
    lens: u64,
}

impl Tails {
    fn of<'t>(targets: impl Iterator<Item = &'t str>) -> Tails {
        let mut t = Tails {
            last: [0; 4],
            lens: 0,
        };
        for s in targets {
            let Some(&b) = s.as_bytes().last() else {
                continue;
            };
            t.last[usize::from(b / 64)] |= 1 << (b % 64);
            for len in [s.len(), s.len() + "و".len(), s.len() + "وب".len()] {
                if len < 64 {
                    t.lens |= 1 << len;
                }
            }
        }
        t
    }

    /// Whether `word` may be a clitic (from [`CLITICS`], or none) and a
    /// target: false only where it cannot.
    fn target(&self, word: &str) -> bool {
        let Some(&b) = word.as_bytes().last() else {
            return false;
        };
        self.last[usize::from(b / 64)] >> (b % 64) & 1 == 1
            && (word.len() >= 64 || self.lens >> word.len() & 1 == 1)
    }
}

/// Links the people of a chunk; `cands` is sorted and non-overlapping and
/// stays so.
pub(crate) fn link(chunk: &Chunk<'_>, cands: &mut Vec<Candidate>) {
    let key = chunk.key;
    let norm_of = |c: &Candidate| {
        c.norm
            .clone()
            .unwrap_or_else(|| chunk.text[c.range.clone()].to_owned())
    };
    // Full mentions, grouped.
    let mut people: Vec<Person> = Vec::new();
    let mut member: Vec<Option<usize>> = vec![None; cands.len()];
    for (ci, c) in cands.iter().enumerate() {
        if c.label != Label::Person {
            continue;
        }
        let words: Vec<&str> = key[c.range.clone()].split(' ').collect();
        if words.len() < 2 {
            continue;
        }
        let surname = words[words.len() - 1];
        if surname.chars().count() < 3 {
            continue;
        }
        // «عبد الملك الحوثي»: the first name is «عبد» and the word after it.
        let skel = if words[0] == "عبد" && words.len() >= 3 {
            skeleton(&format!("عبد{}", words[1]))
        } else {
            skeleton(words[0])
        };
        let fathers = after_lineage(&words, words.len() - 1);
        let chain = lineage(&words);
        let found = people.iter().position(|p| {
            p.surname == surname
                && p.fathers == fathers
                && (p.lineage.is_none() || chain.is_none() || p.lineage == chain)
                && (p.skeleton == skel || compatible(&p.skeleton, &skel))
        });
        let pi = match found {
            Some(pi) => {
                let p = &mut people[pi];
                if p.id.is_none() && c.id.is_some() {
                    p.id = c.id.clone();
                    p.link = c.link;
                    p.norm = norm_of(c);
                }
                p.at.push(c.range.start);
                pi
            }
            None => {
                people.push(Person {
                    surname: surname.to_owned(),
                    fathers,
                    lineage: chain,
                    skeleton: skel,
                    norm: norm_of(c),
                    id: c.id.clone(),
                    link: c.link,
                    at: vec![c.range.start],
                });
                people.len() - 1
            }
        };
        member[ci] = Some(pi);
    }
    // One-word people whose word is nobody's surname: their other
    // mentions are linked to them (a rare word, first mention wins).
    let mut singles: FastMap<&str, Target> = FastMap::default();
    for c in cands.iter().filter(|c| c.label == Label::Person) {
        let k = &key[c.range.clone()];
        if !k.contains(' ')
            && k.chars().count() >= 3
            && (!k.starts_with("ال") || known(k) & bit::NAME != 0)
            && known(k) & bit::COMMON == 0
            && !people.iter().any(|p| p.surname == k && !p.fathers)
        {
            singles
                .entry(k)
                .or_insert_with(|| (norm_of(c), c.id.clone(), c.link));
        }
    }
    if people.is_empty() && singles.is_empty() {
        return;
    }
    // The person a surname at `pos` refers to: the nearest full mention
    // before it, else the first after it.
    let person_for = |surname: &str, pos: usize| -> Option<usize> {
        let mut best: Option<(bool, usize, usize)> = None;
        for (pi, p) in people.iter().enumerate() {
            if p.surname != surname || p.fathers {
                continue;
            }
            for &at in &p.at {
                // (before, distance): before beats after, then nearer.
                let cand = if at <= pos {
                    (true, pos - at, pi)
                } else {
                    (false, at - pos, pi)
                };
                best = Some(match best {
                    None => cand,
                    Some(b) if (cand.0 && !b.0) || (cand.0 == b.0 && cand.1 < b.1) => cand,
                    Some(b) => b,
                });
            }
        }
        best.map(|b| b.2)
    };
    let assign = |c: &mut Candidate, p: &Person| {
        if c.id.is_some() && c.id != p.id {
            return;
        }
        let changed = c.id != p.id || c.norm.as_deref() != Some(&p.norm);
        let unchanged_text = c.norm.is_none() && chunk.text[c.range.clone()] == p.norm;
        if changed && !unchanged_text {
            c.norm = Some(p.norm.clone());
            c.id = p.id.clone();
            c.link = p.link;
            c.source = Source::Linked;
        }
    };
    for (ci, c) in cands.iter_mut().enumerate() {
        if c.label != Label::Person {
            continue;
        }
        if let Some(pi) = member[ci] {
            assign(c, &people[pi]);
        } else if let Some(pi) = person_for(&key[c.range.clone()], c.range.start) {
            assign(c, &people[pi]);
        }
    }
    // Words nobody claimed that are a known surname. (Every surname and
    // single in one set: a word and its readings are one lookup each.)
    let targets: FastSet<&str> = people
        .iter()
        .filter(|p| !p.fathers)
        .map(|p| p.surname.as_str())
        .chain(singles.keys().copied())
        .collect();
    let could_be = Tails::of(targets.iter().copied());
    let mut added = Vec::new();
    let mut next = 0;
    for r in chunk.words {
        let (start, end) = (r.start, r.end);
        let word = &key[start..end];
        if !could_be.target(word) {
            continue;
        }
        while next < cands.len() && cands[next].range.end <= start {
            next += 1;
        }
        if next < cands.len() && cands[next].range.start < end {
            continue;
        }
        // Every proclitic starts with one of these letters.
        let clitics = if word.starts_with(['و', 'ف', 'ب', 'ل', 'ك']) {
            CLITICS
        } else {
            &[]
        };
        let clitic = std::iter::once("")
            .chain(clitics.iter().copied())
            .find(|c| starts_with_short(word, c) && targets.contains(&word[c.len()..]));
        let Some(clitic) = clitic else { continue };
        let surname = &word[clitic.len()..];
        // «الله» ends compound names («عبد الله», «نصر الله») and is no
        // one's name alone.
        if surname == "الله" {
            continue;
        }
        // After «بن», «أبو», «عبد» … the word belongs to a longer name the
        // finders missed («الحسن بن علي»): not a mention of its own.
        let before = key[..start].trim_end_matches(' ');
        let prev = before
            .rsplit(|c: char| !crate::doc::is_word_char(c))
            .next()
            .unwrap_or("");
        if before.len() + 1 == start && PARTICLES.contains(&prev) {
            continue;
        }
        // «على» folds to the name «علي»: a word written with ى is no name.
        if COLLISIONS.contains(&&chunk.text[start + clitic.len()..end]) {
            continue;
        }
        // A common word is too ambiguous to be taken as a mention on its
        // own, unless the lexicons know it as a name and no proclitic
        // is glued to it («الأسد» after «بشار الأسد»; not «لصالح»).
        let lexicons = known(surname);
        if lexicons & bit::COMMON != 0 && !(clitic.is_empty() && lexicons & bit::NAME != 0) {
            continue;
        }
        // Nor is a form of a frequent word that ended an earlier name
        // found too long («فلكيا», «احتجاجه»), unless it is a name token.
        if lexicons & bit::NAME == 0 && arabic_form(surname) {
            continue;
        }
        let target = person_for(surname, start)
            .map(|pi| {
                let p = &people[pi];
                (p.norm.clone(), p.id.clone(), p.link)
            })
            .or_else(|| singles.get(surname).cloned());
        if let Some((norm, id, link)) = target {
            added.push(Candidate {
                norm: Some(norm),
                id,
                link,
                ..Candidate::new(start + clitic.len()..end, Label::Person, Source::Linked)
            });
        }
    }
    if !added.is_empty() {
        cands.extend(added);
        cands.sort_by_key(|c| c.range.start);
    }
    join_split_names(key, cands);
}

#[cfg(test)]
mod tests {
    use crate::doc::{Label, Source};
    use crate::extract::Extractor;

    static EXTRACTOR: std::sync::LazyLock<Extractor> =
        std::sync::LazyLock::new(|| Extractor::builder().default_model(false).build().unwrap());

    #[test]
    fn tails_pass_every_target_with_every_clitic() {
        let targets = ["لودريان", "شويغو", "Smith"];
        let tails = super::Tails::of(targets.into_iter());
        for t in targets {
            for c in std::iter::once("").chain(super::CLITICS.iter().copied()) {
                assert!(tails.target(&format!("{c}{t}")), "{c}{t}");
            }
        }
        for word in ["قال", "لودرياني", "", "شويغ"] {
            assert!(!tails.target(word), "{word}");
        }
    }

    /// (text, norm, source) of the people found.
    fn people(text: &str) -> Vec<(String, String, Source)> {
        EXTRACTOR
            .extract(text)
            .into_iter()
            .filter(|e| e.label == Label::Person)
            .map(|e| (e.text, e.norm, e.source))
            .collect()
    }

    #[test]
    fn partial_mentions_take_the_full_name() {
        let cases = [
            (
                "surname after a title",
                "قال وزير الخارجية الفرنسي، جان إيف لودريان، إن باريس ترفض. وأضاف لودريان أن",
                "لودريان",
                "جان ايف لودريان",
            ),
            (
                "surname with a clitic",
                "قال وزير الدفاع الروسي سيرغي شويغو إن. وأكد أن موقف شويغو ثابت ولشويغو رأي",
                "شويغو",
                "سيرغي شويغو",
            ),
            (
                "unseen name",
                "وقال الوزير بيني غانتس إن الجيش مستعد. ورفض غانتس التعليق",
                "غانتس",
                "بيني غانتس",
            ),
            (
                "first name spelled differently",
                "قال الرئيس فولوديمير زيلينسكي إن. والتقى فلاديمير زيلينسكي",
                "فلاديمير زيلينسكي",
                "فولوديمير زيلينسكي",
            ),
            (
                "g spelled ج or غ",
                "قال يفغيني بريغوجين إن. وأكد يفجيني بريغوجين أن",
                "يفجيني بريغوجين",
                "يفغيني بريغوجين",
            ),
        ];
        for (name, text, mention, want) in cases {
            let got = people(text);
            let linked: Vec<_> = got.iter().filter(|(t, _, _)| t == mention).collect();
            assert!(!linked.is_empty(), "case {name}: {got:?}");
            for (_, norm, source) in linked {
                assert_eq!(norm, want, "case {name}: {got:?}");
                assert!(
                    matches!(source, Source::Linked | Source::Gazetteer),
                    "case {name}: {got:?}"
                );
            }
        }
    }

    #[test]
    fn a_first_name_split_from_a_known_surname_is_joined() {
        use crate::doc::Candidate;
        let person = |key: &str, word: &str, nth: usize, label: Label, norm: Option<&str>| {
            let start = key.match_indices(word).nth(nth).expect("in the key").0;
            Candidate {
                norm: norm.map(str::to_owned),
                ..Candidate::new(start..start + word.len(), label, Source::Model)
            }
        };
        let norm = Some("يفجيني بريغوجين");
        // (case, key, the one-word first part, its label, whether it joins
        // the surname after it).
        let cases = [
            (
                "ج and غ",
                "قال يفجيني بريغوجين ان. ونفي يفغيني بريغوجين",
                "يفغيني",
                Label::Person,
                true,
            ),
            (
                "same spelling",
                "قال يفجيني بريغوجين ان. ونفي يفجيني بريغوجين",
                "يفجيني",
                Label::Person,
                true,
            ),
            (
                "another first name",
                "قال يفجيني بريغوجين ان. ونفي محمد بريغوجين",
                "محمد",
                Label::Person,
                false,
            ),
            (
                "comma between",
                "قال يفجيني بريغوجين ان. ونفي يفغيني، بريغوجين",
                "يفغيني",
                Label::Person,
                false,
            ),
            (
                "not a person",
                "قال يفجيني بريغوجين ان. ونفي يفغيني بريغوجين",
                "يفغيني",
                Label::Place,
                false,
            ),
        ];
        for (name, key, first, label, joins) in cases {
            let full = person(key, "يفجيني بريغوجين", 0, Label::Person, None);
            let nth = usize::from(first == "يفجيني");
            let mut cands = vec![
                full.clone(),
                person(key, first, nth, label, None),
                person(key, "بريغوجين", 1, Label::Person, norm),
            ];
            let before = cands.clone();
            super::join_split_names(key, &mut cands);
            if joins {
                assert_eq!(cands.len(), 2, "case {name}: {cands:?}");
                let joined = &cands[1];
                assert_eq!(joined.range.start, before[1].range.start, "case {name}");
                assert_eq!(joined.range.end, before[2].range.end, "case {name}");
                assert_eq!(joined.norm.as_deref(), norm, "case {name}");
                assert_eq!(joined.source, Source::Linked, "case {name}");
                assert_eq!(cands[0].range, full.range, "case {name}");
            } else {
                assert_eq!(cands.len(), 3, "case {name}: {cands:?}");
            }
        }
        // No full name in the chunk: nothing to join to.
        let key = "ونفي يفغيني بريغوجين";
        let mut cands = vec![
            person(key, "يفغيني", 0, Label::Person, None),
            person(key, "بريغوجين", 0, Label::Person, None),
        ];
        super::join_split_names(key, &mut cands);
        assert_eq!(cands.len(), 2);
    }

    #[test]
    fn frequent_words_that_are_names_link_without_a_clitic() {
        // «الأسد» is a frequent word and a family name (name-tokens.txt).
        let got = people("قال الرئيس السوري بشار الأسد إن. وأضاف الأسد أن الحرب");
        let lone: Vec<_> = got.iter().filter(|(t, _, _)| t == "الأسد").collect();
        assert_eq!(lone.len(), 1, "{got:?}");
        assert_eq!(lone[0].1, "بشار الأسد", "{got:?}");
        assert_eq!(lone[0].2, Source::Linked, "{got:?}");
        // Not with a proclitic glued to it, nor «على» for «علي».
        let got = people("قال الرئيس بشار الأسد إن. وشاهد الأطفال النمر والأسد");
        assert!(!got.iter().any(|(t, _, _)| t == "الأسد"), "{got:?}");
        let got = people("وقال الحسن بن علي إن. ووضع الكتاب على الطاولة");
        assert!(!got.iter().any(|(t, _, _)| t == "على"), "{got:?}");
        // After «بن» a surname is part of a longer name, not a mention.
        let got = people("وقال أحمد علي إن. وجاء سعيدان بن علي");
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn forms_of_frequent_words_do_not_link() {
        // Even when a known name ends in one (a gazetteer person «ماركو
        // احتجاجه»), a later «احتجاجه» (his protest) is no mention of it.
        let extractor = crate::extract::extractor_with("t:1\tPERSON\tماركو احتجاجه\t\t\n");
        let got: Vec<String> = extractor
            .extract("وقال ماركو احتجاجه إن. وكرر الوفد احتجاجه امس")
            .into_iter()
            .filter(|e| e.label == Label::Person)
            .map(|e| e.text)
            .collect();
        assert_eq!(got, ["ماركو احتجاجه"]);
    }

    #[test]
    fn a_fathers_name_is_not_a_short_name() {
        // (case, text, a mention, the norms it must not take).
        let cases = [
            (
                "the founder after the king's lineage",
                "وأكد خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز أن المملكة. \
                 وكانت الرابطة قد أقامت مؤتمرها الأول في عهد المؤسس الملك عبدالعزيز عام 1345",
                "عبدالعزيز",
                "سلمان بن عبد العزيز",
            ),
            (
                "«عبد العزيز» in two words",
                "استقبل الأمير فيصل بن عبد العزيز الوفد. وذكر أن الملك عبد العزيز",
                "عبد العزيز",
                "فيصل بن عبد العزيز",
            ),
            (
                "the father after «بن»",
                "وصل ولي العهد الأمير محمد بن سلمان إلى جدة. واستقبله الملك سلمان في القصر",
                "سلمان",
                "محمد بن سلمان",
            ),
            (
                "«ابن» and a daughter's «بنت»",
                "وقالت الأميرة ريما بنت بندر إن. وأضاف عمر ابن خالد أن خالد وبندر",
                "خالد",
                "عمر ابن خالد",
            ),
        ];
        for (name, text, mention, not) in cases {
            let got = people(text);
            let wrong: Vec<_> = got
                .iter()
                .filter(|(t, n, _)| {
                    // A mention of the word alone, not the full name.
                    let lone = !t.split(' ').any(|w| super::PARTICLES.contains(&w));
                    lone && t.ends_with(mention) && n.ends_with(not)
                })
                .collect();
            assert!(wrong.is_empty(), "case {name}: {got:?}");
        }
        // Cousins: one first name and one grandfather, two fathers.
        let text = "وأصدر ولي العهد الأمير محمد بن نايف بن عبدالعزيز أمرا. \
                    وقال ولي ولي العهد الأمير محمد بن سلمان بن عبدالعزيز إن";
        let got = people(text);
        let norms: Vec<&str> = got.iter().map(|(_, n, _)| n.as_str()).collect();
        assert!(
            norms.contains(&"محمد بن نايف بن عبدالعزيز")
                && norms.contains(&"محمد بن سلمان بن عبدالعزيز"),
            "{got:?}"
        );
        // Brothers: «عبد» and two names one letter apart, written in one
        // word or two.
        for text in [
            "وقال عبد الخالق الحوثي إن. ويقول يمنيون إن شقيقه عبد الملك الحوثي زعيم الجماعة",
            "وقال عبدالخالق الحوثي إن. ويقول يمنيون إن شقيقه عبدالملك الحوثي زعيم الجماعة",
        ] {
            let got = people(text);
            assert!(
                !got.iter()
                    .any(|(t, n, _)| t.contains("الملك") && n.contains("الخالق")),
                "{got:?}"
            );
        }
        // A family name after a lineage is still the surname, and «بن»
        // first is the given name Ben.
        let got = people("قال وزير الخارجية عادل بن أحمد الجبير إن. وأضاف الجبير أن");
        let lone: Vec<_> = got.iter().filter(|(t, _, _)| t == "الجبير").collect();
        assert!(
            lone.iter().all(|(_, n, _)| n == "عادل بن احمد الجبير") && !lone.is_empty(),
            "{got:?}"
        );
        let words = ["بن", "كارسون"];
        assert!(!super::after_lineage(&words, 1));
        let words = ["سلمان", "بن", "عبد", "العزيز"];
        assert!(super::after_lineage(&words, 3));
        assert!(!super::after_lineage(&words, 0));
        let words = ["محمد", "ابن", "سلمان", "بن", "عبدالعزيز", "ال", "سعود"];
        assert_eq!(
            super::lineage(&words).as_deref(),
            Some("بن سلمان بن عبدالعزيز")
        );
        assert_eq!(super::lineage(&["جان", "ايف", "لودريان"]), None);
    }

    #[test]
    fn different_first_names_do_not_link() {
        let got = people("قال جورج بوش إن. وقالت لورا بوش أيضا");
        let norms: Vec<_> = got.iter().map(|(_, n, _)| n.as_str()).collect();
        assert!(norms.contains(&"جورج بوش"), "{got:?}");
        assert!(norms.contains(&"لورا بوش"), "{got:?}");
    }

    #[test]
    fn same_unseen_name_same_norm_across_documents() {
        let a = people("قال الوزير بيني غانتس إن");
        let b = people("وأكد الوزير بيني غانتس أن");
        assert_eq!(a[0].1, "بيني غانتس");
        assert_eq!(a[0].1, b[0].1);
    }

    #[test]
    fn skeletons() {
        let cases = [
            ("فولوديمير", "فلاديمير", true),
            ("يفغيني", "يفجيني", true),
            ("سيرغي", "سيرجي", true),
            ("جورج", "جيب", false),
            ("محمد", "احمد", false),
            ("عبدالملك", "عبدالخالق", false),
            ("عبدالكريم", "عبدالرحيم", false),
            ("عبدالرحمن", "عبدالرحمان", true),
        ];
        for (a, b, want) in cases {
            let (x, y) = (super::skeleton(a), super::skeleton(b));
            assert_eq!(super::compatible(&x, &y), want, "{a} / {b}");
        }
    }
}
