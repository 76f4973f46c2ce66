//! The pages a recruiter uses: the start page (upload or paste a
//! résumé), the ranking of postings for it, a posting's explanation, and
//! with `--candidates` a posting's best candidates; with downloads of the
//! same results as CSV and JSON (the bytes `skillmatch score`, `explain`
//! and `rank --per posting` write).
//!
//! Ids travel in query strings (`?posting=ID`), never in paths: posting
//! ids from a directory hold `/`. An uploaded résumé lives under its
//! token in the path (`/r/TOKEN`), for as long as the store keeps it.

use std::fmt::Write as _;

use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::extract::resume::Candidate;
use crate::report::{self, Format};

use super::layout::{escape, page, query_value};
use super::problem::Problem;
use super::resume::{read_resume, too_large, MAX_UPLOAD_BYTES};
use super::state::App;
use super::uploads::Upload;

/// Postings shown per page of the postings list.
const PAGE_SIZE: usize = 50;
/// Postings (or candidates) a ranking shows unless asked for more.
const DEFAULT_TOP: usize = 10;
/// Skills suggested on the ranking page (as `score` does by default).
const SUGGEST: usize = 5;
/// The most a ranking page shows (`?top=` beyond it is refused).
const MAX_TOP: usize = 1000;

/// What the frame says the server holds.
fn status_line(app: &App) -> String {
    let catalog = app.catalog;
    let n = catalog.postings().len();
    let mut s = format!("{n} posting{}", report::plural(n));
    let c = catalog.candidates().len();
    if c > 0 {
        let _ = write!(s, " · {c} candidate{}", report::plural(c));
    }
    s
}

/// A page with `status`.
fn respond(app: &App, status: StatusCode, title: &str, content: &str) -> Response {
    (status, Html(page(title, &status_line(app), content))).into_response()
}

/// A problem shown as a page.
fn problem_page(app: &App, problem: &Problem) -> Response {
    let content = format!(
        "<header><h1>{}</h1>\n<div class=\"problem\" role=\"alert\">{}</div>\n<p><a href=\"/\">Back to the start page</a></p></header>\n",
        escape(problem.status.canonical_reason().unwrap_or("Error")),
        escape(&problem.message)
    );
    respond(app, problem.status, "Error", &content)
}

/// A download: `bytes` as `filename`, of `content_type`.
fn download(bytes: Vec<u8>, filename: &str, content_type: &'static str) -> Response {
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\""))
        .unwrap_or_else(|_| HeaderValue::from_static("attachment"));
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response()
}

/// `?top=N`: how many to show (default 10; 0 shows all, up to 1,000).
#[derive(Debug, Deserialize)]
pub struct TopQuery {
    top: Option<usize>,
}

impl TopQuery {
    fn top(&self) -> Result<usize, Problem> {
        match self.top {
            None => Ok(DEFAULT_TOP),
            Some(n) if n <= MAX_TOP => Ok(n),
            Some(n) => Err(Problem::bad_request(format!(
                "top={n} is more than a page shows ({MAX_TOP}); download the CSV for all"
            ))),
        }
    }
}

/// `?posting=ID` (and `?top=N`).
#[derive(Debug, Deserialize)]
pub struct PostingQuery {
    posting: Option<String>,
    top: Option<usize>,
}

/// `?candidate=ID&posting=ID`.
#[derive(Debug, Deserialize)]
pub struct PairQuery {
    candidate: Option<String>,
    posting: Option<String>,
}

/// `?page=N` (1-based).
#[derive(Debug, Deserialize)]
pub struct PageQuery {
    page: Option<usize>,
}

/// The position of the posting a query names: 400 without one, 404 for
/// an unknown id.
fn posting_of(app: &App, id: Option<&str>) -> Result<usize, Problem> {
    let id = id.ok_or_else(|| Problem::bad_request("name the posting: ?posting=ID"))?;
    app.catalog
        .posting_position(id)
        .ok_or_else(|| Problem::not_found(format!("no posting with the id `{id}`")))
}

/// The upload under `token`: 404 once it is gone.
fn upload_of(app: &App, token: &str) -> Result<std::sync::Arc<Upload>, Problem> {
    app.uploads.get(token).ok_or_else(|| {
        Problem::not_found(format!(
            "this résumé is no longer here: uploads are kept for {} minutes and never saved; upload it again",
            app.uploads.ttl().as_secs() / 60
        ))
    })
}

