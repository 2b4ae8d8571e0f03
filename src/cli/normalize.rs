//! `kashf normalize`: standard input to standard output, line by line.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use anyhow::Context;
use kashf::normalize::{Folds, Normalizer, matching_key};

use super::{EXIT_FAILED, NormalizeArgs, report};

pub(super) fn run(args: &NormalizeArgs) -> anyhow::Result<ExitCode> {
    let normalizer = Normalizer::new(Folds {
        alef: !args.no_alef,
        ya: !args.no_ya,
        diacritics: !args.no_diacritics,
        tatweel: !args.no_tatweel,
        digits: !args.no_digits,
        persian: !args.no_persian,
        presentation: !args.no_presentation,
        invisible: !args.no_invisible,
        whitespace: !args.no_whitespace,
    });
    let mut input = std::io::stdin().lock();
    let mut out = std::io::BufWriter::new(super::destination::stdout()?);
    let mut line = Vec::new();
    let mut key = String::new();
    let mut failed = false;
    for n in 1u64.. {
        line.clear();
        if input
            .read_until(b'\n', &mut line)
            .context("reading standard input")?
            == 0
        {
            break;
        }
        let eol = if line.ends_with(b"\n") { "\n" } else { "" };
        let content = &line[..line.len() - eol.len()];
        let text = match std::str::from_utf8(content) {
            Ok(t) => std::borrow::Cow::Borrowed(t),
            Err(e) => {
                report(format!(
                    "stdin:{n}: invalid UTF-8 at byte {} of the line; written with U+FFFD",
                    e.valid_up_to()
                ));
                failed = true;
                String::from_utf8_lossy(content)
            }
        };
        let normalized = normalizer.normalize_str(&text);
        let result = if args.key {
            matching_key(&normalized, &mut key);
            out.write_all(key.as_bytes())
        } else {
            out.write_all(normalized.as_bytes())
        }
        .and_then(|()| out.write_all(eol.as_bytes()));
        if let Err(e) = result {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                return Ok(ExitCode::SUCCESS);
            }
            return Err(e).context("writing standard output");
        }
    }
    match out.flush() {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            return Err(e).context("writing standard output");
        }
        _ => {}
    }
    Ok(if failed {
        ExitCode::from(EXIT_FAILED)
    } else {
        ExitCode::SUCCESS
    })
}
