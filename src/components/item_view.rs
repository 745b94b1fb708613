use hit_core::exam::{Item, ItemType};
use leptos::prelude::*;

use crate::components::rich_text::RichText;

/// One exam item as the candidate sees it: the case of its scenario set (if
/// any), the stem, and the options in `order`, as radio buttons (single best
/// answer) or checkboxes (multiple response). `selected` holds option indexes
/// in the item's own order; `locked` makes the options read-only.
#[component]
pub fn ItemView(
    item: Item,
    order: Vec<usize>,
    case: Option<(String, String)>,
    selected: RwSignal<Vec<usize>>,
    #[prop(into)] locked: Signal<bool>,
    /// Called with the new selection after each change.
    #[prop(optional)]
    on_change: Option<Callback<Vec<usize>>>,
) -> impl IntoView {
    let multiple = item.kind == ItemType::Multiple;
    let choose = item.choose;
    let legend = if multiple { format!("Choose {choose} answers") } else { "Choose one answer".to_string() };
    let toggle = move |i: usize, on: bool| {
        selected.update(|s| {
            if !multiple {
                *s = vec![i];
            } else if on && !s.contains(&i) {
                s.push(i);
                s.sort_unstable();
            } else if !on {
                s.retain(|x| *x != i);
            }
        });
        if let Some(cb) = on_change {
            cb.run(selected.get_untracked());
        }
    };
    let options = item.options.clone();
    view! {
        {case.map(|(title, text)| view! {
            <aside class="item-case" aria-label="Case for this question">
                <h3>{title}</h3>
                <RichText text=text/>
            </aside>
        })}
        <RichText text=item.stem.clone() id="item-stem" class="item-stem"/>
        <fieldset class="choice-group item-options" aria-describedby="item-stem">
            <legend>{legend}</legend>
            {order.into_iter().enumerate().map(|(shown, i)| {
                let text = options.get(i).map(|o| o.text.clone()).unwrap_or_default();
                let letter = char::from(b'A' + shown as u8);
                view! {
                    <label class="item-option">
                        <input
                            type=if multiple { "checkbox" } else { "radio" }
                            name="answer"
                            prop:checked=move || selected.with(|s| s.contains(&i))
                            disabled=move || locked.get()
                            on:change=move |ev| toggle(i, event_target_checked(&ev))
                        />
                        <span class="item-option__letter" aria-hidden="true">{letter.to_string()}</span>
                        <span>{text}</span>
                    </label>
                }
            }).collect_view()}
        </fieldset>
        {multiple.then(|| view! {
            <p class="hint" aria-live="polite">
                {move || format!("{} of {choose} chosen.", selected.with(Vec::len))}
            </p>
        })}
    }
}
