// Azure resources of a reachplan design, as analysed.
// Plan: Remote users reach Azure and the on-premises head office
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
    'reachplan-name': 'Hub VNet (West Europe)'
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
    }
  }
}

resource vnet_spoke_app 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'spoke-app'
  location: 'westeurope'
  tags: {
    'reachplan-id': 'spoke-app'
    'reachplan-name': 'Application spoke'
  }
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.101.0.0/20'
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
    'reachplan-name': 'Head office and datacenter'
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

resource peer_hub_to_spoke_app 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2023-09-01' = {
  parent: vnet_hub
  name: 'hub-to-spoke-app'
  properties: {
    remoteVirtualNetwork: {
      id: vnet_spoke_app.id
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: true
    allowGatewayTransit: true
    useRemoteGateways: false
  }
}

resource peer_spoke_app_to_hub 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2023-09-01' = {
  parent: vnet_spoke_app
  name: 'spoke-app-to-hub'
  dependsOn: [
    peer_hub_to_spoke_app
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
