//! The byte format of the embedded tables, and the pieces they are made of.
//!
//! Every table starts with a header: the magic `KASHFTBL`, the format
//! version ([`VERSION`], `u32`), four bytes naming the table (`WORD`,
//! `GAZE`, …) and the fingerprint of the inputs it was generated from
//! (`u64`, see `build.rs`). Then come the table's sections, each written by
//! the module that owns the table, from these pieces:
//!
//! - numbers, little-endian whatever the platform (`u8`, `u16`, `u32`,
//!   `u64`, `f32`), never native-endian;
//! - byte strings as a `u32` length and the bytes;
//! - arrays of numbers as a `u32` count and the numbers, read in place
//!   ([`U16s`], [`U32s`], [`U64s`]): an element is decoded when it is read,
//!   so loading a table copies nothing;
//! - [`StrMap`]: a set of strings with dense ids, an open-addressing hash
//!   table read in place (below).
//!
//! A reader checks every length against the bytes it has and returns an
//! error (never panics) on anything malformed; the tables are embedded, but
//! a test reads them back from what the generator writes, and a damaged
//! table must fall back to being built, not crash the program.

/// First bytes of every table.
pub(crate) const MAGIC: &[u8; 8] = b"KASHFTBL";

/// Version of this format. Bump it on any change to what a reader expects:
/// a table of another version is not read (the library builds the table
/// from its sources instead, and the test that compares the embedded
/// tables with the generator's fails until they are generated again).
pub(crate) const VERSION: u32 = 1;

/// The fingerprint of the inputs a table is generated from, as `build.rs`
/// computed it for this build (`env!("KASHF_TABLE_INPUTS_<TABLE>")`).
pub(crate) fn fingerprint(hex: &str) -> u64 {
    u64::from_str_radix(hex, 16).expect("build.rs writes hex")
}

/// Eight bytes of `s` from `at`, little-endian.
#[inline(always)]
fn read8(s: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(s[at..at + 8].try_into().expect("8 bytes"))
}

/// Four bytes of `s` from `at`, little-endian.
#[inline(always)]
fn read4(s: &[u8], at: usize) -> u64 {
    u64::from(u32::from_le_bytes(
        s[at..at + 4].try_into().expect("4 bytes"),
    ))
}

/// The 128-bit product of `x` and `y`, its halves xored.
#[inline(always)]
fn folded_multiply(x: u64, y: u64) -> u64 {
    let full = u128::from(x) * u128::from(y);
    full as u64 ^ (full >> 64) as u64
}

/// The hash of [`StrMap`] keys, a folded multiply of the key's first and
/// last bytes as foldhash and wyhash do it: a word of news (most are 4 to
/// 16 bytes) is read in two loads, with no loop and no copy, where an
/// eight-bytes-at-a-time loop with a padded last word cost a lookup about
/// 150 instructions (callgrind). Part of the format: it must not change
/// with a dependency or a platform.
#[inline]
pub(crate) fn hash(s: &[u8]) -> u64 {
    const K0: u64 = 0x243F_6A88_85A3_08D3;
    const K1: u64 = 0x1319_8A2E_0370_7344;
    const K2: u64 = 0xA409_3822_299F_31D0;
    let n = s.len();
    let (mut lo, hi) = if n >= 8 {
        (read8(s, 0), read8(s, n - 8))
    } else if n >= 4 {
        (read4(s, 0), read4(s, n - 4))
    } else if n > 0 {
        (
            u64::from(s[0]) | u64::from(s[n / 2]) << 8 | u64::from(s[n - 1]) << 16,
            0,
        )
    } else {
        (0, 0)
    };
    if n > 16 {
        // Longer keys: the middle sixteen bytes at a time.
        let mut acc = K2;
        let mut at = 8;
        while at + 8 < n - 8 {
            acc = folded_multiply(read8(s, at) ^ K0, read8(s, at + 8) ^ acc);
            at += 16;
        }
        if at < n - 8 {
            acc = folded_multiply(read8(s, at) ^ K0, acc);
        }
        lo ^= acc;
    }
    folded_multiply(lo ^ K0, hi ^ K1 ^ n as u64)
}

