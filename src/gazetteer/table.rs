//! The matcher as a table, read in place: what [`Matcher`] is made of.
//!
//! In: gazetteers (their entries, earlier gazetteers first). Out: the bytes
//! of a table in the format of `src/vocab/table.rs` (little-endian,
//! versioned, named `GAZE`), and the views that read it without copying.
//! The embedded gazetteers' table is generated ahead of time into
//! `gazetteers/tables/gazetteer.bin` and read from the binary at startup:
//! no TSV is parsed and no entry, string or map is built then (before, that
//! was about 930 M instructions of the 1,140 M of a one-sentence run). A
//! matcher over user gazetteers is built the same way at run time, into
//! bytes it owns, so that one code path reads both.
//!
//! Invariants: the bytes depend on the gazetteers alone (every section in
//! the order the entries come, no hash-map order); a pattern's number is
//! its id in the key map and the value the automaton reports for it; an
//! entry read back is equal to the entry written.
//!
//! # Layout
//!
//! After the header, [`LAYOUT`] (`u32`), then:
//! - the entries: where their text is (`u32`: 0, in the table; 1, in the
//!   embedded gazetteer file each comes from, the row it was parsed from:
//!   the embedded table copies none of it); their labels (bytes,
//!   [`label_code`]); five offsets per entry into its text, a row as a
//!   gazetteer file writes it (`u32`s): where its id, name, other
//!   spellings (joined by `|`) and attributes start, and where the row
//!   ends (the id ends a tab, the label and a tab before the name; the
//!   others a tab before the next); the text (empty with 1); the files the entries come from (a
//!   [`StrMap`]), and each entry's file and line (`u32`s; line
//!   `u32::MAX`: the origin is the file's name alone);
//! - the patterns, one `u32` each: the entry (low 29 bits), then the bits
//!   alias, article and لل ([`Pattern`]);
//! - the patterns' texts (matching keys, or the لل forms) as a [`StrMap`]
//!   whose ids are the patterns' numbers;
//! - the spellings of `cue=place` entries (a [`StrMap`]) and, for each,
//!   the entry with the alias bit 31 (`u32`s);
//! - the homonyms (a handful): their count, and for each the entry whose
//!   spelling it shares, the entry, whether it lists the spelling as an
//!   alias, and its context words (`u32`s and byte strings);
//! - the variant index (`variant.rs`, [`Variants`]);
//! - the automaton as daachorse serialises it (empty in a table built at
//!   run time, which keeps the automaton it built).
//!
//! [`Matcher`]: super::Matcher

use std::sync::Arc;

use daachorse::{CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder, MatchKind};

use super::skeleton::{self, Variants, VariantsBuilder};
use super::{Entry, Gazetteer, PIPELINE_FOLDS};
use crate::doc::Label;
use crate::error::{Error, ErrorKind, Result};
use crate::hash::FastMap;
use crate::normalize::{Normalizer, matching_key};
use crate::vocab::table::{self, ReadError, Reader, StrMap, U32s, Writer};

/// The automaton of the gazetteers' spellings; its values are pattern
/// numbers.
pub(super) type Automaton = CharwiseDoubleArrayAhoCorasick<u32>;

/// The table's name.
pub(super) const KIND: &[u8; 4] = b"GAZE";

/// The layout of the sections after the header. Bump it on any change to
/// what [`Tables::read`] expects: a table of another layout is not read
/// (the matcher is built from the gazetteers instead).
pub(super) const LAYOUT: u32 = 1;

/// The most entries a table holds (the pattern records keep the entry in
/// 29 bits).
const MAX_ENTRIES: usize = 1 << 29;

/// The fingerprint of the embedded gazetteers' sources (`build.rs`).
pub(super) fn inputs() -> u64 {
    table::fingerprint(env!("KASHF_TABLE_INPUTS_GAZETTEER"))
}

