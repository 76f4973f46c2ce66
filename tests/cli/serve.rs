//! `skillmatch serve` through HTTP: the real binary started on port 0,
//! asked with a real HTTP client. The API's JSON must be the bytes the
//! command line prints for the same résumé and postings; bad requests get
//! their status and the command line's message, and the server goes on.

use std::io::{BufRead as _, BufReader, Read as _};
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::Duration;

use crate::{skillmatch, test_cache};

/// The résumé the tests upload, and its folder.
const RESUME_DIR: &str = "tests/data/resumes/recruiter";
const RESUME: &str = "backend-no-bullets.txt";
/// A pinned date: "Present" in résumés means this month on both sides.
const AS_OF: &str = "2026-11-01";

/// The content security policy every answer must carry.
const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// An absolute path to a file of the repository.
pub fn repo_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// A running server, stopped (killed) when dropped.
pub struct Server {
    child: Child,
    /// Its address, `http://127.0.0.1:PORT/`.
    pub url: String,
    stderr: Option<std::process::ChildStderr>,
}

impl Server {
    /// Starts `skillmatch serve ARGS --port 0 --as-of AS_OF` and waits for
    /// the address it prints.
    pub fn start(args: &[&str]) -> Server {
        let program = skillmatch().get_program().to_owned();
        let mut child = std::process::Command::new(program)
            .env("SKILLMATCH_CACHE_DIR", test_cache())
            .args(["serve", "--port", "0", "--as-of", AS_OF])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the server starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("the server prints its address");
        let url = line.trim().to_string();
        assert!(
            url.starts_with("http://127.0.0.1:") && url.ends_with('/'),
            "{url:?}"
        );
        let stderr = child.stderr.take();
        Server { child, url, stderr }
    }

    /// The address of `path` (no leading `/`).
    pub fn at(&self, path: &str) -> String {
        format!("{}{path}", self.url)
    }

    /// Sends `signal` (by name: INT, TERM) and waits for the exit: its
    /// code and everything written on stderr.
    fn stop_with(mut self, signal: &str) -> (Option<i32>, String) {
        let pid = self.child.id().to_string();
        let sent = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &pid])
            .status()
            .expect("kill runs");
        assert!(sent.success());
        let status = self.child.wait().expect("the server exits");
        let mut err = String::new();
        if let Some(mut e) = self.stderr.take() {
            e.read_to_string(&mut err).expect("stderr");
        }
        (status.code(), err)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP client that hands back 4xx and 5xx answers instead of failing.
pub fn client() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(60)))
        .build()
        .into()
}

/// An answer: status, headers, body.
pub struct Answer {
    pub status: u16,
    pub headers: ureq::http::HeaderMap,
    pub body: Vec<u8>,
}

impl Answer {
    fn of(mut response: ureq::http::Response<ureq::Body>) -> Answer {
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response
            .body_mut()
            .with_config()
            .limit(64 * 1024 * 1024)
            .read_to_vec()
            .expect("the body");
        Answer {
            status,
            headers,
            body,
        }
    }

    pub fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("UTF-8")
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// The `error` of a JSON problem.
    fn error(&self) -> String {
        let v: serde_json::Value = serde_json::from_slice(&self.body).expect("a JSON problem");
        v["error"].as_str().expect("an error message").to_string()
    }
}

pub fn get(url: &str) -> Answer {
    Answer::of(client().get(url).call().expect("GET answers"))
}

fn post(url: &str, content_type: Option<&str>, body: &[u8]) -> Answer {
    let mut request = client().post(url);
    if let Some(ct) = content_type {
        request = request.header("Content-Type", ct);
    }
    Answer::of(request.send(body).expect("POST answers"))
}

