//! `amicus preview`: the watch loop behind a page in the browser, on this computer only.
//!
//! [`Server`] listens on 127.0.0.1 and nowhere else ([`Server::bind`] refuses any other
//! address) and serves a fixed set of routes from memory — nothing is ever read from disk
//! for a request, so no path can reach a file:
//!
//! - `/` the page, `/preview.js` and `/preview.css` its script and style (built into the
//!   binary: no network, no external assets);
//! - `/status` the state as JSON: a version number that grows with each build, the pages of
//!   the last good build (size and a key that changes when the page does), the problems of the
//!   last build (file, line, column, message, hint) and whether it failed;
//! - `/page/<n>.svg` page `n` (from 0) of the last good build, drawn by Typst's SVG exporter
//!   when first asked for and kept while the page is unchanged.
//!
//! Everything else is 404, any method but GET and HEAD 405, and a request naming another
//! host in its `Host` header 403 (a web page elsewhere cannot reach the preview by a DNS
//! name pointing at 127.0.0.1).
//!
//! The page asks `/status` a few times a second; when the version changes it swaps the pages
//! that changed (the others stay as they are, so the scroll position holds) and shows the
//! problems above the last good pages, or hides them once fixed.

mod http;

use crate::diag::Diagnostic;
use crate::pipeline::watch::Round;
use serde::Serialize;
use std::collections::HashMap;
use std::net::{Ipv4Addr, SocketAddr, SocketAddrV4};
use std::sync::{Arc, Mutex, PoisonError};
use typst_layout::Page;

/// The page.
const INDEX: &str = include_str!("page.html");
/// Its script.
const SCRIPT: &str = include_str!("page.js");
/// Its style.
const STYLE: &str = include_str!("page.css");

/// What the page shows, shared between the build loop and the server thread.
#[derive(Default)]
struct State {
    /// Grows by one with each round of builds.
    version: u64,
    /// The submission folder, as given.
    folder: String,
    /// The pages of the last good build.
    pages: Vec<PageEntry>,
    /// Drawn pages, by page key; only the current pages' are kept.
    svgs: HashMap<u128, Arc<String>>,
    /// The problems of the last round (errors and warnings).
    problems: Vec<Diagnostic>,
    /// Whether the last round failed (the pages are then older than the files).
    failed: bool,
    /// The PDF the pages are from, and what `build` says of it.
    written: Option<String>,
}

/// One page of the last good build.
struct PageEntry {
    /// A hash of the page's content: equal keys, equal pages.
    key: u128,
    /// Width and height in points.
    size: (f64, f64),
    /// The page: laid out here, to be drawn when asked for, or drawn already (by the
    /// contained child that laid out a submission's own templates).
    page: Drawing,
}

/// A page to serve.
enum Drawing {
    /// Laid out in this process.
    Page(Page),
    /// Drawn as SVG.
    Svg(Arc<String>),
}

/// The page's view of [`State`].
#[derive(Serialize)]
struct Status<'a> {
    version: u64,
    folder: &'a str,
    failed: bool,
    written: Option<&'a str>,
    pages: Vec<PageStatus>,
    problems: &'a [Diagnostic],
}

/// One page in `/status`.
#[derive(Serialize)]
struct PageStatus {
    /// [`PageEntry::key`] in hex (JSON numbers cannot hold 128 bits).
    key: String,
    /// Width in points.
    width: f64,
    /// Height in points.
    height: f64,
}

/// The preview server.
pub struct Server {
    /// The HTTP server ([`http`]: bounded connections, deadlines, size limits); held for
    /// its `Drop`, which stops it.
    _http: http::Server,
    /// The address it listens on.
    address: SocketAddr,
    /// What it serves.
    state: Arc<Mutex<State>>,
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Server").field("address", &self.address).finish()
    }
}

/// Why the server could not start.
#[derive(Debug)]
pub enum StartError {
    /// The address is not 127.0.0.1: the preview is for this computer only.
    NotLoopback(SocketAddr),
    /// The port is taken, or binding failed otherwise.
    Bind(String),
}

