//! [`Store`] over the browser's LocalStorage (through gloo-storage).
//!
//! Only the four raw operations live here; versioning, migration and
//! quarantine are `hit_core::store`'s provided methods.

use gloo_storage::{LocalStorage, Storage};
use hit_core::store::{KEY_PREFIX, Store, StoreError};
use wasm_bindgen::{JsCast, JsValue};

/// The browser's LocalStorage for this origin. Keys outside `hit.` are
/// never listed or touched.
#[derive(Debug, Clone, Copy, Default)]
pub struct LocalStore;

impl LocalStore {
    /// Whether LocalStorage can be used at all (it can be disabled, or throw
    /// in some privacy modes), checked without panicking.
    pub fn available() -> Result<(), StoreError> {
        match web_sys::window().map(|w| w.local_storage()) {
            Some(Ok(Some(_))) => Ok(()),
            Some(Err(e)) => Err(unavailable(&e)),
            _ => Err(StoreError::Unavailable { reason: "this browser has no local storage".into() }),
        }
    }
}

impl Store for LocalStore {
    fn get_raw(&self, key: &str) -> Result<Option<String>, StoreError> {
        Self::available()?;
        LocalStorage::raw().get_item(key).map_err(|e| unavailable(&e))
    }

    fn set_raw(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        Self::available()?;
        LocalStorage::raw().set_item(key, value).map_err(|e| {
            if is_quota_error(&e) {
                StoreError::QuotaExceeded { label: key.to_string() }
            } else {
                unavailable(&e)
            }
        })
    }

    fn remove_raw(&mut self, key: &str) -> Result<(), StoreError> {
        Self::available()?;
        LocalStorage::raw().remove_item(key).map_err(|e| unavailable(&e))
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Self::available()?;
        let raw = LocalStorage::raw();
        let len = raw.length().map_err(|e| unavailable(&e))?;
        let mut keys = Vec::new();
        for i in 0..len {
            if let Ok(Some(key)) = raw.key(i) {
                if key.starts_with(KEY_PREFIX) {
                    keys.push(key);
                }
            }
        }
        keys.sort();
        Ok(keys)
    }
}

/// Browsers signal a full store with a DOMException named QuotaExceededError
/// (legacy code 22; Firefox once used NS_ERROR_DOM_QUOTA_REACHED).
fn is_quota_error(error: &JsValue) -> bool {
    error.dyn_ref::<web_sys::DomException>().is_some_and(|e| {
        e.code() == 22 || matches!(e.name().as_str(), "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED")
    })
}

fn unavailable(error: &JsValue) -> StoreError {
    let reason = error
        .dyn_ref::<web_sys::DomException>()
        .map(|e| e.message())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the browser refused access".into());
    StoreError::Unavailable { reason }
}
