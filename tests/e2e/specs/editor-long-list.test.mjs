// A task with many activities: its section shows the first cards at once and the rest over the
// next frames (src/app/defer.rs, `growing`); every card arrives, and what the user does in the
// meantime lands where it should.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openApp } from '../lib/browser.mjs';
import { StartPage, EditorPage, storedReports, waitUntil } from '../lib/pages.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a task with 150 activities shows every card, and an activity added at once is focused and saved', async () => {
  const doc = JSON.parse(fs.readFileSync(path.join(here, '../../fixtures/raport-gp-v2.json'), 'utf8'));
  const model = doc.report.activities[0];
  doc.report.activities = Array.from({ length: 150 }, (_, i) => ({
    ...model,
    id: `dz-${i + 1}`,
    title: `Działanie numer ${i + 1}`,
    tasks: ['drugs.3'],
    indicators: [],
  }));
  const { context, page, problems } = await openApp(browser);
  const start = new StartPage(page);
  await start.ready();
  await start.importFile({ name: 'duzy.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await start.open(/Lipowo Wielkie/);
  const editor = await new EditorPage(page).ready();
  await editor.section(/Profilaktyka|3\./);
  // Right away, before the list has finished growing: a new activity.
  await page.getByRole('button', { name: 'Dodaj działanie' }).last().click();
  await waitUntil(async () => (await page.locator('ol.cards > li').count()) === 151, { message: 'all 151 cards' });
  const titles = await page.locator('ol.cards > li h3').allTextContents();
  assert.equal(titles[149].trim(), 'Działanie numer 150', 'the cards keep the report\'s order');
  await waitUntil(async () => page.evaluate(() => /^f-activities-.*-title$/.test(document.activeElement?.id ?? '')), { message: 'the new card\'s title focused' });
  await page.keyboard.type('Nowe działanie');
  await waitUntil(async () => (await storedReports(page))[0]?.file?.report?.activities?.some((a) => a.title === 'Nowe działanie'), { message: 'the new activity saved' });
  const stored = (await storedReports(page))[0].file.report.activities;
  assert.equal(stored.length, 151);
  assert.equal(stored[150].title, 'Nowe działanie', 'added at the end of the list');
  assert.deepEqual(problems, []);
  await context.close();
});
