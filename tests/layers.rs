//! The library's modules are layers: each imports only from the modules
//! listed before it in the `# Layers` block of `src/lib.rs`, never from one
//! listed after it or beside it on its own line. The order is written down
//! there once; this test reads it from there and fails on a module that
//! names a module above its own (`use crate::extract::…` in the gazetteer,
//! say), with the file, the line and the path.
//!
//! What counts as naming a module: a path that starts with `crate::`,
//! `super::`, `self::` or the name of a child module (`mod x;`), in a `use`
//! declaration (groups included) or in code. Comments, strings and
//! `#[cfg(test)]` items are left out: a unit test may drive the whole
//! pipeline to check what its stage does in it. The binary (`src/main.rs`
//! and `src/cli/`) uses the library from above and is not scanned.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// The layers of `src/lib.rs`: one line of module names per layer, in
/// order, read from the `text` block after its `# Layers` heading. Each
/// line is the names (separated by commas) then, after two spaces or more,
/// what they are.
fn layers(lib: &str) -> Vec<Vec<String>> {
    let docs: Vec<&str> = lib
        .lines()
        .filter_map(|l| l.strip_prefix("//!"))
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect();
    let heading = docs
        .iter()
        .position(|l| *l == "# Layers")
        .expect("src/lib.rs has no `# Layers` section");
    let open = heading
        + docs[heading..]
            .iter()
            .position(|l| l.starts_with("```"))
            .expect("the `# Layers` section has no code block");
    docs[open + 1..]
        .iter()
        .take_while(|l| !l.starts_with("```"))
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let names = l.split("  ").next().unwrap_or("");
            names
                .split(',')
                .map(|n| n.trim().to_owned())
                .filter(|n| !n.is_empty())
                .collect()
        })
        .collect()
}

