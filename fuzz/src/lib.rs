//! What the fuzz targets check, one function per target. The targets in
//! `fuzz_targets/` call these; the main crate's `tests/fuzz_regressions.rs`
//! includes this file and replays every input kept under `regressions/`
//! through the same functions, so a crash once found stays fixed.
//!
//! Each function takes arbitrary bytes and panics if a property fails:
//! - `normalize`: normalisation is idempotent and its offset map lands on
//!   character boundaries of the input;
//! - `text`, `lines`, `jsonl`: reading the bytes in that input mode (the
//!   first byte chooses the encoding option and `--lossy`) never panics; a
//!   document's pieces come in order with consecutive bases, first and last
//!   marked; extracting each piece never panics and every entity is in
//!   bounds, sorted, not overlapping, and exactly the slice of the piece
//!   its offsets name.

use std::ops::ControlFlow;
use std::sync::LazyLock;

use kashf::Extractor;
use kashf::extract::Scratch;
use kashf::input::{DecodeOptions, Encoding, Event, InputMode, Reader};
use kashf::normalize::Normalizer;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| Extractor::builder().build().unwrap());

/// The `normalize` target.
pub fn normalize(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let n = Normalizer::default().normalize(s);
    assert_eq!(Normalizer::default().normalize(n.text()).text(), n.text());
    for (i, c) in n.text().char_indices() {
        let r = n.source_range(i..i + c.len_utf8());
        assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
    }
}

/// The `text` target.
pub fn text(data: &[u8]) {
    read(InputMode::Text, data);
}

/// The `lines` target.
pub fn lines(data: &[u8]) {
    read(InputMode::Lines, data);
}

/// The `jsonl` target.
pub fn jsonl(data: &[u8]) {
    read(InputMode::Jsonl, data);
}

/// Reads `data` (its first byte the options) in `mode` and checks every
/// piece and its entities.
fn read(mode: InputMode, data: &[u8]) {
    let Some((&options, data)) = data.split_first() else {
        return;
    };
    let options = DecodeOptions {
        encoding: if options & 1 == 0 {
            Encoding::Utf8
        } else {
            Encoding::Windows1256
        },
        lossy: options & 2 != 0,
    };
    let mut reader = Reader::new(mode, options);
    let mut scratch = Scratch::default();
    // The document being read: its name and the code points seen so far.
    let mut open: Option<(String, usize)> = None;
    let _ = reader.read_stream(data, "fuzz", &mut |event| {
        let Event::Piece(p) = event else {
            return ControlFlow::Continue(());
        };
        let name = p.doc.name_text();
        match &open {
            None => assert!(p.first && p.base == 0, "{name}: a document starts at 0"),
            Some((n, seen)) => {
                assert!(!p.first && *n == name, "{name} began inside {n}");
                assert_eq!(p.base, *seen, "{name}: the bases are consecutive");
            }
        }
        let chars: Vec<char> = p.text.chars().collect();
        let mut entities = Vec::new();
        let length = EXTRACTOR.extract_chunk(&p.text, p.first, &mut scratch, &mut entities);
        assert_eq!(length, chars.len());
        let mut last_end = 0;
        for e in &entities {
            assert!(last_end <= e.start && e.start < e.end && e.end <= chars.len());
            let slice: String = chars[e.start..e.end].iter().collect();
            assert_eq!(slice, e.text);
            last_end = e.end;
        }
        open = (!p.last).then(|| (name, p.base + chars.len()));
        ControlFlow::Continue(())
    });
    assert!(open.is_none(), "a document was never closed");
}
