//! `amicus preview` through the real CLI: what the server serves and refuses (raw HTTP, so
//! that no client tidies the paths), and the page in headless Chromium — it loads, shows the
//! pages, updates after an edit without a reload and keeps the scroll position, shows the
//! problems after a bad edit over the last good pages, and recovers after the fix.
//!
//! The browser test needs Debian's `chromium`; it is `#[ignore]`d so that `cargo test` runs
//! without one, and `.ci/run` installs Chromium and runs it explicitly:
//! `cargo test --test preview -- --ignored`.

#![cfg(unix)]

mod common;

use common::running::{PATIENCE, Running};
use common::{copy_dir, root};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::{Duration, Instant};

/// Starts `amicus preview` on a copy of the base fixture; returns it with its address
/// (`127.0.0.1:port`) once the first build is shown.
fn start_preview(work: &Path) -> (Running, String) {
    copy_dir(&root().join("tests/fixtures/base"), &work.join("s"));
    let mut preview = Running::start(work, &["preview", "s", "-o", "out"]);
    preview.wait_for("the first build", |out, _| out.contains("wrote out/report.pdf"));
    let out = preview.stdout();
    let first = out.lines().next().unwrap();
    let url = first
        .strip_prefix("preview of s at http://")
        .and_then(|rest| rest.strip_suffix("/ (this computer only; Ctrl-C stops)"))
        .unwrap_or_else(|| panic!("unexpected first line: {first}"));
    (preview, url.to_owned())
}

/// A raw HTTP/1.0 request; returns the status code and the body.
fn request(address: &str, method: &str, path: &str, host: &str) -> (u16, Vec<u8>) {
    let mut stream = TcpStream::connect(address).expect("the preview accepts connections");
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    // HTTP/1.0: the body comes whole, never in chunks.
    write!(stream, "{method} {path} HTTP/1.0\r\nHost: {host}\r\n\r\n").unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let head_end = response.windows(4).position(|w| w == b"\r\n\r\n").expect("a complete response") + 4;
    let head = String::from_utf8_lossy(&response[..head_end]).into_owned();
    let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or_else(|| panic!("bad response: {head}"));
    (status, response[head_end..].to_vec())
}

#[test]
fn the_server_serves_its_routes_only_on_127_0_0_1() {
    let work = tempfile::tempdir().unwrap();
    let (preview, address) = start_preview(work.path());
    let get = |path: &str| request(&address, "GET", path, &address);

    let (status, page) = get("/");
    assert_eq!(status, 200);
    let page = String::from_utf8(page).unwrap();
    assert!(page.contains("<script src=\"/preview.js\"></script>"));
    // No external assets: every address in the page is one of the server's own.
    assert!(!page.contains("http:") && !page.contains("https:") && !page.contains("//"), "{page}");
    let (status, script) = get("/preview.js");
    assert_eq!(status, 200);
    assert!(!String::from_utf8(script).unwrap().contains("http"));

    let (status, json) = get("/status");
    assert_eq!(status, 200);
    let json: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["failed"], false);
    let pages = json["pages"].as_array().unwrap();
    assert_eq!(pages.len(), 3, "{json}");
    let (status, svg) = get("/page/0.svg?k=anything");
    assert_eq!(status, 200);
    assert!(String::from_utf8(svg).unwrap().starts_with("<svg"));

    // Nothing outside the routes, however the path is spelt.
    for path in [
        "/page/3.svg",
        "/page/-1.svg",
        "/../Cargo.toml",
        "/../../../../etc/passwd",
        "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/..%2f..%2f..%2fetc%2fpasswd",
        "/page/../../s/submission.yaml",
        "/page/0.svg/../../../etc/passwd",
        "/s/submission.yaml",
        "/out/report.pdf",
        "//etc/passwd",
        "/preview.js/..",
        "/favicon.ico",
    ] {
        let (status, body) = get(path);
        assert_eq!(status, 404, "{path} was served");
        assert_eq!(body, b"not found\n", "{path}");
    }
    assert_eq!(request(&address, "POST", "/status", &address).0, 405);
    assert_eq!(request(&address, "GET", "/", "attacker.example").0, 403);

    // Listening on 127.0.0.1 only: the same port on another loopback address is closed.
    let port = address.rsplit(':').next().unwrap();
    assert!(TcpStream::connect(format!("127.0.0.2:{port}")).is_err(), "the preview listens beyond 127.0.0.1");
    let (status, out, _) = preview.interrupt();
    assert!(status.success());
    assert!(out.ends_with("stopped watching s\n"), "{out}");
}

