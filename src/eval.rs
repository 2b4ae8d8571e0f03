//! Evaluation against gold annotations: precision, recall and F1 per label
//! with exact-span matching.
//!
//! In: gold data as CoNLL BIO (`token TAG` per line, a blank line between
//! sentences, as ANERcorp) or JSONL (`text` plus `entities` with code-point
//! `start`/`end` and `type`, as AQMAR), and an [`Extractor`]. Out: a
//! [`Report`] with true positives, false positives and misses per label, and
//! the list of mismatches for error analysis.
//!
//! Rules of the comparison:
//! - gold types map to labels: `PERS`/`PER` → PERSON, `LOC` → PLACE,
//!   `ORG` → ORG; other gold types (MISC, AQMAR's `MIS*`) are dropped, and
//!   so are NUMBER and DATE predictions;
//! - a prediction matches a gold span of the same label with the same end
//!   and the same start, or a start after a leading proclitic the gold span
//!   includes and the prediction leaves out (ANERcorp is not
//!   clitic-segmented: gold «وموسكو», predicted «موسكو» is a match);
//! - each gold span matches at most one prediction and vice versa.
//!
//! CoNLL tokens are joined with single spaces; gold offsets are the tokens'
//! code-point offsets in that text. Sentences are documents unless
//! [`group`] joins consecutive ones (with a line break) so that
//! document-level rules such as linking see more than one sentence: the
//! sentences of one document of the gold data ([`GoldDoc::doc`]: CoNLL's
//! `-DOCSTART-` lines, JSONL ids such as `aqmar/Atom:12`; where it marks
//! none, every [`UNMARKED_RUN`]), or every `n`.

use std::fmt::Write as _;

use serde::Deserialize;

use crate::doc::{Label, Source};
use crate::error::{Error, ErrorKind, Result};
use crate::extract::Extractor;

/// The labels that are scored, in report order.
pub const LABELS: [Label; 3] = [Label::Person, Label::Place, Label::Org];

/// One gold entity: a code-point range of its document's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldSpan {
    /// Start, in code points.
    pub start: usize,
    /// End (exclusive), in code points.
    pub end: usize,
    /// PERSON, PLACE or ORG.
    pub label: Label,
}

/// One gold document (a sentence, or several joined by [`group`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoldDoc {
    /// Where it comes from (`file:line`).
    pub origin: String,
    /// The text the pipeline is run on.
    pub text: String,
    /// The gold entities, sorted by start.
    pub spans: Vec<GoldSpan>,
    /// The document of the gold data the sentence belongs to, if the data
    /// marks documents.
    pub doc: Option<String>,
}

/// The label a gold type stands for, if it is scored.
pub fn gold_label(tag: &str) -> Option<Label> {
    match tag {
        "PERS" | "PER" | "PERSON" => Some(Label::Person),
        "LOC" | "PLACE" => Some(Label::Place),
        "ORG" => Some(Label::Org),
        _ => None,
    }
}

