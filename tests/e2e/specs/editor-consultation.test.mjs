// Section "Punkty konsultacyjne": a point filled with the keyboard only (hours, staff, the grid of
// people and consultations by client type, referrals onward), stable ids when points are
// removed, and the point in the printed report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from '../lib/browser.mjs';
import { StartPage, ExportSection, addAndType, sectionByKeyboard, tabAndType, tabTo, storedReports, waitUntil } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const P = 'f-consultation_points-point_1';

/** A new report with one consultation point typed by keyboard. */
async function pointByKeyboard() {
  const app = await openApp(browser);
  const { page } = app;
  const editor = await new StartPage(page).newReport();
  await sectionByKeyboard(page, 'Punkty konsultacyjne');
  await tabTo(page, (el) => el.tag === 'BUTTON' && el.text === 'Dodaj punkt konsultacyjny');
  await page.keyboard.press('Enter');
  await waitUntil(() => page.evaluate((id) => document.activeElement?.id === id, `${P}-name`), { message: 'name focused' });
  await page.keyboard.type('Punkt Konsultacyjny w Przykładowie');
  await tabAndType(page, `${P}-weekly_hours`, '7,5');
  await tabAndType(page, `${P}-staff`, 'psycholog');
  await tabAndType(page, `${P}-clients-addicted`, '30');
  await tabAndType(page, `${P}-consultations-addicted`, '82');
  await tabAndType(page, `${P}-clients-co_dependent`, '20');
  await tabAndType(page, `${P}-consultations-co_dependent`, '54');
  await tabTo(page, (el) => el.tag === 'BUTTON' && el.text === 'Dodaj skierowanie');
  await page.keyboard.press('Enter');
  await waitUntil(() => page.evaluate(() => /-referrals-.*-target$/.test(document.activeElement?.id ?? '')), { message: 'referral focused' });
  await page.keyboard.type('Poradnia Terapii Uzależnień');
  await tabAndType(page, `${P}-referrals-referral_1-persons`, '9');
  await waitUntil(async () => (await storedReports(page))[0]?.file.report.consultation_points[0]?.referrals[0]?.persons === 9, { message: 'saved' });
  return { ...app, editor };
}

test('a consultation point is added and filled with the keyboard only', async () => {
  const { context, page, problems } = await pointByKeyboard();
  const [p] = (await storedReports(page))[0].file.report.consultation_points;
  assert.equal(p.id, 'point-1');
  assert.equal(p.name, 'Punkt Konsultacyjny w Przykładowie');
  assert.equal(p.weekly_hours, '7.5');
  assert.equal(p.staff, 'psycholog');
  assert.equal(p.clients.addicted, 30);
  assert.equal(p.consultations.co_dependent, 54);
  assert.equal(p.clients.dda ?? null, null, 'an empty count is not given, not 0');
  assert.deepEqual(p.referrals.map((r) => [r.id, r.target, r.persons]), [['referral-1', 'Poradnia Terapii Uzależnień', 9]]);
  assert.equal(await page.getByTestId('clients-total').innerText(), '50');
  assert.equal(await page.getByTestId('consultations-total').innerText(), '136');
  assert.deepEqual(problems, []);
  await context.close();
});

test('every count of the grid is labelled by its client type and column', async () => {
  const { context, page } = await openApp(browser);
  const editor = await new StartPage(page).newReport();
  await editor.section('Punkty konsultacyjne');
  await page.getByRole('button', { name: 'Dodaj punkt konsultacyjny' }).click();
  await page.getByLabel('osoby współuzależnione: konsultacje').fill('12');
  await page.getByLabel('dorosłe dzieci alkoholików (DDA): osoby').fill('3');
  await waitUntil(async () => {
    const [p] = (await storedReports(page))[0]?.file.report.consultation_points ?? [];
    return p?.consultations.co_dependent === 12 && p.clients.dda === 3;
  }, { message: 'saved' });
  await context.close();
});

test('removing a consultation point keeps the ids of the others, and a new one gets a fresh id', async () => {
  const { context, page } = await openApp(browser);
  const editor = await new StartPage(page).newReport();
  await editor.section('Punkty konsultacyjne');
  const add = page.getByRole('button', { name: 'Dodaj punkt konsultacyjny' });
  await addAndType(page, add, 'Pierwszy');
  await addAndType(page, add, 'Drugi');
  await page.getByRole('group', { name: 'Pierwszy' }).getByRole('button', { name: 'Usuń punkt konsultacyjny' }).click();
  await addAndType(page, add, 'Trzeci');
  await waitUntil(async () => (await storedReports(page))[0]?.file.report.consultation_points.length === 2
    && (await storedReports(page))[0].file.report.consultation_points[1].name === 'Trzeci', { message: 'saved' });
  const points = (await storedReports(page))[0].file.report.consultation_points;
  assert.deepEqual(points.map((p) => [p.id, p.name]), [['point-2', 'Drugi'], ['point-3', 'Trzeci']]);
  await context.close();
});

test('the consultation point typed by keyboard appears in the print preview', async () => {
  const { context, page, editor } = await pointByKeyboard();
  const exp = await ExportSection.open(editor);
  await exp.previewHtml();
  const text = (await page.frameLocator('iframe[title="Podgląd wydruku raportu"]').locator('body').innerText()).replace(/\s+/g, ' ');
  assert.ok(/Punkt Konsultacyjny w Przykładowie/.test(text), 'printed: /Punkt Konsultacyjny w Przykładowie/');
  assert.ok(/Poradnia Terapii Uzależnień/.test(text), 'printed: /Poradnia Terapii Uzależnień/');
  assert.ok(/82/.test(text), 'printed: /82/');
  await context.close();
});
