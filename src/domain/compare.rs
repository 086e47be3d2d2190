//! This year against last year: a report linked to last year's (its `previous_year` snapshot)
//! compared section by section — spending per chapter, per statutory task and per funding
//! source; participants and indicator values; the GKRPA; consultation points; context figures —
//! and what only a comparison can notice (a figure ten times bigger or smaller, an activity or
//! a partner gone without a word, permit-fee money carried out last year that is not the money
//! carried in this year).
//!
//! Invariants:
//! - Nothing is invented: a value a year does not give is `None` (the printed report and the UI
//!   say "brak danych"), and so are the change and the % change computed from it; a row that
//!   neither year gives is left out.
//! - Pairing is deterministic and linear (hash maps, no pairwise loops). Activities (and within
//!   a pair of activities, their indicators) are paired: first by the user's corrections
//!   ([`Pairing`]), then by id when the names agree too, then by name (case, spacing and quote
//!   style ignored), then by id alone. The id-and-name step comes first because two reports
//!   typed independently both number their activities `activity-1`, `activity-2`…: their ids
//!   agree by chance, their names do not. Consultation points, context figures and partners are
//!   paired the same way, without corrections.
//! - A pure function of the report: the same report gives the same comparison, in the report's
//!   order (this year's entries first, then last year's that have no pair).

use std::collections::HashMap;

use rust_decimal::{Decimal, RoundingStrategy};

use super::catalogue::catalogue;
use super::model::{
    Activity, ActivityFigures, Amount, ClientCounts, FundingSource, Id, IndicatorUnit, Pairing,
    PartnerFigures, PreviousYear, PreviousYearSource, Report, YearFigures,
};
use super::money;

/// A change by this factor or more (up or down) is worth a second look: a zero typed too many
/// or too few.
pub const TENFOLD_FACTOR: u32 = 10;

/// ...but only when the bigger of the two values reaches this (2 → 25 participants is a small
/// activity growing, not a typo).
pub const TENFOLD_MIN_VALUE: u32 = 100;

/// What a value is, for formatting and for what its change means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Złoty and grosze.
    Money,
    /// A count or a measure (people, meetings, hours).
    Count,
    /// A value in per cent: its change is in percentage points and it has no % change.
    Percent,
}

/// The parts of the comparison, in print order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SectionId {
    Chapters,
    Tasks,
    Sources,
    Activities,
    Gkrpa,
    ConsultationPoints,
    Context,
}

impl SectionId {
    pub const ALL: [SectionId; 7] = [
        SectionId::Chapters,
        SectionId::Tasks,
        SectionId::Sources,
        SectionId::Activities,
        SectionId::Gkrpa,
        SectionId::ConsultationPoints,
        SectionId::Context,
    ];

    /// The section's Polish heading.
    pub fn title(self) -> &'static str {
        match self {
            SectionId::Chapters => "Wydatki według rozdziałów klasyfikacji budżetowej",
            SectionId::Tasks => "Wydatki według zadań ustawowych",
            SectionId::Sources => "Źródła finansowania i dochody z opłat",
            SectionId::Activities => "Uczestnicy i wskaźniki działań",
            SectionId::Gkrpa => "Gminna komisja rozwiązywania problemów alkoholowych",
            SectionId::ConsultationPoints => "Punkty konsultacyjne",
            SectionId::Context => "Dane o sytuacji lokalnej",
        }
    }
}

/// How two entries of the two years were paired.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PairedBy {
    /// The user paired them (or said there is no pair).
    User,
    /// Same id (and, unless said otherwise, the same name).
    Id,
    /// Same name, different ids.
    Name,
}

impl PairedBy {
    /// Polish words for the UI ("dopasowano: …").
    pub fn label(self) -> &'static str {
        match self {
            PairedBy::User => "ręcznie",
            PairedBy::Id => "według identyfikatora",
            PairedBy::Name => "według nazwy",
        }
    }
}

/// One line of the comparison: a figure in both years, its change and its % change.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub label: String,
    /// The heading of the group the row belongs to (an activity, a consultation point).
    pub group: Option<String>,
    pub kind: Kind,
    /// The unit in words (`osoby`, `spotkania`, `%`), empty for money.
    pub unit: String,
    pub last: Option<Decimal>,
    pub this: Option<Decimal>,
    /// `this - last`, when both are given.
    pub change: Option<Decimal>,
    /// The change in per cent of last year's value, to one decimal; `None` when a value is
    /// missing, last year's value is 0, or the value is itself in per cent.
    pub percent: Option<Decimal>,
    /// A sum of other figures (of the rows above it, or the money left after spending): left
    /// out of the checks, which look at the parts.
    pub total: bool,
    /// The field of this year's report the row comes from, in the JSON format's terms
    /// (`activities[3].indicators[0].achieved`, `gkrpa.meetings`, `tasks.alcohol.1`); `None`
    /// for a row only last year has.
    pub path: Option<String>,
}

