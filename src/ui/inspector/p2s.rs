//! The point-to-site editor shared by VPN gateways and Virtual WAN hubs: protocols and
//! authentication offered only where the gateway supports them, and the client address pool.

use yew::prelude::*;

use super::fields::CidrField;
use crate::engine::model::{Auth, P2sConfig, Protocol};

/// What the gateway allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct P2sAllowed {
    /// SSTP is offered (not on Virtual WAN hubs).
    pub sstp: bool,
    /// OpenVPN and IKEv2 are offered (not on Basic gateways).
    pub openvpn_ikev2: bool,
    /// Authentication other than certificates (not on Basic gateways).
    pub other_auth: bool,
}

/// The P2S editor's inputs.
#[derive(Properties, PartialEq)]
pub struct P2sProps {
    /// A prefix for element ids.
    pub prefix: AttrValue,
    /// The configuration.
    pub config: P2sConfig,
    /// What the gateway allows.
    pub allowed: P2sAllowed,
    /// Receives the edited configuration.
    pub on_change: Callback<P2sConfig>,
}

/// The P2S editor.
#[function_component(P2sEditor)]
pub fn p2s_editor(props: &P2sProps) -> Html {
    let allowed = props.allowed;
    let protocols: Vec<Protocol> = [Protocol::Openvpn, Protocol::Ikev2, Protocol::Sstp]
        .into_iter()
        .filter(|p| match p {
            Protocol::Sstp => allowed.sstp,
            _ => allowed.openvpn_ikev2,
        } || props.config.protocols.contains(p))
        .collect();
    let openvpn = props.config.protocols.contains(&Protocol::Openvpn);
    let auths: Vec<Auth> = [Auth::Certificate, Auth::Entra, Auth::Radius]
        .into_iter()
        .filter(|a| match a {
            Auth::Certificate => true,
            Auth::Entra => allowed.other_auth && openvpn,
            Auth::Radius => allowed.other_auth,
        } || props.config.auth.contains(a))
        .collect();
    let protocol_boxes = protocols
        .into_iter()
        .map(|p| {
            let config = props.config.clone();
            let on_change = props.on_change.clone();
            let onchange = Callback::from(move |e: Event| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                let mut next = config.clone();
                next.protocols.retain(|x| *x != p);
                if input.checked() {
                    next.protocols.push(p);
                    next.protocols.sort();
                }
                on_change.emit(next);
            });
            let id = format!("{}-proto-{}", props.prefix, p.as_str());
            html! {
                <span class="inline-check">
                    <input type="checkbox" id={id.clone()} checked={props.config.protocols.contains(&p)} {onchange} />
                    <label for={id}>{ p.to_string() }</label>
                </span>
            }
        })
        .collect::<Html>();
    let auth_boxes = auths
        .into_iter()
        .map(|a| {
            let config = props.config.clone();
            let on_change = props.on_change.clone();
            let onchange = Callback::from(move |e: Event| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                let mut next = config.clone();
                next.auth.retain(|x| *x != a);
                if input.checked() {
                    next.auth.push(a);
                    next.auth.sort();
                }
                on_change.emit(next);
            });
            let id = format!("{}-auth-{}", props.prefix, super::enum_name(&a));
            html! {
                <span class="inline-check">
                    <input type="checkbox" id={id.clone()} checked={props.config.auth.contains(&a)} {onchange} />
                    <label for={id}>{ a.to_string() }</label>
                </span>
            }
        })
        .collect::<Html>();
    let on_pool = {
        let config = props.config.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |pool| {
            let mut next = config.clone();
            next.address_pool = pool;
            on_change.emit(next);
        })
    };
    html! {
        <div class="subsection">
            <fieldset>
                <legend>{"Tunnel types"}</legend>
                { protocol_boxes }
            </fieldset>
            <fieldset>
                <legend>{"Authentication"}</legend>
                { auth_boxes }
                if !openvpn && allowed.other_auth {
                    <p class="field-hint">{"Entra ID needs OpenVPN."}</p>
                }
            </fieldset>
            <CidrField id={format!("{}-pool", props.prefix)} label="Client address pool"
                value={props.config.address_pool.clone()} on_change={on_pool} />
        </div>
    }
}
