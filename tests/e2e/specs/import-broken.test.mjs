// A broken file is refused with the domain's own Polish message (what is wrong and where) in an
// alert, and nothing stored in the browser changes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openApp } from '../lib/browser.mjs';
import { StartPage, storageSnapshot } from '../lib/pages.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const broken = (name) => path.resolve(here, '../../fixtures/broken', name);

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A profile holding one stored report, on the start screen. */
async function withStoredReport() {
  const app = await openApp(browser);
  const start = new StartPage(app.page);
  const editor = await start.loadSample(/Kalisz 2020/);
  await editor.goToList();
  return { ...app, start };
}

// A distinctive part of each exact message asserted in tests/format.rs.
const CASES = [
  ['empty.json', 'Plik jest pusty'],
  ['syntax.json', 'w wierszu 12, kolumnie 5'],
  ['not-raport.json', 'To nie jest plik Raport GP'],
  ['newer-version.json', 'Plik zapisano w nowszej wersji aplikacji'],
  ['bad-amount.json', 'Kwota "12,5,0" w polu report.budget.lines[2].executed nie jest liczbą.'],
  ['bad-date.json', 'Data "2023-02-30" w polu report.prepared_on'],
  ['bad-enum.json', 'Wartość "wskazujaca" w polu report.activities[1].level jest niedozwolona'],
  ['no-data.html', 'Ten plik HTML nie zawiera danych raportu'],
];

for (const [file, message] of CASES) {
  test(`${file} is refused with its own message and changes nothing`, async () => {
    const { context, page, start, problems } = await withStoredReport();
    const before = await storageSnapshot(page);
    await start.chooseImport(broken(file));
    const alert = start.alerts.filter({ hasText: `Nie zaimportowano pliku „${file}”` });
    await alert.waitFor();
    assert.ok((await alert.innerText()).includes(message), `${await alert.innerText()} should contain ${message}`);
    assert.equal(await page.getByRole('dialog').count(), 0, 'no preview for a broken file');
    assert.deepEqual(await storageSnapshot(page), before);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('a file over the size limit is refused by its size, without being read', async () => {
  const { context, page, start } = await withStoredReport();
  // Count every read of a file's contents (File.text, File.arrayBuffer and FileReader).
  await page.evaluate(() => {
    window.__reads = 0;
    const text = Blob.prototype.text;
    Blob.prototype.text = function () { window.__reads++; return text.call(this); };
    const bytes = Blob.prototype.arrayBuffer;
    Blob.prototype.arrayBuffer = function () { window.__reads++; return bytes.call(this); };
    const read = FileReader.prototype.readAsText;
    FileReader.prototype.readAsText = function (...a) { window.__reads++; return read.apply(this, a); };
  });
  const before = await storageSnapshot(page);
  const big = Buffer.alloc(20 * 1024 * 1024 + 1, 0x20);
  await start.chooseImport({ name: 'duzy.json', mimeType: 'application/json', buffer: big });
  const alert = start.alerts.filter({ hasText: 'Nie zaimportowano pliku „duzy.json”' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /Plik jest za duży \(20 MB\); można wczytać plik o wielkości najwyżej 20 MB/);
  assert.equal(await page.evaluate(() => window.__reads), 0, 'the file was not read');
  assert.deepEqual(await storageSnapshot(page), before);
  // The counter does see reads: a small file is read once.
  await start.chooseImport(broken('empty.json'));
  await start.alerts.filter({ hasText: 'Plik jest pusty' }).waitFor();
  assert.equal(await page.evaluate(() => window.__reads), 1);
  await context.close();
});
