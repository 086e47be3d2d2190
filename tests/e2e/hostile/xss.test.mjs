// Script injection: 50+ payloads in every text field of a report reach no script execution in
// the app (every editor section), the print preview, the exported printable HTML, or the HTML
// the CLI renders; and the app page's Content-Security-Policy stops a script injected into the
// page itself. A page-level hook (`__xss`) records any execution. Prints
// `xss: payloads, text fields, surfaces, executions`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { launch, openApp } from '../lib/browser.mjs';
import { StartPage, ExportSection, downloadOf, waitUntil } from '../lib/pages.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const RAPORT_CLI = path.resolve(here, '../../../target/debug/raport');

/** Every payload calls __xss(n) if it ever runs. */
function payloads() {
  const calls = [
    (n) => `<script>__xss(${n})</script>`,
    (n) => `<img src=x onerror=__xss(${n})>`,
    (n) => `"><svg onload=__xss(${n})>`,
    (n) => `'><body onload=__xss(${n})>`,
    (n) => `</textarea><script>__xss(${n})</script>`,
    (n) => `</title><script>__xss(${n})</script>`,
    (n) => `</style><script>__xss(${n})</script>`,
    (n) => `<iframe srcdoc="<script>parent.__xss(${n})</script>"></iframe>`,
    (n) => `<a href="javascript:__xss(${n})">link</a>`,
    (n) => `javascript:__xss(${n})`,
    (n) => `<details open ontoggle=__xss(${n})>`,
    (n) => `<input autofocus onfocus=__xss(${n})>`,
    (n) => `<video><source onerror=__xss(${n})></video>`,
    (n) => `<math><mtext><table><mglyph><style><img src=x onerror=__xss(${n})>`,
    (n) => `<object data="javascript:__xss(${n})"></object>`,
    (n) => `<embed src="javascript:__xss(${n})">`,
    (n) => `<form><button formaction=javascript:__xss(${n})>x</button></form>`,
    (n) => `<meta http-equiv="refresh" content="0;url=javascript:__xss(${n})">`,
    (n) => `<base href="javascript:__xss(${n})//">`,
    (n) => `<svg><script>__xss(${n})</script></svg>`,
    (n) => `<svg><animate onbegin=__xss(${n}) attributeName=x dur=1s>`,
    (n) => `<img src="x" onerror="&#95;&#95;xss(${n})">`,
    (n) => `</script><script>__xss(${n})</script>`,
    (n) => `<!--<img src="--><img src=x onerror=__xss(${n})//">`,
    (n) => `\u003cscript\u003e__xss(${n})\u003c/script\u003e`,
  ];
  const out = [];
  calls.forEach((f, i) => { out.push(f(i + 1)); out.push(f(i + 101).toUpperCase().replace('__XSS', '__xss')); });
  return out;
}
const PAYLOADS = payloads();

const HOOK = () => {
  window.__xssCalls = [];
  window.__xss = (n) => window.__xssCalls.push(n);
};

/** Text fields of the report file (string leaves that hold words, not codes). */
const TEXT_KEYS = new Set(['name', 'title', 'description', 'notes', 'aim', 'role', 'address', 'staff', 'target', 'topic',
  'council', 'coordinator', 'prepared_by', 'introduction', 'monitoring', 'conclusions', 'status_reason', 'reason',
  'recommended_program', 'voivodeship', 'place', 'function', 'number', 'resolution_number']);

