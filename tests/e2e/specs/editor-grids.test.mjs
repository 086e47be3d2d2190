// Grids: the budget typed line by line in a table with the keyboard alone (Tab across, Enter
// and the arrows down a column, "Plan po zmianach" following the plan), and "Wklej z arkusza":
// an Excel clipboard pasted through the real clipboard, previewed with its unreadable cells
// named, one corrected, inserted, printed, and taken back whole by one "Cofnij".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from '../lib/browser.mjs';
import { StartPage, ExportSection, addActivity, sectionByKeyboard, tabTo, storedReports, waitUntil } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const norm = (s) => s.replace(/\s+/g, ' ').trim();
const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? '');
/** The element-id form of a report id (`line-1` → `line_1`). */
const dom = (id) => id.replace(/[^A-Za-z0-9_]/g, '_');
const lines = async (page) => (await storedReports(page))[0]?.file?.report?.budget?.lines ?? [];

/** Ten lines of a treasurer's table: chapter, §, plan, executed. */
const TEN = [
  ['85154', '4170', '16 500,00', '16 020,00'],
  ['85154', '4210', '8 000,00', '7 212,45'],
  ['85154', '4300', '30 000,00', '32 300,00'],
  ['85154', '4220', '6 000,00', '5 880,00'],
  ['85154', '2360', '30 000,00', '30 000,00'],
  ['85154', '4700', '3 000,00', '2 650,00'],
  ['85153', '4300', '12 000,00', '10 450,00'],
  ['85153', '2360', '5 000,00', '5 000,00'],
  ['85153', '4210', '2 000,00', '1 536,90'],
  ['85154', '3030', '17 000,00', '16 200,00'],
];
const grosze = (s) => Math.round(Number(s.replace(/\s/g, '').replace(',', '.')) * 100);
const zl = (g) => `${Math.floor(g / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${String(g % 100).padStart(2, '0')}`;

async function budgetOfNewReport() {
  const app = await openApp(browser);
  const editor = await new StartPage(app.page).newReport();
  await sectionByKeyboard(app.page, 'Budżet');
  return { ...app, editor };
}

test('a 10-line budget is typed in the grid with the keyboard alone, with totals per chapter', async () => {
  const { context, page, problems } = await budgetOfNewReport();
  await tabTo(page, (el) => el.tag === 'BUTTON' && el.text === 'Dodaj pozycję budżetu');
  for (const [i, [chapter, para, plan, done]] of TEN.entries()) {
    await page.keyboard.press('Enter');
    await waitUntil(async () => /^f-budget-lines-.*-chapter$/.test(await focusedId(page))
      && (await page.evaluate(() => document.activeElement.value)) === '', { message: `line ${i + 1} focused` });
    await page.keyboard.type(chapter);
    await page.keyboard.press('Tab');
    await page.keyboard.type(para);
    await page.keyboard.press('Tab'); // the source: budżet gminy
    await page.keyboard.press('Tab');
    await page.keyboard.type(plan);
    await page.keyboard.press('Tab'); // "Plan po zmianach" follows the plan
    await page.keyboard.press('Tab');
    await page.keyboard.type(done);
    await tabTo(page, (el) => el.tag === 'BUTTON' && el.text === 'Dodaj pozycję budżetu');
  }
  await waitUntil(async () => (await lines(page)).length === 10 && (await lines(page))[9].executed === '16200.00', { message: 'ten lines saved' });
  const saved = await lines(page);
  assert.deepEqual(
    saved.map((l) => [l.chapter, l.paragraph, l.source, l.planned, l.after_changes, l.executed]),
    TEN.map(([c, p, plan, done]) => [c, p, 'budget', (grosze(plan) / 100).toFixed(2), (grosze(plan) / 100).toFixed(2), (grosze(done) / 100).toFixed(2)]),
  );

  // The totals: per chapter and overall, with the percentage of the plan.
  const total = (rows) => zl(rows.reduce((s, r) => s + grosze(r[3]), 0));
  const foot = (label) => page.locator('table.budget-grid tfoot tr', { has: page.locator('th', { hasText: label }) });
  assert.ok(norm(await foot(/^Razem rozdz\. 85153 — Zwalczanie narkomanii$/).innerText()).includes(total(TEN.filter((r) => r[0] === '85153'))));
  assert.ok(norm(await foot(/^Razem rozdz\. 85154 — Przeciwdziałanie alkoholizmowi$/).innerText()).includes(total(TEN.filter((r) => r[0] === '85154'))));
  assert.match(norm(await foot(/^Razem$/).innerText()), new RegExp(`${total(TEN)} \\d+(,\\d)?%$`));

  // Each cell is named by its row and its column.
  const first = saved[0].id;
  const cell = page.locator(`#f-budget-lines-${dom(first)}-executed`);
  assert.equal(await cell.evaluate((el) => el.getAttribute('aria-labelledby').split(' ').map((id) => document.getElementById(id).innerText.replace(/\s+/g, ' ').trim()).join(', ')),
    '1. rozdz. 85154 § 4170, Wykonanie');

  // Enter goes down the column, Shift+Enter and ArrowUp back up.
  await tabTo(page, (el) => el.id === `f-budget-lines-${dom(first)}-planned`, { back: true });
  await page.keyboard.press('Enter');
  assert.equal(await focusedId(page), `f-budget-lines-${dom(saved[1].id)}-planned`);
  await page.keyboard.press('ArrowDown');
  assert.equal(await focusedId(page), `f-budget-lines-${dom(saved[2].id)}-planned`);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Shift+Enter');
  assert.equal(await focusedId(page), `f-budget-lines-${dom(first)}-planned`);

  // Changing a plan moves "Plan po zmianach" with it until that is changed on its own.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('17 000,00');
  await waitUntil(async () => (await lines(page))[0].after_changes === '17000.00', { message: 'after changes follows' });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('16 000,00');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('18 000,00');
  await waitUntil(async () => (await lines(page))[0].planned === '18000.00', { message: 'plan saved' });
  assert.equal((await lines(page))[0].after_changes, '16000.00', 'a changed plan after changes stays');

  assert.deepEqual(problems, []);
  await context.close();
});

