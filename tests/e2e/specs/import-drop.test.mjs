// A file dropped on the marked drop zone goes through the same import pipeline as a chosen one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from '../lib/browser.mjs';
import { StartPage, ExportSection, ImportDialog, downloadOf, storedReports } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function drop(page, zone, name, text, type = 'application/json') {
  const dataTransfer = await page.evaluateHandle(([n, t, ty]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], n, { type: ty }));
    return dt;
  }, [name, text, type]);
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
}

test('a report file dropped on the drop zone is previewed and imported', async () => {
  const first = await openApp(browser);
  const editor = await new StartPage(first.page).loadSample(/Kalisz 2020/);
  const exp = await ExportSection.open(editor);
  const file = await downloadOf(first.page, exp.jsonButton);
  await first.context.close();

  const { context, page, problems } = await openApp(browser);
  const start = new StartPage(page);
  await start.ready();
  await drop(page, start.dropZone, 'kalisz.json', file.text);
  const dialog = await new ImportDialog(page).ready();
  assert.match(await dialog.dialog.innerText(), /Plik „kalisz\.json” zawiera 1 raport/);
  await dialog.confirm();
  await start.row(/Kalisz/).waitFor();
  assert.equal((await storedReports(page))[0].file.report.gmina.name, 'Kalisz');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a broken file dropped on the drop zone shows its message', async () => {
  const { context, page } = await openApp(browser);
  const start = new StartPage(page);
  await start.ready();
  await drop(page, start.dropZone, 'zly.json', '{"format": "raport-gp", "schema_version": 7}');
  await start.alerts.filter({ hasText: 'Nie zaimportowano pliku „zly.json”: Plik zapisano w nowszej wersji' }).waitFor();
  assert.equal((await storedReports(page)).length, 0);
  await context.close();
});
