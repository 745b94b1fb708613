//! The code sets in the browser: downloaded after the first paint with
//! progress, then parsed and indexed in steps that yield to the page, so the
//! rest of the app stays usable. Timings go to `performance` as measures
//! named `hit:codes-*` (read by the benchmark).

use std::sync::{Arc, OnceLock};

use hit_core::codes::{CodeSets, System};
use hit_core::content::{CODE_FILES, load_code_sets};
use hit_core::search::SearchIndex;
use js_sys::{Promise, Reflect, Uint8Array};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::browser::{mark, measure};

/// Both code sets with their search indexes.
pub struct Codebook {
    pub sets: CodeSets,
    cm_index: SearchIndex,
    /// Built on first PCS search: 79,000 codes take a moment.
    pcs_index: OnceLock<SearchIndex>,
}

impl Codebook {
    pub fn index(&self, system: System) -> &SearchIndex {
        match system {
            System::Icd10Cm => &self.cm_index,
            System::Icd10Pcs => self.pcs_index.get_or_init(|| SearchIndex::icd10pcs(&self.sets.pcs)),
        }
    }
}

#[derive(Clone)]
pub enum CodesStatus {
    Idle,
    Downloading { received: f64, total: f64 },
    Preparing,
    Ready(Arc<Codebook>),
    Failed(String),
}

/// Starts loading the code sets once; later calls do nothing.
pub fn ensure_loaded(status: RwSignal<CodesStatus>) {
    if !matches!(status.get_untracked(), CodesStatus::Idle) {
        return;
    }
    status.set(CodesStatus::Downloading { received: 0.0, total: 0.0 });
    wasm_bindgen_futures::spawn_local(async move {
        let result = load(status).await;
        status.set(match result {
            Ok(codebook) => CodesStatus::Ready(Arc::new(codebook)),
            Err(message) => CodesStatus::Failed(message),
        });
    });
}

async fn load(status: RwSignal<CodesStatus>) -> Result<Codebook, String> {
    mark("hit:codes-start");
    let window = web_sys::window().ok_or("no window")?;
    // Request every file at once so the total size is known up front.
    let requests = js_sys::Array::new();
    for file in CODE_FILES {
        requests.push(&window.fetch_with_str(&format!("/{file}")));
    }
    let responses: js_sys::Array = JsFuture::from(Promise::all(&requests)).await.map_err(js_error)?.unchecked_into();
    let responses: Vec<web_sys::Response> = responses.iter().map(JsCast::unchecked_into).collect();
    let mut total = 0.0;
    for (file, response) in CODE_FILES.iter().zip(&responses) {
        if !response.ok() {
            return Err(format!("the server answered {} for /{file}", response.status()));
        }
        let length = response.headers().get("content-length").ok().flatten();
        total += length.and_then(|l| l.parse::<f64>().ok()).unwrap_or(0.0);
    }
    let mut received = 0.0;
    let mut files = Vec::new();
    for (file, response) in CODE_FILES.iter().zip(responses) {
        let bytes = read_body(&response, |n| {
            received += n;
            status.set(CodesStatus::Downloading { received, total: total.max(received) });
        })
        .await?;
        let text = String::from_utf8(bytes).map_err(|_| format!("/{file} is not UTF-8 text"))?;
        files.push((file.to_string(), text));
    }
    mark("hit:codes-downloaded");
    status.set(CodesStatus::Preparing);
    yield_to_page().await;
    let sets = load_code_sets(&files).map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))?;
    drop(files);
    mark("hit:codes-parsed");
    yield_to_page().await;
    let cm_index = SearchIndex::icd10cm(&sets.cm);
    mark("hit:codes-indexed");
    measure("hit:codes-download", "hit:codes-start", "hit:codes-downloaded");
    measure("hit:codes-parse", "hit:codes-downloaded", "hit:codes-parsed");
    measure("hit:codes-index", "hit:codes-parsed", "hit:codes-indexed");
    measure("hit:codes-total", "hit:codes-start", "hit:codes-indexed");
    Ok(Codebook { sets, cm_index, pcs_index: OnceLock::new() })
}

/// Reads a response body chunk by chunk, reporting each chunk's size.
async fn read_body(response: &web_sys::Response, mut progress: impl FnMut(f64)) -> Result<Vec<u8>, String> {
    let body = response.body().ok_or("an empty response")?;
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(js_error)?;
        if Reflect::get(&chunk, &"done".into()).ok().and_then(|d| d.as_bool()).unwrap_or(true) {
            return Ok(bytes);
        }
        let value: Uint8Array = Reflect::get(&chunk, &"value".into()).map_err(js_error)?.unchecked_into();
        let start = bytes.len();
        bytes.resize(start + value.length() as usize, 0);
        value.copy_to(&mut bytes[start..]);
        progress(f64::from(value.length()));
    }
}

/// Lets the browser paint and handle input before the next step.
async fn yield_to_page() {
    let promise = Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = JsFuture::from(promise).await;
}


fn js_error(e: JsValue) -> String {
    e.as_string()
        .or_else(|| e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())))
        .unwrap_or_else(|| "the download failed".into())
        + ". Check your connection and reload the page."
}
