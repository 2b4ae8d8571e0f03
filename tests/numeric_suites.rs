//! The table-driven NUMBER and DATE suites: `fixtures/numbers.tsv` and
//! `fixtures/dates.tsv`, run through the public API.
//!
//! Row format (tab-separated; `#` lines are comments):
//!
//! ```text
//! numbers.tsv: input  span  value  kind  [marker]
//! dates.tsv:   input  span  value  kind  ref_date  [marker]
//! ```
//!
//! - `span` is the exact original text of the expected entity. `-` means the
//!   input must have no entity of the suite's label at all; `!text` means no
//!   entity of the label may have exactly that text (value and kind are then
//!   ignored, write `-`).
//! - `value` is the JSON value (`15`, `2.5`, `2020-10-23`, `P12Y`); numbers
//!   compare numerically.
//! - `ref_date` (dates only) is `YYYY-MM-DD` or `-` for none.
//! - `marker` `#known-failing` marks a hard case kept for the record: it is
//!   counted and reported, but does not fail the run.
//!
//! Rows with the same input (and reference date) form a group: every entity
//! of the label in that input must be expected by some row of the group, so
//! the suites check precision as well as recall.
//!
//! Run: `cargo test --test numeric_suites -- --nocapture` prints the pass
//! rates.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use chrono::NaiveDate;
use kashf::{Entity, Extractor, Label, Value};

struct Row {
    line: usize,
    input: String,
    span: String,
    value: String,
    kind: String,
    ref_date: Option<NaiveDate>,
    known_failing: bool,
}

/// One extractor for the whole file (building the matchers is the slow
/// part of a debug build); `with_ref_date` gives the variants.
fn base() -> &'static Extractor {
    static BASE: LazyLock<Extractor> = LazyLock::new(|| Extractor::builder().build().unwrap());
    &BASE
}

fn parse(path: &str, with_ref: bool) -> Vec<Row> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let need = if with_ref { 5 } else { 4 };
        assert!(
            f.len() >= need,
            "{path}:{}: expected at least {need} tab-separated fields, got {}",
            i + 1,
            f.len()
        );
        let ref_date = if with_ref && f[4] != "-" && !f[4].is_empty() {
            Some(
                NaiveDate::parse_from_str(f[4], "%Y-%m-%d")
                    .unwrap_or_else(|e| panic!("{path}:{}: bad ref date: {e}", i + 1)),
            )
        } else {
            None
        };
        rows.push(Row {
            line: i + 1,
            input: f[0].to_owned(),
            span: f[1].to_owned(),
            value: f[2].to_owned(),
            kind: f[3].to_owned(),
            ref_date,
            known_failing: f[need..].iter().any(|m| m.trim() == "#known-failing"),
        });
    }
    rows
}

fn value_str(v: &Option<Value>) -> String {
    match v {
        Some(Value::Int(i)) => i.to_string(),
        Some(Value::Float(f)) => f.to_string(),
        Some(Value::Timex(t)) => t.clone(),
        None => "null".to_owned(),
    }
}

fn same_value(got: &Option<Value>, want: &str) -> bool {
    match got {
        Some(Value::Int(i)) => want
            .parse::<f64>()
            .is_ok_and(|w| (*i as f64 - w).abs() < 1e-9),
        Some(Value::Float(f)) => want
            .parse::<f64>()
            .is_ok_and(|w| (f - w).abs() <= 1e-6 * w.abs().max(1.0)),
        Some(Value::Timex(t)) => t == want,
        None => want == "null",
    }
}

fn show(e: &Entity) -> String {
    let kind = e.kind.map_or("-", |k| k.as_str());
    format!("«{}»={}:{kind}", e.text, value_str(&e.value))
}

