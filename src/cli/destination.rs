//! Where `kashf extract` writes: standard output, or `-o FILE`; and
//! standard output for the other subcommands ([`stdout`]).
//!
//! `-o FILE` writes a temporary file in FILE's folder and renames it to
//! FILE when the run is over, so that an interrupted run never leaves a file
//! that looks complete. The temporary file gets the mode a new file would
//! (0666 less the umask), or the mode of the file it replaces; SIGINT,
//! SIGTERM and SIGHUP remove it before kashf dies of the signal (the shell
//! reports 130, 143 or 129). A FILE that exists and is neither a regular
//! file nor a folder (`/dev/null`, a named pipe) is written directly.
//!
//! Standard output is written through a duplicate of its descriptor, not
//! through `std::io::stdout()`, which takes a descriptor that cannot be
//! written (EBADF) for a sink that swallows everything: a closed or
//! read-only standard output is an error.

use std::ffi::CString;
use std::fs::File;
use std::io::Write;
use std::os::fd::AsFd;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, AtomicPtr, Ordering};

use anyhow::{Context, bail};
use tempfile::NamedTempFile;

/// An output being written: what becomes of it at the end.
pub(super) struct Destination {
    /// The temporary file to rename, and the name it gets.
    temp: Option<(NamedTempFile, PathBuf)>,
}

impl Destination {
    /// Opens the output, and returns what to write to. Called before any
    /// work is done.
    pub fn open(output: Option<&Path>) -> anyhow::Result<(Box<dyn Write>, Destination)> {
        let Some(path) = output else {
            return Ok(Destination::to(stdout()?, None));
        };
        let existing = match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => {
                bail!("{}: is a folder (-o takes a file name)", path.display())
            }
            Ok(m) if !m.is_file() => {
                let file = File::create(path).with_context(|| format!("{}", path.display()))?;
                return Ok(Destination::to(file, None));
            }
            Ok(m) => Some(m.permissions()),
            Err(_) => None,
        };
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let temp = temporary_in(dir)
            .with_context(|| format!("creating a temporary file in {}", dir.display()))?;
        if let Some(mode) = existing {
            std::fs::set_permissions(temp.path(), mode)
                .with_context(|| format!("setting the mode of {}", temp.path().display()))?;
        }
        let file = temp.reopen().context("opening the temporary file")?;
        Ok(Destination::to(file, Some((temp, path.to_owned()))))
    }

    fn to(file: File, temp: Option<(NamedTempFile, PathBuf)>) -> (Box<dyn Write>, Destination) {
        let writer = Box::new(std::io::BufWriter::with_capacity(1 << 18, file));
        (writer, Destination { temp })
    }

    /// Gives the output its name, once everything is written, flushed and
    /// closed.
    pub fn finish(self) -> anyhow::Result<()> {
        if let Some((temp, path)) = self.temp {
            temp.persist(&path)
                .map_err(|e| e.error)
                .with_context(|| format!("renaming the output to {}", path.display()))?;
            remove_on_signal_forget();
        }
        Ok(())
    }
}

/// Standard output as a file of its own (a duplicate of descriptor 1), for
/// every subcommand that writes there: an error if it was closed when the
/// process started (see [`STDOUT_CLOSED`]) or cannot be duplicated.
pub(super) fn stdout() -> anyhow::Result<File> {
    const CLOSED: &str = "standard output is closed (redirect it to a file or a pipe)";
    if STDOUT_CLOSED.load(Ordering::SeqCst) {
        bail!(CLOSED);
    }
    let fd = std::io::stdout()
        .as_fd()
        .try_clone_to_owned()
        .context(CLOSED)?;
    Ok(File::from(fd))
}

/// Whether file descriptor 1 was closed when the process started. Rust's
/// runtime opens `/dev/null` on a closed standard descriptor before `main`
/// (so that no file opened later takes its number), which would make a
/// closed standard output swallow everything: this looks first, from a
/// constructor that runs before the runtime.
static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);

#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array")]
static CHECK_STDOUT: extern "C" fn() = {
    extern "C" fn check_stdout() {
        // SAFETY: F_GETFD on a descriptor number reads its flags, nothing else.
        let closed = unsafe { libc::fcntl(1, libc::F_GETFD) } == -1;
        STDOUT_CLOSED.store(closed, Ordering::SeqCst);
    }
    check_stdout
};

/// Creates a temporary file in `dir` that a signal removes. The handlers
/// know its name before it exists, so that no signal can come between the
/// file and its removal: a signal before the file is made finds nothing to
/// remove.
fn temporary_in(dir: &Path) -> std::io::Result<NamedTempFile> {
    let mut attempt = 0;
    loop {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let name = format!(".kashf-{}-{nanos:08x}", std::process::id());
        remove_on_signal(&dir.join(&name));
        let made = tempfile::Builder::new()
            .prefix(&name)
            .rand_bytes(0)
            // A new file's mode, less the umask (tempfile's own is 0600).
            .permissions(std::fs::Permissions::from_mode(0o666))
            .tempfile_in(dir);
        match made {
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 8 => {
                remove_on_signal_forget();
                attempt += 1;
            }
            Err(e) => {
                remove_on_signal_forget();
                return Err(e);
            }
            Ok(temp) => return Ok(temp),
        }
    }
}

/// The temporary file a signal removes (a leaked C string, or null).
static TEMP: AtomicPtr<libc::c_char> = AtomicPtr::new(std::ptr::null_mut());

/// Removes `path` if SIGINT, SIGTERM or SIGHUP comes, then dies of it.
fn remove_on_signal(path: &Path) {
    let Ok(c) = CString::new(path.as_os_str().as_bytes()) else {
        return;
    };
    // Leaked on purpose: a handler may read it at any moment.
    TEMP.store(c.into_raw(), Ordering::SeqCst);
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
            // SAFETY: the handler only calls async-signal-safe functions
            // (unlink, signal, raise) on a string that is never freed.
            unsafe {
                libc::signal(signal, on_signal as *const () as libc::sighandler_t);
            }
        }
    });
}

/// The output has its name: a signal now leaves it alone.
fn remove_on_signal_forget() {
    TEMP.store(std::ptr::null_mut(), Ordering::SeqCst);
}

extern "C" fn on_signal(signal: libc::c_int) {
    let path = TEMP.load(Ordering::SeqCst);
    // SAFETY: async-signal-safe calls; `path` is null or a leaked C string.
    unsafe {
        if !path.is_null() {
            libc::unlink(path);
        }
        // Die of the signal, as without a handler, so that the shell sees it.
        libc::signal(signal, libc::SIG_DFL);
        libc::raise(signal);
    }
}
