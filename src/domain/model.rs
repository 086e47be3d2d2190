//! The report model: one calendar year of one gmina's addiction-prevention program.
//!
//! Invariants: every entity that lists hold has a stable [`Id`] (never an index), so lists can be
//! reordered and referenced; the types are plain data (no signals), serialise with a stable field
//! order, and keep fields they do not know in `extra` so a file from elsewhere survives a round trip.
//! Amounts are [`Amount`] (exact decimals), never floats.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub use super::date::Date;
pub use super::gather::{Request, RequestRecord};
pub use super::money::Amount;

/// Fields this version does not know, kept as they came so a round trip loses nothing.
pub type Extra = Map<String, Value>;

/// Flags that are off are left out of files, which keeps big reports small.
fn is_false(b: &bool) -> bool {
    !*b
}

#[cfg(not(target_arch = "wasm32"))]
use schemars::JsonSchema;

/// Counts and figures are stored like amounts: as decimal text (`"1737"`, `"12.5"`), never as
/// JSON numbers, which readers may turn into floats. A JSON number is refused with a path.
mod decimal_text {
    use rust_decimal::Decimal;
    use serde::de::Visitor;
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(d) => s.serialize_str(&d.to_string()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        // A visitor, so a bad number fails while its string is being read and the reader's
        // error points at that string (not at the end of the object around it).
        struct DecimalTextVisitor;
        impl<'de> Visitor<'de> for DecimalTextVisitor {
            type Value = Option<Decimal>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                d.deserialize_str(self)
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Self::Value, E> {
                crate::domain::money::parse_decimal_text(text)
                    .map(Some)
                    .ok_or_else(|| {
                        E::custom(format!(
                            "wartość \"{text}\" nie jest liczbą (oczekiwano np. \"1737\" lub \"12.5\")"
                        ))
                    })
            }
        }
        d.deserialize_option(DecimalTextVisitor)
    }
}

/// The schema of decimal text (counts, figures): the same pattern the reader applies.
#[cfg(not(target_arch = "wasm32"))]
struct DecimalText;

#[cfg(not(target_arch = "wasm32"))]
impl JsonSchema for DecimalText {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DecimalText".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": crate::domain::money::DECIMAL_TEXT_PATTERN,
            "description": "Liczba dziesiętna w zapisie tekstowym, np. \"1737\" lub \"12.5\""
        })
    }
}

/// A stable identifier of an entity within a report (and of a report within the browser).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(transparent)]
pub struct Id(pub String);

