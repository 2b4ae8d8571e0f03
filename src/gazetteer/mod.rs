//! Stage 2: gazetteers and the matcher that finds their names in text.
//!
//! In: gazetteer files (the TSV format of `gazetteers/README.md`) and
//! normalised text with its matching key. Out: PERSON, PLACE and ORG
//! candidates whose ranges index the normalised text.
//!
//! Invariants:
//! - a name matches only as whole words; proclitics (و ف ب ل ك and their
//!   combinations) and, for a name without one, the article (ال, لل) may
//!   precede it and stay outside the span;
//! - every spelling of an entry is matched through its matching key, and
//!   every match carries the entry's `id` and canonical `name` as `norm`;
//! - where two entries share a spelling, the first gazetteer given wins
//!   (user gazetteers come before the embedded defaults), then the first
//!   row.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Input, MatchKind};

use crate::error::{Error, ErrorKind, Result};
use crate::extract::{Candidate, Chunk, Label, Source};
use crate::normalize::{Folds, Normalizer, matching_key};

/// The header every gazetteer file starts with (after `#` comments).
pub const HEADER: &str = "id\tlabel\tname\tvariants\tattrs";

/// The embedded default gazetteers: (file name, contents).
const EMBEDDED: &[(&str, &str)] = &[
    (
        "countries.tsv",
        include_str!("../../gazetteers/countries.tsv"),
    ),
    ("regions.tsv", include_str!("../../gazetteers/regions.tsv")),
    ("cities.tsv", include_str!("../../gazetteers/cities.tsv")),
    (
        "organizations.tsv",
        include_str!("../../gazetteers/organizations.tsv"),
    ),
    ("people.tsv", include_str!("../../gazetteers/people.tsv")),
];

/// One gazetteer entry: an entity and all the ways it is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Stable id: a Wikidata QID where a source gives one.
    pub id: Arc<str>,
    /// PERSON, PLACE or ORG.
    pub label: Label,
    /// The canonical Arabic name, reported as `norm`.
    pub name: Arc<str>,
    /// Other spellings and aliases.
    pub variants: Vec<String>,
    /// `key=value` attributes separated by `;` (English name, country, …).
    pub attrs: String,
    /// Where the entry was read from (`countries.tsv:12`).
    pub origin: Arc<str>,
}

impl Entry {
    /// The canonical name followed by every variant.
    pub fn spellings(&self) -> impl Iterator<Item = &str> {
        std::iter::once(&*self.name).chain(self.variants.iter().map(String::as_str))
    }
}

/// A parsed gazetteer file (or several).
///
/// # Examples
///
/// ```
/// use kashf::gazetteer::Gazetteer;
///
/// let tsv = "id\tlabel\tname\tvariants\tattrs\nQ1\tPLACE\tقره باغ\tقرة باغ|كاراباخ\ten=Karabakh\n";
/// let g = Gazetteer::parse(tsv, "mine.tsv").unwrap();
/// assert_eq!(g.entries()[0].variants, ["قرة باغ", "كاراباخ"]);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Gazetteer {
    entries: Vec<Entry>,
}

impl Gazetteer {
    /// The embedded default gazetteers, all files in one.
    pub fn embedded() -> Gazetteer {
        let mut g = Gazetteer::default();
        for (name, text) in EMBEDDED {
            let one = Gazetteer::parse(text, name)
                .unwrap_or_else(|e| panic!("embedded gazetteer is invalid: {e}"));
            g.entries.extend(one.entries);
        }
        g
    }

