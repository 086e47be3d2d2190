import fs from 'node:fs';
import { launch } from './lib/browser.mjs';
import { serveStatic } from './lib/server.mjs';
const N = Number(process.argv[2] ?? 1000);
const mode = process.argv[3] ?? 'type';
const server = await serveStatic('/tmp/prof-dist', { prefix: '/' });
const b = await launch();
const ctx = await b.newContext({ locale: 'pl-PL' });
const page = await ctx.newPage();
const doc = JSON.parse(fs.readFileSync(`/tmp/benchfiles/raport-${N}.json`, 'utf8'));
for (const a of doc.report.activities) a.tasks = ['drugs.3'];
await page.goto(server.url);
await page.getByRole('heading', { level: 1, name: 'Raporty w tej przeglądarce' }).waitFor();
await page.getByLabel('Importuj plik JSON').setInputFiles({ name: 'r.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
await page.getByRole('dialog', { name: 'Podgląd importu' }).getByRole('button', { name: 'Importuj', exact: true }).click();
await page.getByTestId('import-status').getByText('Zaimportowano').waitFor();
await page.getByRole('row', { name: /Miasto Wzorcowe/ }).getByRole('button', { name: 'Otwórz' }).click();
await page.locator('#section-title').waitFor();
await page.waitForTimeout(1500);
const cdp = await ctx.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
const nav = page.getByRole('navigation', { name: 'Sekcje raportu' });
if (mode === 'switch') {
  await cdp.send('Profiler.start');
  for (let i = 0; i < 4; i++) {
    await nav.getByRole('button').filter({ hasText: /Narkotyki|3\./ }).first().click();
    await page.waitForTimeout(700);
    await nav.getByRole('button', { name: /^Eksport/ }).click();
    await page.waitForTimeout(700);
  }
} else {
  await nav.getByRole('button').filter({ hasText: /3\./ }).first().click();
  await page.waitForTimeout(1000);
  const toggle = page.getByRole('main').getByRole('button', { name: 'Rozwiń' }).first();
  if (await toggle.count()) await toggle.click();
  const f = page.locator('main input[id^="f-activities-"][id$="-title"]').first();
  await f.click();
  await page.waitForTimeout(500);
  await cdp.send('Profiler.start');
  for (let i = 0; i < 40; i++) { await page.keyboard.type('x'); await page.waitForTimeout(60); }
}
const { profile } = await cdp.send('Profiler.stop');
const self = new Map(); const byId = new Map(profile.nodes.map(n => [n.id, n]));
const dt = profile.timeDeltas; const counts = new Map();
profile.samples.forEach((s, i) => counts.set(s, (counts.get(s) ?? 0) + (dt[i] ?? 0)));
for (const [id, us] of counts) { const n = byId.get(id); const k = n.callFrame.functionName || `(${n.callFrame.url.split('/').pop()})`; self.set(k, (self.get(k) ?? 0) + us); }
const tot = [...self.values()].reduce((a, b) => a + b, 0);
const top = [...self.entries()].filter(([k]) => !/\(idle\)|\(program\)|\(garbage/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 45);
console.log('total ms', (tot / 1000).toFixed(0), 'idle', ((self.get('(idle)') ?? 0) / 1000).toFixed(0), 'program', ((self.get('(program)') ?? 0)/1000).toFixed(0), 'gc', ((self.get('(garbage collector)') ?? 0)/1000).toFixed(0));
for (const [k, v] of top) console.log((v / 1000).toFixed(1).padStart(8), k.slice(0, 150));
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
for (const pat of [/IndexMap.*clone|Core<K,V> as core::clone/, /shift_remove/, /slice_contains/]) {
  const stacks = new Map();
  for (const [id, us] of counts) { const n = byId.get(id); if (!pat.test(n.callFrame.functionName)) continue;
    let chain = []; let p = parent.get(id); while (p && chain.length < 7) { const fn = byId.get(p).callFrame.functionName; chain.push(fn.replace(/::h[0-9a-f]{16}/,'').slice(0, 90)); p = parent.get(p); }
    const k = chain.join(' <- '); stacks.set(k, (stacks.get(k) ?? 0) + us); }
  console.log('\n==', pat);
  for (const [k, v] of [...stacks.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4)) console.log((v/1000).toFixed(1), k);
}
await b.close(); await server.close();
