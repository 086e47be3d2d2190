// "Nowy raport na podstawie poprzedniego roku" copies the structure into the next year.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, openApp } from '../lib/browser.mjs';
import { StartPage, EditorPage, storedReports, waitUntil } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the next year report keeps gmina, partners and activities with amounts cleared', async () => {
  const { context, page, problems } = await openApp(browser);
  const start = new StartPage(page);
  const editor = await start.nextYearOfSample();
  assert.equal(await editor.heading.innerText(), 'Raport: Kalisz 2021');

  await waitUntil(async () => (await storedReports(page)).length === 2, { message: 'two reports' });
  const reports = (await storedReports(page)).map((r) => r.file.report);
  const prev = reports.find((r) => r.year === 2020);
  const next = reports.find((r) => r.year === 2021);
  assert.equal(next.gmina.name, prev.gmina.name);
  assert.equal(next.partners.length, prev.partners.length);
  assert.equal(next.activities.length, prev.activities.length);
  assert.ok(next.activities.every((a) => a.cost.executed == null), 'executed costs cleared');
  assert.notEqual(next.id, prev.id);

  await editor.goToList();
  assert.ok(await start.row(/Kalisz.*2021/).isVisible());
  assert.ok(await start.row(/Kalisz.*2020/).isVisible());
  assert.deepEqual(problems, []);
  await context.close();
});

test('the next year report can start from last year\'s JSON file', async () => {
  const { context, page } = await openApp(browser);
  const start = new StartPage(page);
  const editor = await start.loadSample(/Kalisz 2020/);
  await editor.section('Eksport');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Eksportuj JSON' }).last().click(),
  ]);
  const buffer = fs.readFileSync(await download.path());
  await context.close();

  // A fresh browser profile: nothing stored, only last year's file.
  const fresh = await openApp(browser);
  const start2 = new StartPage(fresh.page);
  await start2.ready();
  await start2.nextYearButton.click();
  await fresh.page.getByLabel('…albo wybierz plik JSON raportu z poprzedniego roku').setInputFiles({ name: 'kalisz-2020.json', mimeType: 'application/json', buffer });
  const editor2 = new EditorPage(fresh.page);
  await editor2.ready();
  assert.equal(await editor2.heading.innerText(), 'Raport: Kalisz 2021');
  await waitUntil(async () => (await storedReports(fresh.page)).length === 1, { message: 'stored' });
  assert.equal((await storedReports(fresh.page))[0].file.report.year, 2021);
  await fresh.context.close();
});
