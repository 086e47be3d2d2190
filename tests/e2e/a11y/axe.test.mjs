// axe-core scan of every view for WCAG 2.1 A/AA: zero violations allowed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from '../lib/browser.mjs';
import { axeViolations } from '../lib/axe.mjs';
import { VIEWS } from '../lib/views.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const view of VIEWS) {
  test(`axe: no WCAG 2.1 A/AA violations in view "${view.name}"`, async () => {
    const { context, page } = await openApp(browser, { welcome: !!view.welcome });
    await view.open(page);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], `violations in ${view.name}`);
    await context.close();
  });
}
