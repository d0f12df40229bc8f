// Azure resources of a reachplan design, as analysed.
// Plan: Virtual WAN: two Standard hubs, any-to-any
// Parameters stand for what the plan does not know: device addresses, shared keys and other
// secrets, exact subnets, circuit peering addresses.
//
// Not declared here:
// - site branch-ams: not an Azure resource; the connections to it are declared from the Azure
//   side, its device's address is a parameter
// - site branch-nyc: not an Azure resource; the connections to it are declared from the Azure
//   side, its device's address is a parameter
// - users remote-staff: remote workers, not a resource; their gateway's point-to-site
//   configuration is declared

@description('The root certificate data of the User VPN of hub hub-weu.')
param hub_weu_vpnClientRootCertificates string

@description('Public IP address of the VPN device of site branch-ams.')
param branch_ams_device_ip string

@description('BGP peering address of the device of branch-ams.')
param branch_ams_bgp_address string

@secure()
@description('The IPsec shared key of the connection of branch-ams and hub-weu.')
param branch_ams_hub_weu_shared_key string

@description('Public IP address of the VPN device of site branch-nyc.')
param branch_nyc_device_ip string

@secure()
@description('The IPsec shared key of the connection of branch-nyc and hub-eus.')
param branch_nyc_hub_eus_shared_key string

resource wan_corp_wan 'Microsoft.Network/virtualWans@2023-09-01' = {
  name: 'corp-wan'
  location: 'westeurope'
  tags: {
    'reachplan-name': 'Corporate WAN'
  }
  properties: {
    type: 'Standard'
    allowBranchToBranchTraffic: true
    disableVpnEncryption: false
  }
}

resource hub_hub_weu 'Microsoft.Network/virtualHubs@2023-09-01' = {
  name: 'hub-weu'
  location: 'westeurope'
  tags: {
    'reachplan-id': 'hub-weu'
    'reachplan-name': 'Hub West Europe'
  }
  properties: {
    virtualWan: {
      id: wan_corp_wan.id
    }
    addressPrefix: '10.200.0.0/23'
    sku: 'Standard'
  }
}

resource p2sconfig_hub_weu 'Microsoft.Network/vpnServerConfigurations@2023-09-01' = {
  name: 'hub-weu-p2s-config'
  location: 'westeurope'
  properties: {
    vpnProtocols: [
      'OpenVPN'
    ]
    vpnAuthenticationTypes: [
      'Certificate'
    ]
    vpnClientRootCertificates: [
      {
        name: 'root'
        publicCertData: hub_weu_vpnClientRootCertificates
      }
    ]
  }
}

resource hubp2s_hub_weu 'Microsoft.Network/p2svpnGateways@2023-09-01' = {
  name: 'hub-weu-p2sgw'
  location: 'westeurope'
  properties: {
    virtualHub: {
      id: hub_hub_weu.id
    }
    vpnServerConfiguration: {
      id: p2sconfig_hub_weu.id
    }
    vpnGatewayScaleUnit: 1
    p2SConnectionConfigurations: [
      {
        name: 'users'
        properties: {
          vpnClientAddressPool: {
            addressPrefixes: [
              '172.20.0.0/22'
            ]
          }
        }
      }
    ]
  }
}

resource hub_hub_eus 'Microsoft.Network/virtualHubs@2023-09-01' = {
  name: 'hub-eus'
  location: 'eastus'
  tags: {
    'reachplan-id': 'hub-eus'
    'reachplan-name': 'Hub East US'
  }
  properties: {
    virtualWan: {
      id: wan_corp_wan.id
    }
    addressPrefix: '10.201.0.0/23'
    sku: 'Standard'
  }
}

resource vnet_vnet_weu 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-weu'
  location: 'westeurope'
  tags: {
    'reachplan-id': 'vnet-weu'
    'reachplan-name': 'Apps West Europe'
  }
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.110.0.0/20'
      ]
    }
    subnets: []
  }
}

resource vnet_vnet_eus 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-eus'
  location: 'eastus'
  tags: {
    'reachplan-id': 'vnet-eus'
    'reachplan-name': 'Apps East US'
  }
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.120.0.0/20'
      ]
    }
    subnets: []
  }
}

