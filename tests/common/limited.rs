//! The real binary under resource limits, for the tests of hostile input (`security`,
//! `budgets`): an address-space limit (`setrlimit` before `exec`) stands for "bounded
//! memory", a file-size limit for a full disk, and a watchdog turns a hang into a failed
//! test. No assertion depends on how long anything takes.

use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The address space the binary gets in the memory tests: enough for importing or building
/// any real document, far less than the bombs would take.
pub const MEMORY_LIMIT: u64 = 768 * 1024 * 1024;

/// How long a run may take before the watchdog kills it and fails the test: far longer
/// than any bounded case takes in a debug build on a busy two-core machine.
pub const WATCHDOG: Duration = Duration::from_secs(120);

/// Limits for one run.
#[derive(Default, Clone, Copy)]
pub struct Limits {
    /// `RLIMIT_AS`, bytes.
    pub memory: Option<u64>,
    /// `RLIMIT_FSIZE`, bytes (the largest file the process may write: a full disk).
    pub file_size: Option<u64>,
    /// `RLIMIT_NOFILE`: how many descriptors the process may hold.
    pub files: Option<u64>,
}

impl Limits {
    /// [`MEMORY_LIMIT`] and nothing else.
    pub fn memory() -> Limits {
        Limits { memory: Some(MEMORY_LIMIT), ..Limits::default() }
    }
}

/// `amicus args…` in `dir`, limited as `limits` says; the command, ready to spawn.
pub fn command(dir: &Path, args: &[&str], limits: Limits) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_amicus"));
    cmd.current_dir(dir).args(args).env_remove("SOURCE_DATE_EPOCH").env("NO_COLOR", "1");
    if limits.memory.is_some() {
        // The address-space limit stands for memory used, but glibc reserves 64 MB of address
        // space for each thread's allocation arena, touched or not: with Typst's threads the
        // same build peaked between 700 and 768 MB of address space from run to run (615 MB
        // resident) and the at-budget test failed now and then. Two arenas keep the limit
        // about memory.
        cmd.env("MALLOC_ARENA_MAX", "2");
    }
    cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    // SAFETY: only async-signal-safe calls (setrlimit, signal) between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            let set = |resource, bytes: u64| {
                let limit = libc::rlimit { rlim_cur: bytes, rlim_max: bytes };
                if libc::setrlimit(resource, &limit) != 0 { Err(std::io::Error::last_os_error()) } else { Ok(()) }
            };
            if let Some(bytes) = limits.memory {
                set(libc::RLIMIT_AS, bytes)?;
            }
            if let Some(bytes) = limits.file_size {
                // A write past the limit then fails with EFBIG, as on a full disk, instead of
                // killing the process.
                libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
                set(libc::RLIMIT_FSIZE, bytes)?;
            }
            if let Some(n) = limits.files {
                set(libc::RLIMIT_NOFILE, n)?;
            }
            Ok(())
        });
    }
    cmd
}

/// Runs `amicus args…` in `dir` under `limits` to the end; the watchdog kills it after
/// [`WATCHDOG`] and fails the test.
pub fn run(dir: &Path, args: &[&str], limits: Limits) -> Output {
    let mut child = command(dir, args, limits).spawn().expect("amicus starts");
    let (mut out, mut err) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let reader = std::thread::spawn(move || {
        let mut o = Vec::new();
        std::io::Read::read_to_end(&mut out, &mut o).ok();
        o
    });
    let err_reader = std::thread::spawn(move || {
        let mut e = Vec::new();
        std::io::Read::read_to_end(&mut err, &mut e).ok();
        e
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > WATCHDOG {
            let _ = child.kill();
            let _ = child.wait();
            panic!("amicus {args:?} hung (killed by the test's watchdog)");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    Output { status, stdout: reader.join().unwrap(), stderr: err_reader.join().unwrap() }
}

/// Standard output and error together.
pub fn all(out: &Output) -> String {
    format!("{}{}", super::text(&out.stdout), super::text(&out.stderr))
}
