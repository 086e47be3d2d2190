// "Eksport": each download has its file name, carries the report's data, and is recorded as an
// export (which quiets the editor's nudge); the print preview shows the printable report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, openApp } from '../lib/browser.mjs';
import { StartPage, ExportSection, downloadOf, docxText, storedReports, waitUntil, PREFIX } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('"Eksportuj JSON" downloads raport-kalisz-2020.json in the file format', async () => {
  const { context, page, problems } = await openApp(browser);
  const editor = await new StartPage(page).loadSample(/Kalisz 2020/);
  const exp = await ExportSection.open(editor);
  const file = await downloadOf(page, exp.jsonButton);
  assert.equal(file.name, 'raport-kalisz-2020.json');
  const json = JSON.parse(file.text);
  assert.equal(json.format, 'raport-gp');
  assert.equal(json.schema_version, 2);
  assert.equal(json.report.gmina.name, 'Kalisz');
  assert.deepEqual(problems, []);
  await context.close();
});

test('an export is recorded with the report and the nudge disappears', async () => {
  const { context, page } = await openApp(browser);
  const start = new StartPage(page);
  const editor = await start.loadSample(/Kalisz 2020/);
  const nudge = page.getByText('Nie pobrano jeszcze kopii JSON tego raportu.', { exact: false }).first();
  await nudge.waitFor();
  const exp = await ExportSection.open(editor);
  await downloadOf(page, exp.jsonButton);
  await page.locator('.nudge').waitFor({ state: 'detached' });
  assert.match(await page.getByTestId('last-export').innerText(), /Ostatnio pobrano kopię JSON: \d\d\.\d\d\.\d{4}/);
  const index = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), `${PREFIX}index`));
  assert.equal(Object.values(index).filter((m) => typeof m.exported_at === 'number').length, 1);
  // Remembered when the report is opened again.
  await editor.goToList();
  const again = await start.open(/Kalisz/);
  await again.section('Eksport');
  assert.match(await page.getByTestId('last-export').innerText(), /Ostatnio pobrano kopię JSON/);
  assert.equal(await page.locator('.nudge').count(), 0);
  await context.close();
});

test('the file name is an ASCII slug of the gmina name with Polish letters transliterated', async () => {
  const { context, page } = await openApp(browser);
  const editor = await new StartPage(page).newReport();
  await page.getByLabel('Nazwa gminy').fill('Żółć Gęślą  Jaźń (Łąki)');
  const year = await page.getByLabel('Rok, którego dotyczy raport').inputValue();
  const exp = await ExportSection.open(editor);
  const file = await downloadOf(page, exp.jsonButton);
  assert.equal(file.name, `raport-zolc-gesla-jazn-laki-${year}.json`);
  await context.close();
});

test('"Pobierz HTML" downloads raport-kalisz-2020.html with the report data embedded', async () => {
  const { context, page } = await openApp(browser);
  const editor = await new StartPage(page).loadSample(/Kalisz 2020/);
  const exp = await ExportSection.open(editor);
  const file = await downloadOf(page, exp.htmlButton);
  assert.equal(file.name, 'raport-kalisz-2020.html');
  assert.match(file.text, /^<!DOCTYPE html>/);
  assert.match(file.text, /<html lang="pl">/);
  assert.match(file.text, /Content-Security-Policy/);
  const data = file.text.match(/<script type="application\/json" id="raport-gp-data">([\s\S]*?)<\/script>/);
  assert.ok(data, 'the report JSON is embedded');
  assert.equal(JSON.parse(data[1]).report.gmina.name, 'Kalisz');
  await context.close();
});

test('"Pobierz DOCX" downloads raport-kalisz-2020.docx, a Word package with the print\'s text, by keyboard', async () => {
  const { context, page, problems } = await openApp(browser);
  const editor = await new StartPage(page).loadSample(/Kalisz 2020/);
  const exp = await ExportSection.open(editor);
  await exp.htmlButton.focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Pobierz DOCX');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.equal(download.suggestedFilename(), 'raport-kalisz-2020.docx');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'raport-docx-')), download.suggestedFilename());
  await download.saveAs(file);
  const text = docxText(file);
  for (const must of ['Raport z realizacji programu', '148 543,63 zł', 'art. 10 ust. 1', 'Wydatki na realizację programu']) {
    assert.ok(text.includes(must), `the document says ${must}`);
  }
  // An edit reaches the document at once, and a Word file is not a copy of the data: the
  // nudge to download the JSON stays.
  await editor.section('Gmina i program');
  await page.getByLabel('Nazwa gminy').fill('Kalisz nad Prosną');
  await ExportSection.open(editor);
  const again = await downloadOf(page, exp.docxButton);
  assert.equal(again.name, 'raport-kalisz-nad-prosna-2020.docx');
  assert.ok(docxText(again.path).includes('Kalisz nad Prosną'));
  assert.match(await page.getByTestId('last-export').innerText(), /Nie pobrano jeszcze kopii JSON/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('"Eksportuj wszystko" downloads raport-gp-kopia-<date>.json with every report', async () => {
  const { context, page } = await openApp(browser);
  const start = new StartPage(page);
  let editor = await start.loadSample(/Kalisz 2020/);
  await editor.goToList();
  editor = await start.loadSample(/Przykładowo 2025/);
  const exp = await ExportSection.open(editor);
  const file = await downloadOf(page, exp.allButton);
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  assert.equal(file.name, `raport-gp-kopia-${today}.json`);
  const json = JSON.parse(file.text);
  assert.equal(json.format, 'raport-gp-backup');
  assert.deepEqual(json.reports.map((r) => r.gmina.name).sort(), ['Kalisz', 'Przykładowo']);
  await context.close();
});

test('"Podgląd wydruku" shows the printable report in a frame, following the layout choice', async () => {
  const { context, page, problems } = await openApp(browser);
  const editor = await new StartPage(page).loadSample(/Kalisz 2020/);
  const exp = await ExportSection.open(editor);
  const byGoal = await exp.previewHtml();
  assert.match(byGoal, /Kalisz/);
  const frame = page.frameLocator('iframe[title="Podgląd wydruku raportu"]');
  assert.match(await frame.getByRole('heading', { level: 1 }).innerText(), /Raport z realizacji programu w 2020 roku/);
  assert.match(await frame.locator('body').innerText(), /Kalisz/);
  const before = await exp.layout.inputValue();
  const other = before === 'by_goal' ? 'by_task' : 'by_goal';
  await exp.layout.selectOption(other);
  await waitUntil(async () => (await exp.preview.getAttribute('srcdoc')) !== byGoal, { message: 'preview re-rendered' });
  await waitUntil(async () => (await storedReports(page))[0].file.report.layout === other, { message: 'layout saved' });
  assert.deepEqual(problems, []);
  await context.close();
});

test('"Drukuj" prints the preview document, not the app', async () => {
  const { context, page } = await openApp(browser);
  const editor = await new StartPage(page).loadSample(/Kalisz 2020/);
  const exp = await ExportSection.open(editor);
  await exp.previewHtml();
  await page.evaluate(() => {
    window.__printed = [];
    window.print = () => window.__printed.push('app');
    const frame = document.querySelector('iframe[title="Podgląd wydruku raportu"]');
    frame.contentWindow.print = () => window.__printed.push(frame.contentDocument.title);
  });
  await exp.printButton.click();
  const printed = await page.evaluate(() => window.__printed);
  assert.equal(printed.length, 1);
  assert.notEqual(printed[0], 'app');
  assert.match(printed[0], /Kalisz/);
  await context.close();
});