/// Whether `a` and `b` (of the same length) hold the same bytes: two
/// loads each for the lengths of most words, `==` (memcmp) for others.
#[inline(always)]
fn same(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if (8..=16).contains(&n) {
        read8(a, 0) == read8(b, 0) && read8(a, n - 8) == read8(b, n - 8)
    } else {
        a == b
    }
}

/// Writes a table.
#[derive(Debug, Default)]
pub(crate) struct Writer {
    out: Vec<u8>,
}

impl Writer {
    /// A table named `kind`, generated from inputs with `fingerprint`.
    pub(crate) fn new(kind: &[u8; 4], fingerprint: u64) -> Writer {
        let mut w = Writer::default();
        w.out.extend_from_slice(MAGIC);
        w.u32(VERSION);
        w.out.extend_from_slice(kind);
        w.u64(fingerprint);
        w
    }

    pub(crate) fn u16(&mut self, n: u16) {
        self.out.extend_from_slice(&n.to_le_bytes());
    }

    pub(crate) fn u32(&mut self, n: u32) {
        self.out.extend_from_slice(&n.to_le_bytes());
    }

    pub(crate) fn u64(&mut self, n: u64) {
        self.out.extend_from_slice(&n.to_le_bytes());
    }

    /// A count or length, which the format keeps in a `u32`.
    pub(crate) fn len(&mut self, n: usize) {
        self.u32(u32::try_from(n).expect("a table section below 4 G entries"));
    }

    /// A byte string: its length, then the bytes.
    pub(crate) fn bytes(&mut self, b: &[u8]) {
        self.len(b.len());
        self.out.extend_from_slice(b);
    }

    /// An array of `u16`: its count, then the numbers.
    pub(crate) fn u16s(&mut self, ns: &[u16]) {
        self.len(ns.len());
        ns.iter().for_each(|&n| self.u16(n));
    }

    /// An array of `u32`: its count, then the numbers.
    pub(crate) fn u32s(&mut self, ns: &[u32]) {
        self.len(ns.len());
        ns.iter().for_each(|&n| self.u32(n));
    }

    /// An array of `u64`: its count, then the numbers.
    pub(crate) fn u64s(&mut self, ns: &[u64]) {
        self.len(ns.len());
        ns.iter().for_each(|&n| self.u64(n));
    }

    /// The table's bytes.
    pub(crate) fn finish(self) -> Vec<u8> {
        self.out
    }
}

/// Reads a table, section by section.
#[derive(Clone, Debug)]
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

/// Why a table could not be read.
pub(crate) type ReadError = String;

impl<'a> Reader<'a> {
    /// Reads the header of a table named `kind`; returns a reader at the
    /// first section and the fingerprint the table was generated from.
    pub(crate) fn open(bytes: &'a [u8], kind: &[u8; 4]) -> Result<(Reader<'a>, u64), ReadError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(8)? != MAGIC {
            return Err("not a kashf table (no KASHFTBL)".into());
        }
        let version = r.u32()?;
        if version != VERSION {
            return Err(format!(
                "table format version {version}, expected {VERSION}"
            ));
        }
        let found = r.take(4)?;
        if found != kind {
            return Err(format!(
                "a {} table, expected {}",
                String::from_utf8_lossy(found),
                String::from_utf8_lossy(kind)
            ));
        }
        let fingerprint = r.u64()?;
        Ok((r, fingerprint))
    }

    /// The next `n` bytes.
    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8], ReadError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| format!("table cut short at byte {}", self.at))?;
        let b = &self.bytes[self.at..end];
        self.at = end;
        Ok(b)
    }

    pub(crate) fn u32(&mut self) -> Result<u32, ReadError> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }

    pub(crate) fn u64(&mut self) -> Result<u64, ReadError> {
        Ok(u64::from_le_bytes(
            self.take(8)?.try_into().expect("8 bytes"),
        ))
    }

    pub(crate) fn len(&mut self) -> Result<usize, ReadError> {
        Ok(self.u32()? as usize)
    }

    pub(crate) fn bytes(&mut self) -> Result<&'a [u8], ReadError> {
        let n = self.len()?;
        self.take(n)
    }

    /// `n` elements of `size` bytes each, with their count first.
    fn array(&mut self, size: usize) -> Result<&'a [u8], ReadError> {
        let n = self.len()?;
        let bytes = n
            .checked_mul(size)
            .ok_or_else(|| format!("array of {n} elements too long at byte {}", self.at))?;
        self.take(bytes)
    }

    pub(crate) fn u16s(&mut self) -> Result<U16s<'a>, ReadError> {
        Ok(U16s(self.array(2)?))
    }

    pub(crate) fn u32s(&mut self) -> Result<U32s<'a>, ReadError> {
        Ok(U32s(self.array(4)?))
    }

    pub(crate) fn u64s(&mut self) -> Result<U64s<'a>, ReadError> {
        Ok(U64s(self.array(8)?))
    }

    /// Fails unless every byte has been read.
    pub(crate) fn end(&self) -> Result<(), ReadError> {
        if self.at == self.bytes.len() {
            Ok(())
        } else {
            Err(format!(
                "{} bytes left over after the table",
                self.bytes.len() - self.at
            ))
        }
    }
}

