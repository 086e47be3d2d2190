// Guards the accessibility suite against passing vacuously: the same scan, on the real app with
// an unlabeled control and an image without alt text added, must report both.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from '../lib/browser.mjs';
import { axeViolations } from '../lib/axe.mjs';
import { AppShell } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the axe scan reports an unlabeled input and an image without alt text', async () => {
  const { context, page } = await openApp(browser);
  await new AppShell(page).ready();
  await page.evaluate(() => {
    const main = document.querySelector('main');
    main.insertAdjacentHTML('beforeend', '<input type="text"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">');
  });
  const violations = await axeViolations(page);
  assert.ok(violations.some((v) => v.startsWith('label ')), `label violation in ${violations}`);
  assert.ok(violations.some((v) => v.startsWith('image-alt ')), `image-alt violation in ${violations}`);
  await context.close();
});
