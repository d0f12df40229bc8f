//! The azurerm resource types the import reads, each with its ARM type, the values its name is
//! made of and where its settings go in ARM's shape (from the azurerm provider's resource
//! pages and the ARM reference of each type).

/// An azurerm type: the ARM type, the values its name is made of, and (ARM path, Terraform
/// path) pairs; a Terraform path ending in `_id` is a reference.
pub(super) type Mapping = (
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [(&'static str, &'static str)],
);

pub(super) const TYPES: &[Mapping] = &[
    (
        "azurerm_virtual_network",
        "Microsoft.Network/virtualNetworks",
        &["name"],
        &[("properties/addressSpace/addressPrefixes", "address_space")],
    ),
    (
        "azurerm_subnet",
        "Microsoft.Network/virtualNetworks/subnets",
        &["virtual_network_name", "name"],
        &[],
    ),
    (
        "azurerm_virtual_network_peering",
        "Microsoft.Network/virtualNetworks/virtualNetworkPeerings",
        &["virtual_network_name", "name"],
        &[
            (
                "properties/remoteVirtualNetwork/id",
                "remote_virtual_network_id",
            ),
            (
                "properties/allowVirtualNetworkAccess",
                "allow_virtual_network_access",
            ),
            (
                "properties/allowForwardedTraffic",
                "allow_forwarded_traffic",
            ),
            ("properties/allowGatewayTransit", "allow_gateway_transit"),
            ("properties/useRemoteGateways", "use_remote_gateways"),
        ],
    ),
    (
        "azurerm_virtual_network_gateway",
        "Microsoft.Network/virtualNetworkGateways",
        &["name"],
        &[
            ("properties/gatewayType", "type"),
            ("properties/vpnType", "vpn_type"),
            ("properties/sku/name", "sku"),
            ("properties/vpnGatewayGeneration", "generation"),
            ("properties/activeActive", "active_active"),
            ("properties/enableBgp", "enable_bgp"),
            ("properties/bgpSettings/asn", "bgp_settings/0/asn"),
            (
                "properties/ipConfigurations/0/properties/subnet/id",
                "ip_configuration/0/subnet_id",
            ),
            (
                "properties/vpnClientConfiguration/vpnClientAddressPool/addressPrefixes",
                "vpn_client_configuration/0/address_space",
            ),
            (
                "properties/vpnClientConfiguration/vpnClientProtocols",
                "vpn_client_configuration/0/vpn_client_protocols",
            ),
            (
                "properties/vpnClientConfiguration/vpnAuthenticationTypes",
                "vpn_client_configuration/0/vpn_auth_types",
            ),
            (
                "properties/vpnClientConfiguration/vpnClientRootCertificates",
                "vpn_client_configuration/0/root_certificate",
            ),
            (
                "properties/vpnClientConfiguration/aadTenant",
                "vpn_client_configuration/0/aad_tenant",
            ),
            (
                "properties/vpnClientConfiguration/radiusServerAddress",
                "vpn_client_configuration/0/radius_server_address",
            ),
        ],
    ),
    (
        "azurerm_local_network_gateway",
        "Microsoft.Network/localNetworkGateways",
        &["name"],
        &[
            (
                "properties/localNetworkAddressSpace/addressPrefixes",
                "address_space",
            ),
            ("properties/gatewayIpAddress", "gateway_address"),
            ("properties/bgpSettings/asn", "bgp_settings/0/asn"),
        ],
    ),
    (
        "azurerm_virtual_network_gateway_connection",
        "Microsoft.Network/connections",
        &["name"],
        &[
            ("properties/connectionType", "type"),
            (
                "properties/virtualNetworkGateway1/id",
                "virtual_network_gateway_id",
            ),
            (
                "properties/localNetworkGateway2/id",
                "local_network_gateway_id",
            ),
            (
                "properties/virtualNetworkGateway2/id",
                "peer_virtual_network_gateway_id",
            ),
            ("properties/peer/id", "express_route_circuit_id"),
            ("properties/enableBgp", "enable_bgp"),
            (
                "properties/usePolicyBasedTrafficSelectors",
                "use_policy_based_traffic_selectors",
            ),
        ],
    ),
    (
        "azurerm_express_route_circuit",
        "Microsoft.Network/expressRouteCircuits",
        &["name"],
        &[
            ("sku/tier", "sku/0/tier"),
            ("sku/family", "sku/0/family"),
            (
                "properties/serviceProviderProperties/serviceProviderName",
                "service_provider_name",
            ),
            (
                "properties/serviceProviderProperties/peeringLocation",
                "peering_location",
            ),
            (
                "properties/serviceProviderProperties/bandwidthInMbps",
                "bandwidth_in_mbps",
            ),
            ("properties/expressRoutePort/id", "express_route_port_id"),
        ],
    ),
    (
        "azurerm_express_route_circuit_peering",
        "Microsoft.Network/expressRouteCircuits/peerings",
        &["express_route_circuit_name", "peering_type"],
        &[("properties/peeringType", "peering_type")],
    ),
    (
        "azurerm_firewall",
        "Microsoft.Network/azureFirewalls",
        &["name"],
        &[
            ("properties/sku/tier", "sku_tier"),
            (
                "properties/ipConfigurations/0/properties/subnet/id",
                "ip_configuration/0/subnet_id",
            ),
            ("properties/virtualHub/id", "virtual_hub/0/virtual_hub_id"),
        ],
    ),
    (
        "azurerm_bastion_host",
        "Microsoft.Network/bastionHosts",
        &["name"],
        &[
            ("sku/name", "sku"),
            (
                "properties/ipConfigurations/0/properties/subnet/id",
                "ip_configuration/0/subnet_id",
            ),
        ],
    ),
    (
        "azurerm_virtual_wan",
        "Microsoft.Network/virtualWans",
        &["name"],
        &[
            ("properties/type", "type"),
            (
                "properties/allowBranchToBranchTraffic",
                "allow_branch_to_branch_traffic",
            ),
        ],
    ),
    (
        "azurerm_virtual_hub",
        "Microsoft.Network/virtualHubs",
        &["name"],
        &[
            ("properties/addressPrefix", "address_prefix"),
            ("properties/virtualWan/id", "virtual_wan_id"),
        ],
    ),
    (
        "azurerm_virtual_hub_connection",
        "Microsoft.Network/virtualHubs/hubVirtualNetworkConnections",
        &["virtual_hub_id", "name"],
        &[(
            "properties/remoteVirtualNetwork/id",
            "remote_virtual_network_id",
        )],
    ),
    (
        "azurerm_vpn_gateway",
        "Microsoft.Network/vpnGateways",
        &["name"],
        &[
            ("properties/virtualHub/id", "virtual_hub_id"),
            ("properties/vpnGatewayScaleUnit", "scale_unit"),
        ],
    ),
    (
        "azurerm_vpn_site",
        "Microsoft.Network/vpnSites",
        &["name"],
        &[
            ("properties/addressSpace/addressPrefixes", "address_cidrs"),
            ("properties/bgpProperties/asn", "link/0/bgp/0/asn"),
        ],
    ),
    (
        "azurerm_vpn_gateway_connection",
        "Microsoft.Network/vpnGateways/vpnConnections",
        &["vpn_gateway_id", "name"],
        &[
            ("properties/remoteVpnSite/id", "remote_vpn_site_id"),
            ("properties/enableBgp", "vpn_link/0/bgp_enabled"),
        ],
    ),
    (
        "azurerm_express_route_gateway",
        "Microsoft.Network/expressRouteGateways",
        &["name"],
        &[
            ("properties/virtualHub/id", "virtual_hub_id"),
            (
                "properties/autoScaleConfiguration/bounds/min",
                "scale_units",
            ),
            (
                "properties/allowNonVirtualWanTraffic",
                "allow_non_virtual_wan_traffic",
            ),
        ],
    ),
    (
        "azurerm_express_route_connection",
        "Microsoft.Network/expressRouteGateways/expressRouteConnections",
        &["express_route_gateway_id", "name"],
        &[(
            "properties/expressRouteCircuitPeering/id",
            "express_route_circuit_peering_id",
        )],
    ),
    (
        "azurerm_virtual_hub_routing_intent",
        "Microsoft.Network/virtualHubs/routingIntent",
        &["virtual_hub_id", "name"],
        &[
            (
                "properties/routingPolicies/0/destinations",
                "routing_policy/0/destinations",
            ),
            (
                "properties/routingPolicies/1/destinations",
                "routing_policy/1/destinations",
            ),
        ],
    ),
];
