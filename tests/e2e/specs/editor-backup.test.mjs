// Rolling backups: the version stored when a report is opened is kept and can be restored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from '../lib/browser.mjs';
import { PREFIX, StartPage, storageSnapshot, storedReports, waitUntil } from '../lib/pages.mjs';

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

test('backups are stored compressed, older ones as deltas, and every one of them restores', async () => {
  const { context, page, problems } = await openApp(browser);
  const editor = await new StartPage(page).loadSample(/Kalisz 2020/);
  await page.getByLabel('Nazwa gminy').fill('Kalisz (wersja robocza)');
  await waitUntil(async () => (await storedReports(page))[0].file.report.gmina.name === 'Kalisz (wersja robocza)', { message: 'save' });
  await editor.section('Eksport');
  const restore = (i) => page.getByRole('button', { name: 'Przywróć' }).nth(i);
  const restored = async (name) => {
    await page.getByRole('status').filter({ hasText: 'Przywrócono kopię' }).waitFor();
    await waitUntil(async () => (await storedReports(page))[0].file.report.gmina.name === name, { message: `restored ${name}` });
  };
  // Oldest (the sample as opened) → the draft is kept as the newest backup.
  await restore(0).click();
  await restored('Kalisz');
  await page.getByRole('status').filter({ hasText: 'Przywrócono kopię' }).waitFor();
  assert.ok((await page.getByRole('button', { name: 'Przywróć' }).count()) >= 2);

  const stored = Object.entries(await storageSnapshot(page)).filter(([k]) => k.startsWith(`${PREFIX}backup/`));
  const [report] = await storedReports(page);
  const headers = stored.map(([, v]) => v.split(':').slice(0, 4));
  assert.ok(headers.every((h) => h[0] === 'rgp-k1'), 'every backup is framed');
  assert.equal(headers.filter((h) => h[2] === '-').length, 1, 'one backup in full, the newest');
  assert.equal(headers.filter((h) => h[2] !== '-').length, stored.length - 1, 'the older ones are deltas');
  const backupChars = stored.reduce((n, [, v]) => n + v.length, 0);
  assert.ok(backupChars < report.text.length, `backups ${backupChars} chars vs report ${report.text.length}`);

  // The draft backup, stored as a delta against the newest, restores...
  const items = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Przywróć' }) });
  // Newest first: the restored version (backed up when it was loaded), the draft, the sample.
  await waitUntil(async () => (await items.count()) === 3, { message: 'three backups listed' });
  const draft = items.nth(1);
  await draft.getByRole('button').click();
  await waitUntil(async () => (await storedReports(page))[0].file.report.gmina.name === 'Kalisz (wersja robocza)', { message: 'draft restored from a delta' });
  // ...and so does the oldest, two deltas away from the newest full one.
  await page.waitForTimeout(100);
  await items.last().getByRole('button').click();
  await waitUntil(async () => (await storedReports(page))[0].file.report.gmina.name === 'Kalisz', { message: 'oldest restored through the chain' });
  assert.equal(await page.getByRole('status').filter({ hasText: 'Nie przywrócono' }).count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
