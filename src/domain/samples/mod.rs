//! The two sample reports, kept as files of the JSON format in `public/samples/` (published with
//! the app and read through the same pipeline as any imported file): Kalisz 2020 (a real city's
//! drug-only program, figures from its public report, texts in our own words) and a fictional
//! small rural gmina's joint program for 2025 that exercises every part of the model — a GKRPA, a
//! consultation point, the small-bottle fee, carry-over of permit-fee money.
//!
//! The browser build does not embed them: the app fetches `samples/<slug>.json` when a sample is
//! chosen (the service worker precaches it for offline use), so the first load does not carry
//! ~80 KB of JSON that most visits never read. Native builds (the CLI) and tests embed them.
//!
//! Invariants (tested below): each file is of the current schema version, every id is unique
//! within its report, every realizer, goal and coalition member resolves, the joint sample covers
//! every statutory task of its regime, its activity costs add up, chapter by chapter, to the
//! budget's executed amounts, and it passes every check without a finding.

pub mod generate;

use super::format::{self, FileContents};
use super::model::*;

/// The samples as (slug, Polish label), in the order the UI offers them; a sample's file is
/// `public/samples/<slug>.json`, served as `samples/<slug>.json` beside the app.
pub const SAMPLES: [(&str, &str); 2] = [
    (
        "kalisz-2020",
        "Kalisz 2020 — program przeciwdziałania narkomanii",
    ),
    (
        "przykladowo-2025",
        "Gmina Przykładowo 2025 — program wspólny (fikcyjny przykład)",
    ),
];

/// The address of a sample's file relative to the app's page.
pub fn url(slug: &str) -> String {
    format!("samples/{slug}.json")
}

/// Reads a sample's file text into its report, through the import pipeline; the Polish message
/// of what is wrong when the text is not a report file (a damaged download).
pub fn from_text(text: &str) -> Result<Report, String> {
    match format::read_file(text) {
        Ok(FileContents::Report(file)) => Ok(file.report),
        Ok(FileContents::Backup(_)) => Err("plik przykładu zawiera kopię wielu raportów".into()),
        Ok(_) => Err("plik przykładu nie jest raportem".into()),
        Err(e) => Err(e.message()),
    }
}

/// The sample files embedded, for native builds (the CLI) and tests; the browser fetches them.
#[cfg(any(test, not(target_arch = "wasm32")))]
mod embedded {
    use super::{from_text, Report, SAMPLES};

    /// The sample file texts, in the order of [`SAMPLES`].
    pub(super) const TEXTS: [&str; 2] = [
        include_str!("../../../public/samples/kalisz-2020.json"),
        include_str!("../../../public/samples/przykladowo-2025.json"),
    ];

    /// Reads one embedded sample (a broken sample file fails every test at once).
    fn read(text: &str) -> Report {
        from_text(text).unwrap_or_else(|m| panic!("a sample file does not read: {m}"))
    }

    /// Every sample as (slug, Polish label, report), in the order the UI offers them.
    pub fn all() -> Vec<(&'static str, &'static str, Report)> {
        SAMPLES
            .iter()
            .zip(TEXTS)
            .map(|((slug, label), text)| (*slug, *label, read(text)))
            .collect()
    }

    /// The sample with this slug, read from its file (`None` for an unknown slug).
    pub fn by_slug(slug: &str) -> Option<Report> {
        SAMPLES
            .iter()
            .zip(TEXTS)
            .find(|((s, _), _)| *s == slug)
            .map(|(_, text)| read(text))
    }

    /// Kalisz 2020: a real city's drug-only program.
    pub fn kalisz_2020() -> Report {
        read(TEXTS[0])
    }

    /// Gmina Przykładowo 2025: a fictional joint program.
    pub fn small_gmina_2025() -> Report {
        read(TEXTS[1])
    }
}

#[cfg(any(test, not(target_arch = "wasm32")))]
pub use embedded::{all, by_slug, kalisz_2020, small_gmina_2025};

