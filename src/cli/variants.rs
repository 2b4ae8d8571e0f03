//! `kashf variants`: for each entity of a corpus (a gazetteer entry, or a
//! cluster of an unseen name's spellings), the spellings the corpus writes
//! it in, with counts and an example.
//!
//! Text inputs are extracted first (as `kashf extract`, into a temporary
//! JSONL file); `--from-jsonl` reads kashf's JSONL instead. Then the
//! passes of `kashf link` ([`super::link`]): the clusters, then every
//! record with its names linked, counted by id and spelling (the text as
//! written, without diacritics, tatweel and invisible marks). Last, the
//! example of each spelling is cut from the document of its first mention:
//! from the text as it was read, which the extraction copies aside (so
//! standard input, lines and JSONL records have examples too), or, from
//! kashf's JSONL, from the file the document's name names, where it can be
//! read.
//!
//! Written as TSV, JSONL or one HTML page (a table, nothing fetched).

use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::io::{IsTerminal, Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::bail;
use kashf::Label;
use kashf::input::Piece;
use kashf::normalize::{Folds, Normalizer};
use kashf::output::Format;
use serde_json::{Value as Json, json};

use super::destination::Destination;
use super::extract::extract_seeing;
use super::link::{JsonlInputs, clusters_of, records};
use super::{EXIT_FAILED, VariantsArgs, VariantsFormatArg};

mod html;

/// Characters of context on either side of a mention, at most.
const CONTEXT: usize = 80;

/// One entity's mentions.
struct Mentions {
    label: Label,
    norm: String,
    count: u64,
    /// Spelling → how often, and where it is first written.
    spellings: BTreeMap<String, Seen>,
}

/// One spelling of an entity: how often, and the document and code-point
/// offset of its first mention.
struct Seen {
    count: u64,
    doc: Json,
    start: usize,
    end: usize,
}

pub(super) fn run(args: &VariantsArgs) -> anyhow::Result<ExitCode> {
    if matches!(args.format, VariantsFormatArg::Html)
        && args.output.is_none()
        && std::io::stdout().is_terminal()
    {
        bail!("--format html writes a page for a browser: name it with -o FILE.html, or redirect");
    }
    let (mut out, destination) = Destination::open(args.output.as_deref())?;
    let mut failed = false;
    let mut texts = None;
    let inputs = if args.from_jsonl {
        let default = args.run.glob == ["*.txt"];
        let globs = if default {
            vec!["*.jsonl".to_owned()]
        } else {
            args.run.glob.clone()
        };
        JsonlInputs::collect(&args.run.paths, &globs, &mut failed)?
    } else {
        let mut inputs = JsonlInputs::default();
        let writer = std::io::BufWriter::with_capacity(1 << 18, inputs.spool()?);
        let mut spool = TextSpool::new()?;
        let seen = &mut |p: &Piece| spool.piece(p);
        failed |= extract_seeing(&args.run, Format::Jsonl, Box::new(writer), seen)?.failed;
        texts = Some(spool.finish()?);
        inputs
    };
    let name_of = |path: &Path| inputs.name_of(path);
    let (clusters, ok) = clusters_of(&inputs.files, &name_of);
    failed |= !ok;

    let clean = Normalizer::new(Folds {
        diacritics: true,
        tatweel: true,
        invisible: true,
        whitespace: true,
        presentation: true,
        ..Folds::none()
    });
    let mut by_id: HashMap<Arc<str>, Mentions> = HashMap::new();
    for path in &inputs.files {
        let _ = records(path, None, &mut |meta, entities| {
            for e in entities.iter_mut() {
                if !matches!(e.label, Label::Person | Label::Place | Label::Org) {
                    continue;
                }
                clusters.apply(e);
                let Some(id) = e.id.clone() else { continue };
                let m = by_id.entry(id).or_insert_with(|| Mentions {
                    label: e.label,
                    norm: e.norm.clone(),
                    count: 0,
                    spellings: BTreeMap::new(),
                });
                m.count += 1;
                let spelling = clean.normalize_str(&e.text).into_owned();
                m.spellings
                    .entry(spelling)
                    .or_insert_with(|| Seen {
                        count: 0,
                        doc: meta.name.clone(),
                        start: e.start,
                        end: e.end,
                    })
                    .count += 1;
            }
            Ok(())
        });
    }
    let mut entities: Vec<(Arc<str>, Mentions)> = by_id
        .into_iter()
        .filter(|(_, m)| m.spellings.len() >= args.min_spellings)
        .collect();
    entities.sort_by(|a, b| b.1.count.cmp(&a.1.count).then(a.0.cmp(&b.0)));
    let examples = examples(&entities, texts.as_mut());
    let example_of = |seen: &Seen| examples.get(&(doc_key(&seen.doc), seen.start));

    let mut buf = Vec::new();
    match args.format {
        VariantsFormatArg::Tsv => {
            buf.extend_from_slice(b"id\tlabel\tnorm\tmentions\tspelling\tcount\tdoc\texample\n");
        }
        VariantsFormatArg::Html => html::start(entities.len(), &mut buf),
        VariantsFormatArg::Jsonl => {}
    }
    for (id, m) in &entities {
        let mut spellings: Vec<(&String, &Seen)> = m.spellings.iter().collect();
        spellings.sort_by(|a, b| b.1.count.cmp(&a.1.count).then(a.0.cmp(b.0)));
        match args.format {
            VariantsFormatArg::Tsv => {
                for (spelling, seen) in spellings {
                    let example = example_of(seen).map(Example::bracketed);
                    let fields = [
                        id.to_string(),
                        m.label.as_str().to_owned(),
                        m.norm.clone(),
                        m.count.to_string(),
                        spelling.clone(),
                        seen.count.to_string(),
                        doc_key(&seen.doc),
                        example.unwrap_or_default(),
                    ];
                    let row: Vec<String> = fields.iter().map(|f| tsv_field(f)).collect();
                    buf.extend_from_slice(row.join("\t").as_bytes());
                    buf.push(b'\n');
                }
            }
            VariantsFormatArg::Jsonl => {
                let spellings: Vec<Json> = spellings
                    .into_iter()
                    .map(|(spelling, seen)| {
                        json!({
                            "spelling": spelling,
                            "count": seen.count,
                            "doc": seen.doc,
                            "example": example_of(seen).map(Example::bracketed),
                        })
                    })
                    .collect();
                let line = json!({
                    "id": &**id,
                    "label": m.label.as_str(),
                    "norm": m.norm,
                    "mentions": m.count,
                    "spellings": spellings,
                });
                serde_json::to_writer(&mut buf, &line).expect("writing JSON to memory cannot fail");
                buf.push(b'\n');
            }
            VariantsFormatArg::Html => {
                let rows: Vec<html::Row<'_>> = spellings
                    .into_iter()
                    .map(|(spelling, seen)| html::Row {
                        spelling,
                        count: seen.count,
                        doc: doc_key(&seen.doc),
                        example: example_of(seen),
                    })
                    .collect();
                html::entity(id, m.label, &m.norm, m.count, &rows, &mut buf);
            }
        }
        if buf.len() > 1 << 16 {
            if let Err(e) = out.write_all(&buf) {
                return write_failed(e);
            }
            buf.clear();
        }
    }
    if matches!(args.format, VariantsFormatArg::Html) {
        html::end(&mut buf);
    }
    if let Err(e) = out.write_all(&buf).and_then(|()| out.flush()) {
        return write_failed(e);
    }
    drop(out);
    destination.finish()?;
    Ok(if failed {
        ExitCode::from(EXIT_FAILED)
    } else {
        ExitCode::SUCCESS
    })
}

/// A closed pipe ends quietly; any other write error is an error.
fn write_failed(e: std::io::Error) -> anyhow::Result<ExitCode> {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        return Ok(ExitCode::SUCCESS);
    }
    bail!("writing output: {e}")
}

