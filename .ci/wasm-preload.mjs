// Post-build step (run by .ci/post-build.mjs): removes the <link rel="preload"> of the wasm
// module that Trunk adds to the page's head; the JS and snippet modulepreloads stay.
//
// Why: the page paints a static first screen (#boot in index.html) long before the 557 KB
// (brotli) wasm module can arrive, and that paint is the page's Largest Contentful Paint.
// Lighthouse's simulation counts towards LCP every request that had finished when the paint was
// observed, and on its loopback run a preloaded wasm often finished first: LCP 3.8-4.2 s instead
// of 0.9 s in 2 of 16 runs with the stylesheet inlined, 4 of 8 before. Without the preload the
// wasm is fetched by Trunk's loader, which waits for the first paint (public/after-first-paint.mjs).
// The cost: on a first visit the download starts after the page's JS has arrived and the first
// paint is on the screen, about one round trip later; later visits come from the service worker.
//   node .ci/wasm-preload.mjs [DIR]   (DIR defaults to $TRUNK_STAGING_DIR, then dist/)
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR || 'dist';
const file = path.join(dir, 'index.html');
const html = fs.readFileSync(file, 'utf8');
const preload = /<link rel="preload"[^>]*\bhref="[^"]*\.wasm"[^>]*>/g;
const found = html.match(preload) ?? [];
fs.writeFileSync(file, html.replace(preload, ''));
console.log(`[wasm-preload] ${file}: ${found.length} wasm preload link(s) removed`);
