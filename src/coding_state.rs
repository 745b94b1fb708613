//! The coding form's state, shared by its parts through context: one row
//! per entry, each with its own signals so typing re-renders only that row.

use hit_core::chart::Chart;
use hit_core::grading::{Answer, AnswerCode, AnswerProcedure};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct DxRow {
    pub id: u32,
    pub code: RwSignal<String>,
    pub poa: RwSignal<String>,
}

#[derive(Clone, Copy)]
pub struct ProcRow {
    pub id: u32,
    pub code: RwSignal<String>,
    pub date: RwSignal<String>,
}

/// Everything the coding form's components share.
#[derive(Clone, Copy)]
pub struct CodingUi {
    pub chart: StoredValue<Chart>,
    pub diagnoses: RwSignal<Vec<DxRow>>,
    pub procedures: RwSignal<Vec<ProcRow>>,
    next_id: StoredValue<u32>,
}

impl CodingUi {
    pub fn new(chart: Chart) -> CodingUi {
        CodingUi { chart: StoredValue::new(chart), diagnoses: RwSignal::new(Vec::new()), procedures: RwSignal::new(Vec::new()), next_id: StoredValue::new(0) }
    }

    fn id(&self) -> u32 {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        id
    }

    pub fn inpatient(&self) -> bool {
        self.chart.with_value(|c| c.setting == hit_core::scenario::Setting::Inpatient)
    }

    /// Adds a diagnosis line and returns its id.
    pub fn add_diagnosis(&self, code: &str) -> u32 {
        let id = self.id();
        self.diagnoses.update(|l| l.push(DxRow { id, code: RwSignal::new(code.into()), poa: RwSignal::new(String::new()) }));
        id
    }

    /// Adds a procedure line (dated on the admission day) and returns its id.
    pub fn add_procedure(&self, code: &str) -> u32 {
        let id = self.id();
        let first_day = self.chart.with_value(|c| c.patient.admitted.to_string());
        self.procedures.update(|l| l.push(ProcRow { id, code: RwSignal::new(code.into()), date: RwSignal::new(first_day) }));
        id
    }

    /// The form as an answer to grade (tracks every row).
    pub fn answer(&self) -> Answer {
        Answer {
            diagnoses: self.diagnoses.get().iter().map(|r| AnswerCode { code: r.code.get(), poa: Some(r.poa.get()).filter(|p| !p.is_empty()) }).collect(),
            procedures: self.procedures.get().iter().map(|r| AnswerProcedure { code: r.code.get(), date: Some(r.date.get()).filter(|d| !d.is_empty()) }).collect(),
        }
    }

    /// Fills the form from an earlier answer (reopening an attempt).
    pub fn load(&self, answer: &Answer) {
        self.diagnoses.set(Vec::new());
        self.procedures.set(Vec::new());
        for d in &answer.diagnoses {
            let id = self.add_diagnosis(&d.code);
            if let Some(row) = self.diagnoses.get_untracked().iter().find(|r| r.id == id) {
                row.poa.set(d.poa.clone().unwrap_or_default());
            }
        }
        for p in &answer.procedures {
            let id = self.add_procedure(&p.code);
            if let (Some(row), Some(date)) = (self.procedures.get_untracked().iter().find(|r| r.id == id), &p.date) {
                row.date.set(date.clone());
            }
        }
    }
}

pub fn use_coding() -> CodingUi {
    expect_context::<CodingUi>()
}
