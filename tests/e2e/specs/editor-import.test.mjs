// "Importuj plik JSON": a report file becomes a new report; a bad file is refused with a Polish
// message and nothing is stored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, openApp } from '../lib/browser.mjs';
import { StartPage, EditorPage, storedReports, waitUntil } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('an exported report file imports as a new report', async () => {
  const { context, page, problems } = await openApp(browser);
  const start = new StartPage(page);
  const editor = await start.loadSample(/Kalisz 2020/);
  await editor.section('Eksport');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Pobierz JSON' }).first().click(),
  ]);
  assert.match(download.suggestedFilename(), /^raport-gp-kalisz-2020\.json$/);
  assert.match(await page.getByTestId('last-export').innerText(), /Ostatnio pobrano kopię JSON/);
  const text = fs.readFileSync(await download.path(), 'utf8');

  await editor.goToList();
  await start.importInput.setInputFiles({ name: 'kalisz.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await new EditorPage(page).ready();
  await waitUntil(async () => (await storedReports(page)).length === 2, { message: 'imported' });
  const ids = (await storedReports(page)).map((r) => r.file.report.id);
  assert.notEqual(ids[0], ids[1], 'the import is a new report, never an overwrite');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a file that is not a report is refused with a Polish message and nothing is stored', async () => {
  const { context, page } = await openApp(browser);
  const start = new StartPage(page);
  await start.ready();
  await start.importInput.setInputFiles({ name: 'zly.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "raport-gp", "schema_version": 1, "report": {"year": "dwa tysiące"}}') });
  const error = page.getByRole('alert').filter({ hasText: 'Nie zaimportowano pliku „zly.json”' });
  await error.waitFor();
  assert.match(await error.innerText(), /year/);
  assert.equal((await storedReports(page)).length, 0);
  await context.close();
});

test('a copy of all reports downloads in one file and imports back into another browser', async () => {
  const { context, page } = await openApp(browser);
  const start = new StartPage(page);
  let editor = await start.loadSample(/Kalisz 2020/);
  await editor.goToList();
  editor = await start.loadSample(/Przykładowo 2025/);
  await editor.goToList();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Pobierz kopię wszystkich raportów (JSON)' }).click(),
  ]);
  const buffer = fs.readFileSync(await download.path());
  assert.equal(JSON.parse(buffer.toString('utf8')).reports.length, 2);
  await context.close();

  const fresh = await openApp(browser);
  const start2 = new StartPage(fresh.page);
  await start2.ready();
  await start2.importInput.setInputFiles({ name: 'kopia.json', mimeType: 'application/json', buffer });
  await fresh.page.getByText('Zaimportowano 2 raporty').waitFor();
  assert.ok(await start2.row(/Kalisz/).isVisible());
  assert.ok(await start2.row(/Przykładowo/).isVisible());
  await fresh.context.close();
});
