// Files travel between browsers: what one browser exports, a fresh profile imports as the same
// report (JSON, the printable HTML, and the copy of every report).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, openApp } from '../lib/browser.mjs';
import { StartPage, ExportSection, downloadOf, storedReports } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Loads a sample and downloads it with the Eksport button `which` ('jsonButton', ...). */
async function exportSample(name, which) {
  const { context, page } = await openApp(browser);
  const editor = await new StartPage(page).loadSample(name);
  const exp = await ExportSection.open(editor);
  const json = await downloadOf(page, exp.jsonButton);
  const file = which === 'jsonButton' ? json : await downloadOf(page, exp[which]);
  await context.close();
  return { file, report: JSON.parse(json.text).report };
}

/** Imports `path` in a fresh profile, opens the report and exports it again as JSON. */
async function importAndReexport(path) {
  const { context, page, problems } = await openApp(browser);
  const start = new StartPage(page);
  await start.ready();
  await start.importFile(path);
  const editor = await start.open(/Kalisz/);
  const exp = await ExportSection.open(editor);
  const again = await downloadOf(page, exp.jsonButton);
  await context.close();
  return { reexported: JSON.parse(again.text), problems };
}

test('a JSON export imported into a fresh browser profile is the identical report', async () => {
  const { file, report } = await exportSample(/Kalisz 2020/, 'jsonButton');
  const { reexported, problems } = await importAndReexport(file.path);
  assert.deepEqual(reexported.report, report);
  assert.deepEqual(problems, []);
});

test('the downloaded printable HTML imports back as the identical report', async () => {
  const { file, report } = await exportSample(/Kalisz 2020/, 'htmlButton');
  assert.equal(file.name, 'raport-kalisz-2020.html');
  const { reexported, problems } = await importAndReexport(file.path);
  assert.deepEqual(reexported.report, report);
  assert.deepEqual(problems, []);
});

test('"Eksportuj wszystko" restores every report in a fresh browser profile', async () => {
  const { context, page } = await openApp(browser);
  const start = new StartPage(page);
  let editor = await start.loadSample(/Kalisz 2020/);
  await editor.goToList();
  editor = await start.loadSample(/Przykładowo 2025/);
  await editor.goToList();
  const before = (await storedReports(page)).map((r) => r.file.report);
  const file = await downloadOf(page, start.exportAllButton);
  assert.match(file.name, /^raport-gp-kopia-\d{4}-\d\d-\d\d\.json$/);
  await context.close();

  const fresh = await openApp(browser);
  const start2 = new StartPage(fresh.page);
  await start2.ready();
  const dialog = await start2.importPreview(file.path);
  assert.equal(await dialog.items.count(), 2);
  await dialog.confirm();
  await start2.importStatus.getByText('Zaimportowano 2 raporty').waitFor();
  assert.ok(await start2.row(/Kalisz/).isVisible());
  assert.ok(await start2.row(/Przykładowo/).isVisible());
  const after = (await storedReports(fresh.page)).map((r) => r.file.report);
  const byId = (list) => Object.fromEntries(list.map((r) => [r.id, r]));
  assert.deepEqual(byId(after), byId(before));
  await fresh.context.close();
});

test('a file chosen again after an import is read again', async () => {
  const { file } = await exportSample(/Kalisz 2020/, 'jsonButton');
  const { context, page } = await openApp(browser);
  const start = new StartPage(page);
  await start.ready();
  await start.importFile({ name: 'a.json', mimeType: 'application/json', buffer: fs.readFileSync(file.path) });
  const dialog = await start.importPreview({ name: 'a.json', mimeType: 'application/json', buffer: fs.readFileSync(file.path) });
  assert.match(await dialog.dialog.innerText(), /Zastąpi/);
  await dialog.cancel();
  await context.close();
});
