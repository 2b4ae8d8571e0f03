//! The library's one error type.
//!
//! Its internals are private (so that variants can grow without breaking
//! callers); [`Error::kind`] tells what went wrong, [`Error::path`] and
//! [`Error::line`] where.

use std::fmt;
use std::path::{Path, PathBuf};

/// What kind of thing went wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Reading a file or stream failed.
    Io,
    /// The bytes are not text in the expected encoding.
    Encoding,
    /// The input looks binary (it holds NUL bytes).
    Binary,
    /// A gazetteer row is malformed.
    Gazetteer,
    /// A JSON input line is malformed.
    Json,
    /// A configuration value is invalid.
    Config,
}

/// An error with its kind, a message, and where it happened.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    path: Option<PathBuf>,
    line: Option<u64>,
    source: Option<std::io::Error>,
}

/// `Result` with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
            path: None,
            line: None,
            source: None,
        }
    }

    pub(crate) fn io(err: std::io::Error) -> Error {
        let mut e = Error::new(ErrorKind::Io, err.to_string());
        e.source = Some(err);
        e
    }

    pub(crate) fn with_path(mut self, path: impl Into<PathBuf>) -> Error {
        self.path = Some(path.into());
        self
    }

    pub(crate) fn with_line(mut self, line: u64) -> Error {
        self.line = Some(line);
        self
    }

    /// Adds to the message what became of the input (`, skipped`).
    pub(crate) fn with_outcome(mut self, outcome: &str) -> Error {
        self.message.push_str(outcome);
        self
    }

    /// What kind of error this is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The file the error is about, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The 1-based line the error is about, if any.
    pub fn line(&self) -> Option<u64> {
        self.line
    }

    /// True if this is an I/O error whose cause is a closed pipe.
    pub fn is_broken_pipe(&self) -> bool {
        self.source
            .as_ref()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.path, self.line) {
            (Some(p), Some(l)) => write!(f, "{}:{}: ", p.display(), l)?,
            (Some(p), None) => write!(f, "{}: ", p.display())?,
            (None, Some(l)) => write!(f, "line {l}: ")?,
            (None, None) => {}
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_ref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}