resource hubvpn_hub_weu 'Microsoft.Network/vpnGateways@2023-09-01' = {
  name: 'hub-weu-vpngw'
  location: 'westeurope'
  properties: {
    virtualHub: {
      id: hub_hub_weu.id
    }
    vpnGatewayScaleUnit: 1
    bgpSettings: {
      asn: 65515
    }
  }
}

resource vpnsite_branch_ams 'Microsoft.Network/vpnSites@2023-09-01' = {
  name: 'branch-ams'
  location: 'westeurope'
  tags: {
    'reachplan-id': 'branch-ams'
    'reachplan-name': 'Branch Amsterdam'
  }
  properties: {
    virtualWan: {
      id: wan_corp_wan.id
    }
    addressSpace: {
      addressPrefixes: [
        '10.1.0.0/16'
      ]
    }
    vpnSiteLinks: [
      {
        name: 'link1'
        properties: {
          ipAddress: branch_ams_device_ip
          linkProperties: {
            linkSpeedInMbps: 100
          }
          bgpProperties: {
            asn: 65001
            bgpPeeringAddress: branch_ams_bgp_address
          }
        }
      }
    ]
  }
}

resource vpnconn_hub_weu_branch_ams 'Microsoft.Network/vpnGateways/vpnConnections@2023-09-01' = {
  parent: hubvpn_hub_weu
  name: 'branch-ams'
  properties: {
    remoteVpnSite: {
      id: vpnsite_branch_ams.id
    }
    vpnLinkConnections: [
      {
        name: 'link1'
        properties: {
          vpnSiteLink: {
            id: '${vpnsite_branch_ams.id}/vpnSiteLinks/link1'
          }
          sharedKey: branch_ams_hub_weu_shared_key
          enableBgp: true
          vpnConnectionProtocolType: 'IKEv2'
        }
      }
    ]
  }
}

resource hubvpn_hub_eus 'Microsoft.Network/vpnGateways@2023-09-01' = {
  name: 'hub-eus-vpngw'
  location: 'eastus'
  properties: {
    virtualHub: {
      id: hub_hub_eus.id
    }
    vpnGatewayScaleUnit: 1
    bgpSettings: {
      asn: 65515
    }
  }
}

resource vpnsite_branch_nyc 'Microsoft.Network/vpnSites@2023-09-01' = {
  name: 'branch-nyc'
  location: 'eastus'
  tags: {
    'reachplan-id': 'branch-nyc'
    'reachplan-name': 'Branch New York'
  }
  properties: {
    virtualWan: {
      id: wan_corp_wan.id
    }
    addressSpace: {
      addressPrefixes: [
        '10.2.0.0/16'
      ]
    }
    vpnSiteLinks: [
      {
        name: 'link1'
        properties: {
          ipAddress: branch_nyc_device_ip
          linkProperties: {
            linkSpeedInMbps: 100
          }
        }
      }
    ]
  }
}

resource vpnconn_hub_eus_branch_nyc 'Microsoft.Network/vpnGateways/vpnConnections@2023-09-01' = {
  parent: hubvpn_hub_eus
  name: 'branch-nyc'
  properties: {
    remoteVpnSite: {
      id: vpnsite_branch_nyc.id
    }
    vpnLinkConnections: [
      {
        name: 'link1'
        properties: {
          vpnSiteLink: {
            id: '${vpnsite_branch_nyc.id}/vpnSiteLinks/link1'
          }
          sharedKey: branch_nyc_hub_eus_shared_key
          enableBgp: false
          vpnConnectionProtocolType: 'IKEv2'
        }
      }
    ]
  }
}

resource hubconn_hub_weu_vnet_weu 'Microsoft.Network/virtualHubs/hubVirtualNetworkConnections@2023-09-01' = {
  parent: hub_hub_weu
  name: 'vnet-weu'
  properties: {
    remoteVirtualNetwork: {
      id: vnet_vnet_weu.id
    }
  }
}

resource hubconn_hub_eus_vnet_eus 'Microsoft.Network/virtualHubs/hubVirtualNetworkConnections@2023-09-01' = {
  parent: hub_hub_eus
  name: 'vnet-eus'
  properties: {
    remoteVirtualNetwork: {
      id: vnet_vnet_eus.id
    }
  }
}