/// A label as the table writes it.
fn label_code(label: Label) -> u8 {
    match label {
        Label::Person => 0,
        Label::Place => 1,
        Label::Org => 2,
        Label::Number => 3,
        Label::Date => 4,
    }
}

/// The label [`label_code`] wrote.
fn label_of(code: u8) -> Option<Label> {
    Some(match code {
        0 => Label::Person,
        1 => Label::Place,
        2 => Label::Org,
        3 => Label::Number,
        4 => Label::Date,
        _ => return None,
    })
}

/// The matching key of a spelling as gazetteers and lookups see it.
pub(super) fn key_of(spelling: &str) -> String {
    // Built once: a normaliser precomputes its character table, and
    // lookups run per candidate in the rules.
    static NORMALIZER: std::sync::LazyLock<Normalizer> =
        std::sync::LazyLock::new(|| Normalizer::new(PIPELINE_FOLDS));
    let normalized = NORMALIZER.normalize_str(spelling);
    let mut key = String::new();
    matching_key(normalized.trim(), &mut key);
    key
}

/// How a pattern relates to its entry.
#[derive(Clone, Copy, Debug)]
pub(super) struct Pattern {
    pub(super) entry: u32,
    /// The spelling is not the entry's name but another it lists.
    pub(super) alias: bool,
    /// The spelling starts with the article ال.
    pub(super) article: bool,
    /// The pattern is `لل` + the spelling without `ال`: the first ل is the
    /// preposition and stays outside the span.
    pub(super) lil: bool,
}

/// An entry that shares a spelling with an earlier one and takes it over
/// when one of its context words stands within two words of the match.
#[derive(Clone, Debug)]
pub(super) struct Homonym {
    pub(super) entry: u32,
    pub(super) alias: bool,
    pub(super) context: Vec<String>,
}

/// The value of attribute `key` in `attrs` (`key=value` pairs separated by
/// `;`), if it is there.
pub(super) fn attr_in<'a>(attrs: &'a str, key: &str) -> Option<&'a str> {
    // A byte scan, not `split`: lookups ask attributes of entries as they
    // are matched.
    let mut rest = attrs;
    loop {
        let end = rest.bytes().position(|b| b == b';').unwrap_or(rest.len());
        let value = rest[..end]
            .strip_prefix(key)
            .and_then(|v| v.strip_prefix('='));
        if value.is_some() {
            return value;
        }
        rest = rest.get(end + 1..)?;
    }
}

