// A report is made from scratch with the keyboard only: one activity under every statutory task.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from '../lib/browser.mjs';
import { StartPage, addActivity, storedReports, waitUntil } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Presses Tab (or Shift+Tab) until the focused element satisfies `match`. */
async function tabTo(page, match, { back = false, max = 400 } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement;
      return { text: (a?.innerText ?? '').trim(), id: a?.id ?? '', tag: a?.tagName ?? '' };
    });
    if (match(el)) return el;
  }
  throw new Error(`focus never reached the element after ${max} presses`);
}

const NOT_TASKS = ['Gmina i program', 'Budżet', 'Układ według celów', 'Komisja (GKRPA)', 'Punkty konsultacyjne', 'Partnerzy', 'Sprawozdania realizatorów', 'Dane kontekstowe', 'Wnioski', 'Porównanie', 'Podsumowanie', 'Dane do ankiety KCPU', 'Sprawdzenie', 'Eksport'];

test('a new report gets one activity per statutory task using only the keyboard', async () => {
  const { context, page, problems } = await openApp(browser);
  await new StartPage(page).ready();
  await tabTo(page, (el) => el.tag === 'BUTTON' && el.text === 'Nowy raport');
  await page.keyboard.press('Enter');
  await page.locator('#editor-title').waitFor();

  // A task's button shows its point and short name under its act's heading, and carries the
  // task's full name after it (for screen readers): the whole text tells the acts apart.
  const norm = (t) => t.replace(/\s+/g, ' ').trim();
  const labels = (await page.getByRole('navigation', { name: 'Sekcje raportu' }).getByRole('button').allInnerTexts()).map(norm);
  const tasks = labels.filter((l) => !NOT_TASKS.some((n) => l.startsWith(n)));
  assert.equal(tasks.length, 11, 'a joint program (2025) has 5 drug and 6 alcohol tasks');

  let back = false;
  for (const [i, task] of tasks.entries()) {
    await tabTo(page, (el) => el.tag === 'BUTTON' && norm(el.text) === task, { back });
    await page.keyboard.press('Enter');
    await tabTo(page, (el) => el.tag === 'BUTTON' && el.text === 'Dodaj działanie');
    await page.keyboard.press('Enter');
    await waitUntil(() => page.evaluate(() => document.activeElement?.id?.endsWith('-title')), { message: 'title focused' });
    await page.keyboard.type(`Działanie ${i + 1}`);
    // Cost in the activity's own field, by keyboard: Tab to "Koszt wykonany".
    await tabTo(page, (el) => el.id.endsWith('-cost-executed'));
    await page.keyboard.type('1 000,50');
    back = true; // the section navigation is before the open section
  }

  await waitUntil(async () => {
    const [r] = await storedReports(page);
    return r?.file?.report?.activities?.length === 11 && r.file.report.activities.every((a) => a.cost.executed === '1000.50');
  }, { message: 'all activities saved' });
  const [{ file }] = await storedReports(page);
  const served = file.report.activities.map((a) => a.tasks[0]);
  assert.equal(new Set(served).size, 11, 'every task has its own activity');
  assert.deepEqual(file.report.activities.map((a) => a.title), tasks.map((_, i) => `Działanie ${i + 1}`));
  assert.deepEqual(problems, []);
  await context.close();
});

test('activity cards are reordered with the "W górę" and "W dół" buttons from the keyboard', async () => {
  const { context, page } = await openApp(browser);
  const editor = await new StartPage(page).newReport();
  await editor.section(/Pomoc terapeutyczna i rehabilitacyjna \(narkomania\)/);
  for (const title of ['A', 'B', 'C']) {
    await addActivity(page, title);
  }
  // textContent, not innerText: cards off screen are not laid out (content-visibility: auto),
  // and innerText of what is not laid out is empty.
  const titles = async () => (await page.locator('ol.cards > li h3').allTextContents()).map((t) => t.trim());
  await page.locator('ol.cards > li').filter({ has: page.getByRole('heading', { name: 'C', exact: true }) }).getByRole('button', { name: 'W górę' }).focus();
  await page.keyboard.press('Enter');
  assert.deepEqual(await titles(), ['A', 'C', 'B']);
  // Focus stays on the moved card's button, so it can be pressed again.
  await page.keyboard.press('Enter');
  assert.deepEqual(await titles(), ['C', 'A', 'B']);
  await context.close();
});
