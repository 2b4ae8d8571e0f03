//! Reading documents: files and streams, in three modes, in bounded memory.
//!
//! In: a file path or a reader, an [`InputMode`] and [`DecodeOptions`].
//! Out: [`Event`]s, in input order: [`Piece`]s of document text (at most
//! about [`CHUNK_BYTES`] each, cut at paragraph, line or word breaks) and
//! [`Error`]s that name the input and what is wrong with it.
//!
//! Invariants:
//! - a document's pieces come in order, the first with `first`, the last
//!   with `last`, and `base` is the code-point offset of the piece in its
//!   document, so offsets stay relative to the whole document;
//! - a file whose bytes are bad (invalid UTF-8, NUL bytes) yields an error
//!   and **no** pieces: small files are decoded whole first, and files
//!   larger than [`SMALL_FILE`] get a validating pass before the real one,
//!   so memory never grows with the size of a file;
//! - a stream (stdin) cannot be read twice: a bad byte in the middle of a
//!   huge streamed document ends that document (its last piece is sent,
//!   empty if need be) and then an error that says it was truncated;
//! - memory is bounded by a piece, a line being cut into pieces, or one
//!   JSONL record (held once: its `text` is unescaped in place and copied
//!   out a piece at a time).
//!
//! Encodings, the same in every mode: UTF-8 by default, or Windows-1256
//! (the legacy Arabic code page) with [`Encoding::Windows1256`]. A UTF-16
//! byte order mark (either endianness) at the start of an input switches
//! that input to UTF-16 and is not part of the text; a UTF-8 byte order
//! mark at the start of an input makes it UTF-8 whatever the option, and
//! is kept as the character U+FEFF at offset 0 of the first document, as
//! Python's `utf-8` codec keeps it (the normaliser ignores it), except in
//! JSONL, where it is not part of any record. In `lines` and `jsonl` modes
//! an input that is not UTF-8 is transcoded to UTF-8 first and then cut
//! into lines, so a bad sequence spoils its own line only.
//!
//! Document names: a path, `stdin`, or either with `:N` for a line. A name
//! whose bytes are not UTF-8 (a file name on Unix may hold any bytes) is
//! the JSON object `{"bytes": BASE64}` of its bytes, so that two such names
//! never come out the same (the convention of ripgrep's JSON output).

use std::borrow::Cow;
use std::ffi::OsStr;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::ops::ControlFlow;
use std::path::Path;
use std::sync::Arc;

use encoding_rs::{CoderResult, DecoderResult, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1256};
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::{Map, Value as Json};

use crate::error::{Error, ErrorKind, Result};
pub use crate::extract::CHUNK_BYTES;
use crate::extract::chunk_end;
use crate::output::DocMeta;

/// Files up to this size are decoded whole before any of their text is
/// sent; larger ones are validated in a first streaming pass.
pub const SMALL_FILE: u64 = 8 << 20;

/// How bytes become text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (the default).
    #[default]
    Utf8,
    /// Windows-1256, the legacy Arabic code page.
    Windows1256,
}

/// Decoding options.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DecodeOptions {
    /// The encoding of inputs without a UTF-16 byte order mark.
    pub encoding: Encoding,
    /// Replace malformed bytes with U+FFFD instead of failing.
    pub lossy: bool,
}

/// What one input holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InputMode {
    /// The whole input is one document.
    #[default]
    Text,
    /// Each line is one document, named `SOURCE:N` (1-based).
    Lines,
    /// Each line is a JSON object with a `text` string and an optional
    /// `id` (echoed as the document's name); other fields are copied
    /// through, a `doc` or `entities` of the record's own renamed
    /// `input_doc` or `input_entities` (with more `input_` until the name
    /// is free), so that the output never holds a key twice.
    Jsonl,
}

/// A piece of one document's text.
#[derive(Clone, Debug)]
pub struct Piece {
    /// The document it belongs to.
    pub doc: Arc<DocMeta>,
    /// The text.
    pub text: String,
    /// Code-point offset of `text` in the document.
    pub base: usize,
    /// The document's first piece.
    pub first: bool,
    /// The document's last piece.
    pub last: bool,
}

/// What reading an input reports.
#[derive(Debug)]
pub enum Event {
    /// Document text.
    Piece(Piece),
    /// Something that could not be read; reading goes on where it can.
    Error(Error),
}

/// Reads inputs into [`Event`]s. Keeps its buffers between inputs.
#[derive(Debug)]
pub struct Reader {
    mode: InputMode,
    stream: TextStream,
}

/// Where an error about a document leaves it.
const SKIPPED: &str = ", skipped";
const TRUNCATED: &str = ": the document was truncated there (the entities before it were written)";

