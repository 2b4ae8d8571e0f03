//! The `text` target: see `kashf_fuzz::text`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| kashf_fuzz::text(data));
