//! `kashf variants --format html`: the report as one page a person reads
//! in a browser. A table, right-to-left, one group of rows per entity (its
//! id, label, norm and mentions once, then one row per spelling, with its
//! count, first document and example, the mention highlighted). Styles
//! inline; nothing is fetched; every text is escaped.

use std::fmt::Write as _;

use kashf::Label;

use super::Example;

/// One spelling of an entity.
pub(super) struct Row<'a> {
    pub spelling: &'a str,
    pub count: u64,
    pub doc: String,
    pub example: Option<&'a Example>,
}

const HEAD: &str = r#"<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>kashf variants</title>
<style>
body { font-family: system-ui, "Noto Naskh Arabic", "Noto Sans Arabic", sans-serif; margin: 16px; color: #222; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ddd; padding: 4px 8px; text-align: start; vertical-align: top; }
th { position: sticky; top: 0; background: #f4f4f4; }
tbody.entity { border-top: 2px solid #999; }
td.id, td.doc { direction: ltr; unicode-bidi: isolate; font-family: ui-monospace, monospace; font-size: 12px; color: #555; }
td.n { text-align: end; font-variant-numeric: tabular-nums; }
td.label { font-size: 12px; }
mark { background: #ffe08a; }
.PERSON { color: #8a2be2; } .PLACE { color: #1a7f37; } .ORG { color: #b35900; }
</style>
</head>
<body>
"#;

/// The page up to the first entity.
pub(super) fn start(entities: usize, out: &mut Vec<u8>) {
    out.extend_from_slice(HEAD.as_bytes());
    let mut s = String::new();
    let _ = write!(
        s,
        "<h1>kashf variants</h1>\n<p id=\"summary\">{entities} entities</p>\n<table>\n\
         <thead><tr><th>id</th><th>label</th><th>norm</th><th>mentions</th>\
         <th>spelling</th><th>count</th><th>document</th><th>example</th></tr></thead>\n"
    );
    out.extend_from_slice(s.as_bytes());
}

/// One entity and its spellings.
pub(super) fn entity(
    id: &str,
    label: Label,
    norm: &str,
    mentions: u64,
    rows: &[Row<'_>],
    out: &mut Vec<u8>,
) {
    let mut s = String::new();
    let _ = write!(s, "<tbody class=\"entity\" data-id=\"{}\">", escape(id));
    for (i, r) in rows.iter().enumerate() {
        s.push_str("<tr>");
        if i == 0 {
            let span = rows.len();
            let label = label.as_str();
            let _ = write!(
                s,
                "<td class=\"id\" rowspan=\"{span}\">{}</td>\
                 <td class=\"label {label}\" rowspan=\"{span}\">{label}</td>\
                 <td class=\"norm\" rowspan=\"{span}\">{}</td>\
                 <td class=\"n\" rowspan=\"{span}\">{mentions}</td>",
                escape(id),
                escape(norm),
            );
        }
        let _ = write!(
            s,
            "<td class=\"spelling\">{}</td><td class=\"n\">{}</td><td class=\"doc\">{}</td>",
            escape(r.spelling),
            r.count,
            escape(&r.doc),
        );
        match r.example {
            Some(e) => {
                let _ = write!(
                    s,
                    "<td class=\"example\">{}<mark>{}</mark>{}</td>",
                    escape(&e.before),
                    escape(&e.mention),
                    escape(&e.after),
                );
            }
            None => s.push_str("<td class=\"example\"></td>"),
        }
        s.push_str("</tr>\n");
    }
    s.push_str("</tbody>\n");
    out.extend_from_slice(s.as_bytes());
}

/// The rest of the page.
pub(super) fn end(out: &mut Vec<u8>) {
    out.extend_from_slice(b"</table>\n</body>\n</html>\n");
}

/// Text as HTML text or attribute value.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_the_page_fetches_nothing() {
        let example = Example {
            before: "<b>قال".into(),
            mention: "a&b".into(),
            after: "\"</td>".into(),
        };
        let rows = [Row {
            spelling: "<script>",
            count: 2,
            doc: "x'.txt".into(),
            example: Some(&example),
        }];
        let mut out = Vec::new();
        start(1, &mut out);
        entity("kashf:auto:1", Label::Place, "</table>", 2, &rows, &mut out);
        end(&mut out);
        let page = String::from_utf8(out).unwrap();
        assert!(
            page.contains("<td class=\"spelling\">&lt;script&gt;</td>"),
            "{page}"
        );
        assert!(
            page.contains("&lt;b&gt;قال<mark>a&amp;b</mark>&quot;&lt;/td&gt;"),
            "{page}"
        );
        assert!(page.contains("<td class=\"doc\">x&#39;.txt</td>"), "{page}");
        assert_eq!(page.matches("</table>").count(), 1, "{page}");
        for fetch in ["src=", "href=", "url(", "@import", "http:", "https:"] {
            assert!(!page.contains(fetch), "the page fetches something: {fetch}");
        }
        assert!(page.starts_with("<!DOCTYPE html>") && page.ends_with("</html>\n"));
    }
}