/**
 * What Excel puts on the clipboard for a treasurer's sheet: a title row, a header row in
 * another order than the grid's, Polish amounts, a chapter in a merged cell (empty below its
 * first row), a formula and a mistyped amount, two empty columns selected at the right.
 */
const EXCEL = [
  'Wydatki na realizację programu w 2025 r.\t\t\t\t\t\t\t',
  'Paragraf\tRozdział\tŹródło finansowania\tPlan (zł)\tPlan po zmianach (zł)\tWykonanie (zł)\t\t',
  '4170\t85154\topłaty za zezwolenia\t16 500,00\t16 500,00\t16 020,00 zł\t\t',
  '4300\t\topłaty za zezwolenia\t30 000,00\t33 000,00\t32 300,00\t\t',
  '4210\t85153 — Zwalczanie narkomanii\tbudżet gminy\t2 000\t-\t1536.9\t\t',
  '4610\t85154\tmałpkowe\t=D3*2\t5 000,00\t4 32O,00\t\t',
].join('\r\n') + '\r\n';

test('an Excel clipboard is pasted, previewed, one bad cell corrected, inserted and printed; one undo restores the report', async () => {
  const { context, page, problems, editor } = await (async () => {
    const app = await openApp(browser, { context: { permissions: ['clipboard-read', 'clipboard-write'] } });
    const ed = await new StartPage(app.page).newReportNamed('Dębowa');
    await sectionByKeyboard(app.page, 'Budżet', { back: true });
    return { ...app, editor: ed };
  })();
  await editor.saved();
  const before = (await storedReports(page))[0].file.report;

  await tabTo(page, (el) => el.tag === 'BUTTON' && el.text === 'Wklej z arkusza');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Wklej z arkusza: pozycje budżetu' });
  await dialog.waitFor();
  await waitUntil(async () => (await focusedId(page)) === 'paste-budget-text', { message: 'the text field focused' });
  await page.evaluate((text) => navigator.clipboard.writeText(text), EXCEL);
  await page.keyboard.press('Control+V');
  const summary = dialog.getByTestId('paste-summary');
  await waitUntil(async () => /Wiersze do wstawienia: 4\./.test(await summary.innerText()), { message: 'four rows read' });
  assert.match(await summary.innerText(), /Nagłówki kolumn odczytano z wiersza 2\./);
  assert.match(await summary.innerText(), /Nie da się odczytać: 2 komórki/);
  // Nothing is written before "Wstaw".
  assert.deepEqual((await storedReports(page))[0].file.report, before);

  // The columns were matched by their headers, in the grid's order.
  assert.equal(await dialog.getByLabel('Rozdział', { exact: true }).evaluate((s) => s.selectedOptions[0].text), 'Kolumna B: Rozdział');
  assert.equal(await dialog.getByLabel('Wykonanie', { exact: true }).evaluate((s) => s.selectedOptions[0].text), 'Kolumna F: Wykonanie (zł)');

  // Each unreadable cell says why.
  const bad = dialog.locator('input[aria-invalid="true"]');
  assert.equal(await bad.count(), 2);
  const formula = dialog.getByLabel('Wiersz 6, Plan', { exact: true });
  assert.match(await formula.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')).innerText), /formuła arkusza/);
  assert.match(await dialog.getByLabel('Wiersz 6, Wykonanie').evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')).innerText), /4 32O,00/);

  // Correct the formula with the keyboard.
  await tabTo(page, (el) => el.id === (/* the formula's cell */ 'paste-budget-cell-3-3'));
  await page.keyboard.press('Control+A');
  await page.keyboard.type('10 000,00');
  await page.keyboard.press('Tab');
  await waitUntil(async () => /Nie da się odczytać: 1 komórka/.test(await summary.innerText()), { message: 'one cell left' });

  await tabTo(page, (el) => el.tag === 'BUTTON' && el.text === 'Wstaw');
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'hidden' });
  await waitUntil(async () => (await lines(page)).length === 4, { message: 'four lines saved' });
  const saved = await lines(page);
  assert.deepEqual(
    saved.map((l) => [l.chapter, l.paragraph, l.source, l.planned, l.after_changes, l.executed]),
    [
      ['85154', '4170', 'permit_fees', '16500.00', '16500.00', '16020.00'],
      ['85154', '4300', 'permit_fees', '30000.00', '33000.00', '32300.00'],
      ['85153', '4210', 'budget', '2000.00', null, '1536.90'],
      ['85154', '4610', 'small_bottle_fee', '10000.00', '5000.00', null],
    ],
  );
  assert.equal(await focusedId(page), `f-budget-lines-${dom(saved[0].id)}-chapter`, 'focus on the first inserted row');

  // The pasted lines are printed.
  const exp = await ExportSection.open(editor);
  await exp.previewHtml();
  const printed = norm(await page.frameLocator('iframe[title="Podgląd wydruku raportu"]').locator('body').innerText());
  for (const amount of ['16 020,00', '32 300,00', '1 536,90', '10 000,00']) assert.ok(printed.includes(amount), `printed: ${amount}`);

  // One "Cofnij" takes the paste back: the stored report is again what it was.
  await sectionByKeyboard(page, 'Budżet', { back: true });
  const undo = page.getByRole('button', { name: 'Cofnij' });
  assert.match(norm(await page.getByRole('status').filter({ has: undo }).innerText()), /Wstawiono z arkusza: 4 wiersze\./);
  await tabTo(page, (el) => el.id === 'undo-list');
  await page.keyboard.press('Enter');
  await waitUntil(async () => (await lines(page)).length === 0, { message: 'the paste taken back' });
  await editor.saved();
  assert.equal(JSON.stringify((await storedReports(page))[0].file.report), JSON.stringify(before));
  assert.equal(await focusedId(page), 'paste-budget-open');
  assert.deepEqual(problems, []);
  await context.close();
});