/// `src` with comments, string literals and character literals replaced
/// by spaces (line breaks kept, so that line numbers still hold).
fn blank(src: &str) -> String {
    let b: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let blank_to = |out: &mut String, from: &[char]| {
        for &c in from {
            out.push(if c == '\n' { '\n' } else { ' ' });
        }
    };
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            let end = b[i..]
                .iter()
                .position(|&c| c == '\n')
                .map_or(b.len(), |p| i + p);
            blank_to(&mut out, &b[i..end]);
            i = end;
        } else if c == '/' && next == Some('*') {
            let (mut depth, mut j) = (1, i + 2);
            while j < b.len() && depth > 0 {
                if b[j] == '/' && b.get(j + 1) == Some(&'*') {
                    depth += 1;
                    j += 2;
                } else if b[j] == '*' && b.get(j + 1) == Some(&'/') {
                    depth -= 1;
                    j += 2;
                } else {
                    j += 1;
                }
            }
            blank_to(&mut out, &b[i..j]);
            i = j;
        } else if (c == 'r' || c == 'b')
            && !b[..i]
                .last()
                .is_some_and(|p| p.is_alphanumeric() || *p == '_')
            && raw_string_start(&b[i..]).is_some()
        {
            let (hashes, quote) = raw_string_start(&b[i..]).unwrap();
            let mut j = i + quote + 1;
            loop {
                if j >= b.len() {
                    break;
                }
                if b[j] == '"'
                    && b[j + 1..]
                        .iter()
                        .take(hashes)
                        .filter(|&&h| h == '#')
                        .count()
                        == hashes
                {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            blank_to(&mut out, &b[i..j.min(b.len())]);
            i = j;
        } else if c == '"' {
            let mut j = i + 1;
            while j < b.len() && b[j] != '"' {
                j += if b[j] == '\\' { 2 } else { 1 };
            }
            let end = (j + 1).min(b.len());
            blank_to(&mut out, &b[i..end]);
            i = end;
        } else if c == '\'' {
            // A character literal ('x', '\n', '\u{0621}'), or a lifetime.
            let end = if next == Some('\\') {
                b[i + 2..]
                    .iter()
                    .position(|&c| c == '\'')
                    .map(|p| i + 2 + p + 1)
            } else if b.get(i + 2) == Some(&'\'') {
                Some(i + 3)
            } else {
                None
            };
            match end {
                Some(end) => {
                    blank_to(&mut out, &b[i..end]);
                    i = end;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// If `b` starts a raw string (`r"`, `r#"`, `br##"`, …): the number of
/// `#`s and the index of the opening quote.
fn raw_string_start(b: &[char]) -> Option<(usize, usize)> {
    let mut i = 0;
    if b.first() == Some(&'b') {
        i += 1;
    }
    if b.get(i) != Some(&'r') {
        return None;
    }
    i += 1;
    let hashes = b[i..].iter().take_while(|&&c| c == '#').count();
    (b.get(i + hashes) == Some(&'"')).then_some((hashes, i + hashes))
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Ident(String),
    PathSep,
    Open,
    Close,
    Semi,
    Other(char),
}

/// The tokens of blanked source, each with its line number.
fn tokens(src: &str) -> Vec<(Tok, usize)> {
    let mut out = Vec::new();
    let mut line = 1;
    let mut chars = src.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => line += 1,
            c if c.is_whitespace() => {}
            c if c.is_alphabetic() || c == '_' => {
                let mut id = String::from(c);
                while let Some(&n) = chars.peek() {
                    if n.is_alphanumeric() || n == '_' {
                        id.push(n);
                        chars.next();
                    } else {
                        break;
                    }
                }
                out.push((Tok::Ident(id), line));
            }
            ':' if chars.peek() == Some(&':') => {
                chars.next();
                out.push((Tok::PathSep, line));
            }
            '{' => out.push((Tok::Open, line)),
            '}' => out.push((Tok::Close, line)),
            ';' => out.push((Tok::Semi, line)),
            c => out.push((Tok::Other(c), line)),
        }
    }
    out
}

/// A path one module names: where, as written, and the module path it
/// resolves to (the crate root is empty).
#[derive(Debug)]
struct Reference {
    line: usize,
    written: String,
    target: Vec<String>,
}

/// What a file names: its references, and the child modules it declares
/// only for tests (`#[cfg(test)] mod tests;`), whose files are not scanned.
struct Scan {
    refs: Vec<Reference>,
    test_children: Vec<String>,
}

/// The index after the item that starts at `i` (after its attributes):
/// after its `;`, or after the `}` that closes its first `{`.
fn item_end(t: &[(Tok, usize)], mut i: usize) -> usize {
    while i < t.len() {
        match t[i].0 {
            Tok::Semi => return i + 1,
            Tok::Open => {
                let mut depth = 0;
                while i < t.len() {
                    match t[i].0 {
                        Tok::Open => depth += 1,
                        Tok::Close => {
                            depth -= 1;
                            if depth == 0 {
                                return i + 1;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    t.len()
}

/// Whether `#[cfg(test)]` starts at token `i`.
fn cfg_test_at(t: &[(Tok, usize)], i: usize) -> bool {
    let want = ["#", "[", "cfg", "(", "test", ")", "]"];
    want.iter().enumerate().all(|(n, w)| match t.get(i + n) {
        Some((Tok::Ident(s), _)) => s == w,
        Some((Tok::Other(c), _)) => w.len() == 1 && w.starts_with(*c),
        _ => false,
    })
}

/// The leaves of the use tree at token `i`, as segment lists; and the
/// index after the tree.
fn use_tree(
    t: &[(Tok, usize)],
    mut i: usize,
    prefix: &[String],
    out: &mut Vec<Vec<String>>,
) -> usize {
    let mut path = prefix.to_vec();
    loop {
        match t.get(i).map(|x| &x.0) {
            Some(Tok::Ident(s)) => {
                path.push(s.clone());
                i += 1;
                if let Some(Tok::Ident(a)) = t.get(i).map(|x| &x.0)
                    && a == "as"
                {
                    i += 2;
                }
                if t.get(i).map(|x| &x.0) == Some(&Tok::PathSep) {
                    i += 1;
                    continue;
                }
                out.push(path);
                return i;
            }
            Some(Tok::Other('*')) => {
                out.push(path);
                return i + 1;
            }
            Some(Tok::Open) => {
                i += 1;
                loop {
                    match t.get(i).map(|x| &x.0) {
                        Some(Tok::Close) => return i + 1,
                        Some(Tok::Other(',')) => i += 1,
                        None => return i,
                        _ => i = use_tree(t, i, &path, out),
                    }
                }
            }
            _ => {
                out.push(path);
                return i;
            }
        }
    }
}

/// Resolves `segments` (as written in module `module`, whose declared
/// children are `children`) to a module path of this crate, if it names
/// one.
fn resolve(
    segments: &[String],
    module: &[String],
    children: &BTreeSet<String>,
) -> Option<Vec<String>> {
    let first = segments.first()?;
    let mut at: Vec<String>;
    let mut rest = &segments[1..];
    match first.as_str() {
        "crate" => at = Vec::new(),
        "self" => at = module.to_vec(),
        "super" => {
            at = module.to_vec();
            at.pop();
            while rest.first().is_some_and(|s| s == "super") {
                at.pop();
                rest = &rest[1..];
            }
        }
        name if children.contains(name) => {
            at = module.to_vec();
            rest = segments;
        }
        _ => return None,
    }
    at.extend(rest.iter().cloned());
    Some(at)
}

/// The references of one file of module `module`.
fn scan(src: &str, module: &[String]) -> Scan {
    let t = tokens(&blank(src));
    let ident = |i: usize| match t.get(i) {
        Some((Tok::Ident(s), _)) => Some(s.as_str()),
        _ => None,
    };
    let mut children = BTreeSet::new();
    let mut test_children = Vec::new();
    for i in 0..t.len() {
        if ident(i) == Some("mod")
            && let Some(name) = ident(i + 1)
        {
            children.insert(name.to_owned());
            let test = (i >= 7 && cfg_test_at(&t, i - 7))
                || (i >= 8 && ident(i - 1).is_some_and(|p| p == "pub") && cfg_test_at(&t, i - 8));
            if test && t.get(i + 2).map(|x| &x.0) == Some(&Tok::Semi) {
                test_children.push(name.to_owned());
            }
        }
    }
    let mut refs = Vec::new();
    // Inline modules: (name, brace depth inside them).
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0;
    let mut i = 0;
    while i < t.len() {
        let here: Vec<String> = module
            .iter()
            .cloned()
            .chain(inline.iter().map(|(n, _)| n.clone()))
            .collect();
        if cfg_test_at(&t, i) {
            i = item_end(&t, i + 7);
            continue;
        }
        match &t[i].0 {
            Tok::Open => depth += 1,
            Tok::Close => {
                if inline.last().is_some_and(|&(_, d)| d == depth) {
                    inline.pop();
                }
                depth -= 1;
            }
            Tok::Ident(s) if s == "mod" => {
                if let Some(name) = ident(i + 1)
                    && t.get(i + 2).map(|x| &x.0) == Some(&Tok::Open)
                {
                    inline.push((name.to_owned(), depth + 1));
                }
            }
            Tok::Ident(s) if s == "use" => {
                let line = t[i].1;
                let mut leaves = Vec::new();
                let end = use_tree(&t, i + 1, &[], &mut leaves);
                for leaf in leaves {
                    if let Some(target) = resolve(&leaf, &here, &children) {
                        refs.push(Reference {
                            line,
                            written: leaf.join("::"),
                            target,
                        });
                    }
                }
                i = end;
                continue;
            }
            Tok::Ident(s)
                if (i == 0 || t[i - 1].0 != Tok::PathSep)
                    && t.get(i + 1).map(|x| &x.0) == Some(&Tok::PathSep) =>
            {
                let mut segments = vec![s.clone()];
                let mut j = i + 1;
                while t.get(j).map(|x| &x.0) == Some(&Tok::PathSep)
                    && let Some(next) = ident(j + 1)
                {
                    segments.push(next.to_owned());
                    j += 2;
                }
                if let Some(target) = resolve(&segments, &here, &children) {
                    refs.push(Reference {
                        line: t[i].1,
                        written: segments.join("::"),
                        target,
                    });
                }
                i = j;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    Scan {
        refs,
        test_children,
    }
}

/// The module path of a file under `src/`.
fn module_of(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().unwrap_or_default();
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" && stem != "lib" {
        parts.push(stem.to_owned());
    }
    parts
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The back edges of the library under `src`: one line each.
fn back_edges(src: &Path, order: &[Vec<String>]) -> Vec<String> {
    let layer_of = |m: &str| order.iter().position(|l| l.iter().any(|n| n == m));
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let mut problems = Vec::new();
    let mut test_only: Vec<Vec<String>> = Vec::new();
    // Parents first, so that a test-only child is known before its file.
    files.sort_by_key(|f| module_of(f.strip_prefix(src).unwrap()).len());
    for file in &files {
        let rel = file.strip_prefix(src).unwrap();
        if rel == Path::new("main.rs") || rel.starts_with("cli") {
            continue;
        }
        let module = module_of(rel);
        if test_only.iter().any(|t| module.starts_with(t)) {
            continue;
        }
        let text = fs::read_to_string(file).unwrap();
        let scanned = scan(&text, &module);
        for c in scanned.test_children {
            test_only.push(module.iter().cloned().chain([c]).collect());
        }
        let Some(top) = module.first() else {
            continue; // lib.rs: the crate root re-exports from every layer.
        };
        let Some(mine) = layer_of(top) else {
            problems.push(format!(
                "src/{}: module `{top}` is in no layer of src/lib.rs's `# Layers`; add it where it belongs",
                rel.display()
            ));
            continue;
        };
        for r in scanned.refs {
            let ok = match r.target.first() {
                Some(t) if t == top => true,
                Some(t) => layer_of(t).is_some_and(|l| l < mine),
                None => false,
            };
            if !ok {
                let what = r
                    .target
                    .first()
                    .map_or(
                        "the crate root (re-exports)".to_owned(),
                        |t| match layer_of(t) {
                            Some(l) if l == mine => format!("`{t}`, beside it in the same layer"),
                            Some(_) => format!("`{t}`, a layer above it"),
                            None => format!("`{t}`, in no layer"),
                        },
                    );
                problems.push(format!(
                    "src/{}:{}: `{}` in `{top}` names {what}",
                    rel.display(),
                    r.line,
                    r.written
                ));
            }
        }
    }
    problems
}

#[test]
fn no_module_imports_from_a_layer_above_its_own() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let lib = fs::read_to_string(root.join("src/lib.rs")).unwrap();
    let order = layers(&lib);
    assert!(
        order.len() >= 5,
        "src/lib.rs's `# Layers` lists only {order:?}"
    );
    let problems = back_edges(&root.join("src"), &order);
    assert!(
        problems.is_empty(),
        "imports that go up the layers of src/lib.rs (move the item down, or the import's user up):\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_scanner_sees_what_a_module_names() {
    let module = ["gazetteer".to_owned(), "matcher".to_owned()];
    let src = r##"
        //! Mentions crate::extract in a comment.
        use std::sync::Arc;
        use super::variant::{self, Variants};
        use crate::{doc::Label, extract::{Candidate, resolve}};
        mod inner;
        /* crate::eval, nested /* comment */ still out */
        fn f() {
            let s = "crate::train::x";
            let r = r#"crate::train::y"#;
            let c = '"';
            inner::g();
            crate::output::write();
            super::super::train::go();
        }
        mod bit {
            pub fn h() { super::k(); }
        }
        #[cfg(test)]
        mod tests {
            use crate::extract::Extractor;
        }
        #[cfg(test)]
        mod more;
    "##;
    let scanned = scan(src, &module);
    let got: Vec<(usize, String, String)> = scanned
        .refs
        .iter()
        .map(|r| (r.line, r.written.clone(), r.target.join("::")))
        .collect();
    let want = [
        (4, "super::variant::self", "gazetteer::variant::self"),
        (
            4,
            "super::variant::Variants",
            "gazetteer::variant::Variants",
        ),
        (5, "crate::doc::Label", "doc::Label"),
        (5, "crate::extract::Candidate", "extract::Candidate"),
        (5, "crate::extract::resolve", "extract::resolve"),
        (12, "inner::g", "gazetteer::matcher::inner::g"),
        (13, "crate::output::write", "output::write"),
        (14, "super::super::train::go", "train::go"),
        (17, "super::k", "gazetteer::matcher::k"),
    ];
    let want: Vec<(usize, String, String)> = want
        .iter()
        .map(|(l, w, t)| (*l, w.to_string(), t.to_string()))
        .collect();
    assert_eq!(got, want);
    assert_eq!(scanned.test_children, ["more"]);
}

#[test]
fn a_back_edge_is_reported_with_its_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    fs::create_dir_all(src.join("low")).unwrap();
    fs::write(src.join("lib.rs"), "pub mod low;\npub mod high;\n").unwrap();
    fs::write(
        src.join("low/mod.rs"),
        "mod part;\n#[cfg(test)]\nmod fixtures;\npub fn f() {}\n",
    )
    .unwrap();
    // A module compiled only for tests may drive what is above it.
    fs::write(src.join("low/fixtures.rs"), "use crate::high::g;\n").unwrap();
    fs::write(
        src.join("low/part.rs"),
        "\nuse crate::high::g;\nuse super::f;\n",
    )
    .unwrap();
    fs::write(src.join("high.rs"), "pub fn g() { crate::low::f() }\n").unwrap();
    let order =
        layers("//! # Layers\n//!\n//! ```text\n//! low     below\n//! high    above\n//! ```\n");
    assert_eq!(order, [["low"], ["high"]]);
    assert_eq!(
        back_edges(src, &order),
        ["src/low/part.rs:2: `crate::high::g` in `low` names `high`, a layer above it"]
    );
    let flipped = vec![vec!["high".to_owned()], vec!["low".to_owned()]];
    assert_eq!(
        back_edges(src, &flipped),
        ["src/high.rs:1: `crate::low::f` in `high` names `low`, a layer above it"]
    );
}
