//! Generated reports of any size for benchmarks and load tests: a joint program of a big city
//! with `n` activities × 5 indicators, realistic Polish text and amounts, partners, goals and a
//! budget whose chapters add up to the activities' costs. Deterministic: the same `n` gives the
//! same report.

use rust_decimal::Decimal;

use crate::domain::model::*;

/// Words the activity texts are built from (no sentence of any real report).
const WORDS: [&str; 24] = [
    "zajęcia",
    "warsztaty",
    "profilaktyczne",
    "dla",
    "uczniów",
    "rodziców",
    "nauczycieli",
    "seniorów",
    "w",
    "szkołach",
    "podstawowych",
    "świetlicy",
    "środowiskowej",
    "prowadzone",
    "przez",
    "terapeutów",
    "uzależnień",
    "oraz",
    "pedagogów",
    "z",
    "udziałem",
    "policji",
    "gminy",
    "miasta",
];

/// The task ids of the joint program, in catalogue order.
const TASKS: [&str; 12] = [
    "drugs.1",
    "drugs.2",
    "drugs.3",
    "drugs.4",
    "drugs.5",
    "alcohol.1",
    "alcohol.2",
    "alcohol.3",
    "alcohol.5",
    "alcohol.6",
    "alcohol.7",
    "behavioural.1",
];

/// A small, fast, seedable generator (xorshift64*) for generated data, the fuzz loop and the
/// money suite: the same seed always gives the same sequence, whatever the clock.
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    fn words(&mut self, n: usize) -> String {
        let mut out = String::new();
        for i in 0..n {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(WORDS[self.below(WORDS.len())]);
        }
        out
    }
}

/// A joint-program report for 2025 with `activities` activities of 5 indicators each.
pub fn generated(activities: usize) -> Report {
    let mut rng = Rng(0x2025_0000 + activities as u64);
    let mut r = Report::new(Id::new(format!("generated-{activities}")), 2025);
    r.gmina = Gmina {
        name: "Miasto Wzorcowe".into(),
        kind: Some(GminaKind::CityWithPowiatRights),
        teryt: "3064011".into(),
        voivodeship: "wielkopolskie".into(),
        population: Some(250_000),
        ..Gmina::default()
    };
    r.program.title = "Miejski Program Profilaktyki i Rozwiązywania Problemów Alkoholowych oraz \
                       Przeciwdziałania Narkomanii na 2025 rok"
        .into();
    r.program.behavioural = true;
    r.program.resolution = Resolution {
        number: "XV/210/2024".into(),
        date: Date::new(2024, 12, 12),
        council: "Rada Miasta Wzorcowe".into(),
        ..Resolution::default()
    };
    r.prepared_by = "Wydział Zdrowia i Spraw Społecznych".into();
    r.prepared_on = Date::new(2026, 3, 20);
    r.introduction = rng.words(80);
    r.conclusions = rng.words(60);
    r.goals = (1..=5)
        .map(|n| Goal {
            id: Id::new(format!("goal-{n}")),
            number: ["I", "II", "III", "IV", "V"][n - 1].into(),
            title: format!("Cel {n}: {}", rng.words(5)),
            aim: rng.words(20),
            ..Goal::default()
        })
        .collect();
    r.partners = (1..=40)
        .map(|n| Partner {
            id: Id::new(format!("partner-{n}")),
            name: format!("Podmiot nr {n} — {}", rng.words(3)),
            kind: PartnerKind::ALL[n % PartnerKind::ALL.len()],
            role: rng.words(10),
            ..Partner::default()
        })
        .collect();
    r.gkrpa = Gkrpa {
        members: Some(12),
        trained_members: Some(10),
        meetings: Some(24),
        interviews: Some(310),
        referred_to_expert: Some(80),
        court_applications: Some(61),
        ..Gkrpa::default()
    };
    let mut per_line: std::collections::BTreeMap<(String, String), i64> = Default::default();
    for i in 0..activities {
        let task = TASKS[i % TASKS.len()];
        let chapter = if task.starts_with("drugs") {
            "85153"
        } else {
            "85154"
        };
        let paragraph = ["4170", "4300", "4210", "2360"][i % 4];
        let grosze = 50_000 + rng.below(5_000_000) as i64;
        *per_line
            .entry((chapter.into(), paragraph.into()))
            .or_default() += grosze;
        let planned = 20 + rng.below(500) as i64;
        r.activities.push(Activity {
            id: Id::new(format!("activity-{}", i + 1)),
            goal: Some(Id::new(format!("goal-{}", i % 5 + 1))),
            title: format!("Działanie {}: {}", i + 1, rng.words(6)),
            description: rng.words(40),
            tasks: vec![TaskId::new(task)],
            area: if task.starts_with("drugs") {
                Area::Drugs
            } else if task.starts_with("behavioural") {
                Area::Behavioural
            } else {
                Area::Alcohol
            },
            level: PreventionLevel::ALL[i % 4],
            target_groups: vec![TargetGroup::ALL[i % TargetGroup::ALL.len()]],
            realizers: vec![Id::new(format!("partner-{}", i % 40 + 1))],
            mode: Mode::ALL[i % Mode::ALL.len()],
            cost: Cost {
                planned: Some(Amount::from_grosze(grosze)),
                executed: Some(Amount::from_grosze(grosze)),
                chapter: chapter.into(),
                paragraph: paragraph.into(),
                source: FundingSource::PermitFees,
                ..Cost::default()
            },
            indicators: (1..=5)
                .map(|k| Indicator {
                    id: Id::new(format!("indicator-{}-{k}", i + 1)),
                    name: format!("wskaźnik {k}: {}", rng.words(3)),
                    unit: IndicatorUnit::ALL[k % 5],
                    planned: Some(Decimal::from(planned * k as i64)),
                    achieved: Some(Decimal::from(planned * k as i64 + rng.below(40) as i64)),
                    ..Indicator::default()
                })
                .collect(),
            status: Status::Done,
            ..Activity::default()
        });
    }
    let mut total = 0i64;
    r.budget.lines = per_line
        .into_iter()
        .enumerate()
        .map(|(n, ((chapter, paragraph), grosze))| {
            total += grosze;
            BudgetLine {
                id: Id::new(format!("line-{}", n + 1)),
                chapter,
                paragraph,
                planned: Some(Amount::from_grosze(grosze)),
                after_changes: Some(Amount::from_grosze(grosze)),
                executed: Some(Amount::from_grosze(grosze)),
                source: FundingSource::PermitFees,
                ..BudgetLine::default()
            }
        })
        .collect();
    r.budget.permit_fee_income = Some(Amount::from_grosze(total));
    r.context_figures = (1..=12)
        .map(|n| ContextFigure {
            id: Id::new(format!("figure-{n}")),
            name: rng.words(5),
            value: Some(Decimal::from(rng.below(2_000))),
            year: Some(2025),
            previous_value: Some(Decimal::from(rng.below(2_000))),
            unit: "osoby".into(),
            source: rng.words(3),
            ..ContextFigure::default()
        })
        .collect();
    r
}

#[cfg(test)]
mod tests {
    use super::generated;
    use crate::domain::rules::{errors, validate};

    #[test]
    fn generated_reports_have_the_asked_size_and_no_errors() {
        for n in [10, 100, 1000] {
            let r = generated(n);
            assert_eq!(r.activities.len(), n);
            assert!(r.activities.iter().all(|a| a.indicators.len() == 5));
            let findings = validate(&r);
            assert_eq!(errors(&findings), 0, "{findings:#?}");
        }
        assert_eq!(generated(100), generated(100));
    }
}
