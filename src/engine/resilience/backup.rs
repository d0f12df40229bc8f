//! ExpressRoute with an S2S VPN as its backup (coexistence, R6.12): which tunnels carry a
//! site's traffic only when ExpressRoute fails. Read once per plan ([`Backups::of`]) and applied
//! to every failure domain, so that the domains of a large plan cost a lookup each, not a scan
//! of the plan.
//!
//! Source: "Configure ExpressRoute and Site-to-Site coexisting connections"
//! (learn.microsoft.com/azure/expressroute/expressroute-howto-coexist-resource-manager): the
//! S2S VPN is a backup path for ExpressRoute; Azure prefers ExpressRoute for the same prefixes.

use std::collections::HashMap;

use super::super::model::{LinkKind, NodeKind, Plan};
use super::domains::Domain;

/// What the plan says about sites on ExpressRoute and their tunnels.
pub(super) struct Backups<'p> {
    plan: &'p Plan,
    /// The kind of each node id (the first node of an id, as [`Plan::node`] finds it).
    kinds: HashMap<&'p str, NodeKind>,
    /// The ExpressRoute private peering links (indexes) at each end.
    er_at: HashMap<&'p str, Vec<usize>>,
    /// For each link, the site of an S2S tunnel (`None` for other links).
    tunnel_site: Vec<Option<&'p str>>,
    /// The S2S tunnels (indexes) of each site.
    tunnels_of: HashMap<&'p str, Vec<usize>>,
}

impl<'p> Backups<'p> {
    /// Reads `plan` once.
    pub(super) fn of(plan: &'p Plan) -> Backups<'p> {
        let mut kinds = HashMap::with_capacity(plan.nodes.len());
        for n in &plan.nodes {
            kinds.entry(n.id.as_str()).or_insert(n.kind);
        }
        let mut er_at: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, l) in plan.links.iter().enumerate() {
            if l.kind == LinkKind::ErPrivate {
                er_at.entry(l.from.as_str()).or_default().push(i);
                if l.to != l.from {
                    er_at.entry(l.to.as_str()).or_default().push(i);
                }
            }
        }
        let is_site = |e: &str| kinds.get(e) == Some(&NodeKind::Site);
        let tunnel_site = plan
            .links
            .iter()
            .map(|l| {
                (l.kind == LinkKind::S2s)
                    .then(|| {
                        [l.from.as_str(), l.to.as_str()]
                            .into_iter()
                            .find(|e| is_site(e))
                    })
                    .flatten()
            })
            .collect::<Vec<_>>();
        let mut tunnels_of: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, site) in tunnel_site.iter().enumerate() {
            if let Some(site) = site {
                tunnels_of.entry(*site).or_default().push(i);
            }
        }
        Backups {
            plan,
            kinds,
            er_at,
            tunnel_site,
            tunnels_of,
        }
    }

    /// The site is on ExpressRoute private peering (through one of `circuits`, or any circuit
    /// when `circuits` is empty).
    fn on(&self, site: &str, circuits: &[&str]) -> bool {
        self.er_at.get(site).is_some_and(|links| {
            links.iter().any(|&j| {
                let l = &self.plan.links[j];
                circuits.is_empty()
                    || circuits.contains(&l.from.as_str())
                    || circuits.contains(&l.to.as_str())
            })
        })
    }

    /// Link `i` is an S2S tunnel of a site on ExpressRoute (through `circuits`, or any).
    fn backup(&self, i: usize, circuits: &[&str]) -> bool {
        self.tunnel_site
            .get(i)
            .copied()
            .flatten()
            .is_some_and(|s| self.on(s, circuits))
    }

    /// The site's tunnels carry its traffic only when ExpressRoute fails, whichever way the
    /// explaining search shows. A failure of ExpressRoute carries those tunnels too (or, when a
    /// second instance or link takes over, hands them to it); any other failure's tunnels of
    /// such a site carry nothing.
    pub(super) fn apply(&self, d: &mut Domain) {
        let plan = self.plan;
        let er = |k: LinkKind| matches!(k, LinkKind::ErPrivate | LinkKind::ErConnection);
        let mut circuits: Vec<&str> = Vec::new();
        let mut kind = None;
        let ers = d.carries.iter().map(|&l| (l, None));
        for (i, k) in ers.chain(d.takeover.iter().map(|&(l, k)| (l, Some(k)))) {
            let Some(l) = plan.links.get(i).filter(|l| er(l.kind)) else {
                continue;
            };
            kind = kind.or(k);
            for end in [&l.from, &l.to] {
                if self.kinds.get(end.as_str()) == Some(&NodeKind::Expressroute) {
                    circuits.push(end);
                }
            }
        }
        // The tunnels of sites on ExpressRoute carry nothing of their own.
        d.carries.retain(|&i| !self.backup(i, &[]));
        d.takeover.retain(|&(i, _)| !self.backup(i, &[]));
        if circuits.is_empty() {
            return;
        }
        // The tunnels of the sites at the other end of these circuits' private peerings.
        let mut candidates: Vec<usize> = Vec::new();
        for c in &circuits {
            for &j in self.er_at.get(c).into_iter().flatten() {
                let l = &plan.links[j];
                for end in [l.from.as_str(), l.to.as_str()] {
                    candidates.extend(self.tunnels_of.get(end).into_iter().flatten());
                }
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        for i in candidates
            .into_iter()
            .filter(|&i| self.backup(i, &circuits))
        {
            match kind {
                Some(k) => d.takeover.push((i, k)),
                None => d.carries.push(i),
            }
        }
        d.carries.sort_unstable();
        d.carries.dedup();
    }
}