/// `GET /`: what is loaded, and the upload form.
pub async fn start(State(app): State<&'static App>) -> Response {
    respond(app, StatusCode::OK, "Start", &start_content(app, None))
}

fn start_content(app: &App, problem: Option<&Problem>) -> String {
    let catalog = app.catalog;
    let mut out = String::new();
    let _ = write!(
        out,
        "<header><h1>Rank {} postings for a résumé</h1>\n\
         <div class=\"muted\">Upload a résumé (text, Markdown, PDF, DOCX, HTML or JSON Resume, up to {} MB) or paste its text. \
         It stays in this server's memory for {} minutes under a random address and is never written to disk.</div>\n</header>\n",
        catalog.postings().len(),
        MAX_UPLOAD_BYTES / (1024 * 1024),
        app.uploads.ttl().as_secs() / 60
    );
    out.push_str("<section>\n");
    if let Some(p) = problem {
        let _ = writeln!(
            out,
            "<div class=\"problem\" role=\"alert\" id=\"problem\">{}</div>",
            escape(&p.message)
        );
    }
    out.push_str(
        "<form class=\"upload\" method=\"post\" action=\"/upload\" enctype=\"multipart/form-data\">\n\
         <label for=\"resume\">Résumé file</label>\n\
         <input type=\"file\" id=\"resume\" name=\"resume\" accept=\".txt,.md,.markdown,.pdf,.docx,.html,.htm,.json\">\n\
         <label for=\"text\">or paste the résumé</label>\n\
         <textarea id=\"text\" name=\"text\" rows=\"10\"></textarea>\n\
         <button type=\"submit\" id=\"rank\">Rank postings</button>\n</form>\n</section>\n",
    );
    let c = catalog.candidates().len();
    let _ = writeln!(
        out,
        "<section><h2>Postings</h2><p><a href=\"/postings\" id=\"browse\">Browse the {} postings</a>{}</p></section>",
        catalog.postings().len(),
        if c > 0 {
            format!(" and see the best of the {c} candidates for each")
        } else {
            String::new()
        }
    );
    out
}

/// `POST /upload`: reads the form's file, else its pasted text, keeps
/// the résumé and sends the browser to its ranking; a problem is shown
/// on the start page with its status.
pub async fn upload(
    State(app): State<&'static App>,
    form: Result<Multipart, MultipartRejection>,
) -> Response {
    match receive(app, form).await {
        Ok(token) => Redirect::to(&format!("/r/{token}")).into_response(),
        Err(problem) => respond(
            app,
            problem.status,
            "Start",
            &start_content(app, Some(&problem)),
        ),
    }
}

/// The form's résumé, read, extracted and stored: its token.
async fn receive(
    app: &'static App,
    form: Result<Multipart, MultipartRejection>,
) -> Result<String, Problem> {
    let mut form = form.map_err(|e| Problem::new(e.status(), e.body_text()))?;
    let mut file: Option<(Option<String>, Option<String>, Vec<u8>)> = None;
    let mut pasted = String::new();
    loop {
        let field = match form.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) => return Err(multipart_problem(e.status(), &e.body_text())),
        };
        match field.name() {
            Some("resume") => {
                let name = field.file_name().map(str::to_string);
                let content_type = field.content_type().map(str::to_string);
                let bytes = field
                    .bytes()
                    .await
                    .map_err(|e| multipart_problem(e.status(), &e.body_text()))?;
                if !bytes.is_empty() || name.as_deref().is_some_and(|n| !n.is_empty()) {
                    file = Some((name, content_type, bytes.to_vec()));
                }
            }
            Some("text") => {
                pasted = field
                    .text()
                    .await
                    .map_err(|e| multipart_problem(e.status(), &e.body_text()))?;
            }
            _ => {}
        }
    }
    let (name, content_type, bytes) = match file {
        Some(f) => f,
        None if !pasted.trim().is_empty() => (
            Some("pasted.txt".to_string()),
            Some("text/plain".to_string()),
            pasted.into_bytes(),
        ),
        None => {
            return Err(Problem::bad_request(
                "Choose a résumé file or paste its text, then press Rank postings.",
            ))
        }
    };
    if bytes.len() > MAX_UPLOAD_BYTES {
        return Err(too_large(name.as_deref().unwrap_or("resume"), bytes.len()));
    }
    app.run(move |catalog| {
        let (candidate, document) =
            read_resume(catalog, name.as_deref(), content_type.as_deref(), bytes)?;
        Ok(Upload {
            document,
            candidate,
        })
    })
    .await
    .and_then(|upload| {
        app.uploads
            .insert(upload)
            .map_err(|e| Problem::internal(format!("no random token: {e}")))
    })
}

