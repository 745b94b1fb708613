use hit_core::codes::System;
use hit_core::review::{Target, same_code, target};
use leptos::prelude::*;

use crate::browser::now_ms;
use crate::codebook::CodesStatus;
use crate::state::use_app;

/// One code card: the code's title as the prompt, a box for the code, and
/// the answer once checked (which reviews the card).
#[component]
pub fn CodeReview(key: String) -> impl IntoView {
    let state = use_app();
    let Some(Target::Code(system, code)) = target(&key) else { return ().into_any() };
    let (system, code) = (system, code.to_string());
    let title = {
        let code = code.clone();
        move || match state.codes.get() {
            CodesStatus::Ready(cb) => match system {
                System::Icd10Cm => cb.sets.cm.validate(&code).title,
                System::Icd10Pcs => cb.sets.pcs.validate(&code).title,
            }
            .unwrap_or_else(|| "(not in the FY2026 code set)".into()),
            _ => "Loading the code sets…".to_string(),
        }
    };
    let typed = RwSignal::new(String::new());
    let result = RwSignal::new(None::<bool>);
    let system_name = if system == System::Icd10Cm { "ICD-10-CM" } else { "ICD-10-PCS" };
    let input_id = format!("review-{key}").replace([':', '.'], "-");
    let expected = code.clone();
    let check = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if result.get_untracked().is_some() || typed.get_untracked().trim().is_empty() {
            return;
        }
        let right = same_code(&expected, &typed.get_untracked());
        let params = state.settings.with_untracked(|s| s.review_params());
        let target = Target::Code(system, &expected);
        state.change_merged(state.review, |r| {
            r.answered(target, right, now_ms(), &params);
        });
        result.set(Some(right));
    };
    let label_title = title.clone();
    view! {
        <form class="code-review" on:submit=check>
            <label for=input_id.clone()>{move || format!("{system_name} code for: {}", label_title())}</label>
            <div class="actions">
                <input id=input_id type="text" class="code-input" autocomplete="off" spellcheck="false"
                    prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev))
                    disabled=move || result.get().is_some()/>
                <button type="submit" class="button button--small" disabled=move || result.get().is_some()>"Check"</button>
            </div>
            <p class="status" role="status">{move || match result.get() {
                None => String::new(),
                Some(true) => format!("Right: {code}. It comes back later."),
                Some(false) => format!("Not quite: the code is {code}. It comes back soon."),
            }}</p>
        </form>
    }
    .into_any()
}
