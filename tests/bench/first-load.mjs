// What a first visit downloads from a build in dist/: the page and the assets it links (not the
// schemas, the samples or other files fetched later), each raw, gzip -9 and brotli -11. Shared by
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

/** The first-load files of `dist` with their sizes, and the total: { rows, total }. */
export function firstLoad(dist) {
  const rows = fs
    .readdirSync(dist)
    .filter((f) => /\.(html|js|wasm|css|svg|ico)$/.test(f))
    .map((f) => ({ file: f, ...sizes(fs.readFileSync(path.join(dist, f))) }));
  const total = rows.reduce(
    (t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  return { rows, total };
}

export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
