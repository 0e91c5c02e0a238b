//! The preview's HTTP server: a small HTTP/1.1 server for a fixed set of GET routes, on
//! this computer only, that no client can hold up or wear down.
//!
//! - One thread accepts; each connection is answered on a thread of its own, at most
//!   [`MAX_CONNECTIONS`] at once: past that a connection gets `503` at once and is closed.
//! - A request's head (request line and headers) must arrive whole within [`HEAD_DEADLINE`]
//!   (a client trickling header lines is cut off: `408`) and within [`MAX_HEAD_BYTES`]
//!   (`431`); the body of a request is never read. An answer that the client does not take
//!   within [`WRITE_TIMEOUT`] is abandoned. One request per connection
//!   (`Connection: close`).
//! - When the process runs out of file descriptors, accepting waits and tries again: the
//!   connections being answered end within the deadlines and free theirs. The accept loop
//!   ends only when the server is stopped.

use std::io::{ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The most bytes a request's line and headers may take (browsers send well under 2 KB).
pub const MAX_HEAD_BYTES: usize = 16 * 1024;
/// How long a client has to send its request line and headers, all of them.
pub const HEAD_DEADLINE: Duration = Duration::from_secs(10);
/// How long writing an answer may block on a client that does not read it.
pub const WRITE_TIMEOUT: Duration = Duration::from_secs(10);
/// The most connections answered at once (the page keeps one or two open).
pub const MAX_CONNECTIONS: usize = 32;
/// How long accepting waits before trying again when the process is out of descriptors.
const RETRY: Duration = Duration::from_millis(100);

/// A request: its method, target (path and query) and headers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// `GET`, `HEAD`, …
    pub method: String,
    /// The target as sent, e.g. `/page/0.svg?k=1`.
    pub target: String,
    /// The headers, names as sent.
    pub headers: Vec<(String, String)>,
}

impl Request {
    /// The value of the header `name` (any case), if sent.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// An answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// Headers besides `Content-Length` and `Connection`.
    pub headers: Vec<(&'static str, String)>,
    /// The body (left out for `HEAD`).
    pub body: Vec<u8>,
}

/// What answers requests.
pub type Handler = dyn Fn(&Request) -> Response + Send + Sync;

/// A running server: stopped when dropped.
pub struct Server {
    /// The address it listens on.
    address: SocketAddr,
    /// Set to stop the accept loop.
    stop: Arc<AtomicBool>,
    /// The accepting thread.
    thread: Option<std::thread::JoinHandle<()>>,
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("http::Server").field("address", &self.address).finish()
    }
}

impl Server {
    /// Serves `handler` on `listener` from a new thread.
    ///
    /// # Errors
    ///
    /// The thread cannot be started, or the listener has no address.
    pub fn start(listener: TcpListener, handler: Arc<Handler>) -> std::io::Result<Server> {
        let address = listener.local_addr()?;
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let stop = Arc::clone(&stop);
            std::thread::Builder::new()
                .name("preview-server".into())
                .spawn(move || accept(&listener, &stop, &handler))?
        };
        Ok(Server { address, stop, thread: Some(thread) })
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop with a connection of our own.
        let _ = TcpStream::connect_timeout(&self.address, Duration::from_secs(1));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Whether an accept error means the process (or system) is out of descriptors or memory
/// for sockets for now.
#[cfg(unix)]
fn exhausted(e: &std::io::Error) -> bool {
    matches!(e.raw_os_error(), Some(libc::EMFILE | libc::ENFILE | libc::ENOBUFS | libc::ENOMEM))
}

/// Whether an accept error means the process (or system) is out of sockets for now
/// (Windows: WSAEMFILE, WSAENOBUFS).
#[cfg(not(unix))]
fn exhausted(e: &std::io::Error) -> bool {
    matches!(e.raw_os_error(), Some(10024 | 10055))
}

/// Accepts connections until `stop`, each answered on its own thread.
fn accept(listener: &TcpListener, stop: &AtomicBool, handler: &Arc<Handler>) {
    let active = Arc::new(AtomicUsize::new(0));
    while !stop.load(Ordering::SeqCst) {
        let stream = match listener.accept() {
            Ok((stream, _)) => stream,
            Err(e) if exhausted(&e) => {
                // The connections being answered end within the deadlines; the ones waiting
                // stay in the queue until then.
                std::thread::sleep(RETRY);
                continue;
            }
            // A connection reset before it was accepted, an interrupted call: not ours.
            Err(_) => continue,
        };
        if stop.load(Ordering::SeqCst) {
            break;
        }
        if active.load(Ordering::SeqCst) >= MAX_CONNECTIONS {
            busy(stream);
            continue;
        }
        active.fetch_add(1, Ordering::SeqCst);
        let (handler, done) = (Arc::clone(handler), Arc::clone(&active));
        let spawned = std::thread::Builder::new().name("preview-connection".into()).spawn(move || {
            connection(stream, &*handler);
            done.fetch_sub(1, Ordering::SeqCst);
        });
        if spawned.is_err() {
            // No thread to be had: the connection was dropped with the closure.
            active.fetch_sub(1, Ordering::SeqCst);
            std::thread::sleep(RETRY);
        }
    }
}

/// Answers `503` without waiting on the client.
fn busy(mut stream: TcpStream) {
    let _ = stream.set_nonblocking(true);
    let _ = stream.write_all(
        b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\nRetry-After: 1\r\n\r\n",
    );
}

/// Why a request's head could not be read.
#[derive(Debug, PartialEq, Eq)]
enum HeadError {
    /// Not whole within [`HEAD_DEADLINE`].
    Slow,
    /// Larger than [`MAX_HEAD_BYTES`].
    Large,
    /// Not HTTP.
    Malformed,
    /// The client went away.
    Gone,
}

/// Reads one request's head from `stream`, within the deadline and the size limit.
fn read_head(stream: &mut TcpStream, deadline: Instant) -> Result<Vec<u8>, HeadError> {
    let mut head = Vec::with_capacity(1024);
    let mut chunk = [0u8; 1024];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(HeadError::Slow);
        }
        stream.set_read_timeout(Some(left)).map_err(|_| HeadError::Gone)?;
        match stream.read(&mut chunk) {
            Ok(0) => return Err(HeadError::Gone),
            Ok(n) => {
                let from = head.len().saturating_sub(3);
                head.extend_from_slice(&chunk[..n]);
                if let Some(end) = head[from..].windows(4).position(|w| w == b"\r\n\r\n") {
                    head.truncate(from + end);
                    return Ok(head);
                }
                if head.len() > MAX_HEAD_BYTES {
                    return Err(HeadError::Large);
                }
            }
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => return Err(HeadError::Slow),
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(_) => return Err(HeadError::Gone),
        }
    }
}