macro_rules! in_place_array {
    ($name:ident, $t:ty, $size:expr, $doc:literal) => {
        #[doc = $doc]
        #[derive(Clone, Copy, Debug, Default)]
        pub(crate) struct $name<'a>(&'a [u8]);

        impl<'a> $name<'a> {
            /// How many numbers.
            pub(crate) fn len(&self) -> usize {
                self.0.len() / $size
            }

            /// Number `i`.
            ///
            /// # Panics
            ///
            /// If `i` is out of bounds.
            #[inline]
            pub(crate) fn get(&self, i: usize) -> $t {
                <$t>::from_le_bytes(
                    self.0[i * $size..i * $size + $size]
                        .try_into()
                        .expect("in bounds"),
                )
            }
        }
    };
}

in_place_array!(
    U16s,
    u16,
    2,
    "An array of `u16`, little-endian, read in place."
);
in_place_array!(
    U32s,
    u32,
    4,
    "An array of `u32`, little-endian, read in place."
);
in_place_array!(
    U64s,
    u64,
    8,
    "An array of `u64`, little-endian, read in place."
);

impl U32s<'_> {
    /// Numbers `i..i + N`, with one bounds check for all of them.
    ///
    /// # Panics
    ///
    /// If `i + N` is out of bounds.
    #[inline]
    pub(crate) fn array<const N: usize>(&self, i: usize) -> [u32; N] {
        let bytes = &self.0[i * 4..(i + N) * 4];
        std::array::from_fn(|k| {
            u32::from_le_bytes(bytes[k * 4..k * 4 + 4].try_into().expect("in bounds"))
        })
    }
}

/// A set of strings with dense ids `0..len`, read in place: an
/// open-addressing hash table of twice as many slots as strings or more (a
/// power of two), probed linearly from [`hash`]`(s)`'s low bits. A slot
/// holds, in a `u64`, the string's id plus one (0: empty) in the low half
/// and the hash's high half in the high half, so that most probes that miss
/// are told apart without reading the string. The strings are stored one
/// after the other, with their start offsets.
///
/// Layout: `u32s` slots as `u64s`; `u32s` offsets (`len + 1` of them); the
/// strings' bytes.
#[derive(Clone, Copy, Debug)]
pub(crate) struct StrMap<'a> {
    slots: U64s<'a>,
    /// The number of slots less one.
    mask: usize,
    offsets: U32s<'a>,
    text: &'a [u8],
}

