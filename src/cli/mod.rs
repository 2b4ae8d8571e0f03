//! The command line: arguments (clap derive; the `///` comments are the
//! help text), then one function per subcommand.
//!
//! Exit codes: 0 when every input was processed, 1 for a usage or
//! configuration error (nothing was processed), 2 when some inputs failed
//! (every other input was processed and written in full).

mod destination;
mod eval;
mod extract;
mod gazetteer;
mod link;
mod normalize;
mod variants;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

/// Exit code: a usage or configuration error.
pub const EXIT_USAGE: u8 = 1;
/// Exit code: some inputs failed.
pub const EXIT_FAILED: u8 = 2;

/// Find the people, places, organisations, numbers and dates in Arabic text.
#[derive(Debug, Parser)]
#[command(name = "kashf", version, propagate_version = true)]
// Our own `help` command: clap's takes `kashf help --help` for the name of
// a command and fails.
#[command(disable_help_subcommand = true)]
#[command(after_help = "Examples:
  kashf extract fixtures/news                 JSONL, one object per document
  kashf extract --format csv news/ -o ents.csv
  kashf extract --format conll news/ | grep -v '^# ' > ents.conll
  kashf extract --format html news/ -o report.html   a page to read in a browser
  cat article.txt | kashf extract
  jq -c '{id, text}' docs.jsonl | kashf extract --input jsonl
  kashf normalize < in.txt > out.txt
  kashf eval --gold gold.conll --errors
  kashf train --gold gold.conll -o my.model && kashf extract --model my.model news/

Exit codes: 0 all inputs processed; 1 usage or configuration error;
2 some inputs failed (all others fully written).")]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract entities from files, folders or standard input.
    Extract(ExtractArgs),
    /// Give each unseen name of a corpus one id across its documents, over
    /// kashf's JSONL.
    Link(LinkArgs),
    /// List the spellings of each entity in a corpus, with counts and an
    /// example.
    Variants(VariantsArgs),
    /// Normalise text from standard input to standard output.
    Normalize(NormalizeArgs),
    /// Score the pipeline against gold annotations (CoNLL BIO or JSONL).
    Eval(EvalArgs),
    /// Train a tagger model on gold annotations (CoNLL BIO or JSONL).
    Train(TrainArgs),
    /// Check gazetteer files, or look up the entry a spelling resolves to.
    #[command(subcommand)]
    Gazetteer(GazetteerCommand),
    /// Print the help of kashf, or of a command (`kashf help gazetteer check`).
    Help {
        /// The command, and its subcommand.
        #[arg(value_name = "COMMAND")]
        command: Vec<String>,
    },
}

/// The `extract` arguments.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  kashf extract fixtures/news
  kashf extract --format csv --stats news/ -o entities.csv
  kashf extract --format html news/ -o report.html
  printf 'زار الوزير موسكو\\n' | kashf extract --input lines
  kashf extract --input jsonl < docs.jsonl | jq '.entities[] | select(.label == \"PLACE\")'")]
pub struct ExtractArgs {
    #[command(flatten)]
    run: RunArgs,

    /// Output format: `jsonl` (one object per document), `csv` (one row
    /// per entity), `conll` (`token<TAB>BIO-tag` per line, a blank line
    /// after each sentence, `# doc = NAME` before each document) or `html`
    /// (one self-contained page that shows the documents with their
    /// entities highlighted; with -o FILE).
    #[arg(long, value_enum, default_value_t = FormatArg::Jsonl)]
    format: FormatArg,

    /// Write to FILE instead of standard output (through a temporary file
    /// renamed on success).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Print documents, bytes, entities per label, time and MB/s to
    /// standard error at the end.
    #[arg(long)]
    stats: bool,

    /// After the run, give each unseen name one id across all documents,
    /// as `kashf link` does (JSONL or CSV only; the output is written at
    /// the end).
    #[arg(long)]
    link_corpus: bool,
}

/// What `extract` and `variants` read and how they extract: the inputs,
/// how to read them, the pipeline's options.
#[derive(Debug, Args)]
pub(crate) struct RunArgs {
    /// Files and folders to read (folders recursively); `-` reads standard
    /// input. With no PATH, standard input is read if it is not a terminal.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// How to read each input: `text` (the whole input is one document),
    /// `lines` (each line is one document, named SOURCE:N) or `jsonl` (each
    /// line is a JSON object with `text` and an optional `id`).
    #[arg(long, value_enum, default_value_t = InputArg::Text)]
    input: InputArg,

    /// Worker threads [default: all cores, or RAYON_NUM_THREADS]. The
    /// output is the same for any number.
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,

