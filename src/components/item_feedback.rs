use hit_core::exam::Item;
use leptos::prelude::*;

use crate::components::rich_text::RichText;

/// The feedback on an answered item: right or wrong, the answer, the
/// rationale (a worked solution for calculations), why each option is right
/// or wrong with the candidate's choice marked, and the reference.
#[component]
pub fn ItemFeedback(item: Item, order: Vec<usize>, chosen: Vec<usize>, #[prop(optional)] heading_id: Option<&'static str>) -> impl IntoView {
    let answered = !chosen.is_empty();
    let correct = item.is_correct(&chosen);
    let verdict = match (answered, correct) {
        (false, _) => "Not answered",
        (true, true) => "Correct",
        (true, false) => "Not correct",
    };
    let letters: Vec<(usize, char)> = order.iter().enumerate().map(|(shown, &i)| (i, char::from(b'A' + shown as u8))).collect();
    let letter_of = |i: usize| letters.iter().find(|(x, _)| *x == i).map_or('?', |(_, l)| *l);
    let answer = item.answer().iter().map(|&i| format!("{}. {}", letter_of(i), item.options[i].text)).collect::<Vec<_>>().join("; ");
    let class = if correct { "feedback feedback--right" } else { "feedback feedback--wrong" };
    view! {
        <div class=class>
            <h3 id=heading_id tabindex="-1">{verdict}</h3>
            <p><strong>{if item.answer().len() > 1 { "The answers: " } else { "The answer: " }}</strong>{answer}</p>
            <RichText text=item.rationale.clone()/>
            <ul class="option-reasons">
                {order.iter().map(|&i| {
                    let o = &item.options[i];
                    let mine = chosen.contains(&i);
                    let tag = match (o.correct, mine) {
                        (true, true) => "Correct, your choice",
                        (true, false) => "Correct",
                        (false, true) => "Your choice, wrong",
                        (false, false) => "Wrong",
                    };
                    let class = if o.correct { "option-reason option-reason--right" } else if mine { "option-reason option-reason--chosen" } else { "option-reason" };
                    view! {
                        <li class=class>
                            <p><strong>{format!("{}. {}", letter_of(i), o.text)}</strong>" "<span class="badge">{tag}</span></p>
                            <p>{o.why.clone()}</p>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p class="reference"><strong>"Reference: "</strong>{item.reference.clone()}</p>
            <p class="reference">{format!("Question ID {} (quote it to report a problem with this question).", item.id)}</p>
        </div>
    }
}