    /// Parses gazetteer TSV; `origin` names it in errors.
    ///
    /// # Errors
    ///
    /// A missing or wrong header, or a malformed row, with its line number.
    pub fn parse(text: &str, origin: &str) -> Result<Gazetteer> {
        let err = |line: usize, msg: String| {
            Error::new(ErrorKind::Gazetteer, msg)
                .with_path(origin)
                .with_line(line as u64)
        };
        let mut entries = Vec::new();
        let mut header = false;
        for (i, line) in text.lines().enumerate() {
            let n = i + 1;
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            if !header {
                let line = line.strip_prefix('\u{FEFF}').unwrap_or(line);
                if line != HEADER {
                    return Err(err(
                        n,
                        format!("expected the header {HEADER:?}, found {line:?}"),
                    ));
                }
                header = true;
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() != 5 {
                return Err(err(
                    n,
                    format!(
                        "expected 5 tab-separated fields (id, label, name, variants, attrs), found {}",
                        fields.len()
                    ),
                ));
            }
            let [id, label, name, variants, attrs] = [0, 1, 2, 3, 4].map(|i| fields[i]);
            if id.is_empty() || id.contains(char::is_whitespace) {
                return Err(err(n, format!("bad id {id:?}: empty or has spaces")));
            }
            let label = match Label::parse(label) {
                Some(l @ (Label::Person | Label::Place | Label::Org)) => l,
                _ => {
                    return Err(err(
                        n,
                        format!("bad label {label:?}: expected PERSON, PLACE or ORG"),
                    ));
                }
            };
            if name.trim().is_empty() {
                return Err(err(n, "empty name".into()));
            }
            let variants: Vec<String> = if variants.is_empty() {
                Vec::new()
            } else {
                variants.split('|').map(str::to_owned).collect()
            };
            if variants.iter().any(|v| v.trim().is_empty()) {
                return Err(err(n, "empty variant (a stray '|'?)".into()));
            }
            if let Some(bad) = attrs
                .split(';')
                .filter(|a| !a.is_empty())
                .find(|a| !a.contains('='))
            {
                return Err(err(n, format!("bad attribute {bad:?}: expected key=value")));
            }
            entries.push(Entry {
                id: id.into(),
                label,
                name: name.into(),
                variants,
                attrs: attrs.to_owned(),
                origin: format!("{origin}:{n}").into(),
            });
        }
        if !header {
            return Err(Error::new(
                ErrorKind::Gazetteer,
                format!("no header: a gazetteer starts with {HEADER:?}"),
            )
            .with_path(origin));
        }
        Ok(Gazetteer { entries })
    }

    /// Reads a gazetteer file, or every `*.tsv` file in a folder (sorted by
    /// name).
    ///
    /// # Errors
    ///
    /// Unreadable files, invalid UTF-8, malformed rows.
    pub fn from_path(path: &Path) -> Result<Gazetteer> {
        let mut files = Vec::new();
        if path.is_dir() {
            for entry in std::fs::read_dir(path).map_err(|e| Error::io(e).with_path(path))? {
                let p = entry.map_err(|e| Error::io(e).with_path(path))?.path();
                if p.extension().is_some_and(|x| x == "tsv") {
                    files.push(p);
                }
            }
            files.sort();
        } else {
            files.push(path.to_owned());
        }
        let mut g = Gazetteer::default();
        for f in files {
            let bytes = std::fs::read(&f).map_err(|e| Error::io(e).with_path(&f))?;
            let text = String::from_utf8(bytes).map_err(|e| {
                Error::new(
                    ErrorKind::Encoding,
                    format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
                )
                .with_path(&f)
            })?;
            g.entries
                .extend(Gazetteer::parse(&text, &f.display().to_string())?.entries);
        }
        Ok(g)
    }

    /// The entries, in file order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Keeps only the entries for which `keep` is true (used by `kashf
    /// eval --exclude-attr` to leave out entries derived from the data being
    /// scored).
    pub fn retain(&mut self, keep: impl FnMut(&Entry) -> bool) {
        self.entries.retain(keep);
    }
}

/// The normaliser gazetteer spellings and the pipeline share. The ya fold
/// stays off in the normalised text (the key folds ى → ي anyway) so that a
/// match can be checked against the spelling actually written: على is a
/// preposition, not the name علي.
pub(crate) const PIPELINE_FOLDS: Folds = Folds {
    ya: false,
    ..Folds::all()
};

/// Words that a name's matching key can collide with, written as the
/// normalised text spells them. A match whose text is one of these is not
/// a name.
const COLLISIONS: &[&str] = &["على", "الى", "حتى", "متى", "لدى", "سوى"];

/// How a pattern relates to its entry.
#[derive(Clone, Copy, Debug)]
struct Pattern {
    entry: u32,
    /// The spelling starts with the article ال.
    article: bool,
    /// The pattern is `لل` + the spelling without `ال`: the first ل is the
    /// preposition and stays outside the span.
    lil: bool,
}

/// Finds gazetteer names in text. Built once, shared read-only across
/// threads.
#[derive(Clone, Debug)]
pub struct Matcher {
    automaton: Option<AhoCorasick>,
    patterns: Vec<Pattern>,
    entries: Vec<Entry>,
    keys: HashMap<String, u32>,
}

impl Matcher {
    /// Builds the matcher over the gazetteers, earlier ones first.
    ///
    /// # Errors
    ///
    /// If the automaton cannot be built (far beyond any real gazetteer).
    pub fn new(gazetteers: &[Gazetteer]) -> Result<Matcher> {
        let normalizer = Normalizer::new(PIPELINE_FOLDS);
        let mut entries = Vec::new();
        let mut keys: HashMap<String, u32> = HashMap::new();
        let mut texts = Vec::new();
        let mut patterns = Vec::new();
        let mut key = String::new();
        for e in gazetteers.iter().flat_map(Gazetteer::entries) {
            let entry = entries.len() as u32;
            entries.push(e.clone());
            for spelling in e.spellings() {
                matching_key(normalizer.normalize(spelling).text().trim(), &mut key);
                if key.chars().count() < 2 || keys.contains_key(&key) {
                    continue;
                }
                keys.insert(key.clone(), entry);
                let article = key.starts_with("ال") && key.len() > "ال".len();
                texts.push(key.clone());
                patterns.push(Pattern {
                    entry,
                    article,
                    lil: false,
                });
                if article {
                    texts.push(format!("لل{}", &key["ال".len()..]));
                    patterns.push(Pattern {
                        entry,
                        article,
                        lil: true,
                    });
                }
            }
        }
        let automaton = if texts.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&texts)
                    .map_err(|e| Error::new(ErrorKind::Config, e.to_string()))?,
            )
        };
        Ok(Matcher {
            automaton,
            patterns,
            entries,
            keys,
        })
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True if there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry a spelling resolves to, with the spelling's matching key.
    ///
    /// # Examples
    ///
    /// ```
    /// let ex = kashf::extract::Extractor::builder().build().unwrap();
    /// let (entry, key) = ex.matcher().lookup("موسكو").unwrap();
    /// assert_eq!(&*entry.name, "موسكو");
    /// assert_eq!(key, "موسكو");
    /// ```
    pub fn lookup(&self, spelling: &str) -> Option<(&Entry, String)> {
        let mut key = String::new();
        let normalized = Normalizer::new(PIPELINE_FOLDS).normalize(spelling);
        matching_key(normalized.text().trim(), &mut key);
        let entry = *self.keys.get(&key)?;
        Some((&self.entries[entry as usize], key))
    }

    /// Pushes every whole-word gazetteer match in `chunk` onto `out`.
    pub(crate) fn find(&self, chunk: &Chunk<'_>, out: &mut Vec<Candidate>) {
        let Some(ac) = &self.automaton else { return };
        let key = chunk.key;
        let mut pos = 0;
        while let Some(m) = ac.find(Input::new(key).span(pos..key.len())) {
            let p = self.patterns[m.pattern().as_usize()];
            let start = if p.lil {
                m.start() + "ل".len()
            } else {
                m.start()
            };
            if whole_word(key, m.start(), m.end(), p)
                && !COLLISIONS.contains(&&chunk.text[start..m.end()])
            {
                let e = &self.entries[p.entry as usize];
                out.push(Candidate {
                    range: start..m.end(),
                    label: e.label,
                    norm: Some(e.name.to_string()),
                    value: None,
                    kind: None,
                    id: Some(e.id.clone()),
                    source: Source::Gazetteer,
                });
                pos = m.end();
            } else {
                // A rejected match may hide a good one that starts inside it.
                pos = m.start() + key[m.start()..].chars().next().map_or(1, char::len_utf8);
            }
        }
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Proclitic sequences allowed before a name: a conjunction (و, ف), then a
/// preposition (ب, ل, ك).
const CLITICS: &[&str] = &[
    "", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك",
];

/// Proclitics, then the article, allowed before a name that has none: ال
/// after a conjunction or ب/ك (بال، وكال), and لل (ل + ال).
const CLITICS_ARTICLE: &[&str] = &[
    "ال", "وال", "فال", "بال", "كال", "وبال", "وكال", "فبال", "فكال", "لل", "ولل", "فلل",
];

/// Whether `key[start..end]` is a whole word once the allowed proclitics in
/// front of it are set aside.
fn whole_word(key: &str, start: usize, end: usize, p: Pattern) -> bool {
    if key[end..].chars().next().is_some_and(is_word_char) {
        return false;
    }
    let word_start = key[..start]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word_char(c))
        .last()
        .map_or(start, |(i, _)| i);
    let prefix = &key[word_start..start];
    if p.lil {
        // Before لل only a conjunction.
        matches!(prefix, "" | "و" | "ف")
    } else if p.article {
        // The name has its own article: no second one, and ل + ال is
        // written لل (the `lil` pattern).
        matches!(
            prefix,
            "" | "و" | "ف" | "ب" | "ك" | "وب" | "وك" | "فب" | "فك"
        )
    } else if CLITICS_ARTICLE.contains(&prefix) {
        // An article on a name ending in ية is the relational adjective:
        // السورية is "the Syrian", not a spelling of سورية (Syria).
        !key[start..end].ends_with("يه")
    } else {
        CLITICS.contains(&prefix)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gazetteer(rows: &str) -> Gazetteer {
        Gazetteer::parse(&format!("{HEADER}\n{rows}"), "test.tsv").unwrap()
    }

    #[test]
    fn embedded_gazetteers_parse() {
        assert!(!Gazetteer::embedded().entries().is_empty());
    }

    #[test]
    fn malformed_rows_name_file_and_line() {
        let cases = [
            ("Q1\tPLACE\tموسكو\t\n", "expected 5 tab-separated fields"),
            ("Q1\tCITY\tموسكو\t\t\n", "bad label \"CITY\""),
            ("\tPLACE\tموسكو\t\t\n", "bad id"),
            ("Q1\tPLACE\t \t\t\n", "empty name"),
            ("Q1\tPLACE\tموسكو\ta||b\t\n", "empty variant"),
            ("Q1\tPLACE\tموسكو\t\ten\n", "bad attribute"),
        ];
        for (row, want) in cases {
            let text = format!("# comment\n{HEADER}\n{row}");
            let err = Gazetteer::parse(&text, "g.tsv").unwrap_err();
            let msg = err.to_string();
            assert!(msg.starts_with("g.tsv:3: "), "{msg}");
            assert!(msg.contains(want), "{row:?}: {msg}");
            assert_eq!(err.line(), Some(3));
        }
        let err = Gazetteer::parse("Q1\tPLACE\tx\t\t\n", "g.tsv").unwrap_err();
        assert!(err.to_string().contains("expected the header"), "{err}");
    }

    fn spans(g: &Gazetteer, text: &str) -> Vec<String> {
        let m = Matcher::new(std::slice::from_ref(g)).unwrap();
        let n = Normalizer::new(PIPELINE_FOLDS).normalize(text);
        let mut key = String::new();
        matching_key(n.text(), &mut key);
        let chunk = Chunk {
            text: n.text(),
            key: &key,
            ref_date: None,
        };
        let mut out = Vec::new();
        m.find(&chunk, &mut out);
        out.iter()
            .map(|c| text[n.source_range(c.range.clone())].to_owned())
            .collect()
    }

    #[test]
    fn clitics_stay_outside_the_span() {
        let g = gazetteer(
            "Q212\tPLACE\tأوكرانيا\t\t\n\
             Q649\tPLACE\tموسكو\t\t\n\
             Q858\tPLACE\tسوريا\tسورية\t\n\
             Q1899\tPLACE\tكييف\t\t\n\
             Q85\tPLACE\tالقاهرة\t\t\n\
             Q30\tPLACE\tالولايات المتحدة\t\t\n",
        );
        let cases: &[(&str, &[&str])] = &[
            ("وأوكرانيا", &["أوكرانيا"]),
            ("بموسكو", &["موسكو"]),
            ("لسوريا", &["سوريا"]),
            ("وبكييف", &["كييف"]),
            ("فالسوريا", &["سوريا"]),
            ("والقاهرة", &["القاهرة"]),
            ("بالقاهرة", &["القاهرة"]),
            ("للقاهرة", &["لقاهرة"]),
            ("وللولايات المتحدة", &["لولايات المتحدة"]),
            ("في الولايات المتحدة.", &["الولايات المتحدة"]),
            ("القاهرة", &["القاهرة"]),
            // Not whole words.
            ("موسكوفي", &[]),
            ("سموسكو", &[]),
            ("الأوكراني", &[]),
            ("السورية", &[]),
            ("الحكومة السوريّة", &[]),
            ("في سورية", &["سورية"]),
        ];
        for (text, want) in cases {
            assert_eq!(spans(&g, text), *want, "in {text:?}");
        }
    }

    #[test]
    fn spellings_fold_to_one_entry() {
        let g = gazetteer("Q1\tPLACE\tقره باغ\tقرة باغ\t\nQ2\tPERSON\tعلي\t\t\n");
        assert_eq!(spans(&g, "في قرة باغ وقره باغ"), ["قرة باغ", "قره باغ"]);
        assert_eq!(spans(&g, "قال علي إن"), ["علي"]);
        assert_eq!(spans(&g, "على الطاولة"), Vec::<String>::new());
    }

    #[test]
    fn rejected_match_does_not_hide_a_later_one() {
        let g = gazetteer("Q1\tPLACE\tعمان\t\t\nQ2\tPLACE\tمان\t\t\n");
        assert_eq!(spans(&g, "العمانيون في عمان"), ["عمان"]);
    }
}
