// The printed joint report of today cites the law as it reads today: art. 4¹ ust. 1 pkt 1, 2, 3,
// 5, 6 and 7 of the sobriety act with the statute's own words (pkt 4 is repealed), and art. 4¹
// ust. 2b as the provision that requires the report; the 2020 drug-only report cites art. 11.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from '../lib/browser.mjs';
import { StartPage, ExportSection } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The visible text of the print preview of a sample. */
async function printedText(page, sample) {
  const editor = await new StartPage(page).loadSample(sample);
  const exp = await ExportSection.open(editor);
  await exp.previewHtml();
  const frame = page.frameLocator('iframe[title="Podgląd wydruku raportu"]');
  return (await frame.locator('body').innerText()).replace(/\s+/g, ' ');
}

test('a joint 2025 report printed from the app cites pkt 1, 2, 3, 5, 6, 7 with their words and ust. 2b, never pkt 4', async () => {
  const { context, page, problems } = await openApp(browser);
  const text = await printedText(page, /Przykładowo 2025/);
  for (const point of [1, 2, 3, 5, 6, 7]) {
    assert.ok(text.includes(`art. 4¹ ust. 1 pkt ${point} ustawy z dnia 26 października 1982 r.`), `pkt ${point}`);
  }
  assert.ok(!/art\. 4¹ ust\. 1 pkt 4\b/.test(text), 'the repealed pkt 4 is not cited');
  assert.ok(text.includes('wspomaganie działalności instytucji, stowarzyszeń i osób fizycznych, służącej rozwiązywaniu problemów alkoholowych'));
  assert.ok(text.includes('przez organizowanie i finansowanie centrów integracji społecznej i klubów integracji społecznej'));
  assert.ok(text.includes('ochrony przed przemocą domową'));
  assert.ok(text.includes('art. 4¹ ust. 2b ustawy'));
  assert.ok(text.includes('do dnia 30 czerwca roku następującego po roku, którego dotyczy raport'));
  assert.ok(text.includes('art. 4¹ ust. 2 zd. 2'), 'behavioural addictions as the program element');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the 2020 drug-only report cites art. 10 and art. 11 of the drug act as in force then', async () => {
  const { context, page, problems } = await openApp(browser);
  const text = await printedText(page, /Kalisz 2020/);
  assert.ok(text.includes('art. 11 ust. 1 ustawy z dnia 29 lipca 2005 r. o przeciwdziałaniu narkomanii'));
  assert.ok(text.includes('Przeciwdziałanie narkomanii należy do zadań własnych gminy, obejmujących:'));
  assert.ok(!text.includes('art. 4¹ ust. 2b'));
  assert.ok(text.includes('ok. 600'), 'approximate figures print with "ok."');
  assert.deepEqual(problems, []);
  await context.close();
});
