//! The declarations of an export, neutral between its two renderings: parameters and resources
//! whose values may name a parameter or another resource. `bicep` and `arm` write the same
//! declarations, so the ARM JSON is the compiled form of the Bicep file.

/// A value of a resource's properties.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A string (untrusted text is escaped by the renderers).
    Str(String),
    /// A whole number.
    Int(i64),
    /// A boolean.
    Bool(bool),
    /// An array.
    List(Vec<Value>),
    /// An object, its keys in order.
    Obj(Vec<(String, Value)>),
    /// A parameter of the template, by name.
    Param(String),
    /// The resource id of a declared resource (an index into [`Template::resources`]).
    Id(usize),
    /// The id of a child of a declared resource that is declared inside it (a subnet in its
    /// VNet, a peering of a circuit): the resource, the child's type segment, its name.
    ChildId(usize, &'static str, String),
    /// `resourceId(type, names…)` of a resource named but not declared as a symbol (a part of
    /// the resource being declared, which may not name itself).
    ResourceId(&'static str, Vec<String>),
    /// A runtime property of a declared resource: the resource and the path under
    /// `properties` (`ipConfigurations[0].properties.privateIPAddress`).
    Runtime(usize, &'static str),
}

impl Value {
    /// A string value.
    pub fn s(text: impl Into<String>) -> Value {
        Value::Str(text.into())
    }

    /// An object from pairs.
    pub fn obj<const N: usize>(pairs: [(&str, Value); N]) -> Value {
        Value::Obj(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
    }

    /// An object from a list of pairs.
    pub fn obj_from(pairs: Vec<(&str, Value)>) -> Value {
        Value::Obj(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
    }

    /// `{ "id": … }`, the way ARM refers to another resource.
    pub fn id_of(resource: usize) -> Value {
        Value::obj([("id", Value::Id(resource))])
    }

    /// The resources this value refers to, in order of appearance.
    pub fn references(&self, out: &mut Vec<usize>) {
        match self {
            Value::Id(i) | Value::ChildId(i, _, _) | Value::Runtime(i, _) => out.push(*i),
            Value::List(items) => items.iter().for_each(|v| v.references(out)),
            Value::Obj(pairs) => pairs.iter().for_each(|(_, v)| v.references(out)),
            Value::Str(_)
            | Value::Int(_)
            | Value::Bool(_)
            | Value::Param(_)
            | Value::ResourceId(..) => {}
        }
    }
}

/// The type of a parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamType {
    /// A string.
    Text,
    /// A secret string (`@secure()`, ARM `securestring`).
    Secret,
    /// A whole number.
    Number,
}

/// A parameter: what the plan does not know.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    /// Its name (an identifier).
    pub name: String,
    /// Its type.
    pub ty: ParamType,
    /// What to give, in words (untrusted text may appear in it: it is escaped).
    pub description: String,
    /// Its default: `None` when the deployment must give it.
    pub default: Option<ParamDefault>,
}

/// The default of a parameter.
#[derive(Debug, Clone, PartialEq)]
pub enum ParamDefault {
    /// The resource group's location.
    ResourceGroupLocation,
    /// A literal value.
    Value(Value),
}

/// One resource.
#[derive(Debug, Clone, PartialEq)]
pub struct Resource {
    /// The Bicep symbol (an identifier, unique in the template).
    pub symbol: String,
    /// The full resource type, e.g. `Microsoft.Network/virtualNetworks/virtualNetworkPeerings`.
    pub rtype: &'static str,
    /// The API version.
    pub api: &'static str,
    /// The parent resource for a child resource (its name then is the last segment).
    pub parent: Option<usize>,
    /// The resource's own name (a child's last segment).
    pub name: String,
    /// Where it is deployed: a region literal or the `location` parameter; `None` for child
    /// resources and global ones.
    pub location: Option<Value>,
    /// Tags (the plan's display names and descriptions, untrusted text).
    pub tags: Vec<(String, String)>,
    /// The `sku` object, when the type has one.
    pub sku: Option<Value>,
    /// The `properties` object.
    pub properties: Value,
    /// Resources it must follow that its values do not name.
    pub after: Vec<usize>,
    /// Lines of comment above it (plain words; the renderers keep them on one line each).
    pub comments: Vec<String>,
}

/// The whole export: parameters, resources, and comments for the head of the file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Template {
    /// Lines of comment at the top: what the file is, what it leaves out, the assumptions.
    pub header: Vec<String>,
    /// Parameters, in order of first use.
    pub params: Vec<Param>,
    /// Resources, each after those it refers to.
    pub resources: Vec<Resource>,
}

impl Template {
    /// The resource's full name as ARM writes it (`hub/GatewaySubnet` for a child).
    pub fn full_name(&self, index: usize) -> Vec<String> {
        let mut names = Vec::new();
        let mut at = Some(index);
        while let Some(i) = at {
            names.push(self.resources[i].name.clone());
            at = self.resources[i].parent;
        }
        names.reverse();
        names
    }

    /// The resources a resource depends on: its parent and those its values name, each once.
    pub fn depends_on(&self, index: usize) -> Vec<usize> {
        let r = &self.resources[index];
        let mut refs = Vec::new();
        refs.extend(r.parent);
        refs.extend(r.after.iter().copied());
        r.properties.references(&mut refs);
        if let Some(sku) = &r.sku {
            sku.references(&mut refs);
        }
        let mut out: Vec<usize> = Vec::new();
        for i in refs {
            if i != index && !out.contains(&i) {
                out.push(i);
            }
        }
        out
    }
}
