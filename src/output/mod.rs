//! Stage 4: writing entities as JSONL, CSV, CoNLL BIO or an HTML page.
//!
//! In: documents' metadata, their text and their [`Entity`] lists. Out:
//! bytes appended to a buffer. Writers know nothing of how entities were
//! found.
//!
//! A document may arrive in several pieces (the chunks of a huge file), so
//! an output is written as a [`start`](Format::start), then per document a
//! head, the [`body`](Format::body) of each piece joined by a
//! [`separator`](Format::separator), and a tail, and at last an
//! [`end`](Format::end):
//!
//! - JSONL: one object per document, `{"doc": …, <extra fields>,
//!   "entities": [ … ]}` on one line;
//! - CSV: a header `doc,label,text,start,end,norm,value,kind,id,source,link` once
//!   per output, then one row per entity (documents without entities have
//!   no rows);
//! - CoNLL: `# doc = NAME`, then `token<TAB>TAG` per line and a blank line
//!   after each sentence (the tokenisation is described in [`conll`]);
//! - HTML: one self-contained page that shows the documents with their
//!   entities highlighted (described in [`html`]).

pub mod conll;
pub mod html;

use serde_json::{Map, Value as Json};

use crate::doc::{Entity, Value};

/// The CSV header.
pub const CSV_HEADER: &str = "doc,label,text,start,end,norm,value,kind,id,source,link";

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Format {
    /// One JSON object per document.
    #[default]
    Jsonl,
    /// One CSV row per entity.
    Csv,
    /// One token per line with its BIO tag.
    Conll,
    /// One HTML page for a person to read.
    Html,
}

/// What the output says about a document besides its entities.
#[derive(Clone, Debug, PartialEq)]
pub struct DocMeta {
    /// The `doc` field: a path, `stdin:N`, or the `id` of a JSONL input
    /// line (any JSON value, echoed as given).
    pub name: Json,
    /// Fields of a JSONL input line other than `text` and `id`, copied
    /// through in their order.
    pub extra: Map<String, Json>,
}

impl DocMeta {
    /// A document named by a string.
    pub fn named(name: impl Into<String>) -> DocMeta {
        DocMeta {
            name: Json::String(name.into()),
            extra: Map::new(),
        }
    }

    /// The name as plain text (for CSV and messages).
    pub fn name_text(&self) -> String {
        match &self.name {
            Json::String(s) => s.clone(),
            other => other.to_string(),
        }
    }
}

impl Format {
    /// Written once at the start of the output.
    pub fn start(self, out: &mut Vec<u8>) {
        match self {
            Format::Csv => {
                out.extend_from_slice(CSV_HEADER.as_bytes());
                out.push(b'\n');
            }
            Format::Html => html::start(out),
            Format::Jsonl | Format::Conll => {}
        }
    }

    /// Written once at the end of the output, after the last document.
    pub fn end(self, out: &mut Vec<u8>) {
        if self == Format::Html {
            html::end(out);
        }
    }

    /// Written before a document's first piece.
    pub fn head(self, doc: &DocMeta, out: &mut Vec<u8>) {
        match self {
            Format::Jsonl => {
                out.extend_from_slice(b"{\"doc\":");
                json(&doc.name, out);
                for (k, v) in &doc.extra {
                    out.push(b',');
                    json(k, out);
                    out.push(b':');
                    json(v, out);
                }
                out.extend_from_slice(b",\"entities\":[");
            }
            Format::Csv => {}
            Format::Conll => {
                // One line, whatever the name holds.
                let name = doc.name_text().replace(['\n', '\r'], " ");
                out.extend_from_slice(b"# doc = ");
                out.extend_from_slice(name.as_bytes());
                out.push(b'\n');
            }
            Format::Html => html::head(doc, out),
        }
    }

