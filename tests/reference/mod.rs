//! The reference: a second, deliberately plain reading of the rule book, to test the engine
//! against. It shares the plan types, `read_plan` and the geography tables with the engine and
//! no decision code: which links carry traffic (`net`) and what each node forwards (`routes`)
//! are written here again, from the rules, in another shape (route propagation per destination
//! instead of the engine's search over (node, arrival) states).
//!
//! It answers one question per ordered pair of endpoints: does traffic go and come back.
//! It is slow (one propagation per destination) and meant for plans of tens of nodes.

pub mod net;
pub mod routes;

use reachplan::engine::model::{NodeKind, Plan};

use net::{Kind, RefNet};

/// One pair's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    /// Traffic goes and comes back (or goes, to a public endpoint).
    pub reachable: bool,
    /// Traffic goes, but nothing comes back.
    pub one_way: bool,
}

/// The reference's answers for a plan.
pub struct Reference<'p> {
    net: RefNet<'p>,
    /// learns[d][s]: node s learns a route to endpoint d.
    learns: Vec<Vec<bool>>,
}

impl<'p> Reference<'p> {
    pub fn new(plan: &'p Plan) -> Reference<'p> {
        let net = RefNet::new(plan);
        let learns = (0..plan.nodes.len())
            .map(|d| {
                if plan.nodes[d].kind.is_endpoint() {
                    routes::learners(&net, d)
                } else {
                    Vec::new()
                }
            })
            .collect();
        Reference { net, learns }
    }

    fn index(&self, id: &str) -> Option<usize> {
        self.net.plan.nodes.iter().position(|n| n.id == id)
    }

    /// The answer for the pair `from` → `to` (endpoint ids), or `None` for unknown ids.
    pub fn verdict(&self, from: &str, to: &str) -> Option<Verdict> {
        let (a, b) = (self.index(from)?, self.index(to)?);
        let kind = |n: usize| self.net.node(n).kind;
        // Who opens the connection: the rule book decides no rule for it, so this follows the
        // plan format's assumption ("Who opens the connection"): the internet opens connections
        // to Microsoft's public services only, and Microsoft's services none into a VNet or a
        // user group; publishing an app to the internet is limited access (R9.3, not a route).
        let closed = match kind(a) {
            NodeKind::Internet => kind(b) != NodeKind::Microsoft,
            NodeKind::Microsoft => matches!(kind(b), NodeKind::Vnet | NodeKind::Users),
            _ => false,
        };
        if closed {
            return Some(Verdict {
                reachable: false,
                one_way: false,
            });
        }
        let there = self.learns[b].get(a).copied().unwrap_or(false);
        let back = self.learns[a].get(b).copied().unwrap_or(false);
        // Public services answer over the connection that reached them.
        let public = matches!(kind(b), NodeKind::Internet | NodeKind::Microsoft);
        let goes_back = back || public;
        let private = !public && kind(a) != NodeKind::Microsoft;
        let clash = there && goes_back && private && self.overlap(a, b);
        Some(Verdict {
            // R2.1: with overlapping addresses, the nearer route wins; nothing is promised.
            reachable: there && goes_back && !clash,
            one_way: there && !goes_back,
        })
    }

    /// The two endpoints use overlapping addresses: address spaces, and for users the P2S pools
    /// of the gateways and hubs they connect to (users of one gateway share its pool). Public
    /// endpoints are left out by the caller: they are reached over the internet or the Azure
    /// backbone, not through the private routing that R2.1 is about.
    fn overlap(&self, a: usize, b: usize) -> bool {
        let (pa, pb) = (self.addresses(a), self.addresses(b));
        pa.iter().any(|(p, oa)| {
            pb.iter()
                .any(|(q, ob)| oa != ob && (p.contains(&q.network()) || q.contains(&p.network())))
        })
    }

    /// A default route (`0.0.0.0/0`, `::/0`) is not an address range: longest-prefix match
    /// keeps every more specific route (R2.1), so it overlaps nothing.
    fn addresses(&self, n: usize) -> Vec<(ipnet::IpNet, usize)> {
        let node = self.net.node(n);
        if node.kind != NodeKind::Users {
            let own = node.prefixes().filter(|p| p.prefix_len() > 0);
            return own.map(|p| (p.trunc(), n)).collect();
        }
        let mut out = Vec::new();
        for &(e, g) in &self.net.adj[n] {
            if self.net.edges[e].kind != Kind::P2s {
                continue;
            }
            let gw = self.net.node(g);
            let pool = gw
                .vpn_gateway
                .as_ref()
                .and_then(|v| v.p2s.as_ref())
                .or(gw.p2s.as_ref());
            out.extend(
                pool.iter()
                    .flat_map(|p| p.address_pool.iter())
                    .map(|c| (c.0.trunc(), g)),
            );
        }
        out
    }
}
