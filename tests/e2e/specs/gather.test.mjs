// Gathering the realizers' reports, in two browsers with their own profiles, by keyboard: the
// coordinator asks two partners, the realizer opens the request, fills two activities and saves
// the contribution, the coordinator merges it with one conflict resolved, the print shows the
// realizer's figures, and one undo restores the report byte for byte.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from '../lib/browser.mjs';
import {
  StartPage, ExportSection, ImportDialog, sectionByKeyboard, storedReports, tabTo, tabAndType, waitUntil,
} from '../lib/pages.mjs';

let coordinatorBrowser;
let realizerBrowser;
before(async () => {
  coordinatorBrowser = await launch();
  realizerBrowser = await launch();
});
after(async () => {
  await coordinatorBrowser?.close();
  await realizerBrowser?.close();
});

const norm = (s) => s.replace(/\s+/g, ' ').trim();
const SCHOOL = 'Szkoła Podstawowa w Przykładowie';
const ASSOCIATION = 'Stowarzyszenie „Razem dla Przykładowa”';
const ACHIEVED = 'f-activities-activity_13-indicators-indicator_20-achieved';

/** Opens a task section whose button's text (with its findings' badges) includes `part`. */
async function taskByKeyboard(page, part, opts = {}) {
  await tabTo(page, (el) => el.tag === 'BUTTON' && el.text.replace(/\s+/g, ' ').includes(part), opts);
  await page.keyboard.press('Enter');
  await waitUntil(() => page.evaluate(() => document.activeElement?.id === 'section-title'), { message: 'section focused' });
}

/** Presses Enter on the focused button and returns every download it starts (`count`). */
async function downloadsOf(page, count, press) {
  const files = [];
  const done = new Promise((resolve) => {
    page.on('download', async function onDownload(d) {
      files.push(d);
      if (files.length === count) {
        page.off('download', onDownload);
        resolve();
      }
    });
  });
  await press();
  await done;
  const out = [];
  for (const d of files) {
    const path = await d.path();
    out.push({ name: d.suggestedFilename(), path, text: (await import('node:fs')).readFileSync(path, 'utf8') });
  }
  return out;
}