    /// Which files in folders to read (matched against the file name;
    /// repeatable). Files named on the command line are always read.
    #[arg(long, value_name = "GLOB", default_value = "*.txt")]
    glob: Vec<String>,

    /// Reference date for relative dates (أمس، الأسبوع الماضي). Without
    /// it, a dateline at the head of a document is used.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    ref_date: Option<NaiveDate>,

    /// The calendar Hijri dates (15 شعبان 1445 هـ, 4/10/1436) are converted
    /// with: `umm-al-qura` (Saudi Arabia's official calendar) or `tabular`
    /// (the arithmetical one; a day or two off it at times).
    #[arg(long, value_enum, value_name = "CALENDAR", default_value_t = HijriArg::UmmAlQura)]
    hijri_calendar: HijriArg,

    /// Encoding of inputs without a UTF-16 byte order mark.
    #[arg(long, value_enum, default_value_t = EncodingArg::Utf8)]
    encoding: EncodingArg,

    /// Decode malformed bytes as U+FFFD instead of skipping the input.
    #[arg(long)]
    lossy: bool,

    #[command(flatten)]
    gazetteers: GazetteerArgs,

    #[command(flatten)]
    model: ModelArgs,

    /// No progress bar.
    #[arg(short, long)]
    quiet: bool,
}

/// The `link` arguments.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  kashf extract news/ -o news.jsonl && kashf link news.jsonl -o linked.jsonl
  kashf extract news/ | kashf link | jq -c '.entities[] | select(.link == \"corpus\")'
  kashf link --format csv runs/ -o linked.csv

Reads the JSONL `kashf extract` writes and writes the same records, where each
person, place or organisation with no id whose spellings agree with others of
the corpus (by variant key, the same label, Arabic words spelled alike) takes
the cluster's id (kashf:auto:...), its most frequent spelling as norm, and
link \"corpus\". Short names, one-word names that are common words, and people
named by one word are left alone. The same corpus gives the same ids, in any order.")]
pub struct LinkArgs {
    /// kashf's JSONL files, or folders of them (recursively); `-` reads
    /// standard input. With no PATH, standard input is read if it is not a
    /// terminal.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// Output format: `jsonl` (the records as read, names linked) or `csv`
    /// (one row per entity, as `kashf extract --format csv`).
    #[arg(long, value_enum, default_value_t = LinkFormatArg::Jsonl)]
    format: LinkFormatArg,

    /// Write to FILE instead of standard output (through a temporary file
    /// renamed on success).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Which files in folders to read (matched against the file name;
    /// repeatable). Files named on the command line are always read.
    #[arg(long, value_name = "GLOB", default_value = "*.jsonl")]
    glob: Vec<String>,

    /// Print documents, linked names and clusters to standard error at the
    /// end.
    #[arg(long)]
    stats: bool,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum LinkFormatArg {
    Jsonl,
    Csv,
}

/// The `variants` arguments.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  kashf variants news/ -o variants.tsv
  kashf variants --from-jsonl linked.jsonl --min-spellings 3
  kashf variants --format jsonl news/ | jq -c 'select(.label == \"PLACE\")'
  kashf variants --format html --min-spellings 2 news/ -o variants.html

For each person, place and organisation with an id (a gazetteer entry, or a
cluster of an unseen name's spellings across the corpus as `kashf link` makes
them), the spellings the corpus writes it in (the text as written, without
diacritics or tatweel), each with its count, the first document that writes
it, and the sentence around that mention (with --from-jsonl, where the document
is a file that can be read). Most mentions first; TSV rows are one per spelling.")]
pub struct VariantsArgs {
    #[command(flatten)]
    run: RunArgs,

    /// The inputs are kashf's JSONL (from `kashf extract` or `kashf link`),
    /// read instead of extracted; folders give their *.jsonl files unless
    /// --glob says otherwise.
    #[arg(long)]
    from_jsonl: bool,

    /// Output format: `tsv` (a header, then `id, label, norm, mentions,
    /// spelling, count, doc, example` per spelling), `jsonl` (one object
    /// per entity, its spellings in a list) or `html` (one page, a table).
    #[arg(long, value_enum, default_value_t = VariantsFormatArg::Tsv)]
    format: VariantsFormatArg,

    /// Write to FILE instead of standard output (through a temporary file
    /// renamed on success).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Only entities written in at least N spellings.
    #[arg(long, value_name = "N", default_value_t = 1)]
    min_spellings: usize,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum VariantsFormatArg {
    Tsv,
    Jsonl,
    Html,
}

/// The `eval` arguments.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  kashf eval --gold ../shared/data/ner/anercorp-train.conll --exclude-attr src=anercorp
  kashf eval --gold ../shared/data/ner/aqmar.jsonl --errors | grep MISS

Prints per-label precision, recall and F1 (exact spans; a gold span that adds
a leading proclitic to the predicted one still counts).")]
pub struct EvalArgs {
    #[command(flatten)]
    gold: GoldArgs,