test('removing and duplicating budget lines can be undone; an undo is not offered once the list changed again', async () => {
  const { context, page, problems } = await budgetOfNewReport();
  const add = page.getByRole('button', { name: 'Dodaj pozycję budżetu' });
  for (const code of ['85154', '85153']) {
    await add.click();
    await waitUntil(async () => /-chapter$/.test(await focusedId(page)) && (await page.evaluate(() => document.activeElement.value)) === '', { message: 'new line' });
    await page.keyboard.type(code);
  }
  await waitUntil(async () => (await lines(page)).map((l) => l.chapter).join() === '85154,85153', { message: 'two lines' });
  const [a] = await lines(page);
  // "Usuń" is named with its row.
  await page.getByRole('button', { name: /^Usuń 1\. rozdz\. 85154/ }).click();
  await waitUntil(async () => (await lines(page)).length === 1, { message: 'removed' });
  assert.equal(await focusedId(page), 'undo-list');
  await page.keyboard.press('Enter');
  await waitUntil(async () => (await lines(page)).map((l) => l.chapter).join() === '85154,85153', { message: 'put back' });
  assert.equal(await focusedId(page), `f-budget-lines-${dom(a.id)}-chapter`);

  await page.getByRole('button', { name: /^Powiel 2\. rozdz\. 85153/ }).click();
  await waitUntil(async () => (await lines(page)).map((l) => l.chapter).join() === '85154,85153,85153', { message: 'duplicated' });
  // Typing into the copy after duplicating: the undo would throw that away, so it is withdrawn.
  await page.keyboard.press('Tab');
  await page.keyboard.type('4210');
  await waitUntil(async () => (await lines(page))[2].paragraph === '4210', { message: 'typed' });
  assert.equal(await page.locator('#undo-list').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Pastes `text` through the real clipboard into the open paste dialog's "Dane z arkusza". */
async function pasteInto(page, dialog, text) {
  await waitUntil(() => page.evaluate(() => document.activeElement?.tagName === 'TEXTAREA'), { message: 'the text field focused' });
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
  return dialog.getByTestId('paste-summary');
}

/** Tabs to a preview cell by its label and types over it. */
async function correct(page, dialog, label, text) {
  const id = await dialog.getByLabel(label, { exact: true }).getAttribute('id');
  await tabTo(page, (el) => el.id === id);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

async function insertByKeyboard(page, dialog) {
  await tabTo(page, (el) => el.tag === 'BUTTON' && el.text === 'Wstaw');
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'hidden' });
}

const report = async (page) => (await storedReports(page))[0].file.report;

test('a realizers\' table of activities is pasted into a task, one bad cell corrected, printed, and taken back by one undo', async () => {
  const app = await openApp(browser, { context: { permissions: ['clipboard-read', 'clipboard-write'] } });
  const { context, page, problems } = app;
  const editor = await new StartPage(page).newReportNamed('Dębowa');
  await editor.section(/Profilaktyka informacyjna, edukacyjna i szkoleniowa \(alkohol/);
  await editor.saved();
  const before = await report(page);

  await tabTo(page, (el) => el.tag === 'BUTTON' && el.text === 'Wklej z arkusza');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Wklej z arkusza: działania' });
  const summary = await pasteInto(page, dialog, [
    'Sprawozdania realizatorów 2025\t\t\t\t\t\t',
    'Lp.\tNazwa działania\tRealizator\tLiczba uczestników\tKoszt (zł)\tStan\t',
    '1\tProgram „Spójrz inaczej”\tSP nr 1; SP nr 2\t240\t12 400,00\tzrealizowane\t',
    '2\tFestyn rodzinny z profilaktyką\tGOK\tok. 600\t3 000\tczęściowo\t',
    '3\tWarsztaty dla rodziców\tsp  NR 1\t35\t1.234,5O\t\t',
  ].join('\n'));
  await waitUntil(async () => /Wiersze do wstawienia: 3\./.test(await summary.innerText()), { message: 'three rows' });
  assert.match(await summary.innerText(), /Nie da się odczytać: 1 komórka/);
  await correct(page, dialog, 'Wiersz 5, Koszt wykonany', '1 234,50');
  await waitUntil(async () => !/Nie da się odczytać/.test(await summary.innerText()), { message: 'corrected' });
  assert.deepEqual(await report(page), before, 'nothing written before "Wstaw"');
  await insertByKeyboard(page, dialog);

  await waitUntil(async () => (await report(page)).activities.length === 3, { message: 'three activities saved' });
  const r = await report(page);
  const name = (id) => r.partners.find((p) => p.id === id).name;
  assert.deepEqual(r.activities.map((a) => [a.title, a.realizers.map(name), a.cost.executed, a.status, a.tasks, a.area]), [
    ['Program „Spójrz inaczej”', ['SP nr 1', 'SP nr 2'], '12400.00', 'done', ['alcohol.3'], 'alcohol'],
    ['Festyn rodzinny z profilaktyką', ['GOK'], '3000.00', 'partly', ['alcohol.3'], 'alcohol'],
    ['Warsztaty dla rodziców', ['SP nr 1'], '1234.50', 'done', ['alcohol.3'], 'alcohol'],
  ], 'a realizer written differently is the same partner');
  assert.equal(r.partners.length, 3);
  assert.deepEqual(r.activities[1].indicators.map((i) => [i.name, i.unit, i.achieved, i.approximate]), [['uczestnicy', 'persons', '600', true]]);
  // The overview shows them, the numbers editable in place.
  const first = page.locator('table.activity-table tbody tr').first();
  assert.match(norm(await first.innerText()), /Program „Spójrz inaczej”.* SP nr 1, SP nr 2 240 /);
  assert.equal(await first.getByRole('textbox').inputValue(), '12 400,00');
  assert.match(norm(await page.locator('table.activity-table tbody tr').nth(1).innerText()), / GOK ok\. 600 /);

  const exp = await ExportSection.open(editor);
  await exp.previewHtml();
  const printed = norm(await page.frameLocator('iframe[title="Podgląd wydruku raportu"]').locator('body').innerText());
  for (const t of ['Program „Spójrz inaczej”', 'Festyn rodzinny z profilaktyką', '1 234,50', 'GOK']) assert.ok(printed.includes(t), `printed: ${t}`);

  await editor.section(/Profilaktyka informacyjna, edukacyjna i szkoleniowa \(alkohol/);
  await page.locator('#undo-list').click();
  await waitUntil(async () => (await report(page)).activities.length === 0, { message: 'taken back' });
  await editor.saved();
  assert.equal(JSON.stringify(await report(page)), JSON.stringify(before));
  assert.deepEqual(problems, []);
  await context.close();
});

test('indicators are pasted into an activity\'s grid, one bad cell corrected, printed, and taken back by one undo', async () => {
  const app = await openApp(browser, { context: { permissions: ['clipboard-read', 'clipboard-write'] } });
  const { context, page, problems } = app;
  const editor = await new StartPage(page).newReport();
  await editor.section(/Pomoc terapeutyczna i rehabilitacyjna \(alkohol\)/);
  // Typed once the new card's title has the focus (typing before would go elsewhere).
  await addActivity(page, 'Dyżury terapeuty');
  await waitUntil(async () => (await report(page)).activities[0]?.title === 'Dyżury terapeuty', { message: 'saved' });
  await editor.saved();
  const before = await report(page);

  await tabTo(page, (el) => el.tag === 'BUTTON' && el.text === 'Wklej z arkusza' && el.id.includes('paste_indicators'));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Wklej z arkusza: wskaźniki działania' });
  const summary = await pasteInto(page, dialog, 'Wskaźnik\tj.m.\tPlanowano\tOsiągnięto\nliczba osób\tos.\t150\tok. 142\nkonsultacje\tporady\t400\t4O6\n');
  await waitUntil(async () => /Wiersze do wstawienia: 2\./.test(await summary.innerText()), { message: 'two rows' });
  await correct(page, dialog, 'Wiersz 3, Wykonanie', '406');
  await waitUntil(async () => !/Nie da się odczytać/.test(await summary.innerText()), { message: 'corrected' });
  await insertByKeyboard(page, dialog);
  await waitUntil(async () => (await report(page)).activities[0].indicators.length === 2, { message: 'two indicators saved' });
  assert.deepEqual((await report(page)).activities[0].indicators.map((i) => [i.name, i.unit, i.planned, i.achieved, i.approximate ?? false]), [
    ['liczba osób', 'persons', '150', '142', true],
    ['konsultacje', 'consultations', '400', '406', false],
  ]);

  const exp = await ExportSection.open(editor);
  await exp.previewHtml();
  const printed = norm(await page.frameLocator('iframe[title="Podgląd wydruku raportu"]').locator('body').innerText());
  assert.ok(printed.includes('ok. 142'), 'the estimate is printed with "ok."');
  assert.ok(printed.includes('406'));

  await editor.section(/Pomoc terapeutyczna i rehabilitacyjna \(alkohol\)/);
  await page.locator('#undo-list').click();
  await waitUntil(async () => (await report(page)).activities[0].indicators.length === 0, { message: 'taken back' });
  await editor.saved();
  assert.equal(JSON.stringify(await report(page)), JSON.stringify(before));
  assert.deepEqual(problems, []);
  await context.close();
});
