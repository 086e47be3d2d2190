// Lighthouse mobile scores of the release build in dist/, served with brotli the way a production
// host serves it (tests/bench/brotli-server.mjs). Lighthouse 12.2.3 (npm, .ci/bench-tools; newer
// ones need Node 22) drives Debian's Chromium with its default mobile settings: a Moto G Power
// screen, simulated slow 4G (150 ms RTT, 1.6 Mbit/s) and 4× CPU slowdown. Each run is a fresh
// Chromium with a fresh profile. Prints Markdown: every run, the median of each figure, and the
// largest requests of the median run.
//   npm ci --prefix .ci/bench-tools        once (.ci/bench does it)
//   node tests/bench/lighthouse.mjs [--dist dist] [--runs 3] [--out DIR] [--diagnostics]
//        [--timeout 180] [--cache-control max-age=600]
// --out DIR keeps each run's full report (JSON); --diagnostics adds what the score is made of
// (main-thread work, script boot-up, LCP element and phases, every request).
// Exits 1 with a message when a run fails or exceeds --timeout seconds, 2 when a tool is missing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serveBrotli } from './brotli-server.mjs';
import { ARGS } from '../e2e/lib/browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const arg = (k, d) => (argv.includes(`--${k}`) ? argv[argv.indexOf(`--${k}`) + 1] : d);
const dist = path.resolve(arg('dist', path.join(here, '../../dist')));
const runs = Number(arg('runs', 3));
const out = arg('out', null);
const diagnostics = argv.includes('--diagnostics');
const timeoutMs = Number(arg('timeout', 180)) * 1000;
const cacheControl = arg('cache-control', 'max-age=600');
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
// The test suites' flags (without them Chromium tries to reach Google on the closed network and
// stalls), headless.
const chromeFlags = ['--headless=new', ...ARGS];

const fail = (code, msg) => {
  console.error(`[lighthouse] ${msg}`);
  process.exit(code);
};
if (!Number.isInteger(runs) || runs < 1) fail(2, `--runs must be a positive integer, not ${arg('runs')}`);
if (!fs.existsSync(path.join(dist, 'index.html'))) fail(2, `no release build at ${dist} (trunk build --release)`);
if (!fs.existsSync(chromePath)) fail(2, `no Chromium at ${chromePath} (set CHROME_PATH)`);
const tools = path.join(here, '../../.ci/bench-tools/node_modules');
const lhPkg = path.join(tools, 'lighthouse/package.json');
if (!fs.existsSync(lhPkg)) fail(2, 'Lighthouse is not installed: npm ci --prefix .ci/bench-tools --no-audit --no-fund');
const lhVersion = JSON.parse(fs.readFileSync(lhPkg, 'utf8')).version;
const { default: lighthouse } = await import(pathToFileURL(path.join(tools, 'lighthouse/core/index.js')));
const chromeLauncher = await import(pathToFileURL(path.join(tools, 'chrome-launcher/dist/index.js')));

