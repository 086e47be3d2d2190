// Storage benchmark (not a pass/fail test): how much localStorage a report takes with its whole
// backup history, and what fits in one browser. Generated reports imported through the UI of the
// release build in Debian's Chromium; the backup history is built by editing on successive
// (faked) days and minutes, so the retention rule keeps its maximum of 10 backups.
//   node tests/bench/storage.mjs --dist dist --files DIR   (DIR holds raport-<n>.json)
import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '../e2e/lib/server.mjs';
import { launch } from '../e2e/lib/browser.mjs';

const argv = process.argv.slice(2);
const arg = (k, d) => (argv.includes(`--${k}`) ? argv[argv.indexOf(`--${k}`) + 1] : d);
const dist = path.resolve(arg('dist', 'dist'));
const filesDir = path.resolve(arg('files', '/tmp'));
const PREFIX = 'raport-gp/v1/';
const DAY = 24 * 60 * 60 * 1000;
const MIN = 60 * 1000;

const server = await serveStatic(dist);
const browser = await launch();

/** A report file of `n` activities with its own id and gmina name. */
function reportFile(n, id, name) {
  const doc = JSON.parse(fs.readFileSync(path.join(filesDir, `raport-${n}.json`), 'utf8'));
  doc.report.id = id;
  doc.report.gmina.name = name;
  return doc;
}

async function newPage() {
  const context = await browser.newContext({ locale: 'pl-PL' });
  const page = await context.newPage();
  await page.clock.setFixedTime(Date.now());
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1, name: 'Raporty w tej przeglądarce' }).waitFor();
  return { context, page };
}

async function importDoc(page, name, doc) {
  await page.getByLabel('Importuj plik JSON').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await page.getByRole('dialog', { name: 'Podgląd importu' }).getByRole('button', { name: 'Importuj', exact: true }).click();
  const shown = () => ['import-status', 'import-error']
    .map((id) => document.querySelector(`[data-testid=${id}]`))
    .filter((e) => e && !e.hidden && e.textContent.trim())
    .map((e) => e.textContent.trim())[0];
  await page.waitForFunction(shown, null, { timeout: 60_000 });
  return (await page.evaluate(shown)).replace(/\s*Cofnij import$/, '');
}

/** Chars in localStorage: all, and per report (its entry + its backups), with backup counts. */
async function usage(page) {
  return page.evaluate((prefix) => {
    const out = { total: 0, reports: {}, backups: {} };
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      const n = k.length + localStorage.getItem(k).length;
      out.total += n;
      const m = k.match(new RegExp(`^${prefix}(report|backup)/([^/]+)`));
      if (m) {
        out.reports[m[2]] = (out.reports[m[2]] ?? 0) + n;
        if (m[1] === 'backup') out.backups[m[2]] = (out.backups[m[2]] ?? 0) + 1;
      }
    }
    return out;
  }, PREFIX);
}

/**
 * Opens the report named `name` and edits it at 11 times: 5 earlier days, then 6 times 11
 * minutes apart on day `start` (all later than the clock when the report was opened), so that the retention rule (5 latest + the newest of each of 7 days, at
 * most 10) keeps 10 backups. Returns the longest task seen while a backup was taken.
 */
async function buildHistory(page, name, start) {
  await page.getByRole('row', { name: new RegExp(name) }).getByRole('button', { name: 'Otwórz' }).click();
  await page.locator('#section-title').waitFor();
  const field = page.getByLabel('Nazwa gminy');
  const times = [...[6, 5, 4, 3, 2].map((d) => start - d * DAY), ...[0, 1, 2, 3, 4, 5].map((k) => start + k * 11 * MIN)];
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: 'longtask' });
  });
  for (const [i, t] of times.entries()) {
    await page.clock.setFixedTime(t);
    await field.fill(`${name} (wersja ${i + 1})`);
    await page.waitForTimeout(700); // past the 300 ms debounce, the save and its backup
  }
  const long = await page.evaluate(() => Math.max(0, ...window.__long));
  await page.getByRole('button', { name: 'Wróć do listy raportów' }).click();
  await page.getByRole('heading', { level: 1, name: 'Raporty w tej przeglądarce' }).waitFor();
  return long;
}

const M = (n) => `${(n / 1e6).toFixed(2)} M chars`;
const now = Date.now();

// 1. One report of 1,000 activities with its whole backup history; then a second one.
{
  const { context, page } = await newPage();
  console.log(`- import of a 1,000-activity report: ${await importDoc(page, 'a.json', reportFile(1000, 'bench-a', 'Miasto Pierwsze'))}`);
  const long = await buildHistory(page, 'Miasto Pierwsze', now + 7 * DAY);
  const u = await usage(page);
  console.log(`- that report with its whole backup history (${u.backups['bench-a'] ?? 0} backups): **${M(u.reports['bench-a'])}** (target ≤ 2 M); longest task while edits and backups were saved: ${Math.round(long)} ms`);
  const second = await importDoc(page, 'b.json', reportFile(1000, 'bench-b', 'Miasto Drugie'));
  const long2 = await buildHistory(page, 'Miasto Drugie', now + 15 * DAY);
  const u2 = await usage(page);
  console.log(`- a second such report imported: ${second}`);
  console.log(`  - with its own backup history: localStorage in all ${M(u2.total)}; backups kept: ${JSON.stringify(u2.backups)}; longest task ${Math.round(long2)} ms`);
  await context.close();
}

// 2. Twenty reports of 100 activities, each with its backup history.
{
  const { context, page } = await newPage();
  const reports = [];
  for (let i = 1; i <= 20; i++) reports.push(reportFile(100, `bench-${i}`, `Gmina Setna ${String(i).padStart(2, '0')}`).report);
  const backupFile = { format: 'raport-gp-backup', schema_version: 2, app_version: 'bench', saved_at: new Date().toISOString(), reports };
  console.log(`- 20 reports of 100 activities imported as one file: ${await importDoc(page, 'dwadziescia.json', backupFile)}`);
  for (let i = 1; i <= 20; i++) await buildHistory(page, `Gmina Setna ${String(i).padStart(2, '0')}`, now + 8 * i * DAY);
  const u = await usage(page);
  const counts = Object.values(u.backups);
  const notices = await page.getByText('Pamięć przeglądarki była pełna').count();
  console.log(`  - each with its backup history (backups per report: min ${Math.min(...counts)}, max ${Math.max(...counts)}): localStorage in all **${M(u.total)}**; reports stored ${Object.keys(u.reports).length}; "storage full" notices ${notices}`);
  await context.close();
}

await browser.close();
await server.close();