    /// Written between the non-empty bodies of two pieces of one document.
    pub fn separator(self) -> &'static [u8] {
        match self {
            Format::Jsonl => b",",
            Format::Csv | Format::Conll | Format::Html => b"",
        }
    }

    /// Writes one piece of a document: `text`, starting at code point
    /// `base` of the document, and its `entities` (with offsets in the
    /// document). JSONL and CSV write only the entities, joined by the
    /// separator; CoNLL writes the text's tokens, HTML the text and its
    /// entities.
    pub fn body(
        self,
        doc: &DocMeta,
        text: &str,
        base: usize,
        entities: &[Entity],
        out: &mut Vec<u8>,
    ) {
        match self {
            Format::Conll => conll::write(text, base, entities, out),
            Format::Html => html::body(text, entities, out),
            Format::Jsonl => {
                // Room for every entity at once, rather than the buffer
                // doubling as it fills (about seven times a news article).
                out.reserve(entities.len() * ENTITY_JSON_BYTES);
                for (i, e) in entities.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    entity_json(e, out);
                }
            }
            Format::Csv => {
                if entities.is_empty() {
                    return;
                }
                let name = doc.name_text();
                let mut w = csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(&mut *out);
                for e in entities {
                    let value = match &e.value {
                        None => String::new(),
                        Some(Value::Int(i)) => i.to_string(),
                        Some(Value::Float(f)) => f.to_string(),
                        Some(Value::Timex(t)) => t.clone(),
                    };
                    let (start, end) = (e.start.to_string(), e.end.to_string());
                    w.write_record([
                        name.as_str(),
                        e.label.as_str(),
                        &e.text,
                        &start,
                        &end,
                        &e.norm,
                        &value,
                        e.kind.map_or("", |k| k.as_str()),
                        e.id.as_deref().unwrap_or(""),
                        e.source.as_str(),
                        e.link.map_or("", |l| l.as_str()),
                    ])
                    .expect("writing CSV to memory cannot fail");
                }
                w.flush().expect("writing CSV to memory cannot fail");
            }
        }
    }

    /// Written after a document's last piece.
    pub fn tail(self, out: &mut Vec<u8>) {
        if self == Format::Jsonl {
            out.extend_from_slice(b"]}\n");
        }
    }

    /// Writes a whole document at once.
    ///
    /// # Examples
    ///
    /// ```
    /// use kashf::output::{DocMeta, Format};
    ///
    /// let mut out = Vec::new();
    /// Format::Jsonl.document(&DocMeta::named("a.txt"), "نص", &[], &mut out);
    /// assert_eq!(out, b"{\"doc\":\"a.txt\",\"entities\":[]}\n");
    /// ```
    pub fn document(self, doc: &DocMeta, text: &str, entities: &[Entity], out: &mut Vec<u8>) {
        self.head(doc, out);
        self.body(doc, text, 0, entities, out);
        self.tail(out);
    }
}

fn json<T: serde::Serialize + ?Sized>(value: &T, out: &mut Vec<u8>) {
    serde_json::to_writer(&mut *out, value).expect("serialising to memory cannot fail");
}

/// About the length of an entity's JSON object on news text (166 bytes on
/// average over every 10th file of the corpus), a little over.
const ENTITY_JSON_BYTES: usize = 192;

/// Writes `e` as the JSON object serde would make of it (the same bytes:
/// the fields in declaration order, compact, strings escaped alike), with
/// no serializer in between: through serde, writing was a fifth of the
/// instructions of a `--no-model` run (callgrind). A test holds the two to
/// the same bytes.
fn entity_json(e: &Entity, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\"label\":\"");
    out.extend_from_slice(e.label.as_str().as_bytes());
    out.extend_from_slice(b"\",\"text\":");
    json_str(&e.text, out);
    out.extend_from_slice(b",\"start\":");
    decimal(e.start as u64, out);
    out.extend_from_slice(b",\"end\":");
    decimal(e.end as u64, out);
    out.extend_from_slice(b",\"norm\":");
    json_str(&e.norm, out);
    out.extend_from_slice(b",\"value\":");
    match &e.value {
        None => out.extend_from_slice(b"null"),
        Some(Value::Int(i)) => {
            if *i < 0 {
                out.push(b'-');
            }
            decimal(i.unsigned_abs(), out);
        }
        // Floats are rare, and their shortest form is serde_json's (ryu).
        Some(v @ Value::Float(_)) => json(v, out),
        Some(Value::Timex(t)) => json_str(t, out),
    }
    out.extend_from_slice(b",\"kind\":");
    keyword(e.kind.map(|k| k.as_str()), out);
    out.extend_from_slice(b",\"id\":");
    match &e.id {
        None => out.extend_from_slice(b"null"),
        Some(id) => json_str(id, out),
    }
    out.extend_from_slice(b",\"source\":\"");
    out.extend_from_slice(e.source.as_str().as_bytes());
    out.extend_from_slice(b"\",\"link\":");
    keyword(e.link.map(|l| l.as_str()), out);
    out.push(b'}');
}

/// Writes one of kashf's own names (a kind, a link: ASCII letters, nothing
/// to escape) as a JSON string, or `null`.
fn keyword(name: Option<&str>, out: &mut Vec<u8>) {
    match name {
        None => out.extend_from_slice(b"null"),
        Some(n) => {
            out.push(b'"');
            out.extend_from_slice(n.as_bytes());
            out.push(b'"');
        }
    }
}

/// Writes `n` in decimal.
fn decimal(mut n: u64, out: &mut Vec<u8>) {
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[at..]);
}

