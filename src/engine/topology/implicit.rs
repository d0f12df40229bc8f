//! Connections the plan implies (hub mesh, Azure backbone) and the Global Reach it could add.

use super::*;
use crate::engine::catalogue::{Code, Rule};

impl Net {
    /// Connections the plan implies: hub mesh, Azure backbone to Microsoft and the internet.
    pub(super) fn add_implicit(&mut self) {
        let nodes = &self.plan.nodes;
        let hubs: Vec<usize> = (0..nodes.len())
            .filter(|&n| nodes[n].kind == NodeKind::VwanHub)
            .collect();
        for (i, &h1) in hubs.iter().enumerate() {
            for &h2 in &hubs[i + 1..] {
                let (f1, f2) = (self.hubs[h1], self.hubs[h2]);
                if f1.wan.is_none() || f1.wan != f2.wan {
                    continue;
                }
                let mut conn = Conn::new(ConnKind::Mesh, h1, h2, None);
                if !f1.standard {
                    conn.refused = Some(Block::new(
                        Rule::R7_1,
                        Code::BasicVwanMesh,
                        format!(
                            "Hubs {} and {} are in a Basic virtual WAN, whose hubs are not meshed.",
                            nodes[h1].id, nodes[h2].id
                        ),
                        Some(
                            "Upgrade the virtual WAN to Standard (hubs then form a full mesh)."
                                .to_string(),
                        ),
                    ));
                }
                self.conns.push(conn);
            }
        }
        let public: Vec<usize> = (0..nodes.len())
            .filter(|&n| matches!(nodes[n].kind, NodeKind::Microsoft | NodeKind::Internet))
            .collect();
        for &p in &public {
            for (v, node) in nodes.iter().enumerate() {
                if node.kind == NodeKind::Vnet {
                    self.conns.push(Conn::new(ConnKind::Backbone, v, p, None));
                }
            }
            // A Standard hub with a firewall and routing intent for internet traffic sends the
            // internet-bound traffic of its connections out through that firewall (R7.6).
            // Routing intent that Azure does not configure (no firewall in the hub, or a Basic
            // hub) carries nothing: the connection is there, refused with the finding's rule.
            for (h, node) in nodes.iter().enumerate() {
                let intent = node.routing_intent.is_some_and(|r| r.internet);
                if node.kind != NodeKind::VwanHub || !intent {
                    continue;
                }
                let mut conn = Conn::new(ConnKind::Backbone, h, p, None);
                let id = &node.id;
                if !self.hubs[h].standard {
                    conn.refused = Some(Block::new(Rule::R7_1, Code::BasicVwanFirewall,
                        format!("{id}: Azure Firewall and routing intent need a Standard Virtual WAN hub, so {id} sends no internet traffic through a firewall."),
                        Some("Upgrade the virtual WAN to Standard.".to_string())));
                } else if node.firewall.is_none() {
                    conn.refused = Some(Block::new(Rule::R7_6, Code::RoutingIntentWithoutFirewall,
                        format!("{id}: routing intent needs a next hop in the hub (Azure Firewall, or a supported NVA or SaaS solution), and the hub has no firewall; Azure does not configure it, so no traffic follows it."),
                        Some(format!("Add a firewall to hub {id}."))));
                }
                self.conns.push(conn);
            }
            if nodes[p].kind == NodeKind::Internet {
                for &m in &public {
                    if nodes[m].kind == NodeKind::Microsoft {
                        self.conns.push(Conn::new(ConnKind::Backbone, p, m, None));
                    }
                }
            }
        }
        let mut vnet_links: HashMap<usize, Vec<usize>> = HashMap::new();
        for (c, conn) in self.conns.iter().enumerate() {
            // Connections Azure does not create do not count against the limit.
            let link = conn.is(LinkKind::ErConnection) || conn.is(LinkKind::GlobalReach);
            if link && conn.refused.is_none() {
                vnet_links.entry(conn.a).or_default().push(c);
                if conn.is(LinkKind::GlobalReach) {
                    vnet_links.entry(conn.b).or_default().push(c);
                }
            }
        }
        let mut circuits: Vec<_> = vnet_links.into_iter().collect();
        crate::engine::order::sort(&mut circuits);
        for (c, list) in circuits {
            let node = self.node(c);
            if node.kind != NodeKind::Expressroute {
                continue;
            }
            let limit = limits::vnet_links_per_circuit(
                node.sku.unwrap_or(ErSku::Standard),
                node.bandwidth_mbps,
            );
            if list.len() > limit {
                let links: Vec<usize> = list.iter().filter_map(|&x| self.conns[x].link).collect();
                let message = format!("Circuit {} has {} VNet links and Global Reach connections; a {} circuit takes {limit}, so the ones after the first {limit} are not created.", node.id, list.len(), node.sku.unwrap_or(ErSku::Standard).as_str());
                let fix = format!("Make circuit {} Premium (more VNet links), or link some VNets to another circuit.", node.id);
                let block = Block::new(
                    Rule::R6_5,
                    Code::CircuitLinkLimit,
                    message.clone(),
                    Some(fix),
                );
                self.find(
                    Severity::Error,
                    block.code,
                    Some(block.rule),
                    message,
                    &[c],
                    &links,
                );
                self.refuse_all(&list[limit..], &block);
            }
        }
        self.refuse_implied_of_refused_networks();
    }

    /// Global Reach that the plan could add between two circuits, as refused candidates.
    pub(super) fn add_candidates(&mut self) {
        let circuits: Vec<usize> = (0..self.plan.nodes.len())
            .filter(|&n| self.node(n).kind == NodeKind::Expressroute)
            .collect();
        let reach: std::collections::HashSet<(usize, usize)> = self
            .conns
            .iter()
            .filter(|c| c.is(LinkKind::GlobalReach))
            .map(|c| (c.a.min(c.b), c.a.max(c.b)))
            .collect();
        for (i, &a) in circuits.iter().enumerate() {
            for &b in &circuits[i + 1..] {
                let exists = reach.contains(&(a.min(b), a.max(b)));
                // What must change before Global Reach works, and whether an edit does it all.
                let (first, before, mechanical) = match self.global_reach_check(a, b) {
                    _ if exists => continue,
                    Err(block) if block.code == Code::GlobalReachSameLocation => continue,
                    Err(block) => (
                        block
                            .fix
                            .map(|f| format!("{f} Then add"))
                            .unwrap_or_else(|| "Add".into()),
                        block.edit.clone(),
                        block.edit.is_some(),
                    ),
                    Ok(_) => ("Add".to_string(), None, true),
                };
                let (ia, ib) = (self.id(a), self.id(b));
                let mut edits: Vec<Edit> = before.into_iter().collect();
                edits.push(Edit::AddLink {
                    kind: LinkKind::GlobalReach,
                    from: ia.to_string(),
                    to: ib.to_string(),
                    flags: Vec::new(),
                });
                let mut conn = Conn::new(ConnKind::Link(LinkKind::GlobalReach), a, b, None);
                conn.candidate = true;
                conn.refused = Some(Block::new(Rule::R6_10, Code::NoGlobalReach,
                    format!("Networks behind circuits {ia} and {ib} reach each other only through Global Reach between the two circuits, and there is none (routes learned from one circuit are not advertised to another)."),
                    Some(format!("{first} Global Reach between circuits {ia} and {ib}.")))
                    .with_edit(mechanical.then(|| if edits.len() == 1 { edits.remove(0) } else { Edit::All { edits } })));
                self.conns.push(conn);
            }
        }
    }
}
