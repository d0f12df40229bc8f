//! The command line, declared for clap: commands, options, help texts.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Who reaches whom in a hybrid Azure network plan.
#[derive(Debug, Parser)]
#[command(
    name = "reachplan",
    version,
    arg_required_else_help = true,
    after_help = "PLAN may be - for standard input.\n\n\
Exit status: 0 plan read and every intent holds; 1 an intent fails (or a denied finding; for \
capacity, a capacity finding of severity error; for diff, something that held is lost); 2 the plan cannot be read, the command line \
is wrong, the answer would exceed the command's memory budget, or the output cannot be \
written."
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// The reachability matrix, the reasons and fixes for unreachable pairs, the findings, the
    /// assumptions and the intents.
    #[command(after_help = crate::budget::CHECK_HELP)]
    Check {
        /// The plan file (- for standard input).
        plan: PathBuf,
        /// Print the analysis as JSON (the contract of docs/plan-format.md), every pair.
        #[arg(long, conflicts_with = "markdown")]
        json: bool,
        /// Print the report as Markdown, for a review comment on a code host: the intents,
        /// the findings, the unreachable pairs (the first 100) and the assumptions.
        #[arg(long, conflicts_with = "summary")]
        markdown: bool,
        /// Print only the counts and the analysis time (answers without explanations: fast
        /// on plans of thousands of endpoints).
        #[arg(long)]
        summary: bool,
        /// List every pair even on a large plan (above 40 endpoints the matrix is by kind of
        /// endpoint and unreachable pairs are grouped by rule, kind and region, with one
        /// example each).
        #[arg(long)]
        all: bool,
        /// Exit 1 when a finding of this severity (or worse) exists.
        #[arg(long, value_name = "SEVERITY")]
        deny: Option<Deny>,
    },
    /// One pair's full story: the way there and back, hop by hop.
    #[command(after_help = crate::budget::READING_HELP)]
    Explain {
        /// The plan file (- for standard input).
        plan: PathBuf,
        /// The endpoint the traffic starts from.
        from: String,
        /// The endpoint it goes to.
        to: String,
        /// Print the pair as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Gateways, hubs, circuits and firewalls against the SKU tables: utilisation, shortfalls
    /// with the smallest SKU that fits (30 % headroom), each flow's path and latency, and what
    /// breaks first.
    #[command(after_help = crate::budget::READING_HELP)]
    Capacity {
        /// The plan file (- for standard input).
        plan: PathBuf,
        /// N times as many remote users as the plan says.
        #[arg(long, default_value = "1", value_parser = surge, value_name = "N", allow_negative_numbers = true)]
        surge: f64,
        /// Print the capacity answer as JSON.
        #[arg(long)]
        json: bool,
    },
    /// What changes from one design to another: pairs lost and gained (with the rule that now
    /// blocks or the path that now opens), findings added and removed, intents whose verdict
    /// changed, capacity rows that changed; nothing about what stays the same. Exit 1 when
    /// something that held is lost (a pair reachable before, an intent that held).
    #[command(after_help = crate::budget::DIFF_HELP)]
    Diff {
        /// The plan before the change (- for standard input).
        before: PathBuf,
        /// The plan after the change (- for standard input, when BEFORE is a file).
        after: PathBuf,
        /// Print the difference as JSON (the contract of docs/plan-format.md).
        #[arg(long, conflicts_with = "markdown")]
        json: bool,
        /// Print the difference as Markdown, for a pull-request comment.
        #[arg(long)]
        markdown: bool,
    },
    /// Every single failure (gateway, connection, circuit, peering location, Virtual WAN hub,
    /// firewall, site device, region) in turn: the pairs it loses, and the single points of
    /// failure ranked by what they cut, weighted by the remote users behind the pairs.
    #[command(after_help = crate::budget::RESILIENCE_HELP)]
    Resilience {
        /// The plan file (- for standard input).
        plan: PathBuf,
        /// Capacity under failure at N times as many remote users as the plan says: what a
        /// failure moves onto a backup, and whether the backup carries it.
        #[arg(long, default_value = "1", value_parser = surge, value_name = "N", allow_negative_numbers = true)]
        surge: f64,
        /// 2: also every pair of failures that each survive alone (plans of at most 100
        /// endpoints).
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=2), value_name = "1|2")]
        depth: u8,
        /// Print every failure as JSON (the contract of docs/plan-format.md).
        #[arg(long)]
        json: bool,
    },
    /// The plan in canonical form (what the browser app exports).
    #[command(after_help = crate::budget::READING_HELP)]
    Fmt {
        /// The plan file (- for standard input).
        plan: PathBuf,
    },
    /// The plan's Azure resources as a Bicep file (or the ARM JSON template it compiles to):
    /// VNets, peerings, gateways, connections, circuits, Virtual WAN, firewalls, with
    /// parameters for what the plan does not know (addresses of devices, shared keys, exact
    /// subnets) and the analysis's assumptions in its header.
    #[command(after_help = crate::budget::READING_HELP)]
    Export {
        /// The plan file (- for standard input).
        plan: PathBuf,
        /// Write Bicep (the default).
        #[arg(long, conflicts_with = "arm")]
        bicep: bool,
        /// Write the ARM JSON template instead (what `bicep build` makes of the Bicep file).
        #[arg(long)]
        arm: bool,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// A realistic plan (hubs, spokes, branches, users, circuits, Virtual WAN, other clouds),
    /// the same for the same N and seed.
    #[command(after_help = crate::budget::GENERATE_HELP)]
    Generate {
        /// How many endpoints.
        endpoints: usize,
        /// The seed of the generator.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// A plan from Azure's descriptions of a network: resources as Azure returns them (one, an
    /// array, `{"value": [...]}`, Resource Graph `{"data": [...]}`) and ARM templates with
    /// their parameters file (`x.json x.parameters.json`), Terraform's `show -json`. The plan
    /// goes to standard output (or -o), the report of what became what to standard error.
    /// Exit 2 when a file or value cannot be read (the plan of the rest is still written).
    Import {
        /// The files to import (- for standard input).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The Azure region of resources whose location is the deployment's.
        #[arg(long, value_name = "REGION")]
        region: Option<String>,
        /// Write the plan to this file instead of standard output.
        #[arg(short, long, value_name = "PLAN")]
        output: Option<PathBuf>,
        /// Also write the report as JSON to this file.
        #[arg(long, value_name = "FILE")]
        report: Option<PathBuf>,
        /// Merge the import into this plan: what came from Azure before (matched by its
        /// azure_id) is updated, what was drawn by hand stays; the merged plan is written back
        /// into it (or to -o).
        #[arg(long, value_name = "PLAN")]
        into: Option<PathBuf>,
    },
    /// A completion script for a shell, to source from its start-up file (e.g.
    /// `reachplan completions bash > ~/.local/share/bash-completion/completions/reachplan`).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

/// The severity from which `--deny` fails the check.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Deny {
    /// Findings of severity error.
    #[value(alias = "error")]
    Errors,
    /// Findings of severity warning or error.
    #[value(alias = "warning")]
    Warnings,
}

fn surge(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(n) if n.is_finite() && n > 0.0 && n <= 1_000_000.0 => Ok(n),
        _ => Err(
            "--surge takes a positive number of times as many remote users (at most \
                  1000000)"
                .into(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
