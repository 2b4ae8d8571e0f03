//! `kashf extract --format html`: the page's data against the JSONL of the
//! same run, and the page as a real browser draws it. Chromium, headless,
//! dumps the DOM (`--dump-dom`): every entity of the JSONL is a highlighted
//! element of its document at its offsets, with its norm, id, link, value
//! and source on hover; the legend and the tables count what the JSONL
//! holds; a large run is paged. A screenshot of the fixtures' page is saved under
//! `target/tmp/html-view/` for a person to look at.
//!
//! The browser tests skip, saying so, where no `chromium` is on PATH
//! (Debian: `apt-get install chromium`; KASHF_CHROMIUM=PATH names another
//! build of Chromium or Chrome).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use regex::Regex;
use serde_json::Value;

mod common;
use common::{jsonl, run, stderr, stdout};

const REF_DATE: &str = "2021-03-12";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The JSONL and the HTML page of one run over `args`, from the root.
fn jsonl_and_page(args: &[&str], stdin: &[u8], dir: &Path) -> (Vec<Value>, String) {
    let common = ["extract", "-q", "--ref-date", REF_DATE];
    let out = run(root(), &[&common[..], args].concat(), stdin);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = dir.join("page.html");
    let page_arg = page.to_str().unwrap();
    let html = run(
        root(),
        &[&common[..], &["--format", "html", "-o", page_arg], args].concat(),
        stdin,
    );
    assert!(html.status.success(), "{}", stderr(&html));
    assert!(stdout(&html).is_empty());
    (jsonl(&out), std::fs::read_to_string(&page).unwrap())
}

/// The lines of the page's data element.
fn data_lines(page: &str) -> Vec<Value> {
    const OPEN: &str = "<script type=\"application/x-ndjson\" id=\"kashf-data\">\n";
    let data = &page[page.find(OPEN).expect("the data element") + OPEN.len()..];
    let data = &data[..data.find("</script>").unwrap()];
    data.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// The documents of the page's data: (name, text, entities), pieces joined.
fn page_data(page: &str) -> Vec<(Value, String, Vec<Value>)> {
    let mut docs: Vec<(Value, String, Vec<Value>)> = Vec::new();
    for rec in data_lines(page) {
        if let Some(name) = rec.get("doc") {
            docs.push((name.clone(), String::new(), Vec::new()));
        } else {
            let doc = docs.last_mut().expect("a piece after a document start");
            doc.1 += rec["text"].as_str().unwrap();
            doc.2
                .extend(rec["entities"].as_array().unwrap().iter().cloned());
        }
    }
    docs
}

#[test]
fn page_holds_the_run_and_fetches_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (docs, page) = jsonl_and_page(&["fixtures/news"], b"", dir.path());
    let data = page_data(&page);
    assert_eq!(data.len(), docs.len());
    assert!(docs.len() >= 8);
    for ((name, text, entities), doc) in data.iter().zip(&docs) {
        assert_eq!(name, &doc["doc"]);
        let file = std::fs::read_to_string(root().join(name.as_str().unwrap())).unwrap();
        assert_eq!(text, &file, "{name}");
        assert_eq!(entities, doc["entities"].as_array().unwrap(), "{name}");
    }
    // Outside the data, nothing that a browser would fetch.
    let (before, after) = page.split_at(page.find("kashf-data").unwrap());
    let after = &after[after.find("</script>").unwrap()..];
    for part in [before, after] {
        for fetch in [
            "src=", "href=", "url(", "@import", "http:", "https:", "//cdn",
        ] {
            assert!(!part.contains(fetch), "the page fetches something: {fetch}");
        }
    }
    assert!(page.starts_with("<!DOCTYPE html>") && page.ends_with("</html>\n"));
}

#[test]
fn page_joins_the_pieces_of_a_huge_document_and_escapes_its_data() {
    // Over two chunks of text, then a document whose text and name would
    // close the data element if written as they are.
    let article = std::fs::read_to_string(root().join("fixtures/news/01-ukraine.txt")).unwrap();
    let huge = article.repeat(2 * (1 << 20) / article.len() + 2);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a-huge.txt"), &huge).unwrap();
    let evil = "</script><script>alert(1)</script> <!-- زار الوزير موسكو";
    std::fs::write(dir.path().join("b.txt"), evil).unwrap();
    let folder = dir.path().to_str().unwrap();
    let (docs, page) = jsonl_and_page(&[folder], b"", dir.path());
    assert_eq!(
        page.matches("<script").count(),
        2,
        "the data and the page's script"
    );
    let data = page_data(&page);
    assert_eq!(data.len(), 2);
    assert_eq!(data[0].1, huge);
    // Two document starts, a line per piece (of at most a MiB) of the huge
    // one, and one.
    assert!(data_lines(&page).len() > 2 + huge.len().div_ceil(1 << 20));
    assert_eq!(data[1].1, evil);
    for ((_, _, entities), doc) in data.iter().zip(&docs) {
        assert_eq!(entities, doc["entities"].as_array().unwrap());
    }
}

