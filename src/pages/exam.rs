//! `/exam`: exam prep. Resume what is under way, quick sets, practice and
//! custom quizzes, calculation drills, the mock exam and its results, and
//! mastery by domain.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::{
    blueprint_table::BlueprintTable, calc_drills::CalcDrills, custom_quiz_form::CustomQuizForm, mastery_table::MasteryTable,
    mock_card::MockCard, page_header::PageHeader, quick_sets::QuickSets,
};
use crate::exam_session::settle_mock;
use crate::state::use_app;

#[component]
pub fn Exam() -> impl IntoView {
    let state = use_app();
    // An exam whose time ran out while the tab was closed is submitted now.
    settle_mock(&state);
    let quiz = Memo::new(move |_| state.quiz.with(|q| q.session.as_ref().map(|s| (s.title.clone(), s.answers.len(), s.ids.len()))));
    let blueprint = state.content.with_value(|c| c.as_ref().map(|c| c.blueprint.clone()));
    let items = state.content.with_value(|c| c.as_ref().map_or(0, |c| c.bank.items.len()));
    view! {
        <Title text="Exam prep"/>
        <PageHeader title="Exam prep" lead="Original RHIT-style questions across the six exam domains, with a rationale for every option."/>
        {move || quiz.get().map(|(title, done, total)| view! {
            <section class="card callout" aria-labelledby="resume-heading">
                <h2 id="resume-heading">"Quiz in progress"</h2>
                <p>{format!("{title}: {done} of {total} answered.")}</p>
                <p><a class="button" href="/exam/quiz">{format!("Resume “{title}”")}</a></p>
            </section>
        })}
        <div class="dashboard">
            <QuickSets/>
            <MockCard/>
        </div>
        <div class="dashboard">
            <CustomQuizForm/>
            <CalcDrills/>
        </div>
        <MasteryTable/>
        <section class="card" aria-labelledby="bank-heading">
            <h2 id="bank-heading">"About the questions"</h2>
            <p>{format!("{items} questions written for HIT Trainer, each tied to an exam domain and task and to the rule it rests on (regulation, standard or guideline, as of FY2026), plus calculation questions with new numbers every time. None is taken from AHIMA or an exam-prep vendor.")}</p>
            {blueprint.map(|b| view! { <BlueprintTable blueprint=b/> })}
        </section>
    }
}
