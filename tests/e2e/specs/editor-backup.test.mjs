// Rolling backups: the version stored when a report is opened is kept and can be restored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from '../lib/browser.mjs';
import { StartPage, storedReports, waitUntil } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('an earlier version is restored from the backups in the Eksport section', async () => {
  const { context, page, problems } = await openApp(browser);
  const editor = await new StartPage(page).loadSample(/Kalisz 2020/);
  const name = page.getByLabel('Nazwa gminy');
  assert.equal(await name.inputValue(), 'Kalisz');
  await name.fill('Nazwa wpisana przez pomyłkę');
  await waitUntil(async () => (await storedReports(page))[0].file.report.gmina.name === 'Nazwa wpisana przez pomyłkę', { message: 'save' });

  await editor.section('Eksport');
  const backups = page.getByRole('list').filter({ has: page.getByRole('button', { name: 'Przywróć' }) });
  await backups.waitFor();
  await backups.getByRole('listitem').last().getByRole('button', { name: 'Przywróć' }).click();
  await page.getByRole('status').filter({ hasText: 'Przywrócono kopię' }).waitFor();
  assert.equal((await storedReports(page))[0].file.report.gmina.name, 'Kalisz');

  await editor.section('Gmina i program');
  assert.equal(await page.getByLabel('Nazwa gminy').inputValue(), 'Kalisz');
  // The version replaced by the restore is itself kept as a backup.
  await editor.section('Eksport');
  assert.ok((await page.getByRole('button', { name: 'Przywróć' }).count()) >= 2);
  assert.deepEqual(problems, []);
  await context.close();
});
