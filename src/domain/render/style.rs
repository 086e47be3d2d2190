//! The report's only stylesheet, inlined: black on white for screen and print, A4 pages with
//! page numbers, headings kept with what follows, table rows never split across pages.

/// The Content Security Policy of the exported file: nothing may be fetched and no script may run
/// (the embedded JSON block is data, not a script).
pub(super) const CSP: &str =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'";

pub(super) const CSS: &str = r#"
:root { color: #000; background: #fff; }
body {
  margin: 2rem auto; padding: 0 1rem; max-width: 52rem;
  font-family: "Times New Roman", Times, "Liberation Serif", serif;
  font-size: 12pt; line-height: 1.4; color: #000; background: #fff;
}
h1 { font-size: 18pt; margin: .25rem 0 .5rem; }
h2 { font-size: 15pt; margin: 1.75rem 0 .5rem; padding-bottom: .15rem; border-bottom: 1px solid #000; }
h3 { font-size: 13pt; margin: 1.25rem 0 .4rem; }
h4 { font-size: 12pt; margin: 1rem 0 .3rem; }
h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
/* A sentence that introduces a table stays with it, and so with the heading above it. */
p.lead-in { break-after: avoid; page-break-after: avoid; }
p { margin: .35rem 0; }
a { color: #000; }
.lead { font-size: 13pt; font-weight: bold; margin: 0 0 .5rem; }
.kicker { font-size: 11pt; margin: 0; }
.note { font-size: 10.5pt; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: 10.5pt; }
caption { caption-side: top; text-align: left; font-weight: bold; padding: .2rem 0; }
th, td { border: 1px solid #000; padding: .2rem .4rem; text-align: left; vertical-align: top; }
thead th { background: #fff; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.subtotal th, tr.subtotal td, tfoot th, tfoot td { font-weight: bold; }
table.meta th { width: 14rem; font-weight: bold; }
dl.facts { margin: .4rem 0; font-size: 11pt; }
dl.facts > div { display: grid; grid-template-columns: 11rem 1fr; gap: .75rem; margin: .1rem 0; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
.cite { display: block; font-size: 9.5pt; }
ul.tasks { list-style: none; padding-left: 1.2rem; }
ul.tasks li { margin: .2rem 0; }
p.task-list { margin-bottom: .2rem; }
figure.chart { margin: .5rem 0 1rem; }
figure.chart svg { display: block; width: 100%; height: auto; }
.signature { margin-top: 3rem; margin-left: auto; width: 18rem; text-align: center; }
.signature .line { border-top: 1px dotted #000; margin-top: 2.5rem; padding-top: .2rem; }
figure, .signature, dl.facts { break-inside: avoid; page-break-inside: avoid; }
tr { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
/* Totals print once, under the last row: a repeated footer would show "Ogółem" mid-table. */
tfoot { display: table-row-group; }
/* Small tables stay whole, on the page of their heading where they fit. */
table.income, table.fees, table.by-source, table.reconciliation, table.gkrpa, table.clients,
table.referrals, table.indicators, table.members { break-inside: avoid; page-break-inside: avoid; }
table.context tbody th { min-width: 9rem; }
tr.group th { font-style: italic; }
/* The commission's section is short: it starts on a new page rather than leave its heading. */
section.gkrpa { break-inside: avoid; page-break-inside: avoid; }
@page {
  size: A4;
  margin: 20mm 18mm 22mm;
  @bottom-right { content: "Strona " counter(page) " z " counter(pages); }
}
@media print {
  body { margin: 0; padding: 0; max-width: none; font-size: 11pt; }
  a { text-decoration: none; }
}
"#;
