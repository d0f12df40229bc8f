//! Azure regions, geopolitical areas and ExpressRoute peering locations: dated tables with their sources.
//!
//! Everything here is read from Microsoft's documentation (github.com/MicrosoftDocs/azure-docs,
//! published under learn.microsoft.com/azure/…) or from the project's rule book
//! (design/azure-rules.md); [`SOURCES`] names each file and the `ms.date` of the version read.
//! Only the global commercial cloud is covered: the US Government and China (21Vianet) clouds,
//! their regions and their peering locations are left out on purpose (ExpressRoute for one Azure
//! cloud can't reach the regions of another).
//!
//! How the geopolitical area of a row was established, in order of preference:
//! 1. the ExpressRoute "Azure regions to ExpressRoute locations within a geopolitical region"
//!    table (include file, 04/05/2024);
//! 2. the same table as rendered on learn.microsoft.com (zh-cn page, undated, newer than the
//!    include read): it adds Dallas2, Phoenix2 and Taipei2;
//! 3. for a region the table does not list, the area of the peering location whose "Local Azure
//!    regions" column names it (a Local circuit only reaches regions in or near its metro);
//! 4. for a location the table does not list, the area of its Local region or of its numbered
//!    sibling in the same metro ("Atlanta2" → "Atlanta").
//!
//! Rows none of these settles were left out rather than guessed (see the comments at the tables):
//! regions Austria East and Chile Central, and peering locations Brussels, Brussels2, Vienna and
//! Vienna2.

mod lookup;

pub use lookup::{peering_location, region};

/// A geopolitical area as ExpressRoute defines it for Standard circuits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Geo {
    /// Australia Government: Australia Central and Australia Central 2 (Canberra).
    AustraliaGovernment,
    /// Europe, including the UK, Switzerland and Norway.
    Europe,
    /// North America: the United States, Canada and Mexico.
    NorthAmerica,
    /// Asia: East and Southeast Asia.
    Asia,
    /// India.
    India,
    /// Israel.
    Israel,
    /// Japan.
    Japan,
    /// Oceania: Australia (but Canberra) and New Zealand.
    Oceania,
    /// South Korea.
    SouthKorea,
    /// United Arab Emirates.
    Uae,
    /// South Africa.
    SouthAfrica,
    /// South America.
    SouthAmerica,
    /// Qatar.
    Qatar,
}

impl Geo {
    /// The area's name as Microsoft's table writes it, e.g. "Europe".
    pub fn as_str(self) -> &'static str {
        match self {
            Geo::AustraliaGovernment => "Australia Government",
            Geo::Europe => "Europe",
            Geo::NorthAmerica => "North America",
            Geo::Asia => "Asia",
            Geo::India => "India",
            Geo::Israel => "Israel",
            Geo::Japan => "Japan",
            Geo::Oceania => "Oceania",
            Geo::SouthKorea => "South Korea",
            Geo::Uae => "UAE",
            Geo::SouthAfrica => "South Africa",
            Geo::SouthAmerica => "South America",
            Geo::Qatar => "Qatar",
        }
    }
}

/// An Azure region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    /// Programmatic name, e.g. "westeurope".
    pub name: &'static str,
    /// Display name, e.g. "West Europe".
    pub display: &'static str,
    /// The ExpressRoute geopolitical area the region belongs to.
    pub geo: Geo,
}

/// An ExpressRoute peering location.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeeringLocation {
    /// The name as Microsoft writes it, e.g. "Amsterdam", "Silicon Valley", "Washington DC".
    pub name: &'static str,
    /// Its geopolitical area.
    pub geo: Geo,
    /// Programmatic names of the regions a Local circuit there may use (empty: no Local SKU).
    pub local_regions: &'static [&'static str],
    /// Whether Global Reach is supported at this location (by country).
    pub global_reach: bool,
}

