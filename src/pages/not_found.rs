use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::components::page_header::PageHeader;

#[component]
pub fn NotFound() -> impl IntoView {
    let path = use_location().pathname;
    view! {
        <PageHeader title="Page not found"/>
        <section class="card">
            <p>"There is no page at " <code>{move || path.get()}</code> "."</p>
            <p>"Check the address, or go to the " <A href="/">"home page"</A> "."</p>
        </section>
    }
}