impl Id {
    pub fn new(s: impl Into<String>) -> Self {
        Id(s.into())
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A reference to a statutory task in the catalogue, e.g. `drugs.3` (art. 10 ust. 1 pkt 3 of the
/// drug act), `alcohol.5` (art. 4¹ ust. 1 pkt 5 of the sobriety act) or `behavioural.1`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(transparent)]
pub struct TaskId(pub String);

impl TaskId {
    pub fn new(s: impl Into<String>) -> Self {
        TaskId(s.into())
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for TaskId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Rodzaj gminy.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum GminaKind {
    /// gmina miejska
    #[default]
    Urban,
    /// gmina wiejska
    Rural,
    /// gmina miejsko-wiejska
    UrbanRural,
    /// miasto na prawach powiatu
    CityWithPowiatRights,
}

impl GminaKind {
    pub const ALL: [GminaKind; 4] = [
        GminaKind::Urban,
        GminaKind::Rural,
        GminaKind::UrbanRural,
        GminaKind::CityWithPowiatRights,
    ];
    pub fn label(self) -> &'static str {
        match self {
            GminaKind::Urban => "gmina miejska",
            GminaKind::Rural => "gmina wiejska",
            GminaKind::UrbanRural => "gmina miejsko-wiejska",
            GminaKind::CityWithPowiatRights => "miasto na prawach powiatu",
        }
    }
}

/// The gmina (commune) whose program is reported on.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct Gmina {
    pub name: String,
    /// Rodzaj gminy; absent until the user chooses it (a new report asks rather than presumes).
    /// Files of format 2 written before 0.3.0 always carry it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<GminaKind>,
    /// Kod TERYT: 7 digits.
    pub teryt: String,
    /// Województwo, e.g. "wielkopolskie".
    pub voivodeship: String,
    pub population: Option<u32>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The legal regime of the program.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Regime {
    /// Gminny program przeciwdziałania narkomanii (art. 10 of the drug act), the form up to 2021.
    DrugOnly,
    /// Gminny program profilaktyki i rozwiązywania problemów alkoholowych (art. 4¹ of the
    /// sobriety act) on its own, the form up to 2021.
    AlcoholOnly,
    /// Joint program (alcohol + drugs): required by art. 4¹ ust. 2 of the sobriety act from 2022,
    /// and a legitimate voluntary combination of both programs before.
    #[default]
    Joint,
}

impl Regime {
    /// The first year in which the joint program is required.
    pub const JOINT_FROM_YEAR: i32 = 2022;

    /// The regime the law implies for a report year; the user may override it.
    pub fn default_for_year(year: i32) -> Regime {
        if year >= Self::JOINT_FROM_YEAR {
            Regime::Joint
        } else {
            Regime::DrugOnly
        }
    }

    pub const ALL: [Regime; 3] = [Regime::Joint, Regime::DrugOnly, Regime::AlcoholOnly];

    pub fn label(self) -> &'static str {
        match self {
            Regime::DrugOnly => "program przeciwdziałania narkomanii",
            Regime::AlcoholOnly => "program profilaktyki i rozwiązywania problemów alkoholowych",
            Regime::Joint => {
                "program profilaktyki i rozwiązywania problemów alkoholowych oraz przeciwdziałania narkomanii"
            }
        }
    }
}

/// The council resolution that adopted the program (uchwała rady gminy).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct Resolution {
    /// E.g. `XIX/334/2020`: roman session number / number / year.
    pub number: String,
    pub date: Option<Date>,
    /// E.g. "Rada Miasta Kalisza".
    pub council: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The local strategy for solving social problems the program comes from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct Strategy {
    pub title: String,
    pub from_year: Option<i32>,
    pub to_year: Option<i32>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The program the report is about.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct Program {
    pub title: String,
    pub regime: Regime,
    /// The joint program also covers behavioural addictions (uzależnienia behawioralne).
    pub behavioural: bool,
    pub period_from: i32,
    pub period_to: i32,
    pub resolution: Resolution,
    pub strategy: Strategy,
    /// Id of an NPZ edition in the catalogue, e.g. `npz-2021-2025`.
    pub npz_edition: String,
    /// Koordynator / jednostka realizująca.
    pub coordinator: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Where budget money comes from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FundingSource {
    /// Ordinary gmina budget.
    #[default]
    Budget,
    /// Alcohol permit fees (opłaty za zezwolenia, art. 18¹/18² of the sobriety act).
    PermitFees,
    /// The fee on small bottles ("małpkowe", art. 9² ust. 11 and art. 9³ ust. 3–4 of the sobriety
    /// act): a source of its own with its own purpose, not under art. 18².
    SmallBottleFee,
    Other,
}

impl FundingSource {
    pub const ALL: [FundingSource; 4] = [
        FundingSource::Budget,
        FundingSource::PermitFees,
        FundingSource::SmallBottleFee,
        FundingSource::Other,
    ];
    pub fn label(self) -> &'static str {
        match self {
            FundingSource::Budget => "budżet gminy",
            FundingSource::PermitFees => "opłaty za zezwolenia",
            FundingSource::SmallBottleFee => "opłata za małe opakowania („małpkowe”)",
            FundingSource::Other => "inne",
        }
    }
}

/// One line of the budget: a chapter (rozdział) and expense paragraph (§).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct BudgetLine {
    pub id: Id,
    /// Rozdział, e.g. `85153`.
    pub chapter: String,
    /// Paragraf (4 digits), e.g. `4300`.
    pub paragraph: String,
    pub planned: Option<Amount>,
    pub after_changes: Option<Amount>,
    pub executed: Option<Amount>,
    pub source: FundingSource,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Who pays, when the money is outside the gmina budget.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ExternalSource {
    /// Narodowy Fundusz Zdrowia (treatment contracts).
    #[default]
    Nfz,
    /// Krajowe Centrum Przeciwdziałania Uzależnieniom.
    Kcpu,
    Voivodeship,
    Other,
}

impl ExternalSource {
    pub const ALL: [ExternalSource; 4] = [
        ExternalSource::Nfz,
        ExternalSource::Kcpu,
        ExternalSource::Voivodeship,
        ExternalSource::Other,
    ];
    pub fn label(self) -> &'static str {
        match self {
            ExternalSource::Nfz => "NFZ",
            ExternalSource::Kcpu => "KCPU",
            ExternalSource::Voivodeship => "samorząd województwa",
            ExternalSource::Other => "inne",
        }
    }
}

/// Money from outside the gmina budget: reported, never summed into chapter totals.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct ExternalFunding {
    pub id: Id,
    pub source: ExternalSource,
    pub description: String,
    pub amount: Option<Amount>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The program's money for the year.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct Budget {
    pub lines: Vec<BudgetLine>,
    /// Income from alcohol permit fees planned for the year.
    pub permit_fee_planned: Option<Amount>,
    /// Income from alcohol permit fees received in the year (dział 756, rozdz. 75618, § 0480).
    pub permit_fee_income: Option<Amount>,
    /// Income from the small-bottle fee planned for the year (art. 9³ ust. 3 of the sobriety act).
    pub small_bottle_planned: Option<Amount>,
    /// Income from the small-bottle fee received in the year.
    pub small_bottle_income: Option<Amount>,
    /// Unspent permit-fee money carried in from the previous year.
    pub carried_over: Option<Amount>,
    /// Money the general budget added to the program beyond the fee income (dofinansowanie).
    pub general_budget_top_up: Option<Amount>,
    pub external: Vec<ExternalFunding>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Budget {
    /// Executed spending charged to a funding source: budget lines of that source.
    pub fn executed_from(&self, source: FundingSource) -> Option<Amount> {
        self.lines
            .iter()
            .filter(|l| l.source == source)
            .filter_map(|l| l.executed)
            .fold(None, |acc, v| Some(acc.unwrap_or_default() + v))
    }

    /// Permit-fee money carried out to next year: income received plus money carried in minus
    /// what was spent from permit fees (`None` when no income is given).
    pub fn permit_fees_carried_out(&self) -> Option<Amount> {
        let income = self.permit_fee_income?;
        let available = income + self.carried_over.unwrap_or_default();
        let spent = self
            .executed_from(FundingSource::PermitFees)
            .unwrap_or_default();
        Some(available - spent)
    }

    /// Small-bottle money left at the end of the year: income received minus what was spent
    /// from it (`None` when no income is given).
    pub fn small_bottle_left(&self) -> Option<Amount> {
        let income = self.small_bottle_income?;
        let spent = self
            .executed_from(FundingSource::SmallBottleFee)
            .unwrap_or_default();
        Some(income - spent)
    }
}

/// A goal of the program (the Kalisz report's sections I–V), grouping activities.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct Goal {
    pub id: Id,
    /// Label such as `I`, `II`.
    pub number: String,
    pub title: String,
    /// The goal statement ("Cel").
    pub aim: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The substance or behaviour an activity addresses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Area {
    Alcohol,
    #[default]
    Drugs,
    Behavioural,
    Mixed,
}

impl Area {
    pub const ALL: [Area; 4] = [Area::Alcohol, Area::Drugs, Area::Behavioural, Area::Mixed];
    pub fn label(self) -> &'static str {
        match self {
            Area::Alcohol => "alkohol",
            Area::Drugs => "narkotyki",
            Area::Behavioural => "uzależnienia behawioralne",
            Area::Mixed => "wiele obszarów",
        }
    }
}

/// Poziom profilaktyki.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PreventionLevel {
    /// profilaktyka uniwersalna
    Universal,
    /// profilaktyka selektywna
    Selective,
    /// profilaktyka wskazująca
    Indicated,
    /// profilaktyka środowiskowa (seller training, test purchases): fits none of the three levels
    Environmental,
    /// not a prevention activity (treatment, help, coordination)
    #[default]
    NotApplicable,
}

impl PreventionLevel {
    pub const ALL: [PreventionLevel; 5] = [
        PreventionLevel::Universal,
        PreventionLevel::Selective,
        PreventionLevel::Indicated,
        PreventionLevel::Environmental,
        PreventionLevel::NotApplicable,
    ];
    pub fn label(self) -> &'static str {
        match self {
            PreventionLevel::Universal => "profilaktyka uniwersalna",
            PreventionLevel::Selective => "profilaktyka selektywna",
            PreventionLevel::Indicated => "profilaktyka wskazująca",
            PreventionLevel::Environmental => "profilaktyka środowiskowa",
            PreventionLevel::NotApplicable => "nie dotyczy",
        }
    }
}