const AUG: Geo = Geo::AustraliaGovernment;
const EU: Geo = Geo::Europe;
const NA: Geo = Geo::NorthAmerica;
const AS: Geo = Geo::Asia;
const IN: Geo = Geo::India;
const IL: Geo = Geo::Israel;
const JP: Geo = Geo::Japan;
const OC: Geo = Geo::Oceania;
const KR: Geo = Geo::SouthKorea;
const AE: Geo = Geo::Uae;
const ZA: Geo = Geo::SouthAfrica;
const SA: Geo = Geo::SouthAmerica;
const QA: Geo = Geo::Qatar;

const fn reg(name: &'static str, display: &'static str, geo: Geo) -> Region {
    Region { name, display, geo }
}

const fn loc(
    name: &'static str,
    geo: Geo,
    local_regions: &'static [&'static str],
    global_reach: bool,
) -> PeeringLocation {
    PeeringLocation {
        name,
        geo,
        local_regions,
        global_reach,
    }
}

/// Public-cloud Azure regions (regions list of 04/15/2025, plus Taiwan North), with their areas.
///
/// Display names are those of the regions list; programmatic names follow `az account
/// list-locations` (lowercase, spaces removed). Left out: Austria East and Chile Central ("coming
/// soon" in the list, and no source read gives their ExpressRoute area), Sweden South (named only
/// as a restricted paired region). Taiwan North is not in the regions list read; it is the Local
/// region of Taipei in the ExpressRoute locations table (04/28/2026).
pub static REGIONS: &[Region] = &[
    reg("australiacentral", "Australia Central", AUG),
    reg("australiacentral2", "Australia Central 2", AUG),
    reg("francecentral", "France Central", EU),
    reg("francesouth", "France South", EU),
    reg("germanynorth", "Germany North", EU),
    reg("germanywestcentral", "Germany West Central", EU),
    reg("italynorth", "Italy North", EU),
    reg("northeurope", "North Europe", EU),
    reg("norwayeast", "Norway East", EU),
    reg("norwaywest", "Norway West", EU),
    reg("polandcentral", "Poland Central", EU),
    reg("spaincentral", "Spain Central", EU), // area via Madrid's Local region
    reg("swedencentral", "Sweden Central", EU),
    reg("switzerlandnorth", "Switzerland North", EU),
    reg("switzerlandwest", "Switzerland West", EU),
    reg("uksouth", "UK South", EU),
    reg("ukwest", "UK West", EU),
    reg("westeurope", "West Europe", EU),
    reg("canadacentral", "Canada Central", NA),
    reg("canadaeast", "Canada East", NA),
    reg("centralus", "Central US", NA),
    reg("eastus", "East US", NA),
    reg("eastus2", "East US 2", NA),
    reg("mexicocentral", "Mexico Central", NA), // area via Queretaro's Local region
    reg("northcentralus", "North Central US", NA),
    reg("southcentralus", "South Central US", NA),
    reg("westcentralus", "West Central US", NA),
    reg("westus", "West US", NA),
    reg("westus2", "West US 2", NA),
    reg("westus3", "West US 3", NA),
    reg("eastasia", "East Asia", AS),
    reg("indonesiacentral", "Indonesia Central", AS), // area via Jakarta's Local region
    reg("malaysiawest", "Malaysia West", AS),         // area via Kuala Lumpur's Local region
    reg("southeastasia", "Southeast Asia", AS),
    reg("taiwannorth", "Taiwan North", AS), // area via Taipei's Local region
    reg("centralindia", "Central India", IN),
    reg("southindia", "South India", IN),
    reg("westindia", "West India", IN),
    reg("israelcentral", "Israel Central", IL),
    reg("japaneast", "Japan East", JP),
    reg("japanwest", "Japan West", JP),
    reg("australiaeast", "Australia East", OC),
    reg("australiasoutheast", "Australia Southeast", OC),
    reg("newzealandnorth", "New Zealand North", OC), // area via Auckland's Local region
    reg("koreacentral", "Korea Central", KR),
    reg("koreasouth", "Korea South", KR),
    reg("uaecentral", "UAE Central", AE),
    reg("uaenorth", "UAE North", AE),
    reg("southafricanorth", "South Africa North", ZA),
    reg("southafricawest", "South Africa West", ZA),
    reg("brazilsouth", "Brazil South", SA),
    reg("brazilsoutheast", "Brazil Southeast", SA), // area via Rio de Janeiro's Local region
    reg("qatarcentral", "Qatar Central", QA),
];

