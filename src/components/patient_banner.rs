use hit_core::chart::Chart;
use hit_core::mce::Sex;
use leptos::prelude::*;

/// The EHR patient banner: who the patient is and which encounter this is,
/// always visible above the documents (and at the top of a printout).
#[component]
pub fn PatientBanner(chart: Chart) -> impl IntoView {
    let p = &chart.patient;
    let sex = match p.sex {
        Sex::Female => "Female",
        Sex::Male => "Male",
        Sex::Unknown => "Unknown",
    };
    let stay = p.discharged.0 - p.admitted.0;
    let stay = match stay {
        0 => "same day".to_string(),
        1 => "1 day".to_string(),
        n => format!("{n} days"),
    };
    let fields = [
        ("Sex, age", format!("{sex}, {} y", p.age)),
        ("Date of birth", p.birth_date.to_string()),
        ("MRN", p.mrn.clone()),
        ("Account", p.account.clone()),
        ("Class", chart.setting.title().to_string()),
        ("Encounter", format!("{} to {} ({stay})", p.admitted, p.discharged)),
        ("Attending", p.attending.clone()),
        ("Payer", p.payer.clone()),
    ];
    view! {
        <section class="patient-banner" aria-label="Patient banner">
            <p class="patient-banner__name">
                <span class="patient-banner__icon" aria-hidden="true">{initials(&p.first_name, &p.last_name)}</span>
                <strong>{format!("{}, {}", p.last_name.to_uppercase(), p.first_name)}</strong>
                <span class="badge">"Synthetic patient"</span>
            </p>
            <dl class="patient-banner__facts">
                {fields.into_iter().map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
            </dl>
        </section>
    }
}

fn initials(first: &str, last: &str) -> String {
    first.chars().take(1).chain(last.chars().take(1)).collect()
}
