use leptos::prelude::*;
use leptos_router::components::A;

/// The main sections, in navigation order.
pub const SECTIONS: &[(&str, &str)] = &[
    ("/", "Home"),
    ("/charts", "Charts"),
    ("/code", "Coding"),
    ("/exam", "Exam prep"),
    ("/codebook", "Codebook"),
    ("/progress", "Progress"),
    ("/assignments", "Assignments"),
    ("/instructor", "Instructor"),
    ("/about", "About"),
];

/// Primary navigation. On narrow screens it folds behind a Menu button
/// (a disclosure: aria-expanded plus aria-controls).
#[component]
pub fn PrimaryNav() -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <button
            type="button"
            class="menu-button"
            aria-controls="primary-nav"
            aria-expanded=move || open.get().to_string()
            on:click=move |_| open.update(|o| *o = !*o)
        >
            <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path d="M4 7h16M4 12h16M4 17h16"/>
            </svg>
            "Menu"
        </button>
        <nav id="primary-nav" class="primary-nav" class:open=move || open.get() aria-label="Main">
            <ul>
                {SECTIONS
                    .iter()
                    .map(|(href, label)| {
                        view! {
                            <li>
                                <A href=*href exact=true on:click=move |_| open.set(false)>{*label}</A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
