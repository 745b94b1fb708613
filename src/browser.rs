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

/// Milliseconds to add to UTC for the user's local time (UTC-5 gives -5 h).
pub fn utc_offset_ms() -> i64 {
    -(js_sys::Date::new_0().get_timezone_offset() as i64) * 60_000
}

/// Saves `text` as a file named `filename` through a temporary link.
/// Returns whether the browser accepted it.
pub fn download_text(filename: &str, text: &str) -> bool {
    let Some(url) = json_blob_url(text) else { return false };
    let link = document().create_element("a").ok().and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    let done = link.is_some_and(|a| {
        a.set_href(&url);
        a.set_download(filename);
        a.click();
        true
    });
    // Give the download a moment to start before the URL is released.
    let release = url.clone();
    leptos::prelude::set_timeout(move || revoke_url(&release), std::time::Duration::from_secs(30));
    done
}

/// The text of the first file chosen in a file input.
pub async fn read_chosen_file(input: &web_sys::HtmlInputElement) -> Result<String, String> {
    let file = input.files().and_then(|f| f.get(0)).ok_or("No file was chosen.")?;
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.map_err(|_| "The file could not be read.".to_string())?;
    text.as_string().ok_or_else(|| "The file is not text.".to_string())
}

/// The name and text of every file chosen in a file input, in order.
pub async fn read_chosen_files(input: &web_sys::HtmlInputElement) -> Vec<(String, Result<String, String>)> {
    let Some(files) = input.files() else { return Vec::new() };
    let mut out = Vec::new();
    for file in (0..files.length()).filter_map(|i| files.get(i)) {
        let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
        out.push((file.name(), text.ok().and_then(|t| t.as_string()).ok_or_else(|| "The file could not be read as text.".to_string())));
    }
    out
}

/// Puts `text` on the clipboard. Returns whether the browser allowed it.
pub async fn copy_text(text: &str) -> bool {
    let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
    match clipboard {
        Some(c) => wasm_bindgen_futures::JsFuture::from(c.write_text(text)).await.is_ok(),
        None => false,
    }
}

/// This page's origin ("https://example.org"), for links to share.
pub fn origin() -> String {
    web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
}

/// A date for people, in the user's locale ("Dec 1, 2026").
pub fn local_date(at_ms: i64) -> String {
    String::from(js_sys::Date::new(&JsValue::from_f64(at_ms as f64)).to_locale_date_string("en-US", &JsValue::UNDEFINED))
}

/// A local day number as a short date ("Mon, Nov 3").
pub fn day_label(day: i64) -> String {
    let options = js_sys::Object::new();
    for (k, v) in [("timeZone", "UTC"), ("weekday", "short"), ("month", "short"), ("day", "numeric")] {
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    String::from(js_sys::Date::new(&JsValue::from_f64((day * 86_400_000) as f64)).to_locale_date_string("en-US", &options))
}
