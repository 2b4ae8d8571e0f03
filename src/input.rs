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
//!   empty if need be) and then the error.
//!
//! Encodings: UTF-8 by default, or Windows-1256 (the legacy Arabic code
//! page) with [`Encoding::Windows1256`]. A UTF-16 byte order mark (either
//! endianness) switches that input to UTF-16 and is not part of the text; a
//! UTF-8 byte order mark is kept as the character U+FEFF at offset 0, as
//! Python's `utf-8` codec keeps it, and the normaliser ignores it.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::ops::ControlFlow;
use std::path::Path;
use std::sync::Arc;

use encoding_rs::{CoderResult, DecoderResult, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1256};
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
    /// through.
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

impl Reader {
    /// A reader for `mode` with `options`.
    pub fn new(mode: InputMode, options: DecodeOptions) -> Reader {
        Reader {
            mode,
            stream: TextStream::new(options),
        }
    }

    /// Reads the file at `path`; its documents are named by `name`.
    /// Returns `Break` if `sink` asked to stop.
    pub fn read_file(
        &mut self,
        path: &Path,
        name: &str,
        sink: &mut dyn FnMut(Event) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        let open = || File::open(path).map_err(|e| Error::io(e).with_path(path));
        let file = match open() {
            Ok(f) => f,
            Err(e) => return sink(Event::Error(e)),
        };
        if self.mode != InputMode::Text {
            return self.read_stream(BufReader::new(file), name, sink);
        }
        let doc = Arc::new(DocMeta::named(name));
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
        if size <= SMALL_FILE {
            // Decode it whole: a bad byte anywhere sends nothing.
            let mut pieces = Vec::new();
            let mut reader = file;
            self.stream.begin();
            loop {
                match self.stream.next_chunk(&mut reader) {
                    Ok(Some(text)) => pieces.push(text),
                    Ok(None) => break,
                    Err(e) => return sink(Event::Error(e.with_path(path))),
                }
            }
            return send_pieces(&doc, pieces.into_iter(), sink);
        }
        // Validate first, then read again for real.
        let mut reader = file;
        self.stream.begin();
        loop {
            match self.stream.next_chunk(&mut reader) {
                Ok(Some(_)) => {}
                Ok(None) => break,
                Err(e) => return sink(Event::Error(e.with_path(path))),
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
        name: &str,
        sink: &mut dyn FnMut(Event) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        match self.mode {
            InputMode::Text => {
                let doc = Arc::new(DocMeta::named(name));
                match self.stream_document(&mut reader, &doc, sink)? {
                    Some(e) => sink(Event::Error(e.with_path(name))),
                    None => ControlFlow::Continue(()),
                }
            }
            InputMode::Lines => {
                for n in 1.. {
                    match reader.fill_buf() {
                        Ok([]) => break,
                        Ok(_) => {}
                        Err(e) => return sink(Event::Error(Error::io(e).with_path(name))),
                    }
                    let doc = Arc::new(DocMeta::named(format!("{name}:{n}")));
                    let mut line = LineReader {
                        inner: &mut reader,
                        done: false,
                    };
                    if let Some(e) = self.stream_document(&mut line, &doc, sink)? {
                        sink(Event::Error(e.with_path(&*doc.name_text())))?;
                    }
                    // Skip what is left of a line whose decoding failed.
                    if !line.done {
                        let _ = std::io::copy(&mut line, &mut std::io::sink());
                    }
                }
                ControlFlow::Continue(())
            }
            InputMode::Jsonl => {
                let mut buf = Vec::new();
                for n in 1u64.. {
                    buf.clear();
                    match reader.read_until(b'\n', &mut buf) {
                        Ok(0) => break,
                        Ok(_) => {}
                        Err(e) => {
                            return sink(Event::Error(Error::io(e).with_path(name).with_line(n)));
                        }
                    }
                    if buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    match json_document(&buf, &format!("{name}:{n}")) {
                        Ok((doc, text)) => {
                            let doc = Arc::new(doc);
                            send_pieces(&doc, split_text(text), sink)?;
                        }
                        Err(e) => sink(Event::Error(e.with_path(name).with_line(n)))?,
                    }
                }
                ControlFlow::Continue(())
            }
        }
    }

    /// Streams one document from `reader`, sending pieces as they are
    /// decoded. On a decoding error the document is closed (an empty last
    /// piece if need be) and the error returned.
    fn stream_document(
        &mut self,
        reader: &mut dyn Read,
        doc: &Arc<DocMeta>,
        sink: &mut dyn FnMut(Event) -> ControlFlow<()>,
    ) -> ControlFlow<(), Option<Error>> {
        self.stream.begin();
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
                Err(e) => {
                    if !first {
                        // The document was started: close it.
                        sink(Event::Piece(Piece {
                            doc: doc.clone(),
                            text: String::new(),
                            base,
                            first: false,
                            last: true,
                        }))?;
                    }
                    return ControlFlow::Continue(Some(e));
                }
            }
        }
    }
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

/// Cuts a text in hand into chunks (one, empty, for empty text).
fn split_text(mut text: String) -> impl Iterator<Item = String> {
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let cut = chunk_end(&text, CHUNK_BYTES);
        if cut == text.len() {
            done = true;
            return Some(std::mem::take(&mut text));
        }
        let rest = text.split_off(cut);
        Some(std::mem::replace(&mut text, rest))
    })
}