/// The hint after a decoding error.
const DECODING_HINT: &str =
    " (--lossy decodes it with U+FFFD; --encoding windows-1256 reads legacy Arabic text)";

/// `e`, saying what became of its document (`SKIPPED`, `TRUNCATED`), and
/// for a decoding error how to read the input anyway.
fn settled(e: Error, outcome: &str) -> Error {
    let e = e.with_outcome(outcome);
    match e.kind() {
        ErrorKind::Encoding => e.with_outcome(DECODING_HINT),
        _ => e,
    }
}

impl Reader {
    /// A reader for `mode` with `options`.
    pub fn new(mode: InputMode, options: DecodeOptions) -> Reader {
        Reader {
            mode,
            stream: TextStream::new(options),
        }
    }

    /// Reads the file at `path`; its documents are named by `name` (the
    /// path, usually).
    /// Returns `Break` if `sink` asked to stop.
    pub fn read_file(
        &mut self,
        path: &Path,
        name: impl AsRef<OsStr>,
        sink: &mut dyn FnMut(Event) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        let name = name.as_ref().as_encoded_bytes();
        let open = || File::open(path).map_err(|e| Error::io(e).with_path(path));
        let file = match open() {
            Ok(f) => f,
            Err(e) => return sink(Event::Error(e)),
        };
        if self.mode != InputMode::Text {
            return self.read_records(BufReader::new(file), name, path, sink);
        }
        let doc = Arc::new(DocMeta {
            name: doc_name(name, None),
            extra: Map::new(),
        });
        let size = match file.metadata() {
            Ok(m) if m.is_file() => m.len(),
            // A pipe or device cannot be read twice: stream it like stdin.
            _ => {
                let mut reader = file;
                return match self.stream_document(&mut reader, &doc, sink)? {
                    Some(e) => sink(Event::Error(e.with_path(path))),
                    None => ControlFlow::Continue(()),
                };
            }
        };
        self.stream.begin(true);
        if size <= SMALL_FILE {
            // Decode it whole: a bad byte anywhere sends nothing.
            let mut pieces = Vec::new();
            let mut reader = file;
            loop {
                match self.stream.next_chunk(&mut reader) {
                    Ok(Some(text)) => pieces.push(text),
                    Ok(None) => break,
                    Err(e) => return sink(Event::Error(settled(e.with_path(path), SKIPPED))),
                }
            }
            return send_pieces(&doc, pieces.into_iter(), sink);
        }
        // Validate first, then read again for real.
        let mut reader = file;
        loop {
            match self.stream.next_chunk(&mut reader) {
                Ok(Some(_)) => {}
                Ok(None) => break,
                Err(e) => return sink(Event::Error(settled(e.with_path(path), SKIPPED))),
            }
        }
        let mut reader = match open() {
            Ok(f) => f,
            Err(e) => return sink(Event::Error(e)),
        };
        match self.stream_document(&mut reader, &doc, sink)? {
            Some(e) => sink(Event::Error(e.with_path(path))),
            None => ControlFlow::Continue(()),
        }
    }

    /// Reads a stream (stdin); its documents are named by `name` (`stdin`,
    /// and `stdin:N` for lines).
    pub fn read_stream(
        &mut self,
        mut reader: impl BufRead,
        name: impl AsRef<OsStr>,
        sink: &mut dyn FnMut(Event) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        let name = name.as_ref();
        if self.mode != InputMode::Text {
            return self.read_records(reader, name.as_encoded_bytes(), Path::new(name), sink);
        }
        let doc = Arc::new(DocMeta {
            name: doc_name(name.as_encoded_bytes(), None),
            extra: Map::new(),
        });
        match self.stream_document(&mut reader, &doc, sink)? {
            Some(e) => sink(Event::Error(e.with_path(name))),
            None => ControlFlow::Continue(()),
        }
    }

