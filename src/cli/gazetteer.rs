//! `kashf gazetteer check` and `kashf gazetteer lookup`.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;

use kashf::gazetteer::Gazetteer;

use super::extract::build_extractor;
use super::{EXIT_FAILED, GazetteerArgs, report};

/// Validates each file and prints what it holds; spellings listed twice are
/// reported as warnings.
pub(super) fn check(paths: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let mut failed = false;
    for path in paths {
        match Gazetteer::from_path(path) {
            Err(e) => {
                report(e);
                failed = true;
            }
            Ok(g) => {
                // Building the matcher checks that the automaton can be built.
                kashf::gazetteer::Matcher::new(std::slice::from_ref(&g))?;
                let mut seen: HashMap<String, &str> = HashMap::new();
                let mut spellings = 0;
                for e in g.entries() {
                    for s in e.spellings() {
                        spellings += 1;
                        let key = kashf::gazetteer::matching_key_of(s);
                        if let Some(first) = seen.insert(key.clone(), &e.origin) {
                            report(format!(
                                "warning: {}: spelling {s:?} (key {key:?}) is also at {first}",
                                e.origin
                            ));
                        }
                    }
                }
                println!(
                    "{}: ok, {} entries, {spellings} spellings",
                    path.display(),
                    g.entries().len()
                );
            }
        }
    }
    Ok(if failed {
        ExitCode::from(EXIT_FAILED)
    } else {
        ExitCode::SUCCESS
    })
}

/// Prints the entry each name resolves to.
pub(super) fn lookup(names: &[String], gazetteers: &GazetteerArgs) -> anyhow::Result<ExitCode> {
    let extractor = build_extractor(gazetteers, None)?.build()?;
    let mut failed = false;
    for name in names {
        match extractor.matcher().lookup(name) {
            Some(found) => {
                let e = found.entry;
                println!(
                    "{name}\tkey={}\tvariant_key={}\tvia={}\tid={}\tlabel={}\tname={}\tattrs={}\tfrom={}",
                    found.key,
                    found.variant_key,
                    found.via.as_str(),
                    e.id,
                    e.label.as_str(),
                    e.name,
                    e.attrs,
                    e.origin
                )
            }
            None => {
                report(format!(
                    "{name}: no entry (key {}, variant key {})",
                    kashf::gazetteer::matching_key_of(name),
                    kashf::gazetteer::variant_key(name)
                ));
                failed = true;
            }
        }
    }
    Ok(if failed {
        ExitCode::from(EXIT_FAILED)
    } else {
        ExitCode::SUCCESS
    })
}
