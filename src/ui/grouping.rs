//! The groups of a large matrix: endpoints gathered by kind or by region, each with a bit mask
//! of its members for counting reachable pairs a word at a time. No rendering here.

use std::collections::BTreeMap;

use crate::engine::model::{NodeKind, Plan};

/// What the rows and columns of a large matrix gather endpoints by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupBy {
    /// Sites, user groups, VNets, other clouds, the internet and Microsoft.
    Kind,
    /// The Azure (or other cloud's) region a node names; nodes without one together.
    Region,
}

impl GroupBy {
    /// Every way of grouping, with its name for the chooser.
    pub const ALL: [(GroupBy, &'static str); 2] =
        [(GroupBy::Kind, "kind"), (GroupBy::Region, "region")];
}

/// A group of endpoints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The group's name, as shown.
    pub name: String,
    /// Indexes of its endpoints, ascending.
    pub members: Vec<usize>,
    /// The same as bits (endpoint `j` at bit `j % 64` of word `j / 64`).
    pub mask: Vec<u64>,
}

fn kind_name(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Site => "sites",
        NodeKind::Users => "user groups",
        NodeKind::Vnet => "VNets",
        NodeKind::Cloud => "other clouds",
        NodeKind::Microsoft | NodeKind::Internet => "internet and Microsoft",
        NodeKind::VwanHub | NodeKind::Expressroute => "transit",
    }
}

/// The groups of `endpoints` (sorted ids of `plan`'s endpoints), in a stable order: by kind in
/// the order of the diagram (on-premises and users first), by region alphabetically with the
/// nodes without a region last.
pub fn groups(plan: &Plan, endpoints: &[String], by: GroupBy) -> Vec<Group> {
    let mut keyed: BTreeMap<(u8, String), Vec<usize>> = BTreeMap::new();
    let by_id: std::collections::HashMap<&str, &crate::engine::model::Node> =
        plan.nodes.iter().map(|n| (n.id.as_str(), n)).collect();
    for (i, id) in endpoints.iter().enumerate() {
        let node = by_id.get(id.as_str()).copied();
        let key = match by {
            GroupBy::Kind => {
                let kind = node.map_or(NodeKind::Vnet, |n| n.kind);
                let order = match kind {
                    NodeKind::Site => 0,
                    NodeKind::Users => 1,
                    NodeKind::Vnet => 2,
                    NodeKind::Cloud => 3,
                    _ => 4,
                };
                (order, kind_name(kind).to_string())
            }
            GroupBy::Region => match node.and_then(|n| n.region.clone()) {
                Some(region) if !region.trim().is_empty() => (0, region),
                _ => (1, "no region".to_string()),
            },
        };
        keyed.entry(key).or_default().push(i);
    }
    let words = endpoints.len().div_ceil(64);
    keyed
        .into_iter()
        .map(|((_, name), members)| {
            let mut mask = vec![0u64; words];
            for &j in &members {
                mask[j / 64] |= 1 << (j % 64);
            }
            Group {
                name,
                members,
                mask,
            }
        })
        .collect()
}

/// The group that holds endpoint `i`.
pub fn group_of(groups: &[Group], i: usize) -> Option<usize> {
    groups
        .iter()
        .position(|g| g.members.binary_search(&i).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::read_plan;

    #[test]
    fn endpoints_are_grouped_by_kind_and_by_region() {
        let plan = read_plan(
            r#"{"reachplan": 1, "nodes": [
              {"id": "hq", "kind": "site", "address_space": ["192.168.0.0/24"]},
              {"id": "hub", "kind": "vnet", "region": "westeurope", "address_space": ["10.0.0.0/16"]},
              {"id": "spoke", "kind": "vnet", "region": "eastus", "address_space": ["10.1.0.0/16"]},
              {"id": "staff", "kind": "users", "count": 10}]}"#,
        )
        .unwrap();
        let endpoints: Vec<String> = ["hq", "hub", "spoke", "staff"].map(String::from).to_vec();
        let by_kind = groups(&plan, &endpoints, GroupBy::Kind);
        let names: Vec<&str> = by_kind.iter().map(|g| g.name.as_str()).collect();
        assert_eq!(names, ["sites", "user groups", "VNets"]);
        assert_eq!(by_kind[2].members, [1, 2]);
        assert_eq!(by_kind[2].mask, [0b110]);
        let by_region = groups(&plan, &endpoints, GroupBy::Region);
        let names: Vec<&str> = by_region.iter().map(|g| g.name.as_str()).collect();
        assert_eq!(names, ["eastus", "westeurope", "no region"]);
        assert_eq!(group_of(&by_region, 3), Some(2));
        assert_eq!(group_of(&by_region, 9), None);
    }
}
