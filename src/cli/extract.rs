//! `kashf extract`: inputs → pieces → parallel extraction → ordered output.
//!
//! The main thread reads inputs into pieces (at most [`CHUNK_BYTES`] each)
//! and gathers them into batches of bounded size; each batch is extracted
//! and formatted in parallel, then written in input order. Memory is bounded
//! by the batch size, whatever the size of the inputs, and the output bytes
//! do not depend on the number of threads: pieces are cut the same way, and
//! written in the same order, however many threads extract them.

use std::io::{IsTerminal, Write};
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, bail};
use globset::{Glob, GlobSet, GlobSetBuilder};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use kashf::extract::{CHUNK_BYTES, Scratch};
use kashf::input::{DecodeOptions, Encoding, Event, InputMode, Piece, Reader};
use kashf::output::Format;
use kashf::{Extractor, HijriCalendar, Label};

use super::destination::Destination;
use super::link;
use super::{
    EXIT_FAILED, EncodingArg, ExtractArgs, FormatArg, GazetteerArgs, HijriArg, InputArg, RunArgs,
    report,
};

/// Pieces are extracted in batches of about this many bytes.
const BATCH_BYTES: usize = 16 * CHUNK_BYTES;

/// Builds the extractor from the gazetteer options.
pub(super) fn build_extractor(
    args: &GazetteerArgs,
    ref_date: Option<chrono::NaiveDate>,
) -> anyhow::Result<kashf::ExtractorBuilder> {
    let mut builder = Extractor::builder()
        .default_gazetteers(!args.no_default_gazetteers)
        .ref_date(ref_date);
    for p in &args.gazetteer_paths {
        builder = builder.gazetteer(kashf::gazetteer::Gazetteer::from_path(p)?);
    }
    Ok(builder)
}

pub(super) enum Input {
    Stdin,
    File(PathBuf),
}

pub(super) fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let format = match args.format {
        FormatArg::Jsonl => Format::Jsonl,
        FormatArg::Csv => Format::Csv,
        FormatArg::Conll => Format::Conll,
        FormatArg::Html => Format::Html,
    };
    if format == Format::Html && args.output.is_none() && std::io::stdout().is_terminal() {
        bail!("--format html writes a page for a browser: name it with -o FILE.html, or redirect");
    }
    if args.link_corpus && !matches!(format, Format::Jsonl | Format::Csv) {
        bail!(
            "--link-corpus writes JSONL or CSV (the other formats are written as documents are read)"
        );
    }
    // Checked before any work: a bad -o or a closed stdout wastes nothing.
    let (mut out, destination) = Destination::open(args.output.as_deref())?;
    let extracted = if args.link_corpus {
        // The whole run's output first, then the corpus links over it.
        let mut spool = link::JsonlInputs::default();
        let writer = std::io::BufWriter::with_capacity(1 << 18, spool.spool()?);
        let mut extracted = extract_to(&args.run, Format::Jsonl, Box::new(writer))?;
        if !extracted.broken_pipe {
            let name_of = |path: &std::path::Path| spool.name_of(path);
            let linked = link::link_files(&spool.files, &name_of, format, &mut out)?;
            extracted.failed |= linked.failed;
            extracted.broken_pipe = linked.broken_pipe;
        }
        drop(out);
        extracted
    } else {
        extract_to(&args.run, format, out)?
    };
    if extracted.broken_pipe {
        // `kashf extract … | head`: the reader has all it wants.
        return Ok(ExitCode::SUCCESS);
    }
    destination.finish()?;
    if args.stats {
        extracted.stats.print(started.elapsed());
    }
    Ok(if extracted.failed {
        ExitCode::from(EXIT_FAILED)
    } else {
        ExitCode::SUCCESS
    })
}

/// What [`extract_to`] did.
pub(super) struct Extracted {
    /// Some input failed (each was reported).
    pub failed: bool,
    /// The reader of the output went away (`| head`).
    pub broken_pipe: bool,
    stats: Stats,
}

/// Extracts the inputs `args` names and writes them to `out` in `format`.
pub(super) fn extract_to(
    args: &RunArgs,
    format: Format,
    out: Box<dyn Write>,
) -> anyhow::Result<Extracted> {
    extract_seeing(args, format, out, &mut |_| {})
}

