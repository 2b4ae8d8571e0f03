//! The HTML view: one self-contained page (`view.html`: its styles and
//! script inline, no fonts or files fetched) that shows each document
//! right-to-left with its entities highlighted by label, their `norm`,
//! `id`, `link`, `value` and `source` on hover, the most frequent entities
//! per label of each document and of the whole run, a filter by label, and
//! pages of documents so that large runs stay usable.
//!
//! The page is written as it streams: the template up to its data marker,
//! then one NDJSON line per document start (`{"doc": …, "extra": {…}}`)
//! and one per piece of its text (`{"text": …, "entities": [ … ]}`, the
//! entities as in the JSONL, offsets in code points of the document),
//! inside a `<script type="application/x-ndjson">` element, then the rest
//! of the template, whose script draws the documents from that data. A
//! `<` in the data is written `\u003c`, so no text can close the element.

use serde::Serialize;
use serde_json::{Map, Value as Json};

use crate::doc::Entity;

use super::DocMeta;

/// The page; the data goes where [`MARKER`] stands.
const TEMPLATE: &str = include_str!("view.html");
const MARKER: &str = "<!-- DATA -->\n";
const OPEN: &str = "<script type=\"application/x-ndjson\" id=\"kashf-data\">\n";
const CLOSE: &str = "</script>\n";

fn halves() -> (&'static str, &'static str) {
    let at = TEMPLATE
        .find(MARKER)
        .expect("view.html has its data marker");
    (&TEMPLATE[..at], &TEMPLATE[at + MARKER.len()..])
}

/// The page up to the data.
pub(super) fn start(out: &mut Vec<u8>) {
    out.extend_from_slice(halves().0.as_bytes());
    out.extend_from_slice(OPEN.as_bytes());
}

/// A document starts.
pub(super) fn head(doc: &DocMeta, out: &mut Vec<u8>) {
    #[derive(Serialize)]
    struct Head<'a> {
        doc: &'a Json,
        extra: &'a Map<String, Json>,
    }
    line(
        &Head {
            doc: &doc.name,
            extra: &doc.extra,
        },
        out,
    );
}

/// One piece of a document's text, with its entities.
pub(super) fn body(text: &str, entities: &[Entity], out: &mut Vec<u8>) {
    #[derive(Serialize)]
    struct Piece<'a> {
        text: &'a str,
        entities: &'a [Entity],
    }
    line(&Piece { text, entities }, out);
}

/// The rest of the page after the data.
pub(super) fn end(out: &mut Vec<u8>) {
    out.extend_from_slice(CLOSE.as_bytes());
    out.extend_from_slice(halves().1.as_bytes());
}

/// `value` as one line of JSON with every `<` escaped.
fn line<T: Serialize>(value: &T, out: &mut Vec<u8>) {
    let json = serde_json::to_vec(value).expect("serialising to memory cannot fail");
    // `<` only stands inside JSON strings, where `\u003c` means the same.
    for b in json {
        if b == b'<' {
            out.extend_from_slice(b"\\u003c");
        } else {
            out.push(b);
        }
    }
    out.push(b'\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_has_one_marker_and_no_external_resources() {
        assert_eq!(TEMPLATE.matches(MARKER).count(), 1);
        for fetch in ["src=", "href=", "@import", "url(", "http://", "https://"] {
            assert!(
                !TEMPLATE.contains(fetch),
                "view.html fetches something: {fetch}"
            );
        }
    }

    #[test]
    fn data_cannot_close_its_script() {
        let mut out = Vec::new();
        start(&mut out);
        let doc = DocMeta::named("</script><script>alert(1)</script>");
        head(&doc, &mut out);
        body("a </script> <!-- b", &[], &mut out);
        end(&mut out);
        let page = String::from_utf8(out).unwrap();
        // The data element's only closing tag is its own.
        let data = &page[page.find(OPEN).unwrap() + OPEN.len()..];
        let data = &data[..data.find("</script>").unwrap()];
        let lines: Vec<Json> = data
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines[0]["doc"], "</script><script>alert(1)</script>");
        assert_eq!(lines[1]["text"], "a </script> <!-- b");
        assert!(page.ends_with("</html>\n"));
    }
}
