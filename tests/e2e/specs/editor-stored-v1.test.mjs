// A browser that still holds reports written by the previous release (schema version 1 envelopes
// under the same raport-gp/v1/ keys, with the index): they are listed and open migrated, and the
// original version 1 text is kept as a backup before anything writes version 2 over it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, openApp } from '../lib/browser.mjs';
import { StartPage, PREFIX, backupText, storageSnapshot, storedReports, waitUntil } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// The published version 1 fixture, exactly as the previous release stored it.
const V1_TEXT = fs.readFileSync(new URL('../../fixtures/raport-gp-v1.json', import.meta.url), 'utf8');
const ID = JSON.parse(V1_TEXT).report.id;
const SAVED_AT = Date.UTC(2023, 2, 1, 10, 0, 0);

/** A profile seeded with the previous release's storage: the v1 entry and the index. */
async function seeded() {
  const app = await openApp(browser);
  // Let the first load finish (icon included) before the reload, so nothing is cut off.
  await app.page.waitForLoadState('networkidle');
  await app.page.evaluate(({ prefix, id, text, savedAt }) => {
    localStorage.setItem(`${prefix}report/${id}`, text);
    localStorage.setItem(`${prefix}index`, JSON.stringify({ [id]: { rev: 4, saved_at: savedAt, exported_at: null } }));
  }, { prefix: PREFIX, id: ID, text: V1_TEXT, savedAt: SAVED_AT });
  await app.page.reload();
  const start = new StartPage(app.page);
  await start.ready();
  return { ...app, start };
}

/** The texts of the report's backups stored in full (a delta reads as null). */
async function backups(page) {
  const all = await storageSnapshot(page);
  return Object.entries(all).filter(([k]) => k.startsWith(`${PREFIX}backup/${ID}/`)).map(([, v]) => backupText(v));
}

test('a report stored by the previous release is listed like any other', async () => {
  const { context, start, problems } = await seeded();
  const row = start.row(/Lipowo Wielkie/);
  await row.waitFor();
  const text = await row.innerText();
  assert.match(text, /2022/);
  assert.match(text, /program profilaktyki i rozwiązywania problemów alkoholowych oraz przeciwdziałania narkomanii/);
  assert.equal(await start.alerts.count(), 0, 'no "corrupt entry" banner');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a report stored by the previous release opens migrated, its old task 6 under pkt 7', async () => {
  const { context, page, start } = await seeded();
  const editor = await start.open(/Lipowo Wielkie/);
  assert.equal(await page.getByLabel('Nazwa gminy').inputValue(), 'Lipowo Wielkie');
  await editor.page.getByTestId('older-version').waitFor();
  await editor.section(/Zatrudnienie socjalne/);
  assert.match(await page.locator('section.section cite').first().innerText(), /pkt 7/);
  assert.equal(await page.getByLabel('Powód niezrealizowania zadania').inputValue(), 'Na terenie gminy nie działa centrum integracji społecznej.');
  await context.close();
});

test('opening such a report does not rewrite it, and keeps its text as a backup', async () => {
  const { context, page, start } = await seeded();
  await start.open(/Lipowo Wielkie/);
  await waitUntil(async () => (await backups(page)).includes(V1_TEXT), { message: 'v1 backup' });
  await page.waitForTimeout(600); // past the autosave debounce
  const [stored] = await storedReports(page);
  assert.equal(stored.text, V1_TEXT, 'the entry itself is untouched until the user changes something');
  await context.close();
});

test('after an edit the entry is saved in version 2 and the original version 1 text is still stored as a backup', async () => {
  const { context, page, start } = await seeded();
  const editor = await start.open(/Lipowo Wielkie/);
  await page.getByLabel('Nazwa gminy').fill('Lipowo Wielkie (poprawione)');
  await editor.saved();
  const [stored] = await storedReports(page);
  assert.equal(stored.file.schema_version, 2);
  assert.equal(stored.file.report.gmina.name, 'Lipowo Wielkie (poprawione)');
  assert.equal(stored.file.report.task_gaps[0].task, 'alcohol.7');
  assert.ok((await backups(page)).includes(V1_TEXT), 'the exact v1 text is kept under the backup prefix');
  const index = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), `${PREFIX}index`));
  assert.equal(index[ID].rev, 5, 'the revision moves on from the stored one');
  await page.getByTestId('older-version').waitFor({ state: 'detached' });
  // The backup is offered for restore, marked as the previous release's.
  await editor.section('Eksport');
  await page.getByText(/zapisana przez poprzednią wersję aplikacji, format w wersji 1/).waitFor();
  await context.close();
});
