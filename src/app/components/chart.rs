//! A chart of the domain ([`Chart`]) as the app shows it: the inline SVG (its `<title>` and
//! `<desc>` are the text alternative), the caption, and the data table behind it, so every
//! value can be read without the picture.

use leptos::prelude::*;

use crate::domain::charts::Chart;

/// One chart with its caption and data table.
#[component]
pub fn ChartFigure(
    /// The chart, as the domain built it.
    chart: Chart,
) -> impl IntoView {
    let (header, rows) = chart.table();
    let header: Vec<String> = header
        .into_iter()
        .enumerate()
        .map(|(i, h)| {
            // The table's first column (the categories) has no name in the domain's table.
            if i == 0 && h.trim().is_empty() {
                "Pozycja".to_string()
            } else {
                h
            }
        })
        .collect();
    let svg = chart.svg();
    let figure_id = format!("{}-rycina", chart.id);
    view! {
        <figure class="chart" id=figure_id>
            // `inner_html` only for the SVG the domain built: `Chart::svg` escapes every text it
            // writes (titles, labels, values) and has no script, so nothing typed into a report
            // can become markup here. Never pass other strings this way.
            <div class="chart-svg" inner_html=svg></div>
            <figcaption>{chart.caption.clone()}</figcaption>
            <div class="table-wrap">
                <table class="data">
                    <caption>{format!("Dane wykresu: {}", chart.title)}</caption>
                    <thead>
                        <tr>
                            {header
                                .into_iter()
                                .enumerate()
                                .map(|(i, h)| {
                                    let class = (i > 0).then_some("num");
                                    view! { <th scope="col" class=class>{h}</th> }
                                })
                                .collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|row| {
                                let mut cells = row.into_iter();
                                let head = cells.next().unwrap_or_default();
                                view! {
                                    <tr>
                                        <th scope="row">{head}</th>
                                        {cells
                                            .map(|c| view! { <td class="num">{c}</td> })
                                            .collect_view()}
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </figure>
    }
}
