//! Mapping resources to the plan: the state an import builds (the plan, the report, the ids
//! handed out, which node each resource became) and the order of the passes: nodes first,
//! then what attaches to them, then the links between them, then what is skipped.

use std::collections::HashMap;

use crate::engine::model::{Cidr, Node, NodeKind, Plan};

use super::ids::{self, Ids};
use super::report::{ImportReport, Mapped, NoteKind};
use super::resource::Resource;
use super::{circuits, connections, gateways, layout, network, services, wan, ImportOptions};

/// An import under way.
pub(crate) struct Build<'a> {
    /// The resources, in input order.
    pub resources: &'a [Resource],
    /// The plan being built.
    pub plan: Plan,
    /// The report being written.
    pub report: &'a mut ImportReport,
    /// The options.
    pub opts: &'a ImportOptions,
    /// Node ids handed out.
    pub node_ids: Ids,
    /// Link ids handed out.
    pub link_ids: Ids,
    /// The node each resource key became (a VNet, hub, circuit, site).
    pub nodes: HashMap<String, String>,
    /// The VNet node of each virtual network gateway, by the gateway's key.
    pub gateways: HashMap<String, String>,
    /// Resource keys already mapped or skipped.
    done: Vec<bool>,
}

/// The resource types a reachability plan leaves out, with the reason.
const SKIPPED: &[(&str, &str)] = &[
    (
        "microsoft.compute/",
        "virtual machines and disks are not networks: a VNet stands for its workloads",
    ),
    (
        "microsoft.network/networkinterfaces",
        "a NIC belongs to a workload in its VNet",
    ),
    (
        "microsoft.network/networksecuritygroups",
        "NSG rules filter ports inside a VNet; the plan answers routing",
    ),
    (
        "microsoft.network/publicipaddresses",
        "public IPs are addresses of gateways and services, not networks",
    ),
    (
        "microsoft.network/virtualnetworks/subnets",
        "subnets are parts of their VNet's address space",
    ),
];

/// The resource types the mapping reads (lower case).
const MAPPED: &[&str] = &[
    "microsoft.network/virtualnetworks",
    "microsoft.network/virtualnetworks/virtualnetworkpeerings",
    "microsoft.network/virtualnetworkgateways",
    "microsoft.network/localnetworkgateways",
    "microsoft.network/connections",
    "microsoft.network/expressroutecircuits",
    "microsoft.network/expressroutecircuits/peerings",
    "microsoft.network/expressroutecircuits/peerings/connections",
    "microsoft.network/virtualwans",
    "microsoft.network/virtualhubs",
    "microsoft.network/virtualhubs/hubvirtualnetworkconnections",
    "microsoft.network/virtualhubs/routingintent",
    "microsoft.network/virtualhubs/ipconfigurations",
    "microsoft.network/vpngateways",
    "microsoft.network/vpngateways/vpnconnections",
    "microsoft.network/vpnsites",
    "microsoft.network/expressroutegateways",
    "microsoft.network/expressroutegateways/expressrouteconnections",
    "microsoft.network/p2svpngateways",
    "microsoft.network/vpnserverconfigurations",
    "microsoft.network/azurefirewalls",
    "microsoft.network/bastionhosts",
    "microsoft.network/applicationgateways",
    "microsoft.network/routetables",
];

/// Whether the mapping reads resources of this type (lower case).
pub(crate) fn is_mapped(rtype: &str) -> bool {
    MAPPED.contains(&rtype)
}

/// Maps every resource, in passes.
pub(crate) fn map(resources: &[Resource], opts: &ImportOptions, report: &mut ImportReport) -> Plan {
    let mut b = Build {
        resources,
        plan: Plan::new(),
        report,
        opts,
        node_ids: Ids::default(),
        link_ids: Ids::default(),
        nodes: HashMap::new(),
        gateways: HashMap::new(),
        done: vec![false; resources.len()],
    };
    b.dedupe();
    network::vnets(&mut b);
    connections::sites(&mut b);
    circuits::circuits(&mut b);
    wan::wans_and_hubs(&mut b);
    gateways::gateways(&mut b);
    services::services(&mut b);
    connections::connections(&mut b);
    circuits::peerings(&mut b);
    wan::gateways_and_connections(&mut b);
    network::peerings(&mut b);
    services::route_tables(&mut b);
    b.skip_the_rest();
    layout::place(&mut b.plan);
    b.plan
}

