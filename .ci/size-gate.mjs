// The size gate of the test command: fails when what a first visit downloads from dist/
// (brotli -11, counted as the size benchmark counts it) exceeds the budget in
// .ci/first-load-budget.json; prints the figure either way, per file, and a closing
// `size gate: 1 passed, 0 failed` line for .ci/test.
//   node .ci/size-gate.mjs [dist]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstLoad, kb, parts } from '../tests/bench/first-load.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(root, process.argv[2] ?? 'dist');
const budgetKb = JSON.parse(fs.readFileSync(path.join(root, '.ci/first-load-budget.json'), 'utf8')).first_load_brotli_kb;
if (!(budgetKb > 0)) throw new Error('.ci/first-load-budget.json: first_load_brotli_kb is not a positive number');
const { rows, total } = firstLoad(dist);
for (const r of rows.sort((a, b) => b.brotli - a.brotli)) console.log(`  ${r.file.padEnd(60)} ${kb(r.brotli).padStart(10)}`);
const later = parts(dist);
console.log(`  (fetched when first used, not counted: ${later.rows.length} part module(s), ${kb(later.total.brotli)})`);
const ok = total.brotli <= budgetKb * 1024;
console.log(`first load: ${kb(total.brotli)} brotli (${kb(total.raw)} raw) against a budget of ${budgetKb} KB: ${ok ? 'within' : `OVER by ${kb(total.brotli - budgetKb * 1024)}`}`);
console.log(`size gate: ${ok ? 1 : 0} passed, ${ok ? 0 : 1} failed`);
process.exit(ok ? 0 : 1);
