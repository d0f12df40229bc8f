//! The plans a visitor can start from in one click, shipped in the binary.

use crate::engine::{read_plan, Plan, PlanError};

/// A plan to start from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Template {
    /// Stable id (also the example file's name, without `.json`).
    pub id: &'static str,
    /// The button's label.
    pub label: &'static str,
    /// The plan text; empty for the blank plan.
    pub text: &'static str,
}

/// Every template, in the order the start bar shows them.
pub const TEMPLATES: [Template; 9] = [
    Template {
        id: "users-to-azure",
        label: "Remote users → Azure",
        text: include_str!("../../www/examples/users-to-azure.json"),
    },
    Template {
        id: "users-to-azure-and-onprem",
        label: "Remote users → Azure + on-premises",
        text: include_str!("../../www/examples/users-to-azure-and-onprem.json"),
    },
    Template {
        id: "hub-spoke-firewall",
        label: "Hub and spoke with firewall",
        text: include_str!("../../www/examples/hub-spoke-firewall.json"),
    },
    Template {
        id: "vwan-two-hubs",
        label: "Virtual WAN, two hubs",
        text: include_str!("../../www/examples/vwan-two-hubs.json"),
    },
    Template {
        id: "expressroute-global-reach",
        label: "ExpressRoute + Global Reach",
        text: include_str!("../../www/examples/expressroute-global-reach.json"),
    },
    Template {
        id: "multicloud-aws-oci",
        label: "Multi-cloud: AWS + OCI",
        text: include_str!("../../www/examples/multicloud-aws-oci.json"),
    },
    Template {
        id: "contractors-bastion",
        label: "Contractors through Bastion",
        text: include_str!("../../www/examples/contractors-bastion.json"),
    },
    Template {
        id: "virtual-desktops-firewall",
        label: "Virtual desktops behind a firewall",
        text: include_str!("../../www/examples/virtual-desktops-firewall.json"),
    },
    Template {
        id: "blank",
        label: "Blank plan",
        text: "",
    },
];

/// The template shown on a first visit.
pub const FIRST: &str = "users-to-azure-and-onprem";

impl Template {
    /// The template's plan.
    ///
    /// # Errors
    /// The [`PlanError`] if the shipped text does not read (the tests make sure it does).
    pub fn plan(&self) -> Result<Plan, PlanError> {
        if self.text.is_empty() {
            let mut plan = Plan::new();
            plan.title = Some("Untitled plan".to_string());
            return Ok(plan);
        }
        read_plan(self.text)
    }
}

/// The template with this id.
pub fn find(id: &str) -> Option<&'static Template> {
    TEMPLATES.iter().find(|t| t.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_reads() {
        for t in TEMPLATES {
            assert!(t.plan().is_ok(), "{}", t.id);
        }
        assert!(find(FIRST).is_some());
    }

    #[test]
    fn every_template_holds_its_intents() {
        for t in TEMPLATES {
            let Ok(plan) = t.plan() else { continue };
            let analysis = crate::engine::analyze(&plan);
            assert!(analysis.intents.iter().all(|i| i.holds), "{}", t.id);
        }
    }
}