/// Parses CoNLL BIO: `token TAG` per line (the tag is the last
/// whitespace-separated field), a blank line between sentences. An `I-`
/// tag that does not continue a span of its type opens one. A
/// `-DOCSTART-` line (CoNLL 2003) starts a document: the sentences after
/// it have the same [`GoldDoc::doc`].
///
/// # Examples
///
/// ```
/// use kashf::eval::parse_conll;
/// use kashf::Label;
///
/// let docs = parse_conll("قال O\nجورج B-PERS\nبوش I-PERS\nفي O\nوموسكو B-LOC\n", "g.conll").unwrap();
/// assert_eq!(docs[0].text, "قال جورج بوش في وموسكو");
/// assert_eq!((docs[0].spans[0].start, docs[0].spans[0].end), (4, 12));
/// assert_eq!(docs[0].spans[1].label, Label::Place);
/// ```
///
/// # Errors
///
/// A line with no tag, or a tag that is not `O`, `B-X` or `I-X`, with its
/// line number.
pub fn parse_conll(text: &str, origin: &str) -> Result<Vec<GoldDoc>> {
    let mut docs = Vec::new();
    let mut doc = GoldDoc::default();
    // The open span: (start, type).
    let mut open: Option<(usize, &str)> = None;
    let mut chars = 0;
    let close = |doc: &mut GoldDoc, open: &mut Option<(usize, &str)>, end: usize| {
        if let Some((start, ty)) = open.take()
            && let Some(label) = gold_label(ty)
        {
            doc.spans.push(GoldSpan { start, end, label });
        }
    };
    // The `-DOCSTART-` line of the current document.
    let mut document: Option<String> = None;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        let starts_document = line.split_whitespace().next() == Some("-DOCSTART-");
        if line.trim().is_empty() || starts_document {
            close(&mut doc, &mut open, chars);
            if !doc.text.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            chars = 0;
            if starts_document {
                document = Some(format!("{origin}:{}", i + 1));
            }
            continue;
        }
        let bad = |msg: String| {
            Error::new(ErrorKind::Config, msg)
                .with_path(origin)
                .with_line(i as u64 + 1)
        };
        let Some((token, tag)) = line.trim().rsplit_once(char::is_whitespace) else {
            return Err(bad(format!("expected `token TAG`, found {line:?}")));
        };
        let token = token.trim();
        let (inside, ty) = match tag.split_once('-') {
            _ if tag == "O" => (false, ""),
            Some(("B", ty)) => (false, ty),
            Some(("I", ty)) => (true, ty),
            _ => return Err(bad(format!("bad tag {tag:?}: expected O, B-X or I-X"))),
        };
        let continues = inside && open.is_some_and(|(_, t)| t == ty);
        if !continues {
            // An open span ends with the previous token.
            close(&mut doc, &mut open, chars);
        }
        if doc.text.is_empty() {
            doc.origin = format!("{origin}:{}", i + 1);
            doc.doc.clone_from(&document);
        } else {
            doc.text.push(' ');
            chars += 1;
        }
        if !continues && !ty.is_empty() {
            open = Some((chars, ty));
        }
        doc.text.push_str(token);
        chars += token.chars().count();
    }
    close(&mut doc, &mut open, chars);
    if !doc.text.is_empty() {
        docs.push(doc);
    }
    Ok(docs)
}

#[derive(Deserialize)]
struct JsonLine {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    doc: Option<String>,
    text: String,
    #[serde(default)]
    entities: Vec<JsonEntity>,
}

#[derive(Deserialize)]
struct JsonEntity {
    start: usize,
    end: usize,
    #[serde(rename = "type", alias = "label")]
    ty: String,
}

/// Parses JSONL gold: one object a line with `text` and `entities`
/// (`start`, `end` in code points, `type`); `id` names the sentence. Its
/// document ([`GoldDoc::doc`]) is `doc` if the line has one, else the id
/// before a final `:N` (`aqmar/Atom:12` is sentence 12 of `aqmar/Atom`).
///
/// # Errors
///
/// Malformed JSON, or an entity outside its text, with the line number.
pub fn parse_jsonl(text: &str, origin: &str) -> Result<Vec<GoldDoc>> {
    let mut docs = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let bad = |kind, msg: String| {
            Error::new(kind, msg)
                .with_path(origin)
                .with_line(i as u64 + 1)
        };
        let obj: JsonLine = serde_json::from_str(line)
            .map_err(|e| bad(ErrorKind::Json, format!("malformed JSON: {e}")))?;
        let len = obj.text.chars().count();
        let mut spans = Vec::new();
        for e in obj.entities {
            if e.start >= e.end || e.end > len {
                return Err(bad(
                    ErrorKind::Json,
                    format!(
                        "entity {}..{} outside the text ({len} characters)",
                        e.start, e.end
                    ),
                ));
            }
            if let Some(label) = gold_label(&e.ty) {
                spans.push(GoldSpan {
                    start: e.start,
                    end: e.end,
                    label,
                });
            }
        }
        spans.sort_by_key(|s| (s.start, s.end));
        let doc = obj.doc.or_else(|| {
            let (doc, n) = obj.id.as_deref()?.rsplit_once(':')?;
            (!n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())).then(|| doc.to_owned())
        });
        docs.push(GoldDoc {
            origin: obj.id.unwrap_or_else(|| format!("{origin}:{}", i + 1)),
            text: obj.text,
            spans,
            doc,
        });
    }
    Ok(docs)
}

/// How [`group`] joins sentences into documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    /// Consecutive sentences of one document of the gold data
    /// ([`GoldDoc::doc`]); sentences of none (a file that marks no
    /// documents) are read as running text in document order, every
    /// [`UNMARKED_RUN`] consecutive ones a document.
    Documents,
    /// Every `n` consecutive sentences (1: each alone).
    Every(usize),
}

