// In-app benchmark (not a pass/fail test): generated reports of 10, 100 and 1,000 activities
// (5 indicators each) imported through the UI of the release build in Debian's Chromium, then
// timed as a user meets them. Prints Markdown for BENCHMARKS.md.
//   node tests/bench/app.mjs --dist dist --files DIR   (DIR holds raport-<n>.json, written by
//   `BENCH_OUT=DIR cargo test --release --test perf -- --ignored write_generated_reports`)
import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '../e2e/lib/server.mjs';
import { launch } from '../e2e/lib/browser.mjs';

const argv = process.argv.slice(2);
const arg = (k, d) => (argv.includes(`--${k}`) ? argv[argv.indexOf(`--${k}`) + 1] : d);
const dist = path.resolve(arg('dist', 'dist'));
const filesDir = path.resolve(arg('files', '/tmp'));
// The first report opened in the browser also pays for compiling the wasm functions it runs for
// the first time (V8 compiles lazily, and keeps the code for the next pages of the same browser):
// `--sizes 10,10,100,1000` shows that first-visit cost apart from the warmed figures.
const SIZES = arg('sizes', '10,100,1000').split(',').map(Number);
const TASK = 'Profilaktyka informacyjna, edukacyjna i szkoleniowa (narkomania)';

/**
 * Starts an in-page timer at the next click: resolves to the ms from that click event to the
 * first frame after `selector` shows `text` (no test-driver round trips in it).
 */
const armClickTimer = (page, selector, text) => page.evaluate(([selector, text]) => {
  window.__clickTimer = new Promise((resolve) => {
    addEventListener('click', () => {
      const t0 = performance.now();
      const check = () => {
        const el = document.querySelector(selector);
        if (el && el.textContent.includes(text)) requestAnimationFrame(() => resolve(performance.now() - t0));
        else setTimeout(check, 0);
      };
      check();
    }, { capture: true, once: true });
  });
}, [selector, text]);
const clickTimer = (page) => page.evaluate(() => window.__clickTimer);

const percentile = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((s.length * p) / 100))]; };
const ms = (x) => (x === undefined ? '–' : `${Math.round(x)} ms`);

const server = await serveStatic(dist);
const browser = await launch();
const rows = [];
for (const n of SIZES) {
  // Every activity serves one task, so its section holds them all.
  const doc = JSON.parse(fs.readFileSync(path.join(filesDir, `raport-${n}.json`), 'utf8'));
  for (const a of doc.report.activities) a.tasks = ['drugs.3'];
  const buffer = Buffer.from(JSON.stringify(doc, null, 2));
  const context = await browser.newContext({ acceptDownloads: true, locale: 'pl-PL' });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1, name: 'Raporty w tej przeglądarce' }).waitFor();
  await page.getByLabel('Importuj plik JSON').setInputFiles({ name: `raport-${n}.json`, mimeType: 'application/json', buffer });
  await page.getByRole('dialog', { name: 'Podgląd importu' }).getByRole('button', { name: 'Importuj', exact: true }).click();
  await page.getByTestId('import-status').getByText('Zaimportowano').waitFor();

  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: false });
  });
  await armClickTimer(page, '#section-title', '');
  let t = Date.now();
  await page.getByRole('row', { name: /Miasto Wzorcowe/ }).getByRole('button', { name: 'Otwórz' }).click();
  await page.locator('#section-title').waitFor();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  const open = Date.now() - t;
  const openInPage = await clickTimer(page);
  const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);

  await armClickTimer(page, '#section-title', TASK);
  t = Date.now();
  await page.getByRole('navigation', { name: 'Sekcje raportu' }).getByRole('button', { name: new RegExp(TASK.replace(/[()]/g, '\\$&')) }).first().click();
  await page.locator('#section-title', { hasText: TASK }).waitFor();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  const switchSection = Date.now() - t;
  const switchInPage = await clickTimer(page);

  // Keystrokes in the first text field of the section: handler work (capture → bubble at the
  // window) and keystroke → next frame.
  const toggle = page.getByRole('main').getByRole('button', { name: 'Rozwiń' }).first();
  if (await toggle.count()) await toggle.click();
  const field = page.getByRole('main').locator('input:not([type]), input[type=text], textarea').first();
  await field.click();
  await page.evaluate(() => {
    window.__work = []; window.__frame = [];
    window.addEventListener('input', () => { window.__t0 = performance.now(); }, true);
    window.addEventListener('input', () => { window.__work.push(performance.now() - window.__t0); }, false);
    window.addEventListener('keydown', () => { const k = performance.now(); requestAnimationFrame(() => window.__frame.push(performance.now() - k)); }, true);
  });
  for (let i = 0; i < 40; i++) { await page.keyboard.type('x'); await page.waitForTimeout(60); }
  const typedAt = await page.evaluate(() => performance.now());
  await page.waitForTimeout(2500);
  const { work, frame, long } = await page.evaluate(() => ({ work: window.__work, frame: window.__frame, long: window.__long }));
  const longAfter = Math.max(0, ...long.filter(([s]) => s >= typedAt - 50).map(([, d]) => d));

  t = Date.now();
  await page.getByRole('navigation', { name: 'Sekcje raportu' }).getByRole('button', { name: /^Eksport/ }).click();
  await page.getByRole('button', { name: 'Podgląd wydruku' }).click();
  await page.frameLocator('iframe[title="Podgląd wydruku raportu"]').getByRole('heading', { level: 1 }).waitFor();
  const preview = Date.now() - t;
  const download = async (name) => { const s = Date.now(); await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).last().click()]); return Date.now() - s; };
  const html = await download('Pobierz HTML');
  const json = await download('Eksportuj JSON');
  const stored = await page.evaluate(() => { let c = 0; for (let i = 0; i < localStorage.length; i++) { const k = localStorage.key(i); c += k.length + localStorage.getItem(k).length; } return c; });
  rows.push({ n, open, openInPage, switchSection, switchInPage, workP95: percentile(work, 95), frameP95: percentile(frame, 95), frameMax: Math.max(...frame), longAfter, preview, html, json, heap, stored });
  await context.close();
}
await browser.close();
await server.close();

console.log('| activities | open (driven / in page) | switch to a section with all of them (driven / in page) | input work p95 | keystroke → frame p95 / max | longest task after typing | print preview | HTML export | JSON export | JS heap | localStorage |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.n} | ${ms(r.open)} / ${ms(r.openInPage)} | ${ms(r.switchSection)} / ${ms(r.switchInPage)} | ${r.workP95.toFixed(1)} ms | ${r.frameP95.toFixed(0)} / ${r.frameMax.toFixed(0)} ms | ${ms(r.longAfter)} | ${ms(r.preview)} | ${ms(r.html)} | ${ms(r.json)} | ${(r.heap / 1048576).toFixed(1)} MB | ${(r.stored / 1e6).toFixed(2)} M chars |`);
}
