// Size and first-load benchmark of the release build in dist/: every file raw / gzip / brotli,
// the total first-load transfer, and the time until the app has rendered in Debian's Chromium.
//   node tests/bench/size.mjs [--dist dist] [--runs 5]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../e2e/lib/server.mjs';
import { launch } from '../e2e/lib/browser.mjs';
import { firstLoad, kb, parts } from './first-load.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const arg = (k, d) => (argv.includes(`--${k}`) ? argv[argv.indexOf(`--${k}`) + 1] : d);
const dist = path.resolve(arg('dist', path.join(here, '../../dist')));
const runs = Number(arg('runs', 5));

const { rows, total } = firstLoad(dist);

console.log('| file | raw | gzip -9 | brotli -11 |');
console.log('|---|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.file.replace(/-[0-9a-f]{16}/, '-<hash>').replace(/snippets\/.*\//, 'snippets/…/')} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`);
console.log(`| **first load, total** | ${kb(total.raw)} | ${kb(total.gzip)} | ${kb(total.brotli)} |`);
const later = parts(dist);
console.log('\nFetched when first used (the editor, Pomoc; in the background after the start for the editor):\n');
console.log('| file | raw | gzip -9 | brotli -11 |');
console.log('|---|---:|---:|---:|');
for (const r of later.rows) console.log(`| ${r.file.replace(/app-[0-9a-f]{16}/, 'app-<hash>').replace(/_\d{8,}/, '')} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`);
console.log(`| **parts, total** | ${kb(later.total.raw)} | ${kb(later.total.gzip)} | ${kb(later.total.brotli)} |`);

// Time from navigation to the rendered main region, cold cache each run (new context).
const server = await serveStatic(dist);
const browser = await launch();
const times = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const t0 = Date.now();
  await page.goto(server.url);
  await page.getByRole('main').waitFor();
  times.push(Date.now() - t0);
  await context.close();
}
await browser.close();
await server.close();
times.sort((a, b) => a - b);
console.log(`\nfirst render (navigation → main region visible, loopback, new profile), ${runs} runs: median ${times[Math.floor(runs / 2)]} ms, min ${times[0]} ms, max ${times[runs - 1]} ms`);
