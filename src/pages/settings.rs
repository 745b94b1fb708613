use leptos::prelude::*;

use crate::components::{
    name_form::NameForm, page_header::PageHeader, quarantine_list::QuarantineList, theme_picker::ThemePicker,
};

#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <PageHeader title="Settings" lead="Preferences for this browser. They are saved as you change them."/>
        <section class="card" aria-labelledby="profile-heading">
            <h2 id="profile-heading">"Profile"</h2>
            <NameForm/>
        </section>
        <section class="card" aria-labelledby="appearance-heading">
            <h2 id="appearance-heading">"Appearance"</h2>
            <ThemePicker/>
        </section>
        <section class="card" aria-labelledby="storage-heading">
            <h2 id="storage-heading">"Unreadable data"</h2>
            <p>
                "If saved data is ever damaged, HIT Trainer moves it aside instead of overwriting it. "
                "You can download it here, and delete it once you no longer need it."
            </p>
            <QuarantineList/>
        </section>
    }
}
