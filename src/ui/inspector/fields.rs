//! Form fields of the inspector: each shows a value, validates what is typed inline, and
//! reports a committed value through `on_change` (on change, not on every key).

use yew::prelude::*;

use super::draft::{escape_restores, event_text, use_draft, Draft};
use crate::engine::model::Cidr;

/// A text field that validates as one types and commits valid text.
#[derive(Properties, PartialEq)]
pub struct CheckedProps {
    /// The element id (for the label).
    pub id: AttrValue,
    /// The label.
    pub label: AttrValue,
    /// The current value as text.
    pub value: AttrValue,
    /// Checks text: `Err(message)` when it is not acceptable.
    pub check: Callback<String, Result<(), String>>,
    /// Receives acceptable text when the field changes.
    pub on_change: Callback<String>,
    /// Placeholder text.
    #[prop_or_default]
    pub placeholder: AttrValue,
    /// Input mode hint (`numeric`, `decimal`, `text`).
    #[prop_or_default]
    pub inputmode: AttrValue,
    /// A datalist id with suggestions.
    #[prop_or_default]
    pub list: Option<AttrValue>,
    /// A hint under the field.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
}

/// A validated text field: typing keeps what is typed; Tab, Enter or leaving the field commits
/// an acceptable value; an unacceptable one stays as typed, marked, with its message, until it
/// is fixed or Escape puts the stored value back.
#[function_component(Checked)]
pub fn checked(props: &CheckedProps) -> Html {
    let (text, typing, draft) = use_draft(&props.value);
    let error = typing
        .then(|| props.check.emit(text.clone()).err())
        .flatten();
    let oninput = {
        let draft = draft.clone();
        let over = props.value.clone();
        Callback::from(move |e: InputEvent| {
            let text = event_text(&e);
            draft.set(Some(Draft {
                over: over.clone(),
                text,
            }));
        })
    };
    let onchange = {
        let draft = draft.clone();
        let check = props.check.clone();
        let on_change = props.on_change.clone();
        let stored = props.value.clone();
        Callback::from(move |e: Event| {
            let text = event_text(&e);
            if check.emit(text.clone()).is_ok() {
                draft.set(None);
                if text != stored.as_str() {
                    on_change.emit(text);
                }
            } else {
                draft.set(Some(Draft {
                    over: stored.clone(),
                    text,
                }));
            }
        })
    };
    let onkeydown = escape_restores(draft);
    let error_id = format!("{}-error", props.id);
    let hint_id = format!("{}-hint", props.id);
    let described = match (&error, &props.hint) {
        (Some(_), _) => Some(error_id.clone()),
        (None, Some(_)) => Some(hint_id.clone()),
        _ => None,
    };
    html! {
        <div class={classes!("field", error.is_some().then_some("invalid"))}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <input id={props.id.clone()} type="text" value={text}
                placeholder={props.placeholder.clone()} inputmode={props.inputmode.clone()}
                list={props.list.clone()} spellcheck="false" autocomplete="off"
                aria-invalid={error.is_some().to_string()} aria-describedby={described}
                {oninput} {onchange} {onkeydown} />
            if let Some(message) = &error {
                <p class="field-error" id={error_id} role="alert">{ message.clone() }</p>
            } else if let Some(hint) = &props.hint {
                <p class="field-hint" id={hint_id}>{ hint.clone() }</p>
            }
        </div>
    }
}

/// A plain text field; empty text means "not set".
#[derive(Properties, PartialEq)]
pub struct TextProps {
    /// The element id.
    pub id: AttrValue,
    /// The label.
    pub label: AttrValue,
    /// The value.
    pub value: Option<String>,
    /// Receives the new value (`None` when emptied).
    pub on_change: Callback<Option<String>>,
    /// Show a text area instead of a line.
    #[prop_or_default]
    pub multiline: bool,
    /// A datalist id with suggestions.
    #[prop_or_default]
    pub list: Option<AttrValue>,
}

