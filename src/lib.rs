//! # reachplan
//!
//! A planner for hybrid Azure networks: on-premises sites, remote workers on point-to-site VPN,
//! hub-and-spoke VNets, Virtual WAN hubs, ExpressRoute circuits and networks in other clouds.
//! It reads a *plan* (a JSON file, format version 1) and says, for every ordered pair of
//! endpoints, whether traffic goes and comes back, by which path, and when not, which rule of
//! the rule book stops it and the smallest change that would open it.
//!
//! ```
//! use reachplan::engine::{analyze, read_plan};
//! let plan = read_plan(r#"{"reachplan": 1,
//!   "nodes": [{"id": "hub", "kind": "vnet", "address_space": ["10.0.0.0/16"]},
//!             {"id": "spoke", "kind": "vnet", "address_space": ["10.1.0.0/16"]}],
//!   "links": [{"kind": "peering", "from": "spoke", "to": "hub"}]}"#).unwrap();
//! assert!(analyze(&plan).pair("spoke", "hub").unwrap().reachable);
//! ```
//!
//! ## Codemap
//!
//! Everything under [`engine`] is pure: no I/O, no clock, no randomness, no browser.
//!
//! | module | owns |
//! |---|---|
//! | [`engine::model`] | the plan as plain data, field for field as in the file |
//! | [`engine::format`] | reading (errors with JSON path, line and column) and deterministic writing; [`engine::format::check`] is the text-free part of reading (version, ids, fields, questionable values) that the widget also runs on plans the page parsed |
//! | [`engine::locate`] | finding a JSON path's line and column in the text |
//! | [`engine::network`] | **start here**: the prepared [`engine::Network`], built once per plan (topology, overlaps, limits, findings) and asked every question: verdicts (the fast matrix), summary, overview, one pair's story, a few pairs' answers, the full analysis, capacity |
//! | [`engine::verdict`] | the one place that decides a pair's fate (reachable, one way, not) from the way there, the way back, the endpoint kinds and overlaps; every question asks it |
//! | [`engine::catalogue`] | the rule catalogue: every rule of the rule book as a [`engine::catalogue::Rule`] with its title and sources, every finding code as a [`engine::catalogue::Code`]; answers carry `Rule` and `Code` values, serialised as the ids (`"R1.9"`) and codes (`"peering-not-transitive"`) |
//! | `engine::topology` | (private) the plan interpreted as a network: which links carry traffic, effective flags, link findings; the only petgraph user |
//! | `engine::transit` | (private) every forwarding decision of the rule book: may traffic that arrived over one connection leave over another; `gates` holds the gateways' own decisions, `decision` the answer both give |
//! | `engine::reach` | (private) the search over (node, arrival) states that finds, per source, the path breaking the fewest rules, kept as a tree of predecessors: a pair's path, rule and assumptions are read back on demand; its [`engine::Trace`] is part of a pair's story |
//! | [`engine::explained`] | every pair explained from one search tree per endpoint, judged pair by pair when asked: collected into the [`engine::Analysis`], or streamed by `check --json` without holding the pairs |
//! | [`engine::analysis`] | pairs (two-way), intents, assumptions: the [`engine::Analysis`] |
//! | [`engine::matrix`] | any-to-any at scale: every pair's two-way answer as bits, without explanations (one search per class of twin endpoints, decisions shared per connection group) |
//! | `engine::naive` | (private) the naive reading of the rules, one search per pair: the reference the tests and the bench hold the matrix against |
//! | [`engine::summary`] | a question: the counts of `check --summary` (the matrix with findings and intents) |
//! | [`engine::overview`] | a question: the summary with every cell's verdict, what the app draws for a large plan |
//! | `engine::focus` | (private) the explained answers of a few pairs (for `explain`, `capacity` and the selected pair), tracing only from their endpoints |
//! | [`engine::diff`] | what changes between two designs (`reachplan diff`): pairs gained and lost, findings, intents, capacity rows, from two prepared networks; text and Markdown renderings |
//! | [`engine::resilience`] | what a single failure cuts (`reachplan resilience`): the failure domains of a plan, each failed as a plan edit and judged with the fast matrix, single points of failure ranked by the users behind the pairs, the pairs kept only after a failover with its documented interruption |
//! | [`engine::generate`] | realistic plans of any size, deterministic from a seed, for benchmarks and tests |
//! | `engine::access` | (private) access of a limited kind (Bastion RDP/SSH, Application Gateway HTTPS, virtual desktops) and the Microsoft 365 path of each user group |
//! | `engine::validate` | (private) findings that need the whole network: overlaps, hub and gateway limits |
//! | `engine::design` | (private) design findings: ASNs, redundant tunnels, policy-based traffic selectors, RADIUS |
//! | [`engine::edit`] | fixes as mechanical edits of the plan, and `apply`; also the editor's own edits (rename a node, delete it, give users a split tunnel) with what each carries over |
//! | [`engine::rules`] | `Block` (rule, reason, fix), `Finding`, `Assumption` |
//! | [`engine::limits`] | SKU and limit tables with their sources |
//! | [`engine::capacity`] | remote-work capacity: users and flows against the limit tables per gateway, hub, circuit and firewall; recommendations; what breaks first at a surge; a row at another surge (`Row::at`) |
//! | [`engine::geo`] | Azure regions, geopolitical areas, ExpressRoute peering locations, with sources and dates |
//! | [`engine::text`] | the terminal renderer beside the JSON one: the `check` report (grouped above 40 endpoints: the matrix by kind, unreachable pairs by rule, kind and region) and the `explain` story |
//! | [`engine::words`] | small pieces of text answers share: free text made safe and short, counts with their nouns, a path with its link kinds |
//! | [`engine::terminal`] | text safe to show on a terminal: control characters and bidirectional overrides escaped |
//! | [`engine::share`] | the share-link codec: a plan, compressed, in a versioned URL fragment |
//!
//! [`import`] is pure as well (no I/O): Azure's own JSON of a network (resources, Resource
//! Graph output, ARM templates, Terraform JSON) turned into a plan and an
//! [`import::ImportReport`]; `shape` recognises the input shapes, `template` evaluates a
//! template (`expr` parses and evaluates its expressions, `functions` holds the template
//! functions), `terraform` rewrites azurerm resources in ARM's shape, `resource` reduces each
//! resource to ARM's shape, `ids` matches references and hands out plan ids, `arm` runs the
//! mapping passes (`network`: VNets and peerings; `gateways`; `connections`: local network
//! gateways and connections; `circuits`; `wan`: Virtual WAN; `services`: firewall, Route
//! Server, Bastion, Application Gateway, route tables), `layout` places the nodes by role,
//! `report` says what became what; [`import::sample`] generates a Resource Graph dump for the
//! bench (`src/bin/reachplan-bench-import.rs`). The CLI's `import` reads the files. The widget
//! does not call it, so its builds do not carry it; nor does the browser app's first module:
//! the app's Azure module (`src/bin/reachplan-azure.rs`, loaded on demand) runs it and the
//! export, and [`handoff`] is what the two modules hand each other (JSON text).
//!
//! [`export`] is pure as well: the plan's Azure resources as a Bicep file or the ARM JSON
//! template it compiles to (`reachplan export`). `build` makes neutral declarations
//! ([`export::decl`]) from the plan, one part per concern (`vnet`, `appgw`, `circuit`, `wan`,
//! `links`); `bicep` and `arm` write them; `text` escapes untrusted names.
//!
//! The browser app lives in `ui` (behind the `web` feature, so the default build never compiles
//! Yew): `ui::state` holds the one `State` and its `Action`s (no HTML), `ui::components` draw it,
//! `ui::storage` and `ui::url` keep the plan in localStorage and in share links;
//! `ui::network` holds the plan's prepared network (one per plan version) that every view asks;
//! `ui::answers` chooses the full analysis (small plans) or the fast overview (large plans) and
//! `ui::grouping` groups a large matrix; `ui::views` shows a failure or a comparison with another
//! plan (the Failures and Compare panels) without editing the plan, and runs the single-failure
//! sweep a few failures per task.
//! `src/main.rs` starts it; `www/index.html` is its page, built by `scripts/build-app.sh`.
//!
//! The documentation widget (`<reach-plan>`, one element per plan in a docs page) lives in
//! `widget`, behind the `widget` feature: it reuses the app's state, matrix and explanation,
//! and `src/bin/reachplan-widget.rs` (view) and `reachplan-widget-edit.rs` (edit mode) are its
//! two WebAssembly builds, made by `scripts/build-widget.sh`.
//!
//! `src/bin/reachplan/` is the CLI: a thin layer over the engine of argument parsing (clap,
//! native builds only), memory budgets checked before the analysis, file reading, terminal-safe
//! output ([`engine::terminal`]) and exit codes.
//! `src/bin/reachplan-bench.rs` times the verdicts ([`engine::Network::verdicts`]) against the
//! naive reading of the rules ([`engine::Network::reachable_naive`]) on generated plans;
//! `src/bin/reachplan-bench-resilience.rs` times the single-failure sweep against the naive
//! sweep; `src/bin/reachplan-bench-web.rs` is the same engine for WebAssembly, timed in headless Chromium by `scripts/bench.sh`.
//!
//! ## Invariants
//!
//! - The engine never knows about the browser or the file system; it never panics on user input
//!   (a plan is text; every path through `read_plan` returns a value or a [`engine::PlanError`]).
//! - Analysis is a deterministic function of the plan: endpoints, pairs and findings are sorted.
//! - petgraph indices never leave `topology`; identity is the plan's own ids.
//! - Layers: model → topology → decision, gates → transit → reach, matrix search, verdict →
//!   access → questions (analysis, focus, summary, overview, capacity; asked through
//!   `network`) → text. The engine's modules import each other without circles, and none
//!   of the core imports the text renderer. `topology`, `transit`, `reach`, `focus`,
//!   `access`, `validate` and `design` are private to the engine: the CLI, the app, the
//!   widget, the tests and the benches ask a [`engine::Network`] and read the model.
//! - `format` is the only module that knows the file's shape; the model keeps every field as
//!   written (`Option`), so reading and writing loses nothing; defaults live in `topology`.
//! - Every rule decision lives in `transit` (forwarding) or `topology` (whether a link is carried
//!   at all) and is explained by a `Block` carrying a [`engine::catalogue::Rule`]; whether a
//!   pair is reachable is decided in [`engine::verdict`] only.
//! - Questions ask a prepared [`engine::Network`]; none rebuilds the topology of the plan it
//!   answers (capacity's what-if variants of a plan are other plans).
//!
//! `tests/tidy.rs` checks the invariants a machine can: no `web_sys`, `gloo` or `std::fs` in the
//! engine, no rule-id string outside the catalogue, every catalogue rule decided somewhere or
//! listed as undecided, no import circle between the engine's modules, no source file over
//! 400 lines but a short allow-list.
//! - Where the rule book is unsure, the engine picks the conservative answer and lists an
//!   `Assumption` in the output whenever an answer rests on it.

#![forbid(unsafe_code)]

pub mod engine;
pub mod export;
pub mod handoff;
pub mod import;
#[cfg(feature = "web")]
pub mod ui;
#[cfg(feature = "widget")]
pub mod widget;
