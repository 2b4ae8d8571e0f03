//! JSONL records: one line of UTF-8 (after transcoding) in, a document's
//! metadata and its text out.
//!
//! In: a line of the input and the [`TextStream`] that reads it (for the
//! decoding options and the encoding it was transcoded from). Out: the
//! record's `id` (or the fallback name) and its other fields as a
//! [`DocMeta`], and its `text`, unescaped in place in the line and borrowed
//! from it, so a record is held once, whatever its size.
//!
//! Invariants: a key given twice counts once, the last (as in serde_json,
//! Python and jq); a record's own `doc` or `entities` is renamed
//! `input_doc` / `input_entities`, never dropped nor doubled.

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::{Map, Value as Json};

use super::decode::TextStream;
use super::{SKIPPED, settled};
use crate::error::{Error, ErrorKind, Result};
use crate::output::DocMeta;

/// One JSONL record as parsed: `text` left as its raw JSON string in the
/// line, the other fields parsed.
#[derive(Default)]
struct Record<'a> {
    text: Option<&'a RawValue>,
    id: Option<Json>,
    extra: Map<String, Json>,
}

impl<'de> Deserialize<'de> for Record<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct Fields;
        impl<'de> Visitor<'de> for Fields {
            type Value = Record<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<Record<'de>, A::Error> {
                // A key given twice: the last one counts, as in serde_json,
                // Python and jq.
                let mut record = Record::default();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "text" => record.text = Some(map.next_value()?),
                        "id" => record.id = Some(map.next_value()?),
                        _ => {
                            record.extra.insert(key, map.next_value()?);
                        }
                    }
                }
                Ok(record)
            }
        }
        d.deserialize_map(Fields)
    }
}

/// Parses one JSONL input line (UTF-8 after transcoding) into its document
/// and text. The text is unescaped in place in `line` and borrowed from it.
pub(super) fn json_document<'a>(
    line: &'a mut Vec<u8>,
    fallback_name: Json,
    stream: &TextStream,
) -> Result<(DocMeta, &'a str)> {
    // Without its line break: serde would count a truncated line's error
    // on the line after it («line 2 column 0»).
    let mut end = line.len();
    for b in [b'\n', b'\r'] {
        if end > 0 && line[end - 1] == b {
            end -= 1;
        }
    }
    line.truncate(end);
    if let Err(e) = std::str::from_utf8(line) {
        if !stream.options.lossy {
            let what = match stream.transcoded {
                Some(encoding) => format!("invalid {encoding} in the line"),
                None => format!("invalid UTF-8 at byte {} of the line", e.valid_up_to()),
            };
            return Err(settled(Error::new(ErrorKind::Encoding, what), SKIPPED));
        }
        *line = String::from_utf8_lossy(line).into_owned().into_bytes();
    }
    let text = std::str::from_utf8(line).expect("checked above");
    let (range, id, mut extra) = {
        let record: Record = serde_json::from_str(text)
            .map_err(|e| Error::new(ErrorKind::Json, format!("malformed JSON: {e}")))?;
        let raw = match record.text {
            Some(raw) if raw.get().starts_with('"') => raw.get(),
            Some(_) => return Err(Error::new(ErrorKind::Json, "\"text\" is not a string")),
            None => return Err(Error::new(ErrorKind::Json, "no \"text\" field")),
        };
        let start = raw.as_ptr() as usize - text.as_ptr() as usize;
        (start..start + raw.len(), record.id, record.extra)
    };
    let len = unescape_in_place(&mut line[range.clone()], stream.options.lossy)?;
    for key in ["doc", "entities"] {
        if extra.contains_key(key) {
            let mut renamed = format!("input_{key}");
            while extra.contains_key(&renamed) {
                renamed.insert_str(0, "input_");
            }
            extra = extra
                .into_iter()
                .map(|(k, v)| (if k == key { renamed.clone() } else { k }, v))
                .collect();
        }
    }
    let name = match id {
        Some(Json::Null) | None => fallback_name,
        Some(id) => id,
    };
    let text = &line[range.start..range.start + len];
    let text = std::str::from_utf8(text).expect("an unescaped JSON string is UTF-8");
    Ok((DocMeta { name, extra }, text))
}

/// Unescapes the JSON string literal in `s` (quotes included, already
/// checked by the parser) in place: every escape is at least as long as
/// what it stands for, so the text never overtakes the literal. Returns the
/// length of the text, now at the start of `s`. A lone surrogate (`\ud800`)
/// is an error, or U+FFFD when `lossy`.
fn unescape_in_place(s: &mut [u8], lossy: bool) -> Result<usize> {
    let malformed = |what: &str| Error::new(ErrorKind::Json, format!("malformed JSON: {what}"));
    let end = s.len() - 1; // the closing quote
    let (mut r, mut w) = (1, 0);
    let hex = |s: &[u8], at: usize| -> Option<u32> {
        let digits = std::str::from_utf8(s.get(at..at + 4)?).ok()?;
        u32::from_str_radix(digits, 16).ok()
    };
    while r < end {
        let run = memchr::memchr(b'\\', &s[r..end]).unwrap_or(end - r);
        s.copy_within(r..r + run, w);
        r += run;
        w += run;
        if r >= end {
            break;
        }
        let (c, len) = match s.get(r + 1) {
            Some(b'"') => ('"', 2),
            Some(b'\\') => ('\\', 2),
            Some(b'/') => ('/', 2),
            Some(b'b') => ('\u{8}', 2),
            Some(b'f') => ('\u{c}', 2),
            Some(b'n') => ('\n', 2),
            Some(b'r') => ('\r', 2),
            Some(b't') => ('\t', 2),
            Some(b'u') => {
                let u = hex(s, r + 2).ok_or_else(|| malformed("bad \\u escape in \"text\""))?;
                let low = (s.get(r + 6..r + 8) == Some(b"\\u"))
                    .then(|| hex(s, r + 8))
                    .flatten()
                    .filter(|l| (0xDC00..0xE000).contains(l));
                match (u, low) {
                    (0xD800..0xDC00, Some(l)) => {
                        let c = 0x10000 + ((u - 0xD800) << 10) + (l - 0xDC00);
                        (char::from_u32(c).expect("a surrogate pair"), 12)
                    }
                    (0xD800..0xE000, _) if lossy => ('\u{FFFD}', 6),
                    (0xD800..0xE000, _) => {
                        return Err(malformed("lone surrogate in \"text\""));
                    }
                    _ => (char::from_u32(u).expect("not a surrogate"), 6),
                }
            }
            _ => return Err(malformed("bad escape in \"text\"")),
        };
        w += c.encode_utf8(&mut s[w..w + 4]).len();
        r += len;
    }
    Ok(w)
}
