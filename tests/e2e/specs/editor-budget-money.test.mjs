// Budget money: permit-fee and small-bottle income, carry-over and top-up typed with the keyboard;
// the figures the domain computes from them; the small-bottle fee as a funding source; the
// figures in the printed report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from '../lib/browser.mjs';
import { StartPage, ExportSection, sectionByKeyboard, tabAndType, tabTo, storedReports, waitUntil } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const SMALL_BOTTLE = 'opłata za małe opakowania („małpkowe”)';
const norm = (s) => s.replace(/\s+/g, ' ').trim();

/**
 * A new report whose budget is typed by keyboard: one line of 85154 paid from permit fees
 * (executed 90 000,00), permit-fee income 100 000,00, 20 000,00 carried in, small-bottle fee
 * 19 386,40 received, and a top-up.
 */
async function moneyByKeyboard() {
  const app = await openApp(browser);
  const { page } = app;
  const editor = await new StartPage(page).newReport();
  await sectionByKeyboard(page, 'Budżet');
  await tabTo(page, (el) => el.tag === 'BUTTON' && el.text === 'Dodaj pozycję budżetu');
  await page.keyboard.press('Enter');
  await waitUntil(() => page.evaluate(() => /^f-budget-lines-.*-chapter$/.test(document.activeElement?.id ?? '')), { message: 'chapter focused' });
  const line = await page.evaluate(() => document.activeElement.id.replace(/-chapter$/, ''));
  await page.keyboard.type('85154');
  await tabAndType(page, `${line}-executed`, '90 000,00');
  await tabTo(page, (el) => el.id === `${line}-source`);
  await page.keyboard.type('opłaty');
  await tabAndType(page, 'f-budget-permit_fee_planned', '95 000');
  await tabAndType(page, 'f-budget-permit_fee_income', '100 000,00');
  await tabAndType(page, 'f-budget-carried_over', '20 000');
  await tabAndType(page, 'f-budget-small_bottle_planned', '18 000');
  await tabAndType(page, 'f-budget-small_bottle_income', '19 386,40');
  await tabAndType(page, 'f-budget-general_budget_top_up', '1 536,90');
  await page.keyboard.press('Tab');
  await waitUntil(async () => (await storedReports(page))[0]?.file.report.budget.general_budget_top_up === '1536.90', { message: 'saved' });
  return { ...app, editor };
}

test('the fee income, carry-over and top-up are typed with the keyboard and saved', async () => {
  const { context, page, problems } = await moneyByKeyboard();
  const b = (await storedReports(page))[0].file.report.budget;
  assert.equal(b.permit_fee_planned, '95000.00');
  assert.equal(b.permit_fee_income, '100000.00');
  assert.equal(b.carried_over, '20000.00');
  assert.equal(b.small_bottle_planned, '18000.00');
  assert.equal(b.small_bottle_income, '19386.40');
  assert.deepEqual(b.lines.map((l) => [l.chapter, l.executed, l.source]), [['85154', '90000.00', 'permit_fees']]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the carried-out fee money, small-bottle money left and spending per source are computed', async () => {
  const { context, page } = await moneyByKeyboard();
  // 100 000,00 + 20 000,00 − 90 000,00 spent from permit fees
  assert.equal(norm(await page.getByTestId('permit-fees-carried-out').innerText()), '30 000,00 zł');
  assert.equal(norm(await page.getByTestId('small-bottle-left').innerText()), '19 386,40 zł');
  assert.equal(norm(await page.getByTestId('spent-permit_fees').innerText()), '90 000,00 zł');
  assert.match(await page.getByTestId('spent-small_bottle_fee').innerText(), /^—/);
  // Paying the line from the small-bottle fee moves the money between the figures.
  await page.locator('select[id$="-source"]').first().selectOption({ label: 'opłata za małe opakowania' });
  await waitUntil(async () => norm(await page.getByTestId('small-bottle-left').innerText()) === '-70 613,60 zł'
    || norm(await page.getByTestId('small-bottle-left').innerText()) === '−70 613,60 zł', { message: 'recomputed' });
  assert.equal(norm(await page.getByTestId('permit-fees-carried-out').innerText()), '120 000,00 zł');
  await context.close();
});

test('the small-bottle fee is offered as a funding source of budget lines and activity costs', async () => {
  const { context, page } = await openApp(browser);
  const editor = await new StartPage(page).newReport();
  await editor.section('Budżet');
  await page.getByRole('button', { name: 'Dodaj pozycję budżetu' }).click();
  // The grid's narrow column names the fee without its colloquial name.
  const lineSource = page.locator('select[id^="f-budget-lines-"][id$="-source"]');
  assert.ok((await lineSource.locator('option').allInnerTexts()).includes('opłata za małe opakowania'));
  await editor.section(/Pomoc terapeutyczna i rehabilitacyjna \(narkomania\)/);
  await page.getByRole('button', { name: 'Dodaj działanie' }).click();
  const costSource = page.locator('select[id$="-cost-source"]');
  assert.ok((await costSource.locator('option').allInnerTexts()).includes(SMALL_BOTTLE));
  await context.close();
});

test('the permit-fee income and carry-over typed by keyboard appear in the print preview', async () => {
  const { context, page, editor } = await moneyByKeyboard();
  const exp = await ExportSection.open(editor);
  await exp.previewHtml();
  const text = norm(await page.frameLocator('iframe[title="Podgląd wydruku raportu"]').locator('body').innerText());
  assert.ok(/100 000,00/.test(text), 'printed: /100 000,00/');
  assert.ok(/20 000,00/.test(text), 'printed: /20 000,00/');
  assert.ok(/90 000,00/.test(text), 'printed: /90 000,00/');
  assert.ok(/30 000,00/.test(text), 'what passes to next year');
  await context.close();
});

test('the small-bottle fee and the top-up typed by keyboard appear in the print preview', async () => {
  const { context, page, editor } = await moneyByKeyboard();
  const exp = await ExportSection.open(editor);
  await exp.previewHtml();
  const text = norm(await page.frameLocator('iframe[title="Podgląd wydruku raportu"]').locator('body').innerText());
  assert.ok(/19 386,40/.test(text), 'printed: /19 386,40/');
  assert.ok(/1 536,90/.test(text), 'printed: /1 536,90/');
  await context.close();
});
