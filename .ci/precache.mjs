// Post-build step (a Trunk `post_build` hook, so every `trunk build` and `trunk serve` runs it):
// writes sw.js into the build from the template public/sw.js, with the list of every file the
// build produced (Trunk's hashed names included) and a version derived from their contents.
// A new deployment therefore always changes sw.js, which is how browsers notice an update.
//   node .ci/precache.mjs [DIR]     (DIR defaults to $TRUNK_STAGING_DIR, else dist)
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.resolve(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? path.join(root, 'dist'));
const WORKER = 'sw.js';

function files(d, rel = '') {
  return fs
    .readdirSync(path.join(d, rel), { withFileTypes: true })
    .flatMap((e) => {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.name.startsWith('.')) return [];
      return e.isDirectory() ? files(d, r) : [r];
    })
    .filter((r) => r !== WORKER)
    .sort();
}

if (!fs.existsSync(path.join(dir, 'index.html'))) {
  console.error(`precache: no index.html in ${dir}`);
  process.exit(1);
}
const list = files(dir);
const hash = crypto.createHash('sha256');
for (const f of list) {
  hash.update(f).update('\0').update(fs.readFileSync(path.join(dir, f))).update('\0');
}
const template = fs.readFileSync(path.join(root, 'public', WORKER), 'utf8');
hash.update(template);
const version = hash.digest('hex').slice(0, 16);
// './' is the address the app is opened at (the directory); index.html answers it.
const assets = ['./', ...list];
const worker = template
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace('__ASSETS__', JSON.stringify(assets, null, 2));
fs.writeFileSync(path.join(dir, WORKER), worker);
console.log(`precache: ${WORKER} version ${version}, ${assets.length} entries`);
