// "Podsumowanie": the report's charts as accessible SVG, each with its text alternative, its
// caption and the table behind it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from '../lib/browser.mjs';
import { StartPage, ComparisonSection, lastYearFile } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** [{ title, desc, labelledBy, tableRows }] of every chart shown. */
async function charts(page) {
  return page.locator('figure.chart').evaluateAll((figures) => figures.map((f) => {
    const svg = f.querySelector('svg');
    return {
      role: svg?.getAttribute('role'),
      title: svg?.querySelector('title')?.textContent ?? '',
      desc: svg?.querySelector('desc')?.textContent ?? '',
      labelledBy: (svg?.getAttribute('aria-labelledby') ?? '').split(' ').every((id) => id && document.getElementById(id)),
      caption: f.querySelector('figcaption')?.textContent ?? '',
      tableRows: f.querySelectorAll('table tbody tr').length,
    };
  }));
}

test('each chart is an SVG image with its title, its values in words, a caption and a data table', async () => {
  const { context, page, problems } = await openApp(browser);
  const editor = await new StartPage(page).loadSample(/Przykładowo 2025/);
  await editor.section('Podsumowanie');
  const list = await charts(page);
  assert.ok(list.length >= 3, `${list.length} charts`);
  for (const c of list) {
    assert.equal(c.role, 'img');
    assert.ok(c.title.length > 0 && c.caption.length > 0);
    assert.ok(c.labelledBy, 'aria-labelledby names the title and the description');
    assert.match(c.desc, /\d/);
    assert.ok(c.tableRows > 0);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('with last year linked, a chart compares the two years', async () => {
  const { context, page, problems } = await openApp(browser);
  const editor = await new StartPage(page).loadSample(/Przykładowo 2025/);
  await editor.section('Podsumowanie');
  const before = (await charts(page)).length;
  const file = await lastYearFile(editor);
  await (await ComparisonSection.open(editor)).linkFile(file);
  // The comparison view shows it too.
  assert.ok((await charts(page)).some((c) => /2024/.test(c.desc) && /2025/.test(c.desc)));
  await editor.section('Podsumowanie');
  const after = await charts(page);
  assert.equal(after.length, before + 1);
  assert.ok(after.some((c) => /2024/.test(c.desc) && /2025/.test(c.desc)));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a new empty report says there is too little data instead of drawing empty charts', async () => {
  const { context, page } = await openApp(browser);
  const editor = await new StartPage(page).newReport();
  await editor.section('Podsumowanie');
  await page.getByTestId('no-charts').waitFor();
  assert.equal(await page.locator('figure.chart svg').count(), 0);
  await context.close();
});
