// Azure resources of a reachplan design, as analysed.
// Plan: ExpressRoute with Global Reach
// Parameters stand for what the plan does not know: device addresses, shared keys and other
// secrets, exact subnets, circuit peering addresses.
//
// Not declared here:
// - site dc-ams: not an Azure resource; the connections to it are declared from the Azure side,
//   its device's address is a parameter
// - site dc-lon: not an Azure resource; the connections to it are declared from the Azure side,
//   its device's address is a parameter

@description('Region of the resources whose plan node names no region.')
param location string = resourceGroup().location

@description('Primary /30 peer subnet of the AzurePrivatePeering of circuit er-ams.')
param er_ams_private_primary string

@description('Secondary /30 peer subnet of the AzurePrivatePeering of circuit er-ams.')
param er_ams_private_secondary string

@description('VLAN id of the AzurePrivatePeering of circuit er-ams.')
param er_ams_private_vlan int

@description('Primary /30 peer subnet of the AzurePrivatePeering of circuit er-lon.')
param er_lon_private_primary string

@description('Secondary /30 peer subnet of the AzurePrivatePeering of circuit er-lon.')
param er_lon_private_secondary string

@description('VLAN id of the AzurePrivatePeering of circuit er-lon.')
param er_lon_private_vlan int

@description('Address prefix of subnet GatewaySubnet of VNet hub (the plan does not say it).')
param hub_GatewaySubnet_prefix string

@description('A /29 for the Global Reach connection of er-ams and er-lon.')
param er_ams_er_lon_global_reach_prefix string

resource circuit_er_ams 'Microsoft.Network/expressRouteCircuits@2023-09-01' = {
  name: 'er-ams'
  location: location
  tags: {
    'reachplan-id': 'er-ams'
    'reachplan-name': 'Circuit Amsterdam'
  }
  sku: {
    name: 'Standard_MeteredData'
    tier: 'Standard'
    family: 'MeteredData'
  }
  properties: {
    serviceProviderProperties: {
      serviceProviderName: 'Equinix'
      peeringLocation: 'Amsterdam'
      bandwidthInMbps: 1000
    }
  }
}

resource peering_er_ams 'Microsoft.Network/expressRouteCircuits/peerings@2023-09-01' = {
  parent: circuit_er_ams
  name: 'AzurePrivatePeering'
  properties: {
    peeringType: 'AzurePrivatePeering'
    peerASN: 65010
    primaryPeerAddressPrefix: er_ams_private_primary
    secondaryPeerAddressPrefix: er_ams_private_secondary
    vlanId: er_ams_private_vlan
  }
}

resource circuit_er_lon 'Microsoft.Network/expressRouteCircuits@2023-09-01' = {
  name: 'er-lon'
  location: location
  tags: {
    'reachplan-id': 'er-lon'
    'reachplan-name': 'Circuit London'
  }
  sku: {
    name: 'Standard_MeteredData'
    tier: 'Standard'
    family: 'MeteredData'
  }
  properties: {
    serviceProviderProperties: {
      serviceProviderName: 'BT'
      peeringLocation: 'London'
      bandwidthInMbps: 1000
    }
  }
}

resource peering_er_lon 'Microsoft.Network/expressRouteCircuits/peerings@2023-09-01' = {
  parent: circuit_er_lon
  name: 'AzurePrivatePeering'
  properties: {
    peeringType: 'AzurePrivatePeering'
    peerASN: 65011
    primaryPeerAddressPrefix: er_lon_private_primary
    secondaryPeerAddressPrefix: er_lon_private_secondary
    vlanId: er_lon_private_vlan
  }
}

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
    ]
  }
}

resource pip_hub_er_pip 'Microsoft.Network/publicIPAddresses@2023-09-01' = {
  name: 'hub-er-pip'
  location: 'westeurope'
  sku: {
    name: 'Standard'
  }
  properties: {
    publicIPAllocationMethod: 'Static'
  }
}

resource ergw_hub 'Microsoft.Network/virtualNetworkGateways@2023-09-01' = {
  name: 'hub-ergw'
  location: 'westeurope'
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

resource erconn_hub_er_ams 'Microsoft.Network/connections@2023-09-01' = {
  name: 'hub-to-er-ams'
  location: 'westeurope'
  dependsOn: [
    peering_er_ams
  ]
  properties: {
    connectionType: 'ExpressRoute'
    virtualNetworkGateway1: {
      id: ergw_hub.id
    }
    peer: {
      id: circuit_er_ams.id
    }
    routingWeight: 0
  }
}

resource erconn_hub_er_lon 'Microsoft.Network/connections@2023-09-01' = {
  name: 'hub-to-er-lon'
  location: 'westeurope'
  dependsOn: [
    peering_er_lon
  ]
  properties: {
    connectionType: 'ExpressRoute'
    virtualNetworkGateway1: {
      id: ergw_hub.id
    }
    peer: {
      id: circuit_er_lon.id
    }
    routingWeight: 0
  }
}

resource globalreach_er_ams_er_lon 'Microsoft.Network/expressRouteCircuits/peerings/connections@2023-09-01' = {
  parent: peering_er_ams
  name: 'er-ams-to-er-lon'
  properties: {
    expressRouteCircuitPeering: {
      id: peering_er_ams.id
    }
    peerExpressRouteCircuitPeering: {
      id: peering_er_lon.id
    }
    addressPrefix: er_ams_er_lon_global_reach_prefix
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
    ergw_hub
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
