//! Finding a region or a peering location by name, through the tables indexed once by their
//! names' keys.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::{key, PeeringLocation, Region, PEERING_LOCATIONS, REGIONS};

/// The tables indexed by [`key`], built on first use: the first row whose name (or display
/// name, or for a peering location the part before a parenthesis) has a key wins, as a scan of
/// the table in order would find it. A lookup then costs one pass over the name instead of a
/// scan of the table (networks of large plans look up every VNet's region and every circuit's
/// location).
struct Index {
    regions: HashMap<String, usize>,
    locations: HashMap<String, usize>,
    short_locations: HashMap<String, usize>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut regions = HashMap::new();
        for (i, r) in REGIONS.iter().enumerate() {
            regions.entry(key(r.name).collect()).or_insert(i);
            regions.entry(key(r.display).collect()).or_insert(i);
        }
        let (mut locations, mut short_locations) = (HashMap::new(), HashMap::new());
        for (i, l) in PEERING_LOCATIONS.iter().enumerate() {
            locations.entry(key(l.name).collect()).or_insert(i);
            if let Some((short, _)) = l.name.split_once('(') {
                short_locations.entry(key(short).collect()).or_insert(i);
            }
        }
        Index {
            regions,
            locations,
            short_locations,
        }
    })
}

/// Finds a region by programmatic name ("westeurope") or display name ("West Europe"), ignoring case, spaces and hyphens.
pub fn region(name: &str) -> Option<&'static Region> {
    let k: String = key(name).collect();
    index().regions.get(&k).map(|&i| &REGIONS[i])
}

/// Finds a peering location by name, ignoring case, spaces and hyphens ("amsterdam2" finds "Amsterdam2").
///
/// Other punctuation is ignored too, and a trailing parenthesis may be left out: "Newport" finds
/// "Newport(Wales)", "Queretaro" finds "Queretaro (Mexico)".
pub fn peering_location(name: &str) -> Option<&'static PeeringLocation> {
    let k: String = key(name).collect();
    let index = index();
    index
        .locations
        .get(&k)
        .or_else(|| index.short_locations.get(&k))
        .map(|&i| &PEERING_LOCATIONS[i])
}