impl<'a> StrMap<'a> {
    /// Writes `strings` (distinct; string `i` gets id `i`).
    ///
    /// # Panics
    ///
    /// If two strings are equal.
    pub(crate) fn write(strings: &[&str], w: &mut Writer) {
        let size = (strings.len() * 2).next_power_of_two().max(2);
        let mask = size - 1;
        let mut slots = vec![0u64; size];
        for (id, s) in strings.iter().enumerate() {
            let h = hash(s.as_bytes());
            let mut i = h as usize & mask;
            while slots[i] != 0 {
                let other = (slots[i] as u32 - 1) as usize;
                assert!(strings[other] != *s, "{s:?} twice in a string map");
                i = (i + 1) & mask;
            }
            slots[i] = (h >> 32) << 32 | (id as u64 + 1);
        }
        w.u64s(&slots);
        let mut offsets = Vec::with_capacity(strings.len() + 1);
        let mut text = Vec::new();
        for s in strings {
            offsets.push(u32::try_from(text.len()).expect("below 4 GB of strings"));
            text.extend_from_slice(s.as_bytes());
        }
        offsets.push(u32::try_from(text.len()).expect("below 4 GB of strings"));
        w.u32s(&offsets);
        w.bytes(&text);
    }

    /// Reads what [`StrMap::write`] wrote.
    pub(crate) fn read(r: &mut Reader<'a>) -> Result<StrMap<'a>, ReadError> {
        let slots = r.u64s()?;
        let offsets = r.u32s()?;
        let text = r.bytes()?;
        if !slots.len().is_power_of_two() || slots.len() < 2 * offsets.len().saturating_sub(1) {
            return Err(format!(
                "a string map of {} slots for {} strings",
                slots.len(),
                offsets.len().saturating_sub(1)
            ));
        }
        let n = offsets.len().saturating_sub(1);
        let mut prev = 0;
        for i in 0..offsets.len() {
            let o = offsets.get(i) as usize;
            if o < prev || o > text.len() {
                return Err(format!("string offset {o} out of order or bounds"));
            }
            prev = o;
        }
        for i in 0..slots.len() {
            let id = slots.get(i) as u32 as usize;
            if id > n {
                return Err(format!("string id {id} of {n}"));
            }
        }
        Ok(StrMap {
            slots,
            mask: slots.len() - 1,
            offsets,
            text,
        })
    }

    /// How many strings.
    pub(crate) fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// The id of `s`, if the map holds it.
    #[inline]
    pub(crate) fn get(&self, s: &str) -> Option<u32> {
        let s = s.as_bytes();
        let h = hash(s);
        let tag = h >> 32;
        let mut i = h as usize & self.mask;
        loop {
            let slot = self.slots.get(i);
            if slot == 0 {
                return None;
            }
            if slot >> 32 == tag {
                let id = (slot as u32 - 1) as usize;
                let found = self.bytes_of(id);
                if found.len() == s.len() && same(found, s) {
                    return Some(id as u32);
                }
            }
            i = (i + 1) & self.mask;
        }
    }

    fn bytes_of(&self, id: usize) -> &'a [u8] {
        &self.text[self.offsets.get(id) as usize..self.offsets.get(id + 1) as usize]
    }

    /// String `id`.
    ///
    /// # Panics
    ///
    /// If `id` is out of bounds, or the table holds bad UTF-8 there.
    pub(crate) fn str(&self, id: u32) -> &'a str {
        std::str::from_utf8(self.bytes_of(id as usize)).expect("tables hold UTF-8")
    }
}

/// Reads the embedded table `bytes` with `read` if it was generated from
/// this build's sources (fingerprint `inputs`) and reads well; `None` otherwise (the caller builds
/// the table instead).
pub(crate) fn load<T>(
    bytes: &'static [u8],
    kind: &[u8; 4],
    inputs: u64,
    read: impl FnOnce(&'static [u8]) -> Result<T, ReadError>,
) -> Option<T> {
    let (_, fingerprint) = Reader::open(bytes, kind).ok()?;
    if fingerprint != inputs {
        return None;
    }
    read(bytes).ok()
}

/// Keeps `bytes` for the rest of the process (a table built at startup
/// because the embedded one is stale: built once, used until exit).
pub(crate) fn leak(bytes: Vec<u8>) -> &'static [u8] {
    Box::leak(bytes.into_boxed_slice())
}