/// Parses a request head (without its closing blank line).
fn parse_head(head: &[u8]) -> Result<Request, HeadError> {
    let text = std::str::from_utf8(head).map_err(|_| HeadError::Malformed)?;
    let mut lines = text.split("\r\n");
    let mut first = lines.next().unwrap_or_default().split(' ');
    let (Some(method), Some(target), Some(version), None) = (first.next(), first.next(), first.next(), first.next())
    else {
        return Err(HeadError::Malformed);
    };
    if !version.starts_with("HTTP/1.") || method.is_empty() || !target.starts_with('/') {
        return Err(HeadError::Malformed);
    }
    let mut headers = Vec::new();
    for line in lines {
        let (name, value) = line.split_once(':').ok_or(HeadError::Malformed)?;
        if name.is_empty() || name.contains([' ', '\t']) {
            return Err(HeadError::Malformed);
        }
        headers.push((name.to_owned(), value.trim().to_owned()));
    }
    Ok(Request { method: method.to_owned(), target: target.to_owned(), headers })
}

/// The reason phrase of a status code.
fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "",
    }
}

/// Writes `response` (its body unless `head_only`).
fn write_response(stream: &mut TcpStream, response: &Response, head_only: bool) -> std::io::Result<()> {
    let mut out = format!("HTTP/1.1 {} {}\r\n", response.status, reason(response.status));
    for (name, value) in &response.headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str(&format!("Content-Length: {}\r\nConnection: close\r\n\r\n", response.body.len()));
    let mut bytes = out.into_bytes();
    if !head_only {
        bytes.extend_from_slice(&response.body);
    }
    stream.set_write_timeout(Some(WRITE_TIMEOUT))?;
    stream.write_all(&bytes)?;
    stream.flush()
}

/// Answers one connection: one request.
fn connection(mut stream: TcpStream, handler: &Handler) {
    let deadline = Instant::now() + HEAD_DEADLINE;
    let plain = |status: u16, text: &str| Response {
        status,
        headers: vec![("Content-Type", "text/plain; charset=utf-8".to_owned())],
        body: format!("{text}\n").into_bytes(),
    };
    let (response, head_only) = match read_head(&mut stream, deadline).and_then(|h| parse_head(&h)) {
        Ok(request) => {
            let head_only = request.method == "HEAD";
            (handler(&request), head_only)
        }
        Err(HeadError::Gone) => return,
        Err(HeadError::Slow) => (plain(408, "request timeout: the request did not arrive in time"), false),
        Err(HeadError::Large) => (plain(431, "request header fields too large"), false),
        Err(HeadError::Malformed) => (plain(400, "bad request"), false),
    };
    let _ = write_response(&mut stream, &response, head_only);
    let _ = stream.shutdown(std::net::Shutdown::Both);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_are_parsed_strictly() {
        let r = parse_head(b"GET /page/0.svg?k=1 HTTP/1.1\r\nHost: 127.0.0.1:4000\r\nSec-Fetch-Site:  same-origin ")
            .unwrap();
        assert_eq!(r.method, "GET");
        assert_eq!(r.target, "/page/0.svg?k=1");
        assert_eq!(r.header("host"), Some("127.0.0.1:4000"));
        assert_eq!(r.header("SEC-FETCH-SITE"), Some("same-origin"));
        for bad in [
            &b"GET / HTTP/1.1 extra"[..],
            b"GET /",
            b"GET http://x/ HTTP/1.1",
            b"GET / HTTP/2\r\n",
            b"GET / HTTP/1.1\r\nno colon",
            b"GET / HTTP/1.1\r\nbad name: x",
            b"\xff / HTTP/1.1",
        ] {
            assert_eq!(parse_head(bad), Err(HeadError::Malformed), "{}", String::from_utf8_lossy(bad));
        }
    }
}