/// Writes the table of `gazetteers` (earlier ones first); returns the
/// bytes and the automaton. The `embedded` table (of the embedded
/// gazetteers alone) holds the automaton's bytes, and its entries' fields
/// are offsets into the embedded files' text (which the binary holds
/// anyway); any other table keeps the text of its entries itself, and no
/// automaton (the matcher keeps the one built here).
///
/// # Errors
///
/// If the automaton cannot be built (far beyond any real gazetteer), or
/// there are more than 2^29 entries.
pub(super) fn generate(
    gazetteers: Vec<Gazetteer>,
    fingerprint: u64,
    embedded: bool,
) -> Result<(Vec<u8>, Option<Automaton>)> {
    let mut labels: Vec<u8> = Vec::new();
    let mut fields: Vec<u32> = Vec::new();
    let mut text: Vec<u8> = Vec::new();
    let mut files: Vec<String> = Vec::new();
    let mut file_ids: FastMap<String, u32> = FastMap::default();
    let mut origin_file: Vec<u32> = Vec::new();
    let mut origin_line: Vec<u32> = Vec::new();
    let mut by_key: FastMap<Box<str>, u32> = FastMap::default();
    let mut patterns: Vec<u32> = Vec::new();
    let mut texts: Vec<String> = Vec::new();
    let mut homonyms: Vec<(u32, Homonym)> = Vec::new();
    let mut cued: FastMap<Box<str>, ()> = FastMap::default();
    let mut cued_keys: Vec<String> = Vec::new();
    let mut cued_to: Vec<u32> = Vec::new();
    let mut variants = VariantsBuilder::default();
    for e in gazetteers.into_iter().flat_map(|g| g.entries) {
        let entry = labels.len() as u32;
        if labels.len() >= MAX_ENTRIES {
            return Err(Error::new(
                ErrorKind::Config,
                format!("more than {MAX_ENTRIES} gazetteer entries"),
            ));
        }
        write_entry(&e, &mut labels, &mut fields, &mut text);
        let (file, line) = match e.origin.rsplit_once(':') {
            Some((file, line)) if line.parse::<u32>().is_ok_and(|l| l != u32::MAX) => {
                (file, line.parse().expect("checked"))
            }
            _ => (&*e.origin, u32::MAX),
        };
        let next = files.len() as u32;
        let f = *file_ids.entry(file.to_owned()).or_insert_with(|| {
            files.push(file.to_owned());
            next
        });
        origin_file.push(f);
        origin_line.push(line);
        // `contains` first: most entries have neither attribute, and
        // `attr` splits the whole list.
        if e.attrs.contains("cue=") && e.attr("cue") == Some("place") {
            for (i, spelling) in e.spellings().enumerate() {
                let key = key_of(spelling);
                if key.chars().count() >= 2
                    && !by_key.contains_key(key.as_str())
                    && !cued.contains_key(key.as_str())
                {
                    cued.insert(key.as_str().into(), ());
                    cued_keys.push(key);
                    cued_to.push(entry | u32::from(i > 0) << 31);
                }
            }
            continue;
        }
        let eligible = skeleton::eligible(&e);
        let context: Option<Vec<String>> = e
            .attrs
            .contains("context=")
            .then(|| e.attr("context"))
            .flatten()
            .map(|c| c.split(['|', ' ']).map(key_of).collect());
        for (i, spelling) in e.spellings().enumerate() {
            let key = key_of(spelling);
            if key.chars().count() < 2 {
                continue;
            }
            let alias = i > 0;
            if let Some(&p) = by_key.get(key.as_str()) {
                if let Some(context) = &context {
                    let first = patterns[p as usize] & (MAX_ENTRIES as u32 - 1);
                    homonyms.push((
                        first,
                        Homonym {
                            entry,
                            alias,
                            context: context.clone(),
                        },
                    ));
                }
                continue;
            }
            if eligible {
                variants.add(entry, e.label == Label::Person, &key);
            }
            let article = key.starts_with("ال") && key.len() > "ال".len();
            let lil = article.then(|| format!("لل{}", &key["ال".len()..]));
            by_key.insert(key.as_str().into(), texts.len() as u32);
            let p = Pattern {
                entry,
                alias,
                article,
                lil: false,
            };
            patterns.push(pattern_bits(p));
            texts.push(key);
            if let Some(lil) = lil
                && !by_key.contains_key(lil.as_str())
            {
                by_key.insert(lil.as_str().into(), texts.len() as u32);
                patterns.push(pattern_bits(Pattern { lil: true, ..p }));
                texts.push(lil);
            }
        }
    }
    let automaton = if texts.is_empty() {
        None
    } else {
        Some(
            CharwiseDoubleArrayAhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&texts)
                .map_err(|e| Error::new(ErrorKind::Config, e.to_string()))?,
        )
    };
    let mut w = Writer::new(KIND, fingerprint);
    w.u32(LAYOUT);
    let in_files = embedded
        .then(|| fields_in_files(&files, &origin_file, &origin_line, &fields, &text))
        .flatten();
    w.u32(u32::from(in_files.is_some()));
    w.bytes(&labels);
    match &in_files {
        Some(in_files) => {
            w.u32s(in_files);
            w.bytes(&[]);
        }
        None => {
            w.u32s(&fields);
            w.bytes(&text);
        }
    }
    let files: Vec<&str> = files.iter().map(String::as_str).collect();
    StrMap::write(&files, &mut w);
    w.u32s(&origin_file);
    w.u32s(&origin_line);
    w.u32s(&patterns);
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    StrMap::write(&texts, &mut w);
    let cued_keys: Vec<&str> = cued_keys.iter().map(String::as_str).collect();
    StrMap::write(&cued_keys, &mut w);
    w.u32s(&cued_to);
    w.len(homonyms.len());
    for (first, h) in &homonyms {
        w.u32(*first);
        w.u32(h.entry);
        w.u32(u32::from(h.alias));
        w.len(h.context.len());
        h.context.iter().for_each(|c| w.bytes(c.as_bytes()));
    }
    variants.write(&mut w);
    match &automaton {
        Some(a) if embedded => w.bytes(&a.serialize()),
        _ => w.bytes(&[]),
    }
    Ok((w.finish(), automaton))
}