/// [`extract_to`], showing `seen` every piece of text as it is read, in
/// input order (`kashf variants` keeps the text its examples come from).
pub(super) fn extract_seeing(
    args: &RunArgs,
    format: Format,
    out: Box<dyn Write>,
    seen: &mut dyn FnMut(&Piece),
) -> anyhow::Result<Extracted> {
    let mode = match args.input {
        InputArg::Text => InputMode::Text,
        InputArg::Lines => InputMode::Lines,
        InputArg::Jsonl => InputMode::Jsonl,
    };
    let decode = DecodeOptions {
        encoding: match args.encoding {
            EncodingArg::Utf8 => Encoding::Utf8,
            EncodingArg::Windows1256 => Encoding::Windows1256,
        },
        lossy: args.lossy,
    };
    let globs = glob_set(&args.glob)?;
    // Never dropped: freeing the matcher's tables (tens of thousands of
    // entries and their maps) cost as much at exit as a few megabytes of
    // extraction, and the process is about to give the memory back anyway.
    // Nothing observable is lost: the extractor owns no writer, and every
    // output is flushed and every error reported below before `run` returns.
    let extractor = std::mem::ManuallyDrop::new(
        args.model
            .apply(build_extractor(&args.gazetteers, args.ref_date)?)?
            .hijri_calendar(match args.hijri_calendar {
                HijriArg::UmmAlQura => HijriCalendar::UmmAlQura,
                HijriArg::Tabular => HijriCalendar::Tabular,
            })
            .build()?,
    );
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = args.threads {
        pool = pool.num_threads(n.into());
    }
    let pool = pool.build().context("starting worker threads")?;

    let mut failed = false;
    let inputs = collect_inputs(&args.paths, &globs, &mut failed)?;
    let progress = if !args.quiet && inputs.len() > 1 && std::io::stderr().is_terminal() {
        ProgressBar::new(inputs.len() as u64).with_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} files, {elapsed} [{eta} left]")
                .expect("valid template"),
        )
    } else {
        ProgressBar::hidden()
    };

    let mut run = Run {
        extractor: &extractor,
        pool: &pool,
        format,
        batch: Vec::new(),
        batch_bytes: 0,
        out,
        doc_has_entities: false,
        stats: Stats::default(),
        progress: progress.clone(),
        failed: false,
        broken_pipe: false,
        write_error: None,
        seen,
    };
    let mut head = Vec::new();
    format.start(&mut head);
    run.write(&head);

    let mut reader = Reader::new(mode, decode);
    for input in &inputs {
        let flow = {
            let mut sink = |ev: Event| run.event(ev);
            match input {
                Input::Stdin => {
                    let stdin = std::io::stdin().lock();
                    reader.read_stream(stdin, "stdin", &mut sink)
                }
                Input::File(path) => reader.read_file(path, path, &mut sink),
            }
        };
        progress.inc(1);
        if flow.is_break() {
            break;
        }
    }
    run.flush();
    let mut end = Vec::new();
    format.end(&mut end);
    run.write(&end);
    if run.out_ok()
        && let Err(e) = run.out.flush()
    {
        run.write_failed(e);
    }
    progress.finish_and_clear();
    let Run {
        stats,
        failed: input_failed,
        broken_pipe,
        write_error,
        out,
        ..
    } = run;
    drop(out);
    if let Some(e) = write_error {
        bail!("writing output: {e}");
    }
    Ok(Extracted {
        failed: failed || input_failed,
        broken_pipe,
        stats,
    })
}

pub(super) fn glob_set(globs: &[String]) -> anyhow::Result<GlobSet> {
    let mut set = GlobSetBuilder::new();
    for g in globs {
        set.add(Glob::new(g).with_context(|| format!("bad --glob {g:?}"))?);
    }
    Ok(set.build()?)
}

/// Expands the PATH arguments into inputs, in order, folders sorted by
/// name. Paths that cannot be read are reported and set `failed`.
pub(super) fn collect_inputs(
    paths: &[PathBuf],
    globs: &GlobSet,
    failed: &mut bool,
) -> anyhow::Result<Vec<Input>> {
    if paths.is_empty() {
        if std::io::stdin().is_terminal() {
            bail!("no input: name files or folders, or pipe text in (see kashf extract --help)");
        }
        return Ok(vec![Input::Stdin]);
    }
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(path) {
            Err(e) => {
                report(format!("{}: {e}", path.display()));
                *failed = true;
            }
            Ok(m) if m.is_dir() => {
                for entry in walkdir::WalkDir::new(path)
                    .follow_links(true)
                    .sort_by_file_name()
                {
                    match entry {
                        Err(e) => {
                            report(e);
                            *failed = true;
                        }
                        Ok(e) if e.file_type().is_file() && globs.is_match(e.file_name()) => {
                            inputs.push(Input::File(e.into_path()));
                        }
                        Ok(_) => {}
                    }
                }
            }
            Ok(_) => inputs.push(Input::File(path.clone())),
        }
    }
    Ok(inputs)
}

