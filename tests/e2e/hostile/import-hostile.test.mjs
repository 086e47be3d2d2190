// Hostile files through the real import UI (file input, real reads): each is refused with a
// specific Polish message in an alert or, where valid, previewed; no panic, no uncaught error,
// and nothing stored changes unless the user confirms. Prints
// `hostile files (import UI): files, refused, accepted, panics, data changed`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, openApp } from '../lib/browser.mjs';
import { StartPage, ExportSection, storageSnapshot, downloadOf, waitUntil } from '../lib/pages.mjs';

const V2 = fs.readFileSync(new URL('../../fixtures/raport-gp-v2.json', import.meta.url));
const V1 = fs.readFileSync(new URL('../../fixtures/raport-gp-v1.json', import.meta.url));
const REQUEST = fs.readFileSync(new URL('../../fixtures/raport-gp-request-v2.json', import.meta.url));
const CONTRIBUTION = fs.readFileSync(new URL('../../fixtures/raport-gp-contribution-v2.json', import.meta.url));
const edited = (buf, edit) => { const d = JSON.parse(buf.toString('utf8')); edit(d); return json(d); };
const text = V2.toString('utf8');
const doc = () => JSON.parse(text);
const json = (v) => Buffer.from(JSON.stringify(v, null, 2));
const withPointer = (ptr, value) => {
  const d = doc();
  const keys = ptr.split('/').slice(1);
  let at = d;
  for (const k of keys.slice(0, -1)) at = at[k];
  at[keys.at(-1)] = value;
  return json(d);
};

