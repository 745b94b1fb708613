use leptos::prelude::*;
use leptos_router::components::A;

/// A dashboard card linking to a section, with whether it is ready.
#[component]
pub fn FeatureCard(
    href: &'static str,
    title: &'static str,
    blurb: &'static str,
    ready: bool,
) -> impl IntoView {
    view! {
        <li class="feature-card">
            <h3>
                <A href=href>{title}</A>
            </h3>
            <p>{blurb}</p>
            <p class="status-chip" class:ready=ready>
                {if ready { "Available" } else { "In development" }}
            </p>
        </li>
    }
}
