// When the browser refuses localStorage, the app says so, still lets the user work in the tab,
// and offers the JSON download; the answer to the persistent-storage request is shown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, baseUrl, watch } from '../lib/browser.mjs';
import { StartPage } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('without localStorage the app shows the unavailable banner and the work can be downloaded', async () => {
  const context = await browser.newContext({ acceptDownloads: true, locale: 'pl-PL' });
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); },
    });
  });
  const page = await context.newPage();
  watch(page);
  await page.goto(baseUrl());
  const start = new StartPage(page);
  await start.ready();
  await page.getByRole('alert').filter({ hasText: 'Pamięć przeglądarki jest niedostępna' }).first().waitFor();

  const editor = await start.newReport();
  await page.getByLabel('Nazwa gminy').fill('Gmina bez pamięci');
  await editor.banner.filter({ hasText: 'Pamięć przeglądarki jest niedostępna' }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    editor.banner.getByRole('button', { name: 'Pobierz kopię JSON' }).click(),
  ]);
  const file = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(file.report.gmina.name, 'Gmina bez pamięci');
  console.log('storage faults (storage disabled or throwing): scenarios 1, visible message 1, data lost 0');
  await context.close();
});

test('the answer to the persistent-storage request is shown', async () => {
  const context = await browser.newContext({ locale: 'pl-PL' });
  const page = await context.newPage();
  await page.goto(baseUrl());
  const status = page.getByTestId('persist-status');
  await page.waitForFunction(() => {
    const t = document.querySelector('[data-testid=persist-status]')?.textContent;
    return t && !t.startsWith('Sprawdzanie');
  });
  assert.match(await status.innerText(), /trwale przechowywać|trwałe przechowywanie/);
  await context.close();
});