/// A form that could not be received: over the limit (413), else as the
/// form reader says.
fn multipart_problem(status: StatusCode, text: &str) -> Problem {
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        Problem::new(
            status,
            format!("the upload is over the {MAX_UPLOAD_BYTES} byte limit"),
        )
    } else {
        Problem::new(status, format!("the form could not be read: {text}"))
    }
}

/// `GET /r/TOKEN`: the best postings for the résumé, with the skills that
/// would help most and the downloads.
pub async fn ranking(
    State(app): State<&'static App>,
    Path(token): Path<String>,
    Query(query): Query<TopQuery>,
) -> Response {
    let result = async {
        let top = query.top()?;
        let upload = upload_of(app, &token)?;
        let held = std::sync::Arc::clone(&upload);
        let base = token_path(&token);
        let (rows, suggestions) = app
            .run(move |catalog| {
                let ranking = catalog.ranking(&held.candidate, top, SUGGEST)?;
                let rows = ranking_rows(catalog, &held.candidate, &base, &ranking);
                let suggestions = suggestion_items(catalog.taxonomy(), &ranking.suggestions);
                Ok((rows, suggestions))
            })
            .await?;
        Ok::<_, Problem>(ranking_content(
            app,
            &upload,
            &token,
            top,
            &rows,
            &suggestions,
        ))
    }
    .await;
    match result {
        Ok(content) => respond(app, StatusCode::OK, "Ranking", &content),
        Err(p) => problem_page(app, &p),
    }
}

/// The path of an upload's pages.
fn token_path(token: &str) -> String {
    format!("/r/{token}")
}

/// The table rows of a ranking: rank, score, posting (linked to its
/// explanation), company, required met, missing.
fn ranking_rows(
    catalog: &super::catalog::Catalog<'_>,
    candidate: &Candidate,
    base: &str,
    ranking: &super::catalog::Ranking,
) -> String {
    let taxonomy = catalog.taxonomy();
    let mut out = String::new();
    for (rank, _, posting) in &ranking.entries {
        let e = catalog.explain(posting, candidate);
        let missing: Vec<String> = e
            .missing_required
            .iter()
            .map(|&s| taxonomy.skill(s).label.clone())
            .collect();
        let _ = writeln!(
            out,
            "<tr><td class=\"num\" data-label=\"Rank\">{rank}</td>\
             <td class=\"num\" data-label=\"Score\"><b>{}</b></td>\
             <td data-label=\"Posting\"><a href=\"{base}/explain?posting={}\">{}</a><div class=\"muted\">{}</div></td>\
             <td data-label=\"Company\">{}</td>\
             <td data-label=\"Required\">{} of {}{}</td>\
             <td data-label=\"Missing\">{}</td></tr>",
            report::score_text(e.score),
            query_value(&posting.id),
            escape(posting.title.as_deref().unwrap_or(&posting.id)),
            escape(&posting_place(&posting.id, posting.location.as_deref())),
            escape(posting.company.as_deref().unwrap_or("—")),
            e.required_met,
            e.required_total,
            if e.required_partial > 0 {
                format!(", {} partial", e.required_partial)
            } else {
                String::new()
            },
            if missing.is_empty() {
                "—".to_string()
            } else {
                escape(&missing.join(", "))
            }
        );
    }
    out
}

/// A posting's id, with its location when stated.
fn posting_place(id: &str, location: Option<&str>) -> String {
    match location {
        Some(l) => format!("{id} · {l}"),
        None => id.to_string(),
    }
}

/// The suggestions as list items.
fn suggestion_items(
    taxonomy: &crate::taxonomy::Taxonomy,
    suggestions: &[crate::rank::Suggestion],
) -> String {
    let mut out = String::new();
    for s in suggestions {
        let _ = writeln!(
            out,
            "<li><b>{}</b> <span class=\"muted\">· +{} fit in all · missing and required in {} posting{}</span></li>",
            escape(&taxonomy.skill(s.skill).label),
            report::number(s.gain),
            s.postings,
            report::plural(s.postings)
        );
    }
    out
}

