//! Reusable view components, one per file.

pub mod card_section;
pub mod cm_detail;
pub mod code_search;
pub mod codes_progress;
pub mod download_link;
pub mod feature_card;
pub mod name_form;
pub mod note_groups;
pub mod notices;
pub mod page_header;
pub mod pcs_builder;
pub mod pcs_detail;
pub mod planned_feature;
pub mod primary_nav;
pub mod quarantine_list;
pub mod site_footer;
pub mod site_header;
pub mod skip_link;
pub mod theme_picker;
pub mod theme_toggle;
pub mod tip_card;
