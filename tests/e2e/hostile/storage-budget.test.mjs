// The storage budget: when localStorage is full, the oldest backups (of any report) make room
// for an edit or an import, and the user is told; an import that does not fit even so changes
// nothing (not even the backups) and says so in words about importing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, openApp } from '../lib/browser.mjs';
import { PREFIX, StartPage, fillStorage, storageSnapshot, storedReports } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const OLD_ID = 'r-stary';

/** Three old backups of another report (the oldest in this browser), ~300 K chars each. */
async function seedOldBackups(page) {
  return page.evaluate(({ prefix, id }) => {
    const keys = [];
    for (let i = 0; i < 3; i++) {
      const key = `${prefix}backup/${id}/${1_600_000_000_000 + i}`;
      localStorage.setItem(key, `{"format":"raport-gp","schema_version":2,"x":"${'y'.repeat(300_000)}"}`);
      keys.push(key);
    }
    return keys;
  }, { prefix: PREFIX, id: OLD_ID });
}

const backupKeys = async (page, id) =>
  Object.keys(await storageSnapshot(page)).filter((k) => k.startsWith(`${PREFIX}backup/${id}/`));

test('a full storage: the edit is saved by dropping the oldest backups, and the user is told', async () => {
  const { context, page, problems } = await openApp(browser);
  await new StartPage(page).newReportNamed('Gmina Ciasna');
  const name = page.getByLabel('Nazwa gminy');
  await seedOldBackups(page);
  await fillStorage(page);

  // An edit bigger than what is left: it fits only once old backups are gone.
  const long = `Gmina Ciasna ${'z'.repeat(200_000)}`;
  await name.fill(long);
  const notice = page.getByTestId('storage-notice');
  await notice.waitFor();
  assert.match(await notice.innerText(), /Pamięć przeglądarki była pełna: aby zapisać zmiany, usunięto \d+ kopi/);
  const [stored] = (await storedReports(page)).filter((r) => r.file?.report?.gmina?.name?.startsWith('Gmina Ciasna'));
  assert.equal(stored.file.report.gmina.name, long, 'the edit is stored');
  const left = await backupKeys(page, OLD_ID);
  assert.ok(left.length < 3, `old backups dropped (left ${left.length})`);
  // Dropped oldest first.
  for (const k of left) assert.ok(Number(k.split('/').pop()) > 1_600_000_000_000 + 2 - left.length);
  assert.equal(await page.getByRole('alert').filter({ hasText: 'Brak miejsca' }).count(), 0, 'no failure banner');
  await notice.getByRole('button', { name: 'Zamknij komunikat' }).click();
  await notice.waitFor({ state: 'detached' });
  console.log(`storage faults (full, backups make room): scenarios 1, visible message 1, data lost 0, backups dropped ${3 - left.length}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a full storage: an import fits by dropping old backups; one that cannot fit changes nothing and says so', async () => {
  const { context, page, problems } = await openApp(browser);
  const start = new StartPage(page);
  await start.ready();
  await seedOldBackups(page);
  const junk = await fillStorage(page);
  const sample = JSON.parse(fs.readFileSync(new URL('../../../public/samples/kalisz-2020.json', import.meta.url), 'utf8'));

  // ~240 K chars: fits once old backups are dropped.
  sample.report.gmina.name = `Kalisz ${'k'.repeat(240_000)}`;
  await start.importFile({ name: 'duzy.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(sample)) });
  assert.match(await start.importStatus.innerText(), /Pamięć przeglądarki była pełna: usunięto \d+ kopi/);
  assert.equal((await storedReports(page)).length, 1);

  // Far bigger than all backups together: refused, nothing changed, the backups put back.
  const before = await storageSnapshot(page);
  sample.report.id = 'inny';
  sample.report.gmina.name = `Kalisz ${'q'.repeat(3_000_000)}`;
  const dialog = await start.importPreview({ name: 'za-duzy.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(sample)) });
  await dialog.confirm();
  await start.importError.waitFor();
  const message = await start.importError.innerText();
  assert.match(message, /Nie zaimportowano pliku „za-duzy.json”: brak miejsca w pamięci przeglądarki/);
  assert.match(message, /zostały takie jak przed importem/);
  assert.doesNotMatch(message, /Twoje zmiany są nadal w tej karcie/);
  assert.deepEqual(await storageSnapshot(page), before, 'storage exactly as before the refused import');
  await page.evaluate((keys) => keys.forEach((k) => localStorage.removeItem(k)), junk);
  console.log('storage faults (import into a full storage): scenarios 2, visible message 2, data lost 0');
  assert.deepEqual(problems, []);
  await context.close();
});
