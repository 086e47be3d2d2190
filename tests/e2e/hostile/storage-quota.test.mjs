// When localStorage is full, the save failure is shown as a persistent banner, nothing stored is
// damaged, the typed text stays in the form and can be downloaded; the save resumes when space
// is freed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, openApp } from '../lib/browser.mjs';
import { StartPage, fillStorage, storedReports, waitUntil } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a full storage shows the quota banner, keeps the stored report intact and loses no typed text', async () => {
  const { context, page, problems } = await openApp(browser);
  await new StartPage(page).newReportNamed('Gmina Pełna');
  const name = page.getByLabel('Nazwa gminy');
  const before = (await storedReports(page))[0].text;

  const junk = await fillStorage(page);
  // Bigger than the report's backups together, so dropping them cannot make room (that case,
  // which saves, is in storage-budget.test.mjs).
  const changed = `Gmina Pełna i zmieniona po zapełnieniu pamięci ${'p'.repeat(60_000)}`;
  await name.fill(changed);
  const banner = page.getByRole('alert').filter({ hasText: 'Brak miejsca w pamięci przeglądarki' });
  await banner.waitFor();
  assert.match(await banner.innerText(), /Pobierz kopię JSON/);
  assert.equal((await storedReports(page))[0].text, before, 'the stored report is untouched');
  assert.equal(await name.inputValue(), changed);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    banner.getByRole('button', { name: 'Pobierz kopię JSON' }).click(),
  ]);
  const file = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(file.report.gmina.name, changed);

  // Space freed: the next change is saved and the banner goes away.
  await page.evaluate((keys) => keys.forEach((k) => localStorage.removeItem(k)), junk);
  await name.press('End');
  await name.press('!');
  await waitUntil(async () => (await storedReports(page))[0].file?.report?.gmina?.name === `${changed}!`, { message: 'resumed save' });
  await banner.waitFor({ state: 'detached' });
  console.log('storage faults (quota exceeded): scenarios 1, visible message 1, data lost 0');
  // Chromium logs nothing for a refused setItem; any other console error is a bug.
  assert.deepEqual(problems, []);
  await context.close();
});
