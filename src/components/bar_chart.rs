use leptos::prelude::*;

/// One bar: its label, the share right (none without evidence) and how many
/// answers or items it rests on.
#[derive(Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub percent: Option<f64>,
    pub evidence: u32,
}

/// Horizontal bars as SVG, each labelled with its value, so the chart reads
/// without colour; a text alternative lists every bar.
#[component]
pub fn BarChart(id: &'static str, title: String, bars: Vec<Bar>, unit: &'static str) -> impl IntoView {
    // Each row: the label on its own line, then the bar and its value.
    const W: f64 = 480.0;
    const ROW: f64 = 44.0;
    const LABEL: f64 = 0.0;
    let h = ROW * bars.len() as f64 + 4.0;
    let span = W - 110.0;
    let text = |b: &Bar| match b.percent {
        Some(p) => format!("{}: {p:.0}% right over {} {unit}", b.label, b.evidence),
        None => format!("{}: nothing yet", b.label),
    };
    let desc = bars.iter().map(text).collect::<Vec<_>>().join("; ");
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    let labelled_by = format!("{title_id} {desc_id}");
    view! {
        <svg viewBox=format!("0 0 {W} {h}") role="img" aria-labelledby=labelled_by class="bar-chart">
            <title id=title_id>{title}</title>
            <desc id=desc_id>{desc}</desc>
            {bars.into_iter().enumerate().map(|(i, b)| {
                let top = 4.0 + i as f64 * ROW;
                let width = b.percent.map_or(0.0, |p| span * p / 100.0);
                let value = match b.percent { Some(p) => format!("{p:.0}% ({})", b.evidence), None => "no answers yet".into() };
                let class = match b.percent { Some(p) if p >= 70.0 => "bar bar--good", Some(_) => "bar bar--low", None => "bar" };
                view! {
                    <g>
                        <text x="0" y=top + 13.0 class="bar-label">{b.label.clone()}</text>
                        <rect class="bar-track" x=LABEL y=top + 19.0 width=span height="16" rx="4"/>
                        <rect class=class x=LABEL y=top + 19.0 width=format!("{width:.1}") height="16" rx="4"/>
                        <text x=LABEL + span + 8.0 y=top + 32.0 class="bar-value">{value}</text>
                    </g>
                }
            }).collect_view()}
        </svg>
    }
}