function hostileReport() {
  const doc = JSON.parse(fs.readFileSync(new URL('../../fixtures/raport-gp-v2.json', import.meta.url), 'utf8'));
  const all = PAYLOADS.join(' ');
  let fields = 0;
  const walk = (v, key, parentKey) => {
    if (Array.isArray(v)) return v.map((x) => walk(x, key, parentKey));
    if (v && typeof v === 'object') {
      for (const k of Object.keys(v)) v[k] = walk(v[k], k, key);
      return v;
    }
    const contextSource = (key === 'source' || key === 'unit') && parentKey === 'context_figures';
    if (typeof v === 'string' && (TEXT_KEYS.has(key) || contextSource || key.startsWith('x_'))) {
      fields++;
      return `${v} ${all}`;
    }
    return v;
  };
  for (const k of Object.keys(doc.report)) doc.report[k] = walk(doc.report[k], k, 'report');
  // A budget-line id that is referenced stays intact; the unit of an indicator is an enum.
  return { text: JSON.stringify(doc, null, 2), fields };
}

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('no payload in any text field runs in the app, the preview, the exported HTML or the CLI\'s HTML', async () => {
  assert.ok(PAYLOADS.length >= 50);
  const { text, fields } = hostileReport();
  const { context, page } = await openApp(browser);
  await context.addInitScript(HOOK);
  await page.reload();
  let dialogs = 0;
  page.on('dialog', async (d) => { dialogs++; await d.dismiss(); });
  const start = new StartPage(page);
  await start.importFile({ name: 'xss.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  const editor = await start.open(/Lipowo/);
  // Every editor section is rendered once.
  const nav = page.getByRole('navigation', { name: /Sekcje raportu/ });
  // By position: two acts' tasks may share a short label ("1. Terapia i rehabilitacja").
  const count = await nav.getByRole('button').count();
  for (let i = 0; i < count; i++) {
    await nav.getByRole('button').nth(i).click();
    await page.locator('#section-title').waitFor();
  }
  const exp = await ExportSection.open(editor);
  await exp.previewHtml();
  const html = await downloadOf(page, exp.htmlButton);
  const appCalls = await page.evaluate(() => window.__xssCalls.length);
  const previewCalls = await page.frameLocator('iframe[title="Podgląd wydruku raportu"]').locator('body').evaluate(() => (window.__xssCalls ?? []).length + (parent.__xssCalls ?? []).length);

  // The exported page on its own, and the CLI's rendering of the same file.
  const exported = await context.newPage();
  await exported.setContent(html.text);
  await exported.waitForTimeout(300);
  const exportedCalls = await exported.evaluate(() => window.__xssCalls.length);
  assert.ok(fs.existsSync(RAPORT_CLI), `${RAPORT_CLI} missing: the native tests build it`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'raport-xss-'));
  fs.writeFileSync(path.join(dir, 'xss.json'), text);
  execFileSync(RAPORT_CLI, ['render', path.join(dir, 'xss.json'), '-o', path.join(dir, 'xss.html')], { stdio: 'pipe' });
  const cliPage = await context.newPage();
  await cliPage.setContent(fs.readFileSync(path.join(dir, 'xss.html'), 'utf8'));
  await cliPage.waitForTimeout(300);
  const cliCalls = await cliPage.evaluate(() => window.__xssCalls.length);
  // The payloads are shown as text.
  assert.ok((await cliPage.locator('body').innerText()).includes('<script>__xss(1)</script>'));
  const executions = appCalls + previewCalls + exportedCalls + cliCalls + dialogs;
  console.log(`xss: payloads ${PAYLOADS.length}, text fields ${fields}, surfaces 4, executions ${executions}`);
  assert.equal(executions, 0, JSON.stringify({ appCalls, previewCalls, exportedCalls, cliCalls, dialogs }));
  await context.close();
});

test('no payload in a realizer\'s request or contribution runs: workspace, printable copy, instruction, merge preview', async () => {
  const { text } = hostileReport();
  const report = JSON.parse(text).report;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'raport-xss-gather-'));
  fs.writeFileSync(path.join(dir, 'xss.json'), text);
  const partner = report.partners[0].id;
  execFileSync(RAPORT_CLI, ['request', path.join(dir, 'xss.json'), '--partner', partner, '--koordynator', PAYLOADS.join(' '), '-o', path.join(dir, 'prosba.json')], { stdio: 'pipe' });
  let dialogs = 0;
  const calls = [];
  const count = async (page) => calls.push(await page.evaluate(() => window.__xssCalls.length));

  // The realizer: the request opened, every section shown, the contribution and its copy saved.
  const realizer = await openApp(browser);
  await realizer.context.addInitScript(HOOK);
  await realizer.page.reload();
  realizer.page.on('dialog', async (d) => { dialogs++; await d.dismiss(); });
  const start = new StartPage(realizer.page);
  await start.importFile(path.join(dir, 'prosba.json'));
  await start.open(/sprawozdanie/);
  const nav = realizer.page.getByRole('navigation', { name: /Sekcje raportu/ });
  for (let i = 0; i < await nav.getByRole('button').count(); i++) {
    await nav.getByRole('button').nth(i).click();
    await realizer.page.locator('#section-title').waitFor();
  }
  await nav.getByRole('button', { name: 'Sprawozdanie dla gminy' }).click();
  await realizer.page.getByLabel('Kto wypełnił sprawozdanie').fill(PAYLOADS.join(' '));
  const saved = [];
  realizer.page.on('download', (d) => saved.push(d));
  await realizer.page.getByRole('button', { name: 'Zapisz sprawozdanie dla gminy' }).click();
  await waitUntil(() => saved.length === 2, { message: 'two downloads' });
  const files = {};
  for (const d of saved) files[d.suggestedFilename().split('.').pop()] = fs.readFileSync(await d.path(), 'utf8');
  await count(realizer.page);
  const copy = await realizer.context.newPage();
  await copy.setContent(files.html);
  await copy.waitForTimeout(300);
  await count(copy);
  assert.ok((await copy.locator('body').innerText()).includes('<script>__xss(1)</script>'), 'the payloads are text');

  // The coordinator: the contribution in the merge preview, merged; the instruction page.
  const coordinator = await openApp(browser);
  await coordinator.context.addInitScript(HOOK);
  await coordinator.page.reload();
  coordinator.page.on('dialog', async (d) => { dialogs++; await d.dismiss(); });
  const cstart = new StartPage(coordinator.page);
  await cstart.importFile({ name: 'xss.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  const editor = await cstart.open(/Lipowo/);
  await editor.section('Sprawozdania realizatorów');
  // The realizer's changes and a new activity, all payloads: every item is in the preview.
  const answer = JSON.parse(files.json);
  answer.contribution.activities[0].notes = `${PAYLOADS.join(' ')} (poprawione)`;
  answer.contribution.activities.push({ id: 'nowe-1', title: PAYLOADS.join(' '), period: PAYLOADS[1], tasks: ['drugs.3'] });
  await coordinator.page.getByLabel('Wczytaj sprawozdania realizatorów').setInputFiles({ name: 'sprawozdanie.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(answer)) });
  const merge = coordinator.page.getByRole('region', { name: /Scalanie/ });
  await merge.waitFor();
  assert.match(await merge.innerText(), /Nowe: 1, zmienione: 1/);
  assert.ok((await merge.innerText()).includes('<img src=x onerror=__xss(2)>'), 'the payloads are text in the preview');
  await count(coordinator.page);
  await merge.getByRole('button', { name: 'Scal' }).click();
  await coordinator.page.locator('#undo-list').waitFor();
  await count(coordinator.page);
  const instruction = await downloadOf(coordinator.page, coordinator.page.getByRole('button', { name: 'Pobierz instrukcję dla realizatora' }));
  const ipage = await coordinator.context.newPage();
  await ipage.setContent(instruction.text);
  await ipage.waitForTimeout(300);
  await count(ipage);
  const executions = calls.reduce((a, b) => a + b, 0) + dialogs;
  console.log(`xss (gathering): payloads ${PAYLOADS.length}, surfaces ${calls.length}, executions ${executions}`);
  assert.equal(executions, 0, JSON.stringify({ calls, dialogs }));
  await realizer.context.close();
  await coordinator.context.close();
});

test('the app page has a Content-Security-Policy that stops an injected script', async () => {
  const { context, page } = await openApp(browser);
  await new StartPage(page).ready();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const part of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "'wasm-unsafe-eval'"]) assert.ok(csp.includes(part), part);
  assert.ok(!/script-src[^;]*'unsafe-inline'/.test(csp), 'no unsafe-inline scripts');
  assert.ok(!/https?:/.test(csp), 'no foreign origins');
  const result = await page.evaluate(async () => {
    window.__ran = [];
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    const s = document.createElement('script');
    s.textContent = 'window.__ran.push("inline")';
    document.body.append(s);
    document.body.insertAdjacentHTML('beforeend', '<img src="data:," onerror="window.__ran.push(\'handler\')" onload="window.__ran.push(\'handler\')">');
    const a = document.createElement('script');
    a.src = 'https://example.invalid/x.js';
    document.body.append(a);
    await new Promise((r) => setTimeout(r, 400));
    return { ran: window.__ran, violations };
  });
  assert.deepEqual(result.ran, []);
  assert.ok(result.violations.some((v) => v.startsWith('script-src')), JSON.stringify(result.violations));
  await context.close();
});
