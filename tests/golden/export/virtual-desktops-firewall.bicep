// Azure resources of a reachplan design, as analysed.
// Plan: Virtual desktops behind a firewall
// Parameters stand for what the plan does not know: device addresses, shared keys and other
// secrets, exact subnets, circuit peering addresses.
//
// Not declared here:
// - users staff: remote workers, not a resource; their gateway's point-to-site configuration is
//   declared
// - site hq: not an Azure resource; the connections to it are declared from the Azure side, its
//   device's address is a parameter
// - the Azure Virtual Desktop session hosts of spoke-avd (host pool, VMs)
//
// The analysis of this design relies on these assumptions:
// - no-on-premises-transit: On-premises sites, user groups and other clouds are taken not to
//   forward traffic between their own connections; the plan does not describe their routers.

@description('Address prefix of subnet GatewaySubnet of VNet hub (the plan does not say it).')
param hub_GatewaySubnet_prefix string

@description('Address prefix of subnet AzureFirewallSubnet of VNet hub (the plan does not say it).')
param hub_AzureFirewallSubnet_prefix string

@description('Address prefix of subnet workload of VNet spoke-avd (the plan does not say it).')
param spoke_avd_workload_prefix string

@description('Address prefix of subnet workload of VNet spoke-erp (the plan does not say it).')
param spoke_erp_workload_prefix string

@secure()
@description('The IPsec shared key of the connection of hq and hub.')
param hq_hub_shared_key string

@description('Public IP address of the VPN device of site hq.')
param hq_device_ip string

@description('BGP peering address of the device of hq.')
param hq_bgp_address string

resource vnet_hub 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'hub'
  location: 'westeurope'
  tags: {
    'reachplan-id': 'hub'
    'reachplan-name': 'Firewall hub'
  }
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.50.0.0/22'
      ]
    }
    subnets: [
      {
        name: 'GatewaySubnet'
        properties: {
          addressPrefix: hub_GatewaySubnet_prefix
        }
      }
      {
        name: 'AzureFirewallSubnet'
        properties: {
          addressPrefix: hub_AzureFirewallSubnet_prefix
        }
      }
    ]
  }
}

resource pip_hub_pip1 'Microsoft.Network/publicIPAddresses@2023-09-01' = {
  name: 'hub-pip1'
  location: 'westeurope'
  sku: {
    name: 'Standard'
  }
  properties: {
    publicIPAllocationMethod: 'Static'
  }
}

resource vpngw_hub 'Microsoft.Network/virtualNetworkGateways@2023-09-01' = {
  name: 'hub-vpngw'
  location: 'westeurope'
  properties: {
    gatewayType: 'Vpn'
    vpnType: 'RouteBased'
    sku: {
      name: 'VpnGw2AZ'
      tier: 'VpnGw2AZ'
    }
    activeActive: false
    enableBgp: true
    ipConfigurations: [
      {
        name: 'pip1'
        properties: {
          subnet: {
            id: '${vnet_hub.id}/subnets/GatewaySubnet'
          }
          publicIPAddress: {
            id: pip_hub_pip1.id
          }
        }
      }
    ]
    vpnGatewayGeneration: 'Generation2'
    bgpSettings: {
      asn: 65515
    }
  }
}

resource pip_hub_fw_pip 'Microsoft.Network/publicIPAddresses@2023-09-01' = {
  name: 'hub-fw-pip'
  location: 'westeurope'
  sku: {
    name: 'Standard'
  }
  properties: {
    publicIPAllocationMethod: 'Static'
  }
}

resource fw_hub 'Microsoft.Network/azureFirewalls@2023-09-01' = {
  name: 'hub-fw'
  location: 'westeurope'
  properties: {
    sku: {
      name: 'AZFW_VNet'
      tier: 'Standard'
    }
    ipConfigurations: [
      {
        name: 'fw-pip'
        properties: {
          subnet: {
            id: '${vnet_hub.id}/subnets/AzureFirewallSubnet'
          }
          publicIPAddress: {
            id: pip_hub_fw_pip.id
          }
        }
      }
    ]
  }
}

resource vnet_spoke_avd 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'spoke-avd'
  location: 'westeurope'
  tags: {
    'reachplan-id': 'spoke-avd'
    'reachplan-name': 'Virtual desktops'
  }
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.51.0.0/20'
      ]
    }
    subnets: [
      {
        name: 'workload'
        properties: {
          addressPrefix: spoke_avd_workload_prefix
          routeTable: {
            id: rt_spoke_avd.id
          }
        }
      }
    ]
  }
}

resource vnet_spoke_erp 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'spoke-erp'
  location: 'westeurope'
  tags: {
    'reachplan-id': 'spoke-erp'
    'reachplan-name': 'ERP spoke'
  }
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.52.0.0/20'
      ]
    }
    subnets: [
      {
        name: 'workload'
        properties: {
          addressPrefix: spoke_erp_workload_prefix
          routeTable: {
            id: rt_spoke_erp.id
          }
        }
      }
    ]
  }
}

resource peer_hub_to_spoke_avd 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2023-09-01' = {
  parent: vnet_hub
  name: 'hub-to-spoke-avd'
  properties: {
    remoteVirtualNetwork: {
      id: vnet_spoke_avd.id
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: true
    allowGatewayTransit: true
    useRemoteGateways: false
  }
}

