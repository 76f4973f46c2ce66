//! `skillmatch serve` as a recruiter uses it, in a real browser: headless
//! Chromium driven through WebDriver (Debian's `chromium-driver`) at a
//! desktop width (1400 px) and a phone width (500 px).
//!
//! At each width the test uploads a résumé with the form's file input,
//! reads the ranking, opens the best posting's explanation and follows
//! a requirement's link to its evidence in the résumé, goes back and
//! downloads the ranking as CSV, which must be the bytes `skillmatch
//! score --format csv` prints. On every page nothing may end past the
//! window's right edge. Screenshots go to the target directory's
//! `tmp/screenshots/serve-*.png` for a person to look at.
//!
//! Chromium and ChromeDriver are found on PATH or named by
//! `SKILLMATCH_CHROMIUM` and `SKILLMATCH_CHROMEDRIVER`; without them the
//! test prints why it skipped and passes. `.ci/run` installs both.

use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

use super::browser::chromium;
use super::serve::{get, repo_path, Server};
use crate::skillmatch;

const RESUME_DIR: &str = "tests/data/resumes/recruiter";
const RESUME: &str = "backend-no-bullets.txt";
const WIDTHS: [u32; 2] = [1400, 500];
const HEIGHT: u32 = 1000;

/// The ChromeDriver to run, if there is one.
fn chromedriver() -> Option<PathBuf> {
    if let Some(named) = std::env::var_os("SKILLMATCH_CHROMEDRIVER") {
        return Some(PathBuf::from(named));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join("chromedriver"))
        .find(|candidate| candidate.is_file())
}

/// A ChromeDriver process on a free port, stopped when dropped.
struct Driver {
    child: Child,
    url: String,
}

