// "Eksport": the JSON download is recorded (and quiets the nudge); the printable HTML carries
// the report's data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, openApp } from '../lib/browser.mjs';
import { StartPage } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('downloading the JSON records the time of the export and removes the nudge', async () => {
  const { context, page } = await openApp(browser);
  const editor = await new StartPage(page).loadSample(/Kalisz 2020/);
  const nudge = page.getByText('Nie pobrano jeszcze kopii JSON tego raportu.');
  assert.ok(await nudge.isVisible());
  await editor.section('Eksport');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Pobierz JSON' }).first().click(),
  ]);
  const file = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(file.format, 'raport-gp');
  assert.equal(file.report.gmina.name, 'Kalisz');
  await nudge.waitFor({ state: 'detached' });
  assert.match(await page.getByTestId('last-export').innerText(), /Ostatnio pobrano kopię JSON: \d\d\.\d\d\.\d{4}/);
  // The time of the export is remembered with the report.
  await editor.goToList();
  await new StartPage(page).open(/Kalisz/);
  await editor.section('Eksport');
  assert.match(await page.getByTestId('last-export').innerText(), /Ostatnio pobrano kopię JSON/);
  await context.close();
});

test('the printable HTML download contains the report and its data for re-import', async () => {
  const { context, page } = await openApp(browser);
  const editor = await new StartPage(page).loadSample(/Kalisz 2020/);
  await editor.section('Eksport');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Pobierz wersję do druku (HTML)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.html$/);
  const html = fs.readFileSync(await download.path(), 'utf8');
  assert.match(html, /^<!DOCTYPE html>/);
  assert.match(html, /Kalisz/);
  assert.match(html, /id="raport-gp-data"/);
  await context.close();
});
