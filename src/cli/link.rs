//! `kashf link`: the unseen names of a corpus gathered across its
//! documents, over kashf's own JSONL ([`kashf::corpus`]).
//!
//! Two passes over the inputs: the first counts the spellings of every
//! unresolved name, the second writes every record again, the names of a
//! cluster with its id, `norm` and `link: corpus`. Standard input is
//! copied to a temporary file for the second pass. Memory holds the counts,
//! one record at a time. `kashf extract --link-corpus` runs the same
//! passes over its own output ([`link_files`]).

use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use kashf::Entity;
use kashf::corpus::{Clusters, CorpusLinker};
use kashf::output::{DocMeta, Format};
use serde_json::Value as Json;

use super::destination::Destination;
use super::extract::{Input, collect_inputs, glob_set};
use super::{EXIT_FAILED, LinkArgs, LinkFormatArg, report};

pub(super) fn run(args: &LinkArgs) -> anyhow::Result<ExitCode> {
    let format = match args.format {
        LinkFormatArg::Jsonl => Format::Jsonl,
        LinkFormatArg::Csv => Format::Csv,
    };
    let (mut out, destination) = Destination::open(args.output.as_deref())?;
    let mut failed = false;
    let inputs = JsonlInputs::collect(&args.paths, &args.glob, &mut failed)?;
    let name_of = |path: &Path| inputs.name_of(path);
    let linked = link_files(&inputs.files, &name_of, format, &mut out)?;
    drop(out);
    if linked.broken_pipe {
        return Ok(ExitCode::SUCCESS);
    }
    destination.finish()?;
    if args.stats {
        eprintln!(
            "kashf: {} documents, {} names of {} clusters linked",
            linked.docs, linked.names, linked.clusters
        );
    }
    Ok(if failed || linked.failed {
        ExitCode::from(EXIT_FAILED)
    } else {
        ExitCode::SUCCESS
    })
}

/// The JSONL files a command reads twice: standard input is copied to a
/// temporary file.
#[derive(Default)]
pub(super) struct JsonlInputs {
    pub files: Vec<PathBuf>,
    spooled: Option<tempfile::NamedTempFile>,
}

/// A new temporary file, and a handle to write it.
fn temp_file() -> anyhow::Result<(tempfile::NamedTempFile, File)> {
    let temp = tempfile::NamedTempFile::new().context("creating a temporary file")?;
    let file = temp.reopen().context("opening a temporary file")?;
    Ok((temp, file))
}

impl JsonlInputs {
    /// The files (and folders, through `globs`) of `paths`, reading
    /// standard input into a temporary file. Paths that cannot be read are
    /// reported and set `failed`.
    pub fn collect(
        paths: &[PathBuf],
        globs: &[String],
        failed: &mut bool,
    ) -> anyhow::Result<JsonlInputs> {
        let mut inputs = JsonlInputs {
            files: Vec::new(),
            spooled: None,
        };
        for input in collect_inputs(paths, &glob_set(globs)?, failed)? {
            match input {
                Input::File(path) => inputs.files.push(path),
                Input::Stdin if inputs.spooled.is_some() => {}
                Input::Stdin => {
                    let mut file = inputs.spool()?;
                    std::io::copy(&mut std::io::stdin().lock(), &mut file)
                        .context("reading standard input")?;
                }
            }
        }
        Ok(inputs)
    }

    /// One temporary file (read as standard input), and a handle to write
    /// it.
    pub fn spool(&mut self) -> anyhow::Result<File> {
        let (temp, file) = temp_file()?;
        self.files.push(temp.path().to_owned());
        self.spooled = Some(temp);
        Ok(file)
    }

    /// How messages name a file.
    pub fn name_of(&self, path: &Path) -> String {
        match &self.spooled {
            Some(t) if t.path() == path => "stdin".to_owned(),
            _ => path.display().to_string(),
        }
    }
}

/// The first pass: the clusters of the unseen names of the JSONL `files`,
/// and whether every record could be read (errors are reported, the files
/// named by `name_of`).
pub(super) fn clusters_of(
    files: &[PathBuf],
    name_of: &dyn Fn(&Path) -> String,
) -> (Clusters, bool) {
    let mut linker = CorpusLinker::new();
    let mut ok = true;
    for path in files {
        ok &= records(path, Some(&name_of(path)), &mut |_, entities| {
            for e in entities.iter() {
                linker.add(e);
            }
            Ok(())
        })
        .unwrap_or_else(|e| {
            report(format!("{}{e}", name_of(path)));
            false
        });
    }
    (linker.finish(), ok)
}