/// Runs one suite; returns (passed, failed, known-failing rows, failures).
fn run(path: &str, label: Label, with_ref: bool) -> (usize, usize, usize, Vec<String>) {
    let rows = parse(path, with_ref);
    let mut extractors: BTreeMap<Option<NaiveDate>, Extractor> = BTreeMap::new();
    let mut groups: BTreeMap<(String, Option<NaiveDate>), Vec<&Row>> = BTreeMap::new();
    for r in &rows {
        groups
            .entry((r.input.clone(), r.ref_date))
            .or_default()
            .push(r);
    }
    let (mut passed, mut failed, mut known) = (0, 0, 0);
    let mut failures = Vec::new();
    for ((input, ref_date), group) in &groups {
        let ex = extractors
            .entry(*ref_date)
            .or_insert_with(|| base().with_ref_date(*ref_date));
        let got: Vec<Entity> = ex
            .extract(input)
            .into_iter()
            .filter(|e| e.label == label)
            .collect();
        let got_str = || got.iter().map(show).collect::<Vec<_>>().join(" ");
        // Entities no row of the group expects.
        let unexpected: Vec<&Entity> = got
            .iter()
            .filter(|e| !group.iter().any(|r| r.span == e.text))
            .collect();
        for (i, r) in group.iter().enumerate() {
            let ok = if r.span == "-" {
                got.is_empty()
            } else if let Some(not) = r.span.strip_prefix('!') {
                !got.iter().any(|e| e.text == not)
            } else {
                got.iter().any(|e| {
                    e.text == r.span
                        && same_value(&e.value, &r.value)
                        && e.kind.is_some_and(|k| k.as_str() == r.kind)
                })
            };
            // The group's first row also answers for unexpected entities.
            let ok = ok && (i > 0 || unexpected.is_empty() || r.span == "-");
            if r.known_failing {
                known += 1;
                if ok {
                    let file = path.rsplit('/').take(2).collect::<Vec<_>>();
                    println!(
                        "{}/{}:{}: known-failing row now passes",
                        file[1], file[0], r.line
                    );
                }
                continue;
            }
            if ok {
                passed += 1;
            } else {
                failed += 1;
                let want = if r.span == "-" || r.span.starts_with('!') {
                    format!("no {}", r.span)
                } else {
                    format!("«{}»={}:{}", r.span, r.value, r.kind)
                };
                let extra = if unexpected.is_empty() || i > 0 {
                    String::new()
                } else {
                    format!(
                        "\n    unexpected: {}",
                        unexpected
                            .iter()
                            .map(|e| show(e))
                            .collect::<Vec<_>>()
                            .join(" ")
                    )
                };
                let rd = ref_date.map_or(String::new(), |d| format!(" [ref {d}]"));
                failures.push(format!(
                    "{path}:{}: {input}{rd}\n    expected: {want}\n    got:      {}{extra}",
                    r.line,
                    got_str()
                ));
            }
        }
    }
    (passed, failed, known, failures)
}

fn suite(file: &str, label: Label, with_ref: bool) {
    let path = format!("{}/{file}", env!("CARGO_MANIFEST_DIR"));
    let (passed, failed, known, mut failures) = run(&path, label, with_ref);
    let prefix = format!("{}/", env!("CARGO_MANIFEST_DIR"));
    for f in &mut failures {
        *f = f.replacen(&prefix, "", 1);
    }
    let path = file;
    for f in &failures {
        println!("{f}");
    }
    let total = passed + failed;
    println!(
        "{path}: {passed}/{total} rows pass ({:.1}%), {known} known-failing",
        100.0 * passed as f64 / total.max(1) as f64
    );
    assert_eq!(failed, 0, "{path}: {failed} rows fail (see above)");
}

#[test]
fn numbers_suite() {
    suite("fixtures/numbers.tsv", Label::Number, false);
}

#[test]
fn dates_suite() {
    suite("fixtures/dates.tsv", Label::Date, true);
}

mod never_panics {
    use super::base;
    use proptest::prelude::*;

