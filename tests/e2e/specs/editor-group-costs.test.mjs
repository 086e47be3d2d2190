// Costs given for a group of activities ("koszty wspólne"): described, tied to a goal and to the
// activities they cover by id, with a cost like an activity's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from '../lib/browser.mjs';
import { StartPage, addAndType, storedReports, waitUntil } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a group cost names its goal and the activities it covers, by their ids', async () => {
  const { context, page, problems } = await openApp(browser);
  const editor = await new StartPage(page).loadSample(/Przykładowo 2025/);
  await editor.section('Budżet');
  await addAndType(page, page.getByRole('button', { name: 'Dodaj koszt wspólny' }), 'Programy profilaktyczne w szkołach');
  const card = page.getByRole('group', { name: 'Koszt wspólny: Programy profilaktyczne w szkołach' });
  const goal = card.getByLabel('Cel programu, którego dotyczy');
  const goalOption = (await goal.locator('option').allInnerTexts())[1];
  await goal.selectOption({ label: goalOption });
  const boxes = card.getByRole('group', { name: 'Działania objęte kwotą' }).getByRole('checkbox');
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await card.getByLabel('Koszt wykonany').fill('12 000,00');
  await waitUntil(async () => {
    const g = (await storedReports(page))[0]?.file.report.group_costs?.[0];
    return g?.cost.executed === '12000.00' && g.activities.length === 2 && g.goal;
  }, { message: 'saved' });
  const r = (await storedReports(page))[0].file.report;
  const g = r.group_costs[0];
  assert.equal(g.description, 'Programy profilaktyczne w szkołach');
  assert.ok(r.goals.some((x) => x.id === g.goal));
  assert.deepEqual(g.activities, r.activities.slice(0, 2).map((a) => a.id));
  assert.deepEqual(problems, []);
  await context.close();
});