fn ranking_content(
    app: &App,
    upload: &Upload,
    token: &str,
    top: usize,
    rows: &str,
    suggestions: &str,
) -> String {
    let c = &upload.candidate;
    let base = token_path(token);
    let total = app.catalog.postings().len();
    let shown = if top == 0 { total } else { top.min(total) };
    let mut out = String::new();
    let _ = write!(
        out,
        "<header><h1>Best postings for {}</h1>\n\
         <div class=\"muted\">{} skill{} found in {} · the best {shown} of {total} postings</div>\n\
         <div class=\"downloads\">Download: <a id=\"download-csv\" href=\"{base}/ranking.csv?top={top}\">CSV</a>\
         <a id=\"download-json\" href=\"{base}/ranking.json?top={top}\">JSON</a>\
         {}</div>\n</header>\n",
        escape(report::candidate_name(c)),
        c.skills.len(),
        report::plural(c.skills.len()),
        escape(&upload.document.source),
        if top != 0 && top < total && top < 50 {
            format!("<a href=\"{base}?top=50\">Show 50</a>")
        } else {
            String::new()
        }
    );
    let _ = write!(
        out,
        "<section><h2>Ranking</h2>\n<table class=\"reqs rank\">\n<thead><tr><th>Rank</th><th>Score</th><th>Posting</th><th>Company</th><th>Required met</th><th>Missing</th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n</section>\n"
    );
    if !suggestions.is_empty() {
        let _ = write!(
            out,
            "<section><h2>Skills that would help most</h2>\n<ol class=\"suggestions\">\n{suggestions}</ol>\n</section>\n"
        );
    }
    out
}

/// `GET /r/TOKEN/FILE`: the downloads of an upload's results.
/// `ranking.csv` and `ranking.json` (`?top=N`) are the ranking as
/// `skillmatch score --format csv|json --top N` writes it;
/// `explain.json` and `explain.html` (`?posting=ID`) the explanation as
/// `skillmatch explain --format json|html` writes it.
pub async fn upload_download(
    State(app): State<&'static App>,
    Path((token, file)): Path<(String, String)>,
    Query(query): Query<PostingQuery>,
) -> Response {
    let (format, content_type, explanation) = match file.as_str() {
        "ranking.csv" => (Format::Csv, "text/csv; charset=utf-8", false),
        "ranking.json" => (Format::Json, "application/json", false),
        "explain.json" => (Format::Json, "application/json", true),
        "explain.html" => (Format::Html, "text/html; charset=utf-8", true),
        _ => return problem_page(app, &Problem::not_found(format!("no download `{file}`"))),
    };
    let result = async {
        let upload = upload_of(app, &token)?;
        if explanation {
            let p = posting_of(app, query.posting.as_deref())?;
            app.run(move |catalog| {
                catalog
                    .explain_report(p, &upload.candidate, &upload.document.text, format)
                    .map_err(Problem::from)
            })
            .await
        } else {
            let top = query.top.unwrap_or(DEFAULT_TOP);
            app.run(move |catalog| {
                catalog
                    .score(&upload.candidate, top, SUGGEST, format)
                    .map_err(Problem::from)
            })
            .await
        }
    }
    .await;
    match result {
        Ok(bytes) => download(bytes, &file, content_type),
        Err(p) => problem_page(app, &p),
    }
}

/// `GET /r/TOKEN/explain?posting=ID`: the explanation of the résumé
/// against one posting, requirement by requirement, each linked to its
/// lines in the posting and the résumé.
pub async fn explanation(
    State(app): State<&'static App>,
    Path(token): Path<String>,
    Query(query): Query<PostingQuery>,
) -> Response {
    let result = async {
        let p = posting_of(app, query.posting.as_deref())?;
        let upload = upload_of(app, &token)?;
        let id = app.catalog.postings()[p].id.clone();
        let base = token_path(&token);
        let back = format!("<a href=\"{base}\">Back to the ranking</a>");
        let downloads = format!(
            "<a id=\"download-json\" href=\"{base}/explain.json?posting={q}\">JSON</a>\
             <a id=\"download-html\" href=\"{base}/explain.html?posting={q}\">HTML page</a>",
            q = query_value(&id)
        );
        app.run(move |catalog| {
            explanation_content(
                catalog,
                p,
                &upload.candidate,
                &upload.document.text,
                &back,
                &downloads,
            )
        })
        .await
    }
    .await;
    match result {
        Ok(content) => respond(app, StatusCode::OK, "Explanation", &content),
        Err(p) => problem_page(app, &p),
    }
}

