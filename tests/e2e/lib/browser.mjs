// Launches Debian's Chromium through playwright-core (never a downloaded browser) and gives each
// test a fresh profile (context) with a real localStorage, downloads and file inputs.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Without the networking flags Chromium floods the closed network with refused connections.
export const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

/** The URL of the app under test (root or sub-path run), set by run.mjs. */
export function baseUrl() {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set: run the suite through tests/e2e/run.mjs');
  return url;
}

/** The key under which the app remembers that its first-visit welcome was dismissed. */
export const WELCOME_KEY = 'raport-gp/v1/ui/welcome-dismissed';

/**
 * A fresh context and page; every console error, uncaught exception and failed request is
 * recorded in `problems`, which tests assert empty. The first-visit welcome is marked as
 * dismissed (a returning user's view) unless `welcome: true`; the welcome's own tests and views
 * ask for it.
 */
export async function openApp(browser, { context: ctxOptions = {}, url = baseUrl(), welcome = false } = {}) {
  const context = await browser.newContext({ acceptDownloads: true, locale: 'pl-PL', ...ctxOptions });
  if (!welcome) await dismissWelcome(context);
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(url);
  return { context, page, problems };
}

/** Records console errors, page errors and failed requests of a page. */
export function watch(page) {
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => {
    const why = r.failure()?.errorText ?? '';
    // A reload or navigation right after a load cancels the browser's own favicon request
    // (more often now that the service worker answers it): not a fault of the app.
    if (/\/favicon-[0-9a-f]+\.svg$/.test(r.url()) && why === 'net::ERR_ABORTED') return;
    // Likewise the editor's module, which the app fetches in the background once the start
    // screen is up (src/app/lazy.rs): a navigation in that moment cancels it, and opening a
    // report fetches it again.
    if (/\/app-[0-9a-f]{16}\/(split|chunk)_[^/]*\.wasm$/.test(r.url()) && why === 'net::ERR_ABORTED') return;
    problems.push(`requestfailed: ${r.url()} ${why}`.trim());
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`http ${r.status()}: ${r.url()}`);
  });
  return problems;
}

/** Makes every page of the context start as a returning user's (welcome dismissed). */
export async function dismissWelcome(context) {
  await context.addInitScript((key) => {
    try { localStorage.setItem(key, '1'); } catch { /* storage refused: the app shows no welcome */ }
  }, WELCOME_KEY);
}

/** Resolves once the page's service worker is active (its precache complete). */
export async function workerReady(page) {
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
}