/// A plain text field: typing keeps what is typed; leaving the field (or Enter on a line)
/// commits it; Escape puts the stored value back.
#[function_component(TextField)]
pub fn text_field(props: &TextProps) -> Html {
    let stored = AttrValue::from(props.value.clone().unwrap_or_default());
    let (text, _, draft) = use_draft(&stored);
    let oninput = {
        let draft = draft.clone();
        let over = stored.clone();
        Callback::from(move |e: InputEvent| {
            let text = event_text(&e);
            draft.set(Some(Draft {
                over: over.clone(),
                text,
            }));
        })
    };
    let onchange = {
        let draft = draft.clone();
        let on_change = props.on_change.clone();
        let before = props.value.clone();
        Callback::from(move |e: Event| {
            let text = event_text(&e).trim().to_string();
            draft.set(None);
            let next = (!text.is_empty()).then_some(text);
            if next != before {
                on_change.emit(next);
            }
        })
    };
    let onkeydown = escape_restores(draft);
    html! {
        <div class="field">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            if props.multiline {
                <textarea id={props.id.clone()} value={text} rows="3" {oninput} {onchange} {onkeydown} />
            } else {
                <input id={props.id.clone()} type="text" value={text} list={props.list.clone()}
                    {oninput} {onchange} {onkeydown} />
            }
        </div>
    }
}

/// A check box.
#[derive(Properties, PartialEq)]
pub struct CheckProps {
    /// The element id.
    pub id: AttrValue,
    /// The label.
    pub label: AttrValue,
    /// Whether it is checked.
    pub value: bool,
    /// Receives the new state.
    pub on_change: Callback<bool>,
    /// A hint after the label.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
}

/// A check box field.
#[function_component(CheckField)]
pub fn check_field(props: &CheckProps) -> Html {
    let on_change = props.on_change.clone();
    let onchange = Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        on_change.emit(input.checked());
    });
    html! {
        <div class="field check">
            <input id={props.id.clone()} type="checkbox" checked={props.value} {onchange} />
            <label for={props.id.clone()}>{ props.label.clone() }
                if let Some(hint) = &props.hint { <span class="field-hint">{" — "}{ hint.clone() }</span> }
            </label>
        </div>
    }
}

/// A choice among fixed options; the value `""` means "not set" when `unset` is given.
#[derive(Properties, PartialEq)]
pub struct SelectProps {
    /// The element id.
    pub id: AttrValue,
    /// The label.
    pub label: AttrValue,
    /// (value, label) of each option.
    pub options: Vec<(AttrValue, AttrValue)>,
    /// The selected value.
    pub value: AttrValue,
    /// The label of the "not set" option, if the field may be unset.
    #[prop_or_default]
    pub unset: Option<AttrValue>,
    /// Receives the selected value.
    pub on_change: Callback<String>,
}

/// A select field.
#[function_component(SelectField)]
pub fn select_field(props: &SelectProps) -> Html {
    let on_change = props.on_change.clone();
    let onchange = Callback::from(move |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        on_change.emit(select.value());
    });
    html! {
        <div class="field">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <select id={props.id.clone()} {onchange}>
                if let Some(unset) = &props.unset {
                    <option value="" selected={props.value.is_empty()}>{ unset.clone() }</option>
                }
                { for props.options.iter().map(|(v, l)| html! {
                    <option value={v.clone()} selected={*v == props.value}>{ l.clone() }</option>
                }) }
            </select>
        </div>
    }
}

/// Parses a list of CIDR prefixes separated by commas, spaces or new lines.
pub fn parse_cidrs(text: &str) -> Result<Vec<Cidr>, String> {
    text.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(Cidr::parse)
        .collect()
}

