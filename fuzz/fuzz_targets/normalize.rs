//! Normalisation never panics, is idempotent, and its offset map lands on
//! character boundaries of the input.
#![no_main]

use kashf::normalize::Normalizer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let n = Normalizer::default().normalize(s);
    assert_eq!(Normalizer::default().normalize(n.text()).text(), n.text());
    for (i, c) in n.text().char_indices() {
        let r = n.source_range(i..i + c.len_utf8());
        assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
    }
});