/// What [`link_files`] did.
pub(super) struct Linked {
    /// Some input or record could not be read (each was reported).
    pub failed: bool,
    /// The reader of the output went away (`| head`).
    pub broken_pipe: bool,
    pub docs: u64,
    /// Names given a cluster.
    pub names: u64,
    pub clusters: usize,
}

/// Reads the JSONL `files` twice and writes their records to `out` in
/// `format` (JSONL or CSV), with their unseen names linked across all of
/// them. A file or record that cannot be read is reported (named by
/// `name_of` and the line) and skipped; a write error ends the run.
pub(super) fn link_files(
    files: &[PathBuf],
    name_of: &dyn Fn(&Path) -> String,
    format: Format,
    out: &mut dyn Write,
) -> anyhow::Result<Linked> {
    let mut linked = Linked {
        failed: false,
        broken_pipe: false,
        docs: 0,
        names: 0,
        clusters: 0,
    };
    let (clusters, ok) = clusters_of(files, name_of);
    linked.failed = !ok;
    linked.clusters = clusters.len();
    let mut buf = Vec::new();
    format.start(&mut buf);
    let mut result = out.write_all(&buf);
    for path in files {
        if result.is_err() {
            break;
        }
        // Errors were reported in the first pass.
        let _ = records(path, None, &mut |meta, entities| {
            for e in entities.iter_mut() {
                linked.names += u64::from(clusters.apply(e));
            }
            buf.clear();
            format.head(&meta, &mut buf);
            format.body(&meta, "", 0, entities, &mut buf);
            format.tail(&mut buf);
            linked.docs += 1;
            result = out.write_all(&buf);
            result.as_ref().map(|_| ()).map_err(|_| ())
        });
    }
    if result.is_ok() {
        buf.clear();
        format.end(&mut buf);
        result = out.write_all(&buf).and_then(|()| out.flush());
    }
    match result {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => linked.broken_pipe = true,
        Err(e) => bail!("writing output: {e}"),
    }
    Ok(linked)
}

/// Calls `each` with every record of the JSONL file at `path`, in order,
/// until it returns an error. Returns whether every record could be read;
/// a record that cannot is skipped, and reported under `name` if given; a
/// file that cannot be opened or read is an error (`: message`, to follow
/// the file's name).
pub(super) fn records(
    path: &Path,
    name: Option<&str>,
    each: &mut OnRecord<'_>,
) -> Result<bool, String> {
    let file = File::open(path).map_err(|e| format!(": {e}"))?;
    let mut reader = BufReader::with_capacity(1 << 18, file);
    let mut line = String::new();
    let mut ok = true;
    for n in 1u64.. {
        line.clear();
        match reader.read_line(&mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => return Err(format!(":{n}: {e}")),
        }
        if line.trim().is_empty() {
            continue;
        }
        match record(&line) {
            Ok((meta, mut entities)) => {
                if each(meta, &mut entities).is_err() {
                    break;
                }
            }
            Err(e) => {
                if let Some(name) = name {
                    report(format!("{name}:{n}: {e}"));
                }
                ok = false;
            }
        }
    }
    Ok(ok)
}

/// What [`records`] calls with each record: its metadata and entities;
/// an error stops the reading.
pub(super) type OnRecord<'a> = dyn FnMut(DocMeta, &mut Vec<Entity>) -> Result<(), ()> + 'a;

/// One record of kashf's JSONL: `{"doc": …, <other fields>, "entities":
/// [ … ]}`.
fn record(line: &str) -> Result<(DocMeta, Vec<Entity>), String> {
    const NOT_OURS: &str = "not a record of kashf's JSONL (kashf extract writes them)";
    let mut map: serde_json::Map<String, Json> =
        serde_json::from_str(line).map_err(|e| format!("{NOT_OURS}: {e}"))?;
    let (Some(name), Some(entities)) = (map.shift_remove("doc"), map.shift_remove("entities"))
    else {
        return Err(format!("{NOT_OURS}: no \"doc\" or no \"entities\""));
    };
    let entities: Vec<Entity> =
        serde_json::from_value(entities).map_err(|e| format!("{NOT_OURS}: entities: {e}"))?;
    Ok((DocMeta { name, extra: map }, entities))
}
