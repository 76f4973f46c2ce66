//! The HTML spot check as a person sees it: rendered by headless Chromium
//! at a desktop width (1400 px) and a phone width (500 px).
//!
//! Two things are done at each width. A copy of the page with a small
//! measuring script (the page itself has none) reports the layout back
//! through `--dump-dom`: how wide the page is, and which requirement cells
//! end past the right edge of the window. Nothing may: a column that falls
//! off the screen is what a recruiter on a phone could not read. Then the
//! page as written is saved as a screenshot under the target directory's
//! `tmp/screenshots/`, for a person to look at.
//!
//! Chromium is found on PATH (`chromium`, `chromium-browser`) or named by
//! `SKILLMATCH_CHROMIUM`. Without it the test prints why it skipped and
//! passes; `.ci/run` installs Debian's `chromium` so that CI runs it.

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;

use crate::skillmatch;

const RESUME: &str = "tests/data/resumes/recruiter/backend-no-bullets.txt";
const POSTING: &str = "examples/postings/platform-backend-engineer.txt";
const WIDTHS: [u32; 2] = [1400, 500];

/// Reports the layout into `data-layout` on the body once the page has
/// loaded: the window's width, the page's scroll width, how many
/// requirement cells there are, and the column label of each cell that
/// ends past the window's right edge or has no width.
const MEASURE: &str = "<script>
addEventListener('load', () => {
  const width = document.documentElement.clientWidth;
  const r = {width, scroll: document.documentElement.scrollWidth, cells: 0, clipped: []};
  for (const td of document.querySelectorAll('table.reqs td')) {
    r.cells++;
    const b = td.getBoundingClientRect();
    if (b.right > width + 0.5 || b.width < 1) r.clipped.push(td.dataset.label);
  }
  document.body.setAttribute('data-layout', JSON.stringify(r));
});
</script>";

/// The Chromium to run, if there is one.
pub fn chromium() -> Option<PathBuf> {
    if let Some(named) = std::env::var_os("SKILLMATCH_CHROMIUM") {
        return Some(PathBuf::from(named));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser"].map(|name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// Runs headless Chromium on `page` at `width` px with `action`
/// (`--dump-dom` or `--screenshot=…`) and returns its stdout.
fn render(chromium: &Path, profile: &Path, page: &Path, width: u32, action: &str) -> String {
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--window-size={width},1000"))
        .arg(action)
        .arg(format!("file://{}", page.display()))
        .timeout(Duration::from_secs(120))
        .output()
        .expect("chromium runs");
    assert!(
        out.status.success(),
        "chromium {action} at {width} px: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The layout report the measuring script left in `dom`.
fn layout(dom: &str) -> Value {
    let start = dom.find("data-layout=\"").expect("the script reported") + 13;
    let end = start + dom[start..].find('"').expect("closing quote");
    let json = dom[start..end]
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
    serde_json::from_str(&json).expect("the report is JSON")
}

/// The width and height a PNG file's header gives.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG file");
    let at = |i: usize| u32::from_be_bytes(bytes[i..i + 4].try_into().expect("4 bytes"));
    (at(16), at(20))
}

#[test]
fn the_html_report_fits_a_desktop_and_a_phone_screen() {
    let Some(chromium) = chromium() else {
        eprintln!(
            "skipped: no Chromium on PATH (install Debian's `chromium`, or set SKILLMATCH_CHROMIUM)"
        );
        return;
    };
    let out = skillmatch()
        .args([
            "explain",
            "--as-of",
            "2026-11-01",
            "--format",
            "html",
            RESUME,
            POSTING,
        ])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = String::from_utf8(out.stdout).expect("UTF-8");
    let rows = page.matches("<tr><td").count();
    assert!(rows > 10, "the fixture gives a full table: {rows} rows");

    let dir = tempfile::tempdir().expect("temporary directory");
    let plain = dir.path().join("report.html");
    let measured = dir.path().join("measured.html");
    std::fs::write(&plain, &page).expect("write the page");
    std::fs::write(
        &measured,
        page.replace("</body>", &format!("{MEASURE}</body>")),
    )
    .expect("write the measured page");
    let shots = Path::new(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
    std::fs::create_dir_all(&shots).expect("screenshot directory");

    for width in WIDTHS {
        let profile = dir.path().join(format!("profile-{width}"));
        let report = layout(&render(&chromium, &profile, &measured, width, "--dump-dom"));
        assert_eq!(
            report["cells"],
            rows * 7,
            "{width} px: every cell is laid out: {report}"
        );
        assert_eq!(
            report["clipped"],
            serde_json::json!([]),
            "{width} px: {report}"
        );
        let scroll = report["scroll"].as_u64().expect("scroll width");
        let window = report["width"].as_u64().expect("width");
        assert!(
            window <= u64::from(width) && window + 20 > u64::from(width),
            "{report}"
        );
        assert!(
            scroll <= window,
            "{width} px: the page scrolls sideways: {report}"
        );

        let shot = shots.join(format!("explain-{width}.png"));
        let _ = std::fs::remove_file(&shot);
        render(
            &chromium,
            &profile,
            &plain,
            width,
            &format!("--screenshot={}", shot.display()),
        );
        let bytes = std::fs::read(&shot).expect("the screenshot was written");
        assert_eq!(png_size(&bytes), (width, 1000), "{}", shot.display());
        eprintln!("screenshot: {}", shot.display());
    }
}