/// Pattern `p` as the table writes it.
fn pattern_bits(p: Pattern) -> u32 {
    p.entry | u32::from(p.alias) << 29 | u32::from(p.article) << 30 | u32::from(p.lil) << 31
}

/// Appends entry `e`'s label, and its row as a gazetteer file writes it
/// (id, label, name, other spellings joined by `|`, attributes, separated
/// by tabs) to `text`, with the offsets of the id, the name, the other
/// spellings, the attributes and the row's end.
fn write_entry(e: &Entry, labels: &mut Vec<u8>, fields: &mut Vec<u32>, text: &mut Vec<u8>) {
    labels.push(label_code(e.label));
    let offset = |text: &Vec<u8>| u32::try_from(text.len()).expect("below 4 GB of entries");
    fields.push(offset(text));
    text.extend_from_slice(e.id.as_bytes());
    text.push(b'\t');
    text.extend_from_slice(e.label.as_str().as_bytes());
    text.push(b'\t');
    fields.push(offset(text));
    text.extend_from_slice(e.name.as_bytes());
    text.push(b'\t');
    fields.push(offset(text));
    for (i, v) in e.variants.iter().enumerate() {
        if i > 0 {
            text.push(b'|');
        }
        text.extend_from_slice(v.as_bytes());
    }
    text.push(b'\t');
    fields.push(offset(text));
    text.extend_from_slice(e.attrs.as_bytes());
    fields.push(offset(text));
}

/// The offsets of every entry's fields in the embedded file it comes from
/// (the row at its line), if every entry comes from one and its fields are
/// that row's (they are, for the embedded gazetteers as parsed): the same
/// offsets as `fields` gives into `text`, with the files' text instead.
fn fields_in_files(
    files: &[String],
    origin_file: &[u32],
    origin_line: &[u32],
    fields: &[u32],
    text: &[u8],
) -> Option<Vec<u32>> {
    if files.len() > super::EMBEDDED.len()
        || files
            .iter()
            .zip(super::EMBEDDED)
            .any(|(f, (name, _))| f != name)
    {
        return None;
    }
    let lines: Vec<Vec<&str>> = super::EMBEDDED[..files.len()]
        .iter()
        .map(|(_, t)| t.lines().collect())
        .collect();
    let mut out = Vec::with_capacity(fields.len());
    for (i, (&f, &line)) in origin_file.iter().zip(origin_line).enumerate() {
        let whole = super::EMBEDDED[f as usize].1;
        let row = *lines[f as usize].get((line as usize).checked_sub(1)?)?;
        let row = row.strip_suffix('\r').unwrap_or(row);
        let at = row.as_ptr() as usize - whole.as_ptr() as usize;
        let ours = &fields[5 * i..5 * i + 5];
        let written = &text[ours[0] as usize..ours[4] as usize];
        if row.as_bytes() != written {
            return None;
        }
        out.extend(ours.iter().map(|&o| (at + (o - ours[0]) as usize) as u32));
    }
    Some(out)
}

/// Entry → the homonyms that share one of its spellings.
pub(super) type Homonyms = FastMap<u32, Vec<Homonym>>;