    /// Reads an input of lines or JSONL records: its encoding is settled
    /// once, from its first bytes and the options, and an input that is not
    /// UTF-8 is transcoded before it is cut into lines.
    fn read_records(
        &mut self,
        mut reader: impl BufRead,
        name: &[u8],
        path: &Path,
        sink: &mut dyn FnMut(Event) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        let mut head = Vec::with_capacity(3);
        while head.len() < 3 {
            match reader.fill_buf() {
                Ok([]) => break,
                Ok(buf) => {
                    let n = buf.len().min(3 - head.len());
                    head.extend_from_slice(&buf[..n]);
                    reader.consume(n);
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return sink(Event::Error(Error::io(e).with_path(path))),
            }
        }
        let options = self.stream.options;
        // A UTF-16 byte order mark is no part of the text; a UTF-8 one is
        // the character U+FEFF, but no part of a JSON record.
        let (encoding, bom) = match (head.as_slice(), options.encoding) {
            ([0xFF, 0xFE, ..], _) => (Some(UTF_16LE), 2),
            ([0xFE, 0xFF, ..], _) => (Some(UTF_16BE), 2),
            ([0xEF, 0xBB, 0xBF], _) if self.mode == InputMode::Jsonl => (None, 3),
            ([0xEF, 0xBB, 0xBF], _) | (_, Encoding::Utf8) => (None, 0),
            (_, Encoding::Windows1256) => (Some(WINDOWS_1256), 0),
        };
        head.drain(..bom);
        let head = std::io::Cursor::new(head);
        match encoding {
            None => {
                self.stream.transcoded = None;
                self.records(head.chain(reader), name, path, sink)
            }
            Some(encoding) => {
                self.stream.transcoded = Some(encoding.name());
                let transcode = Transcode::new(head.chain(reader), encoding, options.lossy);
                self.records(BufReader::new(transcode), name, path, sink)
            }
        }
    }

    /// Reads the lines or JSONL records of a UTF-8 stream.
    fn records(
        &mut self,
        mut reader: impl BufRead,
        name: &[u8],
        path: &Path,
        sink: &mut dyn FnMut(Event) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        if self.mode == InputMode::Lines {
            for n in 1.. {
                match reader.fill_buf() {
                    Ok([]) => break,
                    Ok(_) => {}
                    Err(e) => return sink(Event::Error(Error::io(e).with_path(path))),
                }
                let doc = Arc::new(DocMeta {
                    name: doc_name(name, Some(n)),
                    extra: Map::new(),
                });
                let mut line = LineReader::new(&mut reader);
                if let Some(e) = self.stream_document(&mut line, &doc, sink)? {
                    sink(Event::Error(e.with_path(path).with_line(n)))?;
                }
                // Skip what is left of a line whose decoding failed.
                if !line.done {
                    let _ = std::io::copy(&mut line, &mut std::io::sink());
                }
            }
            return ControlFlow::Continue(());
        }
        let mut buf = Vec::new();
        for n in 1u64.. {
            buf.clear();
            match reader.read_until(b'\n', &mut buf) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => {
                    return sink(Event::Error(Error::io(e).with_path(path).with_line(n)));
                }
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let fallback = doc_name(name, Some(n));
            match json_document(&mut buf, fallback, &self.stream) {
                Ok((doc, text)) => send_pieces(&Arc::new(doc), pieces_of(text), sink)?,
                Err(e) => sink(Event::Error(e.with_path(path).with_line(n)))?,
            }
            // One enormous record must not hold its memory for the rest of
            // the input.
            if buf.capacity() > 4 * CHUNK_BYTES {
                buf = Vec::new();
            }
        }
        ControlFlow::Continue(())
    }

    /// Streams one document from `reader`, sending pieces as they are
    /// decoded. On a decoding error the document is closed (an empty last
    /// piece if need be) and the error returned, saying whether the
    /// document was skipped or truncated.
    fn stream_document(
        &mut self,
        reader: &mut dyn Read,
        doc: &Arc<DocMeta>,
        sink: &mut dyn FnMut(Event) -> ControlFlow<()>,
    ) -> ControlFlow<(), Option<Error>> {
        self.stream.begin(self.mode == InputMode::Text);
        let mut held: Option<String> = None;
        let mut base = 0;
        let mut first = true;
        loop {
            let next = self.stream.next_chunk(reader);
            if let Some(text) = held.take() {
                let chars = text.chars().count();
                // A document whose first piece is followed by an error is
                // skipped whole: nothing of it was sent yet.
                if !(first && next.is_err()) {
                    sink(Event::Piece(Piece {
                        doc: doc.clone(),
                        text,
                        base,
                        first,
                        last: matches!(next, Ok(None)),
                    }))?;
                    first = false;
                }
                base += chars;
            }
            match next {
                Ok(Some(text)) => held = Some(text),
                Ok(None) => return ControlFlow::Continue(None),
                Err(e) if first => return ControlFlow::Continue(Some(settled(e, SKIPPED))),
                Err(e) => {
                    // The document was started: close it.
                    sink(Event::Piece(Piece {
                        doc: doc.clone(),
                        text: String::new(),
                        base,
                        first: false,
                        last: true,
                    }))?;
                    return ControlFlow::Continue(Some(settled(e, TRUNCATED)));
                }
            }
        }
    }
}

/// A document name from its bytes and line number: a string if it is
/// UTF-8, else `{"bytes": BASE64}`.
fn doc_name(name: &[u8], line: Option<u64>) -> Json {
    let name: Cow<[u8]> = match line {
        Some(n) => Cow::Owned([name, format!(":{n}").as_bytes()].concat()),
        None => Cow::Borrowed(name),
    };
    match std::str::from_utf8(&name) {
        Ok(s) => Json::String(s.to_owned()),
        Err(_) => {
            let mut object = Map::new();
            object.insert("bytes".into(), Json::String(base64(&name)));
            Json::Object(object)
        }
    }
}

/// Standard base64 with padding (RFC 4648 §4).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for group in bytes.chunks(3) {
        let n = group
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (u32::from(b) << (16 - 8 * i)));
        for i in 0..4 {
            out.push(if i <= group.len() {
                ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char
            } else {
                '='
            });
        }
    }
    out
}

