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
//!   row; an entry with `context=` words (Amman beside Oman) takes the
//!   spelling over when one of those words stands next to it;
//! - a transliteration variant ([`Source::Variant`]) is only ever found
//!   where no exact spelling matched: an exact match always wins.
//!
//! The parts: this file parses gazetteers; [`Matcher`] (`matcher.rs`)
//! finds exact spellings, with the whole-word rules of `bounds.rs`;
//! `variant.rs` links unseen spellings of foreign names through a
//! consonant-skeleton key.
//!
//! [`Source::Variant`]: crate::doc::Source::Variant

pub(super) mod bounds;
mod matcher;
mod skeleton;
mod table;
mod variant;

use std::path::Path;
use std::sync::Arc;

use crate::doc::Label;
use crate::error::{Error, ErrorKind, Result};
use crate::normalize::Folds;

pub use matcher::{FUZZY_LETTERS, Lookup, Matcher};
pub use skeleton::variant_key;
pub(crate) use variant::{foreign_word, spellings_agree};

/// The header every gazetteer file starts with (after `#` comments).
pub const HEADER: &str = "id\tlabel\tname\tvariants\tattrs";

/// The embedded default gazetteers: (file name, contents).
pub(super) static EMBEDDED: &[(&str, &str)] = &[
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
    (
        "localities.tsv",
        include_str!("../../gazetteers/localities.tsv"),
    ),
    ("figures.tsv", include_str!("../../gazetteers/figures.tsv")),
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

    /// The value of attribute `key`, if the entry has it.
    ///
    /// # Examples
    ///
    /// ```
    /// use kashf::gazetteer::Gazetteer;
    ///
    /// let tsv = "id\tlabel\tname\tvariants\tattrs\nQ1\tPLACE\tكييف\t\ten=Kyiv;cc=UA\n";
    /// let g = Gazetteer::parse(tsv, "mine.tsv").unwrap();
    /// assert_eq!(g.entries()[0].attr("cc"), Some("UA"));
    /// assert_eq!(g.entries()[0].attr("pop"), None);
    /// ```
    pub fn attr(&self, key: &str) -> Option<&str> {
        table::attr_in(&self.attrs, key)
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
            // No Vec per row: the embedded lists have 80,000 rows.
            let mut split = line.split('\t');
            let fields: [Option<&str>; 5] = std::array::from_fn(|_| split.next());
            let [
                Some(id),
                Some(label),
                Some(name),
                Some(variants),
                Some(attrs),
            ] = fields
            else {
                return Err(err(n, bad_fields(line)));
            };
            if split.next().is_some() {
                return Err(err(n, bad_fields(line)));
            }
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

/// The error for a row without exactly five fields.
fn bad_fields(line: &str) -> String {
    format!(
        "expected 5 tab-separated fields (id, label, name, variants, attrs), found {}",
        line.split('\t').count()
    )
}

/// The matching key of a spelling, as the matcher compares it (normalised
/// with the pipeline's folds, trimmed, then [`matching_key`]).
///
/// # Examples
///
/// ```
/// assert_eq!(kashf::gazetteer::matching_key_of(" قرةُ باغ"), "قره باغ");
/// ```
///
/// [`matching_key`]: crate::normalize::matching_key
pub fn matching_key_of(spelling: &str) -> String {
    matcher::key_of(spelling)
}

/// The normaliser gazetteer spellings and the pipeline share. The ya fold
/// stays off in the normalised text (the key folds ى → ي anyway) so that a
/// match can be checked against the spelling actually written: على is a
/// preposition, not the name علي.
pub(crate) const PIPELINE_FOLDS: Folds = Folds {
    ya: false,
    ..Folds::all()
};

#[cfg(test)]
mod tests {
    use super::*;

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
}