/// ExpressRoute peering locations of the global commercial cloud (locations table of 04/28/2026).
///
/// Local regions are the table's "Local Azure regions" column. Global Reach follows the list of
/// supported countries (Global Reach page of 01/31/2025); the country of each row is in its
/// trailing comment. Left out, no source read giving their area: Brussels, Brussels2 (Belgium),
/// Vienna, Vienna2 (Austria); none has Local, and neither country is on the Global Reach list.
pub static PEERING_LOCATIONS: &[PeeringLocation] = &[
    loc("Abu Dhabi", AE, &["uaecentral"], false),      // UAE
    loc("Amsterdam", EU, &["westeurope"], true),       // Netherlands
    loc("Amsterdam2", EU, &["westeurope"], true),      // Netherlands
    loc("Atlanta", NA, &[], true),                     // United States
    loc("Atlanta2", NA, &[], true),                    // United States; area as Atlanta
    loc("Auckland", OC, &["newzealandnorth"], true),   // New Zealand
    loc("Bangkok", AS, &[], false),                    // Thailand
    loc("Berlin", EU, &["germanynorth"], true),        // Germany
    loc("Busan", KR, &["koreasouth"], true),           // Korea
    loc("Campinas", SA, &["brazilsouth"], false),      // Brazil
    loc("Canberra", AUG, &["australiacentral"], true), // Australia
    loc("Canberra2", AUG, &["australiacentral2"], true), // Australia
    loc("Cape Town", ZA, &["southafricawest"], false), // South Africa; Global Reach: Johannesburg only
    loc("Chennai", IN, &["southindia"], true),         // India
    loc("Chennai2", IN, &["southindia"], true),        // India
    loc("Chicago", NA, &["northcentralus"], true),     // United States
    loc("Chicago2", NA, &["northcentralus"], true),    // United States
    loc("Copenhagen", EU, &[], true),                  // Denmark
    loc("Dallas", NA, &[], true),                      // United States
    loc("Dallas2", NA, &[], true),                     // United States
    loc("Denver", NA, &["westcentralus"], true),       // United States
    loc("Doha", QA, &["qatarcentral"], false),         // Qatar
    loc("Doha2", QA, &["qatarcentral"], false),        // Qatar
    loc("Dubai", AE, &["uaenorth"], false),            // UAE
    loc("Dubai2", AE, &["uaenorth"], false),           // UAE
    loc("Dublin", EU, &["northeurope"], true),         // Ireland
    loc("Dublin2", EU, &["northeurope"], true),        // Ireland
    loc("Frankfurt", EU, &["germanywestcentral"], true), // Germany
    loc("Frankfurt2", EU, &["germanywestcentral"], true), // Germany
    loc("Geneva", EU, &["switzerlandwest"], true),     // Switzerland
    loc("Hong Kong", AS, &["eastasia"], true),         // Hong Kong SAR
    loc("Hong Kong2", AS, &["eastasia"], true),        // Hong Kong SAR
    loc("Jakarta", AS, &["indonesiacentral"], false),  // Indonesia
    loc("Jakarta2", AS, &["indonesiacentral"], false), // Indonesia; area as Jakarta
    loc("Johannesburg", ZA, &["southafricanorth"], true), // South Africa
    loc("Kuala Lumpur", AS, &["malaysiawest"], false), // Malaysia
    loc("Kuala Lumpur2", AS, &["malaysiawest"], false), // Malaysia; area as Kuala Lumpur
    loc("Las Vegas", NA, &[], true),                   // United States
    loc("London", EU, &["uksouth"], true),             // United Kingdom
    loc("London2", EU, &["uksouth"], true),            // United Kingdom
    loc("Los Angeles", NA, &[], true),                 // United States
    loc("Los Angeles2", NA, &[], true),                // United States
    loc("Madrid", EU, &["spaincentral"], false),       // Spain
    loc("Madrid2", EU, &["spaincentral"], false),      // Spain
    loc("Marseille", EU, &["francesouth"], true),      // France
    loc("Melbourne", OC, &["australiasoutheast"], true), // Australia
    loc("Melbourne2", OC, &["australiasoutheast"], true), // Australia; area as Melbourne
    loc("Miami", NA, &[], true),                       // United States
    loc("Milan", EU, &["italynorth"], false),          // Italy
    loc("Milan2", EU, &["italynorth"], false),         // Italy
    loc("Minneapolis", NA, &[], true),                 // United States
    loc("Montreal", NA, &[], true),                    // Canada
    loc("Mumbai", IN, &["westindia"], true),           // India
    loc("Mumbai2", IN, &["westindia"], true),          // India
    loc("Munich", EU, &[], true),                      // Germany
    loc("New York", NA, &[], true),                    // United States
    loc("Newport(Wales)", EU, &["ukwest"], true),      // United Kingdom
    loc("Osaka", JP, &["japanwest"], true),            // Japan
    loc("Oslo", EU, &["norwayeast"], true),            // Norway
    loc("Paris", EU, &["francecentral"], true),        // France
    loc("Paris2", EU, &["francecentral"], true),       // France
    loc("Perth", OC, &[], true),                       // Australia
    loc("Phoenix", NA, &["westus3"], true),            // United States
    loc("Phoenix2", NA, &["westus3"], true),           // United States
    loc("Portland", NA, &["westus2"], true),           // United States; area via West US 2
    loc("Pune", IN, &["centralindia"], true),          // India
    loc("Quebec City", NA, &["canadaeast"], true),     // Canada
    loc("Queretaro (Mexico)", NA, &["mexicocentral"], false), // Mexico
    loc("Quincy", NA, &["westus2"], true),             // United States
    loc("Rio de Janeiro", SA, &["brazilsoutheast"], false), // Brazil
    loc("San Antonio", NA, &["southcentralus"], true), // United States
    loc("Santiago", SA, &[], false),                   // Chile
    loc("Sao Paulo", SA, &["brazilsouth"], false),     // Brazil
    loc("Sao Paulo2", SA, &["brazilsouth"], false),    // Brazil
    loc("Seattle", NA, &["westus2"], true),            // United States
    loc("Seoul", KR, &["koreacentral"], true),         // Korea
    loc("Seoul2", KR, &["koreacentral"], true),        // Korea
    loc("Silicon Valley", NA, &["westus"], true),      // United States
    loc("Silicon Valley2", NA, &["westus"], true),     // United States
    loc("Singapore", AS, &["southeastasia"], true),    // Singapore
    loc("Singapore2", AS, &["southeastasia"], true),   // Singapore
    loc("Stavanger", EU, &["norwaywest"], true),       // Norway
    loc("Stockholm", EU, &["swedencentral"], true),    // Sweden
    loc("Stockholm2", EU, &["swedencentral"], true),   // Sweden; area as Stockholm
    loc("Sydney", OC, &["australiaeast"], true),       // Australia
    loc("Sydney2", OC, &["australiaeast"], true),      // Australia
    loc("Taipei", AS, &["taiwannorth"], true),         // Taiwan
    loc("Taipei2", AS, &["taiwannorth"], true),        // Taiwan
    loc("Tel Aviv", IL, &["israelcentral"], false),    // Israel
    loc("Tel Aviv2", IL, &["israelcentral"], false),   // Israel
    loc("Tokyo", JP, &["japaneast"], true),            // Japan
    loc("Tokyo2", JP, &["japaneast"], true),           // Japan
    loc("Tokyo3", JP, &["japaneast"], true),           // Japan
    loc("Toronto", NA, &["canadacentral"], true),      // Canada
    loc("Toronto2", NA, &["canadacentral"], true),     // Canada
    loc("Vancouver", NA, &[], true),                   // Canada
    loc("Warsaw", EU, &["polandcentral"], true),       // Poland
    loc("Washington DC", NA, &["eastus", "eastus2"], true), // United States
    loc("Washington DC2", NA, &["eastus", "eastus2"], true), // United States
    loc("Zurich", EU, &["switzerlandnorth"], true),    // Switzerland
    loc("Zurich2", EU, &["switzerlandnorth"], true),   // Switzerland
];

