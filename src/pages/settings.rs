use leptos::prelude::*;

use crate::components::{
    base_rate_form::BaseRateForm, card_section::CardSection, name_form::NameForm, page_header::PageHeader, quarantine_list::QuarantineList, retention_picker::RetentionPicker, theme_picker::ThemePicker,
};

#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <PageHeader title="Settings" lead="Preferences for this browser. They are saved as you change them."/>
        <CardSection id="profile" title="Profile">
            <NameForm/>
        </CardSection>
        <CardSection id="appearance" title="Appearance">
            <ThemePicker/>
        </CardSection>
        <CardSection id="payment" title="Payment">
            <BaseRateForm/>
        </CardSection>
        <CardSection id="review" title="Review queue">
            <RetentionPicker/>
        </CardSection>
        <CardSection id="storage" title="Unreadable data">
            <p>
                "If saved data is ever damaged, HIT Trainer moves it aside instead of overwriting it. "
                "You can download it here, and delete it once you no longer need it."
            </p>
            <QuarantineList/>
        </CardSection>
    }
}