test('a coordinator asks two partners, a realizer answers, the merge takes one conflict the realizer\'s way, and one undo restores the report', async () => {
  // --- The coordinator asks.
  const coord = await openApp(coordinatorBrowser);
  const editor = await new StartPage(coord.page).loadSample(/Przykładowo 2025/);
  const page = coord.page;
  await sectionByKeyboard(page, 'Sprawozdania realizatorów');
  await tabAndType(page, 'gather-contact', 'profilaktyka@przykladowo.pl');
  for (const name of [SCHOOL, ASSOCIATION]) {
    await tabTo(page, (el) => el.tag === 'INPUT' && el.label === name);
    await page.keyboard.press('Space');
  }
  await tabTo(page, (el) => el.text === 'Poproś o sprawozdanie zaznaczonych (2)');
  const requests = await downloadsOf(page, 2, () => page.keyboard.press('Enter'));
  const names = requests.map((r) => r.name).sort();
  assert.deepEqual(names, ['prosba-stowarzyszenie-razem-dla-przykladowa-przykladowo-2025.json', 'prosba-szkola-podstawowa-w-przykladowie-przykladowo-2025.json']);
  const schoolRequest = requests.find((r) => r.name.includes('szkola'));
  const req = JSON.parse(schoolRequest.text);
  assert.equal(req.kind, 'request');
  assert.equal(req.request.partner.name, SCHOOL);
  // Nothing about other partners.
  assert.ok(!schoolRequest.text.includes('Poradnia Psychologiczno'), 'another partner leaked into the request');
  assert.deepEqual(req.request.activities.map((a) => a.id), ['activity-12', 'activity-13', 'activity-14']);
  // The register says who was asked.
  const row = page.getByRole('row', { name: new RegExp(SCHOOL) });
  assert.match(norm(await row.innerText()), /Poproś o sprawozdanie/);
  await waitUntil(async () => ((await storedReports(page))[0].file.report.requests ?? []).length === 2, { message: 'requests recorded' });

  // --- The realizer, in another browser: open the request, fill two activities, save.
  const real = await openApp(realizerBrowser);
  const rpage = real.page;
  const start = new StartPage(rpage);
  await start.ready();
  await start.chooseImport(schoolRequest.path);
  const dialog = await new ImportDialog(rpage).ready();
  await tabTo(rpage, (el) => el.text === 'Importuj');
  await rpage.keyboard.press('Enter');
  await dialog.dialog.waitFor({ state: 'detached' });
  await tabTo(rpage, (el) => el.text === 'Otwórz');
  await rpage.keyboard.press('Enter');
  await rpage.locator('#editor-title').waitFor();
  assert.match(await rpage.locator('#editor-title').innerText(), /Sprawozdanie dla gminy: Szkoła Podstawowa w Przykładowie — Przykładowo 2025/);
  // Only the realizer's sections: the tasks and the answer.
  const sections = norm(await rpage.getByRole('navigation', { name: 'Sekcje raportu' }).innerText());
  assert.ok(!/Budżet|Komisja|Gmina i program/.test(sections), sections);
  await taskByKeyboard(rpage, 'szkoleniowa (narkomania)');
  // An activity the gmina knew: a new figure and a period.
  await tabTo(rpage, (el) => el.id === ACHIEVED);
  await rpage.keyboard.press('Control+A');
  await rpage.keyboard.type('117');
  await tabAndType(rpage, 'f-activities-activity_13-period', 'październik–grudzień');
  // A new activity.
  await tabTo(rpage, (el) => el.text === 'Dodaj działanie');
  await rpage.keyboard.press('Enter');
  await waitUntil(() => rpage.evaluate(() => document.activeElement?.id?.endsWith('-title') && document.activeElement.value === ''), { message: 'new title focused' });
  await rpage.keyboard.type('Spektakl profilaktyczny „Zakręty”');
  const newId = await rpage.evaluate(() => document.activeElement.id.replace(/-title$/, ''));
  assert.equal(newId, "f-activities-partner_5_dz_1");
  await tabAndType(rpage, `${newId}-realizer_funds-own`, '1 500,00');
  await sectionByKeyboard(rpage, 'Sprawozdanie dla gminy', { back: true });
  await tabAndType(rpage, 'prepared_by', 'Jan Kowalski, pedagog');
  await tabTo(rpage, (el) => el.text === 'Zapisz sprawozdanie dla gminy');
  const saved = await downloadsOf(rpage, 2, () => rpage.keyboard.press('Enter'));
  const contribution = saved.find((f) => f.name.endsWith('.json'));
  const copy = saved.find((f) => f.name.endsWith('.html'));
  assert.equal(contribution.name, 'sprawozdanie-szkola-podstawowa-w-przykladowie-przykladowo-2025.json');
  assert.match(norm(copy.text), /Spektakl profilaktyczny „Zakręty”/);
  assert.match(norm(copy.text), /osiągnięto 117/);
  const sent = JSON.parse(contribution.text);
  assert.equal(sent.kind, 'contribution');
  assert.equal(sent.contribution.activities.length, 4);
  assert.deepEqual(real.problems, []);

  // --- The coordinator meanwhile corrected the same figure: a conflict.
  await taskByKeyboard(page, 'szkoleniowa (narkomania)', { back: true });
  // The report has more activities than open cards: the overview's title opens the card.
  await tabTo(page, (el) => el.id === 'f-activities-activity_13-t-open');
  await page.keyboard.press('Enter');
  await waitUntil(() => page.evaluate(() => document.activeElement?.id === 'f-activities-activity_13-title'), { message: 'card opened' });
  await tabTo(page, (el) => el.id === ACHIEVED);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('110');
  await editor.saved();
  await sectionByKeyboard(page, 'Sprawozdania realizatorów', { back: true });
  const before = JSON.stringify((await storedReports(page))[0].file.report);
  await page.getByLabel('Wczytaj sprawozdania realizatorów').setInputFiles(contribution.path);
  const merge = page.getByRole('region', { name: /Scalanie: Szkoła Podstawowa w Przykładowie/ });
  await merge.waitFor();
  assert.match(norm(await merge.innerText()), /Nowe: 1, zmienione: 0, konflikty: 1, usunięte przez realizatora: 0, bez zmian: 2\./);
  assert.match(norm(await merge.innerText()), /wypełnił\(a\): Jan Kowalski, pedagog/);
  // The conflict shows both values; the coordinator takes the realizer's.
  const conflict = merge.getByRole('row', { name: /Wskaźniki/ });
  assert.match(norm(await conflict.innerText()), /osiągnięto 110.*osiągnięto 117/);
  // A radio group takes Tab once (at the checked one); the arrow moves the choice.
  await tabTo(page, (el) => el.tag === 'INPUT' && el.label === 'z raportu');
  await page.keyboard.press('ArrowDown');
  await tabTo(page, (el) => el.text === 'Scal');
  await page.keyboard.press('Enter');
  const undo = page.locator('#undo-list');
  await undo.waitFor();
  assert.match(norm(await page.getByRole('status').filter({ has: undo }).innerText()), /Scalono: dodano 1, zmieniono 1, usunięto 0\./);
  await editor.saved();
  const merged = (await storedReports(page))[0].file.report;
  const a13 = merged.activities.find((a) => a.id === 'activity-13');
  assert.equal(a13.indicators[0].achieved, '117');
  assert.equal(a13.period, 'październik–grudzień');
  const added = merged.activities.find((a) => a.title === 'Spektakl profilaktyczny „Zakręty”');
  assert.deepEqual(added.realizers, ['partner-5']);
  assert.equal(added.realizer_funds.own, '1500.00');
  // Shared realizers of the activity stay (the request carried only the school).
  assert.deepEqual(a13.realizers, ['partner-5', 'partner-6', 'partner-9']);
  const record = merged.requests.find((q) => q.partner === 'partner-5');
  assert.equal(record.merged, 2);
  assert.ok(record.returned_on);

  // The print shows the realizer's figures.
  const exp = await ExportSection.open(editor);
  const html = norm(await exp.previewHtml());
  assert.match(html, /Spektakl profilaktyczny „Zakręty”/);
  assert.match(html, /Termin realizacji<\/dt><dd>październik–grudzień/);
  assert.match(html, /środki własne i z innych źródeł 1 500,00 zł/);

  // One undo takes the whole merge back.
  await page.locator('#undo-list').focus();
  await page.keyboard.press('Enter');
  await waitUntil(async () => JSON.stringify((await storedReports(page))[0].file.report) === before, { message: 'the report as before the merge' });
  assert.deepEqual(coord.problems, []);
  await coord.context.close();
  await real.context.close();
});