/// Where each table comes from and the date of the version read (a few lines of text, for people and for --help output).
pub static SOURCES: &[(&str, &str)] = &[
    (
        "PEERING_LOCATIONS (names, Local regions)",
        "articles/expressroute/expressroute-locations-providers.md, ms.date 04/28/2026 \
         (learn.microsoft.com/azure/expressroute/expressroute-locations-providers)",
    ),
    (
        "Geo (geopolitical areas)",
        "includes/expressroute-azure-regions-geopolitical-region.md, ms.date 04/05/2024, \
         and a newer rendering of it (learn.microsoft.com/zh-cn/azure/expressroute/\
         expressroute-locations-providers, undated) for Dallas2, Phoenix2, Taipei2",
    ),
    (
        "PEERING_LOCATIONS (Global Reach)",
        "articles/expressroute/expressroute-global-reach.md, ms.date 01/31/2025 \
         (countries where Global Reach is available)",
    ),
    (
        "REGIONS",
        "articles/reliability/regions-list.md, ms.date 04/15/2025 \
         (learn.microsoft.com/azure/reliability/regions-list); programmatic names as \
         az account list-locations",
    ),
    (
        "OCI_INTERCONNECT",
        "design/azure-rules.md R8.4 (S-OCI-OV: \
         articles/virtual-machines/workloads/oracle/oracle-oci-overview.md, 04/11/2023)",
    ),
    (
        "LATENCY_FROM_EASTUS",
        "design/azure-rules.md R10.2 (S-LATENCY: articles/networking/azure-network-latency.md, \
         04/10/2024, East US tab, April 2024 P50)",
    ),
];