/// An explanation page's content: links, then the explain report.
fn explanation_content(
    catalog: &super::catalog::Catalog<'_>,
    p: usize,
    candidate: &Candidate,
    resume_text: &str,
    back: &str,
    downloads: &str,
) -> Result<String, Problem> {
    let (posting, posting_text) = catalog.posting(p)?;
    let e = catalog.explain(&posting, candidate);
    let body = report::html::explanation_body(
        catalog.taxonomy(),
        &posting,
        posting_text,
        candidate,
        resume_text,
        &e,
    );
    let note = if posting_text.is_empty() {
        "<div class=\"muted\">The postings were read from an index file, which keeps no text: the posting's lines are not shown.</div>"
    } else {
        ""
    };
    Ok(format!(
        "<header><p>{back}</p><div class=\"downloads\">Download: {downloads}</div>{note}</header>\n{body}"
    ))
}

/// `GET /postings?page=N`: the postings, 50 to a page, each linked to
/// its best candidates when there are candidates.
pub async fn postings(State(app): State<&'static App>, Query(query): Query<PageQuery>) -> Response {
    let all = app.catalog.postings();
    let pages = all.len().div_ceil(PAGE_SIZE).max(1);
    let page_no = query.page.unwrap_or(1);
    if page_no == 0 || page_no > pages {
        return problem_page(
            app,
            &Problem::not_found(format!("there is no page {page_no}: pages 1 to {pages}")),
        );
    }
    let with_candidates = !app.catalog.candidates().is_empty();
    let mut rows = String::new();
    for (i, s) in all
        .iter()
        .enumerate()
        .skip((page_no - 1) * PAGE_SIZE)
        .take(PAGE_SIZE)
    {
        let title = escape(s.title.as_deref().unwrap_or(&s.id));
        let link = if with_candidates {
            format!(
                "<a href=\"/candidates?posting={}\">{title}</a>",
                query_value(&s.id)
            )
        } else {
            title
        };
        let _ = writeln!(
            rows,
            "<tr><td class=\"num\" data-label=\"#\">{}</td><td data-label=\"Posting\">{link}<div class=\"muted\">{}</div></td><td data-label=\"Company\">{}</td></tr>",
            i + 1,
            escape(&posting_place(&s.id, s.location.as_deref())),
            escape(s.company.as_deref().unwrap_or("—"))
        );
    }
    let mut pager = String::new();
    if page_no > 1 {
        let _ = write!(
            pager,
            "<a href=\"/postings?page={}\">Previous</a>",
            page_no - 1
        );
    }
    if page_no < pages {
        let _ = write!(pager, "<a href=\"/postings?page={}\">Next</a>", page_no + 1);
    }
    let content = format!(
        "<header><h1>Postings</h1><div class=\"muted\">Page {page_no} of {pages}{}</div></header>\n\
         <section><table class=\"reqs\">\n<thead><tr><th>#</th><th>Posting</th><th>Company</th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n\
         <p class=\"pager\">{pager}</p></section>\n",
        if with_candidates {
            " · open a posting to see its best candidates"
        } else {
            " · start the server with --candidates to see each posting's best candidates"
        }
    );
    respond(app, StatusCode::OK, "Postings", &content)
}

/// 404 when the server has no candidates.
fn need_candidates(app: &App) -> Result<(), Problem> {
    if app.catalog.candidates().is_empty() {
        return Err(Problem::not_found(
            "no candidates are loaded: start the server with --candidates DIR|CSV",
        ));
    }
    Ok(())
}

/// `GET /candidates?posting=ID`: the posting's best candidates, in the
/// order `skillmatch rank --per posting` gives, each linked to the
/// explanation.
pub async fn candidates(
    State(app): State<&'static App>,
    Query(query): Query<PostingQuery>,
) -> Response {
    let result = async {
        need_candidates(app)?;
        let p = posting_of(app, query.posting.as_deref())?;
        let top = TopQuery { top: query.top }.top()?;
        app.run(move |catalog| candidates_content(catalog, p, top))
            .await
    }
    .await;
    match result {
        Ok(content) => respond(app, StatusCode::OK, "Candidates", &content),
        Err(p) => problem_page(app, &p),
    }
}

