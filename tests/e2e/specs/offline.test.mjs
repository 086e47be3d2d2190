// After the first visit the app opens and works with no network: the service worker serves the
// build from its cache. Offline here means both: the browser context is offline and the server
// that served the app is gone, so nothing can come from the network.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, dismissWelcome, watch, workerReady } from '../lib/browser.mjs';
import { deployCopy } from '../lib/deploy.mjs';
import { StartPage, EditorPage, ExportSection, downloadOf, docxText, waitUntil } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function firstVisit() {
  const site = await deployCopy();
  const context = await browser.newContext({ acceptDownloads: true, locale: 'pl-PL' });
  await dismissWelcome(context);
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(site.url);
  await new StartPage(page).ready();
  await workerReady(page);
  return { site, context, page, problems };
}

test('the worker is served from the app directory and precaches every built file', async () => {
  const { site, context, page, problems } = await firstVisit();
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, site.url, 'the worker controls the app directory, the sub-path included');
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    const cache = await caches.open(keys.find((k) => k.startsWith('raport-gp-')));
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  const prefix = new URL(site.url).pathname;
  const built = fs.readdirSync(site.dir, { recursive: true })
    .filter((f) => fs.statSync(`${site.dir}/${f}`).isFile() && f !== 'sw.js');
  for (const f of built) assert.ok(cached.includes(prefix + f), `${f} is precached`);
  assert.ok(built.some((f) => /_bg\.wasm$/.test(f)), 'the hashed wasm is among them');
  assert.deepEqual(problems, []);
  await site.close();
  await context.close();
});

test('offline after the first visit: reload, open a report, edit, check, preview, export, import', async () => {
  const { site, context, page } = await firstVisit();
  const start = new StartPage(page);
  let editor = await start.loadSample(/Przykładowo 2025/);
  await editor.saved();
  await editor.goToList();

  await context.setOffline(true);
  await site.close();
  const problems = [];
  // The tab's icon is fetched by the browser itself, not by the app: on a busy machine Chromium
  // sometimes answers it from its own caches (or gives up offline) instead of asking the
  // worker — the app is not at fault, and the icon is left out of both checks.
  const favicon = (url) => /\/favicon-[0-9a-f]+\.svg$/.test(url);
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => favicon(r.url()) || problems.push(`requestfailed: ${r.url()}`));
  const responses = [];
  page.on('response', (r) => responses.push({ url: r.url(), worker: r.fromServiceWorker() }));
  await page.reload();
  await start.ready();
  const notFromWorker = responses.filter((r) => !r.worker && !favicon(r.url)).map((r) => r.url);
  assert.ok(responses.length > 0, 'responses came');
  assert.deepEqual(notFromWorker, [], 'every response came from the service worker');
  // A sample not opened before is fetched when chosen: the worker's precache has it.
  editor = await start.loadSample(/Kalisz 2020/);
  assert.equal(await page.getByLabel('Nazwa gminy').inputValue(), 'Kalisz');
  await editor.goToList();

  editor = await start.open(/Przykładowo/);
  await page.getByLabel('Nazwa gminy').fill('Gmina Bez Sieci');
  await editor.saved();
  await editor.section('Sprawdzenie');
  await page.locator('#section-title').waitFor();
  // The KCPU list is not in the app's module: fetched when its view first opens, from the
  // worker's precache.
  await editor.section('Dane do ankiety KCPU');
  assert.ok((await page.locator('table.kcpu tbody tr').count()) > 10, 'the KCPU figures offline');
  const exp = await ExportSection.open(editor);
  const html = await exp.previewHtml();
  assert.match(html, /Gmina Bez Sieci/);
  const file = await downloadOf(page, exp.jsonButton);
  assert.equal(JSON.parse(file.text).report.gmina.name, 'Gmina Bez Sieci');
  const docx = await downloadOf(page, exp.docxButton);
  assert.ok(docxText(docx.path).includes('Gmina Bez Sieci'), 'the Word document is made offline too');

  // Import the exported file back: the preview says it replaces the stored report.
  await editor.goToList();
  const dialog = await start.importPreview(file.path);
  await dialog.confirm();
  await start.importStatus.getByText('Zaimportowano').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('offline, a link to a section still opens it', async () => {
  const { site, context, page } = await firstVisit();
  const editor = await new StartPage(page).loadSample(/Kalisz 2020/);
  await editor.section('Budżet');
  await editor.saved();
  const link = page.url();
  await context.setOffline(true);
  await site.close();
  const other = await context.newPage();
  await other.goto(link);
  await new EditorPage(other).ready();
  await waitUntil(async () => (await other.locator('#section-title').innerText()).trim() === 'Budżet', { message: 'Budżet offline' });
  await context.close();
});