impl Row {
    fn new(
        label: impl Into<String>,
        kind: Kind,
        last: Option<Decimal>,
        this: Option<Decimal>,
    ) -> Row {
        // Checked arithmetic: a hand-edited file may hold 28-digit values.
        let change = last.zip(this).and_then(|(l, t)| t.checked_sub(l));
        let percent = match (kind, last, change) {
            (Kind::Percent, _, _) => None,
            (_, Some(l), Some(c)) if !l.is_zero() => c
                .checked_mul(Decimal::ONE_HUNDRED)
                .and_then(|c| c.checked_div(l.abs()))
                .map(|p| p.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)),
            _ => None,
        };
        Row {
            label: label.into(),
            group: None,
            kind,
            unit: String::new(),
            last,
            this,
            change,
            percent,
            total: false,
            path: None,
        }
    }

    fn money(label: impl Into<String>, last: Option<Amount>, this: Option<Amount>) -> Row {
        Row::new(
            label,
            Kind::Money,
            last.map(Amount::value),
            this.map(Amount::value),
        )
    }

    fn count(label: impl Into<String>, last: Option<u64>, this: Option<u64>) -> Row {
        Row::new(
            label,
            Kind::Count,
            last.map(Decimal::from),
            this.map(Decimal::from),
        )
    }

    fn at(mut self, path: Option<String>) -> Row {
        self.path = path;
        self
    }

    fn unit(mut self, unit: impl Into<String>) -> Row {
        self.unit = unit.into();
        self
    }

    fn in_group(mut self, group: &Option<String>) -> Row {
        self.group = group.clone();
        self
    }

    fn summed(mut self) -> Row {
        self.total = true;
        self
    }

    fn given(&self) -> bool {
        self.last.is_some() || self.this.is_some()
    }

    /// Whether the figure grew or shrank by [`TENFOLD_FACTOR`] or more (both values positive,
    /// the bigger one at least [`TENFOLD_MIN_VALUE`]); sums are not looked at.
    pub fn changed_tenfold(&self) -> bool {
        let (Some(last), Some(this)) = (self.last, self.this) else {
            return false;
        };
        if self.total || last <= Decimal::ZERO || this <= Decimal::ZERO {
            return false;
        }
        let (small, big) = if last < this {
            (last, this)
        } else {
            (this, last)
        };
        big >= Decimal::from(TENFOLD_MIN_VALUE)
            && small
                .checked_mul(Decimal::from(TENFOLD_FACTOR))
                .is_none_or(|tenfold| big >= tenfold)
    }

    /// Last year's value in Polish, or "brak danych".
    pub fn last_text(&self) -> String {
        value_text(self.kind, self.last)
    }

    /// This year's value in Polish, or "brak danych".
    pub fn this_text(&self) -> String {
        value_text(self.kind, self.this)
    }

    /// `+1 234,00 zł`, `-2`, `+1,5 p.p.`, or "brak danych".
    pub fn change_text(&self) -> String {
        let Some(c) = self.change else {
            return NO_DATA.to_string();
        };
        let sign = if c > Decimal::ZERO { "+" } else { "" };
        match self.kind {
            Kind::Money => format!("{sign}{}", money::format_pl(Amount::new(c))),
            Kind::Count => format!("{sign}{}", money::decimal_pl(c, 0)),
            Kind::Percent => format!("{sign}{} p.p.", money::decimal_pl(c, 0)),
        }
    }

    /// `+12,5%`; "brak danych" when a value is missing; `—` when there is no % change to give
    /// (last year's value is 0, or the value is itself in per cent).
    pub fn percent_text(&self) -> String {
        match (self.change, self.percent) {
            (None, _) => NO_DATA.to_string(),
            (Some(_), None) => "—".to_string(),
            (Some(_), Some(p)) => {
                let sign = if p > Decimal::ZERO { "+" } else { "" };
                format!("{sign}{}%", money::decimal_pl(p, 0))
            }
        }
    }
}

/// What the comparison says for a value a year does not give.
pub const NO_DATA: &str = "brak danych";

/// A value the Polish way: `148 543,63 zł`, `1 650`, `18,5%`; "brak danych" for `None`.
pub fn value_text(kind: Kind, value: Option<Decimal>) -> String {
    match (kind, value) {
        (_, None) => NO_DATA.to_string(),
        (Kind::Money, Some(v)) => money::format_pl(Amount::new(v)),
        (Kind::Count, Some(v)) => money::decimal_pl(v, 0),
        (Kind::Percent, Some(v)) => format!("{}%", money::decimal_pl(v, 0)),
    }
}

/// One part of the comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub id: SectionId,
    pub title: &'static str,
    pub rows: Vec<Row>,
}

