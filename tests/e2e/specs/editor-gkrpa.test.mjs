// Section "Komisja (GKRPA)": filled with the keyboard only, counts left empty stay "not given",
// offered for the alcohol and joint programs, and printed in the report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from '../lib/browser.mjs';
import { StartPage, ExportSection, sectionByKeyboard, tabAndType, storedReports, waitUntil } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const FIGURES = [
  ['f-gkrpa-members', '6'],
  ['f-gkrpa-trained_members', '5'],
  ['f-gkrpa-meetings', '18'],
  ['f-gkrpa-interviews', '26'],
  ['f-gkrpa-referred_to_expert', '7'],
  ['f-gkrpa-court_applications', '4'],
  ['f-gkrpa-permit_opinions_positive', '9'],
  ['f-gkrpa-permit_opinions_negative', '1'],
  ['f-gkrpa-inspections', '12'],
  ['f-gkrpa-test_purchases', '0'],
  // blue_card_groups is left empty on purpose
  ['f-gkrpa-cost', '16 200,00'],
  ['f-gkrpa-pay_per_meeting', '150'],
  ['f-gkrpa-notes', 'Komisja pracowała w dwóch zespołach.'],
];

/** A new (joint, last year's) report with the GKRPA section filled by keyboard. */
async function filledByKeyboard() {
  const app = await openApp(browser);
  const editor = await new StartPage(app.page).newReport();
  await sectionByKeyboard(app.page, 'Komisja (GKRPA)');
  for (const [id, text] of FIGURES) await tabAndType(app.page, id, text);
  await waitUntil(async () => (await storedReports(app.page))[0]?.file.report.gkrpa.notes === 'Komisja pracowała w dwóch zespołach.', { message: 'saved' });
  return { ...app, editor };
}

test('the GKRPA section is filled with the keyboard only and saved', async () => {
  const { context, page, problems } = await filledByKeyboard();
  const g = (await storedReports(page))[0].file.report.gkrpa;
  assert.equal(g.members, 6);
  assert.equal(g.meetings, 18);
  assert.equal(g.permit_opinions_negative, 1);
  assert.equal(g.test_purchases, 0, 'a typed 0 is kept as 0');
  assert.equal(g.cost, '16200.00');
  assert.equal(g.pay_per_meeting, '150.00');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a GKRPA count left empty is saved as "not given", never as 0', async () => {
  const { context, page } = await filledByKeyboard();
  const g = (await storedReports(page))[0].file.report.gkrpa;
  assert.equal(g.blue_card_groups ?? null, null);
  // Emptying a typed count makes it "not given" again.
  await page.getByLabel('Posiedzenia komisji').fill('');
  await waitUntil(async () => ((await storedReports(page))[0].file.report.gkrpa.meetings ?? null) === null, { message: 'emptied count saved' });
  await context.close();
});

test('a count that is not a whole number is explained next to its field on leaving it', async () => {
  const { context, page } = await openApp(browser);
  const editor = await new StartPage(page).newReport();
  await editor.section('Komisja (GKRPA)');
  const field = page.getByLabel('Liczba członków komisji');
  await field.fill('2,5');
  await field.press('Tab');
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#f-gkrpa-members-error').innerText(), /liczbą całkowitą/);
  await context.close();
});

test('the GKRPA section is offered for the alcohol and joint programs, not for a drug-only one', async () => {
  const { context, page } = await openApp(browser);
  const editor = await new StartPage(page).newReport();
  const link = editor.sections.getByRole('button', { name: 'Komisja (GKRPA)' });
  assert.equal(await link.count(), 1, 'joint program');
  const regime = page.getByLabel('Rodzaj programu');
  await regime.selectOption('drug_only');
  await link.waitFor({ state: 'detached' });
  await regime.selectOption('alcohol_only');
  await link.waitFor();
  await context.close();
});

test('the GKRPA figures typed by keyboard appear in the print preview', async () => {
  const { context, page, editor } = await filledByKeyboard();
  const exp = await ExportSection.open(editor);
  await exp.previewHtml();
  const text = (await page.frameLocator('iframe[title="Podgląd wydruku raportu"]').locator('body').innerText()).replace(/\s+/g, ' ');
  assert.ok(/komisj/i.test(text), 'printed: /komisj/i');
  assert.ok(/16 200,00/.test(text), 'printed: /16 200,00/');
  assert.ok(/150,00/.test(text), 'printed: /150,00/');
  await context.close();
});
