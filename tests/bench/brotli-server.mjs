// A static server for the release build the way a production host serves it: every file
// compressed once with brotli (quality 11) at start, sent with `content-encoding: br` to clients
// that accept it, raw otherwise. Only binds to 127.0.0.1. The test server
// (tests/e2e/lib/server.mjs) stays uncompressed; this one is for the Lighthouse benchmark.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { TYPES } from '../e2e/lib/server.mjs';

const TEXT = /^(text\/|application\/(json|manifest\+json|javascript))|^image\/svg/;

function filesUnder(dir, rel = '') {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(dir, path.posix.join(rel, e.name)) : [path.posix.join(rel, e.name)],
  );
}

/**
 * Serves `root` at / on 127.0.0.1. `cacheControl` defaults to what GitHub Pages sends.
 * Resolves to { url, requests, files, close() }; `requests` records [path, encoding, bytes sent];
 * `files` maps each path to { raw, br } sizes.
 */
export async function serveBrotli(root, { port = 0, cacheControl = 'max-age=600' } = {}) {
  const files = new Map();
  for (const rel of filesUnder(root)) {
    const raw = fs.readFileSync(path.join(root, rel));
    const type = TYPES[path.extname(rel)] ?? 'application/octet-stream';
    const br = zlib.brotliCompressSync(raw, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_MODE]: TEXT.test(type) ? zlib.constants.BROTLI_MODE_TEXT : zlib.constants.BROTLI_MODE_GENERIC,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    });
    files.set(`/${rel}`, { raw, br, type });
  }
  const requests = [];
  const server = http.createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = files.get(pathname);
    if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
      requests.push([pathname, '-', 0]);
      res.writeHead(file ? 405 : 404, { 'content-type': 'text/plain' }).end(file ? 'method not allowed' : 'not found');
      return;
    }
    const useBr = /\bbr\b/.test(req.headers['accept-encoding'] ?? '');
    const body = useBr ? file.br : file.raw;
    requests.push([pathname, useBr ? 'br' : 'identity', body.length]);
    res.writeHead(200, {
      'content-type': file.type,
      'content-length': body.length,
      'cache-control': cacheControl,
      vary: 'accept-encoding',
      ...(useBr ? { 'content-encoding': 'br' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    requests,
    files: new Map([...files].map(([k, v]) => [k, { raw: v.raw.length, br: v.br.length }])),
    close: () => new Promise((r) => { server.close(r); server.closeAllConnections(); }),
  };
}