/// An indicator of one year, as the pairing sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorRef {
    pub id: Id,
    pub name: String,
}

/// One activity (this year's, last year's, or both) and how its indicators pair.
#[derive(Clone, Debug, PartialEq)]
pub struct ActivityMatch {
    /// Index in this year's `activities`.
    pub this: Option<usize>,
    /// Index in last year's figures' `activities`.
    pub last: Option<usize>,
    /// This year's id and title, or last year's when this year has none.
    pub id: Id,
    pub title: String,
    /// Last year's id and title, when paired.
    pub last_id: Option<Id>,
    pub last_title: Option<String>,
    /// `None` for an activity of one year only.
    pub paired_by: Option<PairedBy>,
    /// Whether a correction by the user decided this activity's pairing (also "no pair").
    pub corrected: bool,
    /// Pairs of indicators: (this year's, last year's, how).
    pub indicators: Vec<(Option<IndicatorRef>, Option<IndicatorRef>, Option<PairedBy>)>,
}

/// Something of last year that this year's report does not have.
#[derive(Clone, Debug, PartialEq)]
pub struct Gone {
    /// Its position in last year's list (`previous_year.figures.activities` or `.partners`).
    pub index: usize,
    /// Its id and name in last year's report.
    pub id: Id,
    pub name: String,
    /// Whether this year's report names it somewhere in its texts (conclusions, notes,
    /// reasons…): then it did not disappear "without a word".
    pub mentioned: bool,
}

/// Permit-fee money between the years (art. 18² of the sobriety act): what last year left for
/// this year and what this year says it carried in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CarryOver {
    /// Last year's income plus carry-in minus spending from permit fees.
    pub carried_out_last_year: Option<Amount>,
    /// This year's `budget.carried_over`.
    pub carried_in_this_year: Option<Amount>,
}

impl CarryOver {
    /// Whether the two disagree: both given and different, or money left last year and no
    /// carry-in written this year.
    pub fn mismatch(&self) -> bool {
        match (self.carried_out_last_year, self.carried_in_this_year) {
            (Some(out), Some(into)) => out != into,
            (Some(out), None) => out != Amount::ZERO,
            (None, _) => false,
        }
    }
}

/// The whole comparison of a report with its linked previous year.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub this_year: i32,
    pub last_year: i32,
    pub source: PreviousYearSource,
    /// The sections that have at least one row, in [`SectionId::ALL`] order.
    pub sections: Vec<Section>,
    /// Every activity of either year: this year's in order (paired or new), then last year's
    /// without a pair.
    pub activities: Vec<ActivityMatch>,
    /// Last year's activities without a pair this year.
    pub activities_gone: Vec<Gone>,
    /// Last year's partners that this year's register does not have (by id or name).
    pub partners_gone: Vec<Gone>,
    pub carry_over: CarryOver,
}

impl Comparison {
    /// The section with this id, if it has rows.
    pub fn section(&self, id: SectionId) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// Every row of every section, with its section.
    pub fn rows(&self) -> impl Iterator<Item = (SectionId, &Row)> {
        self.sections
            .iter()
            .flat_map(|s| s.rows.iter().map(move |r| (s.id, r)))
    }
}

// ---------------------------------------------------------------------------------------------
// Linking and pairing corrections (what the UI calls)
// ---------------------------------------------------------------------------------------------

/// Links `report` to last year's report: the snapshot of `previous` becomes its
/// `previous_year`. Linking again (e.g. after last year's report was corrected) keeps the
/// user's pairing corrections and the print choice.
pub fn link_previous_year(report: &mut Report, previous: &Report, file_name: Option<&str>) {
    let mut link = PreviousYear::from_report(previous, file_name);
    if let Some(old) = report.previous_year.take() {
        link.pairings = old.pairings;
        link.print = old.print;
    }
    report.previous_year = Some(link);
}

/// The reports that could be `report`'s previous year, best first: the same gmina's report
/// of the year before, then the same gmina's older ones (newest first), then other gminas' of
/// the year before. Never `report` itself, never a later year.
pub fn previous_year_candidates<'a>(
    report: &Report,
    reports: impl IntoIterator<Item = &'a Report>,
) -> Vec<&'a Report> {
    let gmina = normalise_name(&report.gmina.name);
    let mut found: Vec<(u8, i32, &Report)> = reports
        .into_iter()
        .filter(|r| r.id != report.id && r.year < report.year)
        .filter_map(|r| {
            let same_gmina = normalise_name(&r.gmina.name) == gmina;
            let rank = match (same_gmina, r.year == report.year - 1) {
                (true, true) => 0,
                (true, false) => 1,
                (false, true) => 2,
                (false, false) => return None,
            };
            Some((rank, -r.year, r))
        })
        .collect();
    found.sort_by_key(|(rank, year, _)| (*rank, *year));
    found.into_iter().map(|(_, _, r)| r).collect()
}