/// Sends the pieces of a document whose text is all in hand.
fn send_pieces(
    doc: &Arc<DocMeta>,
    pieces: impl Iterator<Item = String>,
    sink: &mut dyn FnMut(Event) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let mut pieces = pieces.peekable();
    let mut base = 0;
    let mut first = true;
    while let Some(text) = pieces.next() {
        let chars = text.chars().count();
        sink(Event::Piece(Piece {
            doc: doc.clone(),
            text,
            base,
            first,
            last: pieces.peek().is_none(),
        }))?;
        first = false;
        base += chars;
    }
    ControlFlow::Continue(())
}

/// The chunks of a text in hand (one, empty, for empty text), each copied
/// out when it is asked for: a piece owns exactly its text, and the time
/// is linear in the text.
fn pieces_of(text: &str) -> impl Iterator<Item = String> + '_ {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let r = rest?;
        let (piece, tail) = r.split_at(chunk_end(r, CHUNK_BYTES));
        rest = (!tail.is_empty()).then_some(tail);
        Some(piece.to_owned())
    })
}

/// One JSONL record as parsed: `text` left as its raw JSON string in the
/// line, the other fields parsed.
#[derive(Default)]
struct Record<'a> {
    text: Option<&'a RawValue>,
    id: Option<Json>,
    extra: Map<String, Json>,
}

impl<'de> Deserialize<'de> for Record<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct Fields;
        impl<'de> Visitor<'de> for Fields {
            type Value = Record<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<Record<'de>, A::Error> {
                // A key given twice: the last one counts, as in serde_json,
                // Python and jq.
                let mut record = Record::default();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "text" => record.text = Some(map.next_value()?),
                        "id" => record.id = Some(map.next_value()?),
                        _ => {
                            record.extra.insert(key, map.next_value()?);
                        }
                    }
                }
                Ok(record)
            }
        }
        d.deserialize_map(Fields)
    }
}

/// Parses one JSONL input line (UTF-8 after transcoding) into its document
/// and text. The text is unescaped in place in `line` and borrowed from it.
fn json_document<'a>(
    line: &'a mut Vec<u8>,
    fallback_name: Json,
    stream: &TextStream,
) -> Result<(DocMeta, &'a str)> {
    // Without its line break: serde would count a truncated line's error
    // on the line after it («line 2 column 0»).
    let mut end = line.len();
    for b in [b'\n', b'\r'] {
        if end > 0 && line[end - 1] == b {
            end -= 1;
        }
    }
    line.truncate(end);
    if let Err(e) = std::str::from_utf8(line) {
        if !stream.options.lossy {
            let what = match stream.transcoded {
                Some(encoding) => format!("invalid {encoding} in the line"),
                None => format!("invalid UTF-8 at byte {} of the line", e.valid_up_to()),
            };
            return Err(settled(Error::new(ErrorKind::Encoding, what), SKIPPED));
        }
        *line = String::from_utf8_lossy(line).into_owned().into_bytes();
    }
    let text = std::str::from_utf8(line).expect("checked above");
    let (range, id, mut extra) = {
        let record: Record = serde_json::from_str(text)
            .map_err(|e| Error::new(ErrorKind::Json, format!("malformed JSON: {e}")))?;
        let raw = match record.text {
            Some(raw) if raw.get().starts_with('"') => raw.get(),
            Some(_) => return Err(Error::new(ErrorKind::Json, "\"text\" is not a string")),
            None => return Err(Error::new(ErrorKind::Json, "no \"text\" field")),
        };
        let start = raw.as_ptr() as usize - text.as_ptr() as usize;
        (start..start + raw.len(), record.id, record.extra)
    };
    let len = unescape_in_place(&mut line[range.clone()], stream.options.lossy)?;
    for key in ["doc", "entities"] {
        if extra.contains_key(key) {
            let mut renamed = format!("input_{key}");
            while extra.contains_key(&renamed) {
                renamed.insert_str(0, "input_");
            }
            extra = extra
                .into_iter()
                .map(|(k, v)| (if k == key { renamed.clone() } else { k }, v))
                .collect();
        }
    }
    let name = match id {
        Some(Json::Null) | None => fallback_name,
        Some(id) => id,
    };
    let text = &line[range.start..range.start + len];
    let text = std::str::from_utf8(text).expect("an unescaped JSON string is UTF-8");
    Ok((DocMeta { name, extra }, text))
}

