use leptos::prelude::*;

/// Paste an assignment link (or its code) to open it.
#[component]
pub fn OpenAssignmentForm(on_open: Callback<String>) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        on_open.run(text.get_untracked());
        text.set(String::new());
    };
    view! {
        <form class="card stack" aria-labelledby="open-assignment-heading" on:submit=submit>
            <h2 id="open-assignment-heading">"Open an assignment"</h2>
            <div class="field">
                <label for="assignment-link">"Assignment link"</label>
                <input
                    id="assignment-link"
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder="Paste the link your instructor sent"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                    required
                />
            </div>
            <div class="actions">
                <button type="submit" class="button">"Open the assignment"</button>
            </div>
        </form>
    }
}
