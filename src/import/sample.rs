//! A Resource Graph dump of any size, for the import bench and tests: hubs with VPN and
//! ExpressRoute gateways, a firewall and a circuit; branches on S2S; spokes peered both ways
//! with a route table to the hub's firewall; and the NICs the import skips. Deterministic.

use std::fmt::Write as _;

const SUB: &str = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/net/\
                   providers/Microsoft.Network";

/// A `{"data": [...]}` document of at least `resources` top-level resources.
pub fn resource_graph(resources: usize) -> String {
    let mut items: Vec<String> = Vec::new();
    let mut hub = 0;
    while items.len() < resources {
        hub_items(hub, &mut items);
        hub += 1;
    }
    format!("{{\"data\": [\n{}\n]}}\n", items.join(",\n"))
}

fn hub_items(h: usize, items: &mut Vec<String>) {
    let hub = format!("hub{h}");
    let (a, b) = (10 + h / 200, h % 200);
    let mut peerings = String::new();
    let spokes = 30;
    for s in 0..spokes {
        let _ = write!(
            peerings,
            "{}{{\"id\": \"{SUB}/virtualNetworks/{hub}/virtualNetworkPeerings/to-s{s}\", \
             \"name\": \"to-s{s}\", \"properties\": {{\"peeringState\": \"Connected\", \
             \"allowGatewayTransit\": true, \"allowForwardedTraffic\": true, \
             \"remoteVirtualNetwork\": {{\"id\": \"{SUB}/virtualNetworks/{hub}-s{s}\"}}}}}}",
            if s == 0 { "" } else { ", " }
        );
    }
    items.push(format!(
        "{{\"id\": \"{SUB}/virtualNetworks/{hub}\", \"name\": \"{hub}\", \"type\": \
         \"microsoft.network/virtualnetworks\", \"location\": \"westeurope\", \"properties\": \
         {{\"addressSpace\": {{\"addressPrefixes\": [\"{a}.{b}.0.0/20\"]}}, \
         \"virtualNetworkPeerings\": [{peerings}]}}}}"
    ));
    let subnet = |name: &str| format!("{SUB}/virtualNetworks/{hub}/subnets/{name}");
    items.push(format!(
        "{{\"id\": \"{SUB}/virtualNetworkGateways/{hub}-vpn\", \"name\": \"{hub}-vpn\", \
         \"type\": \"microsoft.network/virtualnetworkgateways\", \"location\": \"westeurope\", \
         \"properties\": {{\"gatewayType\": \"Vpn\", \"sku\": {{\"name\": \"VpnGw2AZ\"}}, \
         \"enableBgp\": true, \"ipConfigurations\": [{{\"properties\": {{\"subnet\": \
         {{\"id\": \"{}\"}}}}}}]}}}}",
        subnet("GatewaySubnet")
    ));
    items.push(format!(
        "{{\"id\": \"{SUB}/azureFirewalls/{hub}-fw\", \"name\": \"{hub}-fw\", \"type\": \
         \"microsoft.network/azurefirewalls\", \"location\": \"westeurope\", \"properties\": \
         {{\"sku\": {{\"tier\": \"Standard\"}}, \"ipConfigurations\": [{{\"properties\": \
         {{\"privateIPAddress\": \"{a}.{b}.1.4\", \"subnet\": {{\"id\": \"{}\"}}}}}}]}}}}",
        subnet("AzureFirewallSubnet")
    ));
    items.push(format!(
        "{{\"id\": \"{SUB}/routeTables/{hub}-rt\", \"name\": \"{hub}-rt\", \"type\": \
         \"microsoft.network/routetables\", \"location\": \"westeurope\", \"properties\": \
         {{\"routes\": [{{\"properties\": {{\"addressPrefix\": \"10.0.0.0/8\", \
         \"nextHopType\": \"VirtualAppliance\", \"nextHopIpAddress\": \"{a}.{b}.1.4\"}}}}]}}}}"
    ));
    for s in 0..spokes {
        let spoke = format!("{hub}-s{s}");
        items.push(format!(
            "{{\"id\": \"{SUB}/virtualNetworks/{spoke}\", \"name\": \"{spoke}\", \"type\": \
             \"microsoft.network/virtualnetworks\", \"location\": \"westeurope\", \
             \"properties\": {{\"addressSpace\": {{\"addressPrefixes\": \
             [\"{a}.{b}.{}.0/24\"]}}, \"subnets\": [{{\"name\": \"app\", \"properties\": \
             {{\"routeTable\": {{\"id\": \"{SUB}/routeTables/{hub}-rt\"}}}}}}], \
             \"virtualNetworkPeerings\": [{{\"id\": \"{SUB}/virtualNetworks/{spoke}/\
             virtualNetworkPeerings/to-hub\", \"name\": \"to-hub\", \"properties\": \
             {{\"peeringState\": \"Connected\", \"useRemoteGateways\": true, \
             \"allowForwardedTraffic\": true, \"remoteVirtualNetwork\": {{\"id\": \
             \"{SUB}/virtualNetworks/{hub}\"}}}}}}]}}}}",
            16 + s
        ));
        items.push(format!(
            "{{\"id\": \"{SUB}/networkInterfaces/{spoke}-nic\", \"name\": \"{spoke}-nic\", \
             \"type\": \"microsoft.network/networkinterfaces\", \"location\": \"westeurope\", \
             \"properties\": {{}}}}"
        ));
    }
    for s in 0..4 {
        let site = format!("{hub}-branch{s}");
        items.push(format!(
            "{{\"id\": \"{SUB}/localNetworkGateways/{site}\", \"name\": \"{site}\", \"type\": \
             \"microsoft.network/localnetworkgateways\", \"location\": \"westeurope\", \
             \"properties\": {{\"localNetworkAddressSpace\": {{\"addressPrefixes\": \
             [\"172.{}.{}.0/24\"]}}, \"bgpSettings\": {{\"asn\": {}}}}}}}",
            16 + h % 16,
            (h / 16 * 4 + s) % 256,
            65001 + s
        ));
        items.push(format!(
            "{{\"id\": \"{SUB}/connections/{site}-s2s\", \"name\": \"{site}-s2s\", \"type\": \
             \"microsoft.network/connections\", \"location\": \"westeurope\", \"properties\": \
             {{\"connectionType\": \"IPsec\", \"enableBgp\": true, \"virtualNetworkGateway1\": \
             {{\"id\": \"{SUB}/virtualNetworkGateways/{hub}-vpn\"}}, \"localNetworkGateway2\": \
             {{\"id\": \"{SUB}/localNetworkGateways/{site}\"}}}}}}"
        ));
    }
}