resource peer_spoke_avd_to_hub 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2023-09-01' = {
  parent: vnet_spoke_avd
  name: 'spoke-avd-to-hub'
  dependsOn: [
    peer_hub_to_spoke_avd
    vpngw_hub
  ]
  properties: {
    remoteVirtualNetwork: {
      id: vnet_hub.id
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: true
    allowGatewayTransit: false
    useRemoteGateways: true
  }
}

// route_via_firewall: the private traffic of spoke-avd goes to the firewall of hub. Gateway route
// propagation is off so that the routes the gateway learns do not bypass it, as in Microsoft's
// hub-spoke reference architecture
// (https://learn.microsoft.com/azure/architecture/networking/architecture/hub-spoke). Associate
// the table with every workload subnet (one is declared).
resource rt_spoke_avd 'Microsoft.Network/routeTables@2023-09-01' = {
  name: 'spoke-avd-rt'
  location: 'westeurope'
  properties: {
    disableBgpRoutePropagation: true
    routes: [
      {
        name: 'private-10-0-0-0-8'
        properties: {
          addressPrefix: '10.0.0.0/8'
          nextHopType: 'VirtualAppliance'
          nextHopIpAddress: fw_hub.properties.ipConfigurations[0].properties.privateIPAddress
        }
      }
      {
        name: 'private-172-16-0-0-12'
        properties: {
          addressPrefix: '172.16.0.0/12'
          nextHopType: 'VirtualAppliance'
          nextHopIpAddress: fw_hub.properties.ipConfigurations[0].properties.privateIPAddress
        }
      }
      {
        name: 'private-192-168-0-0-16'
        properties: {
          addressPrefix: '192.168.0.0/16'
          nextHopType: 'VirtualAppliance'
          nextHopIpAddress: fw_hub.properties.ipConfigurations[0].properties.privateIPAddress
        }
      }
    ]
  }
}

resource peer_hub_to_spoke_erp 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2023-09-01' = {
  parent: vnet_hub
  name: 'hub-to-spoke-erp'
  properties: {
    remoteVirtualNetwork: {
      id: vnet_spoke_erp.id
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: true
    allowGatewayTransit: true
    useRemoteGateways: false
  }
}

resource peer_spoke_erp_to_hub 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2023-09-01' = {
  parent: vnet_spoke_erp
  name: 'spoke-erp-to-hub'
  dependsOn: [
    peer_hub_to_spoke_erp
    vpngw_hub
  ]
  properties: {
    remoteVirtualNetwork: {
      id: vnet_hub.id
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: true
    allowGatewayTransit: false
    useRemoteGateways: true
  }
}

// route_via_firewall: the private traffic of spoke-erp goes to the firewall of hub. Gateway route
// propagation is off so that the routes the gateway learns do not bypass it, as in Microsoft's
// hub-spoke reference architecture
// (https://learn.microsoft.com/azure/architecture/networking/architecture/hub-spoke). Associate
// the table with every workload subnet (one is declared).
resource rt_spoke_erp 'Microsoft.Network/routeTables@2023-09-01' = {
  name: 'spoke-erp-rt'
  location: 'westeurope'
  properties: {
    disableBgpRoutePropagation: true
    routes: [
      {
        name: 'private-10-0-0-0-8'
        properties: {
          addressPrefix: '10.0.0.0/8'
          nextHopType: 'VirtualAppliance'
          nextHopIpAddress: fw_hub.properties.ipConfigurations[0].properties.privateIPAddress
        }
      }
      {
        name: 'private-172-16-0-0-12'
        properties: {
          addressPrefix: '172.16.0.0/12'
          nextHopType: 'VirtualAppliance'
          nextHopIpAddress: fw_hub.properties.ipConfigurations[0].properties.privateIPAddress
        }
      }
      {
        name: 'private-192-168-0-0-16'
        properties: {
          addressPrefix: '192.168.0.0/16'
          nextHopType: 'VirtualAppliance'
          nextHopIpAddress: fw_hub.properties.ipConfigurations[0].properties.privateIPAddress
        }
      }
    ]
  }
}

resource lng_hq 'Microsoft.Network/localNetworkGateways@2023-09-01' = {
  name: 'hq'
  location: 'westeurope'
  tags: {
    'reachplan-id': 'hq'
    'reachplan-name': 'Head office'
  }
  properties: {
    gatewayIpAddress: hq_device_ip
    localNetworkAddressSpace: {
      addressPrefixes: [
        '10.1.0.0/16'
      ]
    }
    bgpSettings: {
      asn: 65010
      bgpPeeringAddress: hq_bgp_address
    }
  }
}

resource conn_hq_hub 'Microsoft.Network/connections@2023-09-01' = {
  name: 'hq-to-hub'
  location: 'westeurope'
  properties: {
    connectionType: 'IPsec'
    virtualNetworkGateway1: {
      id: vpngw_hub.id
    }
    localNetworkGateway2: {
      id: lng_hq.id
    }
    enableBgp: true
    connectionProtocol: 'IKEv2'
    sharedKey: hq_hub_shared_key
  }
}