/// Pairs this year's activity (or, with `indicator`, one of its indicators) with last year's
/// `previous` — `None` meaning "no pair" — replacing any earlier correction of it. Changing an
/// activity's pair drops the corrections of its indicators (they named last year's indicators
/// of the old pair). Does nothing when no previous year is linked.
pub fn set_pairing(
    report: &mut Report,
    activity: &Id,
    indicator: Option<&Id>,
    previous: Option<Id>,
) {
    let Some(link) = report.previous_year.as_mut() else {
        return;
    };
    link.pairings.retain(|p| {
        let same = p.activity == *activity && p.indicator.as_ref() == indicator;
        let stale_indicator = indicator.is_none() && p.activity == *activity;
        !same && !stale_indicator
    });
    link.pairings.push(Pairing {
        activity: activity.clone(),
        indicator: indicator.cloned(),
        previous,
        ..Pairing::default()
    });
}

/// Returns an activity (or one of its indicators) to the automatic pairing.
pub fn clear_pairing(report: &mut Report, activity: &Id, indicator: Option<&Id>) {
    if let Some(link) = report.previous_year.as_mut() {
        link.pairings
            .retain(|p| !(p.activity == *activity && p.indicator.as_ref() == indicator));
    }
}

// ---------------------------------------------------------------------------------------------
// Pairing
// ---------------------------------------------------------------------------------------------

/// A name as compared across years and registers: trimmed, case-insensitive, inner spaces
/// collapsed, typographic quotes treated like plain ones.
pub fn normalise_name(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace(['„', '”', '“', '«', '»'], "\"")
}

/// One pair (or lone entry) of two lists: indices into this year's and last year's list.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Pair {
    this: Option<usize>,
    last: Option<usize>,
    by: Option<PairedBy>,
    corrected: bool,
}

/// Pairs two lists of (id, name): corrections first (this id → last id or no pair), then id
/// with the same name, then name, then id alone. This year's entries come out in order, then
/// last year's without a pair.
fn pair(
    this: &[(&Id, &str)],
    last: &[(&Id, &str)],
    corrections: &[(&Id, Option<&Id>)],
) -> Vec<Pair> {
    let mut last_by_id: HashMap<&str, usize> = HashMap::new();
    let mut last_by_name: HashMap<String, Vec<usize>> = HashMap::new();
    for (j, (id, name)) in last.iter().enumerate() {
        if !id.as_str().trim().is_empty() {
            last_by_id.entry(id.as_str()).or_insert(j);
        }
        let n = normalise_name(name);
        if !n.is_empty() {
            last_by_name.entry(n).or_default().push(j);
        }
    }
    let mut this_by_id: HashMap<&str, usize> = HashMap::new();
    for (i, (id, _)) in this.iter().enumerate() {
        this_by_id.entry(id.as_str()).or_insert(i);
    }
    let mut taken = vec![false; last.len()];
    let mut pairs: Vec<Pair> = (0..this.len())
        .map(|i| Pair {
            this: Some(i),
            last: None,
            by: None,
            corrected: false,
        })
        .collect();

    for (this_id, previous) in corrections {
        let Some(&i) = this_by_id.get(this_id.as_str()) else {
            continue; // a correction of an entry that is gone: ignored
        };
        if pairs[i].corrected {
            continue;
        }
        // The user overrode the automatic pairing: a pair they named that no longer exists
        // (or another correction took) leaves the entry alone rather than guessed again.
        pairs[i].corrected = true;
        let found = previous.and_then(|prev| last_by_id.get(prev.as_str()).copied());
        if let Some(j) = found.filter(|&j| !taken[j]) {
            taken[j] = true;
            pairs[i].last = Some(j);
            pairs[i].by = Some(PairedBy::User);
        }
    }
    let open = |p: &Pair| !p.corrected && p.last.is_none();
    // Same id and same name.
    for (i, (id, name)) in this.iter().enumerate() {
        if !open(&pairs[i]) {
            continue;
        }
        if let Some(&j) = last_by_id.get(id.as_str()) {
            if !taken[j] && normalise_name(name) == normalise_name(last[j].1) {
                taken[j] = true;
                pairs[i].last = Some(j);
                pairs[i].by = Some(PairedBy::Id);
            }
        }
    }
    // Same name.
    for (i, (_, name)) in this.iter().enumerate() {
        if !open(&pairs[i]) {
            continue;
        }
        if let Some(candidates) = last_by_name.get(&normalise_name(name)) {
            if let Some(&j) = candidates.iter().find(|&&j| !taken[j]) {
                taken[j] = true;
                pairs[i].last = Some(j);
                pairs[i].by = Some(PairedBy::Name);
            }
        }
    }
    // Same id, names differ (a renamed entry).
    for (i, (id, _)) in this.iter().enumerate() {
        if !open(&pairs[i]) {
            continue;
        }
        if let Some(&j) = last_by_id.get(id.as_str()) {
            if !taken[j] {
                taken[j] = true;
                pairs[i].last = Some(j);
                pairs[i].by = Some(PairedBy::Id);
            }
        }
    }
    pairs.extend((0..last.len()).filter(|&j| !taken[j]).map(|j| Pair {
        this: None,
        last: Some(j),
        by: None,
        corrected: false,
    }));
    pairs
}

