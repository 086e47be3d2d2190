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
