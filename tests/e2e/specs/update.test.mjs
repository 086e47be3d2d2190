// A new deployment: the app says "Dostępna nowa wersja — odśwież" and never reloads by itself;
// the user's click saves what was typed, lets the new version take over and reloads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, dismissWelcome, watch, workerReady } from '../lib/browser.mjs';
import { deployCopy } from '../lib/deploy.mjs';
import { StartPage, EditorPage, UpdateBanner, storedReports, waitUntil } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A returning user: the worker installed on the first visit controls the page. */
async function returningUser() {
  const site = await deployCopy();
  const context = await browser.newContext({ acceptDownloads: true, locale: 'pl-PL' });
  await dismissWelcome(context);
  const page = await context.newPage();
  await page.goto(site.url);
  await new StartPage(page).ready();
  await workerReady(page);
  // Problems are recorded from the returning visit on (a reload may cancel the first visit's
  // favicon request, which is no fault of the app).
  const problems = watch(page);
  await page.reload();
  await new StartPage(page).ready();
  assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'the page is controlled');
  return { site, context, page, problems };
}

const checkForUpdate = (page) => page.evaluate(async () => { await (await navigator.serviceWorker.getRegistration()).update(); });
const deployed = (page) => page.evaluate(() => document.documentElement.outerHTML.match(/wdrożenie (\d+)/)?.[1] ?? null);

test('the same deployment shows no update prompt', async () => {
  const { site, context, page, problems } = await returningUser();
  await checkForUpdate(page);
  await page.waitForTimeout(500);
  assert.equal(await new UpdateBanner(page).banner.count(), 0);
  assert.deepEqual(problems, []);
  await site.close();
  await context.close();
});

test('a new deployment shows the prompt and does not reload over what is being typed', async () => {
  const { site, context, page, problems } = await returningUser();
  const editor = await new StartPage(page).newReport();
  await page.evaluate(() => { window.__samePage = true; });
  const field = page.getByLabel('Nazwa gminy');
  await field.click();
  await page.keyboard.type('Gmina w trakcie pisania');

  site.redeploy();
  await checkForUpdate(page);
  const prompt = new UpdateBanner(page);
  await prompt.banner.waitFor();
  assert.match(await prompt.banner.innerText(), /Dostępna nowa wersja — odśwież/);
  await page.waitForTimeout(1000);
  assert.equal(await page.evaluate(() => window.__samePage), true, 'the page was not reloaded');
  assert.equal(await field.inputValue(), 'Gmina w trakcie pisania');
  assert.equal(await deployed(page), null, 'still the old version');

  await page.keyboard.type(' i dalej');
  await prompt.button.click(); // well within the save debounce: the click must flush first
  await waitUntil(() => page.evaluate(() => window.__samePage !== true).catch(() => false), { timeout: 10000, message: 'reload' });
  await new EditorPage(page).ready();
  assert.equal(await deployed(page), '1', 'the new version runs');
  assert.equal(await page.getByLabel('Nazwa gminy').inputValue(), 'Gmina w trakcie pisania i dalej');
  assert.ok((await storedReports(page)).some((r) => r.file?.report?.gmina?.name === 'Gmina w trakcie pisania i dalej'));
  assert.equal(await prompt.banner.count(), 0, 'no prompt after the update');
  const caches = await page.evaluate(() => caches.keys());
  assert.equal(caches.length, 1, `old caches are removed: ${caches}`);
  assert.deepEqual(problems, []);
  await site.close();
  await context.close();
});

test('a tab opened after the new version was installed shows the prompt too', async () => {
  const { site, context, page, problems } = await returningUser();
  site.redeploy();
  await checkForUpdate(page);
  await new UpdateBanner(page).banner.waitFor();
  const other = await context.newPage();
  await other.goto(site.url);
  await new StartPage(other).ready();
  await new UpdateBanner(other).banner.waitFor();
  assert.equal(await deployed(other), null, 'the new version waits for the click');
  assert.deepEqual(problems, []);
  await site.close();
  await context.close();
});
