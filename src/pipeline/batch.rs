//! `amicus build A B C …`: several submissions built at once, on every core.
//!
//! The builds share what a process shares anyway: the embedded fonts and Typst's standard
//! library ([`crate::compile::Engine::shared`], loaded once) and Typst's memo caches, which
//! are process-wide. Each build runs on a thread of its own rather than as a task on Typst's
//! rayon pool: a rayon thread waiting inside one build could steal another and nest its whole
//! build on the same stack. Each folder is built exactly as `amicus build` builds one
//! ([`crate::pipeline::build::build`]); a failure stops that folder only.

use crate::pipeline::build::{self, Options, Outcome};
use crate::pipeline::output::Failure;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};

/// The stack of each build thread: that of a program's main thread, where `amicus build`
/// runs (a spawned thread gets 2 MB by default).
const STACK: usize = 8 * 1024 * 1024;

/// Builds every submission of `jobs` in parallel, one thread per core (Typst lays out pages on
/// its own pool besides), and hands each result to `report` in the order of `jobs`, as soon as
/// it and all before it are done: the first results can be printed while later ones are still
/// building, and the output reads the same on every run.
///
/// Returns how many builds failed.
pub fn build_all<F>(jobs: &[Options], report: F) -> usize
where
    F: FnMut(usize, &Result<Outcome, Failure>) + Send,
{
    /// Results that finished before an earlier one, waiting for their turn.
    struct InOrder<F> {
        next: usize,
        waiting: BTreeMap<usize, Result<Outcome, Failure>>,
        report: F,
        failed: usize,
    }
    let state = Mutex::new(InOrder { next: 0, waiting: BTreeMap::new(), report, failed: 0 });
    let next_job = AtomicUsize::new(0);
    let work = || {
        loop {
            let i = next_job.fetch_add(1, Ordering::SeqCst);
            let Some(options) = jobs.get(i) else { break };
            let result = crate::pipeline::output::isolated(&options.folder, || build::build(options));
            // A panic in `report` (a closed pipe) poisons the lock; the state is still whole.
            let mut s = state.lock().unwrap_or_else(PoisonError::into_inner);
            s.waiting.insert(i, result);
            loop {
                let next = s.next;
                let Some(result) = s.waiting.remove(&next) else { break };
                s.failed += usize::from(result.is_err());
                (s.report)(next, &result);
                s.next += 1;
            }
        }
    };
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads().min(jobs.len()))
            .map(|n| {
                std::thread::Builder::new()
                    .name(format!("build-{n}"))
                    .stack_size(STACK)
                    .spawn_scoped(scope, work)
                    .expect("a build thread starts")
            })
            .collect();
        for worker in workers {
            if let Err(panic) = worker.join() {
                std::panic::resume_unwind(panic);
            }
        }
    });
    state.into_inner().unwrap_or_else(PoisonError::into_inner).failed
}

/// The number of builds [`build_all`] runs at once: one per core.
pub fn threads() -> usize {
    std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get)
}