/// Writes `s` as a JSON string, escaped as serde_json escapes it: `"` and
/// `\\`, the control characters below U+0020 (`\\n`, `\\t` and the like
/// by name, the others as `\\u00XX` in lower-case hex); everything else,
/// non-ASCII included, as it is. Runs that need no escape are copied whole.
fn json_str(s: &str, out: &mut Vec<u8>) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut run = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b >= 0x20 && b != b'"' && b != b'\\' {
            continue;
        }
        out.extend_from_slice(&bytes[run..i]);
        run = i + 1;
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0C => out.extend_from_slice(b"\\f"),
            _ => out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 15)],
            ]),
        }
    }
    out.extend_from_slice(&bytes[run..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Kind, Label, Link, Source};

    fn entity() -> Entity {
        Entity {
            label: Label::Number,
            text: "ثلاثة آلاف, \"تقريبا\"".into(),
            start: 3,
            end: 13,
            norm: "ثلاثة الاف".into(),
            value: Some(Value::Int(3000)),
            kind: Some(Kind::Cardinal),
            id: None,
            source: Source::Pattern,
            link: None,
        }
    }

    #[test]
    fn jsonl_object_per_document() {
        let mut doc = DocMeta::named("x");
        doc.extra.insert("lang".into(), Json::String("ar".into()));
        let mut out = Vec::new();
        Format::Jsonl.document(&doc, "", &[entity(), entity()], &mut out);
        let line = String::from_utf8(out).unwrap();
        assert!(line.ends_with("]}\n") && line.matches('\n').count() == 1);
        let v: Json = serde_json::from_str(&line).unwrap();
        assert_eq!(v["doc"], "x");
        assert_eq!(v["lang"], "ar");
        let keys: Vec<_> = v.as_object().unwrap().keys().cloned().collect();
        assert_eq!(keys, ["doc", "lang", "entities"]);
        let e = &v["entities"][1];
        assert_eq!(e["value"], 3000);
        assert!(e["value"].is_i64());
        assert_eq!(e["kind"], "cardinal");
        assert_eq!(e["source"], "pattern");
        assert_eq!(e["label"], "NUMBER");
        assert!(e["id"].is_null());
        let fields: Vec<_> = e.as_object().unwrap().keys().cloned().collect();
        assert_eq!(
            fields,
            [
                "label", "text", "start", "end", "norm", "value", "kind", "id", "source", "link"
            ]
        );
    }

    /// Entities of every shape: each label, kind and source, no value, int,
    /// negative, float and TIMEX values, and texts that need escapes.
    fn shapes() -> Vec<Entity> {
        let texts = [
            "موسكو",
            "",
            "a\"b\\c/d",
            "\n\t\r\u{8}\u{c}\u{0}\u{1f}\u{7f}\u{2028}",
            "«قرة باغ» 😀",
        ];
        let values = [
            None,
            Some(Value::Int(0)),
            Some(Value::Int(-42)),
            Some(Value::Int(i64::MIN)),
            Some(Value::Float(1.5)),
            Some(Value::Float(1e21)),
            Some(Value::Float(-0.000_123)),
            Some(Value::Timex("2020-10-23".into())),
        ];
        let kinds = [None, Some(Kind::Cardinal), Some(Kind::Set)];
        let mut out = Vec::new();
        for (i, text) in texts.iter().enumerate() {
            for (j, value) in values.iter().enumerate() {
                let label = Label::ALL[(i + j) % Label::ALL.len()];
                out.push(Entity {
                    label,
                    text: (*text).into(),
                    start: i * 1000,
                    end: usize::MAX - j,
                    norm: texts[(i + 1) % texts.len()].into(),
                    value: value.clone(),
                    kind: kinds[j % kinds.len()],
                    id: (j % 2 == 0).then(|| format!("Q{i}{}", texts[j % texts.len()]).into()),
                    source: [
                        Source::Gazetteer,
                        Source::Variant,
                        Source::Rule,
                        Source::Linked,
                    ][j % 4],
                    link: [
                        None,
                        Some(Link::Exact),
                        Some(Link::Alias),
                        Some(Link::Variant),
                        Some(Link::Fuzzy),
                        Some(Link::Corpus),
                    ][(i + j) % 6],
                });
            }
        }
        out.push(Entity {
            source: Source::Pattern,
            ..out[0].clone()
        });
        out.push(Entity {
            source: Source::Model,
            ..out[0].clone()
        });
        out
    }

    #[test]
    fn entities_are_written_as_serde_writes_them() {
        for e in shapes() {
            let mut ours = Vec::new();
            entity_json(&e, &mut ours);
            let theirs = serde_json::to_vec(&e).unwrap();
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                String::from_utf8(theirs).unwrap(),
                "{e:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn any_string_is_escaped_as_serde_escapes_it(s in "\\PC*|[\\x00-\\x20\"\\\\a-z]*") {
            let mut ours = Vec::new();
            json_str(&s, &mut ours);
            proptest::prop_assert_eq!(ours, serde_json::to_vec(&s).unwrap());
        }
    }

    #[test]
    fn csv_rows_quote_and_round_trip() {
        let mut out = Vec::new();
        Format::Csv.start(&mut out);
        Format::Csv.document(&DocMeta::named("d,1"), "", &[entity()], &mut out);
        let mut r = csv::Reader::from_reader(out.as_slice());
        assert_eq!(
            r.headers().unwrap(),
            CSV_HEADER.split(',').collect::<Vec<_>>()
        );
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 1);
        let row: Vec<&str> = rows[0].iter().collect();
        assert_eq!(
            row,
            [
                "d,1",
                "NUMBER",
                "ثلاثة آلاف, \"تقريبا\"",
                "3",
                "13",
                "ثلاثة الاف",
                "3000",
                "cardinal",
                "",
                "pattern",
                ""
            ]
        );
    }
}
