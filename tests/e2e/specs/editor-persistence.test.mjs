// What is typed survives a reload and a closed tab: saves are debounced and flushed on pagehide.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, baseUrl, watch } from '../lib/browser.mjs';
import { StartPage, EditorPage, storedReports, waitUntil } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a report typed into survives a reload of the page', async () => {
  const { context, page, problems } = await openApp(browser);
  const editor = await new StartPage(page).newReport();
  await page.getByLabel('Nazwa gminy').fill('Gmina Trwała');
  await waitUntil(async () => (await storedReports(page)).some((r) => r.file?.report?.gmina?.name === 'Gmina Trwała'), { message: 'saved' });
  // The address keeps the open report: the reload lands in it again, read back from storage.
  await page.reload();
  await editor.ready();
  assert.equal(await page.getByLabel('Nazwa gminy').inputValue(), 'Gmina Trwała');
  assert.match(await editor.saveState.innerText(), /Zapisano o \d\d:\d\d/);
  // And from the list, as a new visit would.
  const start = await editor.goToList();
  await start.open(/Gmina Trwała/);
  assert.equal(await page.getByLabel('Nazwa gminy').inputValue(), 'Gmina Trwała');
  assert.deepEqual(problems, []);
  await context.close();
});

test('text typed just before the tab is closed is there when the app is opened again', async () => {
  const { context, page } = await openApp(browser);
  await new StartPage(page).newReportNamed('Gmina');
  const field = page.getByLabel('Wprowadzenie');
  await field.click();
  await page.keyboard.type('Pisane do ostatniej chwili', { delay: 5 });
  // Closed well within the 400 ms debounce: only the pagehide/visibilitychange flush can save it.
  await page.close();

  const again = await context.newPage();
  const problems = watch(again);
  await again.goto(baseUrl());
  const start = new StartPage(again);
  await start.ready();
  await start.open(/Gmina/);
  assert.equal(await again.getByLabel('Wprowadzenie').inputValue(), 'Pisane do ostatniej chwili');
  assert.deepEqual(problems, []);
  await context.close();
});

// The autosave follows the activities in groups (src/app/state.rs, `change_counters`): an edit of
// an activity that was already in the report when it was opened — in the last group, not only
// the first — must be saved like any other.
test('an edit of an activity that came with the report is saved, in the last one too', async () => {
  const { context, page, problems } = await openApp(browser);
  const editor = await new StartPage(page).loadSample(/Kalisz 2020/);
  await page.reload();
  await editor.ready();
  const stored = (await storedReports(page))[0].file.report;
  const last = stored.activities[stored.activities.length - 1];
  const task = last.tasks[0];
  await page.goto(`${baseUrl()}#/raport/${stored.id}/zadanie-${task}`);
  await editor.ready();
  // Element ids write an id's '-' as '_' (src/app/paths.rs).
  const title = page.locator(`#f-activities-${last.id.replaceAll('-', '_')}-title`);
  if (!(await title.count())) {
    await page.getByRole('main').getByRole('listitem').filter({ hasText: last.title }).getByRole('button', { name: 'Rozwiń' }).first().click();
  }
  await title.fill(`${last.title} (poprawione)`);
  await waitUntil(async () => {
    const r = (await storedReports(page))[0].file.report;
    return r.activities.find((a) => a.id === last.id)?.title === `${last.title} (poprawione)`;
  }, { message: 'the edited title saved' });
  assert.deepEqual(problems, []);
  await context.close();
});
