// A stored entry that cannot be read is listed, offered for download as it is, and never
// written over by the app.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, openApp } from '../lib/browser.mjs';
import { StartPage, PREFIX, storedReports, waitUntil } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const BROKEN = '{"format": "raport-gp", "schema_version": 1, "report": {"year": 2024, "gmina": {"name": "Zepsuta"';

test('a corrupt stored report is kept untouched and its raw text can be downloaded', async () => {
  const { context, page } = await openApp(browser);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [`${PREFIX}report/zepsuty`, BROKEN]);
  await page.reload();
  const start = new StartPage(page);
  await start.ready();
  const banner = page.getByRole('alert').filter({ hasText: 'Zapisany raport jest uszkodzony' });
  await banner.waitFor();
  assert.match(await banner.innerText(), /nie zostanie nadpisany/);
  assert.ok(await start.row(/Uszkodzony wpis zepsuty/).isVisible());

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    banner.getByRole('button', { name: 'Pobierz kopię JSON' }).click(),
  ]);
  assert.equal(fs.readFileSync(await download.path(), 'utf8'), BROKEN);

  // Working on another report never touches the kept entry.
  await start.newReport();
  await page.getByLabel('Nazwa gminy').fill('Inna gmina');
  await waitUntil(async () => (await storedReports(page)).some((r) => r.file?.report?.gmina?.name === 'Inna gmina'), { message: 'save' });
  const kept = (await storedReports(page)).find((r) => r.id === 'zepsuty');
  assert.equal(kept.text, BROKEN);
  console.log('storage faults (corrupt entry): scenarios 1, visible message 1, data lost 0');
  await context.close();
});

test('a report saved by a newer app version is refused with its own message and kept', async () => {
  const { context, page } = await openApp(browser);
  const newer = JSON.stringify({ format: 'raport-gp', schema_version: 99, app_version: '9.0.0', saved_at: '2030-01-01T00:00:00Z', report: {} });
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [`${PREFIX}report/przyszly`, newer]);
  await page.reload();
  await new StartPage(page).ready();
  const banner = page.getByRole('alert').filter({ hasText: 'Raport zapisała nowsza wersja aplikacji' });
  await banner.waitFor();
  assert.equal((await storedReports(page)).find((r) => r.id === 'przyszly').text, newer);
  console.log('storage faults (newer-version entry): scenarios 1, visible message 1, data lost 0');
  await context.close();
});
