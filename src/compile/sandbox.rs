//! Work that cannot be bounded before it runs, run where its failure is contained.
//!
//! A template override is code from someone else: a minijinja template can build a string
//! that doubles in each round of a loop, a Typst one can loop for hours or ask for gigabytes,
//! and neither engine can be stopped from outside once it runs. An allocation that fails
//! aborts the process and a stack overflow kills it; neither can be caught. So work that runs
//! an override runs in a child process of the same binary ([`run`]), under an address-space
//! limit ([`MEMORY`]) and a time limit ([`TIME`]; the processor time too, by `RLIMIT_CPU`):
//! whatever it does, the child ends within the limits, and the parent reports how it ended
//! and goes on (a batch with the next folder, `watch` with the next save).
//!
//! The child is `amicus __amicus-contained <kind>`: it reads its request from standard input
//! and writes its answer to standard output, as length-prefixed frames ([`Frames`],
//! [`Unframe`]). Only the `amicus` binary runs contained work ([`enable`]); elsewhere (the
//! library's own tests, benchmarks) it runs in the process.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// The address space a contained child may use. A report's templates use a few hundred MB
/// for the largest submission Amicus builds ([`crate`]'s budgets).
pub const MEMORY: u64 = 1024 * 1024 * 1024;
/// How long contained work may take, wall clock and processor time alike. A report lays out
/// in a few seconds.
pub const TIME: Duration = Duration::from_secs(30);
/// The first argument that makes the binary a contained child.
pub const ARG: &str = "__amicus-contained";

/// Whether this process may run itself as a contained child.
static ENABLED: AtomicBool = AtomicBool::new(false);

/// Lets [`run`] start children of this binary: called by the `amicus` binary's `main`. On
/// Unix only: elsewhere there are no resource limits to set, and the work runs in the process.
pub fn enable() {
    ENABLED.store(cfg!(unix), Ordering::SeqCst);
}

/// Whether contained work runs in a child ([`enable`] was called).
pub fn enabled() -> bool {
    ENABLED.load(Ordering::SeqCst)
}

/// How contained work ended without an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stopped {
    /// It ran past [`TIME`].
    Time,
    /// It asked for more memory than it may have: [`MEMORY`], or less when this process
    /// itself may have less (bytes).
    Memory(u64),
    /// It overflowed its stack (recursion too deep).
    Stack,
    /// It ended otherwise; what it said last.
    Crashed(String),
    /// The child could not be started.
    Start(String),
}

impl Stopped {
    /// Why it was stopped, to follow "… was stopped: ".
    pub fn describe(&self) -> String {
        match self {
            Stopped::Time => format!("it ran for more than {} seconds (an endless loop?)", TIME.as_secs()),
            Stopped::Memory(limit) => format!(
                "it asked for more than {} MB of memory (text, or a loop, that grows without end?)",
                limit / (1024 * 1024)
            ),
            Stopped::Stack => "it called itself too deeply (recursion without end?)".to_owned(),
            Stopped::Crashed(why) => format!("it ended unexpectedly ({why})"),
            Stopped::Start(why) => format!("it could not be run in a separate process ({why})"),
        }
    }
}

/// Runs the contained work `kind` on `request` in a child process and returns its answer.
///
/// # Errors
///
/// How the child ended without an answer: out of time or memory, a stack overflow, a crash.
pub fn run(kind: &str, request: &[u8]) -> Result<Vec<u8>, Stopped> {
    let exe = std::env::current_exe().map_err(|e| Stopped::Start(e.to_string()))?;
    let mut command = Command::new(exe);
    command.arg(ARG).arg(kind).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    // Two malloc arenas, not one per thread: each reserves 64 MB of address space, which the
    // limit counts.
    command.env("MALLOC_ARENA_MAX", "2");
    limit(&mut command);
    let mut child = command.spawn().map_err(|e| Stopped::Start(e.to_string()))?;
    let mut stdin = child.stdin.take().expect("piped");
    let (mut stdout, mut stderr) = (child.stdout.take().expect("piped"), child.stderr.take().expect("piped"));
    let request = request.to_vec();
    // The pipes are drained on threads of their own, so that a child writing much cannot
    // block on a full pipe while we wait for it.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&request);
    });
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        let _ = stdout.read_to_end(&mut out);
        out
    });
    let err_reader = std::thread::spawn(move || {
        // Only the end is kept: that is where the reason is.
        let mut tail = Vec::new();
        let mut chunk = [0u8; 4096];
        while let Ok(n) = stderr.read(&mut chunk) {
            if n == 0 {
                break;
            }
            tail.extend_from_slice(&chunk[..n]);
            if tail.len() > 16 * 1024 {
                tail.drain(..tail.len() - 8 * 1024);
            }
        }
        String::from_utf8_lossy(&tail).into_owned()
    });
    let started = Instant::now();
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if started.elapsed() > TIME => {
                timed_out = true;
                let _ = child.kill();
                break child.wait().ok();
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(_) => break None,
        }
    };
    let _ = writer.join();
    let out = reader.join().unwrap_or_default();
    let err = err_reader.join().unwrap_or_default();
    if timed_out {
        return Err(Stopped::Time);
    }
    match status {
        Some(s) if s.success() => Ok(out),
        Some(s) => Err(ended(s, &err)),
        None => Err(Stopped::Crashed("its status could not be read".into())),
    }
}

