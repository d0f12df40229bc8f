//! Identity: Azure resource ids parsed into type and name, the keys that match a reference to
//! the resource it names, and the plan's readable, unique ids made from resource names.

use std::collections::{BTreeSet, HashMap};

/// The key that matches a resource: its type and full name, in lower case
/// (`microsoft.network/virtualnetworks|hub`). Subscription and resource group are left out,
/// so that a template's `resourceId()` and a deployed resource's id meet.
pub(crate) fn key(rtype: &str, name: &str) -> String {
    format!(
        "{}|{}",
        rtype.to_ascii_lowercase(),
        name.to_ascii_lowercase()
    )
}

/// The type and full name an Azure resource id names:
/// `/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/hub/
/// virtualNetworkPeerings/p` → (`Microsoft.Network/virtualNetworks/virtualNetworkPeerings`,
/// `hub/p`). `None` when the text is not such an id.
pub(crate) fn parse(id: &str) -> Option<(String, String)> {
    let lower = id.to_ascii_lowercase();
    let at = lower.rfind("/providers/")?;
    let rest = &id[at + "/providers/".len()..];
    let mut parts = rest.split('/').filter(|p| !p.is_empty());
    let namespace = parts.next()?;
    let parts: Vec<&str> = parts.collect();
    if parts.is_empty() || parts.len() % 2 != 0 {
        return None;
    }
    let types: Vec<&str> = parts.iter().step_by(2).copied().collect();
    let names: Vec<&str> = parts.iter().skip(1).step_by(2).copied().collect();
    Some((format!("{namespace}/{}", types.join("/")), names.join("/")))
}

/// The id of the parent of the resource an id names (a peering's VNet, a circuit peering's
/// circuit), when it is itself a resource id.
pub(crate) fn parent(id: &str) -> Option<String> {
    let end = id.trim_end_matches('/').rfind('/')?;
    let cut = id[..end].rfind('/')?;
    let up = &id[..cut];
    parse(up).map(|_| up.to_string())
}

/// The key of the resource an id names, or of the id itself when it is not a resource id.
pub(crate) fn key_of(id: &str) -> String {
    match parse(id) {
        Some((rtype, name)) => key(&rtype, &name),
        None => id.to_ascii_lowercase(),
    }
}

/// The id of a resource of this type and full name, in a subscription and resource group
/// that the input does not say (`{subscription}`, `{resourceGroup}`).
pub(crate) fn build(rtype: &str, name: &str) -> String {
    let (namespace, types) = rtype.split_once('/').unwrap_or((rtype, ""));
    let mut out = format!(
        "/subscriptions/{{subscription}}/resourceGroups/{{resourceGroup}}/providers/{namespace}"
    );
    for (t, n) in types.split('/').zip(name.split('/')) {
        out.push('/');
        out.push_str(t);
        out.push('/');
        out.push_str(n);
    }
    out
}

/// The longest plan id.
const MAX_ID: usize = 64;

/// Hands out plan ids: readable (the resource name in lower case, other characters as `-`),
/// unique (`-2`, `-3` … on a clash) and valid (1-64 characters of `a-z 0-9 - _`).
#[derive(Debug, Default)]
pub(crate) struct Ids {
    taken: BTreeSet<String>,
    /// The next suffix to try for each base, so that a thousand clashes cost a thousand steps.
    next: HashMap<String, usize>,
}

impl Ids {
    /// A new id made from `name` (or `fallback` when nothing of the name is left).
    pub fn make(&mut self, name: &str, fallback: &str) -> String {
        let mut base = slug(name);
        if base.is_empty() {
            base = slug(fallback);
        }
        if base.is_empty() {
            base = "node".to_string();
        }
        let mut id = base.clone();
        let mut n = self.next.get(&base).copied().unwrap_or(2);
        while self.taken.contains(&id) {
            let suffix = format!("-{n}");
            let keep = MAX_ID.saturating_sub(suffix.len()).min(base.len());
            id = format!("{}{suffix}", &base[..keep]);
            n += 1;
        }
        self.next.insert(base, n);
        self.taken.insert(id.clone());
        id
    }

    /// A new id from `name`, or from `alternative` when `name`'s is taken (a peering named
    /// `to-hub` in every spoke becomes `spoke1-to-hub`), numbered only when both are.
    pub fn make_or(&mut self, name: &str, alternative: &str, fallback: &str) -> String {
        let first = slug(name);
        if !first.is_empty() && !self.taken.contains(&first) {
            return self.make(name, fallback);
        }
        self.make(alternative, fallback)
    }
}

/// `Hub VNet (prod)` → `hub-vnet-prod`: lower case, runs of other characters as one `-`, no
/// `-` at either end, at most 64 characters.
pub(crate) fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= MAX_ID {
            break;
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_parse_to_type_and_name() {
        let id = "/subscriptions/1/resourceGroups/rg/providers/Microsoft.Network/\
                  virtualNetworks/hub/virtualNetworkPeerings/to-spoke";
        assert_eq!(
            parse(id),
            Some((
                "Microsoft.Network/virtualNetworks/virtualNetworkPeerings".to_string(),
                "hub/to-spoke".to_string()
            ))
        );
        assert_eq!(parse("hub"), None);
        let built = build(
            "Microsoft.Network/virtualNetworks/virtualNetworkPeerings",
            "a/b",
        );
        assert_eq!(key_of(&built), key_of(id).replace("hub/to-spoke", "a/b"));
    }

    #[test]
    fn ids_are_readable_unique_and_valid() {
        let mut ids = Ids::default();
        assert_eq!(ids.make("Hub", "vnet"), "hub");
        assert_eq!(ids.make("hub", "vnet"), "hub-2");
        assert_eq!(ids.make("Spoke VNet (prod)", "vnet"), "spoke-vnet-prod");
        assert_eq!(ids.make("√√√", "vnet"), "vnet");
        let long = "x".repeat(100);
        let a = ids.make(&long, "vnet");
        let b = ids.make(&long, "vnet");
        assert_eq!(a.len(), 64);
        assert!(b.len() <= 64 && b.ends_with("-2"));
    }
}
