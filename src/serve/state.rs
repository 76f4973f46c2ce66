//! The server's state, shared by every request: the catalog read at
//! start, the uploads, and the limit on work running at once.
//!
//! Scoring is CPU work; it runs on tokio's blocking threads, at most
//! [`Limits::workers`] at a time, so a burst of requests queues instead
//! of starving the threads that accept connections. A request that waits
//! longer than [`Limits::queue_wait`] for its turn gets 503 and a
//! message to try again.

use std::time::Duration;

use axum::http::StatusCode;
use tokio::sync::Semaphore;

use super::catalog::Catalog;
use super::problem::Problem;
use super::uploads::Uploads;

/// The server's limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Requests scoring or reading a résumé at once.
    pub workers: usize,
    /// How long a request waits for its turn before it gets 503.
    pub queue_wait: Duration,
    /// How long a request may take in all before it gets 408.
    pub request_timeout: Duration,
    /// How long an uploaded résumé is kept.
    pub upload_ttl: Duration,
    /// How many uploaded résumés are kept at once (the oldest goes).
    pub max_uploads: usize,
}

impl Default for Limits {
    /// One worker per core (at least 2), 10 s in the queue, 30 s per
    /// request, uploads kept 30 minutes, 1,000 of them.
    fn default() -> Limits {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Limits {
            workers: cores.max(2),
            queue_wait: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
            upload_ttl: Duration::from_secs(30 * 60),
            max_uploads: 1000,
        }
    }
}

/// What every request shares.
pub struct App {
    /// The postings, candidates and taxonomy.
    pub catalog: &'static Catalog<'static>,
    /// Uploaded résumés.
    pub uploads: Uploads,
    /// The limits.
    pub limits: Limits,
    /// Whether each request is logged on stderr (method, route, status,
    /// time; never a résumé's text or an upload's token).
    pub log: bool,
    work: Semaphore,
}

impl App {
    /// The state of a server answering from `catalog` under `limits`.
    pub fn new(catalog: &'static Catalog<'static>, limits: Limits, log: bool) -> App {
        App {
            catalog,
            uploads: Uploads::new(limits.upload_ttl, limits.max_uploads),
            limits,
            log,
            work: Semaphore::new(limits.workers.max(1)),
        }
    }

    /// Runs `work` on a blocking thread once a worker is free, and gives
    /// its result; 503 when none frees up in time, 500 if it panicked (the
    /// server goes on).
    pub async fn run<T, F>(&'static self, work: F) -> Result<T, Problem>
    where
        T: Send + 'static,
        F: FnOnce(&'static Catalog<'static>) -> Result<T, Problem> + Send + 'static,
    {
        let permit = tokio::time::timeout(self.limits.queue_wait, self.work.acquire())
            .await
            .map_err(|_| {
                Problem::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    format!(
                        "the server is busy ({} requests at work); try again in a moment",
                        self.limits.workers
                    ),
                )
            })?
            .map_err(|_| Problem::internal("the server is stopping"))?;
        let catalog = self.catalog;
        let done = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            work(catalog)
        })
        .await;
        done.unwrap_or_else(|_| Err(Problem::internal("the request failed inside the server")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Fields};
    use crate::extract::Matcher;
    use crate::index_file::IndexFile;
    use crate::serve::catalog::CatalogParts;
    use crate::taxonomy::Taxonomy;

    /// A catalog of one posting, leaked as the server leaks its own.
    fn catalog() -> &'static Catalog<'static> {
        let taxonomy: &'static Taxonomy =
            Box::leak(Box::new(Taxonomy::embedded().expect("embedded taxonomy")));
        let matcher = Matcher::new(taxonomy).expect("matcher");
        let document = Document {
            id: "sre".to_string(),
            source: "sre.txt".to_string(),
            text: "SRE\nRequirements\n- Kubernetes\n- Go\n".to_string(),
            fields: Fields::default(),
            kind: None,
        };
        let postings = crate::extract::postings_of(&matcher, &document);
        let index = IndexFile::in_memory("test", taxonomy, &postings).expect("index");
        let postings: &'static IndexFile = Box::leak(Box::new(index));
        let catalog = Catalog::new(CatalogParts {
            taxonomy,
            matcher,
            postings,
            weights: crate::score::Weights::default(),
            documents: vec![document],
            candidates: Vec::new(),
            as_of: None,
        })
        .expect("catalog");
        Box::leak(Box::new(catalog))
    }

    fn app(workers: usize, queue_wait: Duration) -> &'static App {
        let limits = Limits {
            workers,
            queue_wait,
            ..Limits::default()
        };
        Box::leak(Box::new(App::new(catalog(), limits, false)))
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn work_beyond_the_workers_waits_then_gets_503() {
        let app = app(1, Duration::from_millis(50));
        let slow = tokio::spawn(app.run(|catalog| {
            std::thread::sleep(Duration::from_millis(600));
            Ok(catalog.postings().len())
        }));
        // Give the slow request its worker first.
        tokio::time::sleep(Duration::from_millis(100)).await;
        let refused = app.run(|_| Ok(0usize)).await;
        let problem = refused.expect_err("no worker frees up in 50 ms");
        assert_eq!(problem.status, StatusCode::SERVICE_UNAVAILABLE);
        assert!(problem.message.contains("busy"), "{problem}");
        assert_eq!(slow.await.expect("joined"), Ok(1));
        // Once it is done, work runs again.
        assert_eq!(app.run(|_| Ok(7usize)).await, Ok(7));
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_panicking_request_gets_500_and_the_server_goes_on() {
        let app = app(1, Duration::from_secs(5));
        let failed: Result<(), Problem> = app.run(|_| panic!("a bug")).await;
        assert_eq!(
            failed.expect_err("500").status,
            StatusCode::INTERNAL_SERVER_ERROR
        );
        // The worker it held is free again.
        assert_eq!(
            app.run(|c| Ok(c.postings()[0].id.clone())).await,
            Ok("sre".to_string())
        );
    }
}
