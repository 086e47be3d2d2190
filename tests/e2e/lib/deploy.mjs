// A deployment of its own for tests that change what is deployed (a new version) or take the
// server away (offline): a copy of the release build, served on 127.0.0.1 under the same prefix
// as the suite. `redeploy()` makes a new version the way a real deployment does — changed files,
// then the build's post-build step (.ci/precache.mjs) writes a new sw.js from them.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from './server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export async function deployCopy() {
  const dist = process.env.E2E_DIST;
  if (!dist) throw new Error('E2E_DIST is not set: run the suite through tests/e2e/run.mjs');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'raport-deploy-'));
  fs.cpSync(dist, dir, { recursive: true });
  const prefix = new URL(process.env.E2E_BASE_URL).pathname;
  const server = await serveStatic(dir, { prefix, unref: true });
  let n = 0;
  return {
    url: server.url,
    dir,
    requests: server.requests,
    /** Publishes a new version: index.html changes, sw.js is generated again. */
    redeploy() {
      n += 1;
      const index = path.join(dir, 'index.html');
      fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('</body>', `<!-- wdrożenie ${n} -->\n</body>`));
      execFileSync(process.execPath, [path.join(root, '.ci/precache.mjs'), dir], { stdio: 'ignore' });
    },
    close: () => server.close(),
  };
}