#[test]
fn a_port_in_use_is_an_error_with_a_hint() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let work = tempfile::tempdir().unwrap();
    copy_dir(&root().join("tests/fixtures/base"), &work.path().join("s"));
    let out = common::run_in(work.path(), &["preview", "s", "--port", &port]);
    assert_eq!(out.status.code(), Some(1));
    let err = common::text(&out.stderr);
    assert!(err.starts_with(&format!("error: cannot start the preview: cannot listen on 127.0.0.1:{port}: ")), "{err}");
    assert!(err.ends_with("(leave out --port for a free one)\n"), "{err}");
}

/// Headless Chromium driven through the DevTools protocol over a pipe
/// (`--remote-debugging-pipe`: JSON messages ended by a NUL byte on file descriptors 3 and
/// 4), so that the test needs no WebSocket client.
struct Browser {
    child: std::process::Child,
    to: std::io::PipeWriter,
    from: std::sync::mpsc::Receiver<serde_json::Value>,
    next_id: u64,
    session: String,
    _profile: tempfile::TempDir,
}

impl Browser {
    /// Starts Chromium and opens `url` in a tab.
    fn open(url: &str) -> Browser {
        use std::os::fd::AsRawFd;
        use std::os::unix::process::CommandExt;
        let (chrome_reads, to) = std::io::pipe().unwrap();
        let (from, chrome_writes) = std::io::pipe().unwrap();
        let (r, w) = (chrome_reads.as_raw_fd(), chrome_writes.as_raw_fd());
        let profile = tempfile::tempdir().unwrap();
        let mut command = std::process::Command::new("chromium");
        command
            .args(["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check"])
            .args(["--disable-extensions", "--disable-background-networking", "--disable-dev-shm-usage"])
            .args(["--remote-debugging-pipe", "--window-size=1000,800"])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        // SAFETY: between fork and exec only async-signal-safe calls (fcntl, dup2) are made.
        // The ends are first copied above 10 so that placing one on 3 cannot close the other.
        unsafe {
            command.pre_exec(move || {
                let r2 = libc::fcntl(r, libc::F_DUPFD, 10);
                let w2 = libc::fcntl(w, libc::F_DUPFD, 10);
                if r2 < 0 || w2 < 0 || libc::dup2(r2, 3) < 0 || libc::dup2(w2, 4) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = command.spawn().expect("chromium starts (Debian package `chromium`)");
        drop((chrome_reads, chrome_writes));
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = std::io::BufReader::new(from);
            loop {
                let mut message = Vec::new();
                match std::io::BufRead::read_until(&mut reader, 0, &mut message) {
                    Ok(0) | Err(_) => break,
                    Ok(_) => {
                        message.pop();
                        if let Ok(value) = serde_json::from_slice(&message)
                            && tx.send(value).is_err()
                        {
                            break;
                        }
                    }
                }
            }
        });
        let mut browser = Browser { child, to, from: rx, next_id: 0, session: String::new(), _profile: profile };
        let target = browser.call("Target.createTarget", serde_json::json!({ "url": url }));
        let target = target["targetId"].as_str().expect("a target id").to_owned();
        let attached =
            browser.call("Target.attachToTarget", serde_json::json!({ "targetId": target, "flatten": true }));
        browser.session = attached["sessionId"].as_str().expect("a session id").to_owned();
        browser
    }

    /// Calls a DevTools method (in the tab once attached) and returns its result.
    fn call(&mut self, method: &str, params: serde_json::Value) -> serde_json::Value {
        self.next_id += 1;
        let id = self.next_id;
        let mut message = serde_json::json!({ "id": id, "method": method, "params": params });
        if !self.session.is_empty() {
            message["sessionId"] = self.session.clone().into();
        }
        let mut bytes = serde_json::to_vec(&message).unwrap();
        bytes.push(0);
        self.to.write_all(&bytes).expect("chromium reads its pipe");
        let start = Instant::now();
        loop {
            let left = PATIENCE.saturating_sub(start.elapsed());
            let reply = self.from.recv_timeout(left).unwrap_or_else(|_| panic!("no answer from chromium to {method}"));
            if reply["id"] == id {
                assert!(reply.get("error").is_none(), "{method}: {reply}");
                return reply["result"].clone();
            }
        }
    }

    /// Evaluates a JavaScript expression in the page; returns its value.
    fn eval(&mut self, expression: &str) -> serde_json::Value {
        let result =
            self.call("Runtime.evaluate", serde_json::json!({ "expression": expression, "returnByValue": true }));
        result["result"]["value"].clone()
    }

    /// Waits until `expression` is true in the page; fails the test with `what` otherwise.
    fn wait_until(&mut self, what: &str, expression: &str) {
        let start = Instant::now();
        while self.eval(expression) != serde_json::Value::Bool(true) {
            assert!(start.elapsed() < PATIENCE, "the page never showed {what}: {}", self.eval(PAGE_STATE));
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What the page shows, as JSON, for failure messages.
const PAGE_STATE: &str = "JSON.stringify({version: document.body.dataset.version, state: document.body.dataset.state, \
    pages: document.querySelectorAll('#pages img').length, problems: document.getElementById('problems').innerText, \
    bar: document.getElementById('bar').innerText, scroll: window.scrollY})";

/// The first page is drawn (its picture loaded).
const FIRST_PAGE_DRAWN: &str = "(() => { const i = document.querySelector('#pages img'); \
    return !!i && i.complete && i.naturalWidth > 0 && i.src.includes('/page/0.svg'); })()";

#[test]
#[ignore = "needs chromium: apt-get install chromium; .ci/run installs it and runs `cargo test --test preview -- --ignored`"]
fn the_page_shows_the_pages_follows_edits_shows_errors_and_recovers() {
    let work = tempfile::tempdir().unwrap();
    let (preview, address) = start_preview(work.path());
    let mut browser = Browser::open(&format!("http://{address}/"));

    // It loads and shows the pages.
    browser
        .wait_until("the first build", "document.body.dataset.version === '1' && document.body.dataset.state === 'ok'");
    browser.wait_until("the first page", FIRST_PAGE_DRAWN);
    assert_eq!(browser.eval("document.querySelectorAll('#pages img').length"), 3);
    assert_eq!(browser.eval("document.getElementById('problems').hidden"), true);
    let bar = browser.eval("document.getElementById('bar').innerText");
    assert!(bar.as_str().unwrap().contains("Up to date: out/report.pdf (3 pages)"), "{bar}");

    // An edit on the cover: the page updates itself, without a reload, where it was scrolled.
    browser.eval("window.amicusLoaded = true; window.scrollTo(0, 700); window.scrollY");
    let scrolled = browser.eval("window.scrollY");
    assert!(scrolled.as_f64().unwrap() > 0.0, "the page does not scroll: {}", browser.eval(PAGE_STATE));
    let first_key = browser.eval("document.querySelector('#pages img').dataset.key");
    let yaml = work.path().join("s/submission.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(&yaml, text.replace("title: Migrants and asylum seekers", "title: Migrants in detention")).unwrap();
    browser.wait_until("the second build", "document.body.dataset.version === '2'");
    assert_eq!(browser.eval("window.amicusLoaded === true"), true, "the page was reloaded");
    assert_ne!(browser.eval("document.querySelector('#pages img').dataset.key"), first_key, "the cover did not change");
    browser.wait_until("the new cover", FIRST_PAGE_DRAWN);
    assert_eq!(browser.eval("window.scrollY"), scrolled, "the scroll position moved");
    assert_eq!(browser.eval("document.body.dataset.state"), "ok");

    // A bad edit: the problem, with file, line, message and hint, over the last good pages.
    let text = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(&yaml, text.replace("committee: CCPR", "committee: CCRP")).unwrap();
    browser.wait_until("the error", "document.body.dataset.state === 'error'");
    let problems = browser.eval("document.getElementById('problems').innerText");
    let problems = problems.as_str().unwrap();
    assert!(problems.contains("s/submission.yaml:2:12 error: `CCRP` is not allowed for `committee`"), "{problems}");
    assert!(problems.contains("hint: did you mean `CCPR`?"), "{problems}");
    assert!(problems.contains("the pages below are from the last good build"), "{problems}");
    assert_eq!(browser.eval("document.getElementById('problems').hidden"), false);
    assert_eq!(browser.eval("document.querySelectorAll('#pages img').length"), 3, "the pages went away");
    assert_eq!(browser.eval(FIRST_PAGE_DRAWN), true);

    // The fix: the problems go, the pages are current again.
    let text = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(&yaml, text.replace("committee: CCRP", "committee: CCPR")).unwrap();
    browser.wait_until(
        "the recovery",
        "document.body.dataset.state === 'ok' && document.getElementById('problems').hidden",
    );
    assert_eq!(browser.eval("window.amicusLoaded === true"), true, "the page was reloaded");
    assert_eq!(browser.eval("document.querySelectorAll('#pages img').length"), 3);
    drop(browser);
    let (status, _, _) = preview.interrupt();
    assert!(status.success());
}