/// Why a child that did not answer ended.
#[cfg(unix)]
fn ended(status: std::process::ExitStatus, stderr: &str) -> Stopped {
    use std::os::unix::process::ExitStatusExt;
    if status.signal() == Some(libc::SIGXCPU) {
        return Stopped::Time;
    }
    if stderr.contains("memory allocation of") || stderr.contains("capacity overflow") {
        return Stopped::Memory(memory_limit());
    }
    if stderr.contains("has overflowed its stack") {
        return Stopped::Stack;
    }
    let last = stderr.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or_default().trim();
    Stopped::Crashed(match (status.code(), status.signal()) {
        (Some(code), _) => {
            format!("exit code {code}{}", if last.is_empty() { String::new() } else { format!(": {last}") })
        }
        (None, Some(signal)) => format!("signal {signal}"),
        _ => "no exit code".into(),
    })
}

/// Why a child that did not answer ended (never reached: [`enable`] is Unix only).
#[cfg(not(unix))]
fn ended(status: std::process::ExitStatus, stderr: &str) -> Stopped {
    Stopped::Crashed(format!("{status}: {}", stderr.lines().last().unwrap_or_default()))
}

/// The address space a child gets: [`MEMORY`], or this process's own hard limit if lower.
#[cfg(unix)]
fn memory_limit() -> u64 {
    let mut current = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: getrlimit only writes the struct it is given.
    if unsafe { libc::getrlimit(libc::RLIMIT_AS, &mut current) } != 0 {
        return MEMORY;
    }
    MEMORY.min(current.rlim_max)
}

/// Sets the child's limits before it starts (none where there are no resource limits).
#[cfg(not(unix))]
fn limit(_command: &mut Command) {}

/// Sets the child's limits before it starts: address space, processor time, no core file.
#[cfg(unix)]
fn limit(command: &mut Command) {
    use std::os::unix::process::CommandExt;
    let seconds = TIME.as_secs() + 1;
    // SAFETY: only async-signal-safe calls (getrlimit, setrlimit) between fork and exec.
    unsafe {
        command.pre_exec(move || {
            let set = |resource, wanted: u64| {
                let mut current = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
                if libc::getrlimit(resource, &mut current) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                // Never more than the parent may have.
                let value = wanted.min(current.rlim_max);
                let limit = libc::rlimit { rlim_cur: value, rlim_max: value };
                if libc::setrlimit(resource, &limit) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            };
            set(libc::RLIMIT_AS, MEMORY)?;
            set(libc::RLIMIT_CPU, seconds)?;
            set(libc::RLIMIT_CORE, 0)?;
            Ok(())
        });
    }
}

/// The child's side: reads the request from standard input, answers with `answer` on
/// standard output. For `main`.
pub fn serve(answer: impl FnOnce(&[u8]) -> Vec<u8>) -> std::process::ExitCode {
    let mut request = Vec::new();
    if std::io::stdin().read_to_end(&mut request).is_err() {
        return std::process::ExitCode::from(2);
    }
    let out = answer(&request);
    let mut stdout = std::io::stdout().lock();
    if stdout.write_all(&out).and_then(|()| stdout.flush()).is_err() {
        return std::process::ExitCode::from(2);
    }
    std::process::ExitCode::SUCCESS
}

/// A request or answer being written: length-prefixed byte strings.
#[derive(Debug, Default)]
pub struct Frames(Vec<u8>);

impl Frames {
    /// Adds one frame.
    pub fn put(&mut self, bytes: &[u8]) -> &mut Frames {
        self.0.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        self.0.extend_from_slice(bytes);
        self
    }

    /// The bytes.
    pub fn into_bytes(self) -> Vec<u8> {
        self.0
    }
}

/// A request or answer being read, frame by frame.
#[derive(Debug)]
pub struct Unframe<'a>(&'a [u8]);

impl<'a> Unframe<'a> {
    /// Reads `bytes`.
    pub fn new(bytes: &'a [u8]) -> Unframe<'a> {
        Unframe(bytes)
    }

    /// The next frame; `None` at the end or when the bytes are cut short.
    pub fn bytes(&mut self) -> Option<&'a [u8]> {
        let len = u64::from_le_bytes(self.0.get(..8)?.try_into().ok()?);
        let len = usize::try_from(len).ok()?;
        let frame = self.0.get(8..8usize.checked_add(len)?)?;
        self.0 = &self.0[8 + len..];
        Some(frame)
    }

    /// The next frame as text.
    pub fn text(&mut self) -> Option<&'a str> {
        std::str::from_utf8(self.bytes()?).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_round_trip_and_refuse_short_input() {
        let mut f = Frames::default();
        f.put(b"one").put(b"").put("três".as_bytes());
        let bytes = f.into_bytes();
        let mut u = Unframe::new(&bytes);
        assert_eq!(u.bytes(), Some(&b"one"[..]));
        assert_eq!(u.text(), Some(""));
        assert_eq!(u.text(), Some("três"));
        assert_eq!(u.bytes(), None);
        let mut cut = Unframe::new(&bytes[..bytes.len() - 1]);
        cut.bytes();
        cut.bytes();
        assert_eq!(cut.bytes(), None);
        assert_eq!(Unframe::new(&u64::MAX.to_le_bytes()).bytes(), None);
    }
}
