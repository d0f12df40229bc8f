//! Client operating systems against P2S tunnel types and authentication: which protocol each OS uses on a gateway, and who cannot connect (R4.1–R4.7).
//!
//! The rule used to spread a group's users over a gateway's protocols: each OS takes the first
//! protocol of its preference list that the gateway (or the link's `protocol`) offers, that the OS
//! supports and that one of the gateway's authentication types allows. Windows tries IKEv2 first
//! (R4.5), then OpenVPN, then SSTP; macOS IKEv2, then OpenVPN; Linux, iOS and Android OpenVPN,
//! then IKEv2 (Linux through strongSwan, R4.4). IKEv2 and OpenVPN share one connection limit, so
//! within that family the order changes only which client route limit applies (R3.16). Users
//! whose OS the plan does not give are taken to use any protocol, in the order IKEv2/OpenVPN
//! before SSTP.

use crate::engine::catalogue::{Code, Rule};
use serde::Serialize;

use crate::engine::model::{Auth, Node, Protocol};

/// A client operating system.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Os {
    /// Windows.
    Windows,
    /// macOS.
    Macos,
    /// Linux.
    Linux,
    /// iOS.
    Ios,
    /// Android.
    Android,
    /// Not given in the plan.
    Unknown,
}

impl Os {
    /// The name as people write it.
    pub fn label(self) -> &'static str {
        match self {
            Os::Windows => "Windows",
            Os::Macos => "macOS",
            Os::Linux => "Linux",
            Os::Ios => "iOS",
            Os::Android => "Android",
            Os::Unknown => "unstated-OS",
        }
    }

    /// Whether the OS has a client for the protocol (R4.1 OpenVPN: all; R4.2 SSTP: Windows;
    /// R4.3 IKEv2: Windows and macOS natively, R4.4 Linux through strongSwan).
    pub fn supports(self, p: Protocol) -> bool {
        match p {
            Protocol::Openvpn => true,
            Protocol::Sstp => matches!(self, Os::Windows | Os::Unknown),
            Protocol::Ikev2 => matches!(self, Os::Windows | Os::Macos | Os::Linux | Os::Unknown),
        }
    }

    fn preference(self) -> [Protocol; 3] {
        match self {
            Os::Windows | Os::Macos => [Protocol::Ikev2, Protocol::Openvpn, Protocol::Sstp],
            _ => [Protocol::Openvpn, Protocol::Ikev2, Protocol::Sstp],
        }
    }
}

/// The users of a group by OS: the `clients` counts, and the rest of `count` as unstated. The
/// group's size is the larger of `count` and the sum of `clients`.
pub fn by_os(node: &Node) -> Vec<(Os, u32)> {
    let c = node.clients.unwrap_or_default();
    let listed = [
        (Os::Windows, c.windows.unwrap_or(0)),
        (Os::Macos, c.macos.unwrap_or(0)),
        (Os::Linux, c.linux.unwrap_or(0)),
        (Os::Ios, c.ios.unwrap_or(0)),
        (Os::Android, c.android.unwrap_or(0)),
    ];
    // Saturating: five counts near u32::MAX must not overflow.
    let sum = listed
        .iter()
        .fold(0u32, |sum, (_, n)| sum.saturating_add(*n));
    let rest = node.count.unwrap_or(0).saturating_sub(sum);
    listed
        .into_iter()
        .chain([(Os::Unknown, rest)])
        .filter(|(_, n)| *n > 0)
        .collect()
}

/// Why users of an OS cannot connect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refusal {
    /// Finding code.
    pub code: Code,
    /// Rule id.
    pub rule: Rule,
}

/// Whether an authentication type lets this OS use this protocol (R4.6: Entra ID only over
/// OpenVPN with the Azure VPN Client, which the rule book lists for Windows and macOS).
fn auth_allows(os: Os, p: Protocol, auth: &[Auth]) -> bool {
    if auth.is_empty() {
        return true;
    }
    auth.iter().any(|a| match a {
        Auth::Entra => {
            p == Protocol::Openvpn && matches!(os, Os::Windows | Os::Macos | Os::Unknown)
        }
        Auth::Certificate | Auth::Radius => true,
    })
}

/// The protocol users of this OS take among those offered, or why they cannot connect.
pub fn choose(os: Os, offered: &[Protocol], auth: &[Auth]) -> Result<Protocol, Refusal> {
    let supported: Vec<Protocol> = os
        .preference()
        .into_iter()
        .filter(|p| offered.contains(p) && os.supports(*p))
        .collect();
    if supported.is_empty() {
        let rule = if offered.iter().all(|p| *p == Protocol::Sstp) {
            Rule::R4_2
        } else if offered.iter().all(|p| *p == Protocol::Ikev2) {
            Rule::R4_3
        } else {
            Rule::R4_1
        };
        return Err(Refusal {
            code: Code::ClientOsProtocol,
            rule,
        });
    }
    supported
        .into_iter()
        .find(|p| auth_allows(os, *p, auth))
        .ok_or(Refusal {
            code: Code::ClientOsAuth,
            rule: Rule::R4_6,
        })
}

/// What to offer so that users of this OS can connect, given what the gateway offers now.
pub fn advice(os: Os, offered: &[Protocol], vwan: bool) -> String {
    let sstp = offered.contains(&Protocol::Sstp);
    match os {
        Os::Macos if sstp => "offer IKEv2 next to SSTP (macOS 13+ has it built in, R4.3), or replace SSTP by OpenVPN (SSTP and OpenVPN cannot coexist, R4.5)".into(),
        Os::Macos | Os::Linux => "add OpenVPN (R4.1) or IKEv2 (R4.3) to the P2S protocols".into(),
        _ if sstp => "replace SSTP by OpenVPN, which every client OS has (R4.1; SSTP and OpenVPN cannot coexist, R4.5)".into(),
        _ if vwan => "add OpenVPN to the hub's User VPN protocols (R4.1, R7.10)".into(),
        _ => "add OpenVPN to the P2S protocols (R4.1)".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn macos_cannot_use_sstp() {
        assert_eq!(
            choose(Os::Macos, &[Protocol::Sstp], &[Auth::Certificate]).map_err(|r| r.rule),
            Err(Rule::R4_2)
        );
        assert_eq!(
            choose(Os::Windows, &[Protocol::Sstp, Protocol::Ikev2], &[]),
            Ok(Protocol::Ikev2)
        );
    }

    #[test]
    fn entra_needs_openvpn_and_a_desktop_client() {
        let offered = [Protocol::Openvpn, Protocol::Ikev2];
        assert_eq!(
            choose(Os::Ios, &offered, &[Auth::Entra]).map_err(|r| r.code),
            Err(Code::ClientOsAuth)
        );
        assert_eq!(
            choose(Os::Windows, &offered, &[Auth::Entra]),
            Ok(Protocol::Openvpn)
        );
        assert_eq!(
            choose(Os::Windows, &offered, &[Auth::Entra, Auth::Certificate]),
            Ok(Protocol::Ikev2)
        );
    }
}