/// What the command line prints for `args`, run in `dir`.
fn cli_stdout(dir: &Path, args: &[&str]) -> Vec<u8> {
    let out = skillmatch()
        .current_dir(dir)
        .args(args)
        .args(["--as-of", AS_OF])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// The message the command line prints for `args` (exit 2), without its
/// `skillmatch: error: ` prefix.
fn cli_error(dir: &Path, args: &[&str]) -> String {
    let out = skillmatch()
        .current_dir(dir)
        .args(args)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    err.lines()
        .find_map(|l| l.strip_prefix("skillmatch: error: "))
        .expect("an error line")
        .to_string()
}

fn resume_bytes() -> Vec<u8> {
    std::fs::read(repo_path(RESUME_DIR).join(RESUME)).expect("the résumé")
}

#[test]
fn the_api_gives_the_command_lines_json_byte_for_byte() {
    let postings = repo_path("examples/postings");
    let postings = postings.to_str().expect("UTF-8 path");
    let server = Server::start(&["--postings", postings]);
    let dir = repo_path(RESUME_DIR);
    let resume = resume_bytes();

    // score: the defaults, and top/suggest given.
    let cases: [(&str, &[&str]); 3] = [
        ("", &[]),
        ("&top=2&suggest=0", &["--top", "2", "--suggest", "0"]),
        ("&top=0&suggest=20", &["--top", "0", "--suggest", "20"]),
    ];
    for (query, flags) in cases {
        let answer = post(
            &server.at(&format!("api/score?filename={RESUME}{query}")),
            None,
            &resume,
        );
        assert_eq!(answer.status, 200, "{}", answer.text());
        assert_eq!(answer.header("content-type"), "application/json");
        let mut args = vec!["score", RESUME, "--postings", postings, "--format", "json"];
        args.extend_from_slice(flags);
        let expected = cli_stdout(&dir, &args);
        assert!(
            answer.body == expected,
            "score{query}: the API's JSON differs from the CLI's:\n{}\n---\n{}",
            answer.text(),
            String::from_utf8_lossy(&expected)
        );
    }

    // explain, for every posting.
    let listed = get(&server.at("api/postings"));
    let listed: serde_json::Value = serde_json::from_slice(&listed.body).expect("JSON");
    let ids: Vec<String> = listed["postings"]
        .as_array()
        .expect("postings")
        .iter()
        .map(|p| p["id"].as_str().expect("id").to_string())
        .collect();
    assert_eq!(listed["count"], 5);
    assert_eq!(ids.len(), 5);
    for id in &ids {
        let answer = post(
            &server.at(&format!("api/explain?filename={RESUME}&posting={id}")),
            Some("text/plain"),
            &resume,
        );
        assert_eq!(answer.status, 200, "{}", answer.text());
        let expected = cli_stdout(
            &dir,
            &[
                "explain",
                RESUME,
                postings,
                "--posting",
                id,
                "--format",
                "json",
            ],
        );
        assert!(
            answer.body == expected,
            "explain {id}: the API's JSON differs from the CLI's"
        );
    }
}

#[test]
fn postings_and_health_are_listed() {
    let postings = repo_path("examples/postings");
    let server = Server::start(&["--postings", postings.to_str().expect("UTF-8")]);
    let health = get(&server.at("healthz"));
    assert_eq!((health.status, health.text().as_str()), (200, "ok\n"));
    let listed = get(&server.at("api/postings"));
    assert_eq!(listed.status, 200);
    let v: serde_json::Value = serde_json::from_slice(&listed.body).expect("JSON");
    let first = &v["postings"][0];
    assert_eq!(first["id"], "data-engineer");
    assert_eq!(first["title"], "Data Engineer (Streaming)");
    assert_eq!(first["company"], "Riverbend Analytics");
}

#[test]
fn bad_requests_get_their_status_and_the_command_lines_message() {
    let postings = repo_path("examples/postings");
    let postings = postings.to_str().expect("UTF-8");
    let server = Server::start(&["--postings", postings]);
    let dir = tempfile::tempdir().expect("temporary directory");
    let binary: Vec<u8> = (0u8..=255).cycle().take(4096).collect();
    std::fs::write(dir.path().join("empty.txt"), b"").expect("write");
    std::fs::write(dir.path().join("photo.png"), &binary).expect("write");
    std::fs::write(dir.path().join("broken.pdf"), b"%PDF-1.7 not really").expect("write");

    for name in ["empty.txt", "photo.png", "broken.pdf"] {
        let bytes = std::fs::read(dir.path().join(name)).expect("read");
        let answer = post(
            &server.at(&format!("api/score?filename={name}")),
            None,
            &bytes,
        );
        assert_eq!(answer.status, 422, "{name}: {}", answer.text());
        let expected = cli_error(dir.path(), &["score", name, "--postings", postings]);
        assert_eq!(answer.error(), expected, "{name}");
    }

    // Over 10 MiB: 413, whatever the content.
    let big = vec![b'a'; 10 * 1024 * 1024 + 1];
    let answer = post(&server.at("api/score?filename=big.txt"), None, &big);
    assert_eq!(answer.status, 413);
    assert!(
        answer.error().contains("10485760 byte limit"),
        "{}",
        answer.error()
    );

    // A type no résumé comes in, unnamed: 415.
    let answer = post(&server.at("api/score"), Some("image/png"), &binary);
    assert_eq!(answer.status, 415);
    assert!(answer.error().contains("not a résumé format"));

    // Unknown and missing posting ids, bad numbers.
    let resume = resume_bytes();
    let answer = post(&server.at("api/explain?posting=no-such"), None, &resume);
    assert_eq!(
        (answer.status, answer.error().as_str()),
        (404, "no posting with the id `no-such`")
    );
    let answer = post(&server.at("api/explain"), None, &resume);
    assert_eq!(answer.status, 400);
    let answer = post(&server.at("api/score?top=-1"), None, &resume);
    assert_eq!(answer.status, 400, "{}", answer.text());

    // Pages: an unknown upload token, an unknown address.
    let answer = get(&server.at(&format!("r/{}", "0".repeat(32))));
    assert_eq!(answer.status, 404);
    assert!(answer.text().contains("no longer here"));
    assert_eq!(get(&server.at("no/such/page")).status, 404);

    // The server is still there.
    assert_eq!(get(&server.at("healthz")).status, 200);
}

/// A `multipart/form-data` body with one file field `resume` and an
/// empty `text` field, as a browser sends the upload form.
pub fn form_with_file(name: &str, content: &[u8]) -> (String, Vec<u8>) {
    let boundary = "----skillmatch-test-boundary-7f3a";
    let mut body = Vec::new();
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"resume\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(content);
    body.extend_from_slice(
        format!(
            "\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n\r\n--{boundary}--\r\n"
        )
        .as_bytes(),
    );
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// Uploads `content` as `name` through the form; the ranking page's
/// address.
pub fn upload(server: &Server, name: &str, content: &[u8]) -> String {
    let (content_type, body) = form_with_file(name, content);
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .build()
        .into();
    let answer = Answer::of(
        agent
            .post(&server.at("upload"))
            .header("Content-Type", &content_type)
            .send(&body[..])
            .expect("POST answers"),
    );
    assert_eq!(answer.status, 303, "{}", answer.text());
    let location = answer.header("location");
    assert!(location.starts_with("/r/"), "{location}");
    server.at(location.trim_start_matches('/'))
}

#[test]
fn pages_carry_the_security_headers_escape_everything_and_run_no_script() {
    let postings = repo_path("examples/postings");
    let server = Server::start(&["--postings", postings.to_str().expect("UTF-8")]);
    let hostile =
        b"<script>alert('x')</script> Jane \"Doe\"\nSkills: Rust, <b>Go</b>, Kubernetes\n";
    let ranking = upload(&server, "evil<img>.txt", hostile);
    let page = get(&ranking);
    assert_eq!(page.status, 200);
    for answer in [&page, &get(&server.url), &get(&server.at("api/postings"))] {
        assert_eq!(answer.header("content-security-policy"), CSP);
        assert_eq!(answer.header("x-content-type-options"), "nosniff");
        assert_eq!(answer.header("cache-control"), "no-store");
    }
    let html = page.text();
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img>"), "the file name is escaped");
    assert!(
        html.contains("&lt;script&gt;") || html.contains("evil&lt;img&gt;"),
        "{html}"
    );
    assert!(
        !html.contains(" style=") && !html.contains("<style"),
        "no inline style"
    );
    // The explanation page quotes the résumé: escaped too.
    let explain = get(&format!(
        "{ranking}/explain?posting=site-reliability-engineer"
    ));
    assert_eq!(explain.status, 200);
    let html = explain.text();
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(!html.contains("<script"));
}

#[test]
fn the_upload_form_leads_to_the_ranking_and_its_downloads_match_the_command_line() {
    let postings = repo_path("examples/postings");
    let postings = postings.to_str().expect("UTF-8");
    let candidates = repo_path(RESUME_DIR);
    let candidates = candidates.to_str().expect("UTF-8");
    let server = Server::start(&["--postings", postings, "--candidates", candidates]);
    let ranking = upload(&server, RESUME, &resume_bytes());
    let page = get(&ranking);
    assert_eq!(page.status, 200);
    let html = page.text();
    assert!(
        html.contains("Best postings for Tomasz Wierzbicki"),
        "{html}"
    );
    assert_eq!(
        html.matches("<tr><td class=\"num\" data-label=\"Rank\">")
            .count(),
        5
    );

    let dir = repo_path(RESUME_DIR);
    for (file, format) in [("ranking.csv", "csv"), ("ranking.json", "json")] {
        let answer = get(&format!("{ranking}/{file}?top=10"));
        assert_eq!(answer.status, 200);
        assert!(answer.header("content-disposition").contains(file));
        let expected = cli_stdout(
            &dir,
            &["score", RESUME, "--postings", postings, "--format", format],
        );
        assert!(
            answer.body == expected,
            "{file} differs from `score --format {format}`"
        );
    }
    let answer = get(&format!("{ranking}/explain.html?posting=data-engineer"));
    let expected = cli_stdout(
        &dir,
        &[
            "explain",
            RESUME,
            postings,
            "--posting",
            "data-engineer",
            "--format",
            "html",
        ],
    );
    assert!(
        answer.body == expected,
        "explain.html differs from `explain --format html`"
    );

    // The recruiter's view: a posting's best candidates, as `rank --per
    // posting` lists them for that posting.
    let answer = get(&server.at("candidates.csv?posting=data-engineer&top=3"));
    assert_eq!(answer.status, 200);
    let all = cli_stdout(
        &dir,
        &[
            "rank",
            "--candidates",
            candidates,
            "--postings",
            postings,
            "--per",
            "posting",
            "--top",
            "3",
        ],
    );
    let all = String::from_utf8(all).expect("UTF-8");
    let mut lines = all.lines();
    let header = lines.next().expect("header");
    let mut expected = format!("{header}\n");
    for line in lines.filter(|l| l.split(',').nth(1) == Some("data-engineer")) {
        expected.push_str(line);
        expected.push('\n');
    }
    assert_eq!(answer.text(), expected);
    let page = get(&server.at("candidates?posting=data-engineer"));
    assert_eq!(page.status, 200);
    assert!(page
        .text()
        .contains("Best candidates for Data Engineer (Streaming)"));
}

#[test]
fn ctrl_c_stops_the_server_cleanly_and_a_public_address_is_warned_about() {
    let postings = repo_path("examples/postings");
    let postings = postings.to_str().expect("UTF-8");
    let server = Server::start(&["--postings", postings]);
    assert_eq!(get(&server.at("healthz")).status, 200);
    let (code, err) = server.stop_with("INT");
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("skillmatch: stopped"), "{err}");
    assert!(!err.contains(RESUME));

    let mut child = std::process::Command::new(skillmatch().get_program())
        .env("SKILLMATCH_CACHE_DIR", test_cache())
        .args([
            "serve",
            "--postings",
            postings,
            "--bind",
            "0.0.0.0",
            "--port",
            "0",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts");
    let mut stderr = BufReader::new(child.stderr.take().expect("stderr"));
    let mut warned = false;
    for _ in 0..4 {
        let mut line = String::new();
        if stderr.read_line(&mut line).unwrap_or(0) == 0 {
            break;
        }
        if line.contains("not a loopback address") {
            warned = true;
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(warned, "a non-loopback --bind is warned about");
}

#[test]
fn a_port_in_use_is_an_error_naming_it() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let port = taken.local_addr().expect("address").port().to_string();
    let postings = repo_path("examples/postings");
    let out = skillmatch()
        .args([
            "serve",
            "--postings",
            postings.to_str().expect("UTF-8"),
            "--port",
            &port,
        ])
        .timeout(Duration::from_secs(60))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("cannot listen on 127.0.0.1:{port}")),
        "{err}"
    );
}