/// Grupa docelowa.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TargetGroup {
    Children,
    Youth,
    Parents,
    Teachers,
    /// people using substances (osoby używające)
    Users,
    /// people with an addiction (osoby uzależnione)
    Addicted,
    Families,
    Professionals,
    GeneralPublic,
    Other,
}

impl TargetGroup {
    pub const ALL: [TargetGroup; 10] = [
        TargetGroup::Children,
        TargetGroup::Youth,
        TargetGroup::Parents,
        TargetGroup::Teachers,
        TargetGroup::Users,
        TargetGroup::Addicted,
        TargetGroup::Families,
        TargetGroup::Professionals,
        TargetGroup::GeneralPublic,
        TargetGroup::Other,
    ];
    pub fn label(self) -> &'static str {
        match self {
            TargetGroup::Children => "dzieci",
            TargetGroup::Youth => "młodzież",
            TargetGroup::Parents => "rodzice",
            TargetGroup::Teachers => "nauczyciele",
            TargetGroup::Users => "osoby używające substancji",
            TargetGroup::Addicted => "osoby uzależnione",
            TargetGroup::Families => "rodziny",
            TargetGroup::Professionals => "profesjonaliści",
            TargetGroup::GeneralPublic => "mieszkańcy",
            TargetGroup::Other => "inne",
        }
    }
}

/// How an activity was carried out and paid for (tryb realizacji).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// realizacja własna
    #[default]
    OwnWork,
    /// umowa / zlecenie usługi
    ServiceContract,
    /// dotacja dla NGO w otwartym konkursie ofert
    OpenCompetitionGrant,
    /// mały grant (art. 19a ustawy o działalności pożytku publicznego)
    SmallGrant,
    /// finansowanie działalności własnej jednostki (ośrodka, świetlicy, centrum)
    OwnUnitFunding,
    /// finansowane przez innych (NFZ, KCPU, ...)
    FinancedByOthers,
}

impl Mode {
    pub const ALL: [Mode; 6] = [
        Mode::OwnWork,
        Mode::OwnUnitFunding,
        Mode::ServiceContract,
        Mode::OpenCompetitionGrant,
        Mode::SmallGrant,
        Mode::FinancedByOthers,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Mode::OwnWork => "realizacja własna",
            Mode::ServiceContract => "zlecenie usługi",
            Mode::OpenCompetitionGrant => "dotacja w otwartym konkursie ofert",
            Mode::SmallGrant => "mały grant",
            Mode::OwnUnitFunding => "finansowanie własnej jednostki",
            Mode::FinancedByOthers => "finansowane przez inne podmioty",
        }
    }
}

/// The cost of an activity and where in the budget it is charged.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct Cost {
    pub planned: Option<Amount>,
    pub executed: Option<Amount>,
    /// Rozdział, e.g. `85153`.
    pub chapter: String,
    /// Paragraf, e.g. `4300`.
    pub paragraph: String,
    pub source: FundingSource,
    #[serde(flatten)]
    pub extra: Extra,
}

/// What an indicator counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum IndicatorUnit {
    /// osoby
    #[default]
    Persons,
    /// konsultacje / porady
    Consultations,
    /// spotkania, zajęcia, sesje
    Sessions,
    /// wydarzenia, kampanie, interwencje
    Events,
    /// sztuki (materiały, testy)
    Items,
    /// godziny
    Hours,
    /// procent
    Percent,
    Other,
}

impl IndicatorUnit {
    pub const ALL: [IndicatorUnit; 8] = [
        IndicatorUnit::Persons,
        IndicatorUnit::Consultations,
        IndicatorUnit::Sessions,
        IndicatorUnit::Events,
        IndicatorUnit::Items,
        IndicatorUnit::Hours,
        IndicatorUnit::Percent,
        IndicatorUnit::Other,
    ];
    pub fn label(self) -> &'static str {
        match self {
            IndicatorUnit::Persons => "osoby",
            IndicatorUnit::Consultations => "konsultacje",
            IndicatorUnit::Sessions => "spotkania",
            IndicatorUnit::Events => "wydarzenia",
            IndicatorUnit::Items => "sztuki",
            IndicatorUnit::Hours => "godziny",
            IndicatorUnit::Percent => "%",
            IndicatorUnit::Other => "inne",
        }
    }
    /// Units that count people or events, whose values must be whole numbers.
    pub fn counts(self) -> bool {
        matches!(
            self,
            IndicatorUnit::Persons
                | IndicatorUnit::Consultations
                | IndicatorUnit::Sessions
                | IndicatorUnit::Events
                | IndicatorUnit::Items
        )
    }
}

/// What a realizer put into an activity beside the gmina's money: the figures an organisation's
/// report on a public task gives (art. 18 ust. 4 of the public benefit act: the expenses by
/// source of financing, the personal and in-kind contribution).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct RealizerFunds {
    /// Środki własne realizatora and other sources (not the gmina's).
    pub own: Option<Amount>,
    /// Wkład osobowy: the value of volunteers' and members' work.
    pub personal: Option<Amount>,
    /// Wkład rzeczowy: the value of rooms, equipment and goods put in.
    pub in_kind: Option<Amount>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl RealizerFunds {
    pub fn is_empty(&self) -> bool {
        *self == RealizerFunds::default()
    }
}

/// A measured result of an activity, planned vs achieved.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct Indicator {
    pub id: Id,
    pub name: String,
    pub unit: IndicatorUnit,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Option<DecimalText>"))]
    #[serde(with = "decimal_text")]
    pub planned: Option<Decimal>,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Option<DecimalText>"))]
    #[serde(with = "decimal_text")]
    pub achieved: Option<Decimal>,
    /// The values are estimates ("ok. 30 osób"): printed with "ok.".
    #[serde(skip_serializing_if = "is_false")]
    pub approximate: bool,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Whether an activity was carried out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Done,
    Partly,
    NotDone,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Done, Status::Partly, Status::NotDone];
    pub fn label(self) -> &'static str {
        match self {
            Status::Done => "zrealizowane",
            Status::Partly => "zrealizowane częściowo",
            Status::NotDone => "niezrealizowane",
        }
    }
}

