//! `kashf eval`: score the pipeline against gold annotations.

use std::io::{IsTerminal, Write};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use kashf::Extractor;
use kashf::eval::{self, GoldDoc};
use kashf::extract::{Model, NewsCounts, Scratch};
use kashf::gazetteer::Gazetteer;
use kashf::input::{DecodeOptions, Event, InputMode, Reader};

use super::extract::{Input, collect_inputs, glob_set};
use super::{EXIT_FAILED, EvalArgs, GoldArgs, GoldFormatArg, TrainArgs, report};

/// Whether an entry's `attrs` hold `key=value` as one of their items.
fn has_attr(attrs: &str, kv: &str) -> bool {
    attrs.split(';').any(|a| a == kv)
}

fn read_gold(path: &Path, format: Option<GoldFormatArg>) -> anyhow::Result<Vec<GoldDoc>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("{}", path.display()))?;
    let format = format.unwrap_or_else(|| {
        if path
            .extension()
            .is_some_and(|x| x == "jsonl" || x == "json")
        {
            GoldFormatArg::Jsonl
        } else {
            GoldFormatArg::Conll
        }
    });
    let origin = path.display().to_string();
    Ok(match format {
        GoldFormatArg::Conll => eval::parse_conll(&text, &origin)?,
        GoldFormatArg::Jsonl => eval::parse_jsonl(&text, &origin)?,
    })
}

impl GoldArgs {
    /// An extractor builder with these gazetteer options.
    fn builder(&self) -> anyhow::Result<kashf::ExtractorBuilder> {
        for kv in &self.exclude_attr {
            if !kv.contains('=') {
                bail!("--exclude-attr {kv:?}: expected KEY=VALUE");
            }
        }
        let mut builder = kashf::Extractor::builder().default_gazetteers(false);
        for p in &self.gazetteers.gazetteer_paths {
            builder = builder.gazetteer(Gazetteer::from_path(p)?);
        }
        if !self.gazetteers.no_default_gazetteers {
            // The defaults come last, as the builder would add them, minus the
            // excluded entries.
            let mut defaults = Gazetteer::embedded();
            defaults.retain(|e| !self.exclude_attr.iter().any(|kv| has_attr(&e.attrs, kv)));
            builder = builder.gazetteer(defaults);
        }
        Ok(builder)
    }

    /// The gold documents, grouped.
    fn docs(&self) -> anyhow::Result<Vec<GoldDoc>> {
        Ok(eval::group(read_gold(&self.gold, self.format)?, self.group))
    }
}

pub(super) fn run(args: &EvalArgs) -> anyhow::Result<ExitCode> {
    let extractor = args.model.apply(args.gold.builder()?)?.build()?;
    let docs = args.gold.docs()?;
    let report = eval::evaluate(&extractor, &docs);
    let mut out = std::io::BufWriter::new(super::destination::stdout()?);
    let result = (|| -> std::io::Result<()> {
        if args.errors {
            for m in &report.mismatches {
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    if m.false_positive { "FP" } else { "MISS" },
                    m.label.as_str(),
                    m.source.map_or("-", |s| s.as_str()),
                    m.text,
                    m.instead.as_deref().unwrap_or("-"),
                    m.context,
                    m.origin
                )?;
            }
            writeln!(out)?;
        }
        write!(out, "{}", report.table())?;
        out.flush()
    })();
    match result {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e.into()),
        Ok(()) => Ok(ExitCode::SUCCESS),
    }
}

