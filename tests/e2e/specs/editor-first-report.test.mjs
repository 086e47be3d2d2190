// A first report that does not scold: a report begun from "Nowy raport" shows a field's
// findings once the field was left, all of them in "Sprawdzenie"; an activity added under an
// alcohol task is about alcohol; no export nudge on a report begun a moment ago.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from '../lib/browser.mjs';
import { StartPage, addActivity, tabTo, waitUntil, storedReports } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const counts = async (editor) => {
  const [, e, w] = (await editor.summary.innerText()).match(/Błędy: (\d+) · Ostrzeżenia: (\d+)/);
  return [Number(e), Number(w)];
};

test('a new report shows no warning before a field was left, then the left field\'s, then all in "Sprawdzenie"', async () => {
  const { context, page, problems } = await openApp(browser);
  const editor = await new StartPage(page).newReport();
  assert.deepEqual(await counts(editor), [0, 0]);
  assert.equal(await page.locator('.field-notes').count(), 0, 'no note under any field');
  assert.equal(await page.locator('.section-nav .badge').count(), 0, 'no badge in the navigation');
  assert.match(await page.getByTestId('findings-pending').innerText(), /Raport w toku: \d+ uwag/);
  assert.equal(await page.getByText('Nie pobrano jeszcze kopii JSON').count(), 0, 'no export nudge a second after creating');
  // The kind of gmina is asked, not presumed (it was preset to "gmina miejska").
  assert.equal(await page.getByLabel('Rodzaj gminy').evaluate((s) => s.selectedOptions[0].text), '— wybierz —');

  // Leaving the gmina's name empty: its finding appears under it, and in the count.
  await tabTo(page, (el) => el.id === 'f-gmina-name');
  await page.keyboard.press('Tab');
  await waitUntil(async () => (await page.locator('#f-gmina-name-note').count()) === 1, { message: 'the name\'s note' });
  const [, warnings] = await counts(editor);
  assert.ok(warnings >= 1);
  assert.equal(await page.locator('.field-notes').count(), 1, 'only the field left has a note');

  // Asking for the check shows everything.
  await editor.section('Sprawdzenie');
  const [, all] = await counts(editor);
  assert.ok(all > warnings, `${all} > ${warnings}`);
  assert.equal(await page.locator('#check-findings > li.finding-warning').count(), all);
  await editor.section('Gmina i program');
  assert.ok((await page.locator('.field-notes').count()) > 1, 'the notes are shown under the fields now');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a sample opens with its findings shown at once', async () => {
  const { context, page } = await openApp(browser);
  const editor = await new StartPage(page).loadSample(/Kalisz 2020/);
  const [, warnings] = await counts(editor);
  assert.ok(warnings > 0);
  assert.equal(await page.getByTestId('findings-pending').count(), 0);
  await context.close();
});

test('an activity added under an alcohol task is about alcohol, not drugs', async () => {
  const { context, page } = await openApp(browser);
  const editor = await new StartPage(page).newReport();
  await editor.section(/Pomoc terapeutyczna i rehabilitacyjna \(alkohol\)/);
  // Typed once the new card's title has the focus (typing before would go elsewhere).
  await addActivity(page, 'Dyżury terapeuty');
  await waitUntil(async () => (await storedReports(page))[0]?.file?.report?.activities?.[0]?.title === 'Dyżury terapeuty', { message: 'saved' });
  assert.equal((await storedReports(page))[0].file.report.activities[0].area, 'alcohol');
  const area = page.locator('select[id$="-area"]').first();
  assert.equal(await area.evaluate((s) => s.selectedOptions[0].text), 'alkohol');
  await context.close();
});

test('a field left for the section list: the list does not move under the pointer, and the field\'s finding shows once the section is chosen', async () => {
  const { context, page, problems } = await openApp(browser);
  const editor = await new StartPage(page).newReport();
  await page.getByLabel('Kod TERYT').fill('12');
  const nav = page.getByRole('navigation', { name: 'Sekcje raportu' });
  const budget = nav.getByRole('button', { name: 'Budżet' });
  const box = await budget.boundingBox();
  // A person's click: press, a moment, release — with the focus still in the field.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(150);
  await page.mouse.up();
  await waitUntil(async () => (await page.locator('#section-title').innerText()) === 'Budżet', { message: 'Budżet opened' });
  // Now the field counts as left: its finding is in the list's badge.
  await waitUntil(async () => /błąd/.test(await nav.getByRole('button', { name: /Gmina i program/ }).innerText()), { message: 'the badge' });
  assert.deepEqual(problems, []);
  await context.close();
});
