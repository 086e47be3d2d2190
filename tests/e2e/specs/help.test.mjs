// "Pomoc": every check of the rules table with its severity and legal basis (generated from the
// rules and the catalogue, so it lists exactly the rules the app runs), the deadlines with their
// legal bases, saving a PDF, moving reports, privacy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, openApp } from '../lib/browser.mjs';
import { HelpPage } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const source = fs.readFileSync(new URL('../../../src/domain/rules/table.rs', import.meta.url), 'utf8');
const registered = source.slice(source.indexOf('pub static RULES'));
const ruleIds = [...registered.matchAll(/&([A-Z0-9_]+),/g)].map(([, name]) => {
  const def = source.match(new RegExp(`pub static ${name}: Rule = Rule \\{\\s*id: "([^"]+)"`));
  return def[1];
});

test('the help lists every check of the rules table, in order, with severity and legal basis', async () => {
  const { context, page, problems } = await openApp(browser);
  const help = await new HelpPage(page).open();
  const ids = await help.checks.evaluateAll((items) => items.map((li) => li.id.replace(/^regula-/, '')));
  assert.ok(ruleIds.length > 50, `parsed ${ruleIds.length} rules`);
  assert.deepEqual(ids, ruleIds);
  const texts = await help.checks.allInnerTexts();
  for (const t of texts) {
    assert.match(t, /^(błąd|ostrzeżenie|uwaga) /, t);
    assert.match(t, /Podstawa prawna|W raporcie z programu/, t);
  }
  // A rule citing the report's basis: art. 4¹ ust. 2b for a joint report, art. 11 of the drug
  // act for a drug-only report before 2022.
  const late = await page.locator('#regula-council-deadline-after-statutory').innerText();
  assert.match(late, /ust\. 2b/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the help gives the three deadlines with their legal bases from the catalogue', async () => {
  const { context, page, problems } = await openApp(browser);
  const help = await new HelpPage(page).open();
  const rows = await help.deadlines.locator('tbody tr').allInnerTexts();
  assert.equal(rows.length, 3);
  assert.match(rows[0], /15 kwietnia[\s\S]*KCPU[\s\S]*art\. 4¹ ust\. 2c/);
  assert.match(rows[1], /31 maja[\s\S]*raport o stanie gminy[\s\S]*art\. 28aa/i);
  assert.match(rows[2], /30 czerwca[\s\S]*radzie gminy[\s\S]*art\. 4¹ ust\. 2b/);
  for (const h of ['Jak wypełnić raport', 'Co oznaczają uwagi', 'Jak zapisać PDF', 'Przenoszenie raportów na inny komputer', 'Prywatność']) {
    await page.getByRole('heading', { level: 2, name: h }).waitFor();
  }
  assert.match(await page.locator('.privacy').innerText(), /Nic nie jest wysyłane/);
  assert.deepEqual(problems, []);
  await context.close();
});
