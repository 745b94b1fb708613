use leptos::prelude::*;

/// A card with a level-2 heading that names its region: `id` gives the
/// heading's id (`{id}-heading`), which labels the section.
#[component]
pub fn CardSection(
    id: &'static str,
    title: &'static str,
    /// Extra classes beside `card`.
    #[prop(optional)]
    class: &'static str,
    children: Children,
) -> impl IntoView {
    let labelled_by = format!("{id}-heading");
    let heading = labelled_by.clone();
    let class = if class.is_empty() { "card".to_string() } else { format!("card {class}") };
    view! {
        <section class=class aria-labelledby=labelled_by>
            <h2 id=heading>{title}</h2>
            {children()}
        </section>
    }
}
