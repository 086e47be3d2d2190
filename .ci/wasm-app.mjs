// Trunk's pre-build hook (Trunk.toml): builds the app's WebAssembly in parts, into the build's
// `app-<hash>/` directory, where .ci/app-loader.mjs (post-build) points the page at it.
//
// The start screen needs a part of the app only: the editor and Pomoc are loaded when first
// opened (src/app/lazy.rs marks them as split points). Trunk's own Rust pipeline links, binds and
// optimises one module and has no step between linking and binding, which is where a module is
// split, so this hook does the same steps with the same tools, plus that one:
//   1. cargo build of the `raport-gp` binary for wasm32 with the `split` feature, linked with
//      relocations kept (`--emit-relocs`, which wasm-split-cli reads to move code and data);
//   2. wasm-split-cli: the start module, one module per split point (and chunks the split points
//      share), and `__wasm_split.js`, which fetches and instantiates them on demand;
//   3. wasm-bindgen --target web on the start module (`--keep-lld-exports`: the table, memory and
//      shared symbols the parts import from it);
//   4. wasm-opt -Oz on every module (release builds), as Trunk's `data-wasm-opt="z"` did.
// The directory's name carries a hash of its contents: a deployment never mixes the files of two
// builds (the names inside it stay fixed, as the parts refer to each other by them).
//   node .ci/wasm-app.mjs [DIR]   (DIR defaults to $TRUNK_STAGING_DIR, then dist/;
//                                  $TRUNK_PROFILE=release builds the release profile)
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.resolve(process.argv[2] || process.env.TRUNK_STAGING_DIR || path.join(root, 'dist'));
const release = (process.env.TRUNK_PROFILE ?? 'release') === 'release';
const profile = release ? 'release' : 'debug';
const BIN = 'raport-gp';

const run = (cmd, args, env = {}) => {
  const t0 = Date.now();
  execFileSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`[wasm-app] ${path.basename(cmd)}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
};

// The tools' versions, as Trunk.toml pins them (Trunk checked them for its own Rust step).
const trunkToml = fs.readFileSync(path.join(root, 'Trunk.toml'), 'utf8');
const pinned = (key) => trunkToml.match(new RegExp(`^${key} = "([^"]+)"`, 'm'))?.[1];
const version = (cmd) => {
  try {
    return execFileSync(cmd, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
};
for (const [cmd, key, found] of [
  ['wasm-bindgen', 'wasm_bindgen', (v) => v.split(' ')[1]],
  ['wasm-opt', 'wasm_opt', (v) => v.match(/\((version_\d+)\)/)?.[1]],
]) {
  const want = pinned(key);
  const have = found(version(cmd)) ?? '';
  if (have !== want) {
    console.error(`[wasm-app] ${cmd} ${have || 'is missing'}; the build needs ${want} (bash .ci/setup installs it)`);
    process.exit(1);
  }
}
if (!tryWhich('wasm-split-cli')) {
  console.error('[wasm-app] wasm-split-cli is missing (bash .ci/setup installs it)');
  process.exit(1);
}
function tryWhich(cmd) {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const meta = JSON.parse(
  execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps'], { cwd: root, encoding: 'utf8' }),
);
const target = process.env.CARGO_TARGET_DIR ? path.resolve(root, process.env.CARGO_TARGET_DIR) : meta.target_directory;

// 1. Link with relocations. RUSTFLAGS replaces the config's flags for this build only; the
//    wasm-bindgen tests build without them (and without the split points) as one module.
const flags = [process.env.RUSTFLAGS, '-C link-arg=--emit-relocs'].filter(Boolean).join(' ');
run(
  'cargo',
  ['build', '--target=wasm32-unknown-unknown', '--bin', BIN, '--features', 'split', '--locked', ...(release ? ['--release'] : [])],
  { RUSTFLAGS: flags },
);
const linked = path.join(target, 'wasm32-unknown-unknown', profile, `${BIN}.wasm`);

// 2. Split, into a work directory of its own.
const work = path.join(target, 'wasm-app', profile);
fs.rmSync(work, { recursive: true, force: true });
const split = path.join(work, 'split');
const pkg = path.join(work, 'pkg');
fs.mkdirSync(split, { recursive: true });
fs.mkdirSync(pkg, { recursive: true });
run('wasm-split-cli', [linked, split, '--out-name', BIN, '--target', 'web']);

// 3. Bind the start module; the parts and the loader are copied beside it.
run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-typescript', '--out-name', BIN, '--out-dir', pkg, path.join(split, `${BIN}.wasm`)]);
for (const f of fs.readdirSync(split)) {
  if (f !== `${BIN}.wasm`) fs.copyFileSync(path.join(split, f), path.join(pkg, f));
}

// 4. Optimise every module for size.
if (release) {
  for (const f of fs.readdirSync(pkg).filter((f) => f.endsWith('.wasm'))) {
    const file = path.join(pkg, f);
    run('wasm-opt', ['-Oz', file, '-o', file]);
  }
}

// The page's initializer, which holds the module's download until the first paint, goes with
// the module it holds (.ci/app-loader.mjs imports it first).
fs.copyFileSync(path.join(root, 'public', 'after-first-paint.mjs'), path.join(pkg, 'after-first-paint.mjs'));

// The directory, named by the hash of what is in it.
const files = (d) =>
  fs.readdirSync(d, { recursive: true }).filter((f) => fs.statSync(path.join(d, f)).isFile()).sort();
const hash = crypto.createHash('sha256');
for (const f of files(pkg)) hash.update(f).update('\0').update(fs.readFileSync(path.join(pkg, f))).update('\0');
const name = `app-${hash.digest('hex').slice(0, 16)}`;
for (const old of fs.readdirSync(out).filter((f) => /^app-[0-9a-f]{16}$/.test(f))) {
  fs.rmSync(path.join(out, old), { recursive: true, force: true });
}
fs.cpSync(pkg, path.join(out, name), { recursive: true });
const modules = files(pkg).filter((f) => f.endsWith('.wasm'));
console.log(`[wasm-app] ${name}/: ${modules.map((f) => `${f} ${(fs.statSync(path.join(pkg, f)).size / 1024).toFixed(0)} KB`).join(', ')}`);
