// Post-build step (run by .ci/post-build.mjs): points the page at the app's module, which
// .ci/wasm-app.mjs built into `app-<hash>/`. Writes, at the `<!-- app -->` mark of index.html:
// a modulepreload of each JS module the start needs (so the glue's own imports do not wait for
// it), and the loader, an inline module that first imports after-first-paint.mjs (which holds
// the wasm download until the static first paint is on the screen and explains a failed start),
// then instantiates the start module. The parts (the editor, Pomoc) are fetched by
// `__wasm_split.js` when first used, never preloaded by the page.
//   node .ci/app-loader.mjs [DIR]   (DIR defaults to $TRUNK_STAGING_DIR, then dist/)
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR || 'dist';
const file = path.join(dir, 'index.html');
const apps = fs.readdirSync(dir).filter((f) => /^app-[0-9a-f]{16}$/.test(f));
if (apps.length !== 1) {
  console.error(`[app-loader] expected one app-<hash>/ in ${dir}, found ${apps.length}: run .ci/wasm-app.mjs first`);
  process.exit(1);
}
const app = apps[0];
const html = fs.readFileSync(file, 'utf8');
const MARK = '<!-- app -->';
if (!html.includes(MARK)) {
  console.error(`[app-loader] ${file} has no ${MARK} mark`);
  process.exit(1);
}
const preloads = fs
  .readdirSync(path.join(dir, app), { recursive: true })
  .filter((f) => /\.m?js$/.test(f))
  .sort()
  .map((f) => `<link rel="modulepreload" href="./${app}/${f}" crossorigin="anonymous" />`);
const loader = [
  '<script type="module">',
  `import './${app}/after-first-paint.mjs';`,
  `import init from './${app}/raport-gp.js';`,
  `await init({ module_or_path: new URL('./${app}/raport-gp_bg.wasm', import.meta.url) });`,
  '</script>',
];
fs.writeFileSync(file, html.replace(MARK, [...preloads, ...loader].join('\n    ')));
console.log(`[app-loader] ${file}: ${app}/, ${preloads.length} module preload(s)`);