test('a contribution for another year is refused and the same file merged twice changes nothing', async () => {
  const coord = await openApp(coordinatorBrowser);
  const page = coord.page;
  const editor = await new StartPage(page).loadSample(/Przykładowo 2025/);
  const report = (await storedReports(page))[0].file.report;
  const school = report.activities.filter((a) => a.realizers.includes('partner-5'));
  const file = (year, achieved) => ({
    name: `sprawozdanie-${year}.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({
      format: 'raport-gp', kind: 'contribution', schema_version: 2,
      contribution: {
        request: { id: `${report.id}:partner-5`, report_id: report.id, year, gmina: report.gmina, partner: { id: 'partner-5', name: SCHOOL }, activities: school },
        prepared_by: '<img src=x onerror=alert(1)>',
        activities: school.map((a, i) => (i === 0 ? { ...a, indicators: [{ ...a.indicators[0], achieved }, ...a.indicators.slice(1)] } : a)),
      },
    })),
  });
  await editor.section('Sprawozdania realizatorów');
  const input = page.getByLabel('Wczytaj sprawozdania realizatorów');
  await input.setInputFiles(file(2024, '250'));
  const refused = page.getByRole('region', { name: /nie można scalić/ });
  await refused.waitFor();
  assert.match(norm(await refused.innerText()), /dotyczy roku 2024, a otwarty raport — roku 2025\. Nic nie scalono\./);
  await refused.getByRole('button', { name: 'Zamknij' }).click();
  const unchanged = JSON.stringify((await storedReports(page))[0].file.report);
  assert.equal(unchanged, JSON.stringify(report));

  await input.setInputFiles(file(2025, '250'));
  const merge = page.getByRole('region', { name: /Scalanie/ });
  await merge.getByRole('button', { name: 'Scal' }).click();
  await page.locator('#undo-list').waitFor();
  await editor.saved();
  const once = JSON.stringify((await storedReports(page))[0].file.report);
  assert.notEqual(once, unchanged);
  // The same file again: nothing new.
  await input.setInputFiles(file(2025, '250'));
  await merge.waitFor();
  assert.match(norm(await merge.innerText()), /Raport ma już wszystko z tego pliku/);
  await merge.getByRole('button', { name: 'Scal' }).click();
  await merge.waitFor({ state: 'detached' });
  await editor.saved();
  assert.equal(JSON.stringify((await storedReports(page))[0].file.report), once);
  // The realizer's text is shown as text.
  assert.equal(await page.locator('img[src=x]').count(), 0);
  assert.deepEqual(coord.problems, []);
  await coord.context.close();
});
