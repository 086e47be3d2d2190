// What a first visit downloads from a build in dist/ before the start screen works: the page and
// the modules it loads to start (not the parts of the app fetched when first used, the schemas,
// the samples or other files fetched later), each raw, gzip -9 and brotli -11. Shared by
// the size benchmark (tests/bench/size.mjs) and the size gate of the test command
// (.ci/size-gate.mjs), so both count the same bytes.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** Sizes of one buffer: { raw, gzip, brotli } in bytes. */
export function sizes(buf) {
  return {
    raw: buf.length,
    gzip: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length,
  };
}

/** Every file under `dir`, as paths relative to it. */
function walk(dir) {
  return fs.readdirSync(dir, { recursive: true }).filter((f) => fs.statSync(path.join(dir, f)).isFile());
}

/** The directory of the app's modules in `dist` (`app-<hash>`, .ci/wasm-app.mjs). */
export function appDir(dist) {
  const found = fs.readdirSync(dist).filter((f) => /^app-[0-9a-f]{16}$/.test(f));
  if (found.length !== 1) throw new Error(`${dist}: expected one app-<hash>/ directory, found ${found.length}`);
  return found[0];
}

const withSizes = (dist, files) => {
  const rows = files.sort().map((f) => ({ file: f, ...sizes(fs.readFileSync(path.join(dist, f))) }));
  const total = rows.reduce(
    (t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  return { rows, total };
};

/**
 * The first-load files of `dist` with their sizes, and the total: { rows, total }. That is the
 * page and what it loads to start: its icon and service worker, and in `app-<hash>/` every JS
 * module (the glue, its snippets, the split loader, the initializer) and the start module
 * `raport-gp_bg.wasm`. The other modules there are parts fetched when first used ([`parts`]).
 */
export function firstLoad(dist) {
  const root = fs.readdirSync(dist).filter((f) => /\.(html|js|mjs|css|svg|ico)$/.test(f));
  const app = appDir(dist);
  const start = walk(path.join(dist, app))
    .filter((f) => /\.m?js$/.test(f) || f === 'raport-gp_bg.wasm')
    .map((f) => `${app}/${f}`);
  return withSizes(dist, [...root, ...start]);
}

/** The modules fetched when a part of the app is first used (the editor, Pomoc), with sizes. */
export function parts(dist) {
  const app = appDir(dist);
  const later = walk(path.join(dist, app))
    .filter((f) => f.endsWith('.wasm') && f !== 'raport-gp_bg.wasm')
    .map((f) => `${app}/${f}`);
  return withSizes(dist, later);
}

export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