impl std::fmt::Display for StartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StartError::NotLoopback(a) => write!(
                f,
                "the preview listens on 127.0.0.1 only, so that no other computer can read the report; {a} was refused"
            ),
            StartError::Bind(e) => f.write_str(e),
        }
    }
}

impl Server {
    /// Starts serving on 127.0.0.1 at `port` (a free port for `None`).
    ///
    /// # Errors
    ///
    /// The port is taken or cannot be used.
    pub fn start(folder: &str, port: Option<u16>) -> Result<Server, StartError> {
        Server::bind(folder, SocketAddr::V4(SocketAddrV4::new(Ipv4Addr::LOCALHOST, port.unwrap_or(0))))
    }

    /// Starts serving on `address`, which must be 127.0.0.1 (any port).
    ///
    /// # Errors
    ///
    /// [`StartError::NotLoopback`] for any other address, before anything is bound;
    /// [`StartError::Bind`] when the port cannot be used.
    pub fn bind(folder: &str, address: SocketAddr) -> Result<Server, StartError> {
        if address.ip() != Ipv4Addr::LOCALHOST {
            return Err(StartError::NotLoopback(address));
        }
        let listener = std::net::TcpListener::bind(address).map_err(|e| {
            StartError::Bind(format!(
                "cannot listen on {address}: {e}{}",
                match address.port() {
                    0 => String::new(),
                    _ => " (leave out --port for a free one)".to_owned(),
                }
            ))
        })?;
        let address = listener.local_addr().map_err(|e| StartError::Bind(format!("no TCP address: {e}")))?;
        let state = Arc::new(Mutex::new(State { folder: folder.to_owned(), ..State::default() }));
        let handler: Arc<http::Handler> = {
            let state = Arc::clone(&state);
            Arc::new(move |request: &http::Request| answer(request, &state, address))
        };
        let http = http::Server::start(listener, handler)
            .map_err(|e| StartError::Bind(format!("cannot start the preview server: {e}")))?;
        Ok(Server { _http: http, address, state })
    }

    /// The page's address, `http://127.0.0.1:<port>/`.
    pub fn url(&self) -> String {
        format!("http://{}/", self.address)
    }

    /// Shows a round of builds: the new pages if the report was built, the problems in any
    /// case; the page updates itself.
    pub fn publish(&self, round: &Round) {
        let mut problems = round.report_problems().to_vec();
        problems.extend(round.brief_problems());
        let (pages, written) = match &round.report {
            Ok(outcome) => (
                pages_of(outcome),
                outcome.pdf.as_ref().map(|pdf| format!("{} ({} pages)", pdf.display(), outcome.pages)),
            ),
            Err(_) => (None, None),
        };
        let mut state = lock(&self.state);
        state.version += 1;
        state.failed = round.failed();
        state.problems = problems;
        if let Some(pages) = pages {
            state.svgs.retain(|key, _| pages.iter().any(|p| p.key == *key));
            state.pages = pages;
            state.written = written;
        }
    }
}

/// The pages of a build, when it laid out a PDF. Hashing pages is cheap: their frames hash
/// once, lazily.
fn pages_of(outcome: &crate::pipeline::build::Outcome) -> Option<Vec<PageEntry>> {
    if let Some(document) = &outcome.document {
        return Some(
            document
                .pages()
                .iter()
                .map(|page| PageEntry {
                    key: typst::utils::hash128(page),
                    size: (page.frame.width().to_pt(), page.frame.height().to_pt()),
                    page: Drawing::Page(page.clone()),
                })
                .collect(),
        );
    }
    (outcome.pdf.is_some() && !outcome.svg_pages.is_empty()).then(|| {
        outcome
            .svg_pages
            .iter()
            .map(|p| PageEntry {
                key: typst::utils::hash128(&p.svg),
                size: (p.width, p.height),
                page: Drawing::Svg(Arc::new(p.svg.clone())),
            })
            .collect()
    })
}

/// Locks the state; a panic while it was held cannot leave it half-changed in a way that
/// matters (each field is replaced whole).
fn lock(state: &Mutex<State>) -> std::sync::MutexGuard<'_, State> {
    state.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The answer to one request: see the module's routes.
