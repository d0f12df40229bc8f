//! Export: the plan's Azure resources as a Bicep file, and as the ARM JSON template that
//! compiling that file gives, with the settings the analysis used.
//!
//! Pure like the engine: text in, text out. `build` turns a plan into neutral declarations
//! ([`decl::Template`]: parameters and resources whose values may name a parameter or
//! another resource), one part per concern (`vnet`, `appgw`, `circuit`, `wan`, `links`);
//! `bicep` and `arm` write the same declarations, so the ARM template is what `bicep build`
//! makes of the Bicep file (and the importer reads it back, for the round trip). `text`
//! makes untrusted text safe in Bicep literals, identifiers and comments.
//!
//! What a plan does not know becomes a parameter: device addresses, shared keys and other
//! secrets (`@secure()`), exact subnets, circuit peering addresses. Sites, clouds and users
//! are not Azure resources: the connections to them are declared from the Azure side.
//! The Bicep text is not compiled by the tests (the Bicep compiler is not published on the
//! registries the project builds from); it is held by golden files, and the ARM template by
//! the round trip through the importer.

mod appgw;
mod arm;
mod bicep;
mod build;
mod circuit;
pub mod decl;
mod links;
mod text;
mod vnet;
mod wan;

use crate::engine::{Assumption, Plan};

pub use build::API;

/// The plan's Azure resources as a Bicep file; `assumptions` (those of the plan's analysis)
/// are listed in its header.
pub fn bicep(plan: &Plan, assumptions: &[Assumption]) -> String {
    bicep_listing(plan, &listed(assumptions))
}

/// The same declarations as an ARM JSON template.
pub fn arm(plan: &Plan, assumptions: &[Assumption]) -> String {
    arm_listing(plan, &listed(assumptions))
}

/// The Bicep file with the assumptions given as their code and message (as the browser app
/// hands them to its Azure module, `crate::handoff`).
pub fn bicep_listing(plan: &Plan, assumptions: &[(&str, &str)]) -> String {
    bicep::render(&build::build(plan, assumptions))
}

/// The ARM JSON template with the assumptions given as their code and message.
pub fn arm_listing(plan: &Plan, assumptions: &[(&str, &str)]) -> String {
    arm::render(&build::build(plan, assumptions))
}

/// The declarations themselves.
pub fn declarations(plan: &Plan, assumptions: &[Assumption]) -> decl::Template {
    build::build(plan, &listed(assumptions))
}

/// The assumptions as the header lists them: code and message.
fn listed(assumptions: &[Assumption]) -> Vec<(&str, &str)> {
    assumptions.iter().map(|a| (a.code, a.message)).collect()
}
