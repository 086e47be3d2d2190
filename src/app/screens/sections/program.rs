//! Section "Gmina i program": the gmina, the program and its resolution, the strategy, NPZ,
//! and who prepared the report by when.

use leptos::prelude::*;

use super::SectionFrame;
use super::{lens, lens_enum};
use crate::app::components::*;
use crate::app::paths::dom_id;
use crate::app::state::Editor;
use crate::domain::catalogue::catalogue;
use crate::domain::model::*;

/// Converts an optional whole-number field to the i64 the control edits.
fn int_lens<T>(
    head: RwSignal<Report>,
    get: fn(&Report) -> Option<T>,
    set: fn(&mut Report, Option<T>),
) -> (Signal<Option<i64>>, Callback<Option<i64>>)
where
    T: Into<i64> + TryFrom<i64> + Copy + Send + Sync + 'static,
{
    (
        Signal::derive(move || head.with(|r| get(r).map(Into::into))),
        Callback::new(move |v: Option<i64>| {
            head.update(|r| set(r, v.and_then(|n| T::try_from(n).ok())))
        }),
    )
}

/// The section.
#[component]
pub fn ProgramSection() -> impl IntoView {
    let ed = expect_context::<Editor>();
    let h = ed.head;
    let (name, set_name) = lens!(h, gmina.name);
    // Not chosen yet: the select asks ("— wybierz —") rather than presuming a kind.
    let kind =
        Signal::derive(move || h.with(|r| r.gmina.kind.as_ref().map(enum_key).unwrap_or_default()));
    let set_kind = Callback::new(move |v: String| h.update(|r| r.gmina.kind = enum_from(&v)));
    let mut kind_options = vec![(String::new(), "— wybierz —".to_string())];
    kind_options.extend(enum_options(&GminaKind::ALL, GminaKind::label));
    let (teryt, set_teryt) = lens!(h, gmina.teryt);
    let (voiv, set_voiv) = lens!(h, gmina.voivodeship);
    let (pop, set_pop) = int_lens(h, |r| r.gmina.population, |r, v| r.gmina.population = v);
    let (year, set_year) = int_lens(
        h,
        |r| Some(r.year),
        |r, v| {
            if let Some(y) = v {
                r.year = y
            }
        },
    );
    let (title, set_title) = lens!(h, program.title);
    let (regime, set_regime) = lens_enum!(h, program.regime);
    let (behav, set_behav) = lens!(h, program.behavioural);
    let (pfrom, set_pfrom) = int_lens(
        h,
        |r| Some(r.program.period_from),
        |r, v| r.program.period_from = v.unwrap_or_default(),
    );
    let (pto, set_pto) = int_lens(
        h,
        |r| Some(r.program.period_to),
        |r, v| r.program.period_to = v.unwrap_or_default(),
    );
    let (res_no, set_res_no) = lens!(h, program.resolution.number);
    let (res_date, set_res_date) = lens!(h, program.resolution.date);
    let (res_council, set_res_council) = lens!(h, program.resolution.council);
    let (str_title, set_str_title) = lens!(h, program.strategy.title);
    let (str_from, set_str_from) = int_lens(
        h,
        |r| r.program.strategy.from_year,
        |r, v| r.program.strategy.from_year = v,
    );
    let (str_to, set_str_to) = int_lens(
        h,
        |r| r.program.strategy.to_year,
        |r, v| r.program.strategy.to_year = v,
    );
    let (npz, set_npz) = lens!(h, program.npz_edition);
    let (coord, set_coord) = lens!(h, program.coordinator);
    let (prep_by, set_prep_by) = lens!(h, prepared_by);
    let (prep_on, set_prep_on) = lens!(h, prepared_on);
    let (deadline, set_deadline) = lens!(h, council_deadline);
    let (next_res, set_next_res) = lens!(h, next_program_resolution_date);
    let (intro, set_intro) = lens!(h, introduction);
    let (monitoring, set_monitoring) = lens!(h, monitoring);

    let mut npz_options = vec![(String::new(), "— wybierz —".to_string())];
    npz_options.extend(
        catalogue()
            .npz_editions
            .iter()
            .map(|e| (e.id.clone(), e.name.clone())),
    );
    let id = |p: &[&str]| dom_id(p);

    view! {
        <SectionFrame
            title="Gmina i program"
            intro="Dane strony tytułowej: gmina, program, uchwała rady, która go przyjęła, i kto przygotował raport."
        >
            <fieldset>
                <legend>"Gmina"</legend>
                <div class="grid">
                    <TextField id=id(&["gmina", "name"]) label="Nazwa gminy" hint="np. Kalisz" value=name on_input=set_name />
                    <SelectField id=id(&["gmina", "kind"]) label="Rodzaj gminy" options=kind_options value=kind on_change=set_kind />
                    <TextField id=id(&["gmina", "teryt"]) label="Kod TERYT" hint="7 cyfr, np. 3061011" value=teryt on_input=set_teryt maxlength=7 />
                    <TextField id=id(&["gmina", "voivodeship"]) label="Województwo" hint="np. wielkopolskie" value=voiv on_input=set_voiv />
                    <IntField id=id(&["gmina", "population"]) label="Liczba mieszkańców" hint="np. 100 246" value=pop on_change=set_pop />
                </div>
            </fieldset>
            <fieldset>
                <legend>"Program"</legend>
                <div class="grid">
                    <IntField id=id(&["year"]) label="Rok, którego dotyczy raport" hint="np. 2025" value=year on_change=set_year />
                    <TextField id=id(&["program", "title"]) label="Tytuł programu" hint="np. Gminny Program Przeciwdziałania Narkomanii na rok 2020" value=title on_input=set_title />
                    <SelectField
                        id=id(&["program", "regime"])
                        label="Rodzaj programu"
                        hint="Od 2022 r. gminy przyjmują jeden wspólny program (art. 4¹ ustawy o wychowaniu w trzeźwości); do 2021 r. program przeciwdziałania narkomanii i program alkoholowy mogły być osobne albo połączone."
                        options=enum_options(&Regime::ALL, Regime::label)
                        value=regime
                        on_change=set_regime
                    />
                    <CheckField id=id(&["program", "behavioural"]) label="Program obejmuje też uzależnienia behawioralne" checked=behav on_change=set_behav />
                    <IntField id=id(&["program", "period_from"]) label="Program obowiązuje od roku" value=pfrom on_change=set_pfrom />
                    <IntField id=id(&["program", "period_to"]) label="Program obowiązuje do roku" hint="Dla programu rocznego ten sam rok." value=pto on_change=set_pto />
                    <TextField id=id(&["program", "coordinator"]) label="Koordynator programu" hint="np. Wydział Spraw Społecznych" value=coord on_input=set_coord />
                    <SelectField id=id(&["program", "npz_edition"]) label="Narodowy Program Zdrowia" options=npz_options value=npz on_change=set_npz />
                </div>
            </fieldset>
            <fieldset>
                <legend>"Uchwała rady przyjmująca program"</legend>
                <div class="grid">
                    <TextField id=id(&["program", "resolution", "number"]) label="Numer uchwały" hint="np. XIX/334/2020" value=res_no on_input=set_res_no />
                    <DateField id=id(&["program", "resolution", "date"]) label="Data uchwały" value=res_date on_change=set_res_date />
                    <TextField id=id(&["program", "resolution", "council"]) label="Rada" hint="np. Rada Miasta Kalisza" value=res_council on_input=set_res_council />
                </div>
            </fieldset>
            <fieldset>
                <legend>"Strategia rozwiązywania problemów społecznych"</legend>
                <div class="grid">
                    <TextField id=id(&["program", "strategy", "title"]) label="Tytuł strategii" value=str_title on_input=set_str_title />
                    <IntField id=id(&["program", "strategy", "from_year"]) label="Strategia od roku" value=str_from on_change=set_str_from />
                    <IntField id=id(&["program", "strategy", "to_year"]) label="Strategia do roku" value=str_to on_change=set_str_to />
                </div>
            </fieldset>
            <fieldset>
                <legend>"Raport"</legend>
                <div class="grid">
                    <TextField id=id(&["prepared_by"]) label="Kto przygotował raport" hint="osoba lub komórka, np. Pełnomocnik ds. profilaktyki" value=prep_by on_input=set_prep_by />
                    <DateField id=id(&["prepared_on"]) label="Data przygotowania" value=prep_on on_change=set_prep_on />
                    <DateField id=id(&["council_deadline"]) label="Termin przedłożenia radzie" hint="Ustala rada w swojej uchwale; domyślnie 30 czerwca następnego roku." value=deadline on_change=set_deadline />
                    <DateField id=id(&["next_program_resolution_date"]) label="Data uchwały w sprawie programu na kolejny rok" value=next_res on_change=set_next_res />
                </div>
                <TextField id=id(&["introduction"]) label="Wprowadzenie" hint="Krótko: podstawa prawna, cel programu, najważniejsze fakty roku." value=intro on_input=set_intro multiline=true />
                <TextField id=id(&["monitoring"]) label="Sposób monitorowania programu" hint="np. sprawozdania realizatorów, ankiety, dane policji" value=monitoring on_input=set_monitoring multiline=true />
            </fieldset>
        </SectionFrame>
    }
}