fn answer(request: &http::Request, state: &Mutex<State>, address: SocketAddr) -> http::Response {
    let port = address.port();
    let allowed = [format!("127.0.0.1:{port}"), format!("localhost:{port}")];
    if !request.header("Host").is_some_and(|h| allowed.iter().any(|a| a.eq_ignore_ascii_case(h))) {
        return respond(
            403,
            "text/plain; charset=utf-8",
            b"forbidden: the preview answers to 127.0.0.1 only\n".to_vec(),
        );
    }
    // A browser says where a request comes from: only the preview's own page (or the user
    // typing the address) may read it; another site cannot embed its pages or poll it.
    if request.header("Sec-Fetch-Site").is_some_and(|site| !matches!(site, "same-origin" | "none")) {
        return respond(
            403,
            "text/plain; charset=utf-8",
            b"forbidden: the preview serves its own page only\n".to_vec(),
        );
    }
    if !matches!(request.method.as_str(), "GET" | "HEAD") {
        return respond(405, "text/plain; charset=utf-8", b"method not allowed\n".to_vec());
    }
    // The query (a cache breaker) plays no part in the route.
    let path = request.target.split(['?', '#']).next().unwrap_or_default();
    match path {
        "/" => respond(200, "text/html; charset=utf-8", INDEX.as_bytes().to_vec()),
        "/preview.js" => respond(200, "text/javascript; charset=utf-8", SCRIPT.as_bytes().to_vec()),
        "/preview.css" => respond(200, "text/css; charset=utf-8", STYLE.as_bytes().to_vec()),
        "/status" => respond(200, "application/json", status_json(&lock(state)).into_bytes()),
        _ => match page_number(path) {
            Some(n) => match page_svg(state, n) {
                Some(svg) => respond(200, "image/svg+xml", svg.as_bytes().to_vec()),
                None => not_found(),
            },
            None => not_found(),
        },
    }
}

/// `/page/<n>.svg` → n; nothing else (no leading zeros, signs or other characters).
fn page_number(path: &str) -> Option<usize> {
    let digits = path.strip_prefix("/page/")?.strip_suffix(".svg")?;
    let canonical =
        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) && (digits == "0" || !digits.starts_with('0'));
    if canonical { digits.parse().ok() } else { None }
}

/// Page `n` of the last good build as SVG, drawn now if it was not yet.
fn page_svg(state: &Mutex<State>, n: usize) -> Option<Arc<String>> {
    let (key, page) = {
        let state = lock(state);
        let entry = state.pages.get(n)?;
        if let Some(svg) = state.svgs.get(&entry.key) {
            return Some(Arc::clone(svg));
        }
        match &entry.page {
            Drawing::Svg(svg) => return Some(Arc::clone(svg)),
            Drawing::Page(page) => (entry.key, page.clone()),
        }
    };
    // Drawn without the lock, so that `/status` and a new build are not held up.
    let svg = Arc::new(typst_svg::svg(&page, &typst_svg::SvgOptions::default()));
    let mut state = lock(state);
    // Keep it only if the page is still current.
    if state.pages.iter().any(|p| p.key == key) {
        state.svgs.insert(key, Arc::clone(&svg));
    }
    Some(svg)
}

/// `/status`.
fn status_json(state: &State) -> String {
    let status = Status {
        version: state.version,
        folder: &state.folder,
        failed: state.failed,
        written: state.written.as_deref(),
        pages: state
            .pages
            .iter()
            .map(|p| PageStatus { key: format!("{:032x}", p.key), width: p.size.0, height: p.size.1 })
            .collect(),
        problems: &state.problems,
    };
    serde_json::to_string(&status).unwrap_or_else(|_| "{}".to_owned())
}

/// 404.
fn not_found() -> http::Response {
    respond(404, "text/plain; charset=utf-8", b"not found\n".to_vec())
}