/// A document's name as text.
fn doc_key(doc: &Json) -> String {
    match doc {
        Json::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A TSV field: tabs and line breaks as spaces.
fn tsv_field(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// The text of every document a run extracted, copied aside as it was
/// read (a temporary file: the text of a whole corpus need not fit in
/// memory), for the examples. A name that several documents share is the
/// first one's.
struct TextSpool {
    file: File,
    /// Bytes written so far.
    len: u64,
    /// Document name → (offset, length) of its text in `file`.
    docs: HashMap<String, (u64, u64)>,
    /// The document being read: its name and where its text starts.
    open: Option<(String, u64)>,
    error: Option<std::io::Error>,
}

impl TextSpool {
    fn new() -> anyhow::Result<TextSpool> {
        Ok(TextSpool {
            file: tempfile::tempfile()
                .map_err(|e| anyhow::anyhow!("creating a temporary file: {e}"))?,
            len: 0,
            docs: HashMap::new(),
            open: None,
            error: None,
        })
    }

    fn piece(&mut self, p: &Piece) {
        if self.error.is_some() {
            return;
        }
        if p.first {
            self.open = Some((doc_key(&p.doc.name), self.len));
        }
        if let Err(e) = self.file.write_all(p.text.as_bytes()) {
            self.error = Some(e);
            return;
        }
        self.len += p.text.len() as u64;
        if p.last
            && let Some((name, start)) = self.open.take()
        {
            self.docs.entry(name).or_insert((start, self.len - start));
        }
    }

    fn finish(self) -> anyhow::Result<TextSpool> {
        match self.error {
            Some(e) => bail!("keeping the text for the examples in a temporary file: {e}"),
            None => Ok(self),
        }
    }

    /// The text of the document `name`, if it was read.
    fn text(&mut self, name: &str) -> Option<String> {
        let &(at, len) = self.docs.get(name)?;
        let mut bytes = vec![0; usize::try_from(len).ok()?];
        self.file.seek(SeekFrom::Start(at)).ok()?;
        self.file.read_exact(&mut bytes).ok()?;
        String::from_utf8(bytes).ok()
    }
}

/// The example of each first mention, by (document, start): the sentence
/// around it (at most [`CONTEXT`] characters either side), from the text
/// the run read (`texts`), else from documents named by a file that can
/// be read.
fn examples(
    entities: &[(Arc<str>, Mentions)],
    mut texts: Option<&mut TextSpool>,
) -> HashMap<(String, usize), Example> {
    let mut wanted: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    for (_, m) in entities {
        for seen in m.spellings.values() {
            wanted
                .entry(doc_key(&seen.doc))
                .or_default()
                .push((seen.start, seen.end));
        }
    }
    let mut out = HashMap::new();
    for (name, spans) in wanted {
        let text = match texts.as_deref_mut() {
            Some(texts) => texts.text(&name),
            None => std::fs::read(&name)
                .ok()
                .map(|bytes| String::from_utf8_lossy(&bytes).into_owned()),
        };
        let Some(text) = text else { continue };
        let text: Vec<char> = text.chars().collect();
        for (start, end) in spans {
            if end > text.len() || start >= end {
                continue;
            }
            out.insert((name.clone(), start), example(&text, start, end));
        }
    }
    out
}

/// A mention in its sentence: the text before it (with «… » where the
/// sentence was cut), the mention, the text after it.
pub(super) struct Example {
    pub before: String,
    pub mention: String,
    pub after: String,
}

impl Example {
    /// As one line, the mention in brackets.
    fn bracketed(&self) -> String {
        format!("{}[{}]{}", self.before, self.mention, self.after)
    }
}

/// The sentence around `text[start..end]`, whitespace collapsed; where
/// the sentence goes on more than [`CONTEXT`] characters away, it is cut
/// at a space within them and «…» marks the cut.
fn example(text: &[char], start: usize, end: usize) -> Example {
    let stop = |c: &char| matches!(c, '.' | '!' | '?' | '؟' | '\n');
    let from = start.saturating_sub(CONTEXT);
    let (begin, cut_before) = match text[from..start].iter().rposition(stop) {
        Some(p) => (from + p + 1, false),
        None if from == 0 => (0, false),
        None => {
            // At a word: after the first space within reach.
            let space = text[from..start].iter().position(|c| c.is_whitespace());
            (space.map_or(start, |p| from + p + 1), true)
        }
    };
    let to = (end + CONTEXT).min(text.len());
    let (finish, cut_after) = match text[end..to].iter().position(stop) {
        Some(p) => (end + p + 1, false),
        None if to == text.len() => (to, false),
        None => {
            let space = text[end..to].iter().rposition(|c| c.is_whitespace());
            (space.map_or(end, |p| end + p), true)
        }
    };
    // Whitespace collapsed, and kept at the mention's edges.
    let collapse = |r: &[char]| {
        let s: String = r.iter().collect();
        let words = s.split_whitespace().collect::<Vec<_>>().join(" ");
        let lead = if s.starts_with(char::is_whitespace) && !words.is_empty() {
            " "
        } else {
            ""
        };
        let trail = if s.ends_with(char::is_whitespace) && !words.is_empty() {
            " "
        } else {
            ""
        };
        format!("{lead}{words}{trail}")
    };
    let before = collapse(&text[begin..start]);
    let after = collapse(&text[end..finish]);
    Example {
        before: format!(
            "{}{}",
            if cut_before { "… " } else { "" },
            before.trim_start()
        ),
        mention: collapse(&text[start..end]).trim().to_owned(),
        after: format!("{}{}", after.trim_end(), if cut_after { " …" } else { "" }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_example_is_the_sentence_around_the_mention() {
        let s = "جملة أولى. وصل الوفد إلى\nكاراباخ أمس. جملة أخرى";
        let text: Vec<char> = s.chars().collect();
        let at = |word: &str| s[..s.find(word).unwrap()].chars().count();
        assert_eq!(
            example(&text, at("كاراباخ"), at("كاراباخ") + 7).bracketed(),
            "[كاراباخ] أمس."
        );
        assert_eq!(
            example(&text, at("وصل"), at("وصل") + 3).bracketed(),
            "[وصل] الوفد إلى"
        );
        // Cut at a space at most CONTEXT characters away where no sentence
        // ends, and marked.
        let words = "كلمة ".repeat(40);
        let long: Vec<char> = format!("{words}كييف {words}").chars().collect();
        let got = example(&long, 200, 204).bracketed();
        assert!(got.starts_with("… كلمة كلمة"), "{got}");
        assert!(got.ends_with("كلمة كلمة …"), "{got}");
        assert!(got.contains(" [كييف] "), "{got}");
        // 80 characters hold 16 words of five; the one at the edge may be
        // cut, and is left out.
        assert_eq!(got.matches("كلمة").count(), 2 * 15, "{got}");
    }
}