/// Counts for `--stats`.
#[derive(Default)]
struct Stats {
    docs: u64,
    bytes: u64,
    labels: [u64; Label::ALL.len()],
}

impl Stats {
    fn print(&self, elapsed: std::time::Duration) {
        let secs = elapsed.as_secs_f64();
        let mb = self.bytes as f64 / 1e6;
        let total: u64 = self.labels.iter().sum();
        let per_label: Vec<String> = Label::ALL
            .iter()
            .zip(self.labels)
            .map(|(l, n)| format!("{}={n}", l.as_str()))
            .collect();
        eprintln!(
            "kashf: {} documents, {:.1} MB, {total} entities ({}), {secs:.2} s, {:.1} MB/s",
            self.docs,
            mb,
            per_label.join(" "),
            if secs > 0.0 { mb / secs } else { 0.0 },
        );
    }
}

/// A piece, extracted and formatted.
struct Done {
    last: bool,
    head: Vec<u8>,
    body: Vec<u8>,
    tail: Vec<u8>,
    bytes: usize,
    labels: [u64; Label::ALL.len()],
}

struct Run<'a> {
    extractor: &'a Extractor,
    pool: &'a rayon::ThreadPool,
    format: Format,
    batch: Vec<Piece>,
    batch_bytes: usize,
    out: Box<dyn Write>,
    /// Whether the document being written has had an entity yet (the next
    /// one needs a separator).
    doc_has_entities: bool,
    stats: Stats,
    progress: ProgressBar,
    failed: bool,
    broken_pipe: bool,
    write_error: Option<std::io::Error>,
    /// Sees every piece as it is read.
    seen: &'a mut dyn FnMut(&Piece),
}

impl Run<'_> {
    fn event(&mut self, ev: Event) -> ControlFlow<()> {
        match ev {
            Event::Piece(p) => {
                (self.seen)(&p);
                self.batch_bytes += p.text.len();
                self.batch.push(p);
                if self.batch_bytes >= BATCH_BYTES || self.batch.len() >= 4096 {
                    self.flush();
                }
            }
            Event::Error(e) => {
                self.progress.suspend(|| report(&e));
                self.failed = true;
            }
        }
        if self.out_ok() {
            ControlFlow::Continue(())
        } else {
            ControlFlow::Break(())
        }
    }

    fn out_ok(&self) -> bool {
        !self.broken_pipe && self.write_error.is_none()
    }

    /// Extracts the batch in parallel and writes it in order.
    fn flush(&mut self) {
        if self.batch.is_empty() {
            return;
        }
        let (extractor, format) = (self.extractor, self.format);
        let done: Vec<Done> = self.pool.install(|| {
            self.batch
                .par_drain(..)
                .map_init(Scratch::default, |scratch, p| {
                    process(extractor, format, p, scratch)
                })
                .collect()
        });
        self.batch_bytes = 0;
        for d in done {
            self.stats.bytes += d.bytes as u64;
            for (n, add) in self.stats.labels.iter_mut().zip(d.labels) {
                *n += add;
            }
            if !d.head.is_empty() {
                self.write(&d.head);
            }
            if !d.body.is_empty() {
                if self.doc_has_entities {
                    self.write(self.format.separator());
                }
                self.write(&d.body);
                self.doc_has_entities = true;
            }
            if d.last {
                self.write(&d.tail);
                self.doc_has_entities = false;
                self.stats.docs += 1;
            }
        }
    }

    fn write(&mut self, bytes: &[u8]) {
        if self.out_ok()
            && let Err(e) = self.out.write_all(bytes)
        {
            self.write_failed(e);
        }
    }

    fn write_failed(&mut self, e: std::io::Error) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            self.broken_pipe = true;
        } else {
            self.write_error = Some(e);
        }
    }
}

fn process(extractor: &Extractor, format: Format, p: Piece, scratch: &mut Scratch) -> Done {
    let mut entities = Vec::new();
    extractor.extract_chunk(&p.text, p.first, scratch, &mut entities);
    let mut labels = [0; Label::ALL.len()];
    for e in &mut entities {
        e.start += p.base;
        e.end += p.base;
        labels[e.label as usize] += 1;
    }
    let mut head = Vec::new();
    if p.first {
        format.head(&p.doc, &mut head);
    }
    let mut body = Vec::new();
    format.body(&p.doc, &p.text, p.base, &entities, &mut body);
    let mut tail = Vec::new();
    if p.last {
        format.tail(&mut tail);
    }
    Done {
        last: p.last,
        head,
        body,
        tail,
        bytes: p.text.len(),
        labels,
    }
}
