// Runs one suite of browser tests against the release build in dist/, served on 127.0.0.1
// (optionally under a sub-path), with node's test runner; prints `<suite>: N passed, N failed`.
//   node run.mjs --suite e2e --dir specs [--prefix /demo/raport/] [--dist ../../dist]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from './lib/server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const suite = args.suite ?? 'e2e';
const dir = path.resolve(here, args.dir ?? 'specs');
const prefix = args.prefix ?? '/';
const dist = path.resolve(here, args.dist ?? '../../dist');
const only = args.only;

if (!fs.existsSync(path.join(dist, 'index.html'))) {
  console.error(`${suite}: no build in ${dist} (run trunk build --release first)`);
  process.exit(2);
}
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.test.mjs') && (!only || f.includes(only)))
  .sort()
  .map((f) => path.join(dir, f));

const server = await serveStatic(dist, { prefix });
const tap = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'raport-e2e-')), 'out.tap');
// The server lives in this process, so the test run must be asynchronous (spawnSync would
// block the event loop and no page would ever load).
const status = await new Promise((resolve) => {
  const child = spawn(
  process.execPath,
  [
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...files,
  ],
  { stdio: 'inherit', env: { ...process.env, E2E_BASE_URL: server.url, E2E_DIST: dist } },
  );
  child.on('exit', (code) => resolve(code ?? 1));
});
await server.close();

const out = fs.existsSync(tap) ? fs.readFileSync(tap, 'utf8') : '';
const count = (k) => Number((out.match(new RegExp(`^# ${k} (\\d+)$`, 'm')) ?? [])[1] ?? 0);
const passed = count('pass');
const failed = count('fail') + count('cancelled') + (status !== 0 && count('fail') === 0 ? 1 : 0);
console.log(`${suite} [${prefix}]: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