// ---------------------------------------------------------------------------------------------
// The comparison
// ---------------------------------------------------------------------------------------------

/// Compares the report with its linked previous year; `None` when no previous year is linked.
pub fn compare(report: &Report) -> Option<Comparison> {
    let link = report.previous_year.as_ref()?;
    let last = &link.figures;
    let this = YearFigures::of(report);

    let activities = match_activities(report, link);
    let mut sections = vec![
        Section::new(SectionId::Chapters, chapter_rows(report, last, &this)),
        Section::new(SectionId::Tasks, task_rows(last, &this)),
        Section::new(SectionId::Sources, source_rows(report, last, &this)),
        Section::new(
            SectionId::Activities,
            activity_rows(report, last, &activities),
        ),
        Section::new(SectionId::Gkrpa, gkrpa_rows(last, &this)),
        Section::new(SectionId::ConsultationPoints, point_rows(last, &this)),
        Section::new(SectionId::Context, context_rows(report, last)),
    ];
    sections.retain(|s| !s.rows.is_empty());

    let mut texts = Texts::of(report);
    let activities_gone = activities
        .iter()
        .filter(|m| m.this.is_none())
        .map(|m| Gone {
            index: m.last.unwrap_or_default(),
            id: m.id.clone(),
            name: m.title.clone(),
            mentioned: texts.mention(&m.title),
        })
        .collect();
    let this_partners: Vec<(&Id, &str)> = report
        .partners
        .iter()
        .map(|p| (&p.id, p.name.as_str()))
        .collect();
    let last_partners: Vec<(&Id, &str)> = last
        .partners
        .iter()
        .map(|p| (&p.id, p.name.as_str()))
        .collect();
    let partners_gone = pair(&this_partners, &last_partners, &[])
        .into_iter()
        .filter(|p| p.this.is_none())
        .filter_map(|p| p.last)
        .map(|j| {
            let PartnerFigures { id, name, .. } = &last.partners[j];
            Gone {
                index: j,
                id: id.clone(),
                name: name.clone(),
                mentioned: texts.mention(name),
            }
        })
        .collect();

    Some(Comparison {
        this_year: report.year,
        last_year: last.year,
        source: link.source.clone(),
        sections,
        activities,
        activities_gone,
        partners_gone,
        carry_over: CarryOver {
            carried_out_last_year: last.permit_fees_carried_out,
            carried_in_this_year: report.budget.carried_over,
        },
    })
}

impl Section {
    fn new(id: SectionId, rows: Vec<Row>) -> Section {
        Section {
            id,
            title: id.title(),
            rows: rows.into_iter().filter(Row::given).collect(),
        }
    }
}

fn sum(values: impl Iterator<Item = Option<Amount>>) -> Option<Amount> {
    values.fold(None, super::spending::add)
}

fn chapter_label(code: &str) -> String {
    match catalogue().chapter(code) {
        Some(c) => format!("rozdz. {code} — {}", c.name),
        None if code.is_empty() => "rozdział nie podany".to_string(),
        None => format!("rozdz. {code}"),
    }
}

fn chapter_rows(report: &Report, last: &YearFigures, this: &YearFigures) -> Vec<Row> {
    let mut codes: Vec<&str> = last
        .chapters
        .iter()
        .chain(&this.chapters)
        .map(|c| c.chapter.trim())
        .collect();
    codes.sort_unstable();
    codes.dedup();
    let executed = |f: &YearFigures, code: &str| {
        f.chapters
            .iter()
            .find(|c| c.chapter.trim() == code)
            .and_then(|c| c.executed)
    };
    let mut rows: Vec<Row> = codes
        .iter()
        .map(|code| {
            let path = report
                .budget
                .lines
                .iter()
                .position(|l| l.chapter.trim() == *code)
                .map(|i| format!("budget.lines[{i}].executed"));
            Row::money(
                chapter_label(code),
                executed(last, code),
                executed(this, code),
            )
            .at(path)
        })
        .collect();
    if codes.len() > 1 {
        rows.push(
            Row::money(
                "Ogółem",
                sum(last.chapters.iter().map(|c| c.executed)),
                sum(this.chapters.iter().map(|c| c.executed)),
            )
            .summed(),
        );
    }
    rows
}