    /// Also list every false positive (FP) and miss (MISS), tab-separated:
    /// kind, label, source (of a false positive), text, what overlaps it,
    /// context, origin.
    #[arg(long)]
    errors: bool,

    #[command(flatten)]
    model: ModelArgs,
}

/// The gold data and gazetteer options shared by `eval` and `train`.
#[derive(Debug, Args)]
struct GoldArgs {
    /// The gold file: CoNLL BIO (`token TAG` per line, a blank line between
    /// sentences) or JSONL (`text`, `entities` with code-point `start`,
    /// `end` and `type`).
    #[arg(long, value_name = "FILE")]
    gold: PathBuf,

    /// The gold format [default: jsonl for *.jsonl, else conll].
    #[arg(long, value_enum)]
    format: Option<GoldFormatArg>,

    /// How sentences make documents (joined with line breaks), so that
    /// linking and the tagger's second pass see a sentence's neighbours:
    /// `doc`, the documents the gold data marks (CoNLL `-DOCSTART-` lines,
    /// JSONL `doc`, or ids such as `aqmar/Atom:12`; where it marks none,
    /// running text in document order, every 20 consecutive sentences),
    /// or N, every N consecutive sentences (1: each alone).
    #[arg(long, value_name = "doc|N", default_value = "doc", value_parser = parse_grouping)]
    group: kashf::eval::Grouping,

    /// Leave out default gazetteer entries with this attribute
    /// (repeatable), e.g. `src=anercorp` to score ANERcorp honestly.
    #[arg(long, value_name = "KEY=VALUE")]
    exclude_attr: Vec<String>,

    #[command(flatten)]
    gazetteers: GazetteerArgs,
}

/// A `--group` value: `doc` or a positive number.
fn parse_grouping(s: &str) -> Result<kashf::eval::Grouping, String> {
    if s == "doc" {
        return Ok(kashf::eval::Grouping::Documents);
    }
    match s.parse::<usize>() {
        Ok(n) if n > 0 => Ok(kashf::eval::Grouping::Every(n)),
        _ => Err(format!(
            "expected `doc` or a number of sentences (1 or more), found {s:?}"
        )),
    }
}

/// The `train` arguments.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  kashf train --gold ../shared/data/ner/anercorp-train.conll --group 20 \\
      --exclude-attr src=anercorp -o tagger.bin
  kashf train --gold ../shared/data/ner/anercorp-train.conll --group 20 \\
      --exclude-attr src=anercorp --news target/corpus/txt -o tagger.bin
  kashf extract --model tagger.bin news/

Trains on what the finders (gazetteers, rules, dates, numbers, linking) say
of each gold document, with the same gazetteer options as `eval`; use the
same options when the model runs.")]
pub struct TrainArgs {
    #[command(flatten)]
    gold: GoldArgs,

    /// Passes over the training data.
    #[arg(long, value_name = "N", default_value_t = 20)]
    epochs: usize,

    /// Shifts the seeds that shuffle the training order. Another seed gives
    /// a model as good on average but not the same: training twice with
    /// two seeds tells how much of a difference between two models is
    /// retraining noise. The embedded model is seed 0; each model mixes
    /// three shuffles (N, N + 1, N + 2), so take seeds at least 3 apart
    /// (10, 20, ...).
    #[arg(long, value_name = "N", default_value_t = 0)]
    seed: u64,

    /// Unlabelled news (files, or folders of *.txt files; repeatable):
    /// train, read the news with the model, and train again with what it
    /// tagged each word in the news as a feature. The model carries that
    /// lexicon (stem hashes and codes, no text).
    #[arg(long, value_name = "PATH")]
    news: Vec<PathBuf>,

    /// Where to write the model.
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
}

/// Which tagger model runs after the finders.
#[derive(Debug, Args)]
struct ModelArgs {
    /// Use this tagger model (from `kashf train`) instead of the embedded one.
    #[arg(long, value_name = "FILE", conflicts_with = "no_model")]
    model: Option<PathBuf>,