    /// Pieces the number and date grammars react to, mixed with noise.
    const PIECES: &[&str] = &[
        "و",
        "ب",
        "ال",
        "الـ",
        "ـ",
        "3",
        "15",
        "2020",
        "1,500",
        "2.5",
        "٣",
        "٫",
        "٬",
        "٪",
        "%",
        "/",
        "-",
        ":",
        "(",
        ")",
        "،",
        " ",
        " ",
        " ",
        "\n",
        "م",
        "هـ",
        "ه",
        "عام",
        "سنة",
        "عامي",
        "من",
        "إلى",
        "حتى",
        "بين",
        "منذ",
        "قبل",
        "بعد",
        "غد",
        "أمس",
        "اليوم",
        "الساعة",
        "الثامنة",
        "صباحاً",
        "مساء",
        "ظهر",
        "الخميس",
        "يوم",
        "الماضي",
        "المقبل",
        "الجاري",
        "مارس",
        "آذار",
        "كانون",
        "الثاني",
        "الأول",
        "ربيع",
        "جمادى",
        "ذو",
        "الحجة",
        "رمضان",
        "ثلاثة",
        "عشر",
        "عشرون",
        "مئة",
        "مائتا",
        "ألف",
        "آلاف",
        "ألفا",
        "مليون",
        "ونصف",
        "نصف",
        "ربع",
        "ثلثا",
        "أرباع",
        "في",
        "المئة",
        "بالمئة",
        "الحادي",
        "القرن",
        "التاسع",
        "الثمانينيات",
        "كل",
        "يومياً",
        "أيام",
        "أسبوعين",
        "دقائق",
        "الربع",
        "صيف",
        "x",
        "é",
        "😀",
        "\u{200F}",
        "ً",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn spans_are_in_bounds(pieces in prop::collection::vec(0..PIECES.len(), 0..40),
                               with_ref in any::<bool>()) {
            let text: String = pieces.iter().map(|&i| PIECES[i]).collect();
            let date = chrono::NaiveDate::from_ymd_opt(2021, 3, 12);
            let ex = base().with_ref_date(if with_ref { date } else { None });
            let chars: Vec<char> = text.chars().collect();
            let mut last_end = 0;
            for e in ex.extract(&text) {
                prop_assert!(e.start < e.end && e.end <= chars.len());
                prop_assert!(e.start >= last_end, "overlap in {text:?}");
                last_end = e.end;
                let slice: String = chars[e.start..e.end].iter().collect();
                prop_assert_eq!(slice, e.text.clone());
            }
        }
    }
}

/// Without `--ref-date`, the dateline at the head of a document is the
/// reference date; an explicit reference date wins over it.
#[test]
fn dateline_is_the_reference_date() {
    let doc = "القاهرة - 12 مارس 2021 (رويترز)\nقال الوزير أمس إن الاجتماع سيعقد الأسبوع المقبل.";
    let values = |ex: &Extractor| -> Vec<String> {
        ex.extract(doc)
            .into_iter()
            .filter(|e| e.label == Label::Date)
            .map(|e| format!("{}={}", e.text, value_str(&e.value)))
            .collect()
    };
    let ex = base();
    assert_eq!(
        values(ex),
        [
            "12 مارس 2021=2021-03-12",
            "أمس=2021-03-11",
            "الأسبوع المقبل=2021-W11"
        ]
    );
    let ex = Extractor::builder()
        .ref_date(NaiveDate::from_ymd_opt(2024, 2, 20))
        .build()
        .unwrap();
    assert_eq!(
        values(&ex),
        [
            "12 مارس 2021=2021-03-12",
            "أمس=2024-02-19",
            "الأسبوع المقبل=2024-W09"
        ]
    );
    // A date deep in the text is no dateline.
    let late = format!("{}\nقال الوزير أمس في 12 مارس 2021", "خبر طويل ".repeat(40));
    let ex = base();
    let amss: Vec<_> = ex
        .extract(&late)
        .into_iter()
        .filter(|e| e.text == "أمس")
        .map(|e| value_str(&e.value))
        .collect();
    assert_eq!(amss, ["XXXX-XX-XX"]);
}
