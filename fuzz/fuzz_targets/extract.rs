//! Extraction never panics and every entity's text is the original slice
//! its code-point offsets name.
#![no_main]

use std::sync::LazyLock;

use kashf::Extractor;
use libfuzzer_sys::fuzz_target;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| Extractor::builder().build().unwrap());

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let chars: Vec<char> = s.chars().collect();
    for e in EXTRACTOR.extract(s) {
        let slice: String = chars[e.start..e.end].iter().collect();
        assert_eq!(slice, e.text);
    }
});
