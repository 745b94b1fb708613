use leptos::prelude::*;

/// A button for something that cannot be undone: it asks `question` first,
/// with `confirm` to go ahead and Cancel to back out.
#[component]
pub fn ConfirmButton(
    /// Unique on the page: names the question the dialog is labelled by.
    id: String,
    label: String,
    /// Classes of the first button (the confirm button is always a danger one).
    trigger_class: &'static str,
    question: String,
    confirm: String,
    on_confirm: Callback<()>,
) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let text_id = format!("{id}-question");
    move || {
        if confirming.get() {
            view! {
                <div class="confirm" role="alertdialog" aria-labelledby=text_id.clone()>
                    <p id=text_id.clone()><strong>{question.clone()}</strong></p>
                    <div class="actions">
                        <button type="button" class="button button--danger" on:click=move |_| {
                            on_confirm.run(());
                            confirming.set(false);
                        }>{confirm.clone()}</button>
                        <button type="button" class="button button--quiet" on:click=move |_| confirming.set(false)>"Cancel"</button>
                    </div>
                </div>
            }
            .into_any()
        } else {
            view! { <button type="button" class=trigger_class on:click=move |_| confirming.set(true)>{label.clone()}</button> }.into_any()
        }
    }
}
