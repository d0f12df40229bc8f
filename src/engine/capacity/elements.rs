//! Who connects where and what each element carries: users spread over their gateways' protocols, and the Mbps placed on every element.

use crate::engine::catalogue::Code;
use crate::engine::catalogue::Rule;
use std::collections::BTreeMap;

use super::clients::{self, Os, Refusal};
use super::{Ctx, ElementKind};
use crate::engine::model::{Auth, LinkKind, NodeKind, Plan, Protocol};

/// The share of a user's demand that goes to the internet and Microsoft 365 when the plan gives
/// none. No source gives a figure; half is the default, shown as a note.
pub const INTERNET_SHARE: f64 = 0.5;

/// Demand per user when the plan gives none, in Mbps (plan format: `mbps_per_user` default 2).
pub const MBPS_PER_USER: f64 = 2.0;

/// Users of one OS of one group on one P2S link.
#[derive(Debug, Clone)]
pub struct Assigned {
    /// The users node.
    pub users: usize,
    /// The gateway's VNet or hub.
    pub gateway: usize,
    /// Their OS.
    pub os: Os,
    /// The protocol they use, or why they cannot connect.
    pub protocol: Result<Protocol, Refusal>,
    /// How many, at surge 1 (a share of the group when it has several P2S links).
    pub count: f64,
    /// Demand per user in Mbps.
    pub mbps_per_user: f64,
    /// What the gateway (or the link) offers.
    pub offered: Vec<Protocol>,
}

/// The P2S protocols and authentication a VNet gateway or hub really offers (see
/// [`topology::usable_p2s`](crate::engine::topology::usable_p2s)).
pub fn offered(plan: &Plan, g: usize) -> Option<(Vec<Protocol>, Vec<Auth>)> {
    crate::engine::topology::usable_p2s(plan.nodes.get(g)?)
}

/// Spreads every users group over its P2S links (evenly when it has several) and each link's
/// users over the protocols by OS (see `clients`).
pub fn spread_users(ctx: &mut Ctx) -> Vec<Assigned> {
    let plan = ctx.plan;
    let mut out = Vec::new();
    for link in &plan.links {
        if link.kind != LinkKind::P2s {
            continue;
        }
        let (Some(u), Some(g)) = (ctx.at(&link.from), ctx.at(&link.to)) else {
            continue;
        };
        let node = &plan.nodes[u];
        let share = plan
            .links
            .iter()
            .filter(|k| k.kind == LinkKind::P2s && k.from == link.from)
            .count()
            .max(1) as f64;
        if share > 1.0 {
            ctx.note(
                Code::UsersSplit,
                format!(
                    "{} has {share} P2S links; its users are split evenly over them.",
                    node.id
                ),
            );
        }
        let (protocols, auth) = offered(plan, g).unwrap_or_default();
        let offered = match link.protocol {
            Some(p) if protocols.contains(&p) => vec![p],
            Some(_) => Vec::new(),
            None => protocols,
        };
        let groups = clients::by_os(node);
        if groups.is_empty() {
            ctx.note(
                Code::UsersWithoutCount,
                format!("{} gives no count or clients; it adds no load.", node.id),
            );
        }
        if groups.iter().any(|(os, _)| *os == Os::Unknown) {
            ctx.note(
                Code::UsersOsUnstated,
                format!(
                    "{}: users whose OS the plan does not give are taken to use IKEv2 or OpenVPN when offered, else SSTP.",
                    node.id
                ),
            );
        }
        if node.mbps_per_user.is_none() && !groups.is_empty() {
            ctx.note(
                Code::MbpsPerUserDefault,
                format!(
                    "{} gives no mbps_per_user; {MBPS_PER_USER} Mbps per user is used (plan format default).",
                    node.id
                ),
            );
        }
        // A split tunnel (an internet link) keeps the internet and Microsoft 365 share of the
        // demand off the VPN gateway; without one, everything crosses it.
        let split = plan
            .links
            .iter()
            .any(|l| l.kind == LinkKind::Internet && l.from == node.id);
        let share_off = if split {
            let s = node
                .internet_share
                .unwrap_or(INTERNET_SHARE)
                .clamp(0.0, 1.0);
            ctx.note(
                Code::SplitTunnelLoad,
                format!(
                    "{} breaks out to the internet directly (split tunnel): {:.0} % of its demand (internet and Microsoft 365{}) stays off the VPN gateway.",
                    node.id,
                    s * 100.0,
                    if node.internet_share.is_some() { "" } else { "; the default share, set internet_share to change it" }
                ),
            );
            s
        } else {
            0.0
        };
        for (os, n) in groups {
            out.push(Assigned {
                users: u,
                gateway: g,
                os,
                protocol: if offered.is_empty() {
                    Err(Refusal {
                        code: Code::ClientOsProtocol,
                        rule: Rule::R4_6,
                    })
                } else {
                    clients::choose(os, &offered, &auth)
                },
                count: f64::from(n) / share,
                mbps_per_user: node.mbps_per_user.unwrap_or(MBPS_PER_USER).max(0.0)
                    * (1.0 - share_off),
                offered: offered.clone(),
            });
        }
    }
    out
}

