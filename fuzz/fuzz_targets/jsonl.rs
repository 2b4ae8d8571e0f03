//! The `jsonl` target: see `kashf_fuzz::jsonl`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| kashf_fuzz::jsonl(data));
