//! The plan's Azure resources as declarations: the builder that the parts (`vnet`, `wan`,
//! `circuit`, `links`) add to, and the order they run in.

use std::collections::{BTreeMap, BTreeSet};

use crate::engine::model::{Node, NodeKind, Plan};

use super::decl::{Param, ParamDefault, ParamType, Resource, Template, Value};
use super::text::{identifier, unique};

/// The API version of every Microsoft.Network resource the export declares.
pub const API: &str = "2023-09-01";

/// Azure's limit on a tag's value, in characters.
const TAG_MAX: usize = 256;

/// A subnet: its name and properties.
pub type Subnet = (String, Vec<(String, Value)>);

/// The template being built, with what the parts look each other up by.
pub struct Builder<'a> {
    /// The plan exported.
    pub plan: &'a Plan,
    /// What is declared so far.
    pub t: Template,
    symbols: BTreeSet<String>,
    /// Declared resources by role and plan id (`("vnet", "hub")`, `("vpngw", "hub")`, …).
    pub index: BTreeMap<(&'static str, String), usize>,
    /// Subnets of each VNet by id: name and properties, added by the parts and written into
    /// the VNet at the end.
    pub subnets: BTreeMap<String, Vec<Subnet>>,
    /// What the file does not declare, said in its header.
    pub left_out: Vec<String>,
}