/** [name, bytes, valid] */
function corpus() {
  const out = [];
  for (let k = 1; k <= 10; k++) out.push([`uciety-${k}.json`, V2.subarray(0, Math.floor((V2.length * k) / 11)), false]);
  const latin2 = Buffer.from(V2);
  for (let i = 0; i < latin2.length; i++) if (latin2[i] === 0xc5) latin2[i] = 0xb3;
  out.push(['latin2.json', latin2, false]);
  out.push(['bajt-ff.json', Buffer.concat([V2.subarray(0, 300), Buffer.from([0xff]), V2.subarray(300)]), false]);
  const le = Buffer.from(text, 'utf16le');
  out.push(['utf16le-bom.json', Buffer.concat([Buffer.from([0xff, 0xfe]), le]), false]);
  out.push(['utf16le.json', le, false]);
  out.push(['bom-podwojny.json', Buffer.concat([Buffer.from('\ufeff\ufeff'), V2]), true]);
  for (const [i, v] of [0, 3, 999, '1', null, 1.5].entries()) out.push([`wersja-${i}.json`, withPointer('/schema_version', v), false]);
  for (const [i, v] of ['NaN', '1e5', '1,2,3', 'Infinity', '12345678901234567890123456789', '12,50'].entries()) {
    out.push([`kwota-${i}.json`, withPointer('/report/budget/lines/0/executed', v), false]);
    out.push([`licznik-${i}.json`, withPointer('/report/activities/0/indicators/0/achieved', v), false]);
  }
  for (const [i, v] of ['2025-02-30', '2025-13-01', '20250101'].entries()) out.push([`data-${i}.json`, withPointer('/report/prepared_on', v), false]);
  for (const [i, [p, v]] of [
    ['/report/year', 'dwa tysiące'], ['/report/gkrpa/members', -1], ['/report/activities', {}],
    ['/report/gmina', []], ['/report/program/regime', 'mieszany'], ['/report/budget/lines/0/source', 7],
  ].entries()) out.push([`typ-${i}.json`, withPointer(p, v), false]);
  out.push(['zagniezdzenie.json', Buffer.from(text.replace('"report": {', `"x_z": ${'['.repeat(5000)}${']'.repeat(5000)},\n  "report": {`)), false]);
  out.push(['excalidraw.json', json({ type: 'excalidraw', version: 2, elements: [] }), false]);
  out.push(['tablica.json', json([1, 2, 3]), false]);
  out.push(['pusty.json', Buffer.alloc(0), false]);
  out.push(['pdf.json', Buffer.from('%PDF-1.7\n%\xe2\xe3'), false]);
  out.push(['sterujace.json', withPointer('/report/gmina/name', 'Lipowo\u0000\u001b[2J\u202e'), true]);
  out.push(['megabajt.json', withPointer('/report/introduction', 'ą'.repeat(600_000)), true]);
  out.push(['zadanie-uchylone.json', withPointer('/report/activities/0/tasks', ['alcohol.4']), true]);
  out.push(['v1.json', V1, true]);
  // Requests and contributions: a request opens the realizer's preview; a broken one is refused;
  // a contribution whose report is not in this browser is refused with that reason.
  out.push(['prosba.json', REQUEST, true]);
  out.push(['prosba-skrypt.json', edited(REQUEST, (d) => { d.request.partner.name = '<img src=x onerror=alert(1)>'; d.request.activities[0].title = '<script>alert(1)</script>'; }), true]);
  for (let k = 1; k <= 4; k++) out.push([`prosba-ucieta-${k}.json`, REQUEST.subarray(0, Math.floor((REQUEST.length * k) / 5)), false]);
  out.push(['prosba-rodzaj.json', edited(REQUEST, (d) => { d.kind = 'faktura'; }), false]);
  out.push(['prosba-v1.json', edited(REQUEST, (d) => { d.schema_version = 1; }), false]);
  out.push(['prosba-typ.json', edited(REQUEST, (d) => { d.request.activities = 'żadne'; }), false]);
  out.push(['prosba-rok.json', edited(REQUEST, (d) => { d.request.year = 'dwa tysiące'; }), false]);
  for (let k = 1; k <= 4; k++) out.push([`sprawozdanie-uciete-${k}.json`, CONTRIBUTION.subarray(0, Math.floor((CONTRIBUTION.length * k) / 5)), false]);
  out.push(['sprawozdanie-typ.json', edited(CONTRIBUTION, (d) => { d.contribution.activities[0].indicators = 5; }), false]);
  out.push(['sprawozdanie-obce.json', CONTRIBUTION, false]);
  return out;
}

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('hostile files through the import UI are refused with their message or previewed; storage never changes', async () => {
  const { context, page, problems } = await openApp(browser);
  const start = new StartPage(page);
  const editor = await start.loadSample(/Kalisz 2020/);
  await editor.goToList();
  const files = corpus();
  assert.ok(files.length >= 55, `${files.length} files`);
  let refused = 0; let accepted = 0; let changed = 0;
  const wrong = [];
  for (const [name, buffer, valid] of files) {
    const before = await storageSnapshot(page);
    await start.chooseImport({ name, mimeType: 'application/json', buffer });
    const alert = start.alerts.filter({ hasText: new RegExp(`Nie (zaimportowano|scalono) pliku „${name.replace(/[.]/g, '\\.')}”`) });
    const dialog = page.getByRole('dialog', { name: 'Podgląd importu' });
    await waitUntil(async () => (await alert.count()) > 0 || (await dialog.count()) > 0, { timeout: 15000, message: name });
    if (await dialog.count()) {
      accepted++;
      if (!valid) wrong.push(`${name}: previewed, expected refusal`);
      await dialog.getByRole('button', { name: 'Anuluj' }).click();
      await dialog.waitFor({ state: 'detached' });
    } else {
      refused++;
      const message = await alert.innerText();
      if (valid) wrong.push(`${name}: refused a valid file: ${message}`);
      if (message.length < 60 || /invalid type|expected|missing field|panicked/.test(message)) wrong.push(`${name}: ${message}`);
      if (name === 'latin2.json' || name === 'bajt-ff.json') assert.match(message, /nie jest zapisany w kodowaniu UTF-8: niepoprawny bajt w wierszu \d+, kolumnie \d+/);
      if (name.startsWith('utf16')) assert.match(message, /UTF-16/);
      if (name === 'sprawozdanie-obce.json') assert.match(message, /którego nie ma w tej przeglądarce/);
      if (name === 'prosba-rodzaj.json') assert.match(message, /nieznanego rodzaju/);
    }
    if (JSON.stringify(await storageSnapshot(page)) !== JSON.stringify(before)) changed++;
    // Dismiss the message before the next file, as a user would see a fresh one.
    await page.evaluate(() => { const i = document.querySelector('input[type=file]'); if (i) i.value = ''; });
  }
  const panics = problems.filter((p) => /panicked|unreachable|RuntimeError/.test(p)).length;
  console.log(`hostile files (import UI): files ${files.length}, refused ${refused}, accepted ${accepted}, panics ${panics}, data changed ${changed}`);
  assert.deepEqual(wrong, []);
  assert.equal(panics, 0);
  assert.equal(changed, 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a Latin-2 file is refused, not stored with replacement characters', async () => {
  const { context, page } = await openApp(browser);
  const start = new StartPage(page);
  const latin2 = Buffer.from(V2);
  for (let i = 0; i < latin2.length; i++) if (latin2[i] === 0xc5) latin2[i] = 0xb3;
  await start.chooseImport({ name: 'latin2.json', mimeType: 'application/json', buffer: latin2 });
  await start.alerts.filter({ hasText: 'nie jest zapisany w kodowaniu UTF-8' }).waitFor();
  const stored = await storageSnapshot(page);
  assert.ok(!JSON.stringify(stored).includes('\ufffd'));
  assert.equal(await page.getByRole('dialog').count(), 0);
  await context.close();
});

test('fields of another system in a file survive import and "Eksportuj JSON"', async () => {
  const { context, page, problems } = await openApp(browser);
  const start = new StartPage(page);
  await start.importFile({ name: 'v2.json', mimeType: 'application/json', buffer: V2 });
  const editor = await start.open(/Lipowo Wielkie/);
  const exp = await ExportSection.open(editor);
  const file = await downloadOf(page, exp.jsonButton);
  const out = JSON.parse(file.text);
  assert.equal(out.x_exported_by, 'system kancelaryjny EZD, eksport testowy');
  assert.equal(out.report.x_internal_note, 'Pole spoza formatu: musi przetrwać wczytanie i zapis.');
  assert.equal(out.report.signature.x_stamp, 'pieczęć urzędu');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a very long gmina name gives a bounded download name', async () => {
  const { context, page } = await openApp(browser);
  const start = new StartPage(page);
  const long = 'Gmina Bardzo Długiej Nazwy Wklejonej Z Akapitu '.repeat(50);
  await start.importFile({ name: 'dluga.json', mimeType: 'application/json', buffer: withPointer('/report/gmina/name', long) });
  const editor = await start.open(/Gmina Bardzo Długiej/);
  const exp = await ExportSection.open(editor);
  const file = await downloadOf(page, exp.jsonButton);
  assert.ok(file.name.length <= 60, `${file.name.length}: ${file.name}`);
  assert.match(file.name, /^raport-gmina-bardzo-dlugiej[a-z-]*-2022\.json$/);
  await context.close();
});
