// A statutory task with no activity gets its written reason in one step: from its section or
// from the finding about it, the button adds the reason and moves focus into its field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from '../lib/browser.mjs';
import { StartPage, addActivity, sectionByKeyboard, tabTo, storedReports, waitUntil } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const THERAPY = 'Pomoc terapeutyczna i rehabilitacyjna (narkomania)';
const BUTTON = 'Wpisz powód niezrealizowania';
const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? '');

test('the button in a task section adds the reason and moves focus into its field', async () => {
  const { context, page, problems } = await openApp(browser);
  await new StartPage(page).newReport();
  await sectionByKeyboard(page, THERAPY);
  await tabTo(page, (el) => el.tag === 'BUTTON' && el.text === BUTTON);
  await page.keyboard.press('Enter');
  await waitUntil(async () => (await focusedId(page)) === 'f-task_gaps-drugs_1-reason', { message: 'reason focused' });
  await page.keyboard.type('Terapię finansował NFZ; gmina nie zlecała zadań.');
  await waitUntil(async () => {
    const gaps = (await storedReports(page))[0]?.file.report.task_gaps ?? [];
    return gaps.length === 1 && gaps[0].task === 'drugs.1' && gaps[0].reason === 'Terapię finansował NFZ; gmina nie zlecała zadań.';
  }, { message: 'reason saved' });
  assert.equal(await page.locator('section.section').getByRole('button', { name: BUTTON }).count(), 0, 'no second reason offered in the section');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the button next to a finding opens the task and moves focus into its reason field', async () => {
  const { context, page } = await openApp(browser);
  const editor = await new StartPage(page).newReport();
  // The full list of findings ("Sprawdzenie"); the panel shows the same entries, the first few.
  await editor.section('Sprawdzenie');
  const item = page.locator('section.section').getByRole('listitem').filter({ has: page.getByRole('button', { name: BUTTON }) }).first();
  await item.getByRole('button', { name: BUTTON }).click();
  await waitUntil(async () => /^f-task_gaps-.+-reason$/.test(await focusedId(page)), { message: 'a reason focused' });
  const id = await focusedId(page);
  await page.keyboard.type('Zadanie realizuje powiat.');
  await waitUntil(async () => (await storedReports(page))[0]?.file.report.task_gaps?.some((g) => g.reason === 'Zadanie realizuje powiat.'), { message: 'reason saved' });
  const gap = (await storedReports(page))[0].file.report.task_gaps.find((g) => g.reason === 'Zadanie realizuje powiat.');
  assert.equal(id, `f-task_gaps-${gap.task.replace('.', '_')}-reason`, 'the field of the task the finding named');
  await context.close();
});

test('a task that has an activity offers no reason button', async () => {
  const { context, page } = await openApp(browser);
  const editor = await new StartPage(page).newReport();
  await editor.section(THERAPY);
  await addActivity(page, 'Terapia indywidualna');
  const area = page.locator('section.section');
  await waitUntil(async () => (await area.getByRole('button', { name: BUTTON }).count()) === 0, { message: 'button gone' });
  await context.close();
});

test('"Usuń powód" removes the written reason and offers the button again', async () => {
  const { context, page } = await openApp(browser);
  const editor = await new StartPage(page).newReport();
  await editor.section(THERAPY);
  await page.locator('section.section').getByRole('button', { name: BUTTON }).click();
  await page.keyboard.type('Powód');
  await waitUntil(async () => ((await storedReports(page))[0]?.file.report.task_gaps ?? []).length === 1, { message: 'saved' });
  await page.getByRole('button', { name: 'Usuń powód' }).click();
  await page.locator('section.section').getByRole('button', { name: BUTTON }).waitFor();
  await waitUntil(async () => ((await storedReports(page))[0]?.file.report.task_gaps ?? []).length === 0, { message: 'removed' });
  await context.close();
});