/// The Azure–OCI interconnect region pairs (Azure region programmatic name, OCI region name).
pub static OCI_INTERCONNECT: &[(&str, &str)] = &[
    ("brazilsouth", "Vinhedo"),
    ("canadacentral", "Toronto"),
    ("eastus", "Ashburn"),
    ("germanywestcentral", "Frankfurt"),
    ("japaneast", "Tokyo"),
    ("koreacentral", "Seoul"),
    ("southafricanorth", "Johannesburg"),
    ("southeastasia", "Singapore"),
    ("uksouth", "London"),
    ("westeurope", "Amsterdam"),
    ("westus", "San Jose"),
    ("westus3", "Phoenix"),
];

/// Inter-region round-trip latency P50 in ms from East US (rule book R10.2), as (region, ms) pairs.
///
/// East US 2 is given as "8–9" and stored as its midpoint.
pub static LATENCY_FROM_EASTUS: &[(&str, f64)] = &[
    ("eastus2", 8.5),
    ("canadacentral", 22.0),
    ("northcentralus", 24.0),
    ("centralus", 32.0),
    ("westus", 69.0),
    ("northeurope", 70.0),
    ("uksouth", 78.0),
    ("westeurope", 84.0),
    ("brazilsouth", 118.0),
    ("japaneast", 158.0),
    ("southeastasia", 227.0),
    ("australiaeast", 204.0),
];

