// Deleting a report or an activity can be undone ("Cofnij").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from '../lib/browser.mjs';
import { StartPage, addActivity, storedReports, waitUntil } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a deleted report comes back with "Cofnij"', async () => {
  const { context, page } = await openApp(browser);
  const start = new StartPage(page);
  const editor = await start.loadSample(/Kalisz 2020/);
  await editor.goToList();
  await start.row(/Kalisz/).getByRole('button', { name: 'Usuń' }).click();
  await page.getByText('Usunięto raport „Kalisz 2020”.').waitFor();
  assert.equal(await start.row(/Kalisz/).count(), 0);
  assert.equal((await storedReports(page)).length, 0);

  await page.getByRole('button', { name: 'Cofnij' }).click();
  await start.row(/Kalisz/).waitFor();
  const stored = await storedReports(page);
  assert.equal(stored.length, 1);
  assert.equal(stored[0].file.report.gmina.name, 'Kalisz');
  await context.close();
});

test('a removed activity comes back with "Cofnij" in its place', async () => {
  const { context, page } = await openApp(browser);
  const editor = await new StartPage(page).newReport();
  await editor.section(/Pomoc terapeutyczna i rehabilitacyjna \(narkomania\)/);
  for (const title of ['Pierwsze', 'Drugie']) {
    await addActivity(page, title);
  }
  const cards = page.locator('ol.cards > li');
  await cards.filter({ hasText: 'Pierwsze' }).getByRole('button', { name: 'Usuń', exact: true }).click();
  await page.getByText('Usunięto działanie „Pierwsze”.').waitFor();
  assert.deepEqual((await cards.locator('h3').allTextContents()).map((t) => t.trim()), ['Drugie']);
  await page.getByRole('button', { name: 'Cofnij' }).click();
  assert.deepEqual((await cards.locator('h3').allTextContents()).map((t) => t.trim()), ['Pierwsze', 'Drugie']);
  await waitUntil(async () => (await storedReports(page))[0].file.report.activities.length === 2, { message: 'saved' });
  await context.close();
});