pub(super) fn train(args: &TrainArgs) -> anyhow::Result<ExitCode> {
    let extractor = args.gold.builder()?.default_model(false).build()?;
    let docs = args.gold.docs()?;
    if docs.is_empty() {
        bail!("{}: no sentences to train on", args.gold.gold.display());
    }
    let mut model = extractor.train_with_seed(&docs, args.epochs, args.seed, None);
    let mut failed = false;
    if !args.news.is_empty() {
        let news = read_news(&extractor, &model, &args.news)?;
        if news.files == 0 {
            let paths: Vec<String> = args.news.iter().map(|p| p.display().to_string()).collect();
            bail!("--news {}: no news file could be read", paths.join(" "));
        }
        failed = news.failed;
        let lexicon = news.counts.lexicon();
        eprintln!(
            "kashf: read the news with the first model: {} file{}, {:.1} MB, {} stems ({} \
             written often enough for the lexicon); training again",
            news.files,
            if news.files == 1 { "" } else { "s" },
            news.bytes as f64 / 1e6,
            news.counts.len(),
            lexicon.len()
        );
        model = extractor.train_with_seed(&docs, args.epochs, args.seed, Some(lexicon));
    }
    std::fs::write(&args.output, model.to_bytes())
        .with_context(|| format!("{}", args.output.display()))?;
    eprintln!(
        "kashf: trained on {} documents ({} epochs{}): {} features, written to {}",
        docs.len(),
        args.epochs,
        if args.seed == 0 {
            String::new()
        } else {
            format!(", seed {}", args.seed)
        },
        model.len(),
        args.output.display()
    );
    Ok(if failed {
        ExitCode::from(EXIT_FAILED)
    } else {
        ExitCode::SUCCESS
    })
}

/// What reading the news for `kashf train --news` gave.
#[derive(Default)]
struct News {
    counts: NewsCounts,
    files: usize,
    bytes: usize,
    /// Some input could not be read (each was reported).
    failed: bool,
}

/// Reads the *.txt files under `paths` with `model`, in parallel, and
/// counts what it tagged ([`Extractor::count_news`]). An input that cannot
/// be read is reported and skipped; the counts are the same for any number
/// of threads.
fn read_news(extractor: &Extractor, model: &Model, paths: &[PathBuf]) -> anyhow::Result<News> {
    let mut failed = false;
    let inputs = collect_inputs(paths, &glob_set(&["*.txt".to_owned()])?, &mut failed)?;
    let progress = if inputs.len() > 1 && std::io::stderr().is_terminal() {
        ProgressBar::new(inputs.len() as u64).with_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} news files, {elapsed} [{eta} left]")
                .expect("valid template"),
        )
    } else {
        ProgressBar::hidden()
    };
    // Each input's errors, by input number, so they are reported in input
    // order whatever thread read them.
    let (mut news, mut errors) = inputs
        .par_iter()
        .enumerate()
        .fold(
            || {
                let reader = Reader::new(InputMode::Text, DecodeOptions::default());
                (reader, Scratch::default(), News::default(), Vec::new())
            },
            |(mut reader, mut scratch, mut news, mut errors), (n, input)| {
                let errors_before = errors.len();
                let mut sink = |event| {
                    match event {
                        Event::Piece(p) => {
                            news.bytes += p.text.len();
                            let counts = &mut news.counts;
                            extractor.count_news(model, &p.text, p.first, &mut scratch, counts);
                        }
                        Event::Error(e) => errors.push((n, e)),
                    }
                    ControlFlow::Continue(())
                };
                let _ = match input {
                    Input::File(path) => reader.read_file(path, path, &mut sink),
                    Input::Stdin => reader.read_stream(std::io::stdin().lock(), "stdin", &mut sink),
                };
                news.files += usize::from(errors.len() == errors_before);
                progress.inc(1);
                (reader, scratch, news, errors)
            },
        )
        .map(|(_, _, news, errors)| (news, errors))
        .reduce(
            || (News::default(), Vec::new()),
            |(mut a, mut a_errors), (b, mut b_errors)| {
                a.counts.merge(b.counts);
                a.files += b.files;
                a.bytes += b.bytes;
                a_errors.append(&mut b_errors);
                (a, a_errors)
            },
        );
    progress.finish_and_clear();
    errors.sort_by_key(|(n, _)| *n);
    for (_, e) in &errors {
        report(e);
    }
    news.failed = failed || !errors.is_empty();
    Ok(news)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_match_whole_items() {
        let cases = [
            ("src=anercorp", "src=anercorp", true),
            ("en=Bush;src=anercorp", "src=anercorp", true),
            ("src=anercorp2", "src=anercorp", false),
            ("", "src=anercorp", false),
        ];
        for (attrs, kv, want) in cases {
            assert_eq!(has_attr(attrs, kv), want, "{attrs:?} has {kv:?}");
        }
    }
}
