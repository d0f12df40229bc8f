//! How the diagram draws things: colours, line styles and icons by kind, as SVG presentation
//! attributes so that an exported diagram looks the same without the page's stylesheet.

use yew::prelude::*;

use crate::engine::model::{LinkKind, Node, NodeKind};

/// A line style: colour, width and dash pattern.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke {
    /// Colour.
    pub color: &'static str,
    /// Width in diagram units.
    pub width: f64,
    /// SVG dash pattern, empty for a solid line.
    pub dash: &'static str,
}

/// The line style of a link kind.
pub fn link_stroke(kind: LinkKind) -> Stroke {
    let s = |color, width, dash| Stroke { color, width, dash };
    match kind {
        LinkKind::Peering => s("#2e7d32", 3.0, ""),
        LinkKind::S2s => s("#1565c0", 2.5, "9 5"),
        LinkKind::P2s => s("#00838f", 2.5, "2 5"),
        LinkKind::ErPrivate => s("#6a1b9a", 4.0, ""),
        LinkKind::ErConnection => s("#6a1b9a", 3.0, ""),
        LinkKind::ErMicrosoft => s("#6a1b9a", 2.5, "2 5"),
        LinkKind::GlobalReach => s("#ad1457", 3.0, "12 4 2 4"),
        LinkKind::VwanConnection => s("#ef6c00", 3.0, ""),
        LinkKind::Bastion | LinkKind::AppGateway | LinkKind::VirtualDesktop => {
            s("#546e7a", 2.0, "6 4")
        }
        LinkKind::Internet => s("#78909c", 1.5, "2 3"),
    }
}

/// The line style of the automatic mesh between Standard Virtual WAN hubs.
pub const MESH: Stroke = Stroke {
    color: "#ef6c00",
    width: 2.0,
    dash: "4 4",
};

/// The accent colour of a node.
pub fn node_color(node: &Node) -> &'static str {
    match node.kind {
        NodeKind::Site => "#6d4c41",
        NodeKind::Users => "#00838f",
        NodeKind::Vnet => "#1565c0",
        NodeKind::VwanHub => "#ef6c00",
        NodeKind::Expressroute => "#6a1b9a",
        NodeKind::Cloud => match node.provider.as_deref() {
            Some("aws") => "#b26a00",
            Some("oci") => "#c74634",
            Some("gcp") => "#3367d6",
            _ => "#455a64",
        },
        NodeKind::Microsoft => "#0067b8",
        NodeKind::Internet => "#607d8b",
    }
}

/// A white icon for a node kind, drawn in a 24 × 24 box at the origin.
pub fn icon(kind: NodeKind) -> Html {
    let w = "#ffffff";
    match kind {
        NodeKind::Site => html! {
            <path fill={w} d="M5 21V7l7-4 7 4v14h-5v-4h-4v4zm4-11h2V8H9zm4 0h2V8h-2zm-4 4h2v-2H9zm4 0h2v-2h-2z" />
        },
        NodeKind::Users => html! {
            <g fill={w}>
                <circle cx="9" cy="8" r="3.2" />
                <path d="M2.5 19c0-3.6 3-5.6 6.5-5.6s6.5 2 6.5 5.6z" />
                <circle cx="16.5" cy="9" r="2.6" />
                <path d="M16.8 13.2c2.9 0 5 1.7 5 4.8h-4.8c0-1.9-.6-3.5-1.8-4.6z" />
            </g>
        },
        NodeKind::Vnet => html! {
            <g fill="none" stroke={w} stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round">
                <path d="M7 5l-5 7 5 7M17 5l5 7-5 7" />
                <circle cx="8.5" cy="12" r="0.9" fill={w} />
                <circle cx="12" cy="12" r="0.9" fill={w} />
                <circle cx="15.5" cy="12" r="0.9" fill={w} />
            </g>
        },
        NodeKind::VwanHub => html! {
            <g fill={w} stroke={w} stroke-width="1.8">
                <circle cx="12" cy="12" r="3.5" />
                <path d="M12 8.5V3M12 15.5V21M8.5 12H3M15.5 12H21" />
                <circle cx="12" cy="3" r="1.8" />
                <circle cx="12" cy="21" r="1.8" />
                <circle cx="3" cy="12" r="1.8" />
                <circle cx="21" cy="12" r="1.8" />
            </g>
        },
        NodeKind::Expressroute => html! {
            <path fill={w} d="M13.5 2L5 13.5h6L9.5 22 19 9.5h-6.2z" />
        },
        NodeKind::Cloud => html! {
            <path fill={w} d="M7 19h10.5a4.5 4.5 0 0 0 .6-8.96A6.5 6.5 0 0 0 5.6 11.2 4 4 0 0 0 7 19z" />
        },
        NodeKind::Microsoft => html! {
            <g fill={w}>
                <rect x="3" y="3" width="8.5" height="8.5" />
                <rect x="12.5" y="3" width="8.5" height="8.5" />
                <rect x="3" y="12.5" width="8.5" height="8.5" />
                <rect x="12.5" y="12.5" width="8.5" height="8.5" />
            </g>
        },
        NodeKind::Internet => html! {
            <g fill="none" stroke={w} stroke-width="1.8">
                <circle cx="12" cy="12" r="9" />
                <ellipse cx="12" cy="12" rx="4" ry="9" />
                <path d="M3 12h18M5 7h14M5 17h14" />
            </g>
        },
    }
}

/// A short description of a node under its label: kind, region, what it has.
pub fn subtitle(node: &Node) -> String {
    let mut parts: Vec<String> = Vec::new();
    parts.push(
        match node.kind {
            NodeKind::Site => "site",
            NodeKind::Users => "users",
            NodeKind::Vnet => "VNet",
            NodeKind::VwanHub => "vWAN hub",
            NodeKind::Expressroute => "circuit",
            NodeKind::Cloud => match node.provider.as_deref() {
                Some("aws") => "AWS",
                Some("oci") => "Oracle OCI",
                Some("gcp") => "Google Cloud",
                _ => "cloud",
            },
            NodeKind::Microsoft => "Microsoft",
            NodeKind::Internet => "internet",
        }
        .to_string(),
    );
    if node.vpn_gateway.is_some() {
        parts.push("VPN gw".into());
    }
    if node.er_gateway.is_some() {
        parts.push("ER gw".into());
    }
    if node.firewall.is_some() {
        parts.push("firewall".into());
    }
    if node.route_server.is_some() {
        parts.push("RS".into());
    }
    if let Some(count) = node.count {
        parts.push(format!("{count} people"));
    }
    if let Some(loc) = &node.location {
        parts.push(loc.clone());
    }
    parts.join(" · ")
}

/// A small sample of a line style, for the legend.
pub fn stroke_sample(stroke: Stroke) -> Html {
    html! {
        <svg class="sample" width="40" height="10" viewBox="0 0 40 10" aria-hidden="true">
            <line x1="2" y1="5" x2="38" y2="5" stroke={stroke.color}
                stroke-width={stroke.width.to_string()} stroke-dasharray={stroke.dash} />
        </svg>
    }
}
