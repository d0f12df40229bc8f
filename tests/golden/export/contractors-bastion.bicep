// Azure resources of a reachplan design, as analysed.
// Plan: Contractors through Azure Bastion, staff over P2S
// Parameters stand for what the plan does not know: device addresses, shared keys and other
// secrets, exact subnets, circuit peering addresses.
//
// Not declared here:
// - users contractors: remote workers, not a resource; their gateway's point-to-site configuration
//   is declared
// - users remote-staff: remote workers, not a resource; their gateway's point-to-site
//   configuration is declared
// - site hq: not an Azure resource; the connections to it are declared from the Azure side, its
//   device's address is a parameter
//
// The analysis of this design relies on these assumptions:
// - no-on-premises-transit: On-premises sites, user groups and other clouds are taken not to
//   forward traffic between their own connections; the plan does not describe their routers.
// - vnet-outbound-access: A VNet is taken to reach the internet and Microsoft's public endpoints
//   by outbound access: default outbound access, or an explicit method (NAT gateway, firewall,
//   public IP, load balancer outbound rules). Default outbound access is being retired: virtual
//   networks created with the API released after 31 March 2026 have private subnets, which need an
//   explicit method (learn.microsoft.com/azure/virtual-network/ip-services/default-outbound-access).

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

@description('Address prefix of subnet AzureBastionSubnet of VNet hub (the plan does not say it).')
param hub_AzureBastionSubnet_prefix string

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
    'reachplan-name': 'Hub with Bastion'
  }
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.40.0.0/22'
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
        name: 'AzureBastionSubnet'
        properties: {
          addressPrefix: hub_AzureBastionSubnet_prefix
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
          '172.16.40.0/22'
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

resource pip_hub_bastion_pip 'Microsoft.Network/publicIPAddresses@2023-09-01' = {
  name: 'hub-bastion-pip'
  location: 'westeurope'
  sku: {
    name: 'Standard'
  }
  properties: {
    publicIPAllocationMethod: 'Static'
  }
}

resource bastion_hub 'Microsoft.Network/bastionHosts@2023-09-01' = {
  name: 'hub-bastion'
  location: 'westeurope'
  sku: {
    name: 'Standard'
  }
  properties: {
    ipConfigurations: [
      {
        name: 'bastion-pip'
        properties: {
          subnet: {
            id: '${vnet_hub.id}/subnets/AzureBastionSubnet'
          }
          publicIPAddress: {
            id: pip_hub_bastion_pip.id
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
        '10.41.0.0/20'
      ]
    }
    subnets: []
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