/// One thing the gmina did under its program (działanie).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct Activity {
    pub id: Id,
    /// The goal (section I–V) it belongs to, if the report uses goals.
    pub goal: Option<Id>,
    pub title: String,
    pub description: String,
    /// When it took place, as the realizer puts it ("styczeń–czerwiec", "ferie zimowe").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub period: String,
    /// Statutory tasks it serves (at least one of the report's regime).
    pub tasks: Vec<TaskId>,
    pub area: Area,
    pub level: PreventionLevel,
    pub target_groups: Vec<TargetGroup>,
    /// Ids of partners in the register who carried it out.
    pub realizers: Vec<Id>,
    pub mode: Mode,
    /// Name of the program from the national base of recommended programs (Baza Programów
    /// Rekomendowanych), when the activity is one; empty otherwise.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub recommended_program: String,
    /// A fête, picnic or other public event (festyn, piknik, impreza plenerowa): audit chambers
    /// question such spending when it has no prevention element.
    #[serde(skip_serializing_if = "is_false")]
    pub event: bool,
    pub cost: Cost,
    /// What the realizer put in beside the gmina's money (an NGO's grant report gives it).
    #[serde(skip_serializing_if = "RealizerFunds::is_empty")]
    pub realizer_funds: RealizerFunds,
    pub indicators: Vec<Indicator>,
    pub status: Status,
    /// Why it was done only partly or not at all.
    pub status_reason: String,
    pub notes: String,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Activity {
    /// The indicators whose achieved values add up to the activity's participants: those counted
    /// in persons, except one that counts a part of an earlier one ([`counts_a_part`]).
    pub fn participant_indicators(&self) -> impl Iterator<Item = &Indicator> {
        participant_items(&self.indicators, |i| (i.name.as_str(), i.unit))
    }
}

impl ActivityFigures {
    /// [`Activity::participant_indicators`] of a year's figures.
    pub fn participant_indicators(&self) -> impl Iterator<Item = &IndicatorFigures> {
        participant_items(&self.indicators, |i| (i.name.as_str(), i.unit))
    }
}

/// Whether an indicator named so counts a part of the one before it rather than more people:
/// reports list subgroups as "w tym mieszkańcy gminy" or "z tego: rodzice", and a sum of the
/// activity's participants must not count those people twice.
pub fn counts_a_part(name: &str) -> bool {
    let name = name.trim_start().to_lowercase();
    ["w tym", "z tego"].iter().any(|p| {
        name.strip_prefix(p).is_some_and(|rest| {
            rest.is_empty() || rest.starts_with(|c: char| c.is_whitespace() || c == ':')
        })
    })
}

/// The items counted in persons, in order, without those that count a part of an earlier one
/// counted in persons (a first indicator named "w tym …" has no whole to be part of, and counts).
fn participant_items<T>(
    items: &[T],
    key: impl Fn(&T) -> (&str, IndicatorUnit),
) -> impl Iterator<Item = &T> {
    let mut whole = false;
    items.iter().filter(move |item| {
        let (name, unit) = key(item);
        if unit != IndicatorUnit::Persons {
            return false;
        }
        let part = whole && counts_a_part(name);
        whole = true;
        !part
    })
}

/// A written reason why nothing was done under a statutory task.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct TaskGap {
    pub task: TaskId,
    pub reason: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// What kind of body a partner is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PartnerKind {
    /// NZOZ, poradnia, ośrodek terapii
    Treatment,
    /// OPS / MOPS
    SocialWelfare,
    Police,
    MunicipalGuard,
    School,
    /// Sanepid (PSSE)
    SanitaryInspectorate,
    #[default]
    Ngo,
    SelfHelpGroup,
    Church,
    Court,
    /// gminny ośrodek sportu, kultury (municipal unit)
    SportCultureUnit,
    /// biblioteka
    Library,
    /// placówka wsparcia dziennego (świetlica; art. 18² of the sobriety act names them)
    DaySupportCentre,
    /// gminna komisja rozwiązywania problemów alkoholowych
    Gkrpa,
    Other,
}

impl PartnerKind {
    pub const ALL: [PartnerKind; 15] = [
        PartnerKind::Treatment,
        PartnerKind::SocialWelfare,
        PartnerKind::Police,
        PartnerKind::MunicipalGuard,
        PartnerKind::School,
        PartnerKind::DaySupportCentre,
        PartnerKind::SportCultureUnit,
        PartnerKind::Library,
        PartnerKind::Gkrpa,
        PartnerKind::SanitaryInspectorate,
        PartnerKind::Ngo,
        PartnerKind::SelfHelpGroup,
        PartnerKind::Church,
        PartnerKind::Court,
        PartnerKind::Other,
    ];
    pub fn label(self) -> &'static str {
        match self {
            PartnerKind::Treatment => "placówka leczenia uzależnień (NZOZ)",
            PartnerKind::SocialWelfare => "ośrodek pomocy społecznej",
            PartnerKind::Police => "policja",
            PartnerKind::MunicipalGuard => "straż miejska / gminna",
            PartnerKind::School => "szkoła / placówka oświatowa",
            PartnerKind::SanitaryInspectorate => "inspekcja sanitarna",
            PartnerKind::Ngo => "organizacja pozarządowa",
            PartnerKind::SelfHelpGroup => "grupa samopomocowa",
            PartnerKind::Church => "kościół / związek wyznaniowy",
            PartnerKind::Court => "sąd / kuratorzy",
            PartnerKind::SportCultureUnit => "gminna jednostka sportu lub kultury",
            PartnerKind::Library => "biblioteka",
            PartnerKind::DaySupportCentre => "placówka wsparcia dziennego",
            PartnerKind::Gkrpa => "gminna komisja rozwiązywania problemów alkoholowych",
            PartnerKind::Other => "inny podmiot",
        }
    }
}

