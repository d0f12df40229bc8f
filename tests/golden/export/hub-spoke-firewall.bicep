// Azure resources of a reachplan design, as analysed.
// Plan: Hub and spoke with Azure Firewall
// Parameters stand for what the plan does not know: device addresses, shared keys and other
// secrets, exact subnets, circuit peering addresses.
//
// Not declared here:
// - users remote-staff: remote workers, not a resource; their gateway's point-to-site
//   configuration is declared
// - site hq: not an Azure resource; the connections to it are declared from the Azure side, its
//   device's address is a parameter

@description('Address prefix of subnet GatewaySubnet of VNet hub (the plan does not say it).')
param hub_GatewaySubnet_prefix string

@description('Public data of the root certificate of the point-to-site clients of hub (Base64, without header).')
param hub_p2s_root_cert string

@description('Microsoft Entra ID tenant URL of the point-to-site clients of hub.')
param hub_aadTenant string

@description('Microsoft Entra ID audience (application id) of the point-to-site clients of hub.')
param hub_aadAudience string

@description('Microsoft Entra ID issuer URL of the point-to-site clients of hub.')
param hub_aadIssuer string

@description('Address prefix of subnet AzureFirewallSubnet of VNet hub (the plan does not say it).')
param hub_AzureFirewallSubnet_prefix string

@secure()
@description('The IPsec shared key of the connection of hq and hub.')
param hq_hub_shared_key string

@description('Public IP address of the VPN device of site hq.')
param hq_device_ip string

@description('BGP peering address of the device of hq.')
param hq_bgp_address string

@description('Address prefix of subnet workload of VNet spoke-prod (the plan does not say it).')
param spoke_prod_workload_prefix string

@description('Address prefix of subnet workload of VNet spoke-shared (the plan does not say it).')
param spoke_shared_workload_prefix string

resource vnet_hub 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'hub'
  location: 'westeurope'
  tags: {
    'reachplan-id': 'hub'
    'reachplan-name': 'Hub VNet'
  }
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.100.0.0/22'
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
    vpnClientConfiguration: {
      vpnClientAddressPool: {
        addressPrefixes: [
          '172.16.0.0/22'
        ]
      }
      vpnClientProtocols: [
        'OpenVPN'
        'IkeV2'
      ]
      vpnAuthenticationTypes: [
        'AAD'
        'Certificate'
      ]
      vpnClientRootCertificates: [
        {
          name: 'root'
          properties: {
            publicCertData: hub_p2s_root_cert
          }
        }
      ]
      aadTenant: hub_aadTenant
      aadAudience: hub_aadAudience
      aadIssuer: hub_aadIssuer
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

resource vnet_spoke_prod 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'spoke-prod'
  location: 'westeurope'
  tags: {
    'reachplan-id': 'spoke-prod'
    'reachplan-name': 'Production spoke'
  }
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.101.0.0/20'
      ]
    }
    subnets: [
      {
        name: 'workload'
        properties: {
          addressPrefix: spoke_prod_workload_prefix
          routeTable: {
            id: rt_spoke_prod.id
          }
        }
      }
    ]
  }
}

resource vnet_spoke_shared 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'spoke-shared'
  location: 'westeurope'
  tags: {
    'reachplan-id': 'spoke-shared'
    'reachplan-name': 'Shared services spoke'
  }
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.102.0.0/20'
      ]
    }
    subnets: [
      {
        name: 'workload'
        properties: {
          addressPrefix: spoke_shared_workload_prefix
          routeTable: {
            id: rt_spoke_shared.id
          }
        }
      }
    ]
  }
}

resource vnet_spoke_dev 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'spoke-dev'
  location: 'westeurope'
  tags: {
    'reachplan-id': 'spoke-dev'
    'reachplan-name': 'Development spoke'
  }
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.103.0.0/20'
      ]
    }
    subnets: []
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

resource peer_hub_to_spoke_prod 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2023-09-01' = {
  parent: vnet_hub
  name: 'hub-to-spoke-prod'
  properties: {
    remoteVirtualNetwork: {
      id: vnet_spoke_prod.id
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: true
    allowGatewayTransit: true
    useRemoteGateways: false
  }
}

resource peer_spoke_prod_to_hub 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2023-09-01' = {
  parent: vnet_spoke_prod
  name: 'spoke-prod-to-hub'
  dependsOn: [
    peer_hub_to_spoke_prod
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

// route_via_firewall: the private traffic of spoke-prod goes to the firewall of hub. Gateway route
// propagation is off so that the routes the gateway learns do not bypass it, as in Microsoft's
// hub-spoke reference architecture
// (https://learn.microsoft.com/azure/architecture/networking/architecture/hub-spoke). Associate
// the table with every workload subnet (one is declared).
resource rt_spoke_prod 'Microsoft.Network/routeTables@2023-09-01' = {
  name: 'spoke-prod-rt'
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

resource peer_hub_to_spoke_shared 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2023-09-01' = {
  parent: vnet_hub
  name: 'hub-to-spoke-shared'
  properties: {
    remoteVirtualNetwork: {
      id: vnet_spoke_shared.id
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: true
    allowGatewayTransit: true
    useRemoteGateways: false
  }
}

resource peer_spoke_shared_to_hub 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2023-09-01' = {
  parent: vnet_spoke_shared
  name: 'spoke-shared-to-hub'
  dependsOn: [
    peer_hub_to_spoke_shared
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

// route_via_firewall: the private traffic of spoke-shared goes to the firewall of hub. Gateway
// route propagation is off so that the routes the gateway learns do not bypass it, as in
// Microsoft's hub-spoke reference architecture
// (https://learn.microsoft.com/azure/architecture/networking/architecture/hub-spoke). Associate
// the table with every workload subnet (one is declared).
resource rt_spoke_shared 'Microsoft.Network/routeTables@2023-09-01' = {
  name: 'spoke-shared-rt'
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

resource peer_hub_to_spoke_dev 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2023-09-01' = {
  parent: vnet_hub
  name: 'hub-to-spoke-dev'
  properties: {
    remoteVirtualNetwork: {
      id: vnet_spoke_dev.id
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: false
    allowGatewayTransit: true
    useRemoteGateways: false
  }
}

resource peer_spoke_dev_to_hub 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2023-09-01' = {
  parent: vnet_spoke_dev
  name: 'spoke-dev-to-hub'
  dependsOn: [
    peer_hub_to_spoke_dev
    vpngw_hub
  ]
  properties: {
    remoteVirtualNetwork: {
      id: vnet_hub.id
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: false
    allowGatewayTransit: false
    useRemoteGateways: true
  }
}