/// How many consecutive sentences that no document mark claims make one
/// document for [`Grouping::Documents`]. Gold files without marks, such as
/// ANERcorp's, are in document order, and a sentence's neighbours tell the
/// tagger's second pass and linking who is a person. ANERcorp's 5-fold
/// (the fold models of 817c2f1), PERSON F1 by sentences per document: 1 →
/// 0.765, 10 → 0.797, 20 → 0.805, 40 → 0.805, 100 → 0.799, 1,000 → 0.765
/// (linking across unrelated articles); PLACE 0.874 to 0.867 throughout.
pub const UNMARKED_RUN: usize = 20;

/// Joins consecutive sentences into documents as `how` says, separated by
/// a line break.
///
/// # Examples
///
/// ```
/// use kashf::eval::{Grouping, group, parse_jsonl};
///
/// let gold = r#"{"id": "a:0", "text": "قال بوش"}
/// {"id": "a:1", "text": "ثم غادر"}
/// {"id": "b:0", "text": "وصل"}"#;
/// let docs = parse_jsonl(gold, "g.jsonl").unwrap();
/// let texts: Vec<String> = group(docs.clone(), Grouping::Documents).into_iter().map(|d| d.text).collect();
/// assert_eq!(texts, ["قال بوش\nثم غادر", "وصل"]);
/// assert_eq!(group(docs, Grouping::Every(2)).len(), 2);
/// ```
pub fn group(docs: Vec<GoldDoc>, how: Grouping) -> Vec<GoldDoc> {
    if matches!(how, Grouping::Every(0 | 1)) {
        return docs;
    }
    let mut out: Vec<GoldDoc> = Vec::new();
    // Sentences in the open group.
    let mut open = 0;
    for (i, d) in docs.into_iter().enumerate() {
        let joins = match how {
            Grouping::Every(n) => i % n != 0,
            Grouping::Documents => out
                .last()
                .is_some_and(|last| last.doc == d.doc && (d.doc.is_some() || open < UNMARKED_RUN)),
        };
        if !joins {
            out.push(d);
            open = 1;
            continue;
        }
        open += 1;
        let last = out.last_mut().expect("a group is open");
        last.text.push('\n');
        let base = last.text.chars().count();
        last.text.push_str(&d.text);
        last.spans.extend(d.spans.into_iter().map(|s| GoldSpan {
            start: s.start + base,
            end: s.end + base,
            label: s.label,
        }));
    }
    out
}

/// True positives, false positives and misses of one label.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predictions that match a gold span.
    pub tp: usize,
    /// Predictions that match none.
    pub fp: usize,
    /// Gold spans no prediction matches.
    pub missed: usize,
}

impl Counts {
    /// tp / (tp + fp); 0 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// tp / (tp + missed); 0 when there is no gold span.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.missed)
    }

    /// The harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        ratio(2 * self.tp, 2 * self.tp + self.fp + self.missed)
    }

    fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.missed += other.missed;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// A false positive or a miss.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mismatch {
    /// The document's origin.
    pub origin: String,
    /// True for a false positive, false for a miss.
    pub false_positive: bool,
    /// The label predicted or expected.
    pub label: Label,
    /// The span's text.
    pub text: String,
    /// The span in its context: a few words either side, the span in «».
    pub context: String,
    /// For a false positive: which stage found it.
    pub source: Option<Source>,
    /// For a miss: what was predicted over the same text, if anything
    /// (`PLACE «موسكو»`); for a false positive: the gold span under it.
    pub instead: Option<String>,
}

/// The result of an evaluation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Counts per label, in the order of [`LABELS`].
    pub counts: [Counts; 3],
    /// Documents scored.
    pub docs: usize,
    /// False positives and misses, in document order.
    pub mismatches: Vec<Mismatch>,
}

impl Report {
    /// The counts of one label (all zero for NUMBER and DATE).
    pub fn counts(&self, label: Label) -> Counts {
        LABELS
            .iter()
            .position(|&l| l == label)
            .map_or_else(Counts::default, |i| self.counts[i])
    }

    /// The counts of all scored labels together (micro average).
    pub fn total(&self) -> Counts {
        let mut t = Counts::default();
        for c in self.counts {
            t.add(c);
        }
        t
    }

    /// The scores as a table: label, gold, predicted, tp, P, R, F1.
    pub fn table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<8} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}",
            "label", "gold", "pred", "tp", "P", "R", "F1"
        );
        let rows = LABELS
            .iter()
            .map(|l| (l.as_str(), self.counts(*l)))
            .chain([("ALL", self.total())]);
        for (name, c) in rows {
            let _ = writeln!(
                out,
                "{:<8} {:>6} {:>6} {:>6} {:>6.3} {:>6.3} {:>6.3}",
                name,
                c.tp + c.missed,
                c.tp + c.fp,
                c.tp,
                c.precision(),
                c.recall(),
                c.f1()
            );
        }
        out
    }
}