    /// Run no tagger model: the gazetteers' and rules' names are final.
    #[arg(long)]
    no_model: bool,
}

impl ModelArgs {
    /// Sets the model of `builder`.
    fn apply(&self, builder: kashf::ExtractorBuilder) -> anyhow::Result<kashf::ExtractorBuilder> {
        use anyhow::Context as _;
        Ok(match &self.model {
            Some(path) => {
                let bytes = std::fs::read(path).with_context(|| format!("{}", path.display()))?;
                let model = kashf::extract::Model::from_bytes(&bytes)
                    .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
                builder.model(model)
            }
            None => builder.default_model(!self.no_model),
        })
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum GoldFormatArg {
    Conll,
    Jsonl,
}

/// Gazetteer options shared by `extract` and `gazetteer lookup`.
#[derive(Debug, Args)]
struct GazetteerArgs {
    /// Add a gazetteer file, or every *.tsv file in a folder (repeatable).
    /// Its spellings take precedence over the defaults.
    #[arg(long = "gazetteer", value_name = "FILE_OR_DIR")]
    gazetteer_paths: Vec<PathBuf>,

    /// Do not use the embedded default gazetteers.
    #[arg(long)]
    no_default_gazetteers: bool,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum InputArg {
    Text,
    Lines,
    Jsonl,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum FormatArg {
    Jsonl,
    Csv,
    Conll,
    Html,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum HijriArg {
    #[value(name = "umm-al-qura")]
    UmmAlQura,
    Tabular,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum EncodingArg {
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    #[value(name = "windows-1256", alias = "cp1256")]
    Windows1256,
}

/// The `normalize` arguments: every fold is on unless switched off.
#[derive(Debug, Args)]
#[command(after_help = "Example:
  echo 'قالَ الرئيسُ إنّ ١٥ ألفاً' | kashf normalize
  قال الرئيس ان 15 الفا")]
pub struct NormalizeArgs {
    /// Keep alef forms (آ أ إ ٱ).
    #[arg(long)]
    no_alef: bool,
    /// Keep alef maksura (ى).
    #[arg(long)]
    no_ya: bool,
    /// Keep harakat, superscript alef and Quranic marks.
    #[arg(long)]
    no_diacritics: bool,
    /// Keep tatweel (ـ).
    #[arg(long)]
    no_tatweel: bool,
    /// Keep Arabic-Indic and Persian digits.
    #[arg(long)]
    no_digits: bool,
    /// Keep Persian/Urdu letters (ک ی ہ ە).
    #[arg(long)]
    no_persian: bool,
    /// Keep presentation forms and ligatures.
    #[arg(long)]
    no_presentation: bool,
    /// Keep zero-width and bidi control characters.
    #[arg(long)]
    no_invisible: bool,
    /// Keep whitespace as it is.
    #[arg(long)]
    no_whitespace: bool,
    /// Also apply the lossy matching-key folds (ة→ه, ؤ→و, ئ→ي, …) that
    /// gazetteer matching uses.
    #[arg(long)]
    key: bool,
}

#[derive(Debug, Subcommand)]
enum GazetteerCommand {
    /// Validate gazetteer files (or folders of *.tsv files).
    Check {
        /// The files or folders.
        #[arg(required = true, value_name = "FILE_OR_DIR")]
        paths: Vec<PathBuf>,
    },
    /// Show the entry each spelling resolves to, and its matching key.
    Lookup {
        /// The spellings.
        #[arg(required = true, value_name = "NAME")]
        names: Vec<String>,
        #[command(flatten)]
        gazetteers: GazetteerArgs,
    },
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("expected YYYY-MM-DD: {e}"))
}

/// Prints `kashf: message` to standard error.
fn report(msg: impl std::fmt::Display) {
    eprintln!("kashf: {msg}");
}

/// `kashf help [COMMAND]...`: the help of kashf or of a command.
fn help(path: &[String]) -> anyhow::Result<ExitCode> {
    use clap::CommandFactory;
    let mut command = Cli::command();
    command.build();
    let mut shown = &mut command;
    for name in path {
        shown = shown
            .find_subcommand_mut(name)
            .ok_or_else(|| anyhow::anyhow!("no command {name:?} (see kashf --help)"))?;
    }
    shown.print_help()?;
    Ok(ExitCode::SUCCESS)
}

/// Runs the command line and returns the exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let usage = e.use_stderr();
            let _ = e.print();
            return if usage {
                ExitCode::from(EXIT_USAGE)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let result = match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Link(args) => link::run(&args),
        Command::Variants(args) => variants::run(&args),
        Command::Normalize(args) => normalize::run(&args),
        Command::Eval(args) => eval::run(&args),
        Command::Train(args) => eval::train(&args),
        Command::Gazetteer(GazetteerCommand::Check { paths }) => gazetteer::check(&paths),
        Command::Gazetteer(GazetteerCommand::Lookup { names, gazetteers }) => {
            gazetteer::lookup(&names, &gazetteers)
        }
        Command::Help { command } => help(&command),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            report(format!("{e:#}"));
            ExitCode::from(EXIT_USAGE)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}
