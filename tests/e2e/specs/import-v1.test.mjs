// Files of schema version 1 (the previous release): the preview says they are migrated, and the
// old task ids land under the statute's point numbers (pkt 4 of art. 4¹ ust. 1 is repealed:
// version 1's alcohol.4/5/6 are pkt 5/6/7).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, openApp } from '../lib/browser.mjs';
import { StartPage, storedReports } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const FIXTURE = new URL('../../fixtures/raport-gp-v1.json', import.meta.url);

/** A small version 1 file that uses the old numbers 4, 5 and 6 of the alcohol tasks. */
function v1File() {
  const file = {
    format: 'raport-gp',
    schema_version: 1,
    app_version: '0.1.0',
    saved_at: '2023-03-01T10:00:00Z',
    report: {
      id: 'stare-lipowo-2022',
      year: 2022,
      gmina: { name: 'Stare Lipowo', kind: 'rural' },
      program: { title: 'Gminny program 2022', regime: 'joint', period_from: 2022, period_to: 2022 },
      activities: [
        { id: 'act-1', title: 'Dotacja dla stowarzyszenia abstynentów', tasks: ['alcohol.4'] },
        { id: 'act-2', title: 'Wnioski komisji do sądu', tasks: ['alcohol.5'] },
      ],
      task_gaps: [{ task: 'alcohol.6', reason: 'W gminie nie działa centrum integracji społecznej.' }],
    },
  };
  return { name: 'stare-lipowo-2022.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file, null, 2)) };
}

const SUPPORT = 'Wspomaganie instytucji, stowarzyszeń i osób fizycznych (alkohol)';
const INTERVENTIONS = /Interwencje \(art/;
const EMPLOYMENT = /Zatrudnienie socjalne/;

test('the import preview says a version 1 file will be saved in version 2 with renumbered tasks', async () => {
  const { context, page, problems } = await openApp(browser);
  const start = new StartPage(page);
  await start.ready();
  const dialog = await start.importPreview(v1File());
  const note = dialog.dialog.getByTestId('import-migration');
  const text = await note.innerText();
  assert.match(text, /wersji 1/);
  assert.match(text, /wersji 2/);
  assert.match(text, /pkt 4/);
  await dialog.cancel();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a file of the current version gets no migration note', async () => {
  const { context, page } = await openApp(browser);
  const start = new StartPage(page);
  await start.ready();
  const current = JSON.parse(v1File().buffer.toString());
  current.schema_version = 2;
  const dialog = await start.importPreview({ name: 'v2.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(current)) });
  assert.equal(await dialog.dialog.getByTestId('import-migration').count(), 0);
  await dialog.cancel();
  await context.close();
});

test('after importing a version 1 file, the old task 4 activity sits under pkt 5 and task 5 under pkt 6', async () => {
  const { context, page } = await openApp(browser);
  const start = new StartPage(page);
  await start.ready();
  await start.importFile(v1File());
  const editor = await start.open(/Stare Lipowo/);

  await editor.section(SUPPORT);
  assert.match(await page.locator('section.section cite').first().innerText(), /pkt 5/);
  await page.getByRole('heading', { level: 3, name: 'Dotacja dla stowarzyszenia abstynentów' }).waitFor();

  await editor.section(INTERVENTIONS);
  assert.match(await page.locator('section.section cite').first().innerText(), /pkt 6/);
  await page.getByRole('heading', { level: 3, name: 'Wnioski komisji do sądu' }).waitFor();

  const [{ file }] = await storedReports(page);
  assert.equal(file.schema_version, 2);
  assert.deepEqual(file.report.activities.map((a) => a.tasks), [['alcohol.5'], ['alcohol.6']]);
  await context.close();
});

test('the published version 1 fixture imports with its reason for old task 6 under pkt 7', async () => {
  const { context, page } = await openApp(browser);
  const start = new StartPage(page);
  await start.ready();
  const dialog = await start.importPreview({ name: 'raport-gp-v1.json', mimeType: 'application/json', buffer: fs.readFileSync(FIXTURE) });
  await dialog.dialog.getByTestId('import-migration').waitFor();
  await dialog.confirm();
  const editor = await start.open(/Lipowo Wielkie/);
  await editor.section(EMPLOYMENT);
  assert.match(await page.locator('section.section cite').first().innerText(), /pkt 7/);
  assert.equal(await page.getByLabel('Powód niezrealizowania zadania').inputValue(), 'Na terenie gminy nie działa centrum integracji społecznej.');
  await context.close();
});