/// CIDR prefixes as the fields show them.
pub fn show_cidrs(cidrs: &[Cidr]) -> String {
    cidrs
        .iter()
        .map(|c| c.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A list of CIDR prefixes, validated inline.
#[derive(Properties, PartialEq)]
pub struct CidrProps {
    /// The element id.
    pub id: AttrValue,
    /// The label.
    pub label: AttrValue,
    /// The prefixes.
    pub value: Vec<Cidr>,
    /// Receives the new prefixes.
    pub on_change: Callback<Vec<Cidr>>,
}

/// A CIDR list field.
#[function_component(CidrField)]
pub fn cidr_field(props: &CidrProps) -> Html {
    let check = Callback::from(|t: String| parse_cidrs(&t).map(|_| ()));
    let on_change = props.on_change.clone();
    let on_text = Callback::from(move |t: String| {
        if let Ok(list) = parse_cidrs(&t) {
            on_change.emit(list);
        }
    });
    html! {
        <Checked id={props.id.clone()} label={props.label.clone()} value={AttrValue::from(show_cidrs(&props.value))}
            {check} on_change={on_text} placeholder="10.0.0.0/16, fd00::/48"
            hint={AttrValue::from("Prefixes separated by commas")} />
    }
}

/// An optional whole number, validated inline.
#[derive(Properties, PartialEq)]
pub struct NumberProps {
    /// The element id.
    pub id: AttrValue,
    /// The label.
    pub label: AttrValue,
    /// The number.
    pub value: Option<u32>,
    /// Receives the new number (`None` when emptied).
    pub on_change: Callback<Option<u32>>,
    /// The smallest value allowed.
    #[prop_or_default]
    pub min: u32,
    /// The largest value allowed.
    #[prop_or(u32::MAX)]
    pub max: u32,
}

fn parse_u32(text: &str, min: u32, max: u32) -> Result<Option<u32>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<u32>() {
        Ok(v) if (min..=max).contains(&v) => Ok(Some(v)),
        _ => Err(format!("a whole number from {min} to {max}")),
    }
}

/// A whole-number field.
#[function_component(NumberField)]
pub fn number_field(props: &NumberProps) -> Html {
    let (min, max) = (props.min, props.max);
    let check = Callback::from(move |t: String| parse_u32(&t, min, max).map(|_| ()));
    let on_change = props.on_change.clone();
    let on_text = Callback::from(move |t: String| {
        if let Ok(v) = parse_u32(&t, min, max) {
            on_change.emit(v);
        }
    });
    let value = props.value.map(|v| v.to_string()).unwrap_or_default();
    html! {
        <Checked id={props.id.clone()} label={props.label.clone()} value={AttrValue::from(value)}
            {check} on_change={on_text} inputmode="numeric" />
    }
}

/// An optional decimal number, validated inline.
#[derive(Properties, PartialEq)]
pub struct DecimalProps {
    /// The element id.
    pub id: AttrValue,
    /// The label.
    pub label: AttrValue,
    /// The number.
    pub value: Option<f64>,
    /// Receives the new number (`None` when emptied).
    pub on_change: Callback<Option<f64>>,
}

fn parse_f64(text: &str) -> Result<Option<f64>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<f64>() {
        // A demand of 0 or less is refused when a plan is read (`engine::format::check`).
        Ok(v) if v.is_finite() && v > 0.0 => Ok(Some(v)),
        _ => Err("a number above 0, like 2 or 1.5".to_string()),
    }
}

/// A decimal field.
#[function_component(DecimalField)]
pub fn decimal_field(props: &DecimalProps) -> Html {
    let check = Callback::from(|t: String| parse_f64(&t).map(|_| ()));
    let on_change = props.on_change.clone();
    let on_text = Callback::from(move |t: String| {
        if let Ok(v) = parse_f64(&t) {
            on_change.emit(v);
        }
    });
    let value = props.value.map(|v| v.to_string()).unwrap_or_default();
    html! {
        <Checked id={props.id.clone()} label={props.label.clone()} value={AttrValue::from(value)}
            {check} on_change={on_text} inputmode="decimal" />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cidr_lists_parse_or_say_why() {
        assert_eq!(
            parse_cidrs("10.0.0.0/16, fd00::/48").map(|v| v.len()),
            Ok(2)
        );
        assert_eq!(parse_cidrs("").map(|v| v.len()), Ok(0));
        assert!(parse_cidrs("10.0.0.0/33").is_err());
        assert!(parse_cidrs("10.0.0.0").is_err());
    }

    #[test]
    fn numbers_parse_within_bounds() {
        assert_eq!(parse_u32("", 0, 5), Ok(None));
        assert_eq!(parse_u32(" 3 ", 0, 5), Ok(Some(3)));
        assert!(parse_u32("6", 0, 5).is_err());
        assert!(parse_u32("-1", 0, 5).is_err());
        assert_eq!(parse_f64("1.5"), Ok(Some(1.5)));
        assert!(parse_f64("NaN").is_err());
    }
}
