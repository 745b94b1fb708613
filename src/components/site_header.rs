use leptos::prelude::*;
use leptos_router::components::A;

use super::primary_nav::PrimaryNav;
use super::theme_toggle::ThemeToggle;

/// The banner: product name, primary navigation, theme toggle and settings.
#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <A href="/" attr:class="brand">
                    <svg class="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
                        <rect width="32" height="32" rx="8"/>
                        <path d="M6 17h5l2.5-6 4 12 3-8 1.5 2H26" fill="none" stroke-width="2.4"
                            stroke-linecap="round" stroke-linejoin="round"/>
                    </svg>
                    <span class="brand__name">"HIT Trainer"</span>
                </A>
                <PrimaryNav/>
                <div class="site-header__tools">
                    <ThemeToggle/>
                    <A href="/settings" attr:class="icon-link">
                        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                            <circle cx="12" cy="12" r="3.2"/>
                            <path d="M12 2.8v2.6M12 18.6v2.6M2.8 12h2.6M18.6 12h2.6M5.5 5.5l1.9 1.9M16.6 16.6l1.9 1.9M5.5 18.5l1.9-1.9M16.6 7.4l1.9-1.9"/>
                        </svg>
                        <span class="icon-link__text">"Settings"</span>
                    </A>
                </div>
            </div>
        </header>
    }
}