impl Driver {
    fn start(program: &Path) -> Driver {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let child = std::process::Command::new(program)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(30);
        let agent = super::serve::client();
        while agent.get(&format!("{url}/status")).call().is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not answer");
            std::thread::sleep(Duration::from_millis(100));
        }
        Driver { child, url }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Reports how the page is laid out: the window's width, the page's
/// scroll width, and the text of each table cell, heading or link that
/// ends past the window's right edge.
const MEASURE: &str = "
const width = document.documentElement.clientWidth;
const clipped = [];
for (const el of document.querySelectorAll('td, th, h1, h2, a, button, textarea, input')) {
  const b = el.getBoundingClientRect();
  if (b.width > 0 && b.right > width + 0.5) clipped.push(el.tagName + ': ' + el.textContent.slice(0, 40));
}
return {width, scroll: document.documentElement.scrollWidth, clipped};
";

/// Asserts that nothing on the current page falls off the right edge.
async fn assert_fits(client: &Client, width: u32, page: &str) {
    let report: Value = client.execute(MEASURE, vec![]).await.expect("measured");
    assert_eq!(
        report["clipped"],
        json!([]),
        "{page} at {width} px: {report}"
    );
    let scroll = report["scroll"].as_u64().expect("scroll");
    let window = report["width"].as_u64().expect("width");
    assert!(
        scroll <= window,
        "{page} at {width} px scrolls sideways: {report}"
    );
}

/// Saves a screenshot of the window as `serve-NAME-WIDTH.png`.
async fn screenshot(client: &Client, name: &str, width: u32) {
    let png = client.screenshot().await.expect("a screenshot");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let shots = Path::new(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
    std::fs::create_dir_all(&shots).expect("screenshot directory");
    let path = shots.join(format!("serve-{name}-{width}.png"));
    std::fs::write(&path, png).expect("write the screenshot");
    eprintln!("screenshot: {}", path.display());
}

/// Waits until `path` holds a finished download, and reads it.
fn downloaded(path: &Path) -> Vec<u8> {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Ok(bytes) = std::fs::read(path) {
            if !bytes.is_empty() {
                return bytes;
            }
        }
        assert!(
            Instant::now() < deadline,
            "no download at {}",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Waits until the page's address contains `part`.
async fn wait_for_url(client: &Client, part: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let url = client.current_url().await.expect("url").to_string();
        if url.contains(part) {
            return url;
        }
        assert!(Instant::now() < deadline, "never reached {part}: at {url}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The text of the first element matching `css`.
async fn text_of(client: &Client, css: &str) -> String {
    let element = client.find(Locator::Css(css)).await.expect(css);
    element.text().await.expect("text")
}

/// Clicks the element with the id `id`.
async fn click(client: &Client, id: &str) {
    let element = client.find(Locator::Id(id)).await.expect(id);
    element.click().await.expect("clicked");
}

/// Clicks the first link matching `css`, a link within the page
/// (`#ID`), and gives the text of the element it leads to.
async fn follow(client: &Client, css: &str) -> String {
    let link = client.find(Locator::Css(css)).await.expect("a link");
    let href = link.attr("href").await.expect("href").expect("a target");
    let id = href.strip_prefix('#').expect("a link within the page");
    link.click().await.expect("followed");
    let target = client
        .find(Locator::Id(id))
        .await
        .expect("the target exists");
    target.text().await.expect("text")
}

/// One session at `width`: upload → ranking → explanation → CSV.
async fn walk_through(
    driver: &Driver,
    chromium: &Path,
    server: &Server,
    width: u32,
    expected_csv: &[u8],
) {
    let profile = tempfile::tempdir().expect("profile directory");
    let downloads = tempfile::tempdir().expect("download directory");
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".to_string(),
        json!({
            "binary": chromium,
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--hide-scrollbars",
                format!("--window-size={width},{HEIGHT}"),
                format!("--user-data-dir={}", profile.path().display()),
            ],
            "prefs": {
                "download.default_directory": downloads.path(),
                "download.prompt_for_download": false,
            },
        }),
    );
    let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&driver.url)
        .await
        .expect("a browser session");

    // The start page: submitting nothing says what to do.
    client.goto(&server.url).await.expect("start page");
    let title = text_of(&client, "h1").await;
    assert_eq!(title, "Rank 5 postings for a résumé");
    assert_fits(&client, width, "start").await;
    click(&client, "rank").await;
    let problem = client
        .find(Locator::Id("problem"))
        .await
        .expect("a problem shown");
    assert!(problem
        .text()
        .await
        .expect("text")
        .contains("Choose a résumé file"));
    screenshot(&client, "start-problem", width).await;

    // Upload with the file input.
    let resume = repo_path(RESUME_DIR).join(RESUME);
    let input = client
        .find(Locator::Id("resume"))
        .await
        .expect("file input");
    input
        .send_keys(resume.to_str().expect("UTF-8"))
        .await
        .expect("file chosen");
    click(&client, "rank").await;
    let ranking_url = wait_for_url(&client, "/r/").await;
    let h1 = text_of(&client, "h1").await;
    assert_eq!(h1, "Best postings for Tomasz Wierzbicki");
    let rows = client
        .find_all(Locator::Css("table.rank tbody tr"))
        .await
        .expect("rows");
    assert_eq!(rows.len(), 5);
    let first = rows[0]
        .find(Locator::Css("td[data-label=Posting] a"))
        .await
        .expect("a link");
    assert_eq!(
        first.text().await.expect("text"),
        "Senior Backend Engineer, Payments Platform"
    );
    assert_fits(&client, width, "ranking").await;
    screenshot(&client, "ranking", width).await;

    // The best posting's explanation, and a requirement's evidence.
    first.click().await.expect("open the explanation");
    wait_for_url(&client, "/explain?posting=platform-backend-engineer").await;
    let heading = text_of(&client, "h1").await;
    assert!(
        heading.starts_with("Tomasz Wierzbicki × Senior Backend Engineer"),
        "{heading}"
    );
    let tables = client
        .find_all(Locator::Css("table.reqs"))
        .await
        .expect("tables");
    assert!(!tables.is_empty(), "requirement tables");
    assert_fits(&client, width, "explanation").await;
    screenshot(&client, "explanation", width).await;
    // A requirement's evidence in the résumé (#R…) and its line in the
    // posting (#L…): each link is followed to a line with text.
    for (css, what) in [
        ("table.reqs a[href^='#R']", "résumé"),
        ("table.reqs a[href^='#L']", "posting"),
    ] {
        let line = follow(&client, css).await;
        assert!(!line.is_empty(), "the {what} line it links to has text");
    }

    // Back to the ranking; download its CSV.
    client.goto(&ranking_url).await.expect("the ranking again");
    click(&client, "download-csv").await;
    let csv = downloaded(&downloads.path().join("ranking.csv"));
    assert!(
        csv == expected_csv,
        "the downloaded CSV is `score --format csv`'s"
    );

    client.close().await.expect("the session closes");
}

#[test]
fn a_recruiter_uploads_ranks_explains_and_downloads_in_a_browser() {
    let (Some(chromium), Some(driver)) = (chromium(), chromedriver()) else {
        eprintln!(
            "skipped: no Chromium and ChromeDriver on PATH (install Debian's `chromium` and `chromium-driver`, or set SKILLMATCH_CHROMIUM and SKILLMATCH_CHROMEDRIVER)"
        );
        return;
    };
    let postings = repo_path("examples/postings");
    let postings = postings.to_str().expect("UTF-8");
    let server = Server::start(&["--postings", postings]);
    let expected = skillmatch()
        .current_dir(repo_path(RESUME_DIR))
        .args([
            "score",
            RESUME,
            "--postings",
            postings,
            "--format",
            "csv",
            "--as-of",
            "2026-11-01",
        ])
        .output()
        .expect("runs")
        .stdout;
    let driver = Driver::start(&driver);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    for width in WIDTHS {
        runtime.block_on(walk_through(&driver, &chromium, &server, width, &expected));
    }
    assert_eq!(get(&server.at("healthz")).status, 200);
}
