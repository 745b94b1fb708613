//! The app shell: layout, routes, theme and focus management.

use leptos::prelude::*;
use leptos_meta::{Title, provide_meta_context};
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::browser;
use crate::components::{notices::Notices, site_footer::SiteFooter, site_header::SiteHeader, skip_link::SkipLink};
use crate::pages;
use crate::state::provide_app;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let state = provide_app();

    // The stylesheet reads data-theme on <html>; no attribute means "follow
    // the device", which the CSS handles with prefers-color-scheme.
    Effect::new(move |_| browser::set_root_theme(state.settings.with(|s| s.theme.attribute())));

    view! {
        <Title formatter=|page: String| {
            if page.is_empty() { "HIT Trainer".to_string() } else { format!("{page} · HIT Trainer") }
        }/>
        <Router>
            <SkipLink/>
            <SiteHeader/>
            <main id="main" tabindex="-1">
                <FocusOnNavigate/>
                <Notices/>
                <Routes fallback=pages::not_found::NotFound>
                    <Route path=path!("/") view=pages::home::Home/>
                    <Route path=path!("/charts") view=pages::charts::Charts/>
                    <Route path=path!("/charts/:scenario") view=pages::charts::NewChart/>
                    <Route path=path!("/charts/:scenario/:seed") view=pages::chart_viewer::ChartViewer/>
                    <Route path=path!("/code") view=pages::coding::Coding/>
                    <Route path=path!("/code/:scenario/:seed") view=pages::workspace::Workspace/>
                    <Route path=path!("/exam") view=pages::exam::Exam/>
                    <Route path=path!("/exam/quiz") view=pages::quiz::Quiz/>
                    <Route path=path!("/exam/mock") view=pages::mock::Mock/>
                    <Route path=path!("/exam/mock/results/:n") view=pages::mock_result::MockResultPage/>
                    <ParentRoute path=path!("/codebook") view=pages::codebook::Codebook>
                        <Route path=path!("") view=pages::codebook::CodebookHome/>
                        <Route path=path!(":system/:code") view=pages::codebook::CodeView/>
                    </ParentRoute>
                    <Route path=path!("/progress") view=pages::progress::Progress/>
                    <Route path=path!("/assignments") view=pages::assignments::Assignments/>
                    <Route path=path!("/instructor") view=pages::instructor::Instructor/>
                    <Route path=path!("/about") view=pages::about::About/>
                    <Route path=path!("/settings") view=pages::settings::SettingsPage/>
                </Routes>
            </main>
            <SiteFooter/>
        </Router>
    }
}

/// After a client-side navigation, moves focus to the main region so screen
/// reader and keyboard users start at the new page, as on a full page load.
#[component]
fn FocusOnNavigate() -> impl IntoView {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            browser::focus_main();
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
        path
    });
}
