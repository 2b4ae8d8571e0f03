//! Bytes to text: the readers under [`super::Reader`] that cut an input
//! into lines, transcode it to UTF-8, and decode one document into chunks.
//!
//! In: a byte stream and [`DecodeOptions`]. Out: UTF-8 text in chunks of
//! at most about [`CHUNK_BYTES`], cut at paragraph, line or word breaks,
//! or an [`Error`] that says what is wrong and where (the byte offset of a
//! bad sequence or a NUL byte).
//!
//! Invariants: a byte order mark chooses the decoder of a whole input and
//! is not part of its text (a UTF-8 one is kept as U+FEFF, see the
//! [module docs](super)); a line break (`\n` or `\r\n`) is never part of a
//! line's text, even when its two bytes arrive in two buffers; memory is
//! bounded by a chunk.

use std::io::{BufRead, Read};

use encoding_rs::{CoderResult, DecoderResult, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1256};

use super::{DecodeOptions, Encoding};
use crate::error::{Error, ErrorKind, Result};
use crate::extract::{CHUNK_BYTES, chunk_end};

/// A `Read` over one line of a `BufRead`: yields the bytes before the next
/// `\n` (consuming it), without a `\r` right before it, then end of input.
pub(super) struct LineReader<'a, R> {
    inner: &'a mut R,
    pub(super) done: bool,
    /// A `\r` read at the end of a buffer: part of the line break if a
    /// `\n` comes next, else of the text.
    cr: bool,
}

impl<'a, R> LineReader<'a, R> {
    pub(super) fn new(inner: &'a mut R) -> Self {
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
pub(super) struct Transcode<R> {
    inner: R,
    decoder: encoding_rs::Decoder,
    lossy: bool,
    raw: Vec<u8>,
    out: Vec<u8>,
    at: usize,
    eof: bool,
}

impl<R: Read> Transcode<R> {
    pub(super) fn new(inner: R, encoding: &'static encoding_rs::Encoding, lossy: bool) -> Self {
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
pub(super) struct TextStream {
    pub(super) options: DecodeOptions,
    /// Whether a byte order mark at the start chooses the decoder (a whole
    /// input), or the text is UTF-8 (a line, after [`Transcode`]).
    sniff: bool,
    /// The encoding a line was transcoded from, for messages.
    pub(super) transcoded: Option<&'static str>,
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
    pub(super) fn new(options: DecodeOptions) -> TextStream {
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
    pub(super) fn begin(&mut self, sniff: bool) {
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
    pub(super) fn next_chunk(&mut self, reader: &mut dyn Read) -> Result<Option<String>> {
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
