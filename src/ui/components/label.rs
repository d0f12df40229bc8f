//! A node's name and subtitle fitted into its box, never cut off: a name too long for one line
//! wraps onto two, and a line still too long is drawn narrower (SVG `textLength`) rather than
//! cut, so the diagram, the widget and the SVG and PNG exports show every character.
//!
//! Widths are estimated from character classes (no font metrics in an exported file); the
//! estimate errs wide, so a line it lets through fits.

use yew::prelude::*;

use crate::ui::layout::NODE_W;

/// Where the text starts in a node's box (right of the icon).
pub const TEXT_X: f64 = 52.0;
/// The width the text may take.
pub const TEXT_W: f64 = NODE_W - TEXT_X - 8.0;

/// An estimate of a text's width in pixels at this font size.
pub fn width(text: &str, size: f64, bold: bool) -> f64 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | '.' | ',' | '\'' | '|' | '!' | ':' | ';' => 0.3,
            'f' | 't' | 'r' | ' ' | '(' | ')' | '[' | ']' | '/' | '-' | 'I' => 0.38,
            'm' | 'w' | 'M' | 'W' | '@' | '%' => 0.9,
            'A'..='Z' | '·' | '→' | '…' => 0.7,
            _ => 0.58,
        })
        .sum();
    // Measured against the widest common fallback (DejaVu Sans): lower case runs about 0.6 em.
    em * size * if bold { 1.2 } else { 1.12 }
}

/// One line of text to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The text.
    pub text: String,
    /// Baseline, from the top of the box.
    pub y: f64,
    /// Font size in pixels.
    pub size: f64,
    /// Drawn squeezed to [`TEXT_W`] because it is longer.
    pub squeeze: bool,
}

/// Splits a name into at most two lines of `size` px that fit [`TEXT_W`] where words allow;
/// what does not fit goes on the second line.
fn wrap(text: &str, size: f64) -> Vec<String> {
    let mut first = String::new();
    let mut words = text.split_whitespace().peekable();
    while let Some(word) = words.peek() {
        let candidate = if first.is_empty() {
            (*word).to_string()
        } else {
            format!("{first} {word}")
        };
        if !first.is_empty() && width(&candidate, size, true) > TEXT_W {
            break;
        }
        first = candidate;
        words.next();
    }
    let rest: Vec<&str> = words.collect();
    if rest.is_empty() {
        vec![first]
    } else {
        vec![first, rest.join(" ")]
    }
}

/// The lines of a node's box: its name (one or two lines) and its subtitle.
pub fn lines(name: &str, subtitle: &str) -> Vec<Line> {
    let line = |text: String, y: f64, size: f64, bold: bool| Line {
        squeeze: width(&text, size, bold) > TEXT_W,
        text,
        y,
        size,
    };
    let mut out = Vec::new();
    if width(name, 13.0, true) <= TEXT_W || !name.contains(' ') {
        out.push(line(name.to_string(), 23.0, 13.0, true));
        out.push(line(subtitle.to_string(), 41.0, 11.0, false));
    } else {
        let wrapped = wrap(name, 12.0);
        let two = wrapped.len() > 1;
        for (i, text) in wrapped.into_iter().enumerate() {
            let y = if two { 18.0 + 14.0 * i as f64 } else { 23.0 };
            out.push(line(text, y, 12.0, true));
        }
        out.push(line(
            subtitle.to_string(),
            if two { 48.0 } else { 41.0 },
            11.0,
            false,
        ));
    }
    out
}

/// The name and subtitle of a node as SVG text, in the node's box coordinates.
pub fn node_text(name: &str, subtitle: &str) -> Html {
    lines(name, subtitle)
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let last = i > 0 && l.size < 12.0;
            html! {
                <text x={TEXT_X.to_string()} y={l.y.to_string()} font-size={l.size.to_string()}
                    font-weight={if last { "400" } else { "600" }}
                    fill={if last { "#4a4a4a" } else { "#1a1a1a" }}
                    textLength={l.squeeze.then(|| TEXT_W.to_string())}
                    lengthAdjust={l.squeeze.then_some("spacingAndGlyphs")}>{ l.text }</text>
            }
        })
        .collect()
}

/// The widget's smaller form (its download is budgeted): the name and subtitle on one line
/// each, drawn narrower when longer than the text area, never cut.
pub fn squeezed_text(name: &str, subtitle: &str) -> Html {
    let line = |text: &str, y: &'static str, size: &'static str, bold: bool| {
        let long = text.chars().count() > if bold { 15 } else { 19 };
        html! {
            <text x="52" y={y} font-size={size} font-weight={if bold { "600" } else { "400" }}
                fill={if bold { "#1a1a1a" } else { "#4a4a4a" }}
                textLength={long.then_some("124")}
                lengthAdjust={long.then_some("spacingAndGlyphs")}>{ text.to_string() }</text>
        }
    };
    html! { <>{ line(name, "23", "13", true) }{ line(subtitle, "41", "11", false) }</> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_name_is_one_line() {
        let l = lines("Hub VNet", "VNet · westeurope");
        assert_eq!(l.len(), 2);
        assert_eq!(l[0].text, "Hub VNet");
        assert!(!l[0].squeeze && !l[1].squeeze);
    }

    #[test]
    fn a_long_name_wraps_and_keeps_every_word() {
        let name = "Hub VNet (West Europe) with firewall";
        let l = lines(name, "VNet");
        assert_eq!(l.len(), 3);
        assert_eq!(format!("{} {}", l[0].text, l[1].text), name);
        assert!(!l[0].squeeze);
    }

    #[test]
    fn a_name_that_fits_a_smaller_font_stays_on_one_line() {
        let l = lines("Production spoke", "VNet");
        assert_eq!(l.len(), 2);
        assert_eq!((l[0].y, l[1].y), (23.0, 41.0));
    }

    #[test]
    fn text_too_long_for_two_lines_is_squeezed_never_cut() {
        let name = "A very long name of a network that goes on and on past two lines of the box";
        let l = lines(name, "site");
        assert_eq!(format!("{} {}", l[0].text, l[1].text), name);
        assert!(l[1].squeeze);
        let word = "averyveryverylongsinglewordname";
        assert!(lines(word, "")[0].squeeze);
    }
}