fn task_rows(last: &YearFigures, this: &YearFigures) -> Vec<Row> {
    let executed = |f: &YearFigures, id| {
        f.tasks
            .iter()
            .find(|t| &t.task == id)
            .and_then(|t| t.executed)
    };
    catalogue()
        .tasks
        .iter()
        .filter(|t| this.tasks.iter().chain(&last.tasks).any(|f| f.task == t.id))
        .map(|t| {
            Row::money(
                t.short_name.clone(),
                executed(last, &t.id),
                executed(this, &t.id),
            )
            .at(Some(format!("tasks.{}", t.id)))
        })
        .collect()
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn source_rows(report: &Report, last: &YearFigures, this: &YearFigures) -> Vec<Row> {
    let executed = |f: &YearFigures, s: FundingSource| {
        f.sources
            .iter()
            .find(|x| x.source == s)
            .and_then(|x| x.executed)
    };
    let mut rows: Vec<Row> = FundingSource::ALL
        .into_iter()
        .map(|s| {
            let path = report
                .budget
                .lines
                .iter()
                .position(|l| l.source == s)
                .map(|i| format!("budget.lines[{i}].source"));
            Row::money(
                format!("Wydatki: {}", s.label()),
                executed(last, s),
                executed(this, s),
            )
            .at(path)
        })
        .collect();
    let b = |field: &str| Some(format!("budget.{field}"));
    rows.push(
        Row::money(
            "Dochody z opłat za zezwolenia",
            last.permit_fee_income,
            this.permit_fee_income,
        )
        .at(b("permit_fee_income")),
    );
    rows.push(
        Row::money(
            "Dochody z opłaty za małe opakowania („małpkowe”)",
            last.small_bottle_income,
            this.small_bottle_income,
        )
        .at(b("small_bottle_income")),
    );
    rows.push(
        Row::money(
            "Środki z opłat przeniesione z roku poprzedniego",
            last.carried_in,
            this.carried_in,
        )
        .at(b("carried_over")),
    );
    rows.push(
        Row::money(
            "Środki z opłat pozostające na rok następny",
            last.permit_fees_carried_out,
            this.permit_fees_carried_out,
        )
        .summed(),
    );
    rows
}

fn match_activities(report: &Report, link: &PreviousYear) -> Vec<ActivityMatch> {
    let last = &link.figures;
    let this_list: Vec<(&Id, &str)> = report
        .activities
        .iter()
        .map(|a| (&a.id, a.title.as_str()))
        .collect();
    let last_list: Vec<(&Id, &str)> = last
        .activities
        .iter()
        .map(|a| (&a.id, a.title.as_str()))
        .collect();
    let corrections: Vec<(&Id, Option<&Id>)> = link
        .pairings
        .iter()
        .filter(|p| p.indicator.is_none())
        .map(|p| (&p.activity, p.previous.as_ref()))
        .collect();
    pair(&this_list, &last_list, &corrections)
        .into_iter()
        .map(|p| {
            let a = p.this.map(|i| &report.activities[i]);
            let l = p.last.map(|j| &last.activities[j]);
            let this_ind: Vec<(&Id, &str)> = a
                .map(|a| {
                    a.indicators
                        .iter()
                        .map(|i| (&i.id, i.name.as_str()))
                        .collect()
                })
                .unwrap_or_default();
            let last_ind: Vec<(&Id, &str)> = l
                .map(|l| {
                    l.indicators
                        .iter()
                        .map(|i| (&i.id, i.name.as_str()))
                        .collect()
                })
                .unwrap_or_default();
            let ind_corrections: Vec<(&Id, Option<&Id>)> = match a {
                Some(a) if l.is_some() => link
                    .pairings
                    .iter()
                    .filter(|p| p.activity == a.id)
                    .filter_map(|p| p.indicator.as_ref().map(|i| (i, p.previous.as_ref())))
                    .collect(),
                _ => Vec::new(),
            };
            let indicators = pair(&this_ind, &last_ind, &ind_corrections)
                .into_iter()
                .map(|ip| {
                    let r = |list: &[(&Id, &str)], k: Option<usize>| {
                        k.map(|k| IndicatorRef {
                            id: list[k].0.clone(),
                            name: list[k].1.to_string(),
                        })
                    };
                    (r(&this_ind, ip.this), r(&last_ind, ip.last), ip.by)
                })
                .collect();
            let (id, title) = match (a, l) {
                (Some(a), _) => (a.id.clone(), a.title.clone()),
                (None, Some(l)) => (l.id.clone(), l.title.clone()),
                (None, None) => unreachable!("a pair has at least one side"),
            };
            ActivityMatch {
                this: p.this,
                last: p.last,
                id,
                title,
                last_id: l.filter(|_| a.is_some()).map(|l| l.id.clone()),
                last_title: l.filter(|_| a.is_some()).map(|l| l.title.clone()),
                paired_by: p.by,
                corrected: p.corrected,
                indicators,
            }
        })
        .collect()
}

fn quoted(name: &str) -> String {
    match name.trim() {
        "" => "(bez nazwy)".to_string(),
        n => format!("„{n}”"),
    }
}

fn unit_words(unit: IndicatorUnit) -> &'static str {
    unit.label()
}

