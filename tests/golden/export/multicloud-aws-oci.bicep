// Azure resources of a reachplan design, as analysed.
// Plan: Multi-cloud: AWS over S2S, Oracle OCI over an interconnect
// Parameters stand for what the plan does not know: device addresses, shared keys and other
// secrets, exact subnets, circuit peering addresses.
//
// Not declared here:
// - site hq: not an Azure resource; the connections to it are declared from the Azure side, its
//   device's address is a parameter
// - cloud aws-prod: not an Azure resource; the connections to it are declared from the Azure side,
//   its device's address is a parameter
// - cloud oci-erp: not an Azure resource; the connections to it are declared from the Azure side,
//   its device's address is a parameter

@description('Region of the resources whose plan node names no region.')
param location string = resourceGroup().location

@description('Primary /30 peer subnet of the AzurePrivatePeering of circuit er-oci.')
param er_oci_private_primary string

@description('Secondary /30 peer subnet of the AzurePrivatePeering of circuit er-oci.')
param er_oci_private_secondary string

@description('BGP ASN of the edge routers on the AzurePrivatePeering of circuit er-oci.')
param er_oci_private_peer_asn int

@description('VLAN id of the AzurePrivatePeering of circuit er-oci.')
param er_oci_private_vlan int

@description('Address prefix of subnet GatewaySubnet of VNet hub (the plan does not say it).')
param hub_GatewaySubnet_prefix string

@secure()
@description('The IPsec shared key of the connection of hq and hub.')
param hq_hub_shared_key string

@description('Public IP address of the VPN device of site hq.')
param hq_device_ip string

@description('BGP peering address of the device of hq.')
param hq_bgp_address string

@secure()
@description('The IPsec shared key of the connection of aws-prod and hub.')
param aws_prod_hub_shared_key string

@description('Public IP address of the VPN device of cloud aws-prod.')
param aws_prod_device_ip string

@description('BGP ASN of aws-prod.')
param aws_prod_asn int

@description('BGP peering address of the device of aws-prod.')
param aws_prod_bgp_address string

resource circuit_er_oci 'Microsoft.Network/expressRouteCircuits@2023-09-01' = {
  name: 'er-oci'
  location: location
  tags: {
    'reachplan-id': 'er-oci'
    'reachplan-name': 'Interconnect circuit London'
  }
  sku: {
    name: 'Standard_MeteredData'
    tier: 'Standard'
    family: 'MeteredData'
  }
  properties: {
    serviceProviderProperties: {
      serviceProviderName: 'Oracle Cloud FastConnect'
      peeringLocation: 'London'
      bandwidthInMbps: 1000
    }
  }
}

resource peering_er_oci 'Microsoft.Network/expressRouteCircuits/peerings@2023-09-01' = {
  parent: circuit_er_oci
  name: 'AzurePrivatePeering'
  properties: {
    peeringType: 'AzurePrivatePeering'
    peerASN: er_oci_private_peer_asn
    primaryPeerAddressPrefix: er_oci_private_primary
    secondaryPeerAddressPrefix: er_oci_private_secondary
    vlanId: er_oci_private_vlan
  }
}

resource vnet_hub 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'hub'
  location: 'uksouth'
  tags: {
    'reachplan-id': 'hub'
    'reachplan-name': 'Hub VNet (UK South)'
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
  location: 'uksouth'
  sku: {
    name: 'Standard'
  }
  properties: {
    publicIPAllocationMethod: 'Static'
  }
}

resource pip_hub_pip2 'Microsoft.Network/publicIPAddresses@2023-09-01' = {
  name: 'hub-pip2'
  location: 'uksouth'
  sku: {
    name: 'Standard'
  }
  properties: {
    publicIPAllocationMethod: 'Static'
  }
}

resource vpngw_hub 'Microsoft.Network/virtualNetworkGateways@2023-09-01' = {
  name: 'hub-vpngw'
  location: 'uksouth'
  properties: {
    gatewayType: 'Vpn'
    vpnType: 'RouteBased'
    sku: {
      name: 'VpnGw2AZ'
      tier: 'VpnGw2AZ'
    }
    activeActive: true
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
      {
        name: 'pip2'
        properties: {
          subnet: {
            id: '${vnet_hub.id}/subnets/GatewaySubnet'
          }
          publicIPAddress: {
            id: pip_hub_pip2.id
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

resource pip_hub_er_pip 'Microsoft.Network/publicIPAddresses@2023-09-01' = {
  name: 'hub-er-pip'
  location: 'uksouth'
  sku: {
    name: 'Standard'
  }
  properties: {
    publicIPAllocationMethod: 'Static'
  }
}

resource ergw_hub 'Microsoft.Network/virtualNetworkGateways@2023-09-01' = {
  name: 'hub-ergw'
  location: 'uksouth'
  properties: {
    gatewayType: 'ExpressRoute'
    sku: {
      name: 'ErGw1AZ'
      tier: 'ErGw1AZ'
    }
    ipConfigurations: [
      {
        name: 'er-pip'
        properties: {
          subnet: {
            id: '${vnet_hub.id}/subnets/GatewaySubnet'
          }
          publicIPAddress: {
            id: pip_hub_er_pip.id
          }
        }
      }
    ]
    allowRemoteVnetTraffic: false
    allowVirtualWanTraffic: false
  }
}

resource vnet_spoke_app 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'spoke-app'
  location: 'uksouth'
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
  location: 'uksouth'
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
  location: 'uksouth'
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

resource lng_aws_prod 'Microsoft.Network/localNetworkGateways@2023-09-01' = {
  name: 'aws-prod'
  location: 'uksouth'
  tags: {
    'reachplan-id': 'aws-prod'
    'reachplan-name': 'AWS VPC (eu-west-2)'
  }
  properties: {
    gatewayIpAddress: aws_prod_device_ip
    localNetworkAddressSpace: {
      addressPrefixes: [
        '172.31.0.0/16'
      ]
    }
    bgpSettings: {
      asn: aws_prod_asn
      bgpPeeringAddress: aws_prod_bgp_address
    }
  }
}

resource conn_aws_prod_hub 'Microsoft.Network/connections@2023-09-01' = {
  name: 'aws-prod-to-hub'
  location: 'uksouth'
  properties: {
    connectionType: 'IPsec'
    virtualNetworkGateway1: {
      id: vpngw_hub.id
    }
    localNetworkGateway2: {
      id: lng_aws_prod.id
    }
    enableBgp: true
    connectionProtocol: 'IKEv2'
    sharedKey: aws_prod_hub_shared_key
  }
}

resource erconn_hub_er_oci 'Microsoft.Network/connections@2023-09-01' = {
  name: 'hub-to-er-oci'
  location: 'uksouth'
  dependsOn: [
    peering_er_oci
  ]
  properties: {
    connectionType: 'ExpressRoute'
    virtualNetworkGateway1: {
      id: ergw_hub.id
    }
    peer: {
      id: circuit_er_oci.id
    }
    routingWeight: 0
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
