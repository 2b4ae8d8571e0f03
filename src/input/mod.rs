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
//!
//! The parts: this file opens inputs, picks their mode and encoding, and
//! sends documents as pieces; `decode.rs` turns bytes into text (lines,
//! transcoding, chunked decoding); `jsonl.rs` parses a JSONL record.

mod decode;
mod jsonl;

use std::borrow::Cow;
use std::ffi::OsStr;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::ops::ControlFlow;
use std::path::Path;
use std::sync::Arc;

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1256};
use serde_json::{Map, Value as Json};

use crate::error::{Error, ErrorKind};
pub use crate::extract::CHUNK_BYTES;
use crate::extract::chunk_end;
use crate::output::DocMeta;
use decode::{LineReader, TextStream, Transcode};
use jsonl::json_document;

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
