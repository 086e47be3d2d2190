// The first visit shows a short welcome (what the app is, that reports stay in this browser,
// that clearing browser data deletes them); once dismissed it does not come back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from '../lib/browser.mjs';
import { StartPage, WelcomePanel } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the first visit shows the welcome in three lines', async () => {
  const { context, page, problems } = await openApp(browser, { welcome: true });
  const welcome = await new WelcomePanel(page).ready();
  const lines = await welcome.region.locator('p').allInnerTexts();
  assert.equal(lines.length, 3);
  assert.match(lines[0], /raport z realizacji gminnego programu/);
  assert.match(lines[1], /wyłącznie w tej przeglądarce.*nic nie jest nigdzie wysyłane/);
  assert.match(lines[2], /Wyczyszczenie danych przeglądarki usuwa raporty.*eksportuj/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a dismissed welcome does not come back, after a reload either', async () => {
  const { context, page, problems } = await openApp(browser, { welcome: true });
  const welcome = await new WelcomePanel(page).ready();
  await welcome.closeButton.click();
  await welcome.region.waitFor({ state: 'detached' });
  await page.reload();
  await new StartPage(page).ready();
  assert.equal(await welcome.region.count(), 0);
  const again = await context.newPage();
  await again.goto(page.url());
  await new StartPage(again).ready();
  assert.equal(await new WelcomePanel(again).region.count(), 0, 'nor in another tab');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the welcome does not repeat the ways to start: "Nowy raport" and "Wczytaj przykład" are offered once', async () => {
  const { context, page, problems } = await openApp(browser, { welcome: true });
  const welcome = await new WelcomePanel(page).ready();
  assert.equal(await welcome.region.getByRole('button').count(), 1, 'only "Zamknij powitanie"');
  assert.equal(await page.getByRole('button', { name: 'Nowy raport', exact: true }).count(), 1);
  assert.equal(await page.getByRole('button', { name: 'Wczytaj przykład', exact: true }).count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('loading a sample under the welcome opens it and dismisses the welcome', async () => {
  const { context, page, problems } = await openApp(browser, { welcome: true });
  const welcome = await new WelcomePanel(page).ready();
  const editor = await new StartPage(page).loadSample(/Przykładowo 2025/);
  assert.match(await editor.heading.innerText(), /Przykładowo 2025/);
  await editor.goToList();
  assert.equal(await welcome.region.count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('"Nowy raport" under the welcome opens an empty report and dismisses the welcome, after a reload too', async () => {
  const { context, page, problems } = await openApp(browser, { welcome: true });
  const welcome = await new WelcomePanel(page).ready();
  await new StartPage(page).newReport();
  assert.equal(await page.getByLabel('Nazwa gminy').inputValue(), '');
  await page.reload();
  await page.locator('#editor-title').waitFor();
  await page.getByRole('link', { name: 'Raporty' }).click();
  await new StartPage(page).ready();
  assert.equal(await welcome.region.count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