/// An institution or organisation in the partner register.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct Partner {
    pub id: Id,
    pub name: String,
    pub kind: PartnerKind,
    pub address: String,
    pub role: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A working group of a coalition (grupa robocza).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct WorkingGroup {
    pub id: Id,
    pub name: String,
    pub topic: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A coalition of partners (like Gdynia's coalition for the gmina programs).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct Coalition {
    pub id: Id,
    pub name: String,
    pub description: String,
    /// Ids of partners in the register.
    pub members: Vec<Id>,
    pub meetings_per_year: Option<u32>,
    pub working_groups: Vec<WorkingGroup>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A figure describing the local situation (dane kontekstowe).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct ContextFigure {
    pub id: Id,
    pub name: String,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Option<DecimalText>"))]
    #[serde(with = "decimal_text")]
    pub value: Option<Decimal>,
    /// The year the value describes (usually the report year).
    pub year: Option<i32>,
    /// The value of the year before, for "this year vs last year".
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Option<DecimalText>"))]
    #[serde(with = "decimal_text")]
    pub previous_value: Option<Decimal>,
    pub unit: String,
    pub source: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Counts of people by the client types real consultation-point reports use.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct ClientCounts {
    /// osoby uzależnione
    pub addicted: Option<u32>,
    /// osoby współuzależnione
    pub co_dependent: Option<u32>,
    /// dorosłe dzieci alkoholików (DDA)
    pub dda: Option<u32>,
    /// osoby doznające przemocy domowej
    pub violence_victims: Option<u32>,
    /// osoby stosujące przemoc
    pub perpetrators: Option<u32>,
    /// inne
    pub other: Option<u32>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl ClientCounts {
    /// The client types with their Polish labels and values, in print order.
    pub fn rows(&self) -> [(&'static str, &'static str, Option<u32>); 6] {
        [
            ("addicted", "osoby uzależnione", self.addicted),
            ("co_dependent", "osoby współuzależnione", self.co_dependent),
            ("dda", "dorosłe dzieci alkoholików (DDA)", self.dda),
            (
                "violence_victims",
                "osoby doznające przemocy domowej",
                self.violence_victims,
            ),
            ("perpetrators", "osoby stosujące przemoc", self.perpetrators),
            ("other", "inne osoby", self.other),
        ]
    }

    /// The sum of the given counts (`None` when nothing is given).
    pub fn total(&self) -> Option<u64> {
        self.rows()
            .iter()
            .filter_map(|(_, _, v)| *v)
            .map(u64::from)
            .fold(None, |acc, v| Some(acc.unwrap_or(0) + v))
    }
}

/// Where a consultation point sent its clients on (poradnia, AA, Al-Anon, terapia stacjonarna...).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct Referral {
    pub id: Id,
    pub target: String,
    pub persons: Option<u32>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A consultation point (punkt konsultacyjny, telefon zaufania) run under the program.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct ConsultationPoint {
    pub id: Id,
    pub name: String,
    /// Opening hours per week.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Option<DecimalText>"))]
    #[serde(with = "decimal_text")]
    pub weekly_hours: Option<Decimal>,
    /// Who works there (e.g. "specjalista psychoterapii uzależnień, psycholog").
    pub staff: String,
    /// People who came, by type.
    pub clients: ClientCounts,
    /// Consultations given, by client type.
    pub consultations: ClientCounts,
    pub referrals: Vec<Referral>,
    pub notes: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The work of the gminna komisja rozwiązywania problemów alkoholowych (art. 4¹ ust. 3–5 of the
/// sobriety act), reported apart from the task list. Every count is optional: empty means "not
/// given", never zero.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct Gkrpa {
    pub members: Option<u32>,
    /// Members trained in addiction problems.
    pub trained_members: Option<u32>,
    pub meetings: Option<u32>,
    /// Motivational or intervention interviews held.
    pub interviews: Option<u32>,
    /// People referred to an expert opinion (biegły) on addiction.
    pub referred_to_expert: Option<u32>,
    /// Applications to court for obligatory treatment.
    pub court_applications: Option<u32>,
    /// Opinions on alcohol sale permits: positive and negative.
    pub permit_opinions_positive: Option<u32>,
    pub permit_opinions_negative: Option<u32>,
    /// Inspections of sales points.
    pub inspections: Option<u32>,
    /// Test purchases (zakupy kontrolowane).
    pub test_purchases: Option<u32>,
    /// Participation in Niebieska Karta groups (grupy diagnostyczno-pomocowe).
    pub blue_card_groups: Option<u32>,
    /// What the commission cost in the year.
    pub cost: Option<Amount>,
    /// Pay of a member per meeting (set by the council in the program, art. 4¹ ust. 5).
    pub pay_per_meeting: Option<Amount>,
    /// Budget lines that carry the commission's cost (their executed sum equals `cost`).
    pub budget_lines: Vec<Id>,
    pub notes: String,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Gkrpa {
    /// The counts with their field names and Polish labels, in print order.
    pub fn counts(&self) -> [(&'static str, &'static str, Option<u32>); 11] {
        [
            ("members", "członkowie komisji", self.members),
            (
                "trained_members",
                "członkowie przeszkoleni",
                self.trained_members,
            ),
            ("meetings", "posiedzenia", self.meetings),
            (
                "interviews",
                "rozmowy motywujące / interwencyjne",
                self.interviews,
            ),
            (
                "referred_to_expert",
                "osoby skierowane na badanie przez biegłego",
                self.referred_to_expert,
            ),
            (
                "court_applications",
                "wnioski do sądu o zobowiązanie do leczenia",
                self.court_applications,
            ),
            (
                "permit_opinions_positive",
                "pozytywne opinie o zezwoleniach",
                self.permit_opinions_positive,
            ),
            (
                "permit_opinions_negative",
                "negatywne opinie o zezwoleniach",
                self.permit_opinions_negative,
            ),
            (
                "inspections",
                "kontrole punktów sprzedaży",
                self.inspections,
            ),
            ("test_purchases", "zakupy kontrolowane", self.test_purchases),
            (
                "blue_card_groups",
                "udział w grupach diagnostyczno-pomocowych (Niebieska Karta)",
                self.blue_card_groups,
            ),
        ]
    }

    /// Whether nothing about the commission was entered.
    pub fn is_empty(&self) -> bool {
        let counts = [
            self.members,
            self.trained_members,
            self.meetings,
            self.interviews,
            self.referred_to_expert,
            self.court_applications,
            self.permit_opinions_positive,
            self.permit_opinions_negative,
            self.inspections,
            self.test_purchases,
            self.blue_card_groups,
        ];
        counts.iter().all(Option::is_none)
            && self.cost.is_none()
            && self.pay_per_meeting.is_none()
            && self.budget_lines.is_empty()
            && self.notes.trim().is_empty()
    }
}

/// One cost given for a group of activities or a whole goal, when the gmina does not split it
/// per activity. Printed with its group and counted in the chapter sums.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct GroupCost {
    pub id: Id,
    /// What the amount covers, e.g. "Programy profilaktyczne w szkołach".
    pub description: String,
    /// The goal it covers as a whole, if any.
    pub goal: Option<Id>,
    /// The activities it covers.
    pub activities: Vec<Id>,
    pub cost: Cost,
    #[serde(flatten)]
    pub extra: Extra,
}

/// What the council did with the report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CouncilOutcome {
    /// not yet presented
    #[default]
    Pending,
    /// przyjęła do wiadomości
    Noted,
    /// przyjęła uchwałą
    Resolution,
    Other,
}

impl CouncilOutcome {
    pub const ALL: [CouncilOutcome; 4] = [
        CouncilOutcome::Pending,
        CouncilOutcome::Noted,
        CouncilOutcome::Resolution,
        CouncilOutcome::Other,
    ];
    pub fn label(self) -> &'static str {
        match self {
            CouncilOutcome::Pending => "jeszcze nie przedstawiono",
            CouncilOutcome::Noted => "rada przyjęła raport do wiadomości",
            CouncilOutcome::Resolution => "rada przyjęła raport uchwałą",
            CouncilOutcome::Other => "inne",
        }
    }
}

/// When the report was presented to the council and what the council did.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct CouncilPresentation {
    pub presented_on: Option<Date>,
    pub outcome: CouncilOutcome,
    /// Number of the council's resolution, when it passed one (e.g. `XXV/210/2026`).
    pub resolution_number: String,
    pub notes: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// How the printable report groups activities.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    /// By the program's goals (sections I–V).
    #[default]
    ByGoal,
    /// By statutory task.
    ByTask,
}

/// Optional signature block of the printed report.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct Signature {
    pub place: String,
    pub date: Option<Date>,
    pub name: String,
    pub function: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The yearly report on carrying out the program (raport z realizacji programu).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct Report {
    pub id: Id,
    pub year: i32,
    pub gmina: Gmina,
    pub program: Program,
    /// Who prepared the report (osoba / komórka).
    pub prepared_by: String,
    pub prepared_on: Option<Date>,
    /// Deadline for submitting the report to the council; default 30 June of the next year.
    pub council_deadline: Option<Date>,
    /// Date of the resolution adopting next year's program, if already adopted.
    pub next_program_resolution_date: Option<Date>,
    pub introduction: String,
    /// How the program was monitored.
    pub monitoring: String,
    /// Wnioski i rekomendacje.
    pub conclusions: String,
    pub budget: Budget,
    pub goals: Vec<Goal>,
    pub activities: Vec<Activity>,
    pub task_gaps: Vec<TaskGap>,
    /// Costs given for a group of activities or a whole goal.
    pub group_costs: Vec<GroupCost>,
    pub partners: Vec<Partner>,
    pub coalitions: Vec<Coalition>,
    /// Komisja (GKRPA): its own work, reported apart from the tasks.
    pub gkrpa: Gkrpa,
    /// Punkty konsultacyjne (zero or more).
    pub consultation_points: Vec<ConsultationPoint>,
    pub context_figures: Vec<ContextFigure>,
    /// When the report went to the council and what the council did.
    pub council: CouncilPresentation,
    pub layout: Layout,
    pub signature: Option<Signature>,
    /// Last year's figures, for the year-over-year comparison: a compact snapshot taken from last
    /// year's report (never a copy of it), so a file stays self-contained and small. Left out
    /// of files when no previous year is linked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_year: Option<PreviousYear>,
    /// The realizers asked for their reports ("Sprawozdania realizatorów"), one entry per partner.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub requests: Vec<RequestRecord>,
    /// Set in a realizer's workspace: the request it answers. Such a "report" holds only the
    /// realizer's activities and becomes a contribution file, never a report for the council.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workspace: Option<Box<Request>>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Report {
    /// An empty report for a year, with the regime and deadline the law implies.
    pub fn new(id: Id, year: i32) -> Report {
        Report {
            id,
            year,
            program: Program {
                regime: Regime::default_for_year(year),
                period_from: year,
                period_to: year,
                npz_edition: super::catalogue::catalogue()
                    .npz_for_year(year)
                    .map(|e| e.id.clone())
                    .unwrap_or_default(),
                ..Program::default()
            },
            council_deadline: Date::new(year + 1, 6, 30),
            ..Report::default()
        }
    }

    /// The default deadline for the report to reach the council: 30 June of the next year.
    pub fn default_deadline(year: i32) -> Option<Date> {
        Date::new(year + 1, 6, 30)
    }

    /// A fresh id `prefix-N` not yet used by any entity of this report.
    pub fn new_id(&self, prefix: &str) -> Id {
        let mut max = 0u64;
        let mut consider = |id: &Id| {
            if let Some(n) =
                id.0.strip_prefix(prefix)
                    .and_then(|rest| rest.strip_prefix('-'))
                    .and_then(|n| n.parse::<u64>().ok())
            {
                max = max.max(n);
            }
        };
        self.budget.lines.iter().for_each(|l| consider(&l.id));
        self.budget.external.iter().for_each(|e| consider(&e.id));
        self.goals.iter().for_each(|g| consider(&g.id));
        for a in &self.activities {
            consider(&a.id);
            a.indicators.iter().for_each(|i| consider(&i.id));
        }
        self.partners.iter().for_each(|p| consider(&p.id));
        for c in &self.coalitions {
            consider(&c.id);
            c.working_groups.iter().for_each(|w| consider(&w.id));
        }
        self.context_figures.iter().for_each(|f| consider(&f.id));
        self.group_costs.iter().for_each(|g| consider(&g.id));
        for p in &self.consultation_points {
            consider(&p.id);
            p.referrals.iter().for_each(|r| consider(&r.id));
        }
        Id(format!("{prefix}-{}", max + 1))
    }

    pub fn partner(&self, id: &Id) -> Option<&Partner> {
        self.partners.iter().find(|p| &p.id == id)
    }

    pub fn goal(&self, id: &Id) -> Option<&Goal> {
        self.goals.iter().find(|g| &g.id == id)
    }

    /// The statutory tasks that apply to this report's regime, from the catalogue.
    pub fn applicable_tasks(&self) -> Vec<&'static super::catalogue::StatutoryTask> {
        super::catalogue::catalogue().tasks_for(self.program.regime, self.program.behavioural)
    }

    /// The next year's report: gmina, program, partners, goals and the activity structure are
    /// copied; amounts, achieved values and year-specific texts are cleared.
    pub fn next_year(&self, id: Id) -> Report {
        let year = self.year + 1;
        let mut next = Report::new(id, year);
        next.gmina = self.gmina.clone();
        next.program = self.program.clone();
        if next.program.period_to < year {
            // A yearly program ends: the next year's program is a new one (same shape).
            next.program.period_from = year;
            next.program.period_to = year;
            next.program.resolution = Resolution {
                council: self.program.resolution.council.clone(),
                ..Resolution::default()
            };
            next.program.regime = if self.program.regime == Regime::DrugOnly {
                Regime::default_for_year(year)
            } else {
                self.program.regime
            };
        }
        next.prepared_by = self.prepared_by.clone();
        next.partners = self.partners.clone();
        next.coalitions = self.coalitions.clone();
        next.goals = self.goals.clone();
        next.layout = self.layout;
        next.previous_year = Some(PreviousYear::from_report(self, None));
        next.budget.lines = self
            .budget
            .lines
            .iter()
            .map(|l| BudgetLine {
                planned: None,
                after_changes: None,
                executed: None,
                ..l.clone()
            })
            .collect();
        next.activities = self
            .activities
            .iter()
            .map(|a| Activity {
                cost: Cost {
                    planned: None,
                    executed: None,
                    ..a.cost.clone()
                },
                indicators: a
                    .indicators
                    .iter()
                    .map(|i| Indicator {
                        achieved: None,
                        ..i.clone()
                    })
                    .collect(),
                status: Status::Done,
                status_reason: String::new(),
                notes: String::new(),
                period: String::new(),
                realizer_funds: RealizerFunds::default(),
                ..a.clone()
            })
            .collect();
        next.context_figures = self
            .context_figures
            .iter()
            .map(|f| ContextFigure {
                value: None,
                year: Some(year),
                previous_value: if f.year.is_none() || f.year == Some(self.year) {
                    f.value
                } else {
                    None
                },
                ..f.clone()
            })
            .collect();
        next.budget.carried_over = self.budget.permit_fees_carried_out();
        next.gkrpa = Gkrpa {
            members: self.gkrpa.members,
            trained_members: self.gkrpa.trained_members,
            pay_per_meeting: self.gkrpa.pay_per_meeting,
            budget_lines: self.gkrpa.budget_lines.clone(),
            ..Gkrpa::default()
        };
        next.consultation_points = self
            .consultation_points
            .iter()
            .map(|p| ConsultationPoint {
                id: p.id.clone(),
                name: p.name.clone(),
                weekly_hours: p.weekly_hours,
                staff: p.staff.clone(),
                referrals: p
                    .referrals
                    .iter()
                    .map(|r| Referral {
                        persons: None,
                        ..r.clone()
                    })
                    .collect(),
                ..ConsultationPoint::default()
            })
            .collect();
        next.group_costs = self
            .group_costs
            .iter()
            .map(|g| GroupCost {
                cost: Cost {
                    planned: None,
                    executed: None,
                    ..g.cost.clone()
                },
                ..g.clone()
            })
            .collect();
        next
    }
}

// ---------------------------------------------------------------------------------------------
// Last year, for the year-over-year comparison
// ---------------------------------------------------------------------------------------------

fn is_true(b: &bool) -> bool {
    *b
}

/// Where the snapshot of last year came from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct PreviousYearSource {
    /// Id of last year's report (as stored in the browser or in the file).
    pub report_id: Id,
    /// The file it was read from (a report, a backup or a saved printable HTML); empty when it
    /// was taken from a report stored in the browser.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub file_name: String,
    /// The year of that report.
    pub year: i32,
    /// The gmina's name as that report gives it.
    pub gmina: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A correction of the automatic pairing of this year's activities (and their indicators) with
/// last year's: this year's activity — or one of its indicators — is paired with the named
/// entry of last year, or with nothing.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct Pairing {
    /// This year's activity.
    pub activity: Id,
    /// One of this year's indicators of that activity, when the pairing is about an indicator.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indicator: Option<Id>,
    /// Last year's activity — or, for an indicator, last year's indicator of the activity paired
    /// with `activity`; `None` means "no pair" (a new activity or indicator).
    pub previous: Option<Id>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Executed spending of one budget chapter (rozdział) in a year.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct ChapterFigures {
    pub chapter: String,
    pub executed: Option<Amount>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// What a year did under one statutory task: activities serving it and the spending attributed
/// to it (`None` when no cost was attributed).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct TaskFigures {
    pub task: TaskId,
    pub activities: u32,
    pub executed: Option<Amount>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Executed spending charged to one funding source in a year.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct SourceFigures {
    pub source: FundingSource,
    pub executed: Option<Amount>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// One indicator's achieved value in a year.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct IndicatorFigures {
    pub id: Id,
    pub name: String,
    pub unit: IndicatorUnit,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Option<DecimalText>"))]
    #[serde(with = "decimal_text")]
    pub achieved: Option<Decimal>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// One activity of a year: what pairs it with the other year, and its indicators.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct ActivityFigures {
    pub id: Id,
    pub title: String,
    pub indicators: Vec<IndicatorFigures>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A partner of the register in a year.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct PartnerFigures {
    pub id: Id,
    pub name: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A consultation point's figures in a year.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct PointFigures {
    pub id: Id,
    pub name: String,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Option<DecimalText>"))]
    #[serde(with = "decimal_text")]
    pub weekly_hours: Option<Decimal>,
    pub clients: ClientCounts,
    pub consultations: ClientCounts,
    /// People referred onward, all referrals together.
    pub referred: Option<u32>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A context figure's value in a year.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct ContextFigureValue {
    pub id: Id,
    pub name: String,
    pub unit: String,
    /// The year the value describes, when the report said.
    pub year: Option<i32>,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Option<DecimalText>"))]
    #[serde(with = "decimal_text")]
    pub value: Option<Decimal>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The figures of one year's report that a comparison with another year needs — and nothing
/// else (no texts, no budget lines, no plans), so it stays small in browser storage.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct YearFigures {
    pub year: i32,
    pub regime: Regime,
    /// Executed spending per chapter, in code order.
    pub chapters: Vec<ChapterFigures>,
    /// The statutory tasks of the year's regime that have an activity or a cost, in catalogue
    /// order.
    pub tasks: Vec<TaskFigures>,
    /// Executed spending per funding source used by some budget line.
    pub sources: Vec<SourceFigures>,
    pub permit_fee_income: Option<Amount>,
    pub small_bottle_income: Option<Amount>,
    /// Permit-fee money carried in from the year before.
    pub carried_in: Option<Amount>,
    /// Permit-fee money left for the year after ([`Budget::permit_fees_carried_out`]).
    pub permit_fees_carried_out: Option<Amount>,
    pub activities: Vec<ActivityFigures>,
    pub partners: Vec<PartnerFigures>,
    /// The commission's counts and cost (its notes and budget lines are not kept).
    pub gkrpa: Gkrpa,
    pub consultation_points: Vec<PointFigures>,
    pub context_figures: Vec<ContextFigureValue>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl YearFigures {
    /// The figures of a report, in the report's own order (activity `i` of the figures is
    /// activity `i` of the report, and so on for every list).
    pub fn of(report: &Report) -> YearFigures {
        let tasks = report.applicable_tasks();
        let split = super::spending::by_task(report, &tasks);
        let b = &report.budget;
        YearFigures {
            year: report.year,
            regime: report.program.regime,
            chapters: super::spending::by_chapter(report)
                .into_iter()
                .map(|(chapter, sums)| ChapterFigures {
                    chapter,
                    executed: sums.executed,
                    extra: Extra::new(),
                })
                .collect(),
            tasks: tasks
                .iter()
                .enumerate()
                .map(|(i, t)| TaskFigures {
                    task: t.id.clone(),
                    activities: report
                        .activities
                        .iter()
                        .filter(|a| a.tasks.contains(&t.id))
                        .count() as u32,
                    executed: split.of(i),
                    extra: Extra::new(),
                })
                .filter(|t| t.activities > 0 || t.executed.is_some())
                .collect(),
            sources: super::spending::by_source(report)
                .into_iter()
                .map(|(source, sums)| SourceFigures {
                    source,
                    executed: sums.executed,
                    extra: Extra::new(),
                })
                .collect(),
            permit_fee_income: b.permit_fee_income,
            small_bottle_income: b.small_bottle_income,
            carried_in: b.carried_over,
            permit_fees_carried_out: b.permit_fees_carried_out(),
            activities: report
                .activities
                .iter()
                .map(|a| ActivityFigures {
                    id: a.id.clone(),
                    title: a.title.clone(),
                    indicators: a
                        .indicators
                        .iter()
                        .map(|i| IndicatorFigures {
                            id: i.id.clone(),
                            name: i.name.clone(),
                            unit: i.unit,
                            achieved: i.achieved,
                            extra: Extra::new(),
                        })
                        .collect(),
                    extra: Extra::new(),
                })
                .collect(),
            partners: report
                .partners
                .iter()
                .map(|p| PartnerFigures {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    extra: Extra::new(),
                })
                .collect(),
            gkrpa: Gkrpa {
                notes: String::new(),
                budget_lines: Vec::new(),
                extra: Extra::new(),
                ..report.gkrpa.clone()
            },
            consultation_points: report
                .consultation_points
                .iter()
                .map(|p| PointFigures {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    weekly_hours: p.weekly_hours,
                    clients: ClientCounts {
                        extra: Extra::new(),
                        ..p.clients.clone()
                    },
                    consultations: ClientCounts {
                        extra: Extra::new(),
                        ..p.consultations.clone()
                    },
                    referred: p
                        .referrals
                        .iter()
                        .filter_map(|r| r.persons)
                        .reduce(u32::saturating_add),
                    extra: Extra::new(),
                })
                .collect(),
            context_figures: report
                .context_figures
                .iter()
                .map(|f| ContextFigureValue {
                    id: f.id.clone(),
                    name: f.name.clone(),
                    unit: f.unit.clone(),
                    year: f.year,
                    value: f.value,
                    extra: Extra::new(),
                })
                .collect(),
            extra: Extra::new(),
        }
    }
}

/// The link of a report to last year's: where the figures came from, the figures, the user's
/// corrections of the pairing, and whether the printed report compares the two years.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct PreviousYear {
    pub source: PreviousYearSource,
    pub figures: YearFigures,
    /// Corrections of the automatic pairing (by id, then by name), at most one per activity or
    /// indicator of this year.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pairings: Vec<Pairing>,
    /// Whether the printed report has the section "Porównanie z rokiem poprzednim" (yes unless
    /// the user turns it off; only `false` is written).
    #[serde(skip_serializing_if = "is_true")]
    pub print: bool,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Default for PreviousYear {
    fn default() -> Self {
        PreviousYear {
            source: PreviousYearSource::default(),
            figures: YearFigures::default(),
            pairings: Vec::new(),
            print: true,
            extra: Extra::new(),
        }
    }
}

impl PreviousYear {
    /// The snapshot of last year's report; `file_name` names the file it was read from (`None`
    /// for a report stored in the browser). Last year's own link to its previous year is not
    /// carried over: the snapshot is one year deep.
    pub fn from_report(report: &Report, file_name: Option<&str>) -> PreviousYear {
        PreviousYear {
            source: PreviousYearSource {
                report_id: report.id.clone(),
                file_name: file_name.unwrap_or_default().to_string(),
                year: report.year,
                gmina: report.gmina.name.clone(),
                extra: Extra::new(),
            },
            figures: YearFigures::of(report),
            ..PreviousYear::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn indicator(name: &str, unit: IndicatorUnit, achieved: i64) -> Indicator {
        Indicator {
            id: Id::new(name),
            name: name.into(),
            unit,
            achieved: Some(Decimal::from(achieved)),
            ..Indicator::default()
        }
    }

    fn participant_names(indicators: Vec<Indicator>) -> Vec<String> {
        let activity = Activity {
            indicators,
            ..Activity::default()
        };
        let names = activity
            .participant_indicators()
            .map(|i| i.name.clone())
            .collect();
        // A year's figures of the activity give the same answer.
        let figures = YearFigures::of(&Report {
            activities: vec![activity],
            ..Report::default()
        });
        let figure_names: Vec<String> = figures.activities[0]
            .participant_indicators()
            .map(|i| i.name.clone())
            .collect();
        assert_eq!(figure_names, names);
        names
    }

    #[test]
    fn a_subgroup_is_named_w_tym_or_z_tego_as_a_word() {
        for part in [
            "w tym mieszkańcy gminy",
            "W tym: rodzice",
            "  z tego dziewczęta",
            "Z TEGO:",
            "w tym",
        ] {
            assert!(counts_a_part(part), "{part:?} counts a part");
        }
        for whole in [
            "uczestnicy, w tym rodzice",
            "w tymczasowym punkcie",
            "z tegorocznej edycji",
            "uczniowie",
            "",
        ] {
            assert!(!counts_a_part(whole), "{whole:?} counts people of its own");
        }
    }

    #[test]
    fn participants_leave_out_a_subgroup_of_an_earlier_indicator_in_persons() {
        use IndicatorUnit::*;
        // Kalisz 2020's treatment activity: 85 of the clinic's 118 patients lived in the city.
        let names = participant_names(vec![
            indicator("osoby w poradni", Persons, 110),
            indicator("osoby w Centrum Medycznym", Persons, 118),
            indicator("w tym mieszkańcy Kalisza", Persons, 85),
            indicator("konsultacje", Consultations, 1737),
        ]);
        assert_eq!(names, ["osoby w poradni", "osoby w Centrum Medycznym"]);
    }

    #[test]
    fn a_w_tym_indicator_with_no_whole_in_persons_before_it_counts() {
        use IndicatorUnit::*;
        let names = participant_names(vec![
            indicator("zajęcia", Sessions, 12),
            indicator("w tym uczniowie klas VII", Persons, 40),
            indicator("z tego dziewczęta", Persons, 22),
        ]);
        assert_eq!(names, ["w tym uczniowie klas VII"]);
    }
}