/// Unescapes the JSON string literal in `s` (quotes included, already
/// checked by the parser) in place: every escape is at least as long as
/// what it stands for, so the text never overtakes the literal. Returns the
/// length of the text, now at the start of `s`. A lone surrogate (`\ud800`)
/// is an error, or U+FFFD when `lossy`.
fn unescape_in_place(s: &mut [u8], lossy: bool) -> Result<usize> {
    let malformed = |what: &str| Error::new(ErrorKind::Json, format!("malformed JSON: {what}"));
    let end = s.len() - 1; // the closing quote
    let (mut r, mut w) = (1, 0);
    let hex = |s: &[u8], at: usize| -> Option<u32> {
        let digits = std::str::from_utf8(s.get(at..at + 4)?).ok()?;
        u32::from_str_radix(digits, 16).ok()
    };
    while r < end {
        let run = memchr::memchr(b'\\', &s[r..end]).unwrap_or(end - r);
        s.copy_within(r..r + run, w);
        r += run;
        w += run;
        if r >= end {
            break;
        }
        let (c, len) = match s.get(r + 1) {
            Some(b'"') => ('"', 2),
            Some(b'\\') => ('\\', 2),
            Some(b'/') => ('/', 2),
            Some(b'b') => ('\u{8}', 2),
            Some(b'f') => ('\u{c}', 2),
            Some(b'n') => ('\n', 2),
            Some(b'r') => ('\r', 2),
            Some(b't') => ('\t', 2),
            Some(b'u') => {
                let u = hex(s, r + 2).ok_or_else(|| malformed("bad \\u escape in \"text\""))?;
                let low = (s.get(r + 6..r + 8) == Some(b"\\u"))
                    .then(|| hex(s, r + 8))
                    .flatten()
                    .filter(|l| (0xDC00..0xE000).contains(l));
                match (u, low) {
                    (0xD800..0xDC00, Some(l)) => {
                        let c = 0x10000 + ((u - 0xD800) << 10) + (l - 0xDC00);
                        (char::from_u32(c).expect("a surrogate pair"), 12)
                    }
                    (0xD800..0xE000, _) if lossy => ('\u{FFFD}', 6),
                    (0xD800..0xE000, _) => {
                        return Err(malformed("lone surrogate in \"text\""));
                    }
                    _ => (char::from_u32(u).expect("not a surrogate"), 6),
                }
            }
            _ => return Err(malformed("bad escape in \"text\"")),
        };
        w += c.encode_utf8(&mut s[w..w + 4]).len();
        r += len;
    }
    Ok(w)
}

/// A `Read` over one line of a `BufRead`: yields the bytes before the next
/// `\n` (consuming it), without a `\r` right before it, then end of input.
struct LineReader<'a, R> {
    inner: &'a mut R,
    done: bool,
    /// A `\r` read at the end of a buffer: part of the line break if a
    /// `\n` comes next, else of the text.
    cr: bool,
}

impl<'a, R> LineReader<'a, R> {
    fn new(inner: &'a mut R) -> Self {
        LineReader {
            inner,
            done: false,
            cr: false,
        }
    }
}

impl<R: BufRead> Read for LineReader<'_, R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        loop {
            if self.done || out.is_empty() {
                return Ok(0);
            }
            let buf = self.inner.fill_buf()?;
            if self.cr {
                self.cr = false;
                if buf.first() == Some(&b'\n') {
                    self.inner.consume(1);
                    self.done = true;
                    return Ok(0);
                }
                out[0] = b'\r';
                return Ok(1);
            }
            if buf.is_empty() {
                self.done = true;
                return Ok(0);
            }
            let (take, eol) = match memchr::memchr(b'\n', buf) {
                Some(i) if i <= out.len() => (i, true),
                _ => (buf.len().min(out.len()), false),
            };
            // A CR before the LF belongs to the line break, not the text; a
            // CR at the end of what is taken waits for the next byte.
            let cr = take > 0 && buf[take - 1] == b'\r';
            let text = if cr { take - 1 } else { take };
            out[..text].copy_from_slice(&buf[..text]);
            self.inner.consume(if eol { take + 1 } else { take });
            self.done = eol;
            self.cr = cr && !eol;
            if text > 0 || eol {
                return Ok(text);
            }
        }
    }
}

