//! Copying text to the clipboard (the asynchronous Clipboard API, reached through `js_sys`
//! so that the app needs no further `web-sys` features).

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Puts `text` on the clipboard; `done` learns whether it worked. Where the browser offers no
/// clipboard (a page not served over https or localhost), `done(false)` is called at once.
pub fn copy(text: &str, done: impl Fn(bool) + 'static) {
    let Some(promise) = write_text(text) else {
        done(false);
        return;
    };
    let done = std::rc::Rc::new(done);
    let then = Reflect::get(&promise, &JsValue::from_str("then"))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok());
    let Some(then) = then else {
        done(false);
        return;
    };
    let ok = {
        let done = done.clone();
        Closure::once_into_js(move |_: JsValue| done(true))
    };
    let failed = Closure::once_into_js(move |_: JsValue| done(false));
    let _ = then.call2(&promise, &ok, &failed);
}

fn write_text(text: &str) -> Option<Promise> {
    let window = web_sys::window()?;
    let navigator = Reflect::get(&window, &JsValue::from_str("navigator")).ok()?;
    let clipboard = Reflect::get(&navigator, &JsValue::from_str("clipboard")).ok()?;
    if clipboard.is_undefined() || clipboard.is_null() {
        return None;
    }
    let write = Reflect::get(&clipboard, &JsValue::from_str("writeText"))
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    write
        .call1(&clipboard, &JsValue::from_str(text))
        .ok()?
        .dyn_into::<Promise>()
        .ok()
}
