// The app shell renders in real Chromium from the release build, at the root and under a sub-path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from '../lib/browser.mjs';
import { AppShell } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the app shell renders in Polish with header, navigation, main region and version', async () => {
  const { context, page, problems } = await openApp(browser);
  const shell = new AppShell(page);
  await shell.ready();
  assert.equal(await page.title(), 'Raport GP');
  assert.equal(await page.locator('html').getAttribute('lang'), 'pl');
  assert.ok(await shell.header.isVisible(), 'header visible');
  assert.ok(await shell.nav.isVisible(), 'navigation visible');
  assert.match(await shell.version.innerText(), /wersja \d+\.\d+\.\d+ · format pliku w wersji \d+/);
  assert.deepEqual(problems, [], 'no console errors or failed requests');
  await context.close();
});

test('the page offers a web app manifest: Polish, relative start URL, icons under the base path', async () => {
  const { context, page, problems } = await openApp(browser);
  await new AppShell(page).ready();
  const href = await page.locator('link[rel="manifest"]').evaluate((l) => l.href);
  const base = process.env.E2E_BASE_URL;
  assert.ok(href.startsWith(base), `${href} is under ${base}`);
  const manifest = await (await page.request.get(href)).json();
  assert.equal(manifest.lang, 'pl');
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.scope, './');
  assert.ok(manifest.theme_color && manifest.background_color);
  for (const icon of manifest.icons) {
    const res = await page.request.get(new URL(icon.src, href).href);
    assert.equal(res.status(), 200, `${icon.src} is served`);
  }
  assert.ok(manifest.icons.some((i) => i.sizes === '512x512' && i.type === 'image/png'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('every asset loads from under the base path the app is served at', async () => {
  const { context, page, problems } = await openApp(browser);
  await new AppShell(page).ready();
  const base = new URL(process.env.E2E_BASE_URL);
  const urls = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  assert.ok(urls.some((u) => u.endsWith('.wasm')), 'the wasm module was fetched');
  for (const u of urls) {
    assert.ok(new URL(u).pathname.startsWith(base.pathname), `${u} is under ${base.pathname}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

// A first visit whose app file does not arrive, or arrives broken, must not look like a page that
// is still loading: the static first paint says the app could not start, what to do, and that the
// reports kept in this browser are untouched.
for (const [what, answer] of [
  ['is missing on the host (404)', { status: 404, contentType: 'text/plain', body: 'Not Found' }],
  ['is not a wasm module', { status: 200, contentType: 'application/wasm', body: Buffer.from('to nie jest moduł wasm') }],
]) {
  test(`when the app file ${what}, the page says the app could not start instead of loading forever`, async () => {
    const context = await browser.newContext({ locale: 'pl-PL' });
    await context.route(/\.wasm$/, (route) => route.fulfill(answer));
    const page = await context.newPage();
    await page.goto(process.env.E2E_BASE_URL);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.equal(await alert.innerText(), 'Nie udało się uruchomić aplikacji.');
    assert.equal(await page.getByRole('status').count(), 0, 'no "Wczytywanie aplikacji…" left');
    const text = await page.locator('#boot').innerText();
    assert.match(text, /Odśwież stronę \(klawisz F5\)/);
    assert.match(text, /Raporty zapisane w tej przeglądarce są bezpieczne/);
    await context.close();
  });
}
