//! The failures of a sweep judged side by side: each failure domain is judged on its own (the
//! healthy network is only read), so natively the domains are split over up to four threads,
//! the answers kept in domain order; in WebAssembly, where no thread code is compiled, one
//! after the other (the browser judges them a slice at a time, see `ui::views::sweep`).

use super::{Domain, Failure};

/// Fewer domains than this are judged on one thread (a thread costs more than they do).
#[cfg(not(target_arch = "wasm32"))]
const ALONE_BELOW: usize = 64;

/// `judge` of every domain, in the order of `domains`.
#[cfg(target_arch = "wasm32")]
pub(super) fn each(domains: Vec<Domain>, judge: impl Fn(Domain) -> Failure) -> Vec<Failure> {
    domains.into_iter().map(judge).collect()
}

/// `judge` of every domain, in the order of `domains`, on up to four threads (the answer does
/// not depend on the split).
#[cfg(not(target_arch = "wasm32"))]
pub(super) fn each(domains: Vec<Domain>, judge: impl Fn(Domain) -> Failure + Sync) -> Vec<Failure> {
    let threads = if domains.len() < ALONE_BELOW {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
    };
    if threads <= 1 {
        return domains.into_iter().map(judge).collect();
    }
    let chunk = domains.len().div_ceil(threads);
    let mut parts: Vec<Vec<Domain>> = Vec::new();
    let mut rest = domains.into_iter().peekable();
    while rest.peek().is_some() {
        parts.push(rest.by_ref().take(chunk).collect());
    }
    let judge = &judge;
    std::thread::scope(|scope| {
        let handles: Vec<_> = parts
            .into_iter()
            .map(|part| scope.spawn(move || part.into_iter().map(judge).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}
