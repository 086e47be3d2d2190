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
import { StartPage, ExportSection, downloadOf } from '../lib/pages.mjs';

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
