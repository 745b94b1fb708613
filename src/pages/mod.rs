//! One module per route.

pub mod about;
pub mod assignments;
pub mod chart_viewer;
pub mod charts;
pub mod codebook;
pub mod coding;
pub mod exam;
pub mod home;
pub mod instructor;
pub mod mock;
pub mod mock_result;
pub mod not_found;
pub mod progress;
pub mod quiz;
pub mod settings;
pub mod workspace;
