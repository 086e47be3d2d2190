// Import is previewed before anything is written: what the file holds and what it replaces;
// "Anuluj" (or Esc) writes nothing; "Importuj" keeps the previous version and "Cofnij import"
// restores it exactly.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from '../lib/browser.mjs';
import { StartPage, ExportSection, downloadOf, storageSnapshot, storedReports, waitUntil } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A profile with the Kalisz sample stored and exported; back on the start screen. */
async function storedAndExported() {
  const app = await openApp(browser);
  const start = new StartPage(app.page);
  const editor = await start.loadSample(/Kalisz 2020/);
  const exp = await ExportSection.open(editor);
  const file = await downloadOf(app.page, exp.jsonButton);
  return { ...app, start, editor, file };
}

test('the preview shows gmina, year, regime, counts and that it replaces the stored report', async () => {
  const { context, page, start, editor, file } = await storedAndExported();
  await editor.goToList();
  const dialog = await start.importPreview(file.path);
  assert.equal(await dialog.dialog.getAttribute('aria-modal'), 'true');
  await waitUntil(async () => (await page.evaluate(() => document.activeElement?.id)) === 'import-preview-title', { message: 'focus moved into the dialog' });
  const text = await dialog.dialog.innerText();
  assert.match(text, /Kalisz 2020/);
  assert.match(text, /Gmina\s+Kalisz/);
  assert.match(text, /Rok\s+2020/);
  assert.match(text, /Rodzaj programu\s+program przeciwdziałania narkomanii/);
  assert.match(text, /Działania\s+\d+/);
  assert.match(text, /Partnerzy\s+\d+/);
  assert.match(text, /Pozycje budżetu\s+\d+/);
  assert.match(text, /Sprawdzenie\s+(bez błędów|\d+ błę)/);
  assert.match(text, /Zastąpi raport „Kalisz 2020” zapisany w tej przeglądarce \(ostatnia zmiana: \d\d\.\d\d\.\d{4}/);
  await dialog.cancel();
  await context.close();
});

test('"Anuluj" closes the preview and writes nothing', async () => {
  const { context, page, start, editor, file } = await storedAndExported();
  await editor.goToList();
  const before = await storageSnapshot(page);
  const dialog = await start.importPreview(file.path);
  await dialog.cancel();
  assert.deepEqual(await storageSnapshot(page), before);
  await waitUntil(async () => (await page.evaluate(() => document.activeElement?.id)) === 'import-file', { message: 'focus back on the file input' });
  await context.close();
});

test('Esc cancels the preview and writes nothing', async () => {
  const { context, page, start, editor, file } = await storedAndExported();
  await editor.goToList();
  const before = await storageSnapshot(page);
  const dialog = await start.importPreview(file.path);
  // The dialog takes focus on the frame after it appears; Esc is pressed where focus is.
  await waitUntil(() => page.evaluate(() => !!document.activeElement?.closest('[role=dialog]')), { message: 'focus in the dialog' });
  await page.keyboard.press('Escape');
  await dialog.dialog.waitFor({ state: 'detached' });
  assert.deepEqual(await storageSnapshot(page), before);
  await context.close();
});

test('"Importuj" replaces the report, and "Cofnij import" restores the previous version exactly', async () => {
  const { context, page, start, editor, file } = await storedAndExported();
  // Change the stored report after the export.
  await editor.section('Gmina i program');
  await page.getByLabel('Nazwa gminy').fill('Kalisz (zmieniony)');
  await waitUntil(async () => (await storedReports(page))[0].file.report.gmina.name === 'Kalisz (zmieniony)', { message: 'saved' });
  await editor.goToList();
  const [changed] = await storedReports(page);

  const dialog = await start.importPreview(file.path);
  assert.match(await dialog.dialog.innerText(), /Zastąpi raport „Kalisz \(zmieniony\) 2020”/);
  await dialog.confirm();
  await start.importStatus.getByText('Zaimportowano 1 raport').waitFor();
  let stored = await storedReports(page);
  assert.equal(stored.length, 1, 'replaced, not added');
  assert.equal(stored[0].file.report.gmina.name, 'Kalisz');
  assert.ok(await start.row(/Kalisz 2020|Kalisz/).isVisible());

  await start.undoImport.click();
  await start.importStatus.getByText('Cofnięto import').waitFor();
  stored = await storedReports(page);
  assert.equal(stored.length, 1);
  assert.equal(stored[0].text, changed.text, 'the stored text is exactly the previous one');
  assert.equal(await start.undoImport.count(), 0);
  await context.close();
});

test('"Cofnij import" removes the reports the import added', async () => {
  const { context, file } = await storedAndExported();
  await context.close();
  const { context: c2, page } = await openApp(browser);
  const start = new StartPage(page);
  await start.ready();
  const before = await storageSnapshot(page);
  const dialog = await start.importPreview(file.path);
  assert.match(await dialog.dialog.innerText(), /Nowy raport w tej przeglądarce/);
  await dialog.confirm();
  await start.row(/Kalisz/).waitFor();
  assert.equal((await storedReports(page)).length, 1);
  await start.undoImport.click();
  await start.importStatus.getByText('Cofnięto import').waitFor();
  assert.equal((await storedReports(page)).length, 0);
  const after = await storageSnapshot(page);
  assert.deepEqual(Object.keys(after).filter((k) => k.includes('/report/')), Object.keys(before).filter((k) => k.includes('/report/')));
  await c2.close();
});

test('"Cofnij import" stays available after opening a report and coming back', async () => {
  const { context, page, start, editor, file } = await storedAndExported();
  await editor.goToList();
  await start.importFile(file.path);
  const again = await start.open(/Kalisz/);
  await again.goToList();
  await start.undoImport.waitFor();
  await context.close();
});
