//! Small bridges to browser APIs the UI needs: clock, colour scheme,
//! document root and downloadable Blob URLs.

use leptos::prelude::document;
use wasm_bindgen::{JsCast, JsValue};

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Days since the Unix epoch of today's date in the user's time zone.
pub fn local_day() -> i64 {
    let now = js_sys::Date::new_0();
    let utc_midnight = js_sys::Date::utc(now.get_full_year() as f64, now.get_month() as f64) as i64;
    utc_midnight.div_euclid(86_400_000) + i64::from(now.get_date()) - 1
}

/// Moves keyboard focus to `<main id="main" tabindex="-1">`.
pub fn focus_main() {
    use wasm_bindgen::JsCast;
    let main = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("main"));
    if let Some(main) = main.and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = main.focus();
    }
}

/// Whether the device asks for a dark colour scheme.
pub fn prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Sets or clears `data-theme` on `<html>`, which the stylesheet reads.
pub fn set_root_theme(theme: Option<&str>) {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else {
        return;
    };
    let _ = match theme {
        Some(t) => root.set_attribute("data-theme", t),
        None => root.remove_attribute("data-theme"),
    };
}

/// An object URL holding `text` as a JSON file, for a download link. The
/// caller revokes it with [`revoke_url`] when the link goes away.
pub fn json_blob_url(text: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

pub fn revoke_url(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}

/// A fresh chart seed from 1 to 99,999: short enough to read out to a class.
/// Only picks the seed; the chart itself comes from ChaCha8 in core.
pub fn random_seed() -> u64 {
    (js_sys::Math::random() * 99_999.0) as u64 + 1
}

/// Opens the browser's print dialog (the print stylesheet lays out the chart).
pub fn print_page() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// A `performance` mark, for the benchmarks to read.
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// A `performance` measure between two marks.
pub fn measure(name: &str, start: &str, end: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.measure_with_start_mark_and_end_mark(name, start, end);
    }
}

/// Moves keyboard focus to the element with this id, if there is one.
pub fn focus_element(id: &str) {
    if let Some(el) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}
