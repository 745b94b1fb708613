use hit_core::grading::DrgComparison;
use leptos::prelude::*;

/// Your MS-DRG beside the correct one, with weights and the payment each
/// brings at the base rate from Settings.
#[component]
pub fn DrgComparisonView(comparison: DrgComparison, base_rate: u32) -> impl IntoView {
    let money = |v: Option<f64>| v.map_or("none".to_string(), |v| format!("${}", thousands(v)));
    let weight = |w: Option<f64>| w.map_or("none".to_string(), |w| format!("{w:.4}"));
    let (y, c) = (&comparison.yours, &comparison.correct);
    let verdict = match comparison.difference() {
        _ if y.drg == c.drg => "Your coding groups to the correct MS-DRG.".to_string(),
        Some(d) if d < 0.0 => format!("Your coding would underpay the hospital by ${} for this stay.", thousands(-d)),
        Some(d) => format!("Your coding would overpay by ${}: an overpayment is a compliance risk, not a bonus.", thousands(d)),
        None => "Your coding cannot be grouped, so the claim would not be paid as coded.".to_string(),
    };
    view! {
        <section aria-labelledby="drg-compare-heading">
            <h3 id="drg-compare-heading">"MS-DRG and payment"</h3>
            <div class="table-scroll">
                <table class="data-table compact">
                    <thead><tr><th scope="col"><span class="visually-hidden">"Measure"</span></th><th scope="col">"Your coding"</th><th scope="col">"Correct coding"</th></tr></thead>
                    <tbody>
                        <tr><th scope="row">"MS-DRG"</th><td>{format!("{:03} {}", y.drg, y.title)}</td><td>{format!("{:03} {}", c.drg, c.title)}</td></tr>
                        <tr><th scope="row">"Relative weight"</th><td>{weight(y.weight)}</td><td>{weight(c.weight)}</td></tr>
                        <tr><th scope="row">{format!("Payment at ${} base rate", thousands(f64::from(base_rate)))}</th><td>{money(comparison.your_payment)}</td><td>{money(comparison.correct_payment)}</td></tr>
                    </tbody>
                </table>
            </div>
            <p class="drg-verdict"><strong>{verdict}</strong></p>
            <p class="hint">"Payment is relative weight times the base rate. Change the base rate in "<a href="/settings#payment">"Settings"</a>"."</p>
        </section>
    }
}

/// 12345.5 -> "12,345.50".
pub fn thousands(v: f64) -> String {
    let cents = (v * 100.0).round() as i64;
    let (whole, frac) = (cents / 100, cents % 100);
    format!("{}.{frac:02}", hit_core::progress::count_label(whole.unsigned_abs()))
}
