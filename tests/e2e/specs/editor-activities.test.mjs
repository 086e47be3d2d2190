// Activity cards: duplicate, move to another statutory task, realizers from the partner register
// (with a new partner added inline), indicator rows; and a report duplicated from the list.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from '../lib/browser.mjs';
import { StartPage, addActivity, addAndType, storedReports, waitUntil } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const THERAPY = /Pomoc terapeutyczna i rehabilitacyjna \(narkomania\)/;

async function newActivity(page, title) {
  const editor = await new StartPage(page).newReport();
  await editor.section(THERAPY);
  await addActivity(page, title);
  return editor;
}

const card = (page, title) => page.locator('ol.cards > li').filter({ has: page.getByRole('heading', { name: title, exact: true }) });

test('an activity is duplicated next to itself with its indicators', async () => {
  const { context, page } = await openApp(browser);
  await newActivity(page, 'Terapia');
  await addAndType(page, card(page, 'Terapia').getByRole('button', { name: 'Dodaj wskaźnik' }), 'liczba osób');
  await card(page, 'Terapia').getByLabel('Wykonanie', { exact: true }).fill('1 650');
  await card(page, 'Terapia').getByRole('button', { name: 'Duplikuj' }).click();
  assert.deepEqual((await page.locator('ol.cards > li h3').allTextContents()).map((t) => t.trim()), ['Terapia', 'Terapia (kopia)']);
  await waitUntil(async () => (await storedReports(page))[0]?.file.report.activities.length === 2, { message: 'saved' });
  const [a, b] = (await storedReports(page))[0].file.report.activities;
  assert.notEqual(a.id, b.id);
  assert.notEqual(a.indicators[0].id, b.indicators[0].id);
  assert.equal(b.indicators[0].achieved, '1650');
  await context.close();
});

test('an activity is moved to another statutory task and shown there', async () => {
  const { context, page } = await openApp(browser);
  const editor = await newActivity(page, 'Do przeniesienia');
  const c = card(page, 'Do przeniesienia');
  await c.getByLabel('Przenieś do innego zadania').selectOption({ label: 'Pomoc psychospołeczna i prawna dla rodzin (narkomania)' });
  await c.getByRole('button', { name: 'Przenieś', exact: true }).click();
  assert.equal(await editor.sectionHeading().innerText(), 'Pomoc psychospołeczna i prawna dla rodzin (narkomania)');
  assert.equal(await card(page, 'Do przeniesienia').count(), 1);
  await waitUntil(async () => (await storedReports(page))[0]?.file.report.activities[0]?.tasks.join() === 'drugs.2', { message: 'saved' });
  await context.close();
});

test('a new partner is added inline and chosen as the realizer', async () => {
  const { context, page } = await openApp(browser);
  const editor = await newActivity(page, 'Konsultacje');
  const c = card(page, 'Konsultacje');
  await c.getByLabel('Nazwa nowego partnera').fill('Poradnia Leczenia Uzależnień');
  await c.getByRole('button', { name: 'Dodaj nowego partnera' }).click();
  assert.equal(await c.getByRole('checkbox', { name: 'Poradnia Leczenia Uzależnień' }).isChecked(), true);
  await waitUntil(async () => {
    const r = (await storedReports(page))[0]?.file.report;
    return r?.partners.length === 1 && r.activities[0].realizers[0] === r.partners[0].id;
  }, { message: 'saved' });
  await editor.section('Partnerzy');
  assert.equal(await page.getByLabel('Nazwa', { exact: true }).inputValue(), 'Poradnia Leczenia Uzależnień');
  await context.close();
});

test('a report is duplicated from the list as a separate report', async () => {
  const { context, page } = await openApp(browser);
  const start = new StartPage(page);
  const editor = await start.loadSample(/Kalisz 2020/);
  await editor.goToList();
  await start.row(/Kalisz/).getByRole('button', { name: 'Duplikuj' }).click();
  await waitUntil(async () => (await start.row(/Kalisz/).count()) === 2, { message: 'two rows' });
  const stored = await storedReports(page);
  assert.equal(stored.length, 2);
  assert.notEqual(stored[0].file.report.id, stored[1].file.report.id);
  await context.close();
});
