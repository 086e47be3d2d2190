// Trunk's one post-build hook: the steps that rewrite the built page, one after the other.
// Trunk starts all hooks of a stage at the same time, and these depend on each other's output:
// the CSP hashes the page's final inline script, and sw.js's version hashes the final page.
//   node .ci/post-build.mjs [DIR]   (DIR defaults to $TRUNK_STAGING_DIR, then dist/)
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
for (const step of ['app-loader.mjs', 'csp.mjs', 'precache.mjs']) {
  execFileSync(process.execPath, [path.join(here, step), ...process.argv.slice(2)], { stdio: 'inherit' });
}