/// A direction across an element: both, or for a circuit toward or from Microsoft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Dir {
    /// Not told apart.
    All,
    /// From on-premises toward Microsoft.
    In,
    /// From Microsoft toward on-premises.
    Out,
}

/// An element that carries load.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key {
    /// Its node.
    pub node: usize,
    /// Its kind.
    pub kind: ElementKind,
    /// The link, for per-connection elements.
    pub link: Option<usize>,
    /// The direction.
    pub dir: Dir,
}

impl Key {
    /// The whole element.
    pub fn of(node: usize, kind: ElementKind) -> Key {
        Key {
            node,
            kind,
            link: None,
            dir: Dir::All,
        }
    }
}

/// Mbps that do not grow with the surge, and Mbps per unit of surge.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Load {
    /// Fixed part.
    pub base: f64,
    /// Part that grows with the surge.
    pub per_surge: f64,
}

impl Load {
    /// A flow's load.
    pub fn flow(mbps: f64, scales: bool) -> Load {
        if scales {
            Load {
                base: 0.0,
                per_surge: mbps,
            }
        } else {
            Load {
                base: mbps,
                per_surge: 0.0,
            }
        }
    }

    /// Adds another load.
    pub fn add(&mut self, other: Load) {
        self.base += other.base;
        self.per_surge += other.per_surge;
    }
}

/// The load on every element.
#[derive(Debug, Default)]
pub struct Loads {
    /// Flows on elements.
    pub map: BTreeMap<Key, Load>,
    /// Flows of a users group on its own P2S gateway, kept apart so that they are not counted
    /// on top of the group's per-user demand.
    pub users_flows: BTreeMap<(usize, Key), Load>,
}

impl Loads {
    /// The load on an element (zero when none).
    pub fn get(&self, key: Key) -> Load {
        self.map.get(&key).copied().unwrap_or_default()
    }
}

/// The element a P2S link of users lands on.
pub fn p2s_key(plan: &Plan, g: usize) -> Key {
    let hub = plan
        .nodes
        .get(g)
        .is_some_and(|n| n.kind == NodeKind::VwanHub);
    Key::of(
        g,
        if hub {
            ElementKind::VwanP2s
        } else {
            ElementKind::VpnGateway
        },
    )
}

/// Adds every group's demand to its P2S gateway: the users who can connect × Mbps per user, or
/// the group's flows through that gateway when they add up to more.
pub fn add_users(ctx: &Ctx, users: &[Assigned], loads: &mut Loads) {
    let mut demand: BTreeMap<(usize, Key), f64> = BTreeMap::new();
    for a in users.iter().filter(|a| a.protocol.is_ok()) {
        *demand
            .entry((a.users, p2s_key(ctx.plan, a.gateway)))
            .or_default() += a.count * a.mbps_per_user;
    }
    let mut keys: Vec<(usize, Key)> = demand.keys().copied().collect();
    keys.extend(loads.users_flows.keys().copied());
    keys.sort();
    keys.dedup();
    for k in keys {
        let own = demand.get(&k).copied().unwrap_or(0.0);
        let flows = loads.users_flows.get(&k).copied().unwrap_or_default();
        loads.map.entry(k.1).or_default().add(Load {
            base: flows.base,
            per_surge: own.max(flows.per_surge),
        });
    }
}
