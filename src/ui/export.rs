//! Files the app hands to the person: the plan, and the diagram as SVG or PNG.
//!
//! Downloads go through a temporary object URL and a detached link; nothing leaves the browser.

use gloo::events::EventListener;
use gloo::file::{Blob, ObjectUrl};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{HtmlAnchorElement, HtmlCanvasElement, HtmlImageElement};

/// The id of the diagram's `<svg>` element.
pub const DIAGRAM_ID: &str = "diagram";

/// Offers `content` as a file download named `name`.
pub fn download_text(name: &str, mime: &str, content: &str) {
    let blob = Blob::new_with_options(content, Some(mime));
    download_url(name, ObjectUrl::from(blob));
}

fn download_url(name: &str, url: ObjectUrl) {
    let document = gloo::utils::document();
    let Ok(element) = document.create_element("a") else {
        return;
    };
    let Ok(anchor) = element.dyn_into::<HtmlAnchorElement>() else {
        return;
    };
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    // Keep the URL alive until the browser has started the download.
    Timeout::new(10_000, move || drop(url)).forget();
}

/// A file name from a plan title: lower case words joined by `-`.
pub fn file_stem(title: Option<&str>) -> String {
    let stem: String = title
        .unwrap_or("plan")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let stem = stem
        .split('-')
        .filter(|s| !s.is_empty())
        .take(8)
        .collect::<Vec<_>>()
        .join("-");
    if stem.is_empty() {
        "plan".to_string()
    } else {
        stem
    }
}

/// The diagram as a standalone SVG document, with its size: the view reset so that the
/// whole plan shows.
pub fn diagram_svg() -> Option<(String, f64, f64)> {
    let svg = gloo::utils::document().get_element_by_id(DIAGRAM_ID)?;
    let copy = svg.clone_node_with_deep(true).ok()?;
    let copy: web_sys::Element = copy.dyn_into().ok()?;
    let view_box = copy.get_attribute("viewBox")?;
    let parts: Vec<f64> = view_box
        .split_whitespace()
        .filter_map(|p| p.parse().ok())
        .collect();
    let (w, h) = match parts.as_slice() {
        [_, _, w, h] => (*w, *h),
        _ => return None,
    };
    copy.set_attribute("xmlns", "http://www.w3.org/2000/svg")
        .ok()?;
    copy.set_attribute("width", &w.to_string()).ok()?;
    copy.set_attribute("height", &h.to_string()).ok()?;
    copy.remove_attribute("class").ok()?;
    if let Ok(Some(view)) = copy.query_selector("[data-view]") {
        let _ = view.set_attribute("transform", "");
    }
    // Interaction-only parts (hit areas, focus rings) are not part of the picture.
    if let Ok(list) = copy.query_selector_all("[data-ui]") {
        for i in 0..list.length() {
            if let Some(node) = list.item(i) {
                if let Some(parent) = node.parent_node() {
                    let _ = parent.remove_child(&node);
                }
            }
        }
    }
    let text = web_sys::XmlSerializer::new()
        .ok()?
        .serialize_to_string(&copy)
        .ok()?;
    Some((text, w, h))
}

/// Downloads the diagram as SVG; false when there is no diagram.
pub fn download_svg(stem: &str) -> bool {
    match diagram_svg() {
        Some((text, _, _)) => {
            download_text(&format!("{stem}.svg"), "image/svg+xml", &text);
            true
        }
        None => false,
    }
}

/// Downloads the diagram as PNG at twice its size; false when there is no diagram.
pub fn download_png(stem: &str) -> bool {
    let Some((text, w, h)) = diagram_svg() else {
        return false;
    };
    let Ok(image) = HtmlImageElement::new() else {
        return false;
    };
    let url = ObjectUrl::from(Blob::new_with_options(text.as_str(), Some("image/svg+xml")));
    image.set_src(&url);
    let name = format!("{stem}.png");
    let img = image.clone();
    EventListener::once(&image, "load", move |_| {
        let scale = 2.0;
        let document = gloo::utils::document();
        let Some(canvas) = document
            .create_element("canvas")
            .ok()
            .and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok())
        else {
            return;
        };
        canvas.set_width((w * scale) as u32);
        canvas.set_height((h * scale) as u32);
        let Some(context) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        context.set_fill_style_str("#ffffff");
        context.fill_rect(0.0, 0.0, w * scale, h * scale);
        let _ = context.draw_image_with_html_image_element_and_dw_and_dh(
            &img,
            0.0,
            0.0,
            w * scale,
            h * scale,
        );
        if let Ok(data) = canvas.to_data_url_with_type("image/png") {
            if let Ok(Some(anchor)) = document
                .create_element("a")
                .map(|a| a.dyn_into::<HtmlAnchorElement>().ok())
            {
                anchor.set_href(&data);
                anchor.set_download(&name);
                anchor.click();
            }
        }
        drop(url);
    })
    .forget();
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_stems_are_plain() {
        assert_eq!(file_stem(Some("Hub & spoke: v2!")), "hub-spoke-v2");
        assert_eq!(file_stem(Some("***")), "plan");
        assert_eq!(file_stem(None), "plan");
    }
}
