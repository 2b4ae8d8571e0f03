//! The `lines` target: see `kashf_fuzz::lines`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| kashf_fuzz::lines(data));
