//! Reusable view components, one per file.

pub mod download_link;
pub mod feature_card;
pub mod name_form;
pub mod notices;
pub mod page_header;
pub mod planned_feature;
pub mod primary_nav;
pub mod quarantine_list;
pub mod site_footer;
pub mod site_header;
pub mod skip_link;
pub mod theme_picker;
pub mod theme_toggle;
pub mod tip_card;