impl<'a> Builder<'a> {
    fn new(plan: &'a Plan) -> Builder<'a> {
        Builder {
            plan,
            t: Template::default(),
            symbols: BTreeSet::new(),
            index: BTreeMap::new(),
            subnets: BTreeMap::new(),
            left_out: Vec::new(),
        }
    }

    /// A resource with only its identity set; `add` declares it.
    pub fn resource(&self, rtype: &'static str, name: String) -> Resource {
        Resource {
            symbol: String::new(),
            rtype,
            api: API,
            parent: None,
            name,
            location: None,
            tags: Vec::new(),
            sku: None,
            properties: Value::Obj(Vec::new()),
            after: Vec::new(),
            comments: Vec::new(),
        }
    }

    /// Declares a resource under a role and key (a plan id), with a symbol made from them.
    pub fn add(&mut self, role: &'static str, key: &str, mut r: Resource) -> usize {
        r.symbol = unique(identifier(&format!("{role}_"), key), &mut self.symbols);
        let at = self.t.resources.len();
        self.t.resources.push(r);
        self.index.insert((role, key.to_string()), at);
        at
    }

    /// The resource declared under a role and key.
    pub fn get(&self, role: &'static str, key: &str) -> Option<usize> {
        self.index.get(&(role, key.to_string())).copied()
    }

    /// A parameter (declared once by name) and its value.
    pub fn param(&mut self, name: &str, ty: ParamType, description: String) -> Value {
        self.param_with(name, ty, description, None)
    }

    /// A parameter with a default.
    pub fn param_with(
        &mut self,
        name: &str,
        ty: ParamType,
        description: String,
        default: Option<ParamDefault>,
    ) -> Value {
        let name = identifier("", name);
        if !self.t.params.iter().any(|p| p.name == name) {
            self.t.params.push(Param {
                name: name.clone(),
                ty,
                description,
                default,
            });
        }
        Value::Param(name)
    }

    /// Where a node's resources go: its region, or the `location` parameter.
    pub fn location(&mut self, node: &Node) -> Value {
        match &node.region {
            Some(region) => Value::s(region),
            None => self.param_with(
                "location",
                ParamType::Text,
                "Region of the resources whose plan node names no region.".into(),
                Some(ParamDefault::ResourceGroupLocation),
            ),
        }
    }

    /// The tags that keep a node's display name and description (cut to Azure's limit).
    pub fn tags(node: &Node) -> Vec<(String, String)> {
        let cut = |t: &str| t.chars().take(TAG_MAX).collect::<String>();
        let mut tags = vec![("reachplan-id".to_string(), node.id.clone())];
        if let Some(name) = &node.name {
            tags.push(("reachplan-name".into(), cut(name)));
        }
        if let Some(d) = &node.description {
            tags.push(("reachplan-description".into(), cut(d)));
        }
        tags
    }

    /// A subnet of a VNet whose prefix the plan does not know: a parameter.
    pub fn subnet(&mut self, vnet: &str, name: &str, extra: Vec<(String, Value)>) -> usize {
        let prefix = self.param(
            &format!("{vnet}_{name}_prefix"),
            ParamType::Text,
            format!("Address prefix of subnet {name} of VNet {vnet} (the plan does not say it)."),
        );
        let list = self.subnets.entry(vnet.to_string()).or_default();
        if let Some(at) = list.iter().position(|(n, _)| n == name) {
            list[at].1.extend(extra);
            return at;
        }
        let mut props = vec![("addressPrefix".to_string(), prefix)];
        props.extend(extra);
        list.push((name.to_string(), props));
        list.len() - 1
    }

    /// A public IP address for a gateway, firewall or Bastion.
    pub fn public_ip(&mut self, node: &Node, name: String, basic: bool) -> usize {
        let mut r = self.resource("Microsoft.Network/publicIPAddresses", name.clone());
        r.location = Some(self.location(node));
        let (sku, method) = if basic {
            ("Basic", "Dynamic")
        } else {
            ("Standard", "Static")
        };
        r.sku = Some(Value::obj([("name", Value::s(sku))]));
        r.properties = Value::obj([("publicIPAllocationMethod", Value::s(method))]);
        self.add("pip", &name, r)
    }

    /// Writes each VNet's address space and subnets into its declaration.
    fn finish(&mut self) {
        for node in self.plan.nodes.iter().filter(|n| n.kind == NodeKind::Vnet) {
            let Some(at) = self.get("vnet", &node.id) else {
                continue;
            };
            let prefixes = node.prefixes().map(|p| Value::s(p.to_string())).collect();
            let subnets = self.subnets.remove(&node.id).unwrap_or_default();
            let subnets = subnets.into_iter().map(|(name, props)| {
                Value::obj([("name", Value::s(name)), ("properties", Value::Obj(props))])
            });
            self.t.resources[at].properties = Value::obj([
                (
                    "addressSpace",
                    Value::obj([("addressPrefixes", Value::List(prefixes))]),
                ),
                ("subnets", Value::List(subnets.collect())),
            ]);
        }
    }
}

/// The plan's Azure resources as declarations, with the engine's assumptions (code and
/// message) in the header.
pub fn build(plan: &Plan, assumptions: &[(&str, &str)]) -> Template {
    let mut b = Builder::new(plan);
    for node in &plan.nodes {
        match node.kind {
            NodeKind::Vnet => super::vnet::declare(&mut b, node),
            NodeKind::Expressroute => super::circuit::declare(&mut b, node),
            NodeKind::VwanHub => super::wan::declare_hub(&mut b, node),
            NodeKind::Site | NodeKind::Cloud => b.left_out.push(format!(
                "{} {}: not an Azure resource; the connections to it are declared from the \
                 Azure side, its device's address is a parameter",
                node.kind, node.id
            )),
            NodeKind::Users => b.left_out.push(format!(
                "users {}: remote workers, not a resource; their gateway's point-to-site \
                 configuration is declared",
                node.id
            )),
            NodeKind::Microsoft | NodeKind::Internet => {}
        }
    }
    for (at, link) in plan.links.iter().enumerate() {
        super::links::declare(&mut b, at, link);
    }
    b.finish();
    let mut header = vec![
        "Azure resources of a reachplan design, as analysed.".to_string(),
        match &plan.title {
            Some(title) => format!("Plan: {title}"),
            None => "Plan without a title.".into(),
        },
        "Parameters stand for what the plan does not know: device addresses, shared keys \
         and other secrets, exact subnets, circuit peering addresses."
            .into(),
    ];
    if !b.left_out.is_empty() {
        header.push(String::new());
        header.push("Not declared here:".into());
        header.extend(b.left_out.iter().map(|l| format!("- {l}")));
    }
    if !assumptions.is_empty() {
        header.push(String::new());
        header.push("The analysis of this design relies on these assumptions:".into());
        for (code, message) in assumptions {
            header.push(format!("- {code}: {message}"));
        }
    }
    b.t.header = header;
    b.t
}
