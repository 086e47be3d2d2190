// The app comes in parts: the start screen works with the start module alone, and the editor and
// Pomoc arrive in modules of their own (src/app/lazy.rs, .ci/wasm-app.mjs). A part that cannot be
// fetched says so in Polish, keeps every report as it was, and "Spróbuj ponownie" fetches it again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from '../lib/browser.mjs';
import { fileURLToPath } from 'node:url';
import { EditorPage, StartPage, storedReports, waitUntil } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const EDITOR_PART = /\/app-[0-9a-f]{16}\/split_editor[^/]*\.wasm$/;
const HELP_PART = /\/app-[0-9a-f]{16}\/split_help[^/]*\.wasm$/;

test('the start screen works without the editor\'s module; a report opens once it arrives, after a failed fetch too', async () => {
  const { context, page, problems } = await openApp(browser, { url: 'about:blank' });
  // The host loses the editor's module (or the connection drops) until the route is lifted.
  let refused = 0;
  await context.route(EDITOR_PART, (route) => { refused += 1; return route.abort('internetdisconnected'); });
  await page.goto(process.env.E2E_BASE_URL);
  const start = new StartPage(page);
  await start.ready();

  // The start screen is whole: a sample is loaded and stored.
  await start.sampleButton.click();
  await page.getByRole('button', { name: /Kalisz 2020/ }).click();
  const failed = page.getByTestId('part-failed');
  await failed.waitFor();
  assert.ok(refused >= 1, 'the editor\'s module was asked for, in a request of its own');
  assert.match(await failed.innerText(), /Nie udało się wczytać edytora raportu\./);
  assert.match(await failed.innerText(), /Raporty zapisane w tej przeglądarce są bezpieczne/);
  const stored = await storedReports(page);
  assert.equal(stored.length, 1, 'the sample is stored although its editor could not open');
  assert.equal(stored[0].file.report.gmina.name, 'Kalisz');

  // The connection is back: the retry opens the report, by keyboard.
  await context.unroute(EDITOR_PART);
  await page.getByRole('button', { name: 'Spróbuj ponownie' }).focus();
  await page.keyboard.press('Enter');
  const editor = await new EditorPage(page).ready();
  assert.match(await editor.heading.innerText(), /Kalisz/);
  assert.equal(await failed.count(), 0, 'the message is gone');
  // Only the refused fetches were reported, nothing else went wrong.
  assert.deepEqual(
    problems.filter((p) => !/split_editor|ERR_INTERNET_DISCONNECTED|TypeError: Failed to fetch/.test(p)),
    [],
  );
  await context.close();
});

test('the editor\'s module is fetched in the background once the start screen is up, and Pomoc\'s only when opened', async () => {
  const { context, page, problems } = await openApp(browser, { url: 'about:blank' });
  const fetched = [];
  page.on('requestfinished', (r) => fetched.push(r.url()));
  await page.goto(process.env.E2E_BASE_URL);
  await new StartPage(page).ready();
  await waitUntil(async () => fetched.some((u) => EDITOR_PART.test(u)), { message: 'the editor\'s module fetched in the background' });
  assert.equal(fetched.filter((u) => HELP_PART.test(u)).length, 0, 'Pomoc\'s module is not fetched for the start screen');
  await page.getByRole('link', { name: 'Pomoc' }).click();
  await page.getByRole('heading', { level: 1, name: 'Pomoc' }).waitFor();
  assert.ok(fetched.some((u) => HELP_PART.test(u)), 'Pomoc\'s module came when Pomoc was opened');
  assert.deepEqual(problems, []);
  await context.close();
});

test('without the editor\'s module a file is still imported; its preview says it was not checked, the list shows no count', async () => {
  const { context, page, problems } = await openApp(browser, { url: 'about:blank' });
  await context.route(EDITOR_PART, (route) => route.abort('internetdisconnected'));
  await page.goto(process.env.E2E_BASE_URL);
  const start = new StartPage(page);
  await start.ready();
  const fixture = new URL('../../fixtures/raport-gp-v2.json', import.meta.url);
  const dialog = await start.importPreview(fileURLToPath(fixture));
  assert.match(await dialog.dialog.innerText(), /nie sprawdzono: ta część aplikacji nie dotarła/);
  await dialog.confirm();
  await start.importStatus.getByText('Zaimportowano').waitFor();
  assert.equal((await storedReports(page)).length, 1, 'the report is imported');
  // The list's error count comes with the checks too: "—" instead of a number.
  // (The row: name, then year, kind, last saved, errors.)
  const errors = start.row(/Lipowo Wielkie/).locator('td').nth(3);
  await waitUntil(async () => (await errors.innerText()).trim() === '—', { message: 'the errors cell says "—"' });
  assert.deepEqual(
    problems.filter((p) => !/split_editor|ERR_INTERNET_DISCONNECTED|TypeError: Failed to fetch/.test(p)),
    [],
  );
  await context.close();
});
