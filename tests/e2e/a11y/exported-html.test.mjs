// axe-core scan of the printable HTML as downloaded ("Pobierz HTML") for both samples, opened
// from a file the way a user opens the saved report: zero WCAG 2.1 A/AA violations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { launch, openApp } from '../lib/browser.mjs';
import { axeViolations } from '../lib/axe.mjs';
import { StartPage, ExportSection, downloadOf } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const [sample, fileName] of [
  [/Kalisz 2020/, 'raport-kalisz-2020.html'],
  [/Przykładowo 2025/, 'raport-przykladowo-2025.html'],
]) {
  test(`axe: no WCAG 2.1 A/AA violations in the exported ${fileName}`, async () => {
    const { context, page } = await openApp(browser);
    const editor = await new StartPage(page).loadSample(sample);
    const exp = await ExportSection.open(editor);
    const file = await downloadOf(page, exp.htmlButton);
    assert.equal(file.name, fileName);
    await context.close();

    // The document's CSP forbids scripts; axe is injected by the test tool, so it may bypass it.
    const viewer = await browser.newContext({ bypassCSP: true, locale: 'pl-PL' });
    const doc = await viewer.newPage();
    await doc.goto(pathToFileURL(file.path).href);
    assert.equal(await doc.evaluate(() => document.documentElement.lang), 'pl');
    assert.deepEqual(await axeViolations(doc), [], `violations in ${fileName}`);
    await viewer.close();
  });
}
