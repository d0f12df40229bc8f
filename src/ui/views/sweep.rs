//! The single-failure sweep in the page: every failure domain failed in turn
//! ([`resilience::failure`](crate::engine::resilience::failure)), and the intents that must
//! survive judged under each ([`Survival::judge_under`]), a few failures per task: each task works for
//! about [`SLICE_MS`] milliseconds, shows its progress and yields to the browser (a timeout),
//! so that the page stays responsive; Cancel stops it between two failures, and an edit of the
//! plan starts it again on the edited plan.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::engine::resilience::failover::Ways;
use crate::engine::resilience::survive::Survival;
use crate::engine::resilience::{domains, failure, rank, Domain, Failure, Healthy};
use crate::engine::IntentResult;
use crate::ui::answers::FULL_UP_TO;
use crate::ui::network::Prepared;

/// How long one task of the sweep works before it yields to the browser.
pub const SLICE_MS: f64 = 12.0;

/// Where the sweep is.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Progress {
    /// Failures judged.
    pub done: usize,
    /// Failures to judge.
    pub total: usize,
    /// Whether it is working now.
    pub running: bool,
    /// Whether the user stopped it before the end.
    pub cancelled: bool,
    /// Whether every failure was judged.
    pub finished: bool,
    /// The single points of failure found so far, ranked.
    pub single_points: Rc<Vec<Failure>>,
    /// The plan's intents, those that must survive judged under every failure; `None`
    /// until the sweep is finished.
    pub intents: Option<Rc<Vec<IntentResult>>>,
}

struct Job {
    network: Prepared,
    healthy: Healthy,
    todo: VecDeque<Domain>,
    total: usize,
    found: Vec<Failure>,
    intents: Vec<IntentResult>,
    survival: Option<Survival>,
    ways: Option<Ways>,
}

#[derive(Default)]
struct Runner {
    generation: u64,
    job: Option<Job>,
}

/// The sweep of `network`: its progress, and callbacks that start it and cancel it. It starts
/// by itself (and again after each edit) when `auto` is true.
#[hook]
pub fn use_sweep(
    network: Prepared,
    intents: Rc<Vec<IntentResult>>,
    auto: bool,
) -> (Progress, Callback<()>, Callback<()>) {
    let progress = use_state(Progress::default);
    let runner = use_mut_ref(Runner::default);
    let start = {
        let runner = runner.clone();
        let progress = progress.clone();
        let network = network.clone();
        let intents = intents.clone();
        Callback::from(move |_: ()| {
            begin(&runner, &progress, network.clone(), (*intents).clone());
        })
    };
    let cancel = {
        let runner = runner.clone();
        let progress = progress.clone();
        Callback::from(move |_: ()| {
            let mut r = runner.borrow_mut();
            r.generation += 1;
            if r.job.take().is_some() {
                let mut p = (*progress).clone();
                p.running = false;
                p.cancelled = true;
                progress.set(p);
            }
        })
    };
    {
        let runner = runner.clone();
        let progress = progress.clone();
        use_effect_with((network, auto), move |(network, auto)| {
            {
                let mut r = runner.borrow_mut();
                r.generation += 1;
                r.job = None;
            }
            if *auto {
                begin(&runner, &progress, network.clone(), (*intents).clone());
            } else {
                progress.set(Progress::default());
            }
            let stop = runner.clone();
            move || {
                let mut r = stop.borrow_mut();
                r.generation += 1;
                r.job = None;
            }
        });
    }
    ((*progress).clone(), start, cancel)
}

fn begin(
    runner: &Rc<RefCell<Runner>>,
    progress: &UseStateHandle<Progress>,
    network: Prepared,
    intents: Vec<IntentResult>,
) {
    let todo: VecDeque<Domain> = domains(network.plan()).into();
    let survival = Survival::new(&network, &intents);
    let healthy = Healthy::of(&network);
    // Failovers are judged for the plans the app explains in full (their ways cost an answer
    // per pair).
    let ways = (healthy.base.endpoints.len() <= FULL_UP_TO)
        .then(|| Ways::of(&network, &healthy.base))
        .flatten();
    let job = Job {
        healthy,
        total: todo.len(),
        todo,
        found: Vec::new(),
        survival,
        ways,
        intents,
        network,
    };
    let generation = {
        let mut r = runner.borrow_mut();
        r.generation += 1;
        r.job = Some(job);
        r.generation
    };
    progress.set(Progress {
        running: true,
        ..Progress::default()
    });
    later(runner.clone(), progress.clone(), generation);
}

fn later(runner: Rc<RefCell<Runner>>, progress: UseStateHandle<Progress>, generation: u64) {
    Timeout::new(0, move || tick(runner, progress, generation)).forget();
}

/// One task of the sweep: judges failures for about [`SLICE_MS`], then shows where it is and
/// yields, unless it was cancelled or started again meanwhile.
fn tick(runner: Rc<RefCell<Runner>>, progress: UseStateHandle<Progress>, generation: u64) {
    let shown = {
        let mut r = runner.borrow_mut();
        if r.generation != generation {
            return;
        }
        let Some(job) = r.job.as_mut() else {
            return;
        };
        let started = js_sys::Date::now();
        while let Some(domain) = job.todo.pop_front() {
            if let Some(s) = &job.survival {
                s.judge_under(&job.network, &domain, &mut job.intents);
            }
            let f = failure(&job.network, &job.healthy, job.ways.as_ref(), domain);
            if f.pairs_lost > 0 {
                job.found.push(f);
            }
            if js_sys::Date::now() - started > SLICE_MS {
                break;
            }
        }
        rank(&mut job.found);
        let finished = job.todo.is_empty();
        let shown = Progress {
            done: job.total - job.todo.len(),
            total: job.total,
            running: !finished,
            cancelled: false,
            finished,
            single_points: Rc::new(job.found.clone()),
            intents: finished.then(|| Rc::new(job.intents.clone())),
        };
        if finished {
            r.job = None;
        }
        shown
    };
    let more = shown.running;
    progress.set(shown);
    if more {
        later(runner, progress, generation);
    }
}
