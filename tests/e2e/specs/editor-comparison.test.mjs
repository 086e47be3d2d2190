// "Porównanie": linking last year's report (a chosen file, a report stored in this browser, or
// automatically by "Nowy raport na podstawie poprzedniego roku"), the two years side by side,
// fixing a pairing, unlinking, and the printed comparison.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from '../lib/browser.mjs';
import { StartPage, ExportSection, ComparisonSection, lastYearFile, storedReports, waitUntil } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The Przykładowo 2025 sample linked to last year's file, in "Porównanie". */
async function linkedSample(page) {
  const editor = await new StartPage(page).loadSample(/Przykładowo 2025/);
  const file = await lastYearFile(editor);
  const cmp = await ComparisonSection.open(editor);
  await cmp.linkFile(file);
  return { editor, cmp, file };
}

test('a chosen file of last year links the report and each row shows both years, the change and the % change', async () => {
  const { context, page, problems } = await openApp(browser);
  const { cmp } = await linkedSample(page);
  assert.match(await cmp.linkInfo.innerText(), /„Przykładowo” za 2024 r\. z pliku „raport-przykladowo-2024\.json”/);
  const gkrpa = 'Gminna komisja rozwiązywania problemów alkoholowych';
  assert.match(await page.getByRole('table', { name: /^Gminna komisja/ }).locator('thead').innerText(), /2024 r\.\s+2025 r\.\s+Zmiana\s+Zmiana %/);
  const [, last, now, change, percent] = await cmp.row(gkrpa, 'Posiedzenia');
  assert.deepEqual([last, now, change], ['12', '18', '+6']);
  assert.match(percent, /^\+50(,0)?%$/);
  // A value last year's report does not give: "brak danych", and no change computed from it.
  const inspections = await cmp.row(gkrpa, 'Kontrole punktów sprzedaży');
  assert.equal(inspections[1], 'brak danych');
  assert.equal(inspections[3], 'brak danych');
  assert.equal(inspections[4], 'brak danych');
  // Spending per chapter compares too.
  assert.ok(await cmp.table('Wydatki według rozdziałów').isVisible());
  // The link is saved with the report.
  await waitUntil(async () => {
    const r = (await storedReports(page)).find((s) => s.file?.report.year === 2025)?.file.report;
    return r?.previous_year?.source.file_name === 'raport-przykladowo-2024.json';
  }, { message: 'the link saved' });
  assert.deepEqual(problems, []);
  await context.close();
});

