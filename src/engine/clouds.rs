//! Which Azure cloud a region belongs to, and the nearest known names for one that is not known.
//!
//! The global cloud's regions are [`geo::REGIONS`] (with their ExpressRoute areas) and a few
//! regions whose area the tables leave open ([`GLOBAL_WITHOUT_AREA`]). The sovereign clouds are
//! separate clouds with their own regions: Azure Government (learn.microsoft.com/azure/
//! azure-government/documentation-government-overview) and Azure operated by 21Vianet
//! (docs.azure.cn/en-us/reliability/regions-list, read 2026-12; the same list as
//! learn.microsoft.com/azure/china/overview-regions). Networks never cross clouds: "You can't
//! peer across clouds" (learn.microsoft.com/azure/virtual-network/virtual-network-manage-peering),
//! VNet-to-VNet connects VNets of one cloud (R3.9), and an ExpressRoute circuit reaches the
//! regions of its own cloud only (R6.2).

use super::geo;

/// An Azure cloud.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Cloud {
    /// The global (commercial) cloud.
    Global,
    /// Azure Government (United States).
    Government,
    /// Azure operated by 21Vianet (China).
    China,
}

impl Cloud {
    /// The cloud's name as Microsoft writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Cloud::Global => "the global Azure cloud",
            Cloud::Government => "Azure Government",
            Cloud::China => "Azure operated by 21Vianet",
        }
    }
}

/// Regions of the global cloud that the ExpressRoute area tables of `geo` leave out (their area
/// is not settled there): known names, analysed without a circuit scope check
/// (learn.microsoft.com/azure/reliability/regions-list, read 2026-12).
pub static GLOBAL_WITHOUT_AREA: &[&str] = &[
    "austriaeast",
    "belgiumcentral",
    "chilecentral",
    "jioindiacentral",
    "jioindiawest",
];

/// The regions of the sovereign clouds, by programmatic name.
pub static SOVEREIGN: &[(&str, Cloud)] = &[
    ("usgovarizona", Cloud::Government),
    ("usgovtexas", Cloud::Government),
    ("usgovvirginia", Cloud::Government),
    ("usdodcentral", Cloud::Government),
    ("usdodeast", Cloud::Government),
    ("chinaeast", Cloud::China),
    ("chinaeast2", Cloud::China),
    ("chinaeast3", Cloud::China),
    ("chinanorth", Cloud::China),
    ("chinanorth2", Cloud::China),
    ("chinanorth3", Cloud::China),
];

fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The cloud of a region name (programmatic or display form, any case), `None` when no cloud
/// has a region of that name.
pub fn cloud_of(region: &str) -> Option<Cloud> {
    let k = key(region);
    if geo::region(region).is_some() || GLOBAL_WITHOUT_AREA.contains(&k.as_str()) {
        return Some(Cloud::Global);
    }
    SOVEREIGN.iter().find(|(n, _)| *n == k).map(|&(_, c)| c)
}

/// Every known region name, programmatic form.
fn names() -> impl Iterator<Item = &'static str> {
    geo::REGIONS
        .iter()
        .map(|r| r.name)
        .chain(GLOBAL_WITHOUT_AREA.iter().copied())
        .chain(SOVEREIGN.iter().map(|(n, _)| *n))
}

/// The known region names nearest to `input` (edit distance, at most three, closest first), for
/// "did you mean"; empty when nothing is close.
pub fn nearest(input: &str) -> Vec<&'static str> {
    let k = key(input);
    let limit = (k.chars().count() / 3).clamp(1, 4);
    let mut scored: Vec<(usize, &'static str)> = names()
        .map(|n| (distance(&k, n), n))
        .filter(|&(d, _)| d <= limit)
        .collect();
    super::order::sort(&mut scored);
    scored.into_iter().take(3).map(|(_, n)| n).collect()
}

/// Levenshtein distance, by characters (names are short: O(a b) is nothing).
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(here + 1);
            prev = here;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clouds_of_regions() {
        assert_eq!(cloud_of("westeurope"), Some(Cloud::Global));
        assert_eq!(cloud_of("West Europe"), Some(Cloud::Global));
        assert_eq!(cloud_of("austriaeast"), Some(Cloud::Global));
        assert_eq!(cloud_of("usgovvirginia"), Some(Cloud::Government));
        assert_eq!(cloud_of("China North 3"), Some(Cloud::China));
        assert_eq!(cloud_of("westeurop"), None);
        assert_eq!(cloud_of(""), None);
    }

    #[test]
    fn nearest_names_for_typos() {
        assert_eq!(nearest("westeurop").first(), Some(&"westeurope"));
        assert_eq!(nearest("west-eu-rope").first(), Some(&"westeurope"));
        assert_eq!(nearest("eastus3").first(), Some(&"eastus"));
        assert!(nearest("middle earth").is_empty());
        assert!(nearest("").len() <= 3);
    }

    #[test]
    fn sovereign_names_are_not_global() {
        for (n, _) in SOVEREIGN {
            assert!(geo::region(n).is_none(), "{n}");
        }
    }
}