/// The views of a table, read in place.
#[derive(Clone, Copy, Debug)]
pub(super) struct Tables<'a> {
    labels: &'a [u8],
    /// Five per entry: where its id, name, other spellings and
    /// attributes start, and where the attributes end, in its text.
    fields: U32s<'a>,
    /// The text of the entries; `None`: each entry's is the embedded file
    /// it comes from.
    text: Option<&'a str>,
    files: StrMap<'a>,
    origin_file: U32s<'a>,
    origin_line: U32s<'a>,
    patterns: U32s<'a>,
    /// The patterns' texts; a text's id is its pattern's number.
    pub(super) by_key: StrMap<'a>,
    cued: StrMap<'a>,
    cued_to: U32s<'a>,
    pub(super) variants: Variants<'a>,
}

impl<'a> Tables<'a> {
    /// Reads a table: its views, its homonyms (entry whose spelling they
    /// share → homonyms, in table order) and the automaton's bytes.
    pub(super) fn read(
        bytes: &'a [u8],
    ) -> std::result::Result<(Tables<'a>, Homonyms, &'a [u8]), ReadError> {
        let (mut r, _) = Reader::open(bytes, KIND)?;
        let layout = r.u32()?;
        if layout != LAYOUT {
            return Err(format!(
                "gazetteer table layout {layout}, expected {LAYOUT}"
            ));
        }
        let in_files = match r.u32()? {
            0 => false,
            1 => true,
            other => return Err(format!("entry text source {other}")),
        };
        let labels = r.bytes()?;
        let n = labels.len();
        let fields = r.u32s()?;
        let text = r.bytes()?;
        let files = StrMap::read(&mut r)?;
        let origin_file = r.u32s()?;
        let origin_line = r.u32s()?;
        if n >= MAX_ENTRIES
            || fields.len() != 5 * n
            || origin_file.len() != n
            || origin_line.len() != n
        {
            return Err(format!(
                "entry sections of inconsistent sizes for {n} entries"
            ));
        }
        if labels.iter().any(|&l| label_of(l).is_none()) {
            return Err("an entry with an unknown label".into());
        }
        if (0..n).any(|i| origin_file.get(i) as usize >= files.len()) {
            return Err("an entry's file out of bounds".into());
        }
        let text = if in_files {
            let embedded = super::EMBEDDED;
            if files.len() > embedded.len()
                || (0..files.len()).any(|f| files.str(f as u32) != embedded[f].0)
            {
                return Err("entries of files that are not the embedded ones".into());
            }
            if !text.is_empty() {
                return Err("entry text beside the embedded files".into());
            }
            None
        } else {
            Some(std::str::from_utf8(text).map_err(|_| "entry text is not UTF-8".to_string())?)
        };
        for (i, &code) in labels.iter().enumerate() {
            let whole = text.unwrap_or_else(|| super::EMBEDDED[origin_file.get(i) as usize].1);
            let at: [usize; 5] = std::array::from_fn(|f| fields.get(5 * i + f) as usize);
            // Each field ends a tab before the next starts, the id a tab,
            // the label and a tab before the name.
            let label = label_of(code).expect("checked").as_str().len();
            let ordered =
                at[0] + label + 2 <= at[1] && at[1] < at[2] && at[2] < at[3] && at[3] <= at[4];
            if !ordered || at[4] > whole.len() || !at.iter().all(|&a| whole.is_char_boundary(a)) {
                return Err(format!("entry {i}: fields out of order or bounds"));
            }
        }
        let patterns = r.u32s()?;
        let by_key = StrMap::read(&mut r)?;
        if by_key.len() != patterns.len()
            || (0..patterns.len()).any(|p| (patterns.get(p) as usize & (MAX_ENTRIES - 1)) >= n)
        {
            return Err("patterns out of bounds".into());
        }
        let cued = StrMap::read(&mut r)?;
        let cued_to = r.u32s()?;
        if cued_to.len() != cued.len()
            || (0..cued_to.len()).any(|i| (cued_to.get(i) & !(1 << 31)) as usize >= n)
        {
            return Err("cued spellings out of bounds".into());
        }
        let mut homonyms = Homonyms::default();
        for _ in 0..r.len()? {
            let first = r.u32()?;
            let entry = r.u32()?;
            let alias = r.u32()? != 0;
            let context = (0..r.len()?)
                .map(|_| {
                    let b = r.bytes()?;
                    std::str::from_utf8(b)
                        .map(str::to_owned)
                        .map_err(|_| "a context word is not UTF-8".to_string())
                })
                .collect::<std::result::Result<Vec<String>, ReadError>>()?;
            if first as usize >= n || entry as usize >= n {
                return Err("a homonym out of bounds".into());
            }
            homonyms.entry(first).or_default().push(Homonym {
                entry,
                alias,
                context,
            });
        }
        let variants = Variants::read(&mut r, n)?;
        let automaton = r.bytes()?;
        r.end()?;
        let tables = Tables {
            labels,
            fields,
            text,
            files,
            origin_file,
            origin_line,
            patterns,
            by_key,
            cued,
            cued_to,
            variants,
        };
        Ok((tables, homonyms, automaton))
    }