#[test]
fn html_to_a_pipe_is_written() {
    let out = run(
        root(),
        &["extract", "--format", "html", "-"],
        "زار موسكو".as_bytes(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("\"text\":\"زار موسكو\""));
}

// ---- In the browser ----

/// Headless Chromium, or None (the test then skips, saying why).
fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("KASHF_CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            std::env::split_paths(&std::env::var_os("PATH")?)
                .map(|dir| dir.join(name))
                .find(|p| p.is_file())
        });
    if found.is_none() {
        eprintln!(
            "html_view: skipped: no chromium on PATH (Debian: apt-get install chromium; \
             or set KASHF_CHROMIUM)"
        );
    }
    found
}

/// Runs Chromium headless on `url` with `args`, and returns its standard
/// output. A browser that hangs is killed after two minutes. Its output
/// goes to files, which never fill up as pipes would.
fn browse(chromium: &Path, url: &str, args: &[&str]) -> String {
    let profile = tempfile::tempdir().unwrap();
    let (out, err) = (profile.path().join("stdout"), profile.path().join("stderr"));
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            // Root in a container has no user namespaces for the sandbox.
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(std::fs::File::create(&err).unwrap())
        .spawn()
        .expect("running chromium");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(120) {
            child.kill().unwrap();
            panic!("chromium did not finish in two minutes on {url}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let err = std::fs::read_to_string(&err).unwrap_or_default();
    assert!(status.success(), "chromium {args:?} {url}: {err}");
    std::fs::read_to_string(&out).unwrap()
}

fn file_url(path: &Path, hash: &str) -> String {
    format!("file://{}{hash}", path.canonicalize().unwrap().display())
}

/// Text or an attribute value as the DOM holds it.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

fn attrs(tag: &str) -> BTreeMap<String, String> {
    static ATTR: std::sync::LazyLock<Regex> =
        std::sync::LazyLock::new(|| Regex::new(r#"([a-z-]+)="([^"]*)""#).unwrap());
    ATTR.captures_iter(tag)
        .map(|c| (c[1].to_string(), unescape(&c[2])))
        .collect()
}

/// A highlighted entity as drawn: its attributes, its text, and where it
/// stands in the text drawn before it (in code points).
#[derive(Debug)]
struct Mark {
    attrs: BTreeMap<String, String>,
    text: String,
    at: usize,
}

/// A document drawn in the DOM.
struct Drawn {
    name: String,
    /// The attributes of its `<details>` (`open` where it is open).
    details: BTreeMap<String, String>,
    /// Its highlighted entities, or None where its text is not drawn.
    marks: Option<Vec<Mark>>,
}

/// The documents drawn in the DOM, in order.
fn drawn(dom: &str) -> Vec<Drawn> {
    let article =
        Regex::new(r#"<article class="doc" data-doc="([^"]*)"><details([^>]*)>"#).unwrap();
    let token = Regex::new(r"(?s)<mark ([^>]*)>([^<]*)</mark>|([^<]+)").unwrap();
    let mut docs = Vec::new();
    for c in article.captures_iter(dom) {
        let body = &dom[c.get(0).unwrap().end()..];
        let body = &body[..body.find("</article>").unwrap()];
        const TEXT: &str = r#"<div class="text" dir="rtl" lang="ar">"#;
        let marks = body.find(TEXT).map(|at| {
            let text = &body[at + TEXT.len()..];
            let text = &text[..text.find("</div>").unwrap()];
            let (mut marks, mut at) = (Vec::new(), 0);
            for t in token.captures_iter(text) {
                if let Some(tag) = t.get(1) {
                    let text = unescape(&t[2]);
                    let len = text.chars().count();
                    marks.push(Mark {
                        attrs: attrs(tag.as_str()),
                        text,
                        at,
                    });
                    at += len;
                } else {
                    at += unescape(&t[3]).chars().count();
                }
            }
            marks
        });
        docs.push(Drawn {
            name: unescape(&c[1]),
            details: attrs(&c[2]),
            marks,
        });
    }
    docs
}

/// What the JSONL says an entity shows on hover, as the page writes it.
fn value_text(e: &Value) -> Option<String> {
    match &e["value"] {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        v => Some(v.to_string()),
    }
}

/// The most frequent norms per label of `entities`, as the page ranks them:
/// by count, then by norm.
fn top(entities: &[&Value], label: &str, n: usize) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for e in entities.iter().filter(|e| e["label"] == label) {
        *counts
            .entry(e["norm"].as_str().unwrap().to_string())
            .or_default() += 1;
    }
    let mut rows: Vec<(String, usize)> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    rows.truncate(n);
    rows
}

/// The rows (norm, count) of the frequency table of `label` in `html`.
fn table_rows(html: &str, label: &str) -> Vec<(String, usize)> {
    let Some(at) = html.find(&format!("<table class=\"{label}\">")) else {
        return Vec::new();
    };
    let table = &html[at..];
    let table = &table[..table.find("</table>").unwrap()];
    let row =
        Regex::new(r#"<td class="name"[^>]*>([^<]*)</td><td class="count">([0-9]+)</td>"#).unwrap();
    row.captures_iter(table)
        .map(|c| (unescape(&c[1]), c[2].parse().unwrap()))
        .collect()
}

#[test]
fn chromium_draws_every_entity_of_the_jsonl_at_its_offsets() {
    let Some(chromium) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let (docs, _) = jsonl_and_page(&["fixtures/news"], b"", dir.path());
    let page = dir.path().join("page.html");
    let dom = browse(&chromium, &file_url(&page, ""), &["--dump-dom"]);

    let drawn = drawn(&dom);
    assert_eq!(drawn.len(), docs.len(), "one article per document");
    let mut all = Vec::new();
    let mut links = 0;
    for (
        Drawn {
            name,
            details,
            marks,
        },
        doc,
    ) in drawn.iter().zip(&docs)
    {
        assert_eq!(name, doc["doc"].as_str().unwrap());
        assert!(
            details.contains_key("open"),
            "{name}: a short run opens its documents"
        );
        let marks = marks
            .as_ref()
            .unwrap_or_else(|| panic!("{name}: its text is drawn"));
        let entities = doc["entities"].as_array().unwrap();
        assert_eq!(marks.len(), entities.len(), "{name}: one mark per entity");
        for (m, e) in marks.iter().zip(entities) {
            let label = e["label"].as_str().unwrap();
            let (start, end) = (e["start"].as_u64().unwrap(), e["end"].as_u64().unwrap());
            let at = format!("{name} {label} {start}..{end}");
            assert_eq!(m.attrs["class"], format!("ent {label}"), "{at}");
            assert_eq!(m.attrs["data-label"], label, "{at}");
            assert_eq!(m.attrs["data-start"], start.to_string(), "{at}");
            assert_eq!(m.attrs["data-end"], end.to_string(), "{at}");
            assert_eq!(m.at as u64, start, "{at}: drawn where the offsets say");
            assert_eq!(m.text, e["text"].as_str().unwrap(), "{at}");
            let norm = e["norm"].as_str().unwrap();
            assert_eq!(m.attrs["data-norm"], norm, "{at}");
            let title = &m.attrs["title"];
            assert!(title.starts_with(label), "{at}: {title}");
            assert!(title.contains(&format!("norm: {norm}")), "{at}: {title}");
            match e["id"].as_str() {
                Some(id) => assert!(title.contains(&format!("id: {id}")), "{at}: {title}"),
                None => assert!(!title.contains("id: "), "{at}: {title}"),
            }
            match e["link"].as_str() {
                Some(link) => {
                    assert!(title.contains(&format!("link: {link}")), "{at}: {title}");
                    assert_eq!(m.attrs["data-link"], link, "{at}");
                    links += 1;
                }
                None => assert!(
                    !title.contains("link: ") && !m.attrs.contains_key("data-link"),
                    "{at}: {title}"
                ),
            }
            assert!(
                title.ends_with(&format!("source: {}", e["source"].as_str().unwrap())),
                "{at}: {title}"
            );
            match value_text(e) {
                Some(v) => assert!(title.contains(&format!("value: {v}")), "{at}: {title}"),
                None => assert!(!title.contains("value: "), "{at}: {title}"),
            }
            all.push(e);
        }
    }
    assert!(all.len() > 50, "the fixtures have entities of every label");
    assert!(links > 10, "the fixtures have linked names");

    // The legend counts the run's entities per label, and the run's table
    // ranks its most frequent ones.
    let legend = &dom[dom.find("id=\"legend\"").unwrap()..dom.find("id=\"pager\"").unwrap()];
    for label in ["PERSON", "PLACE", "ORG", "NUMBER", "DATE"] {
        let n = all.iter().filter(|e| e["label"] == label).count();
        assert!(n > 0, "the fixtures have {label}s");
        let shown = format!(r#"data-label="{label}">{label}<span class="n">{n}</span>"#);
        assert!(legend.contains(&shown), "legend: {shown} in {legend}");
        let run_table = &dom[dom.find("id=\"run\"").unwrap()..dom.find("id=\"docs\"").unwrap()];
        assert_eq!(
            table_rows(run_table, label),
            top(&all, label, 20),
            "{label}"
        );
    }
    let summary = format!("{} documents, {} entities", docs.len(), all.len());
    assert!(dom.contains(&format!("<span id=\"summary\">{summary}</span>")));

    // A picture for a person to look at.
    let shots = Path::new(env!("CARGO_TARGET_TMPDIR")).join("html-view");
    std::fs::create_dir_all(&shots).unwrap();
    let png = shots.join("fixtures.png");
    let _ = std::fs::remove_file(&png);
    let shot = format!("--screenshot={}", png.display());
    browse(
        &chromium,
        &file_url(&page, ""),
        &[&shot, "--window-size=1280,1400"],
    );
    let bytes = std::fs::read(&png).expect("chromium saved the screenshot");
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n") && bytes.len() > 20_000);
    eprintln!("html_view: screenshot at {}", png.display());
}

#[test]
fn chromium_pages_a_large_run_and_filters_it() {
    let Some(chromium) = chromium() else { return };
    // 45 documents: the fixtures again and again, named d00 … d44.
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("fixtures/news"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let texts: Vec<String> = files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let mut input = String::new();
    for i in 0..45 {
        let line = serde_json::json!({"id": format!("d{i:02}"), "text": texts[i % texts.len()]});
        input += &format!("{line}\n");
    }
    let dir = tempfile::tempdir().unwrap();
    let (docs, _) = jsonl_and_page(&["--input", "jsonl"], input.as_bytes(), dir.path());
    let page = dir.path().join("page.html");
    let names = |drawn: &[Drawn]| drawn.iter().map(|d| d.name.clone()).collect::<Vec<_>>();

    // The first page: 20 documents, the first five drawn, the others
    // collapsed and drawn when opened.
    let dom = browse(&chromium, &file_url(&page, ""), &["--dump-dom"]);
    let first = drawn(&dom);
    let want: Vec<String> = (0..20).map(|i| format!("d{i:02}")).collect();
    assert_eq!(names(&first), want);
    for (
        i,
        Drawn {
            name,
            details,
            marks,
        },
    ) in first.iter().enumerate()
    {
        assert_eq!(details.contains_key("open"), i < 5, "{name}");
        assert_eq!(marks.is_some(), i < 5, "{name}");
        if let Some(marks) = marks {
            assert_eq!(marks.len(), docs[i]["entities"].as_array().unwrap().len());
        }
    }
    assert!(dom.contains("page 1 of 3 (45 documents)"), "page info");

    // The last page, with two labels unhighlighted and their tables hidden.
    let dom = browse(
        &chromium,
        &file_url(&page, "#page=3&hide=DATE,NUMBER"),
        &["--dump-dom"],
    );
    assert_eq!(names(&drawn(&dom)), ["d40", "d41", "d42", "d43", "d44"]);
    assert!(dom.contains("page 3 of 3 (45 documents)"));
    let body = Regex::new(r#"<body class="([^"]*)">"#).unwrap();
    let classes = &body.captures(&dom).expect("body classes")[1];
    let mut classes: Vec<&str> = classes.split_whitespace().collect();
    classes.sort();
    assert_eq!(classes, ["hide-DATE", "hide-NUMBER"]);

    // Documents by name, every one on a page.
    let dom = browse(
        &chromium,
        &file_url(&page, "#find=d1&per=0"),
        &["--dump-dom"],
    );
    let want: Vec<String> = (10..20).map(|i| format!("d{i}")).collect();
    assert_eq!(names(&drawn(&dom)), want);
    assert!(dom.contains("page 1 of 1 (10 documents)"));
}