#[cfg(test)]
fn zl(s: &str) -> Amount {
    Amount::new(s.parse().expect("a valid decimal"))
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, HashSet};

    use super::*;
    use crate::domain::catalogue::catalogue;
    use crate::domain::rules::{validate, Severity};

    /// Every id of every entity in a report, in document order.
    fn all_ids(r: &Report) -> Vec<&Id> {
        let mut out: Vec<&Id> = Vec::new();
        out.extend(r.budget.lines.iter().map(|l| &l.id));
        out.extend(r.budget.external.iter().map(|e| &e.id));
        out.extend(r.goals.iter().map(|g| &g.id));
        for a in &r.activities {
            out.push(&a.id);
            out.extend(a.indicators.iter().map(|i| &i.id));
        }
        out.extend(r.partners.iter().map(|p| &p.id));
        for c in &r.coalitions {
            out.push(&c.id);
            out.extend(c.working_groups.iter().map(|w| &w.id));
        }
        out.extend(r.context_figures.iter().map(|f| &f.id));
        out.extend(r.group_costs.iter().map(|g| &g.id));
        for p in &r.consultation_points {
            out.push(&p.id);
            out.extend(p.referrals.iter().map(|x| &x.id));
        }
        out
    }

    fn executed_per_chapter_of_budget(r: &Report) -> BTreeMap<String, Amount> {
        let mut m = BTreeMap::new();
        for l in &r.budget.lines {
            let sum = m.get(&l.chapter).copied().unwrap_or(Amount::ZERO)
                + l.executed.unwrap_or(Amount::ZERO);
            m.insert(l.chapter.clone(), sum);
        }
        m
    }

    fn executed_per_chapter_of_activities(r: &Report) -> BTreeMap<String, Amount> {
        let mut m = BTreeMap::new();
        for a in &r.activities {
            if let Some(e) = a.cost.executed {
                let sum = m.get(&a.cost.chapter).copied().unwrap_or(Amount::ZERO) + e;
                m.insert(a.cost.chapter.clone(), sum);
            }
        }
        m
    }

    #[test]
    fn kalisz_total_spent_is_148_543_63() {
        let r = kalisz_2020();
        let total: Amount = r.budget.lines.iter().filter_map(|l| l.executed).sum();
        assert_eq!(total, zl("148543.63"));
        assert!(r.budget.lines.iter().all(|l| l.chapter == "85153"));
    }

    #[test]
    fn kalisz_has_no_invented_costs_or_plans() {
        let r = kalisz_2020();
        assert!(r
            .activities
            .iter()
            .all(|a| a.cost.executed.is_none() && a.cost.planned.is_none()));
        assert!(r
            .budget
            .lines
            .iter()
            .all(|l| l.planned.is_none() && l.after_changes.is_none()));
    }

    #[test]
    fn sample_slugs_and_report_ids_are_unique() {
        let samples = all();
        let slugs: HashSet<_> = samples.iter().map(|(s, _, _)| *s).collect();
        assert_eq!(slugs.len(), samples.len());
        for (slug, label, r) in &samples {
            assert_eq!(r.id.as_str(), *slug, "the slug is the report id");
            assert!(!label.is_empty());
        }
    }

    #[test]
    fn ids_are_unique_within_each_sample() {
        for (slug, _, r) in all() {
            let ids = all_ids(&r);
            let unique: HashSet<_> = ids.iter().collect();
            assert_eq!(unique.len(), ids.len(), "{slug}: duplicate ids");
            assert!(
                ids.iter().all(|i| !i.as_str().is_empty()),
                "{slug}: empty id"
            );
        }
    }

    #[test]
    fn every_reference_resolves() {
        for (slug, _, r) in all() {
            for a in &r.activities {
                for p in &a.realizers {
                    assert!(r.partner(p).is_some(), "{slug}: {} realizer {p}", a.id);
                }
                if let Some(g) = &a.goal {
                    assert!(r.goal(g).is_some(), "{slug}: {} goal {g}", a.id);
                }
                assert!(!a.tasks.is_empty(), "{slug}: {} has no task", a.id);
                for t in &a.tasks {
                    assert!(catalogue().task(t).is_some(), "{slug}: {} task {t}", a.id);
                }
            }
            for c in &r.coalitions {
                for m in &c.members {
                    assert!(r.partner(m).is_some(), "{slug}: coalition member {m}");
                }
            }
            assert!(
                catalogue().npz(&r.program.npz_edition).is_some(),
                "{slug}: NPZ edition"
            );
        }
    }

    #[test]
    fn every_activity_serves_a_task_of_its_regime() {
        for (slug, _, r) in all() {
            let applicable: HashSet<_> =
                r.applicable_tasks().iter().map(|t| t.id.clone()).collect();
            for a in &r.activities {
                assert!(
                    a.tasks.iter().all(|t| applicable.contains(t)),
                    "{slug}: {}",
                    a.id
                );
            }
        }
    }

    #[test]
    fn joint_sample_covers_every_statutory_task() {
        let r = small_gmina_2025();
        assert_eq!(r.program.regime, Regime::Joint);
        assert!(r.program.behavioural);
        let served: HashSet<_> = r.activities.iter().flat_map(|a| a.tasks.iter()).collect();
        for t in catalogue().tasks_for(Regime::Joint, true) {
            assert!(served.contains(&t.id), "task {} has no activity", t.id);
        }
    }

    #[test]
    fn kalisz_covers_every_drug_act_task() {
        let r = kalisz_2020();
        let served: HashSet<_> = r.activities.iter().flat_map(|a| a.tasks.iter()).collect();
        for t in catalogue().tasks_for(Regime::DrugOnly, false) {
            assert!(served.contains(&t.id), "task {} has no activity", t.id);
        }
    }

    #[test]
    fn joint_sample_activity_costs_add_up_to_the_budget_per_chapter() {
        let r = small_gmina_2025();
        let budget = executed_per_chapter_of_budget(&r);
        assert_eq!(budget.len(), 2);
        assert_eq!(executed_per_chapter_of_activities(&r), budget);
        assert_eq!(budget["85154"], zl("127262.45"));
        assert_eq!(budget["85153"], zl("16986.90"));
    }

    #[test]
    fn joint_sample_activity_costs_add_up_to_each_budget_line() {
        let r = small_gmina_2025();
        for l in &r.budget.lines {
            let sum: Amount = r
                .activities
                .iter()
                .filter(|a| {
                    a.cost.chapter == l.chapter
                        && a.cost.paragraph == l.paragraph
                        && a.cost.source == l.source
                })
                .filter_map(|a| a.cost.executed)
                .sum();
            assert_eq!(
                Some(sum),
                l.executed,
                "{} {} §{}",
                l.id,
                l.chapter,
                l.paragraph
            );
            assert!(
                l.executed <= l.after_changes,
                "{} executed above plan",
                l.id
            );
        }
    }

    #[test]
    fn joint_sample_spends_no_more_permit_fees_than_it_had() {
        let r = small_gmina_2025();
        let spent: Amount = r
            .budget
            .lines
            .iter()
            .filter(|l| l.source == FundingSource::PermitFees)
            .filter_map(|l| l.executed)
            .sum();
        let available = r.budget.permit_fee_income.unwrap() + r.budget.carried_over.unwrap();
        assert!(spent <= available);
    }

    #[test]
    fn joint_sample_has_one_partly_done_activity_with_a_reason() {
        let r = small_gmina_2025();
        let partly: Vec<_> = r
            .activities
            .iter()
            .filter(|a| a.status != Status::Done)
            .collect();
        assert_eq!(partly.len(), 1);
        assert_eq!(partly[0].status, Status::Partly);
        assert!(!partly[0].status_reason.trim().is_empty());
    }

    #[test]
    fn every_sample_is_a_published_file_that_reads_by_its_slug() {
        let all = all();
        assert_eq!(SAMPLES.len(), all.len());
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public");
        for ((slug, label), (s, l, report)) in SAMPLES.iter().zip(&all) {
            assert_eq!((slug, label), (s, l));
            assert_eq!(by_slug(slug).as_ref(), Some(report));
            // What the browser fetches is what the native build embeds.
            let served = std::fs::read_to_string(root.join(url(slug))).unwrap();
            assert_eq!(from_text(&served).as_ref(), Ok(report));
        }
        assert!(by_slug("no-such-sample").is_none());
    }

    #[test]
    fn a_damaged_sample_download_is_refused_with_a_message() {
        let text = embedded::TEXTS[0];
        let cut = &text[..text.len() / 2];
        assert!(from_text(cut).unwrap_err().contains("uszkodzony"));
        assert!(from_text("<html>offline</html>").is_err());
    }

    #[test]
    fn samples_survive_a_json_round_trip() {
        for (slug, _, r) in all() {
            let json = serde_json::to_string(&r).unwrap();
            let back: Report = serde_json::from_str(&json).unwrap();
            assert_eq!(back, r, "{slug}");
        }
    }

    #[test]
    fn joint_sample_has_no_findings_at_all() {
        let findings: Vec<_> = validate(&small_gmina_2025())
            .into_iter()
            .map(|f| format!("{} {}: {}", f.rule, f.path, f.message))
            .collect();
        assert!(findings.is_empty(), "{findings:#?}");
    }

    #[test]
    fn joint_sample_shows_the_blocks_every_real_joint_report_has() {
        let r = small_gmina_2025();
        assert!(!r.gkrpa.is_empty());
        assert_eq!(r.gkrpa.cost, Some(zl("16200.00")));
        assert_eq!(r.consultation_points.len(), 1);
        assert_eq!(r.consultation_points[0].clients.total(), Some(71));
        assert_eq!(r.consultation_points[0].consultations.total(), Some(196));
        assert!(r.budget.small_bottle_income.is_some());
        assert!(r
            .activities
            .iter()
            .any(|a| a.cost.source == FundingSource::SmallBottleFee));
        assert_eq!(r.budget.carried_over, Some(zl("14870.35")));
        assert!(r.budget.permit_fees_carried_out().unwrap() > Amount::ZERO);
        assert!(r.context_figures.iter().any(|f| f.previous_value.is_some()));
        assert_eq!(r.council.outcome, CouncilOutcome::Noted);
    }

    #[test]
    fn kalisz_marks_the_figures_its_source_gives_as_approximate() {
        let r = kalisz_2020();
        let approximate: Vec<String> = r
            .activities
            .iter()
            .flat_map(|a| &a.indicators)
            .filter(|i| i.approximate)
            .map(|i| i.achieved.unwrap().to_string())
            .collect();
        assert_eq!(approximate, ["30", "15", "600"]);
    }

    #[test]
    fn kalisz_checks_say_that_activity_costs_are_missing_and_nothing_is_an_error() {
        let findings = validate(&kalisz_2020());
        assert!(findings
            .iter()
            .any(|f| f.rule == "activity-costs-not-given"));
        let errors: Vec<_> = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| format!("{} {}: {}", f.rule, f.path, f.message))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
}
