//! A long-running `amicus` (watch, preview) driven by a test: its output collected as it
//! comes, waits on that output with generous timeouts (never on time itself), and Ctrl-C.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long any one wait may take before the test fails: far more than a build takes even
/// in a debug build on a busy two-core machine.
pub const PATIENCE: Duration = Duration::from_secs(240);

/// A running amicus with its standard output and error collected.
pub struct Running {
    child: Child,
    stdout: Arc<Mutex<String>>,
    stderr: Arc<Mutex<String>>,
}

/// Appends everything `from` says to `into`, line by line.
fn collect(from: impl Read + Send + 'static, into: Arc<Mutex<String>>) {
    std::thread::spawn(move || {
        for line in BufReader::new(from).lines() {
            let Ok(line) = line else { break };
            let mut text = into.lock().unwrap();
            text.push_str(&line);
            text.push('\n');
        }
    });
}

impl Running {
    /// Starts `amicus args…` in `dir`.
    pub fn start(dir: &Path, args: &[&str]) -> Running {
        let mut command = super::amicus();
        command.current_dir(dir).args(args);
        Running::spawn(command)
    }

    /// Starts `command` (an amicus command, e.g. one under limits from `common::limited`).
    pub fn spawn(mut command: std::process::Command) -> Running {
        let mut child = command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the amicus binary starts");
        let (stdout, stderr) = (Arc::new(Mutex::new(String::new())), Arc::new(Mutex::new(String::new())));
        collect(child.stdout.take().unwrap(), Arc::clone(&stdout));
        collect(child.stderr.take().unwrap(), Arc::clone(&stderr));
        Running { child, stdout, stderr }
    }

    /// Standard output so far.
    pub fn stdout(&self) -> String {
        self.stdout.lock().unwrap().clone()
    }

    /// Standard error so far.
    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Waits until `ready(stdout, stderr)` holds; fails the test, showing the output, if it
    /// does not within [`PATIENCE`] or if amicus exits first.
    pub fn wait_for(&mut self, what: &str, ready: impl Fn(&str, &str) -> bool) {
        let start = Instant::now();
        loop {
            let (out, err) = (self.stdout(), self.stderr());
            if ready(&out, &err) {
                return;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                // Let the readers catch the last lines.
                std::thread::sleep(Duration::from_millis(200));
                let (out, err) = (self.stdout(), self.stderr());
                assert!(ready(&out, &err), "amicus exited ({status}) before {what}:\n{out}\n-- stderr:\n{err}");
                return;
            }
            assert!(start.elapsed() < PATIENCE, "no {what} within {PATIENCE:?}:\n{out}\n-- stderr:\n{err}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Sends Ctrl-C (SIGINT) and waits for amicus to end; returns its exit status and output.
    pub fn interrupt(mut self) -> (ExitStatus, String, String) {
        let pid = self.child.id().to_string();
        let sent = std::process::Command::new("kill").args(["-INT", &pid]).status().expect("kill runs");
        assert!(sent.success());
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            assert!(start.elapsed() < PATIENCE, "amicus did not stop after Ctrl-C:\n{}", self.stdout());
            std::thread::sleep(Duration::from_millis(50));
        };
        std::thread::sleep(Duration::from_millis(200));
        (status, self.stdout(), self.stderr())
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
