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

/**
 * Types `key` 40 times into `field`, 60 ms apart: handler work per keystroke (input event,
 * capture → bubble at the window), keystroke → next frame, and the longest task in the 2.5 s
 * after typing stopped (the save and check that follow).
 */
async function typing(page, field, key, { clear = false } = {}) {
  await field.click();
  // An amount typed from an empty cell ("1", "11", …) is valid at every keystroke, so each one
  // reaches the report (appending to "900,50" would not parse, and measure only the parse).
  if (clear) { await page.keyboard.press('Control+A'); await page.keyboard.press('Backspace'); }
  await page.evaluate(() => {
    window.__work = []; window.__frame = [];
    window.addEventListener('input', () => { window.__t0 = performance.now(); }, true);
    window.addEventListener('input', () => { window.__work.push(performance.now() - window.__t0); }, false);
    window.addEventListener('keydown', () => { const k = performance.now(); requestAnimationFrame(() => window.__frame.push(performance.now() - k)); }, true);
  });
  for (let i = 0; i < 40; i++) { await page.keyboard.type(key); await page.waitForTimeout(60); }
  const typedAt = await page.evaluate(() => performance.now());
  await page.waitForTimeout(2500);
  const { work, frame, long } = await page.evaluate(() => ({ work: window.__work, frame: window.__frame, long: window.__long }));
  return { work, frame, longAfter: Math.max(0, ...long.filter(([s]) => s >= typedAt - 50).map(([, d]) => d)) };
}

/** Imports a report file through the UI and opens it from the list: the time to open it, driven
 * and in the page. */
async function importAndOpen(page, name, doc) {
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1, name: 'Raporty w tej przeglądarce' }).waitFor();
  await page.getByLabel('Importuj plik JSON').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc, null, 2)) });
  await page.getByRole('dialog', { name: 'Podgląd importu' }).getByRole('button', { name: 'Importuj', exact: true }).click();
  await page.getByTestId('import-status').getByText('Zaimportowano').waitFor();
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: false });
  });
  await armClickTimer(page, '#section-title', '');
  const t = Date.now();
  await page.getByRole('row', { name: /Miasto Wzorcowe/ }).getByRole('button', { name: 'Otwórz' }).click();
  await page.locator('#section-title').waitFor();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  const open = Date.now() - t;
  return { open, openInPage: await clickTimer(page) };
}

const server = await serveStatic(dist);
const browser = await launch();
const rows = [];
for (const n of SIZES) {
  // Every activity serves one task, so its section holds them all.
  const doc = JSON.parse(fs.readFileSync(path.join(filesDir, `raport-${n}.json`), 'utf8'));
  for (const a of doc.report.activities) a.tasks = ['drugs.3'];
  const context = await browser.newContext({ acceptDownloads: true, locale: 'pl-PL' });
  const page = await context.newPage();
  const { open, openInPage } = await importAndOpen(page, `raport-${n}.json`, doc);
  const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);

  await armClickTimer(page, '#section-title', TASK);
  let t = Date.now();
  await page.getByRole('navigation', { name: 'Sekcje raportu' }).getByRole('button', { name: new RegExp(TASK.replace(/[()]/g, '\\$&')) }).first().click();
  await page.locator('#section-title', { hasText: TASK }).waitFor();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  const switchSection = Date.now() - t;
  const switchInPage = await clickTimer(page);

  // Keystrokes in the title of the first activity's card (the overview table above the cards
  // holds number fields only).
  const toggle = page.getByRole('main').getByRole('button', { name: 'Rozwiń' }).first();
  if (await toggle.count()) await toggle.click();
  const { work, frame, longAfter } = await typing(page, page.locator('main input[id^="f-activities-"][id$="-title"]').first(), 'x');

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

// The budget grid: 200 budget lines in the 1,000-activity report; switching to "Budżet" and
// typing an amount into a cell of the first line.
const budgetRuns = [];
const budgetOut = [];
if (fs.existsSync(path.join(filesDir, 'raport-1000.json'))) {
  const doc = JSON.parse(fs.readFileSync(path.join(filesDir, 'raport-1000.json'), 'utf8'));
  const paragraphs = ['4110', '4170', '4210', '4220', '4300', '4360', '4410', '4700', '2360', '2830'];
  doc.report.budget.lines = Array.from({ length: 200 }, (_, i) => ({
    id: `bench-line-${i}`, chapter: i % 3 ? '85154' : '85153', paragraph: paragraphs[i % 10],
    source: i % 4 ? 'permit_fees' : 'budget', planned: `${1000 + i}.00`, after_changes: `${1000 + i}.00`, executed: `${900 + i}.50`,
  }));
  const context = await browser.newContext({ acceptDownloads: true, locale: 'pl-PL' });
  const page = await context.newPage();
  await importAndOpen(page, 'raport-budzet-200.json', doc);
  for (let run = 0; run < 3; run++) {
    await page.getByRole('navigation', { name: 'Sekcje raportu' }).getByRole('button', { name: /^Gmina i program/ }).click();
    await page.locator('#section-title', { hasText: 'Gmina i program' }).waitFor();
    await page.waitForTimeout(1500);
    await armClickTimer(page, '#section-title', 'Budżet');
    await page.getByRole('navigation', { name: 'Sekcje raportu' }).getByRole('button', { name: /^Budżet/ }).click();
    await page.locator('#section-title', { hasText: 'Budżet' }).waitFor();
    budgetRuns.push(await clickTimer(page));
  }
  await page.waitForTimeout(1500);
  const typed = await typing(page, page.locator('input[id^="f-budget-lines-"][id$="-executed"]').first(), '1', { clear: true });
  budgetOut.push('');
  budgetOut.push('Budget grid, 200 lines (in the 1,000-activity report): switch to "Budżet" in page, 3 runs; then 40 digits typed into the emptied "Wykonanie" of the first line (valid at every keystroke).');
  budgetOut.push('');
  budgetOut.push('| budget lines | switch to "Budżet" (in page) | input work p95 | keystroke → frame p95 / max | longest task after typing |');
  budgetOut.push('|---:|---:|---:|---:|---:|');
  budgetOut.push(`| 200 | ${budgetRuns.map(ms).join(', ')} | ${percentile(typed.work, 95).toFixed(1)} ms | ${percentile(typed.frame, 95).toFixed(0)} / ${Math.max(...typed.frame).toFixed(0)} ms | ${ms(typed.longAfter)} |`);
  await context.close();
}
await browser.close();
await server.close();

console.log('| activities | open (driven / in page) | switch to a section with all of them (driven / in page) | input work p95 | keystroke → frame p95 / max | longest task after typing | print preview | HTML export | JSON export | JS heap | localStorage |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.n} | ${ms(r.open)} / ${ms(r.openInPage)} | ${ms(r.switchSection)} / ${ms(r.switchInPage)} | ${r.workP95.toFixed(1)} ms | ${r.frameP95.toFixed(0)} / ${r.frameMax.toFixed(0)} ms | ${ms(r.longAfter)} | ${ms(r.preview)} | ${ms(r.html)} | ${ms(r.json)} | ${(r.heap / 1048576).toFixed(1)} MB | ${(r.stored / 1e6).toFixed(2)} M chars |`);
}
for (const line of budgetOut) console.log(line);
