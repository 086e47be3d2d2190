// The printable report becomes a PDF in Chromium (what "Drukuj" → "Zapisz jako PDF" does), and
// the PDF's text (pdftotext from Debian poppler-utils) carries the gmina, the year and the total.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, openApp } from '../lib/browser.mjs';
import { StartPage, ExportSection } from '../lib/pages.mjs';

const PDFTOTEXT = process.env.PDFTOTEXT ?? '/usr/bin/pdftotext';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the Kalisz sample prints to an A4 PDF whose text has the gmina, the year and the total', async () => {
  const { context, page } = await openApp(browser);
  const editor = await new StartPage(page).loadSample(/Kalisz 2020/);
  const exp = await ExportSection.open(editor);
  const html = await exp.previewHtml();

  const printPage = await context.newPage();
  await printPage.setContent(html, { waitUntil: 'load' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'raport-pdf-'));
  const pdf = path.join(dir, 'raport-kalisz-2020.pdf');
  await printPage.pdf({ path: pdf, format: 'A4' });
  assert.equal(fs.readFileSync(pdf).subarray(0, 5).toString(), '%PDF-');

  const raw = execFileSync(PDFTOTEXT, ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  // pdftotext may turn spaces into NBSP or thin spaces; the source uses plain U+0020.
  const text = raw.replace(/[\s\u00a0\u2009\u202f]+/g, ' ');
  assert.match(text, /Kalisz/);
  assert.match(text, /2020/);
  assert.ok(text.includes('148 543,63 zł'), 'the total in Polish format');
  await context.close();
});
