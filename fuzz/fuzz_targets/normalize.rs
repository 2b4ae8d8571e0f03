//! The `normalize` target: see `kashf_fuzz::normalize`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| kashf_fuzz::normalize(data));