fn candidates_content(
    catalog: &super::catalog::Catalog<'_>,
    p: usize,
    top: usize,
) -> Result<String, Problem> {
    let (posting, _) = catalog.posting(p)?;
    let q = query_value(&posting.id);
    let mut rows = String::new();
    for (i, (c, _)) in catalog.best_candidates(p, top).into_iter().enumerate() {
        let candidate = &catalog.candidates()[c].candidate;
        let e = catalog.explain(&posting, candidate);
        let _ = writeln!(
            rows,
            "<tr><td class=\"num\" data-label=\"Rank\">{}</td><td class=\"num\" data-label=\"Score\"><b>{}</b></td>\
             <td data-label=\"Candidate\"><a href=\"/explain?candidate={}&amp;posting={q}\">{}</a><div class=\"muted\">{}</div></td>\
             <td data-label=\"Required\">{} of {}</td></tr>",
            i + 1,
            report::score_text(e.score),
            query_value(&candidate.id),
            escape(report::candidate_name(candidate)),
            escape(&candidate.id),
            e.required_met,
            e.required_total
        );
    }
    Ok(format!(
        "<header><h1>Best candidates for {}</h1>\n<div class=\"muted\">{} · {} candidates ranked</div>\n\
         <div class=\"downloads\">Download: <a id=\"download-csv\" href=\"/candidates.csv?posting={q}&amp;top={top}\">CSV</a>\
         <a id=\"download-json\" href=\"/candidates.json?posting={q}&amp;top={top}\">JSON</a></div></header>\n\
         <section><table class=\"reqs rank\">\n<thead><tr><th>Rank</th><th>Score</th><th>Candidate</th><th>Required met</th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n</section>\n",
        escape(&report::posting_name(&posting)),
        escape(&posting.id),
        catalog.candidates().len()
    ))
}

/// `GET /candidates.csv?posting=ID` and `candidates.json`: the rows
/// `skillmatch rank --per posting` writes for this posting (CSV with its
/// header; JSON as one object per row, keyed by the same columns).
pub async fn candidates_download(
    State(app): State<&'static App>,
    Path(file): Path<String>,
    Query(query): Query<PostingQuery>,
) -> Response {
    let json = match file.as_str() {
        "candidates.csv" => false,
        "candidates.json" => true,
        _ => return problem_page(app, &Problem::not_found(format!("no download `{file}`"))),
    };
    let result = async {
        need_candidates(app)?;
        let p = posting_of(app, query.posting.as_deref())?;
        let top = query.top.unwrap_or(DEFAULT_TOP);
        app.run(move |catalog| {
            let rows = catalog.candidate_rows(p, top)?;
            if json {
                Ok(super::api::rows_json(&rows))
            } else {
                super::api::rows_csv(&rows)
            }
        })
        .await
    }
    .await;
    match result {
        Ok(bytes) if json => download(bytes, &file, "application/json"),
        Ok(bytes) => download(bytes, &file, "text/csv; charset=utf-8"),
        Err(p) => problem_page(app, &p),
    }
}

/// `GET /explain?candidate=ID&posting=ID`: a loaded candidate against a
/// posting.
pub async fn candidate_explanation(
    State(app): State<&'static App>,
    Query(query): Query<PairQuery>,
) -> Response {
    let result = async {
        need_candidates(app)?;
        let p = posting_of(app, query.posting.as_deref())?;
        let id = query
            .candidate
            .as_deref()
            .ok_or_else(|| Problem::bad_request("name the candidate: ?candidate=ID"))?;
        let c = app
            .catalog
            .candidate_position(id)
            .ok_or_else(|| Problem::not_found(format!("no candidate with the id `{id}`")))?;
        let posting_id = query_value(&app.catalog.postings()[p].id);
        let back =
            format!("<a href=\"/candidates?posting={posting_id}\">Back to the candidates</a>");
        app.run(move |catalog| {
            let known = &catalog.candidates()[c];
            explanation_content(
                catalog,
                p,
                &known.candidate,
                &known.document.text,
                &back,
                "<span class=\"muted\">as on the candidates page</span>",
            )
        })
        .await
    }
    .await;
    match result {
        Ok(content) => respond(app, StatusCode::OK, "Explanation", &content),
        Err(p) => problem_page(app, &p),
    }
}

/// Any other address: 404, as a page.
pub async fn not_found(State(app): State<&'static App>) -> Response {
    problem_page(app, &Problem::not_found("there is no page at this address"))
}
