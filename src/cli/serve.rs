//! `skillmatch serve --postings …|--index FILE [--candidates …]`: the web
//! app (`skillmatch::serve`) on this machine. Reads everything once,
//! prints the address, and answers until Ctrl-C.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context as _;
use clap::Args;
use skillmatch::document::DocumentKind;
use skillmatch::index_file::{IndexBuilder, IndexFile};
use skillmatch::serve::{App, Catalog, CatalogParts, Limits};

use super::GlobalArgs;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The postings: a directory of posting files, a CSV (id,title,company,location,text) or JSON Lines.
    #[arg(long, value_name = "DIR|CSV|JSONL", required_unless_present = "index")]
    postings: Option<PathBuf>,
    /// The postings, already extracted by `skillmatch index build` (starts faster; explanations then show no posting text).
    #[arg(long, value_name = "FILE", conflicts_with = "postings")]
    index: Option<PathBuf>,
    /// Candidates to rank for each posting (the recruiter's view): a directory of résumés, a CSV or JSON Lines.
    #[arg(long, value_name = "DIR|CSV|JSONL")]
    candidates: Option<PathBuf>,
    /// The address to listen on. Anything but a loopback address lets other machines read the résumés uploaded.
    #[arg(long, value_name = "ADDR", default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    bind: IpAddr,
    /// The port to listen on (0: any free port; the address is printed).
    #[arg(long, value_name = "N", default_value_t = 8080)]
    port: u16,
    /// Requests scoring at once; more wait their turn (default: one per core, at least 2).
    #[arg(long, value_name = "N")]
    workers: Option<usize>,
}

pub fn run(global: &GlobalArgs, args: ServeArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let addr = SocketAddr::new(args.bind, args.port);
    // Bound first: a port in use is an error before minutes of loading.
    let listener = std::net::TcpListener::bind(addr).with_context(|| {
        format!(
            "cannot listen on {addr}: choose another --port (--port 0 picks a free one) or --bind"
        )
    })?;
    listener.set_nonblocking(true)?;
    let local = listener.local_addr()?;

    let prepared = global.load_taxonomy()?;
    let weights = global.load_weights()?;
    // What the server holds lives as long as the process: leaked once
    // here, so every request can borrow it without reference counting.
    let prepared: &'static skillmatch::prepared::Prepared = Box::leak(Box::new(prepared));
    let taxonomy = prepared.taxonomy();
    let matcher = prepared.matcher();
    let (postings, documents) = match (&args.postings, &args.index) {
        (_, Some(index)) => (IndexFile::open(index, taxonomy)?, Vec::new()),
        (Some(path), None) => {
            let documents = global.load_documents(path, DocumentKind::Posting, "posting")?;
            let mut built = IndexBuilder::new();
            built.extract(&matcher, documents.clone());
            (
                built.into_index_file(&path.display().to_string(), taxonomy),
                documents,
            )
        }
        (None, None) => {
            anyhow::bail!("give the postings: --postings DIR|CSV|JSONL or --index FILE")
        }
    };
    let postings: &'static IndexFile = Box::leak(Box::new(postings));
    let candidates = match &args.candidates {
        Some(path) => global.load_documents(path, DocumentKind::Resume, "résumé")?,
        None => Vec::new(),
    };
    let catalog = Catalog::new(CatalogParts {
        taxonomy,
        matcher,
        postings,
        weights,
        documents,
        candidates,
        as_of: global.as_of,
    })?;
    let catalog: &'static Catalog<'static> = Box::leak(Box::new(catalog));
    let mut limits = Limits::default();
    if let Some(n) = args.workers {
        limits.workers = n.max(1);
    }
    let app: &'static App = Box::leak(Box::new(App::new(catalog, limits, !global.quiet)));

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the server's threads")?;
    let served = runtime.block_on(async {
        let listener = tokio::net::TcpListener::from_std(listener)?;
        // The address first, alone on stdout, for people and scripts.
        println!("http://{local}/");
        if !global.quiet {
            eprintln!(
                "skillmatch: serving {} postings{} at http://{local}/ (ready in {:.1} s; Ctrl-C stops)",
                catalog.postings().len(),
                match catalog.candidates().len() {
                    0 => String::new(),
                    n => format!(" and {n} candidates"),
                },
                started.elapsed().as_secs_f64()
            );
        }
        if !local.ip().is_loopback() {
            eprintln!(
                "skillmatch: warning: listening on {local}, not a loopback address: other machines can reach this server and the résumés uploaded to it"
            );
        }
        skillmatch::serve::serve(app, listener, skillmatch::serve::stop_signal()).await
    });
    served.context("the server stopped on an error")?;
    if !global.quiet {
        eprintln!("skillmatch: stopped");
    }
    Ok(ExitCode::SUCCESS)
}