/// Parses one JSONL input line into its document and text.
fn json_document(line: &[u8], fallback_name: &str) -> Result<(DocMeta, String)> {
    // Without its line break: serde would count a truncated line's error
    // on the line after it («line 2 column 0»).
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let line = std::str::from_utf8(line).map_err(|e| {
        Error::new(
            ErrorKind::Encoding,
            format!("invalid UTF-8 at byte {} of the line", e.valid_up_to()),
        )
    })?;
    let mut obj: Map<String, Json> = serde_json::from_str(line)
        .map_err(|e| Error::new(ErrorKind::Json, format!("malformed JSON: {e}")))?;
    let text = match obj.shift_remove("text") {
        Some(Json::String(s)) => s,
        Some(_) => return Err(Error::new(ErrorKind::Json, "\"text\" is not a string")),
        None => return Err(Error::new(ErrorKind::Json, "no \"text\" field")),
    };
    let name = match obj.shift_remove("id") {
        Some(Json::Null) | None => Json::String(fallback_name.to_owned()),
        Some(id) => id,
    };
    Ok((DocMeta { name, extra: obj }, text))
}

/// A `Read` over one line of a `BufRead`: yields the bytes before the next
/// `\n` (consuming it), then end of input.
struct LineReader<'a, R> {
    inner: &'a mut R,
    done: bool,
}

impl<R: BufRead> Read for LineReader<'_, R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if self.done || out.is_empty() {
            return Ok(0);
        }
        let buf = self.inner.fill_buf()?;
        if buf.is_empty() {
            self.done = true;
            return Ok(0);
        }
        let (take, eol) = match memchr::memchr(b'\n', buf) {
            Some(i) if i <= out.len() => (i, true),
            _ => (buf.len().min(out.len()), false),
        };
        // A CR before the LF belongs to the line break, not the text.
        let text = if eol && take > 0 && buf[take - 1] == b'\r' {
            take - 1
        } else {
            take
        };
        out[..text].copy_from_slice(&buf[..text]);
        self.inner.consume(if eol { take + 1 } else { take });
        self.done = eol;
        Ok(text)
    }
}

/// Incremental decoding of one document into chunks.
#[derive(Debug)]
struct TextStream {
    options: DecodeOptions,
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

    /// Starts a new document.
    fn begin(&mut self) {
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
                let rest = self.pending.split_off(cut);
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
        let decoder = match self.head.as_slice() {
            [0xFF, 0xFE, ..] => {
                self.utf16 = true;
                UTF_16LE.new_decoder_with_bom_removal()
            }
            [0xFE, 0xFF, ..] => {
                self.utf16 = true;
                UTF_16BE.new_decoder_with_bom_removal()
            }
            [0xEF, 0xBB, 0xBF, ..] => UTF_8.new_decoder_without_bom_handling(),
            _ => match self.options.encoding {
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
            return Err(Error::new(
                ErrorKind::Binary,
                format!(
                    "binary file (NUL byte at byte {}), skipped",
                    self.consumed + i as u64
                ),
            ));
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
                        let what = if self.utf16 {
                            "invalid UTF-16"
                        } else {
                            match self.options.encoding {
                                Encoding::Utf8 => "invalid UTF-8",
                                Encoding::Windows1256 => "invalid Windows-1256",
                            }
                        };
                        return Err(Error::new(
                            ErrorKind::Encoding,
                            format!(
                                "{what} at byte {at}, skipped (--lossy decodes it with U+FFFD; \
                                 --encoding windows-1256 reads legacy Arabic text)"
                            ),
                        ));
                    }
                }
            }
        }
        if self.utf16 && self.pending[from..].contains('\0') {
            return Err(Error::new(
                ErrorKind::Binary,
                "binary file (NUL character in UTF-16 text), skipped",
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