fn activity_rows(report: &Report, last: &YearFigures, matches: &[ActivityMatch]) -> Vec<Row> {
    let persons = |values: &mut dyn Iterator<Item = Option<Decimal>>| {
        values
            .flatten()
            .try_fold(None::<Decimal>, |sum, v| match sum {
                None => Some(Some(v)),
                Some(s) => s.checked_add(v).map(Some),
            })
            .flatten()
    };
    let mut rows = vec![Row::new(
        "Uczestnicy działań (suma wskaźników liczonych w osobach, bez podgrup „w tym …”)",
        Kind::Count,
        persons(
            &mut last
                .activities
                .iter()
                .flat_map(ActivityFigures::participant_indicators)
                .map(|i| i.achieved),
        ),
        persons(
            &mut report
                .activities
                .iter()
                .flat_map(Activity::participant_indicators)
                .map(|i| i.achieved),
        ),
    )
    .summed()];
    for m in matches {
        let group = Some(quoted(&m.title));
        let this_a = m.this.map(|i| (i, &report.activities[i]));
        let last_a = m.last.map(|j| &last.activities[j]);
        for (t, l, _) in &m.indicators {
            let this_ind = t.as_ref().and_then(|t| {
                let (i, a) = this_a?;
                let k = a.indicators.iter().position(|x| x.id == t.id)?;
                Some((i, k, &a.indicators[k]))
            });
            let last_ind = l
                .as_ref()
                .and_then(|l| last_a?.indicators.iter().find(|x| x.id == l.id));
            let name = t
                .as_ref()
                .or(l.as_ref())
                .map(|x| x.name.clone())
                .unwrap_or_default();
            let unit = this_ind
                .map(|(_, _, x)| x.unit)
                .or(last_ind.map(|x| x.unit))
                .unwrap_or_default();
            let kind = if unit == IndicatorUnit::Percent {
                Kind::Percent
            } else {
                Kind::Count
            };
            rows.push(
                Row::new(
                    if name.trim().is_empty() {
                        "(wskaźnik bez nazwy)".to_string()
                    } else {
                        name
                    },
                    kind,
                    last_ind.and_then(|x| x.achieved),
                    this_ind.and_then(|(_, _, x)| x.achieved),
                )
                .unit(unit_words(unit))
                .in_group(&group)
                .at(this_ind.map(|(i, k, _)| format!("activities[{i}].indicators[{k}].achieved"))),
            );
        }
    }
    rows
}

fn gkrpa_rows(last: &YearFigures, this: &YearFigures) -> Vec<Row> {
    let mut rows: Vec<Row> = this
        .gkrpa
        .counts()
        .iter()
        .zip(last.gkrpa.counts())
        .map(|((field, label, now), (_, _, before))| {
            Row::count(
                capitalised(label),
                before.map(u64::from),
                now.map(u64::from),
            )
            .at(Some(format!("gkrpa.{field}")))
        })
        .collect();
    rows.push(
        Row::money("Koszt pracy komisji", last.gkrpa.cost, this.gkrpa.cost)
            .at(Some("gkrpa.cost".into())),
    );
    rows
}