/// A `Read` that transcodes another encoding to UTF-8, for the modes that
/// cut an input into lines. A malformed sequence becomes U+FFFD when lossy,
/// else the byte 0xFF, which is never UTF-8: the line it is in then fails
/// to decode, and that line alone is skipped.
struct Transcode<R> {
    inner: R,
    decoder: encoding_rs::Decoder,
    lossy: bool,
    raw: Vec<u8>,
    out: Vec<u8>,
    at: usize,
    eof: bool,
}

impl<R: Read> Transcode<R> {
    fn new(inner: R, encoding: &'static encoding_rs::Encoding, lossy: bool) -> Self {
        Transcode {
            inner,
            decoder: encoding.new_decoder_without_bom_handling(),
            lossy,
            raw: vec![0; 64 << 10],
            out: Vec::new(),
            at: 0,
            eof: false,
        }
    }
}

impl<R: Read> Read for Transcode<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.at == self.out.len() && !self.eof {
            let n = self.inner.read(&mut self.raw)?;
            self.eof = n == 0;
            self.out.clear();
            self.at = 0;
            let mut src = &self.raw[..n];
            let room = self.decoder.max_utf8_buffer_length(n).unwrap_or(n * 3 + 16);
            self.out.resize(room, 0);
            let mut written = 0;
            loop {
                let (read, wrote, done) = if self.lossy {
                    let (res, read, wrote, _) =
                        self.decoder
                            .decode_to_utf8(src, &mut self.out[written..], self.eof);
                    (read, wrote, res == CoderResult::InputEmpty)
                } else {
                    let (res, read, wrote) = self.decoder.decode_to_utf8_without_replacement(
                        src,
                        &mut self.out[written..],
                        self.eof,
                    );
                    if let DecoderResult::Malformed(..) = res {
                        self.out[written + wrote] = 0xFF;
                        written += 1;
                    }
                    (read, wrote, res == DecoderResult::InputEmpty)
                };
                src = &src[read..];
                written += wrote;
                if done {
                    break;
                }
            }
            self.out.truncate(written);
        }
        let n = buf.len().min(self.out.len() - self.at);
        buf[..n].copy_from_slice(&self.out[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

/// Incremental decoding of one document into chunks.
#[derive(Debug)]
struct TextStream {
    options: DecodeOptions,
    /// Whether a byte order mark at the start chooses the decoder (a whole
    /// input), or the text is UTF-8 (a line, after [`Transcode`]).
    sniff: bool,
    /// The encoding a line was transcoded from, for messages.
    transcoded: Option<&'static str>,
    decoder: Option<encoding_rs::Decoder>,
    utf16: bool,
    raw: Vec<u8>,
    /// Bytes read before the decoder could be chosen (the BOM sniff).
    head: Vec<u8>,
    pending: String,
    /// Bytes fed to the decoder so far.
    consumed: u64,
    eof: bool,
    sent: bool,
}

impl TextStream {
    fn new(options: DecodeOptions) -> TextStream {
        TextStream {
            options,
            sniff: true,
            transcoded: None,
            decoder: None,
            utf16: false,
            raw: vec![0; 64 << 10],
            head: Vec::new(),
            pending: String::new(),
            consumed: 0,
            eof: false,
            sent: false,
        }
    }

    /// Starts a new document: a whole input if `sniff`, else a line.
    fn begin(&mut self, sniff: bool) {
        self.sniff = sniff;
        if sniff {
            self.transcoded = None;
        }
        self.decoder = None;
        self.utf16 = false;
        self.head.clear();
        self.pending.clear();
        self.consumed = 0;
        self.eof = false;
        self.sent = false;
    }

    /// The next chunk of text, or `None` at the end. An empty document
    /// gives one empty chunk.
    fn next_chunk(&mut self, reader: &mut dyn Read) -> Result<Option<String>> {
        loop {
            if self.pending.len() >= CHUNK_BYTES {
                let cut = chunk_end(&self.pending, CHUNK_BYTES);
                let rest = self.pending[cut..].to_owned();
                self.pending.truncate(cut);
                self.sent = true;
                return Ok(Some(std::mem::replace(&mut self.pending, rest)));
            }
            if self.eof {
                if self.pending.is_empty() && self.sent {
                    return Ok(None);
                }
                self.sent = true;
                return Ok(Some(std::mem::take(&mut self.pending)));
            }
            let n = loop {
                match reader.read(&mut self.raw) {
                    Ok(n) => break n,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(Error::io(e)),
                }
            };
            if n == 0 {
                self.eof = true;
            }
            if self.decoder.is_none() {
                self.head.extend_from_slice(&self.raw[..n]);
                if self.head.len() < 3 && !self.eof {
                    continue;
                }
                self.choose_decoder();
                let head = std::mem::take(&mut self.head);
                self.feed(&head, self.eof)?;
            } else {
                let raw = std::mem::take(&mut self.raw);
                let fed = self.feed(&raw[..n], self.eof);
                self.raw = raw;
                fed?;
            }
        }
    }

    fn choose_decoder(&mut self) {
        let decoder = match (self.sniff, self.head.as_slice()) {
            (false, _) => UTF_8.new_decoder_without_bom_handling(),
            (true, [0xFF, 0xFE, ..]) => {
                self.utf16 = true;
                UTF_16LE.new_decoder_with_bom_removal()
            }
            (true, [0xFE, 0xFF, ..]) => {
                self.utf16 = true;
                UTF_16BE.new_decoder_with_bom_removal()
            }
            (true, [0xEF, 0xBB, 0xBF, ..]) => UTF_8.new_decoder_without_bom_handling(),
            (true, _) => match self.options.encoding {
                Encoding::Utf8 => UTF_8.new_decoder_without_bom_handling(),
                Encoding::Windows1256 => WINDOWS_1256.new_decoder_without_bom_handling(),
            },
        };
        self.decoder = Some(decoder);
    }

    fn feed(&mut self, mut src: &[u8], last: bool) -> Result<()> {
        if !self.utf16
            && let Some(i) = memchr::memchr(0, src)
        {
            let what = match self.transcoded {
                Some(_) => "binary (a NUL character)".to_owned(),
                None => format!(
                    "binary file (NUL byte at byte {})",
                    self.consumed + i as u64
                ),
            };
            return Err(Error::new(ErrorKind::Binary, what));
        }
        let decoder = self.decoder.as_mut().expect("decoder chosen");
        let from = self.pending.len();
        loop {
            if self.options.lossy {
                let room = decoder
                    .max_utf8_buffer_length(src.len())
                    .unwrap_or(src.len() * 3 + 16);
                self.pending.reserve(room);
                let (res, read, _) = decoder.decode_to_string(src, &mut self.pending, last);
                self.consumed += read as u64;
                src = &src[read..];
                if res == CoderResult::InputEmpty {
                    break;
                }
            } else {
                let room = decoder
                    .max_utf8_buffer_length_without_replacement(src.len())
                    .unwrap_or(src.len() * 3 + 16);
                self.pending.reserve(room);
                let (res, read) =
                    decoder.decode_to_string_without_replacement(src, &mut self.pending, last);
                match res {
                    DecoderResult::InputEmpty => {
                        self.consumed += read as u64;
                        break;
                    }
                    DecoderResult::OutputFull => {
                        self.consumed += read as u64;
                        src = &src[read..];
                    }
                    DecoderResult::Malformed(bad, after) => {
                        let at = (self.consumed + read as u64)
                            .saturating_sub(u64::from(bad) + u64::from(after));
                        let what = match (self.transcoded, self.utf16, self.options.encoding) {
                            (Some(encoding), ..) => format!("invalid {encoding}"),
                            (None, true, _) => format!("invalid UTF-16 at byte {at}"),
                            (None, false, Encoding::Utf8) => format!("invalid UTF-8 at byte {at}"),
                            (None, false, Encoding::Windows1256) => {
                                format!("invalid Windows-1256 at byte {at}")
                            }
                        };
                        return Err(Error::new(ErrorKind::Encoding, what));
                    }
                }
            }
        }
        if self.utf16 && self.pending[from..].contains('\0') {
            return Err(Error::new(
                ErrorKind::Binary,
                "binary file (NUL character in UTF-16 text)",
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(mode: InputMode, options: DecodeOptions, bytes: &[u8]) -> Vec<String> {
        let mut r = Reader::new(mode, options);
        let mut got = Vec::new();
        let _ = r.read_stream(bytes, "in", &mut |ev| {
            got.push(match ev {
                Event::Piece(p) => format!(
                    "{}@{}{}{}:{}",
                    p.doc.name_text(),
                    p.base,
                    if p.first { "F" } else { "" },
                    if p.last { "L" } else { "" },
                    p.text
                ),
                Event::Error(e) => format!("error {e}"),
            });
            ControlFlow::Continue(())
        });
        got
    }

    const UTF8: DecodeOptions = DecodeOptions {
        encoding: Encoding::Utf8,
        lossy: false,
    };

    #[test]
    fn modes() {
        assert_eq!(
            read(InputMode::Text, UTF8, "نص\nثان".as_bytes()),
            ["in@0FL:نص\nثان"]
        );
        assert_eq!(read(InputMode::Text, UTF8, b""), ["in@0FL:"]);
        assert_eq!(
            read(InputMode::Lines, UTF8, "أ\r\n\nب".as_bytes()),
            ["in:1@0FL:أ", "in:2@0FL:", "in:3@0FL:ب"]
        );
        assert_eq!(
            read(
                InputMode::Jsonl,
                UTF8,
                b"{\"id\":7,\"text\":\"a\",\"k\":1}\n\nnot json\n{\"text\":\"b\"}\n{\"id\":\"x\"}\n{\"text\":\"c\r\n"
            ),
            [
                "7@0FL:a",
                "error in:3: malformed JSON: expected ident at line 1 column 2",
                "in:4@0FL:b",
                "error in:5: no \"text\" field",
                "error in:6: malformed JSON: EOF while parsing a string at line 1 column 10"
            ]
        );
    }

    #[test]
    fn a_line_break_split_across_buffers() {
        // Buffers of one byte: the CR and the LF never arrive together.
        let text = "أ\r\nب\r\rج\r";
        let reader = BufReader::with_capacity(1, text.as_bytes());
        let mut r = Reader::new(InputMode::Lines, UTF8);
        let mut got = Vec::new();
        let _ = r.read_stream(reader, "in", &mut |ev| {
            if let Event::Piece(p) = ev {
                got.push(p.text);
            }
            ControlFlow::Continue(())
        });
        assert_eq!(got, ["أ", "ب\r\rج\r"]);
    }

    #[test]
    fn bad_bytes_are_reported_with_offsets() {
        let got = read(InputMode::Text, UTF8, b"abc\xffdef");
        assert_eq!(got.len(), 1);
        assert!(
            got[0].starts_with("error in: invalid UTF-8 at byte 3"),
            "{got:?}"
        );
        let lossy = DecodeOptions {
            lossy: true,
            ..UTF8
        };
        assert_eq!(
            read(InputMode::Text, lossy, b"abc\xffdef"),
            ["in@0FL:abc\u{FFFD}def"]
        );
        let got = read(InputMode::Text, UTF8, b"ab\0c");
        assert!(got[0].contains("NUL byte at byte 2"), "{got:?}");
        // Lines: the bad line is reported, the others read.
        let got = read(InputMode::Lines, UTF8, b"a\nb\xffc\nd");
        assert_eq!(got[0], "in:1@0FL:a");
        assert!(
            got[1].starts_with("error in:2: invalid UTF-8 at byte 1"),
            "{got:?}"
        );
        assert_eq!(got[2], "in:3@0FL:d");
    }

    #[test]
    fn encodings() {
        // "سلام" in Windows-1256.
        let cp1256 = DecodeOptions {
            encoding: Encoding::Windows1256,
            lossy: false,
        };
        assert_eq!(
            read(InputMode::Text, cp1256, &[0xD3, 0xE1, 0xC7, 0xE3]),
            ["in@0FL:سلام"]
        );
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("سلام".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(read(InputMode::Text, UTF8, &bytes), ["in@0FL:سلام"]);
        assert_eq!(
            read(InputMode::Text, UTF8, "\u{FEFF}سلام".as_bytes()),
            ["in@0FL:\u{FEFF}سلام"]
        );
    }

    #[test]
    fn long_documents_come_in_pieces_with_bases() {
        let para = "كلمة ".repeat(1000) + "\n\n";
        let text = para.repeat(CHUNK_BYTES / para.len() * 3);
        let mut r = Reader::new(InputMode::Text, UTF8);
        let mut pieces = Vec::new();
        let _ = r.read_stream(text.as_bytes(), "in", &mut |ev| {
            if let Event::Piece(p) = ev {
                pieces.push(p);
            }
            ControlFlow::Continue(())
        });
        assert!(pieces.len() >= 3, "{}", pieces.len());
        assert!(pieces[0].first && pieces.last().unwrap().last);
        let mut base = 0;
        let mut joined = String::new();
        for p in &pieces {
            assert_eq!(p.base, base);
            assert!(p.text.len() <= CHUNK_BYTES);
            base += p.text.chars().count();
            joined.push_str(&p.text);
        }
        assert_eq!(joined, text);
    }
}
