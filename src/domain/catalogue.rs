//! The statutory catalogue: the gmina task lists of the drug act (art. 10 ust. 1) and of the
//! sobriety act (art. 4¹ ust. 1), the behavioural-addictions element of the program (art. 4¹
//! ust. 2 zd. 2, not a statutory point), repealed points, budget chapters and expense
//! paragraphs, NPZ editions and citations. Legal text lives only in `catalogue.json`, embedded at
//! compile time; wording that changed over time carries the years it applies to, and every entry
//! names the text it was taken from and whether that was confirmed.

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

/// One wording of a task and the report years it applies to (the wording in force at the end of
/// the report year). Open ends mean "since always" and "still in force".
#[derive(Clone, Debug, Deserialize)]
pub struct Wording {
    #[serde(default)]
    pub from_year: Option<i32>,
    #[serde(default)]
    pub to_year: Option<i32>,
    pub text: String,
}

impl Wording {
    fn applies_to(&self, year: i32) -> bool {
        self.from_year.is_none_or(|f| year >= f) && self.to_year.is_none_or(|t| year <= t)
    }
}

/// One gmina task named by the law (or, for behavioural addictions, an element the program may
/// contain).
#[derive(Clone, Debug, Deserialize)]
pub struct StatutoryTask {
    pub id: TaskId,
    pub area: TaskArea,
    /// Point number within its list.
    pub point: u8,
    pub short_name: String,
    /// The statute's words, by the years they apply to.
    pub wordings: Vec<Wording>,
    pub citation: String,
    /// Whether this is a point of the statute's task list (false for behavioural addictions,
    /// which the statute allows as an element of the program: its text is a description, never
    /// quoted as statute).
    pub statutory: bool,
    /// The text the wording was taken from (act, consolidated text, date).
    pub source: String,
    /// Whether the wording was confirmed against that text.
    pub confirmed: bool,
}

impl StatutoryTask {
    /// The wording in force at the end of the report year.
    pub fn wording(&self, year: i32) -> &str {
        self.wordings
            .iter()
            .find(|w| w.applies_to(year))
            .or(self.wordings.last())
            .map(|w| w.text.as_str())
            .unwrap_or_default()
    }
}

/// A task list of one act, with the sentence that opens it.
#[derive(Clone, Debug, Deserialize)]
pub struct AreaText {
    pub id: TaskArea,
    pub title: String,
    /// The statute's opening words of the list (quoted verbatim).
    pub intro: String,
    pub citation: String,
    pub source: String,
    pub confirmed: bool,
}

/// A point of a task list that was repealed: citing it is an error.
#[derive(Clone, Debug, Deserialize)]
pub struct RepealedTask {
    pub id: TaskId,
    pub citation: String,
    /// What replaced it, in Polish.
    pub note: String,
    pub source: String,
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
    /// The text it was taken from.
    pub source: String,
    pub confirmed: bool,
}

/// The whole catalogue.
#[derive(Clone, Debug, Deserialize)]
pub struct Catalogue {
    pub areas: Vec<AreaText>,
    pub tasks: Vec<StatutoryTask>,
    pub repealed_tasks: Vec<RepealedTask>,
    pub chapters: Vec<Chapter>,
    pub paragraphs: Vec<Paragraph>,
    pub npz_editions: Vec<NpzEdition>,
    pub citations: Vec<Citation>,
}

/// Whether a program of this regime carries out the tasks of this list.
pub fn regime_covers(regime: Regime, area: TaskArea) -> bool {
    match (regime, area) {
        (Regime::Joint, _) => true,
        (Regime::DrugOnly, TaskArea::Drugs) => true,
        (Regime::AlcoholOnly, TaskArea::Alcohol | TaskArea::Behavioural) => true,
        _ => false,
    }
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
    /// The tasks a report of this regime must cover: the drug act's list, the sobriety act's
    /// list or both, plus behavioural addictions when the program includes them.
    pub fn tasks_for(&self, regime: Regime, behavioural: bool) -> Vec<&StatutoryTask> {
        self.tasks
            .iter()
            .filter(|t| {
                regime_covers(regime, t.area) && (t.area != TaskArea::Behavioural || behavioural)
            })
            .collect()
    }

    pub fn task(&self, id: &TaskId) -> Option<&StatutoryTask> {
        self.tasks.iter().find(|t| &t.id == id)
    }

    /// The repealed point with this id, if it is one.
    pub fn repealed(&self, id: &TaskId) -> Option<&RepealedTask> {
        self.repealed_tasks.iter().find(|t| &t.id == id)
    }

    /// The opening words and citation of a task list.
    pub fn area(&self, area: TaskArea) -> Option<&AreaText> {
        self.areas.iter().find(|a| a.id == area)
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
