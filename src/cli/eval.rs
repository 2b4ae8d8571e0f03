//! `kashf eval`: score the pipeline against gold annotations.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, bail};

use kashf::eval::{self, GoldDoc};
use kashf::gazetteer::Gazetteer;

use super::{EvalArgs, GoldArgs, GoldFormatArg, TrainArgs};

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
    let mut out = std::io::stdout().lock();
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
    let model = extractor.train(&docs, args.epochs);
    std::fs::write(&args.output, model.to_bytes())
        .with_context(|| format!("{}", args.output.display()))?;
    eprintln!(
        "kashf: trained on {} documents ({} epochs): {} features, written to {}",
        docs.len(),
        args.epochs,
        model.len(),
        args.output.display()
    );
    Ok(ExitCode::SUCCESS)
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
