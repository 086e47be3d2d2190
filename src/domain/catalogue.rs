//! The statutory catalogue: the gmina task lists of the drug act (art. 10 ust. 1) and of the
//! sobriety act (art. 4¹ ust. 1), the behavioural-addictions area, budget chapters and expense
//! paragraphs, and NPZ editions. Legal text lives only in `catalogue.json`, embedded at compile time.

use std::sync::OnceLock;

use serde::Deserialize;

use super::model::{Regime, TaskId};

/// Which list a statutory task belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskArea {
    /// Art. 10 ust. 1 of the drug act.
    Drugs,
    /// Art. 4¹ ust. 1 of the sobriety act.
    Alcohol,
    /// Behavioural addictions (optional part of the joint program).
    Behavioural,
}

/// One gmina task named by the law.
#[derive(Clone, Debug, Deserialize)]
pub struct StatutoryTask {
    pub id: TaskId,
    pub area: TaskArea,
    /// Point number within its list.
    pub point: u8,
    pub short_name: String,
    pub wording: String,
    pub citation: String,
    /// Whether the wording was confirmed against the consolidated text.
    pub confirmed: bool,
}

/// A budget chapter (rozdział) of the classification.
#[derive(Clone, Debug, Deserialize)]
pub struct Chapter {
    pub code: String,
    pub name: String,
}

/// An expense paragraph (§).
#[derive(Clone, Debug, Deserialize)]
pub struct Paragraph {
    pub code: String,
    pub name: String,
}

/// An edition of the Narodowy Program Zdrowia.
#[derive(Clone, Debug, Deserialize)]
pub struct NpzEdition {
    pub id: String,
    pub name: String,
    pub from_year: i32,
    pub to_year: i32,
    pub legal_basis: String,
    /// Operational objective on addiction prevention.
    pub objective: String,
}

/// A legal citation used by the checks and the printed report.
#[derive(Clone, Debug, Deserialize)]
pub struct Citation {
    pub id: String,
    pub text: String,
}

/// The whole catalogue.
#[derive(Clone, Debug, Deserialize)]
pub struct Catalogue {
    pub tasks: Vec<StatutoryTask>,
    pub chapters: Vec<Chapter>,
    pub paragraphs: Vec<Paragraph>,
    pub npz_editions: Vec<NpzEdition>,
    pub citations: Vec<Citation>,
}

static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();

/// The embedded catalogue (parsed once; a broken file fails every test at once).
pub fn catalogue() -> &'static Catalogue {
    CATALOGUE.get_or_init(|| {
        serde_json::from_str(include_str!("catalogue.json"))
            .expect("src/domain/catalogue.json is valid")
    })
}

impl Catalogue {
    /// The statutory tasks a report of this regime must cover.
    pub fn tasks_for(&self, regime: Regime, behavioural: bool) -> Vec<&StatutoryTask> {
        self.tasks
            .iter()
            .filter(|t| match (regime, t.area) {
                (_, TaskArea::Drugs) => true,
                (Regime::Joint, TaskArea::Alcohol) => true,
                (Regime::Joint, TaskArea::Behavioural) => behavioural,
                _ => false,
            })
            .collect()
    }

    pub fn task(&self, id: &TaskId) -> Option<&StatutoryTask> {
        self.tasks.iter().find(|t| &t.id == id)
    }

    pub fn chapter(&self, code: &str) -> Option<&Chapter> {
        self.chapters.iter().find(|c| c.code == code)
    }

    pub fn paragraph(&self, code: &str) -> Option<&Paragraph> {
        self.paragraphs.iter().find(|p| p.code == code)
    }

    pub fn npz(&self, id: &str) -> Option<&NpzEdition> {
        self.npz_editions.iter().find(|e| e.id == id)
    }

    /// The NPZ edition in force in a year, if the catalogue knows one.
    pub fn npz_for_year(&self, year: i32) -> Option<&NpzEdition> {
        self.npz_editions
            .iter()
            .find(|e| (e.from_year..=e.to_year).contains(&year))
    }

    /// The text of a citation by id (panics in tests if a rule cites an unknown id).
    pub fn citation(&self, id: &str) -> Option<&str> {
        self.citations
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.text.as_str())
    }
}