// Never hang: every run has its own deadline, and the whole script a last-resort one.
const watchdog = setTimeout(() => fail(1, 'gave up: the benchmark exceeded its overall deadline'), runs * timeoutMs + 60_000);
watchdog.unref();
let chrome = null;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    chrome?.kill();
    process.exit(130);
  });
}
const within = (ms, what, p) => {
  let timer;
  return Promise.race([
    p,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} took over ${ms / 1000} s`)), ms); }),
  ]).finally(() => clearTimeout(timer));
};

const t0 = Date.now();
const load = os.loadavg()[0];
const server = await serveBrotli(dist, { cacheControl });
const reports = [];
try {
  for (let i = 0; i < runs; i++) {
    const started = Date.now();
    const served = server.requests.length;
    chrome = await within(30_000, 'starting Chromium', chromeLauncher.launch({
      chromePath,
      chromeFlags,
      logLevel: 'silent',
      maxConnectionRetries: 40,
    }));
    let result;
    try {
      result = await within(timeoutMs, `Lighthouse run ${i + 1}`, lighthouse(server.url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
        maxWaitForLoad: 60_000,
      }));
    } finally {
      await Promise.resolve(chrome.kill()).catch(() => {});
      chrome = null;
    }
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse run ${i + 1} returned no result`);
    if (lhr.runtimeError) throw new Error(`Lighthouse run ${i + 1}: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    for (const w of lhr.runWarnings ?? []) console.error(`[lighthouse] run ${i + 1} warning: ${w}`);
    const broken = Object.values(lhr.categories).filter((c) => c.score === null).map((c) => c.id);
    if (broken.length) throw new Error(`Lighthouse run ${i + 1}: no score for ${broken.join(', ')}`);
    if (out) {
      fs.mkdirSync(out, { recursive: true });
      fs.writeFileSync(path.join(out, `lighthouse-${i + 1}.json`), result.report);
    }
    reports.push({ lhr, seconds: (Date.now() - started) / 1000, served: server.requests.slice(served) });
  }
} catch (e) {
  await server.close();
  fail(1, e.message);
}
await server.close();

// ---- figures ----
const num = (lhr, id) => lhr.audits[id]?.numericValue;
const score = (lhr, id) => Math.round(lhr.categories[id].score * 100);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const cols = [
  ['performance', (l) => score(l, 'performance'), (v) => `${Math.round(v)}`],
  ['accessibility', (l) => score(l, 'accessibility'), (v) => `${Math.round(v)}`],
  ['best practices', (l) => score(l, 'best-practices'), (v) => `${Math.round(v)}`],
  ['FCP', (l) => num(l, 'first-contentful-paint'), secs],
  ['LCP', (l) => num(l, 'largest-contentful-paint'), secs],
  ['Speed Index', (l) => num(l, 'speed-index'), secs],
  ['TBT', (l) => num(l, 'total-blocking-time'), (v) => `${Math.round(v)} ms`],
  ['TTI', (l) => num(l, 'interactive'), secs],
  ['CLS', (l) => num(l, 'cumulative-layout-shift'), (v) => v.toFixed(3)],
  ['transfer', (l) => num(l, 'total-byte-weight'), kb],
];
const first = reports[0].lhr;
const s = first.configSettings;
console.log(`### Lighthouse ${lhVersion} mobile (${s.formFactor}, ${s.throttlingMethod}d: ${s.throttling.rttMs} ms RTT, ` +
  `${(s.throttling.throughputKbps / 1000).toFixed(1)} Mbit/s, ${s.throttling.cpuSlowdownMultiplier}× CPU), release build served with brotli, ${runs} run${runs > 1 ? 's' : ''}`);
console.log();
console.log(`| run | ${cols.map((c) => c[0]).join(' | ')} |`);
console.log(`|---|${cols.map(() => '---:').join('|')}|`);
reports.forEach(({ lhr }, i) => console.log(`| ${i + 1} | ${cols.map(([, get, fmt]) => fmt(get(lhr))).join(' | ')} |`));
console.log(`| **median** | ${cols.map(([, get, fmt]) => `**${fmt(median(reports.map((r) => get(r.lhr))))}**`).join(' | ')} |`);

// The run whose performance score is the median (the lower middle one for an even count).
const byScore = [...reports].sort((a, b) => score(a.lhr, 'performance') - score(b.lhr, 'performance'));
const mid = byScore[Math.floor((byScore.length - 1) / 2)].lhr;
const requests = mid.audits['network-requests'].details.items;
const name = (url) => new URL(url).pathname.replace(/-[0-9a-f]{16}/, '-<hash>');
const largest = [...requests].sort((a, b) => b.transferSize - a.transferSize).slice(0, 4);
console.log();
console.log(`- largest requests (median run, transferred / decoded): ${largest
  .map((r) => `\`${name(r.url)}\` ${kb(r.transferSize)} / ${kb(r.resourceSize)}`).join(', ')}; ${requests.length} requests`);
console.log(`- Chromium ${first.environment.hostUserAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? '?'}, ` +
  `benchmark index ${reports.map((r) => Math.round(r.lhr.environment.benchmarkIndex)).join(' / ')} ` +
  `(CPU speed as Lighthouse measures it), load average ${load.toFixed(1)} on ${os.cpus().length} cores at start ` +
  `(TBT and TTI are main-thread times ×4: a busy machine raises them); ` +
  `${((Date.now() - t0) / 1000).toFixed(0)} s for ${runs} run${runs > 1 ? 's' : ''} including brotli-compressing the build`);
// Audits Lighthouse 12.2.3 cannot compute from this Chromium's trace (none of them is scored).
const errored = Object.values(first.audits).filter((a) => a.scoreDisplayMode === 'error');
if (errored.length) {
  console.log(`- audits that failed with this Chromium (unscored): ${errored.map((a) => `${a.id}`).join(', ')} ` +
    `(${errored.map((a) => a.errorMessage).sort((a, b) => a.length - b.length)[0]})`);
}

if (diagnostics) {
  const ms = (v) => `${Math.round(v)} ms`;
  console.log(`\n#### What the median run's score is made of`);
  const items = (id) => mid.audits[id]?.details?.items ?? [];
  const weights = mid.categories.performance.auditRefs.filter((a) => a.weight > 0);
  console.log(`\n- metric scores (weight): ${weights.map((a) => `${a.id} ${Math.round(mid.audits[a.id].score * 100)} (${a.weight}%)`).join(', ')}`);
  const observed = items('metrics')[0] ?? {};
  console.log(`- observed on loopback, unthrottled: FCP ${ms(observed.observedFirstContentfulPaint)}, LCP ${ms(observed.observedLargestContentfulPaint)}, ` +
    `load ${ms(observed.observedLoad)}, trace end ${ms(observed.observedTraceEnd)}`);
  const lcpEl = items('largest-contentful-paint-element');
  for (const table of lcpEl) {
    for (const it of table.items ?? []) {
      if (it.node) console.log(`- LCP element: \`${it.node.snippet}\` (${it.node.nodeLabel})`);
      else if (it.phase) console.log(`  - ${it.phase}: ${ms(it.timing)} (${it.percent})`);
    }
  }
  console.log(`- main-thread work (${ms(mid.audits['mainthread-work-breakdown'].numericValue)}): ` +
    items('mainthread-work-breakdown').map((it) => `${it.groupLabel} ${ms(it.duration)}`).join(', '));
  console.log(`- script boot-up (${ms(mid.audits['bootup-time'].numericValue)}): ` +
    items('bootup-time').map((it) => `\`${it.url.startsWith('http') ? name(it.url) : it.url}\` total ${ms(it.total)} (scripting ${ms(it.scripting)}, parse/compile ${ms(it.scriptParseCompile)})`).join('; '));
  const longTasks = items('long-tasks');
  if (longTasks.length) console.log(`- long tasks: ${longTasks.map((t) => `${ms(t.duration)} at ${ms(t.startTime)} (\`${t.url.startsWith('http') ? name(t.url) : t.url}\`)`).join(', ')}`);
  console.log(`- requests (observed start → end, transferred / decoded):`);
  for (const r of requests) {
    console.log(`  - \`${name(r.url)}\` ${r.resourceType ?? ''} ${ms(r.networkRequestTime)} → ${ms(r.networkEndTime)}, ${kb(r.transferSize)} / ${kb(r.resourceSize)}${r.sessionTargetType && r.sessionTargetType !== 'page' ? ` (${r.sessionTargetType})` : ''}`);
  }
  const midRun = reports.find((r) => r.lhr === mid);
  const byPath = new Map();
  for (const [p, enc, bytes] of midRun.served) {
    const e = byPath.get(p) ?? { n: 0, bytes: 0, enc };
    byPath.set(p, { n: e.n + 1, bytes: e.bytes + bytes, enc });
  }
  console.log(`- the server sent ${midRun.served.length} responses, ${kb(midRun.served.reduce((t, r) => t + r[2], 0))} ` +
    `(Lighthouse counts only the page's own requests, not the service worker's precache): ` +
    [...byPath].map(([p, e]) => `\`${p.replace(/-[0-9a-f]{16}/, '-<hash>')}\`${e.n > 1 ? ` ×${e.n}` : ''} ${kb(e.bytes)} ${e.enc}`).join(', '));
  const chains = mid.audits['critical-request-chains'];
  console.log(`- critical request chain: ${chains.displayValue ?? ''}, longest ${ms(chains.details?.longestChain?.duration ?? 0)} ` +
    `(${chains.details?.longestChain?.length ?? '?'} requests, ${kb(chains.details?.longestChain?.transferSize ?? 0)})`);
  const failing = Object.values(mid.audits).filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual');
  console.log(`- audits below 90: ${failing.map((a) => `${a.id} ${Math.round(a.score * 100)}${a.displayValue ? ` (${a.displayValue})` : ''}`).join(', ') || 'none'}`);
}