/// A response with the headers every answer gets: no caching (the pages change under the
/// same names), no type sniffing, no referrer, a content policy that allows only this
/// server's own script, style and images, and no use by other sites
/// (`Cross-Origin-Resource-Policy`).
fn respond(status: u16, content_type: &str, body: Vec<u8>) -> http::Response {
    let headers = [
        ("Content-Type", content_type),
        ("Cache-Control", "no-store"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("Cross-Origin-Resource-Policy", "same-origin"),
        (
            "Content-Security-Policy",
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ),
    ];
    http::Response { status, headers: headers.iter().map(|(n, v)| (*n, (*v).to_owned())).collect(), body }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_127_0_0_1_is_accepted() {
        for refused in ["0.0.0.0:0", "192.168.1.10:0", "127.0.0.2:0", "[::]:0", "[::1]:0", "10.0.0.1:8000"] {
            let address: SocketAddr = refused.parse().unwrap();
            assert!(
                matches!(Server::bind("s", address), Err(StartError::NotLoopback(a)) if a == address),
                "{refused} was not refused"
            );
        }
        let server = Server::bind("s", "127.0.0.1:0".parse().unwrap()).expect("127.0.0.1 is accepted");
        assert!(server.url().starts_with("http://127.0.0.1:"), "{}", server.url());
    }

    #[test]
    fn page_routes_are_exact() {
        assert_eq!(page_number("/page/0.svg"), Some(0));
        assert_eq!(page_number("/page/12.svg"), Some(12));
        for not in [
            "/page/.svg",
            "/page/01.svg",
            "/page/-1.svg",
            "/page/+1.svg",
            "/page/1.svg/",
            "/page/../1.svg",
            "/page/1",
            "/pages/1.svg",
            "/page/1.svg.svg",
            "/page/%31.svg",
        ] {
            assert_eq!(page_number(not), None, "{not}");
        }
    }

    #[test]
    fn nothing_outside_the_routes_is_served() {
        let state = Mutex::new(State::default());
        let address: SocketAddr = "127.0.0.1:4000".parse().unwrap();
        let request = |method: &str, url: &str, headers: &[(&str, &str)]| http::Request {
            method: method.to_owned(),
            target: url.to_owned(),
            headers: headers.iter().map(|(n, v)| ((*n).to_owned(), (*v).to_owned())).collect(),
        };
        let get = |url: &str, host: Option<&str>| {
            let headers: Vec<(&str, &str)> = host.map(|h| ("Host", h)).into_iter().collect();
            answer(&request("GET", url, &headers), &state, address).status
        };
        let host = Some("127.0.0.1:4000");
        assert_eq!(get("/", host), 200);
        assert_eq!(get("/?x=1", host), 200);
        assert_eq!(get("/status", host), 200);
        assert_eq!(get("/preview.js", host), 200);
        assert_eq!(get("/", Some("localhost:4000")), 200);
        for url in [
            "/../Cargo.toml",
            "/..%2f..%2fetc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "//etc/passwd",
            "/page/0.svg",
            "/preview.js/../x",
            "/index.html",
            "/submission.yaml",
            "/status/",
            "/page/0.svg/../../../etc/passwd",
        ] {
            assert_eq!(get(url, host), 404, "{url}");
        }
        assert_eq!(get("/", Some("evil.example")), 403);
        assert_eq!(get("/", Some("evil.example:4000")), 403);
        assert_eq!(get("/", Some("127.0.0.1:4001")), 403);
        assert_eq!(get("/", None), 403);
        let post = answer(&request("POST", "/status", &[("Host", "127.0.0.1:4000")]), &state, address);
        assert_eq!(post.status, 405);
        // Another site may not read or embed the preview; the page itself and the address
        // typed by the user may.
        for (site, status) in [("cross-site", 403), ("same-site", 403), ("same-origin", 200), ("none", 200)] {
            let r =
                answer(&request("GET", "/", &[("Host", "127.0.0.1:4000"), ("Sec-Fetch-Site", site)]), &state, address);
            assert_eq!(r.status, status, "{site}");
            assert!(r.headers.contains(&("Cross-Origin-Resource-Policy", "same-origin".to_owned())));
        }
    }
}
