//! Finding codes: the stable, machine-readable name of every block, finding and capacity note
//! the engine gives (`"peering-not-transitive"`), as a [`Code`]. A decision compares codes as
//! enum values, and a code that is not in this table does not compile; in JSON and text a code
//! is its string, exactly as before, so the output of `check --json` does not change.

use std::cmp::Ordering;
use std::fmt;

macro_rules! codes {
    ($($v:ident = $s:literal,)*) => {
        /// A finding code, by its string (`Code::PeeringNotTransitive` is
        /// `peering-not-transitive`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Code {
            $(
                #[doc = concat!("`", $s, "`")]
                $v,
            )*
        }

        impl Code {
            /// Every code, in the table's order.
            pub const ALL: &'static [Code] = &[$(Code::$v),*];

            /// The code as the JSON output writes it.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$v => $s,)*
                }
            }
        }
    };
}

/// Codes order as their strings do (answers that sort by code keep their order).
impl Ord for Code {
    fn cmp(&self, other: &Code) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for Code {
    fn partial_cmp(&self, other: &Code) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

codes! {
    AcrossClouds = "across-clouds",
    ActiveActiveUnsupported = "active-active-unsupported",
    AddressOverlap = "address-overlap",
    AwsPattern = "aws-pattern",
    BasicErCoexistence = "basic-er-coexistence",
    BasicGatewayTransit = "basic-gateway-transit",
    BasicNoGatewayTransit = "basic-no-gateway-transit",
    BasicP2sAuth = "basic-p2s-auth",
    BasicP2sProtocol = "basic-p2s-protocol",
    BasicVwanBranchTransit = "basic-vwan-branch-transit",
    BasicVwanExpressroute = "basic-vwan-expressroute",
    BasicVwanFirewall = "basic-vwan-firewall",
    BasicVwanMesh = "basic-vwan-mesh",
    BasicVwanP2s = "basic-vwan-p2s",
    BasicVwanVnetTransit = "basic-vwan-vnet-transit",
    BgpNotRunning = "bgp-not-running",
    BgpPolicyBasedDevice = "bgp-policy-based-device",
    BgpUnsupported = "bgp-unsupported",
    CircuitBandwidth = "circuit-bandwidth",
    CircuitBandwidthDefault = "circuit-bandwidth-default",
    CircuitLinkLimit = "circuit-link-limit",
    CircuitScope = "circuit-scope",
    ClientOsAuth = "client-os-auth",
    ClientOsProtocol = "client-os-protocol",
    DefaultRouteFromOnPremises = "default-route-from-on-premises",
    DualStackCoexistence = "dual-stack-coexistence",
    EntraWithoutOpenvpn = "entra-without-openvpn",
    ErGatewayCircuits = "er-gateway-circuits",
    ErGatewayRoutes = "er-gateway-routes",
    ErGatewayThroughput = "er-gateway-throughput",
    ErLocalPreference = "er-local-preference",
    ErOnpremRoutes = "er-onprem-routes",
    ErToEr = "er-to-er",
    ErVnetRoutes = "er-vnet-routes",
    ErHubToHub = "er-hub-to-hub",
    ErVirtualWanTraffic = "er-virtual-wan-traffic",
    ErVnetToVnet = "er-vnet-to-vnet",
    ErVpnNoTransit = "er-vpn-no-transit",
    FirewallAutoscale = "firewall-autoscale",
    FirewallSingleFlow = "firewall-single-flow",
    FirewallThroughput = "firewall-throughput",
    FlowUnreachable = "flow-unreachable",
    FlowWithoutMbps = "flow-without-mbps",
    ForwardedTrafficNotAllowed = "forwarded-traffic-not-allowed",
    GatewayMissing = "gateway-missing",
    GatewayThroughput = "gateway-throughput",
    GatewayTransitNotAllowed = "gateway-transit-not-allowed",
    GatewayTransitWithoutGateway = "gateway-transit-without-gateway",
    GlobalReachGeo = "global-reach-geo",
    GlobalReachLocal = "global-reach-local",
    GlobalReachOnPremisesOnly = "global-reach-on-premises-only",
    GlobalReachPairwise = "global-reach-pairwise",
    GlobalReachSameLocation = "global-reach-same-location",
    GlobalReachUnsupportedLocation = "global-reach-unsupported-location",
    HubWithoutWan = "hub-without-wan",
    LinkKindNotAllowed = "link-kind-not-allowed",
    M365NoEgress = "m365-no-egress",
    M365SplitTunnel = "m365-split-tunnel",
    M365ThroughVpn = "m365-through-vpn",
    MbpsPerUserDefault = "mbps-per-user-default",
    MicrosoftPeeringM365 = "microsoft-peering-m365",
    MicrosoftPeeringPrivatePrefixes = "microsoft-peering-private-prefixes",
    NoGatewayTransit = "no-gateway-transit",
    NoGlobalReach = "no-global-reach",
    NoRouteViaFirewall = "no-route-via-firewall",
    NonAzSku = "non-az-sku",
    OciInterconnectLocation = "oci-interconnect-location",
    P2sClientRoutes = "p2s-client-routes",
    P2sConnections = "p2s-connections",
    P2sIpv6Basic = "p2s-ipv6-basic",
    P2sIpv6Protocol = "p2s-ipv6-protocol",
    P2sNeedsBgp = "p2s-needs-bgp",
    P2sNoAddressPool = "p2s-no-address-pool",
    P2sNoInternetEgress = "p2s-no-internet-egress",
    P2sNoProtocol = "p2s-no-protocol",
    P2sNotConfigured = "p2s-not-configured",
    P2sPolicyBased = "p2s-policy-based",
    P2sProtocolUnavailable = "p2s-protocol-unavailable",
    P2sToExpressroute = "p2s-to-expressroute",
    PeeringLimit = "peering-limit",
    PeeringNotTransitive = "peering-not-transitive",
    PeeringOverlap = "peering-overlap",
    PolicyBasedDeviceNoTransit = "policy-based-device-no-transit",
    PolicyBasedSelectors = "policy-based-selectors",
    PolicyBasedSku = "policy-based-sku",
    RadiusOverS2s = "radius-over-s2s",
    RealtimeErHairpin = "realtime-er-hairpin",
    RealtimeOverInternet = "realtime-over-internet",
    RedundantTunnelsNeedBgp = "redundant-tunnels-need-bgp",
    RemoteGatewayMissing = "remote-gateway-missing",
    RemoteGatewayWithOwnGateway = "remote-gateway-with-own-gateway",
    RemoteGatewaysTwice = "remote-gateways-twice",
    ReservedAsn = "reserved-asn",
    RouteServerBranchToBranchOff = "route-server-branch-to-branch-off",
    RouteServerNeedsBgp = "route-server-needs-bgp",
    RouteServerVpnGateway = "route-server-vpn-gateway",
    RouteServerVwanSpoke = "route-server-vwan-spoke",
    RouteViaMissingFirewall = "route-via-missing-firewall",
    RoutingIntentWithoutFirewall = "routing-intent-without-firewall",
    SameAsn = "same-asn",
    SameCircuit = "same-circuit",
    ScaleUnitsDefault = "scale-units-default",
    SelfLink = "self-link",
    SiteNoPrefixes = "site-no-prefixes",
    SkuGeneration = "sku-generation",
    SplitTunnelLoad = "split-tunnel-load",
    SpokeHasOwnGateway = "spoke-has-own-gateway",
    SstpLimit = "sstp-limit",
    SstpWithOpenvpn = "sstp-with-openvpn",
    TransitNeedsBgp = "transit-needs-bgp",
    TunnelLimit = "tunnel-limit",
    UnknownRegion = "unknown-region",
    UsersAddressSpace = "users-address-space",
    UsersOsUnstated = "users-os-unstated",
    UsersSplit = "users-split",
    UsersWithoutCount = "users-without-count",
    UsersWithoutProtocol = "users-without-protocol",
    VnetNoAddressSpace = "vnet-no-address-space",
    VnetToVnetPolicyBased = "vnet-to-vnet-policy-based",
    VwanBranchToBranchOff = "vwan-branch-to-branch-off",
    VwanConnectionThroughput = "vwan-connection-throughput",
    VwanErCircuits = "vwan-er-circuits",
    VwanErLocationNoTransit = "vwan-er-location-no-transit",
    VwanErThroughput = "vwan-er-throughput",
    VwanErToEr = "vwan-er-to-er",
    VwanP2sSstp = "vwan-p2s-sstp",
    VwanP2sThroughput = "vwan-p2s-throughput",
    VwanP2sUsers = "vwan-p2s-users",
    VwanS2sThroughput = "vwan-s2s-throughput",
    VwanSpokeNoTransit = "vwan-spoke-no-transit",
    VwanVnetConnections = "vwan-vnet-connections",
    VwanVpnConnections = "vwan-vpn-connections",
}
