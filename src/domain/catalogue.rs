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
    /// The label in the section list, under its act's heading (so without the area).
    #[serde(default)]
    pub nav_name: String,
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
    matches!(
        (regime, area),
        (Regime::Joint, _)
            | (Regime::DrugOnly, TaskArea::Drugs)
            | (
                Regime::AlcoholOnly,
                TaskArea::Alcohol | TaskArea::Behavioural
            )
    )
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

#[cfg(test)]
mod tests {
    use super::*;

    fn task(id: &str) -> &'static StatutoryTask {
        catalogue().task(&TaskId::new(id)).unwrap()
    }

    #[test]
    fn the_alcohol_tasks_are_the_statutes_points_1_2_3_5_6_7() {
        let points: Vec<u8> = catalogue()
            .tasks
            .iter()
            .filter(|t| t.area == TaskArea::Alcohol)
            .map(|t| t.point)
            .collect();
        assert_eq!(points, [1, 2, 3, 5, 6, 7]);
        for t in catalogue()
            .tasks
            .iter()
            .filter(|t| t.area != TaskArea::Behavioural)
        {
            // The id is the statute's point number, and so is the citation.
            assert!(
                t.id.as_str().ends_with(&format!(".{}", t.point)),
                "{}",
                t.id
            );
            assert!(
                t.citation.contains(&format!("pkt {} ", t.point)),
                "{}",
                t.citation
            );
        }
        assert!(catalogue().task(&TaskId::new("alcohol.4")).is_none());
        let gone = catalogue().repealed(&TaskId::new("alcohol.4")).unwrap();
        assert!(gone.citation.starts_with("art. 4¹ ust. 1 pkt 4"));
    }

    #[test]
    fn point_5_6_and_7_read_as_the_statute_does() {
        assert_eq!(
            task("alcohol.5").wording(2025),
            "wspomaganie działalności instytucji, stowarzyszeń i osób fizycznych, służącej \
             rozwiązywaniu problemów alkoholowych"
        );
        assert!(task("alcohol.6")
            .wording(2025)
            .starts_with("podejmowanie interwencji"));
        assert_eq!(
            task("alcohol.7").wording(2025),
            "wspieranie zatrudnienia socjalnego przez organizowanie i finansowanie centrów \
             integracji społecznej i klubów integracji społecznej"
        );
    }

    #[test]
    fn point_2_is_worded_as_in_force_at_the_end_of_the_report_year() {
        let t = task("alcohol.2");
        for year in [2015, 2021, 2022] {
            assert!(
                t.wording(year)
                    .ends_with("ochrony przed przemocą w rodzinie"),
                "{year}"
            );
        }
        for year in [2023, 2025, 2030] {
            assert!(
                t.wording(year).ends_with("ochrony przed przemocą domową"),
                "{year}"
            );
        }
        // A task worded one way has that wording in every year.
        assert_eq!(task("drugs.1").wording(2010), task("drugs.1").wording(2030));
    }

    #[test]
    fn behavioural_addictions_are_an_element_of_the_program_not_a_statutory_point() {
        let t = task("behavioural.1");
        assert!(!t.statutory);
        assert!(t.citation.starts_with("art. 4¹ ust. 2 zd. 2"));
        assert!(catalogue().tasks.iter().filter(|t| !t.statutory).count() == 1);
    }

    #[test]
    fn the_lists_open_with_the_statutes_words() {
        let drugs = catalogue().area(TaskArea::Drugs).unwrap();
        assert_eq!(
            drugs.intro,
            "Przeciwdziałanie narkomanii należy do zadań własnych gminy, obejmujących:"
        );
        let alcohol = catalogue().area(TaskArea::Alcohol).unwrap();
        assert!(alcohol
            .intro
            .ends_with("W szczególności zadania te obejmują:"));
    }

    #[test]
    fn every_entry_names_its_source_and_says_whether_it_was_confirmed() {
        let cat = catalogue();
        for t in &cat.tasks {
            assert!(!t.source.trim().is_empty(), "{}", t.id);
            assert!(!t.wordings.is_empty(), "{}", t.id);
        }
        for c in &cat.citations {
            assert!(!c.source.trim().is_empty(), "{}", c.id);
        }
        // The reform's transitional article was not read in its enacted wording.
        let reform = cat
            .citations
            .iter()
            .find(|c| c.id == "reform_2021")
            .unwrap();
        assert!(!reform.confirmed);
        assert!(reform.text.contains("Dz.U. 2021 poz. 2469"));
    }

    #[test]
    fn regimes_cover_their_acts_task_lists() {
        let cat = catalogue();
        let areas = |regime, behavioural| -> Vec<TaskArea> {
            let mut v: Vec<TaskArea> = cat
                .tasks_for(regime, behavioural)
                .iter()
                .map(|t| t.area)
                .collect();
            v.dedup();
            v
        };
        assert_eq!(areas(Regime::DrugOnly, true), [TaskArea::Drugs]);
        assert_eq!(areas(Regime::AlcoholOnly, false), [TaskArea::Alcohol]);
        assert_eq!(
            areas(Regime::AlcoholOnly, true),
            [TaskArea::Alcohol, TaskArea::Behavioural]
        );
        assert_eq!(
            areas(Regime::Joint, true),
            [TaskArea::Drugs, TaskArea::Alcohol, TaskArea::Behavioural]
        );
    }
}