/// Proclitics a gold span may carry in front of a predicted one.
const PROCLITICS: &[&str] = &[
    "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك", "لل", "ولل", "فلل",
];

/// Whether a prediction `p` (code points) matches gold `g` of `chars`.
fn matches(chars: &[char], g: &GoldSpan, p_start: usize, p_end: usize) -> bool {
    if g.end != p_end || p_start < g.start {
        return false;
    }
    if p_start == g.start {
        return true;
    }
    let prefix: String = chars[g.start..p_start].iter().collect();
    PROCLITICS.contains(&prefix.as_str()) || (prefix == "ل" && chars.get(p_start) == Some(&'ل'))
}

/// Runs `extractor` on every document and scores it against the gold.
pub fn evaluate(extractor: &Extractor, docs: &[GoldDoc]) -> Report {
    let mut report = Report {
        docs: docs.len(),
        ..Report::default()
    };
    for doc in docs {
        let chars: Vec<char> = doc.text.chars().collect();
        let preds: Vec<_> = extractor
            .extract(&doc.text)
            .into_iter()
            .filter(|e| LABELS.contains(&e.label))
            .collect();
        let mut gold_hit = vec![false; doc.spans.len()];
        let mut pred_hit = vec![false; preds.len()];
        for (pi, p) in preds.iter().enumerate() {
            let hit = doc.spans.iter().enumerate().find(|(gi, g)| {
                !gold_hit[*gi] && g.label == p.label && matches(&chars, g, p.start, p.end)
            });
            if let Some((gi, _)) = hit {
                gold_hit[gi] = true;
                pred_hit[pi] = true;
            }
        }
        let slice = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
        let overlaps = |s: usize, e: usize, t: usize, u: usize| s < u && t < e;
        let mut local: Vec<(usize, Mismatch)> = Vec::new();
        for (pi, p) in preds.iter().enumerate() {
            let i = LABELS.iter().position(|&l| l == p.label).expect("scored");
            if pred_hit[pi] {
                report.counts[i].tp += 1;
                continue;
            }
            report.counts[i].fp += 1;
            let instead = doc
                .spans
                .iter()
                .find(|g| overlaps(g.start, g.end, p.start, p.end))
                .map(|g| format!("{} «{}»", g.label.as_str(), slice(g.start, g.end)));
            local.push((
                p.start,
                Mismatch {
                    origin: doc.origin.clone(),
                    false_positive: true,
                    label: p.label,
                    text: p.text.clone(),
                    context: context(&chars, p.start, p.end),
                    source: Some(p.source),
                    instead,
                },
            ));
        }
        for (gi, g) in doc.spans.iter().enumerate() {
            if gold_hit[gi] {
                continue;
            }
            let i = LABELS.iter().position(|&l| l == g.label).expect("scored");
            report.counts[i].missed += 1;
            let instead = preds
                .iter()
                .find(|p| overlaps(g.start, g.end, p.start, p.end))
                .map(|p| format!("{} «{}»", p.label.as_str(), p.text));
            local.push((
                g.start,
                Mismatch {
                    origin: doc.origin.clone(),
                    false_positive: false,
                    label: g.label,
                    text: slice(g.start, g.end),
                    context: context(&chars, g.start, g.end),
                    source: None,
                    instead,
                },
            ));
        }
        local.sort_by_key(|(start, m)| (*start, !m.false_positive));
        report.mismatches.extend(local.into_iter().map(|(_, m)| m));
    }
    report
}