fn point_rows(last: &YearFigures, this: &YearFigures) -> Vec<Row> {
    let list = |f: &'_ YearFigures| -> Vec<(Id, String)> {
        f.consultation_points
            .iter()
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect()
    };
    let (this_list, last_list) = (list(this), list(last));
    let this_refs: Vec<(&Id, &str)> = this_list.iter().map(|(i, n)| (i, n.as_str())).collect();
    let last_refs: Vec<(&Id, &str)> = last_list.iter().map(|(i, n)| (i, n.as_str())).collect();
    let mut rows = Vec::new();
    for p in pair(&this_refs, &last_refs, &[]) {
        let t = p.this.map(|i| (i, &this.consultation_points[i]));
        let l = p.last.map(|j| &last.consultation_points[j]);
        let name = t
            .map(|(_, x)| &x.name)
            .or(l.map(|x| &x.name))
            .cloned()
            .unwrap_or_default();
        let group = Some(quoted(&name));
        let path = |field: &str| t.map(|(i, _)| format!("consultation_points[{i}].{field}"));
        rows.push(
            Row::new(
                "Godziny pracy w tygodniu",
                Kind::Count,
                l.and_then(|x| x.weekly_hours),
                t.and_then(|(_, x)| x.weekly_hours),
            )
            .in_group(&group)
            .at(path("weekly_hours")),
        );
        let counts = |c: Option<&ClientCounts>| c.map(ClientCounts::rows);
        let total = |c: Option<&ClientCounts>| c.and_then(ClientCounts::total);
        rows.push(
            Row::count(
                "Osoby, które skorzystały z punktu (razem)",
                total(l.map(|x| &x.clients)),
                total(t.map(|(_, x)| &x.clients)),
            )
            .in_group(&group)
            .at(path("clients"))
            .summed(),
        );
        let this_rows = counts(t.map(|(_, x)| &x.clients));
        let last_rows = counts(l.map(|x| &x.clients));
        for k in 0..6 {
            let (field, label, now) = this_rows.map(|r| r[k]).unwrap_or_else(|| {
                let r = ClientCounts::default().rows()[k];
                (r.0, r.1, None)
            });
            let before = last_rows.and_then(|r| r[k].2);
            rows.push(
                Row::count(
                    format!("w tym {label}"),
                    before.map(u64::from),
                    now.map(u64::from),
                )
                .in_group(&group)
                .at(path(&format!("clients.{field}"))),
            );
        }
        rows.push(
            Row::count(
                "Konsultacje (razem)",
                total(l.map(|x| &x.consultations)),
                total(t.map(|(_, x)| &x.consultations)),
            )
            .in_group(&group)
            .at(path("consultations")),
        );
        rows.push(
            Row::count(
                "Osoby skierowane dalej (razem)",
                l.and_then(|x| x.referred).map(u64::from),
                t.and_then(|(_, x)| x.referred).map(u64::from),
            )
            .in_group(&group)
            .at(path("referrals")),
        );
    }
    rows
}

/// Context figures: last year's value is the one this year's report gives as the year-before
/// value (the user may have corrected it), else the one last year's report gave.
fn context_rows(report: &Report, last: &YearFigures) -> Vec<Row> {
    let this_refs: Vec<(&Id, &str)> = report
        .context_figures
        .iter()
        .map(|f| (&f.id, f.name.as_str()))
        .collect();
    let last_refs: Vec<(&Id, &str)> = last
        .context_figures
        .iter()
        .map(|f| (&f.id, f.name.as_str()))
        .collect();
    pair(&this_refs, &last_refs, &[])
        .into_iter()
        .map(|p| {
            let t = p.this.map(|i| (i, &report.context_figures[i]));
            let l = p.last.map(|j| &last.context_figures[j]);
            let name = t
                .map(|(_, f)| &f.name)
                .or(l.map(|f| &f.name))
                .cloned()
                .unwrap_or_default();
            let unit = t
                .map(|(_, f)| f.unit.trim())
                .or(l.map(|f| f.unit.trim()))
                .unwrap_or_default()
                .to_string();
            let kind = if unit == "%" {
                Kind::Percent
            } else {
                Kind::Count
            };
            let before = t
                .and_then(|(_, f)| f.previous_value)
                .or(l.and_then(|f| f.value));
            Row::new(name, kind, before, t.and_then(|(_, f)| f.value))
                .unit(unit)
                .at(t.map(|(i, _)| format!("context_figures[{i}].value")))
        })
        .collect()
}

/// How many names the texts are searched for: each search reads all of this year's texts, so a
/// hand-made file with thousands of activities gone cannot make the checks (run on every edit)
/// slow. Past the limit a name counts as not mentioned.
pub const MENTION_SEARCH_LIMIT: usize = 200;

/// This year's free texts, normalised once, to tell whether the report names something.
struct Texts {
    text: String,
    searches: usize,
}

impl Texts {
    fn of(r: &Report) -> Texts {
        let mut all: Vec<&str> = vec![
            &r.introduction,
            &r.monitoring,
            &r.conclusions,
            &r.gkrpa.notes,
            &r.council.notes,
        ];
        all.extend(r.task_gaps.iter().map(|g| g.reason.as_str()));
        for a in &r.activities {
            all.extend([
                a.description.as_str(),
                a.notes.as_str(),
                a.status_reason.as_str(),
            ]);
        }
        all.extend(r.consultation_points.iter().map(|p| p.notes.as_str()));
        all.extend(r.partners.iter().map(|p| p.role.as_str()));
        all.extend(r.coalitions.iter().map(|c| c.description.as_str()));
        Texts {
            text: normalise_name(&all.join("\n")),
            searches: 0,
        }
    }

    /// Whether the texts name `name` (as written, case, spacing and quote style aside).
    fn mention(&mut self, name: &str) -> bool {
        let n = normalise_name(name);
        if n.is_empty() || self.searches >= MENTION_SEARCH_LIMIT {
            return false;
        }
        self.searches += 1;
        self.text.contains(&n)
    }
}