/// The characters of a name that count when comparing: letters and digits, lowercased.
fn key(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn region_lookup_by_both_name_forms() {
        assert_eq!(region("westeurope").map(|r| r.display), Some("West Europe"));
        assert_eq!(region("West Europe").map(|r| r.name), Some("westeurope"));
        assert_eq!(region("west-europe").map(|r| r.name), Some("westeurope"));
        assert_eq!(region("EAST US 2").map(|r| r.name), Some("eastus2"));
        assert_eq!(region("eastus").map(|r| r.name), Some("eastus"));
        assert_eq!(region("westeurope").map(|r| r.geo), Some(Geo::Europe));
        assert!(region("middle earth").is_none());
        assert!(region("").is_none());
    }

    #[test]
    fn amsterdam_is_europe_with_local_west_europe() {
        let ams = peering_location("Amsterdam");
        assert_eq!(ams.map(|l| l.name), Some("Amsterdam"));
        assert_eq!(ams.map(|l| l.geo), Some(Geo::Europe));
        assert_eq!(ams.map(|l| l.local_regions), Some(&["westeurope"][..]));
        assert_eq!(ams.map(|l| l.global_reach), Some(true));
    }

    #[test]
    fn peering_location_lookup_ignores_case_spaces_and_hyphens() {
        let name = |n: &str| peering_location(n).map(|l| l.name);
        assert_eq!(name("amsterdam2"), Some("Amsterdam2"));
        assert_eq!(name("AMSTERDAM"), Some("Amsterdam"));
        assert_eq!(name("silicon-valley"), Some("Silicon Valley"));
        assert_eq!(name("siliconvalley2"), Some("Silicon Valley2"));
        assert_eq!(name("washington dc"), Some("Washington DC"));
        assert_eq!(name("Newport"), Some("Newport(Wales)"));
        assert_eq!(name("newport (wales)"), Some("Newport(Wales)"));
        assert_eq!(name("Queretaro"), Some("Queretaro (Mexico)"));
        assert_eq!(name("Atlantis"), None);
        assert_eq!(name(""), None);
    }

    #[test]
    fn london_local_is_uk_south_only() {
        let london = peering_location("London");
        assert_eq!(london.map(|l| l.local_regions), Some(&["uksouth"][..]));
        assert_eq!(london.map(|l| l.geo), Some(Geo::Europe));
    }

    #[test]
    fn global_reach_follows_the_country_list() {
        let gr = |n: &str| peering_location(n).map(|l| l.global_reach);
        assert_eq!(gr("Johannesburg"), Some(true));
        assert_eq!(gr("Cape Town"), Some(false));
        assert_eq!(gr("Sao Paulo"), Some(false));
        assert_eq!(gr("Tokyo"), Some(true));
        assert_eq!(gr("Dubai"), Some(false));
    }

    #[test]
    fn every_referenced_region_exists() {
        let geo_of = |r: &str| REGIONS.iter().find(|x| x.name == r).map(|x| x.geo);
        for l in PEERING_LOCATIONS {
            for r in l.local_regions {
                // A Local region lies in the location's own area.
                assert_eq!(geo_of(r), Some(l.geo), "{}: Local region {r}", l.name);
            }
        }
        for (azure, _) in OCI_INTERCONNECT {
            assert!(geo_of(azure).is_some(), "OCI pair: no region {azure}");
        }
        for (r, ms) in LATENCY_FROM_EASTUS {
            assert!(geo_of(r).is_some(), "latency: no region {r}");
            assert!(*ms > 0.0);
        }
    }

    #[test]
    fn names_are_unique_even_normalised() {
        let norm = |s: &str| key(s).collect::<String>();
        let mut seen = HashSet::new();
        for r in REGIONS {
            assert_eq!(norm(r.name), r.name, "programmatic name not canonical");
            assert_eq!(
                norm(r.display),
                r.name,
                "display and programmatic names differ"
            );
            assert!(seen.insert(r.name), "duplicate region {}", r.name);
        }
        let mut seen = HashSet::new();
        for l in PEERING_LOCATIONS {
            assert!(seen.insert(norm(l.name)), "duplicate location {}", l.name);
        }
    }

    #[test]
    fn table_sizes() {
        assert_eq!(OCI_INTERCONNECT.len(), 12);
        assert_eq!(LATENCY_FROM_EASTUS.len(), 12);
        assert_eq!(LATENCY_FROM_EASTUS[0], ("eastus2", 8.5));
        assert_eq!(REGIONS.len(), 53);
        assert_eq!(PEERING_LOCATIONS.len(), 101);
        assert!(!SOURCES.is_empty());
        assert_eq!(Geo::Uae.as_str(), "UAE");
    }
}
