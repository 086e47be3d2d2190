// Trunk post-build hook: gives the app page a Content-Security-Policy. Trunk writes the loader
// of the wasm module as an inline <script type="module"> whose text (hashed asset names) changes
// with every build, so its SHA-256 is computed here, from the built page, and allowed by hash —
// no 'unsafe-inline' for scripts. Everything else comes from the page's own origin; WebAssembly
// needs 'wasm-unsafe-eval'; styles may be inline (Leptos sets style attributes and the print
// preview's srcdoc document, which inherits this policy, carries its own <style>).
//   node .ci/csp.mjs [DIR]   (DIR defaults to $TRUNK_STAGING_DIR, then dist/)
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR || 'dist';
const file = path.join(dir, 'index.html');
let html = fs.readFileSync(file, 'utf8');
if (html.includes('http-equiv="Content-Security-Policy"')) {
  html = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
}
const hashes = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
  .filter((m) => !/\bsrc=/.test(m[0].slice(0, m[0].indexOf('>'))))
  .map((m) => `'sha256-${crypto.createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "frame-src 'self' blob: data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
// First in <head>, before any script, so it governs them all.
html = html.replace(/<head>/, `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
fs.writeFileSync(file, html);
console.log(`[csp] ${file}: ${hashes.length} inline script(s) allowed by hash`);
