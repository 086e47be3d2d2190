// Screens and sections have addresses in the fragment (#/raport/<id>/<sekcja>): Back and Forward
// move between the list, a report and its sections; a reload keeps them; a link to a section opens
// it, or says the report is not in this browser. Run at / and under /demo/raport/: the path part
// never changes, so no server rewrite is needed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, baseUrl, watch } from '../lib/browser.mjs';
import { StartPage, EditorPage, HelpPage, addressOf, waitUntil } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const base = () => new URL(baseUrl());

async function sectionTitle(page) {
  return (await page.locator('#section-title').innerText()).trim();
}

async function waitAddress(page, re) {
  await waitUntil(() => re.test(addressOf(page)), { message: `address ${re}` });
}

test('Back and Forward move between the list, a report and its sections', async () => {
  const { context, page, problems } = await openApp(browser);
  const start = new StartPage(page);
  const editor = await start.loadSample(/Przykładowo 2025/);
  await waitAddress(page, /^#\/raport\/[^/]+\/program$/);
  const id = addressOf(page).split('/')[2];
  await editor.section('Budżet');
  await waitAddress(page, /\/budzet$/);
  await editor.section('Partnerzy');
  await waitAddress(page, /\/partnerzy$/);

  await page.goBack();
  await waitUntil(async () => (await sectionTitle(page)) === 'Budżet', { message: 'Budżet after Back' });
  assert.equal(addressOf(page), `#/raport/${id}/budzet`);
  await page.goBack();
  await waitUntil(async () => (await sectionTitle(page)) === 'Gmina i program', { message: 'first section after Back' });
  await page.goBack();
  await start.ready();
  assert.match(await start.row(/Przykładowo/).innerText(), /2025/, 'the list shows the report');

  await page.goForward();
  await editor.ready();
  assert.equal(await sectionTitle(page), 'Gmina i program');
  await page.goForward();
  await waitUntil(async () => (await sectionTitle(page)) === 'Budżet', { message: 'Budżet after Forward' });
  assert.equal(new URL(page.url()).pathname, base().pathname, 'the path never changes');
  assert.deepEqual(problems, []);
  await context.close();
});

test('"Wróć do listy raportów" is a step back in history like any other', async () => {
  const { context, page, problems } = await openApp(browser);
  const start = new StartPage(page);
  const editor = await start.loadSample(/Kalisz 2020/);
  await editor.section('Wnioski');
  await editor.goToList();
  assert.match(addressOf(page), /^#\/$/);
  await page.goBack();
  await editor.ready();
  assert.equal(await sectionTitle(page), 'Wnioski');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a reload keeps the open report and section, and what was typed', async () => {
  const { context, page, problems } = await openApp(browser);
  const editor = await new StartPage(page).newReport();
  await page.getByLabel('Nazwa gminy').fill('Gmina Adresowa');
  await editor.section('Budżet');
  await editor.saved();
  const address = addressOf(page);
  await page.reload();
  await editor.ready();
  assert.equal(addressOf(page), address);
  assert.equal(await sectionTitle(page), 'Budżet');
  assert.match(await editor.heading.innerText(), /Gmina Adresowa/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a link to a section opens the report at that section in a new tab', async () => {
  const { context, page, problems } = await openApp(browser);
  const editor = await new StartPage(page).loadSample(/Przykładowo 2025/);
  await editor.section('Eksport');
  await editor.saved();
  const link = page.url();
  const other = await context.newPage();
  const otherProblems = watch(other);
  await other.goto(link);
  const again = await new EditorPage(other).ready();
  assert.equal(await sectionTitle(other), 'Eksport');
  assert.match(await again.heading.innerText(), /Przykładowo/);
  // A link to a statutory task's section, typed by hand.
  const id = addressOf(page).split('/')[2];
  await other.goto(`${baseUrl()}#/raport/${id}/zadanie-alcohol.6`);
  await waitUntil(async () => /Interwencje/.test(await sectionTitle(other)), { message: 'task section from a link' });
  assert.deepEqual(problems, []);
  assert.deepEqual(otherProblems, []);
  await context.close();
});

test('a link to a report that is not in this browser says so and leads to the list', async () => {
  const { context, page, problems } = await openApp(browser, { url: `${baseUrl()}#/raport/r-z-innego-komputera/budzet` });
  await page.getByRole('heading', { level: 1, name: 'Tego raportu nie ma w tej przeglądarce' }).waitFor();
  assert.match(await page.getByTestId('missing-report').innerText(), /r-z-innego-komputera/);
  assert.equal(await page.title(), 'Nie znaleziono raportu — Raport GP');
  await page.getByRole('link', { name: 'Przejdź do listy raportów' }).click();
  await new StartPage(page).ready();
  assert.deepEqual(problems, []);
  await context.close();
});

test('an unknown section of a stored report opens its first section, in place', async () => {
  const { context, page, problems } = await openApp(browser);
  const editor = await new StartPage(page).loadSample(/Kalisz 2020/);
  await editor.saved();
  const id = addressOf(page).split('/')[2];
  // Kalisz 2020 is a drug-only report: it has no commission (GKRPA) section.
  await page.goto(`${baseUrl()}#/raport/${id}/komisja`);
  await waitAddress(page, /\/program$/);
  assert.equal(await sectionTitle(page), 'Gmina i program');
  assert.deepEqual(problems, []);
  await context.close();
});

test('Pomoc has an address of its own; Back returns to the report', async () => {
  const { context, page, problems } = await openApp(browser);
  const editor = await new StartPage(page).loadSample(/Kalisz 2020/);
  await editor.section('Budżet');
  await new HelpPage(page).open();
  assert.equal(addressOf(page), '#/pomoc');
  await page.reload();
  await new HelpPage(page).heading.waitFor();
  await page.goBack();
  await editor.ready();
  assert.equal(await sectionTitle(page), 'Budżet');
  assert.deepEqual(problems, []);
  await context.close();
});
