// Size and first-load benchmark of the release build in dist/: every file raw / gzip / brotli,
// the total first-load transfer, and the time until the app has rendered in Debian's Chromium.
//   node tests/bench/size.mjs [--dist dist] [--runs 5]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../e2e/lib/server.mjs';
import { launch } from '../e2e/lib/browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const arg = (k, d) => (argv.includes(`--${k}`) ? argv[argv.indexOf(`--${k}`) + 1] : d);
const dist = path.resolve(arg('dist', path.join(here, '../../dist')));
const runs = Number(arg('runs', 5));

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const sizes = (buf) => ({
  raw: buf.length,
  gzip: zlib.gzipSync(buf, { level: 9 }).length,
  brotli: zlib.brotliCompressSync(buf, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length,
});

// What a first visit downloads: the page and the assets it links (not the schema).
const firstLoad = fs
  .readdirSync(dist)
  .filter((f) => /\.(html|js|wasm|css|svg|ico)$/.test(f));
const rows = firstLoad.map((f) => ({ file: f, ...sizes(fs.readFileSync(path.join(dist, f))) }));
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });

console.log('| file | raw | gzip -9 | brotli -11 |');
console.log('|---|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.file.replace(/-[0-9a-f]{16}/, '-<hash>')} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`);
console.log(`| **first load, total** | ${kb(total.raw)} | ${kb(total.gzip)} | ${kb(total.brotli)} |`);

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
