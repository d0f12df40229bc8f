//! The rule book's rules, sections 1 to 10: id, title and the pages each comes from.

use super::sources::*;
use super::Source;

rules! {
    R1_1 = "R1.1", "Non-transitive", [PEER_MANAGE, HUBSPOKE];
    R1_2 = "R1.2", "Address spaces of peered VNets must not overlap", [PEER_MANAGE];
    R1_3 = "R1.3", "Both directions must exist", [PEER_MANAGE];
    R1_4 = "R1.4", "Regional and global peering", [PEER_MANAGE];
    R1_5 = "R1.5", "Per-direction peering flags", [PEER_MANAGE];
    R1_6 = "R1.6", "Gateway transit works over regional and global peering",
        [PEER_MANAGE, DIFFREGION];
    R1_7 = "R1.7", "Gateway transit is not available with the Basic VPN gateway SKU", [GWTRANSIT];
    R1_8 = "R1.8", "One VPN gateway and one ER gateway per VNet (max)", [NETLIMITS, ER_GW];
    R1_9 = "R1.9", "What a spoke using the hub gateway gets", [GWTRANSIT, ER_FAQ, UDR];
    R1_10 = "R1.10", "Spokes do not reach each other through the hub by default",
        [HUBSPOKE, UDR, PEER_MANAGE_2018];
    R1_11 = "R1.11", "P2S clients and peering", [P2S_ROUTING, PEER_MANAGE, VPN_FAQ];
    R1_12 = "R1.12", "Peering wins over a VNet-to-VNet gateway connection", [PEER_MANAGE];
    R1_13 = "R1.13", "On-prem policy-based devices", [PEER_MANAGE];
    R1_14 = "R1.14", "Limits", [NETLIMITS, ER_GW];
    R1_15 = "R1.15", "Performance", [PEER_MANAGE];
    R2_1 = "R2.1", "Route selection per subnet", [UDR, RS_FAQ];
    R2_2 = "R2.2", "UDR next-hop types", [UDR, NETLIMITS];
    R2_3 = "R2.3", "Spoke↔spoke through Azure Firewall/NVA", [HUBSPOKE];
    R2_4 = "R2.4", "Spoke→on-prem through the hub gateway", [HUBSPOKE];
    R2_5 = "R2.5", "Disable gateway route propagation", [UDR, GWTRANSIT];
    R2_6 = "R2.6", "Route Server is control plane only", [RS_FAQ];
    R2_7 = "R2.7", "Route Server branch-to-branch", [RS_FAQ, RS_ERVPN];
    R2_8 = "R2.8", "Preference", [RS_FAQ];
    R2_9 = "R2.9", "No Route-Server-to-Route-Server propagation through an ER MSEE hairpin",
        [RS_FAQ];
    R2_10 = "R2.10", "Route Server limits", [RS_FAQ, RS_LIMITS];
    R3_1 = "R3.1", "Policy-based vs route-based", [VPN_SKU, VPN_FAQ];
    R3_2 = "R3.2", "P2S requires route-based", [P2S_ABOUT, VPN_FAQ];
    R3_3 = "R3.3", "BGP", [VPN_FAQ, VPN_LIMITS];
    R3_4 = "R3.4", "What the gateway advertises over BGP", [VPN_FAQ];
    R3_5 = "R3.5", "Transit across several Azure VPN gateways", [VPN_FAQ];
    R3_6 = "R3.6", "S2S↔S2S transit without BGP (static LNG prefixes only): UNCONFIRMED", [];
    R3_7 = "R3.7", "Multiple tunnels to the same site and dual-redundant active-active …",
        [VPN_FAQ, AA];
    R3_8 = "R3.8", "Active-active", [AA, VPN_FAQ];
    R3_9 = "R3.9", "VNet-to-VNet (IPsec)", [VPN_FAQ];
    R3_10 = "R3.10", "S2S ↔ ER transit is not native", [VPN_FAQ, ER_FAQ];
    R3_11 = "R3.11", "P2S → on-prem over S2S requires BGP on the S2S connection",
        [P2S_ROUTING, REMOTE_VPN, ISSUE_103212];
    R3_12 = "R3.12", "P2S → VNets behind VNet-to-VNet/S2S connections", [P2S_ROUTING];
    R3_13 = "R3.13", "P2S ↔ P2S", [VPN_FAQ];
    R3_14 = "R3.14", "P2S → on-prem over ExpressRoute (VNet-gateway model): ✗",
        [RS_FAQ, ISSUE_76117];
    R3_15 = "R3.15", "Custom routes can be pushed to P2S clients", [P2S_CUSTOM];
    R3_16 = "R3.16", "P2S route limits on the client", [VPN_FAQ, VPN_LIMITS];
    R3_17 = "R3.17", "RADIUS server on-prem must be reachable over S2S", [VPN_FAQ];
    R3_18 = "R3.18", "An IKEv2 P2S client can't connect from the same public IP as a S2S …",
        [VPN_FAQ];
    R3_19 = "R3.19", "Other VPN gateway facts", [VPN_FAQ, P2S_CUSTOM];
    R4_1 = "R4.1", "OpenVPN", [P2S_ABOUT];
    R4_2 = "R4.2", "SSTP", [P2S_ABOUT, SSTP, VPN_FAQ];
    R4_3 = "R4.3", "IKEv2", [P2S_ABOUT, VPN_FAQ];
    R4_4 = "R4.4", "Supported client OS list (2026 FAQ)", [VPN_FAQ, P2S_ABOUT];
    R4_5 = "R4.5", "Tunnel coexistence", [SSTP, VPN_FAQ];
    R4_6 = "R4.6", "Authentication × tunnel type", [P2S_ABOUT, VPN_FAQ, NETLIMITS];
    R4_7 = "R4.7", "Basic SKU P2S = SSTP only", [VPN_SKU, SSTP];
    R4_8 = "R4.8", "IPv6 for P2S only with IKEv2/OpenVPN", [P2S_ABOUT];
    R4_9 = "R4.9", "Any tunnel/auth change → regenerate and redistribute the client …",
        [VPN_FAQ, VPN_SKU, VPN_LIMITS];
    R5_1 = "R5.1", "Non-AZ VpnGw1–5 are \"slated for migration\" to AZ SKUs and …",
        [VPN_SKU, VPN_FAQ];
    R5_2 = "R5.2", "More than 100 S2S tunnels → use Virtual WAN", [VPN_SKU];
    R5_3 = "R5.3", "Other per-gateway limits", [VPN_LIMITS];
    R6_1 = "R6.1", "Private peering", [ER_FAQ, ER_PEERINGS];
    R6_2 = "R6.2", "Circuit SKU scope", [ER_FAQ, ER_LOCATIONS];
    R6_3 = "R6.3", "Bandwidth", [ER_FAQ, ER_DIRECT];
    R6_4 = "R6.4", "Route limits", [ER_LIMITS, ER_FAQ];
    R6_5 = "R6.5", "VNet links per circuit", [ER_LIMITS];
    R6_6 = "R6.6", "Circuits per VNet", [ER_LIMITS, ER_FAQ, ER_GW];
    R6_7 = "R6.7", "ER gateway SKUs", [ER_GW, ER_PERF, ER_FAQ];
    R6_8 = "R6.8", "VNets on the same circuit are one routing domain (not isolated)",
        [ER_FAQ, ER_GW, ER_VNETGUIDE];
    R6_9 = "R6.9", "Global Reach", [ER_FAQ, ER_LIMITS];
    R6_10 = "R6.10", "No ER↔ER transit without Global Reach", [VWAN_RI, RS_FAQ];
    R6_11 = "R6.11", "FastPath", [FASTPATH, ER_LIMITS, DIFFREGION];
    R6_12 = "R6.12", "ER + S2S VPN coexistence", [ER_COEX, ER_FAQ, RS_FAQ];
    R6_13 = "R6.13", "Default route over ER", [ER_FAQ];
    R6_14 = "R6.14", "ER gateway routing", [UDR, ER_FAQ];
    R7_1 = "R7.1", "Basic vs Standard", [VWAN_BASIC, VWAN_FAQ, VWAN_REMOTE];
    R7_2 = "R7.2", "Standard hubs in one virtual WAN are automatically full-mesh",
        [VWAN_FAQ, VWAN_TRANSIT];
    R7_3 = "R7.3", "Supported transit paths (Standard)", [VWAN_TRANSIT, VWAN_FAQ];
    R7_4 = "R7.4", "Branch-to-branch setting", [VWAN_FAQ, VWAN_TRANSIT, VWAN_REMOTE];
    R7_5 = "R7.5", "ER↔ER through vWAN", [VWAN_TRANSIT, VWAN_RI];
    R7_6 = "R7.6", "Routing intent", [VWAN_RI, VWAN_LIMITS];
    R7_7 = "R7.7", "Default route per connection", [VWAN_TRANSIT, VWAN_ER];
    R7_8 = "R7.8", "Hub route selection", [VWAN_HRP];
    R7_9 = "R7.9", "Limits (per hub unless stated)", [VWAN_LIMITS, VWAN_HUB, VWAN_FAQ, VWAN_ER];
    R7_10 = "R7.10", "vWAN User VPN (P2S)", [VWAN_FAQ, ISSUE_50758];
    R7_11 = "R7.11", "vWAN ExpressRoute", [VWAN_ER];
    R7_12 = "R7.12", "A spoke VNet connected to a vWAN hub can't host a Route Server", [RS_FAQ];
    R8_1 = "R8.1", "AWS over S2S VPN (documented pattern)", [AWS];
    R8_2 = "R8.2", "GCP over S2S VPN", [GCP];
    R8_3 = "R8.3", "Azure Multicloud Interconnect (preview)", [MCI];
    R8_4 = "R8.4", "Azure ↔ OCI Interconnect", [OCI_OV, OCI_CFG, OCI_ORACLE];
    R8_5 = "R8.5", "Provider-based private links to AWS/GCP through ExpressRoute …", [];
    R8_6 = "R8.6", "Transit on-prem → Azure → other cloud", [];
    R9_1 = "R9.1", "Azure Bastion", [BASTION_OV, BASTION_SKU, BASTION_IP, BASTION_REMOTE];
    R9_2 = "R9.2", "Azure Firewall", [FW_REMOTE, FW_PERF];
    R9_3 = "R9.3", "Application Gateway", [APPGW_COVID];
    R10_1 = "R10.1", "Intra-region peering", [PEER_MANAGE];
    R10_2 = "R10.2", "Inter-region P50 RTT", [LATENCY];
    R10_3 = "R10.3", "VPN", [VPN_SKU, VWAN_LIMITS];
    R10_4 = "R10.4", "ExpressRoute", [ER_FAQ, ER_VNETGUIDE];
    R10_5 = "R10.5", "Hub-transited paths add the NVA/firewall or hub router limits",
        [FW_PERF, VWAN_HUB];
    R10_6 = "R10.6", "P2S transport", [VPN_FAQ];
    S5 = "§5", "VPN Gateway SKU table", [VPN_SKU, VPN_LIMITS];
}