impl<'a> Build<'a> {
    /// Marks as done every resource that repeats an earlier one (the same type and name, as
    /// when a child is both embedded in its parent and listed on its own).
    fn dedupe(&mut self) {
        let mut seen = std::collections::HashSet::new();
        for (i, r) in self.resources.iter().enumerate() {
            if !seen.insert(r.key()) {
                self.done[i] = true;
            }
        }
    }

    /// The resources of a type (lower case, exact) not yet mapped, with their indexes.
    pub fn of_type(&self, rtype: &str) -> Vec<(usize, &'a Resource)> {
        let want = rtype.to_ascii_lowercase();
        let resources = self.resources;
        resources
            .iter()
            .enumerate()
            .filter(|(i, r)| !self.done[*i] && r.kind() == want)
            .collect()
    }

    /// Records what a resource became.
    pub fn mapped(&mut self, i: usize, became: String) {
        self.done[i] = true;
        let r = &self.resources[i];
        self.report.mapped.push(Mapped {
            file: r.file.clone(),
            path: r.path.clone(),
            rtype: r.rtype.clone(),
            name: r.name.clone(),
            became,
        });
    }

    /// A note about a resource.
    pub fn note(&mut self, r: &Resource, kind: NoteKind, path: &str, message: String) {
        let full = if path.is_empty() {
            r.path.clone()
        } else {
            format!("{}.{path}", r.path)
        };
        self.report.note(kind, &r.file, &full, message);
    }

    /// Adds a node made from a resource: id from its name, `name` the Azure name, the
    /// resource's id in `azure_id`.
    pub fn add_node(&mut self, r: &Resource, kind: NodeKind) -> String {
        let id = self.node_ids.make(r.short_name(), kind.as_str());
        let mut node = Node::new(&id, kind);
        node.name = Some(r.short_name().to_string());
        node.azure_id = Some(r.id.clone());
        self.plan.nodes.push(node);
        self.nodes.insert(r.key(), id.clone());
        id
    }

    /// The plan node with this id.
    pub fn node_mut(&mut self, id: &str) -> Option<&mut Node> {
        self.plan.nodes.iter_mut().find(|n| n.id == id)
    }

    /// The node a reference names: the one its resource became, or a new node marked as
    /// outside the import when the input does not hold the resource.
    pub fn node_for(
        &mut self,
        reference: &str,
        kind: NodeKind,
        by: &Resource,
        path: &str,
    ) -> String {
        let key = ids::key_of(reference);
        if let Some(id) = self.nodes.get(&key) {
            return id.clone();
        }
        let name = ids::parse(reference)
            .map(|(_, n)| n.rsplit('/').next().unwrap_or_default().to_string())
            .unwrap_or_else(|| reference.to_string());
        let id = self.node_ids.make(&name, kind.as_str());
        let mut node = Node::new(&id, kind);
        node.name = Some(name);
        node.azure_id = Some(reference.to_string());
        node.description = Some(format!(
            "Outside the import: {} refers to it; its settings are not known.",
            by.name
        ));
        self.plan.nodes.push(node);
        self.nodes.insert(key, id.clone());
        let message = format!(
            "{reference} is not in the input: node {id} ({kind}) stands for it, without its \
             address space or settings"
        );
        self.note(by, NoteKind::Outside, path, message);
        id
    }

    /// The address prefixes at a path, each one that is not a prefix reported.
    pub fn prefixes(&mut self, r: &Resource, path: &str) -> Vec<Cidr> {
        let mut out = Vec::new();
        for (i, text) in r.strings(path).iter().enumerate() {
            match Cidr::parse(text) {
                Ok(c) if !out.contains(&c) => out.push(c),
                Ok(_) => {}
                Err(e) => {
                    let at = format!("{}[{i}]", path.replace('/', "."));
                    self.note(r, NoteKind::Problem, &at, format!("{e}; left out"));
                }
            }
        }
        out
    }

    /// Every resource not mapped: skipped, once per type, with the reason.
    fn skip_the_rest(&mut self) {
        for i in 0..self.resources.len() {
            if self.done[i] {
                continue;
            }
            let r = &self.resources[i];
            let kind = r.kind();
            let reason = SKIPPED.iter().find(|(t, _)| kind.starts_with(t)).map_or(
                "not a network, gateway or connection the plan models",
                |(_, why)| why,
            );
            self.report.skip(&r.rtype, reason);
        }
    }
}
