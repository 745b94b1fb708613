use leptos::prelude::*;

/// An honest statement that a section is not built yet, with what it will do.
#[component]
pub fn PlannedFeature(
    /// One sentence on what the finished section is for.
    summary: &'static str,
    /// What the section will offer, one item per line.
    items: &'static [&'static str],
) -> impl IntoView {
    view! {
        <section class="card planned" aria-labelledby="planned-heading">
            <p class="status-chip">"In development"</p>
            <h2 id="planned-heading">"This section is not available yet"</h2>
            <p>{summary}</p>
            <h3>"What it will offer"</h3>
            <ul class="checklist">
                {items.iter().map(|item| view! { <li>{*item}</li> }).collect_view()}
            </ul>
            <p class="muted">
                "Nothing here records progress yet, so there is nothing to lose by looking around."
            </p>
        </section>
    }
}
