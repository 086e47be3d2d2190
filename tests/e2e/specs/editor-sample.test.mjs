// The sample reports load with their findings; a finding leads to its field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from '../lib/browser.mjs';
import { StartPage, storedReports } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the Kalisz 2020 sample loads with no errors and its warnings listed with citations', async () => {
  const { context, page, problems } = await openApp(browser);
  const editor = await new StartPage(page).loadSample(/Kalisz 2020/);
  assert.equal(await editor.heading.innerText(), 'Raport: Kalisz 2020');
  assert.equal(await page.title(), 'Kalisz 2020 — Raport GP');
  assert.equal(await page.getByLabel('Nazwa gminy').inputValue(), 'Kalisz');
  const summary = await editor.summary.innerText();
  const [, errors, warnings] = summary.match(/Błędy: (\d+) · Ostrzeżenia: (\d+)/);
  assert.equal(Number(errors), 0);
  assert.ok(Number(warnings) > 0);
  // The missing date of the report is one of the expected findings.
  await editor.showFindings();
  assert.ok(await editor.findings.getByRole('button', { name: /data sporządzenia raportu/ }).isVisible());
  await editor.section('Sprawdzenie');
  const all = page.locator('#check-findings > li');
  assert.equal(await page.locator('#check-findings > li.finding-warning').count(), Number(warnings));
  assert.equal(await page.locator('#check-findings > li.finding-error').count(), Number(errors));
  assert.ok((await all.locator('.citation').count()) > 0, 'findings cite their legal basis');
  assert.deepEqual(problems, []);
  await context.close();
});

test('clicking a finding opens its section and focuses its field', async () => {
  const { context, page } = await openApp(browser);
  const editor = await new StartPage(page).loadSample(/Kalisz 2020/);
  await editor.section('Eksport');
  await editor.showFindings();
  await editor.findings.getByRole('button', { name: /data sporządzenia raportu/ }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'f-prepared_on');
  assert.equal(await editor.sectionHeading().innerText(), 'Gmina i program');
  await context.close();
});

test('the joint-program sample shows every statutory task of its regime as a section', async () => {
  const { context, page } = await openApp(browser);
  const editor = await new StartPage(page).loadSample(/Przykładowo 2025/);
  assert.match(await editor.heading.innerText(), /2025/);
  const names = await editor.sections.getByRole('button').allInnerTexts();
  assert.ok(names.some((n) => n.includes('(alkohol)')), 'alcohol tasks are listed');
  assert.ok(names.some((n) => n.includes('(narkomania)')), 'drug tasks are listed');
  await context.close();
});

test('a money field shows its parse error on blur, tied to the field, and formats what parses', async () => {
  const { context, page } = await openApp(browser);
  const editor = await new StartPage(page).newReport();
  await editor.section('Budżet');
  const income = page.getByLabel('Dochody z opłat za zezwolenia w roku');
  await income.fill('12,5,0');
  assert.equal(await income.getAttribute('aria-invalid'), null, 'no error while typing');
  await income.blur();
  assert.equal(await income.getAttribute('aria-invalid'), 'true');
  const errorId = (await income.getAttribute('aria-describedby')).split(' ').find((id) => id.endsWith('-error'));
  const error = page.locator(`[id="${errorId}"]`);
  assert.match(await error.innerText(), /przecinek/);
  await income.fill('148543,63');
  await income.blur();
  assert.equal(await income.inputValue(), '148 543,63');
  assert.equal(await income.getAttribute('aria-invalid'), null);
  await context.close();
});

test('a finding about an activity expands its card and moves focus into it', async () => {
  const { context, page } = await openApp(browser);
  const editor = await new StartPage(page).loadSample(/Kalisz 2020/);
  await editor.section('Sprawdzenie');
  const finding = page.locator('#check-findings').getByRole('button', { name: /Działanie „/ }).first();
  const title = (await finding.innerText()).match(/Działanie „([^”]+)”/)[1];
  await finding.click();
  await page.waitForFunction(() => document.activeElement?.closest('li.card') != null);
  const card = page.locator('li.card:has(:focus)');
  assert.equal(await page.evaluate(() => document.activeElement.id.endsWith('-indicators')), true, 'the indicators of the activity have focus');
  assert.equal(await card.getByLabel('Nazwa działania').inputValue(), title);
  assert.equal(await card.getByRole('button', { name: 'Zwiń' }).getAttribute('aria-expanded'), 'true');
  await context.close();
});

test('a finding is also shown under its field and tied to it by aria-describedby', async () => {
  const { context, page } = await openApp(browser);
  await new StartPage(page).loadSample(/Kalisz 2020/);
  const field = page.getByLabel('Data przygotowania');
  const ids = (await field.getAttribute('aria-describedby')).split(' ');
  const noteId = ids.find((id) => id.endsWith('-note'));
  assert.ok(noteId, 'the field is described by its note');
  assert.match(await page.locator(`[id="${noteId}"]`).innerText(), /data sporządzenia raportu/);
  // Filling the field clears the note once the checks run again (after input settles).
  await field.fill('2021-03-15');
  await page.locator(`[id="${noteId}"]`).waitFor({ state: 'detached' });
  assert.equal(await field.getAttribute('aria-describedby'), null);
  await context.close();
});

test('a sample that cannot be fetched says why, and no report is made', async () => {
  const { context, page, problems } = await openApp(browser);
  // The samples are fetched when chosen: here the network fails on a first visit.
  await page.route('**/samples/*.json', (route) => route.abort('internetdisconnected'));
  const start = new StartPage(page);
  await start.sampleButton.click();
  await page.getByRole('button', { name: /Kalisz 2020/ }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Nie wczytano przykładu' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /„Kalisz 2020 — program przeciwdziałania narkomanii”: nie udało się go pobrać \(brak połączenia z internetem\?\)/);
  assert.equal(await start.heading.isVisible(), true);
  assert.deepEqual(await storedReports(page), []);
  // Once the network is back, the same button loads it.
  await page.unroute('**/samples/*.json');
  await page.getByRole('button', { name: /Kalisz 2020/ }).click();
  await page.getByLabel('Nazwa gminy').waitFor();
  assert.equal(await page.getByLabel('Nazwa gminy').inputValue(), 'Kalisz');
  assert.deepEqual(problems.filter((p) => !/samples\/kalisz-2020\.json|Failed to load resource/.test(p)), []);
  await context.close();
});