/// Up to five words either side of `start..end`, the span marked with «».
fn context(chars: &[char], start: usize, end: usize) -> String {
    let mut from = start;
    let mut spaces = 0;
    while from > 0 && spaces < 6 {
        from -= 1;
        if chars[from].is_whitespace() {
            spaces += 1;
        }
    }
    let mut to = end;
    spaces = 0;
    while to < chars.len() && spaces < 6 {
        if chars[to].is_whitespace() {
            spaces += 1;
        }
        to += 1;
    }
    let s = |a: usize, b: usize| {
        chars[a..b]
            .iter()
            .map(|&c| if c == '\n' { ' ' } else { c })
            .collect::<String>()
    };
    format!(
        "{}«{}»{}",
        s(from, start).trim_start(),
        s(start, end),
        s(end, to).trim_end()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(d: &GoldDoc) -> Vec<(String, Label)> {
        let chars: Vec<char> = d.text.chars().collect();
        d.spans
            .iter()
            .map(|s| (chars[s.start..s.end].iter().collect(), s.label))
            .collect()
    }

    #[test]
    fn conll_spans_index_the_joined_text() {
        type Case<'a> = (&'a str, &'a str, &'a [(&'a str, Label)]);
        let cases: &[Case] = &[
            (
                "two-token person",
                "قال O\nجورج B-PERS\nبوش I-PERS\n",
                &[("جورج بوش", Label::Person)],
            ),
            (
                "adjacent spans of different types",
                "بوش B-PERS\nموسكو B-LOC\n",
                &[("بوش", Label::Person), ("موسكو", Label::Place)],
            ),
            (
                "adjacent B- spans of one type",
                "لندن B-LOC\nباريس B-LOC\n",
                &[("لندن", Label::Place), ("باريس", Label::Place)],
            ),
            (
                "I- without B- opens a span",
                "في O\nالأمم I-ORG\nالمتحدة I-ORG\n",
                &[("الأمم المتحدة", Label::Org)],
            ),
            (
                "MISC is dropped",
                "الإسلام B-MISC\nفي O\nمصر B-LOC\n",
                &[("مصر", Label::Place)],
            ),
            (
                "span at the start",
                "موسكو B-LOC\nO O\n",
                &[("موسكو", Label::Place)],
            ),
        ];
        for (name, text, want) in cases {
            let docs = parse_conll(text, "t").unwrap();
            let want: Vec<_> = want.iter().map(|(s, l)| (s.to_string(), *l)).collect();
            assert_eq!(spans(&docs[0]), want, "case {name}");
        }
    }

    #[test]
    fn conll_sentences_are_documents() {
        let docs = parse_conll("أ O\nب B-LOC\n\n\nج B-PERS\n", "t").unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1].origin, "t:5");
        let grouped = group(docs, Grouping::Every(2));
        assert_eq!(grouped.len(), 1);
        assert_eq!(grouped[0].text, "أ ب\nج");
        assert_eq!(
            spans(&grouped[0]),
            [("ب".into(), Label::Place), ("ج".into(), Label::Person)]
        );
    }

    #[test]
    fn docstart_lines_mark_conll_documents() {
        let text = "-DOCSTART- O\n\nأ O\n\nب B-LOC\n\n-DOCSTART- O\n\nج B-PERS\n";
        let docs = parse_conll(text, "t").unwrap();
        assert_eq!(docs.len(), 3, "{docs:?}");
        assert_eq!(docs[0].doc.as_deref(), Some("t:1"));
        assert_eq!(docs[1].doc, docs[0].doc);
        assert_eq!(docs[2].doc.as_deref(), Some("t:7"));
        let grouped = group(docs, Grouping::Documents);
        let texts: Vec<&str> = grouped.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(texts, ["أ\nب", "ج"]);
        assert_eq!(spans(&grouped[0]), [("ب".into(), Label::Place)]);
        // No marks: running text, every UNMARKED_RUN sentences a document.
        let unmarked = "أ O\n\n".repeat(2 * UNMARKED_RUN + 1);
        let docs = parse_conll(&unmarked, "t").unwrap();
        assert!(docs.iter().all(|d| d.doc.is_none()));
        let grouped = group(docs, Grouping::Documents);
        let sizes: Vec<usize> = grouped.iter().map(|d| d.text.lines().count()).collect();
        assert_eq!(sizes, [UNMARKED_RUN, UNMARKED_RUN, 1]);
        // A document mark ends an unmarked run.
        let text = "أ O\n\nب O\n\n-DOCSTART- O\n\nج O\n\nد O\n";
        let texts: Vec<String> = group(parse_conll(text, "t").unwrap(), Grouping::Documents)
            .into_iter()
            .map(|d| d.text)
            .collect();
        assert_eq!(texts, ["أ\nب", "ج\nد"]);
    }

    #[test]
    fn jsonl_documents_come_from_doc_or_the_id() {
        let line = |fields: &str| format!("{{{fields}\"text\": \"نص\"}}");
        let doc_of = |fields: &str| parse_jsonl(&line(fields), "g").unwrap()[0].doc.clone();
        assert_eq!(
            doc_of(r#""id": "aqmar/Atom:12", "#).as_deref(),
            Some("aqmar/Atom")
        );
        assert_eq!(
            doc_of(r#""id": "a:12", "doc": "d", "#).as_deref(),
            Some("d")
        );
        assert_eq!(doc_of(r#""id": "a:b", "#), None);
        assert_eq!(doc_of(r#""id": "a:", "#), None);
        assert_eq!(doc_of(r#""id": "a12", "#), None);
        assert_eq!(doc_of(""), None);
        // Only consecutive sentences of one document are joined.
        let text = [r#""id": "a:0", "#, r#""id": "b:0", "#, r#""id": "a:1", "#]
            .map(line)
            .join("\n");
        let docs = parse_jsonl(&text, "g").unwrap();
        assert_eq!(group(docs, Grouping::Documents).len(), 3);
    }

    #[test]
    fn malformed_gold_names_the_line() {
        let err = parse_conll("أ O\nب\n", "g.conll").unwrap_err();
        assert_eq!(err.line(), Some(2), "{err}");
        let err = parse_conll("أ X-LOC\n", "g.conll").unwrap_err();
        assert!(err.to_string().contains("bad tag"), "{err}");
        let err = parse_jsonl(
            "{\"text\": \"ab\", \"entities\": [{\"start\": 1, \"end\": 5, \"type\": \"LOC\"}]}\n",
            "g.jsonl",
        )
        .unwrap_err();
        assert!(err.to_string().contains("outside the text"), "{err}");
        let err = parse_jsonl("{\n", "g.jsonl").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Json);
    }

    #[test]
    fn jsonl_maps_types() {
        let line = r#"{"id": "a:0", "text": "زار بوتين موسكو", "entities": [{"start": 4, "end": 9, "type": "PER"}, {"start": 10, "end": 15, "type": "LOC"}, {"start": 0, "end": 3, "type": "MIS1"}]}"#;
        let docs = parse_jsonl(line, "g").unwrap();
        assert_eq!(docs[0].origin, "a:0");
        assert_eq!(
            spans(&docs[0]),
            [
                ("بوتين".into(), Label::Person),
                ("موسكو".into(), Label::Place)
            ]
        );
    }

    #[test]
    fn leading_proclitic_in_gold_still_matches() {
        let chars: Vec<char> = "زار وموسكو وللقاهرة".chars().collect();
        let g = |start, end| GoldSpan {
            start,
            end,
            label: Label::Place,
        };
        let cases = [
            ("same span", g(4, 10), 4, 10, true),
            ("gold adds و", g(4, 10), 5, 10, true),
            ("gold adds ول before لقاهرة", g(11, 19), 12, 19, true),
            ("gold adds ولل before قاهرة", g(11, 19), 14, 19, true),
            ("prediction is shorter at the end", g(4, 10), 4, 9, false),
            ("gold adds a non-clitic", g(0, 10), 4, 10, false),
        ];
        for (name, gold, s, e, want) in cases {
            assert_eq!(matches(&chars, &gold, s, e), want, "case {name}");
        }
    }

    #[test]
    fn fixtures_parse() {
        let conll = parse_conll(include_str!("../fixtures/eval/news.conll"), "news.conll").unwrap();
        assert_eq!(conll.len(), 3);
        assert_eq!(
            spans(&conll[0]),
            [
                ("جان إيف لودريان".into(), Label::Person),
                ("وموسكو".into(), Label::Place)
            ]
        );
        let jsonl = parse_jsonl(include_str!("../fixtures/eval/news.jsonl"), "news.jsonl").unwrap();
        assert_eq!(
            spans(&jsonl[1]),
            [("وزارة الصحة السعودية".into(), Label::Org)]
        );
    }

    #[test]
    fn scores_count_and_list_mismatches() {
        let ex = Extractor::builder().build().unwrap();
        let gold = "زار O\nالوزير O\nوموسكو B-LOC\nو O\nبلدة B-LOC\nقرب O\nالقاهرة O\n";
        let docs = parse_conll(gold, "g").unwrap();
        let r = evaluate(&ex, &docs);
        let place = r.counts(Label::Place);
        assert_eq!((place.tp, place.fp, place.missed), (1, 1, 1), "{r:?}");
        assert_eq!(r.mismatches.len(), 2);
        assert!(!r.mismatches[0].false_positive);
        assert_eq!(r.mismatches[0].text, "بلدة");
        assert!(r.mismatches[1].false_positive);
        assert_eq!(r.mismatches[1].text, "القاهرة");
        assert!(r.mismatches[1].context.contains("«القاهرة»"));
        assert!((place.f1() - 0.5).abs() < 1e-9);
        assert!(r.table().contains("PLACE"));
    }
}