    /// How many entries.
    pub(super) fn len(&self) -> usize {
        self.labels.len()
    }

    /// Field `f` (0 id, 1 name, 2 other spellings, 3 attributes) of entry
    /// `entry`.
    #[inline]
    fn field(&self, entry: u32, f: usize) -> &'a str {
        let i = 5 * entry as usize + f;
        let text = match self.text {
            Some(text) => text,
            None => super::EMBEDDED[self.origin_file.get(entry as usize) as usize].1,
        };
        // A tab separates a field from the next, and the label (with its
        // tabs) the id from the name.
        let end = self.fields.get(i + 1) as usize
            - match f {
                0 => self.label(entry).as_str().len() + 2,
                1 | 2 => 1,
                _ => 0,
            };
        &text[self.fields.get(i) as usize..end]
    }

    /// The label of entry `entry`.
    #[inline]
    pub(super) fn label(&self, entry: u32) -> Label {
        label_of(self.labels[entry as usize]).expect("checked when read")
    }

    /// The attributes of entry `entry` (`key=value;…`).
    #[inline]
    pub(super) fn attrs(&self, entry: u32) -> &'a str {
        self.field(entry, 3)
    }

    /// Entry `entry`, as it was written.
    pub(super) fn entry(&self, entry: u32) -> Entry {
        let variants = self.field(entry, 2);
        let file = self.files.str(self.origin_file.get(entry as usize));
        let origin = match self.origin_line.get(entry as usize) {
            u32::MAX => Arc::from(file),
            line => format!("{file}:{line}").into(),
        };
        Entry {
            id: self.field(entry, 0).into(),
            label: self.label(entry),
            name: self.field(entry, 1).into(),
            variants: if variants.is_empty() {
                Vec::new()
            } else {
                variants.split('|').map(str::to_owned).collect()
            },
            attrs: self.field(entry, 3).to_owned(),
            origin,
        }
    }

    /// Pattern `p`.
    #[inline]
    pub(super) fn pattern(&self, p: u32) -> Pattern {
        let bits = self.patterns.get(p as usize);
        Pattern {
            entry: bits & (MAX_ENTRIES as u32 - 1),
            alias: bits >> 29 & 1 != 0,
            article: bits >> 30 & 1 != 0,
            lil: bits >> 31 != 0,
        }
    }

    /// The entry of a `cue=place` spelling (matching key), and whether it
    /// lists it as an alias.
    #[inline]
    pub(super) fn cued(&self, key: &str) -> Option<(u32, bool)> {
        let i = self.cued.get(key)?;
        let bits = self.cued_to.get(i as usize);
        Some((bits & !(1 << 31), bits >> 31 != 0))
    }

    /// Whether there are `cue=place` spellings.
    pub(super) fn has_cued(&self) -> bool {
        self.cued.len() > 0
    }
}
