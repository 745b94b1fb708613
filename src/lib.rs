//! HIT Trainer's web app: the UI edge over `hit_core`.
//!
//! Domain rules live in `hit_core`; this crate renders them, keeps shared
//! state in signals, and talks to the browser (LocalStorage, Blob URLs, the
//! document root for theming).

mod app;
mod browser;
pub mod codebook;
mod coding_state;
mod exam_session;
mod components;
mod pages;
pub mod state;
pub mod storage;
pub(crate) mod tabs;

pub use app::App;

/// Mounts the app on `<body>`, replacing the loading placeholder.
pub fn start() {
    console_error_panic_hook::set_once();
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(App);
}
