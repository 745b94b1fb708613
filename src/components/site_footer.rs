use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>
                <strong>"Every patient in HIT Trainer is synthetic."</strong>
                " No real patient data is used or stored. Your progress stays in this browser."
            </p>
            <p>
                "HIT Trainer " {hit_core::VERSION} " · " <A href="/about">"Data sources and licences"</A>
                " · Not affiliated with or endorsed by AHIMA."
            </p>
        </footer>
    }
}