test('an activity renamed since last year can be paired by hand and back to automatic', async () => {
  const { context, page, problems } = await openApp(browser);
  const { cmp } = await linkedSample(page);
  const goneName = 'Działania z 2024 r., których nie ma w raporcie za 2025 r.';
  const gone = page.getByRole('heading', { name: goneName });
  await gone.waitFor();
  // Within that list: a finding in the panel may name the same activity (and appear a task later).
  const goneList = page.getByRole('list', { name: goneName });
  await goneList.getByRole('listitem').filter({ hasText: '„Grupa wsparcia dla absolwentów terapii”' }).waitFor();
  const select = page.getByLabel('Odpowiednik działania „Grupa wsparcia po terapii podstawowej” w 2024 r.');
  assert.equal(await select.locator('option:checked').innerText(), 'brak odpowiednika');
  await select.selectOption({ label: 'Grupa wsparcia dla absolwentów terapii' });
  await gone.waitFor({ state: 'detached' });
  assert.equal(await select.locator('option:checked').innerText(), 'Grupa wsparcia dla absolwentów terapii');
  await page.getByText('Dopasowano ręcznie.').first().waitFor();
  await waitUntil(async () => {
    const r = (await storedReports(page)).find((s) => s.file?.report.year === 2025)?.file.report;
    return r?.previous_year?.pairings?.some((p) => p.activity === 'activity-2' && p.previous === 'dawna-grupa');
  }, { message: 'the pairing saved' });
  // Back to the automatic pairing.
  await page.getByRole('button', { name: 'Dopasuj automatycznie działanie „Grupa wsparcia po terapii podstawowej”' }).click();
  await gone.waitFor();
  assert.equal(await select.locator('option:checked').innerText(), 'brak odpowiednika');
  assert.ok(cmp);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a report stored in this browser can be chosen as last year\'s', async () => {
  const { context, page, problems } = await openApp(browser);
  const start = new StartPage(page);
  let editor = await start.loadSample(/Przykładowo 2025/);
  const file = await lastYearFile(editor);
  await editor.goToList();
  await start.importFile(file);
  editor = await start.open(/Przykładowo.*2025/);
  const cmp = await ComparisonSection.open(editor);
  assert.equal(await cmp.stored.locator('option:checked').innerText(), 'Przykładowo 2024 r.');
  await cmp.linkStoredButton.click();
  await cmp.linkInfo.waitFor();
  assert.match(await cmp.linkInfo.innerText(), /„Przykładowo” za 2024 r\. zapisanym w tej przeglądarce/);
  assert.deepEqual(await cmp.row('Gminna komisja', 'Posiedzenia').then((c) => c.slice(1, 4)), ['12', '18', '+6']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('"Nowy raport na podstawie poprzedniego roku" gives a report linked to last year\'s', async () => {
  const { context, page, problems } = await openApp(browser);
  const start = new StartPage(page);
  const editor = await start.nextYearOfSample();
  const cmp = await ComparisonSection.open(editor);
  assert.match(await cmp.linkInfo.innerText(), /„Kalisz” za 2020 r\. zapisanym w tej przeglądarce/);
  assert.ok(await cmp.printBox.isChecked());
  // Amounts were cleared in the new year: this year's spending is "brak danych", last year's is given.
  const rows = await page.getByRole('table', { name: /^Wydatki według rozdziałów/ }).locator('tbody tr').first().locator('th, td').allInnerTexts();
  assert.notEqual(rows[1], 'brak danych');
  assert.equal(rows[2], 'brak danych');
  assert.deepEqual(problems, []);
  await context.close();
});

test('unlinking removes the comparison and "Cofnij odłączenie" brings it back', async () => {
  const { context, page, problems } = await openApp(browser);
  const { cmp } = await linkedSample(page);
  await cmp.unlinkButton.click();
  await cmp.linkInfo.waitFor({ state: 'detached' });
  assert.equal(await cmp.table('Gminna komisja').count(), 0);
  await page.getByRole('button', { name: 'Cofnij odłączenie' }).click();
  await cmp.linkInfo.waitFor();
  assert.ok(await cmp.table('Gminna komisja').isVisible());
  assert.deepEqual(problems, []);
  await context.close();
});

test('a file that is not a report links nothing and says why', async () => {
  const { context, page } = await openApp(browser);
  const editor = await new StartPage(page).loadSample(/Przykładowo 2025/);
  const cmp = await ComparisonSection.open(editor);
  await cmp.fileInput.setInputFiles({ name: 'zly.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "inny"}') });
  await page.getByText('Nie powiązano pliku „zly.json”').waitFor();
  assert.equal(await cmp.linkInfo.count(), 0);
  await context.close();
});

test('the print preview has the comparison with its chart, unless it is turned off', async () => {
  const { context, page, problems } = await openApp(browser);
  const { editor, cmp } = await linkedSample(page);
  const exp = await ExportSection.open(editor);
  const html = await exp.previewHtml();
  assert.match(html, /Porównanie z rokiem poprzednim/);
  // The budget's charts print anyway: the comparison's own chart is the one of both years.
  assert.match(html, /<svg role="img" aria-labelledby="wykres-lata-tytul wykres-lata-opis"/);
  const cmp2 = await ComparisonSection.open(editor);
  await cmp2.printBox.uncheck();
  await ExportSection.open(editor);
  const without = await exp.previewHtml();
  assert.doesNotMatch(without, /Porównanie z rokiem poprzednim/);
  assert.doesNotMatch(without, /wykres-lata/);
  assert.ok(cmp);
  assert.deepEqual(problems, []);
  await context.close();
});
