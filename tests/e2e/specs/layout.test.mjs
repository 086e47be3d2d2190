// A layout that uses the screen, measured as a user's screen shows it: at 1280×900 the form has
// the width (the findings fold into a strip above it), the section list fits one screen, the
// budget is at most two screens tall and the KCPU view at most four, chart labels are as large
// as the body text; at 1024 px and on a phone nothing makes the page scroll sideways.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from '../lib/browser.mjs';
import { StartPage } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function sampleAt(width, height) {
  const app = await openApp(browser, { context: { viewport: { width, height } } });
  const editor = await new StartPage(app.page).loadSample(/Przykładowo 2025/);
  return { ...app, editor };
}

const sectionHeight = (page) => page.evaluate(() => document.querySelector('section.section').getBoundingClientRect().height);

test('at 1280×900 the form gets the width, the section list fits one screen, budget and KCPU fit their screens', async () => {
  const { context, page, editor, problems } = await sampleAt(1280, 900);
  const nav = await page.evaluate(() => document.querySelector('.section-nav').scrollHeight);
  assert.ok(nav <= 900, `section list ${nav} px tall`);
  const strip = await editor.findings.boundingBox();
  await editor.section('Budżet');
  const form = await page.locator('section.section').boundingBox();
  assert.ok(form.width >= 900, `form ${form.width} px wide`);
  assert.ok(strip.y < form.y, 'the findings strip is above the form, not beside it');
  const budget = await sectionHeight(page);
  assert.ok(budget <= 2 * 900, `Budżet ${budget} px tall`);
  // Every column of the budget grid is on the screen, none cut off.
  const grid = await page.locator('table.budget-grid').boundingBox();
  assert.ok(grid.x + grid.width <= 1280, `grid ends at ${grid.x + grid.width}`);

  await editor.section('Dane do ankiety KCPU');
  const kcpu = await sectionHeight(page);
  assert.ok(kcpu <= 4 * 900, `KCPU ${kcpu} px tall`);

  await editor.section('Podsumowanie');
  const label = await page.locator('.chart-svg svg text').first().evaluate((t) => t.getBoundingClientRect().height);
  const body = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  assert.ok(label >= body, `chart label ${label} px against body text ${body} px`);
  assert.deepEqual(problems, []);
  await context.close();
});

for (const [width, height] of [[1024, 768], [390, 844]]) {
  test(`at ${width} px no section makes the page scroll sideways`, async () => {
    const { context, page, editor, problems } = await sampleAt(width, height);
    for (const name of ['Budżet', /Profilaktyka informacyjna, edukacyjna i szkoleniowa \(alkohol/, 'Dane do ankiety KCPU', 'Podsumowanie']) {
      await editor.section(name);
      const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
      assert.ok(scroll <= inner, `${name}: page ${scroll} px wide in a ${inner} px window`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}