/// Compares an embedded table with what its generator writes now, or, with
/// `KASHF_UPDATE_TABLES=1` in the environment, writes the generator's into
/// `gazetteers/tables/` (commit it, then rebuild).
#[cfg(test)]
pub(crate) fn check_embedded(file: &str, embedded: &[u8], generated: &[u8]) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("gazetteers/tables")
        .join(file);
    if std::env::var_os("KASHF_UPDATE_TABLES").is_some() {
        std::fs::create_dir_all(path.parent().expect("a folder")).unwrap();
        std::fs::write(&path, generated).unwrap();
        return;
    }
    assert!(
        embedded == generated,
        "{} is not what its generator writes now ({} bytes embedded, {} generated): \
         run `KASHF_UPDATE_TABLES=1 cargo test --release --lib tables_are_what`, \
         commit gazetteers/tables/ and rebuild",
        path.display(),
        embedded.len(),
        generated.len()
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map_of(strings: &[&str]) -> Vec<u8> {
        let mut w = Writer::new(b"TEST", 7);
        StrMap::write(strings, &mut w);
        w.finish()
    }

    #[test]
    fn a_string_map_finds_its_strings_and_nothing_else() {
        let words: Vec<String> = (0..5000).map(|i| format!("كلمة{i}")).collect();
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        let bytes = map_of(&refs);
        let (mut r, fingerprint) = Reader::open(&bytes, b"TEST").unwrap();
        assert_eq!(fingerprint, 7);
        let map = StrMap::read(&mut r).unwrap();
        r.end().unwrap();
        assert_eq!(map.len(), 5000);
        for (i, w) in refs.iter().enumerate() {
            assert_eq!(map.get(w), Some(i as u32), "{w}");
            assert_eq!(map.str(i as u32), *w);
        }
        for miss in ["", "كلمة", "كلمة5000", "كلمة12 ", "x"] {
            assert_eq!(map.get(miss), None, "{miss:?}");
        }
        let empty = map_of(&[]);
        let (mut r, _) = Reader::open(&empty, b"TEST").unwrap();
        assert_eq!(StrMap::read(&mut r).unwrap().get("a"), None);
    }

    #[test]
    fn numbers_are_little_endian_whatever_the_platform() {
        let mut w = Writer::new(b"TEST", 0x0102_0304_0506_0708);
        w.u16s(&[0x0102]);
        w.u32s(&[0x0102_0304]);
        let bytes = w.finish();
        assert_eq!(&bytes[..8], b"KASHFTBL");
        assert_eq!(&bytes[8..12], &VERSION.to_le_bytes());
        assert_eq!(&bytes[16..24], &[8, 7, 6, 5, 4, 3, 2, 1]);
        assert_eq!(&bytes[24..], &[1, 0, 0, 0, 2, 1, 1, 0, 0, 0, 4, 3, 2, 1]);
        let (mut r, _) = Reader::open(&bytes, b"TEST").unwrap();
        assert_eq!(r.u16s().unwrap().get(0), 0x0102);
        assert_eq!(r.u32s().unwrap().get(0), 0x0102_0304);
    }

    #[test]
    fn damaged_tables_are_refused_with_a_reason() {
        let good = map_of(&["ا", "ب"]);
        let (_, _) = Reader::open(&good, b"TEST").unwrap();
        let cases: Vec<(Vec<u8>, &str)> = vec![
            (b"KASHFTAB".to_vec(), "not a kashf table"),
            (
                [&good[..8], &99u32.to_le_bytes(), &good[12..]].concat(),
                "version 99",
            ),
            (good.clone(), "a TEST table, expected WORD"),
            (good[..good.len() - 1].to_vec(), "cut short"),
        ];
        for (bytes, want) in cases {
            let kind = if want.contains("WORD") {
                b"WORD"
            } else {
                b"TEST"
            };
            let err = Reader::open(&bytes, kind)
                .and_then(|(mut r, _)| StrMap::read(&mut r).map(|_| ()))
                .unwrap_err();
            assert!(err.contains(want), "{want}: {err}");
        }
    }
}
