//! The Microsoft pages the rules come from: address and the date of the version read.

use super::Source;

/// `S-AA`.
pub const AA: Source = Source {
    url: "https://learn.microsoft.com/azure/vpn-gateway/about-active-active-gateways",
    date: Some("2024-07-22"),
};
/// `S-APPGW-COVID`.
pub const APPGW_COVID: Source = Source {
    url:
        "https://learn.microsoft.com/azure/application-gateway/application-gateway-covid-guidelines",
    date: Some("2020-03-21"),
};
/// `S-AWS`.
pub const AWS: Source = Source {
    url: "https://learn.microsoft.com/azure/vpn-gateway/aws-bgp",
    date: Some("2021-12-02"),
};
/// `S-BASTION-IP`.
pub const BASTION_IP: Source = Source {
    url: "https://learn.microsoft.com/azure/bastion/connect-ip-address",
    date: Some("2025-03-03"),
};
/// `S-BASTION-OV`.
pub const BASTION_OV: Source = Source {
    url: "https://learn.microsoft.com/azure/bastion/bastion-overview",
    date: Some("2020-01-31"),
};
/// `S-BASTION-REMOTE`.
pub const BASTION_REMOTE: Source = Source {
    url: "https://learn.microsoft.com/azure/bastion/work-remotely-support",
    date: Some("2025-03-31"),
};
/// `S-BASTION-SKU`.
pub const BASTION_SKU: Source = Source {
    url: "https://github.com/MicrosoftDocs/azure-docs/blob/main/includes/bastion-sku.md",
    date: Some("2023-10-10"),
};
/// `S-DIFFREGION`.
pub const DIFFREGION: Source = Source {
    url: "https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-different-region",
    date: None,
};
/// `S-ER-COEX`.
pub const ER_COEX: Source = Source {
    url:
        "https://learn.microsoft.com/azure/expressroute/expressroute-howto-coexist-resource-manager",
    date: Some("2018-06-05"),
};
/// `S-ER-DIRECT`.
pub const ER_DIRECT: Source = Source {
    url: "https://learn.microsoft.com/azure/expressroute/expressroute-erdirect-about",
    date: Some("2024-03-28"),
};
/// `S-ER-FAQ`.
pub const ER_FAQ: Source = Source {
    url: "https://learn.microsoft.com/azure/expressroute/expressroute-faqs",
    date: Some("2026-03-31"),
};
/// `S-ER-GW`.
pub const ER_GW: Source = Source {
    url:
        "https://learn.microsoft.com/azure/expressroute/expressroute-about-virtual-network-gateways",
    date: Some("2024-08-19"),
};
/// `S-ER-LIMITS`.
pub const ER_LIMITS: Source = Source {
    url: "https://github.com/MicrosoftDocs/azure-docs/blob/main/includes/expressroute-limits.md",
    date: Some("2023-10-09"),
};
/// `S-ER-LOCATIONS`.
pub const ER_LOCATIONS: Source = Source {
    url: "https://learn.microsoft.com/azure/expressroute/expressroute-locations-providers",
    date: None,
};
/// `S-ER-PEERINGS`.
pub const ER_PEERINGS: Source = Source {
    url: "https://learn.microsoft.com/azure/expressroute/expressroute-circuit-peerings",
    date: Some("2022-09-19"),
};
/// `S-ER-PERF`.
pub const ER_PERF: Source = Source {
    url: "https://github.com/MicrosoftDocs/azure-docs/blob/main/includes/expressroute-gateway-performance-include.md",
    date: Some("2024-07-09"),
};
/// `S-ER-VNETGUIDE`.
pub const ER_VNETGUIDE: Source = Source {
    url: "https://learn.microsoft.com/azure/expressroute/virtual-network-connectivity-guidance",
    date: Some("2023-06-30"),
};
/// `S-FASTPATH`.
pub const FASTPATH: Source = Source {
    url: "https://learn.microsoft.com/azure/expressroute/about-fastpath",
    date: None,
};
/// `S-FW-PERF`.
pub const FW_PERF: Source = Source {
    url: "https://learn.microsoft.com/azure/firewall/firewall-performance",
    date: Some("2026-03-28"),
};
/// `S-FW-REMOTE`.
pub const FW_REMOTE: Source = Source {
    url: "https://learn.microsoft.com/azure/firewall/remote-work-support",
    date: Some("2020-05-04"),
};
/// `S-GCP`.
pub const GCP: Source = Source {
    url: "https://github.com/GoogleCloudPlatform/professional-services",
    date: None,
};
/// `S-GWTRANSIT`.
pub const GWTRANSIT: Source = Source {
    url: "https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-peering-gateway-transit",
    date: None,
};
/// `S-HUBSPOKE`.
pub const HUBSPOKE: Source = Source {
    url: "https://learn.microsoft.com/azure/architecture/networking/architecture/hub-spoke",
    date: None,
};
/// `S-ISSUE-103212`.
pub const ISSUE_103212: Source = Source {
    url: "https://github.com/MicrosoftDocs/azure-docs/issues/103212",
    date: None,
};
/// `S-ISSUE-50758`.
pub const ISSUE_50758: Source = Source {
    url: "https://github.com/MicrosoftDocs/azure-docs/issues/50758",
    date: None,
};
/// `S-ISSUE-76117`.
pub const ISSUE_76117: Source = Source {
    url: "https://github.com/MicrosoftDocs/azure-docs/issues/76117",
    date: None,
};
/// `S-LATENCY`.
pub const LATENCY: Source = Source {
    url: "https://learn.microsoft.com/azure/networking/azure-network-latency",
    date: Some("2024-04-10"),
};
/// `S-MCI`.
pub const MCI: Source = Source {
    url: "https://learn.microsoft.com/azure/multicloud-interconnect/availability-limits",
    date: None,
};
/// `S-NETLIMITS`.
pub const NETLIMITS: Source = Source {
    url: "https://github.com/MicrosoftDocs/azure-docs/blob/main/includes/azure-virtual-network-limits.md",
    date: Some("2022-12-05"),
};
/// `S-OCI-CFG`.
pub const OCI_CFG: Source = Source {
    url: "https://learn.microsoft.com/azure/virtual-machines/workloads/oracle/configure-azure-oci-networking",
    date: None,
};
/// `S-OCI-ORACLE`.
pub const OCI_ORACLE: Source = Source {
    url: "https://docs.oracle.com/iaas/Content/Network/Concepts/azure.htm",
    date: None,
};
/// `S-OCI-OV`.
pub const OCI_OV: Source = Source {
    url: "https://learn.microsoft.com/azure/virtual-machines/workloads/oracle/oracle-oci-overview",
    date: Some("2023-04-11"),
};
/// `S-P2S-ABOUT`.
pub const P2S_ABOUT: Source = Source {
    url: "https://learn.microsoft.com/azure/vpn-gateway/point-to-site-about",
    date: Some("2026-08-17"),
};
/// `S-P2S-CUSTOM`.
pub const P2S_CUSTOM: Source = Source {
    url: "https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-p2s-advertise-custom-routes",
    date: Some("2021-04-29"),
};
/// `S-P2S-ROUTING`.
pub const P2S_ROUTING: Source = Source {
    url: "https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-about-point-to-site-routing",
    date: Some("2023-07-28"),
};
/// `S-PEER-MANAGE`.
pub const PEER_MANAGE: Source = Source {
    url: "https://learn.microsoft.com/azure/virtual-network/virtual-network-manage-peering",
    date: Some("2025-05-08"),
};
/// `S-PEER-MANAGE-2018`.
pub const PEER_MANAGE_2018: Source = Source {
    url: "https://learn.microsoft.com/azure/virtual-network/virtual-network-manage-peering",
    date: Some("2018-02-09"),
};
/// `S-REMOTE-VPN`.
pub const REMOTE_VPN: Source = Source {
    url: "https://learn.microsoft.com/azure/vpn-gateway/work-remotely-support",
    date: Some("2024-03-12"),
};
/// `S-RS-ERVPN`.
pub const RS_ERVPN: Source = Source {
    url: "https://learn.microsoft.com/azure/route-server/expressroute-vpn-support",
    date: Some("2021-10-01"),
};
/// `S-RS-FAQ`.
pub const RS_FAQ: Source = Source {
    url: "https://learn.microsoft.com/azure/route-server/route-server-faq",
    date: Some("2025-09-17"),
};
/// `S-RS-LIMITS`.
pub const RS_LIMITS: Source = Source {
    url: "https://github.com/MicrosoftDocs/azure-docs/blob/main/includes/route-server-limits.md",
    date: Some("2023-06-30"),
};
/// `S-SSTP`.
pub const SSTP: Source = Source {
    url: "https://learn.microsoft.com/azure/vpn-gateway/ikev2-openvpn-from-sstp",
    date: Some("2020-09-03"),
};
/// `S-UDR`.
pub const UDR: Source = Source {
    url: "https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview",
    date: None,
};
/// `S-VPN-FAQ`.
pub const VPN_FAQ: Source = Source {
    url: "https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-vpn-faq",
    date: Some("2026-06-04"),
};
/// `S-VPN-LIMITS`.
pub const VPN_LIMITS: Source = Source {
    url: "https://learn.microsoft.com/azure/azure-resource-manager/management/azure-subscription-service-limits",
    date: Some("2024-01-04"),
};
/// `S-VPN-SKU`.
pub const VPN_SKU: Source = Source {
    url: "https://learn.microsoft.com/azure/vpn-gateway/about-gateway-skus",
    date: Some("2026-06-11"),
};
/// `S-VWAN-BASIC`.
pub const VWAN_BASIC: Source = Source {
    url: "https://github.com/MicrosoftDocs/azure-docs/blob/main/includes/virtual-wan-standard-basic-include.md",
    date: Some("2023-07-28"),
};
/// `S-VWAN-ER`.
pub const VWAN_ER: Source = Source {
    url: "https://learn.microsoft.com/azure/virtual-wan/virtual-wan-expressroute-about",
    date: Some("2025-03-26"),
};
/// `S-VWAN-FAQ`.
pub const VWAN_FAQ: Source = Source {
    url: "https://learn.microsoft.com/azure/virtual-wan/virtual-wan-faq",
    date: Some("2022-10-13"),
};
/// `S-VWAN-HRP`.
pub const VWAN_HRP: Source = Source {
    url: "https://learn.microsoft.com/azure/virtual-wan/about-virtual-hub-routing-preference",
    date: Some("2022-05-31"),
};
/// `S-VWAN-HUB`.
pub const VWAN_HUB: Source = Source {
    url: "https://learn.microsoft.com/azure/virtual-wan/hub-settings",
    date: Some("2023-08-24"),
};
/// `S-VWAN-LIMITS`.
pub const VWAN_LIMITS: Source = Source {
    url: "https://github.com/MicrosoftDocs/azure-docs/blob/main/includes/virtual-wan-limits.md",
    date: Some("2025-04-07"),
};
/// `S-VWAN-REMOTE`.
pub const VWAN_REMOTE: Source = Source {
    url: "https://learn.microsoft.com/azure/virtual-wan/work-remotely-support",
    date: Some("2023-02-03"),
};
/// `S-VWAN-RI`.
pub const VWAN_RI: Source = Source {
    url: "https://learn.microsoft.com/azure/virtual-wan/how-to-routing-policies",
    date: Some("2023-02-13"),
};
/// `S-VWAN-TRANSIT`.
pub const VWAN_TRANSIT: Source = Source {
    url: "https://learn.microsoft.com/azure/virtual-wan/virtual-wan-global-transit-network-architecture",
    date: Some("2023-09-25"),
};
