// "Dane do ankiety KCPU": the provisional figures with how each is computed, "Kopiuj wszystko"
// (clipboard, or a field to copy by hand when the browser refuses) and the CSV download.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from '../lib/browser.mjs';
import { StartPage, downloadOf } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function kcpuView(page) {
  const editor = await new StartPage(page).loadSample(/Przykładowo 2025/);
  await editor.section('Dane do ankiety KCPU');
  return editor;
}

test('the KCPU view says the list is provisional and shows each figure with how it was computed', async () => {
  const { context, page, problems } = await openApp(browser);
  await kcpuView(page);
  assert.match(await page.getByTestId('kcpu-notice').innerText(), /^Lista wstępna \(wersja [^)]+\)\./);
  const rows = page.locator('table.kcpu tbody tr');
  assert.ok((await rows.count()) > 10, 'many figures');
  const first = rows.first();
  assert.equal(await first.locator('th, td').count(), 3);
  // How it is computed, and from which entries, one click away.
  const how = first.locator('.kcpu-how');
  assert.equal(await how.isVisible(), false);
  await first.getByText('Jak obliczono').click();
  assert.ok((await how.innerText()).trim().length > 0, 'how it is computed');
  assert.deepEqual(problems, []);
  await context.close();
});

test('each figure names its entries in the report\'s words, a long list cut short with how many more', async () => {
  const { context, page, problems } = await openApp(browser);
  await kcpuView(page);
  const cells = await page.locator('table.kcpu tbody td.entries').allTextContents();
  const all = cells.join('\n');
  assert.doesNotMatch(all, /\b(activity|line|point|partner|group|referral|indicator)-\d+/, 'no internal ids on the screen');
  const participants = await page.locator('tr[data-kcpu-id="uczestnicy_razem"] td.entries li').allTextContents();
  // The joint sample has 15 indicators in persons: a row names 5 and counts the rest.
  assert.equal(participants.length, 5 + 1, participants.join(' | '));
  for (const entry of participants.slice(0, 5)) assert.match(entry, /^działanie „[^”]+”, wskaźnik „[^”]+”$/);
  assert.equal(participants[5], 'i 10 innych');
  assert.match(all, /GKRPA: /);
  assert.match(all, /wiersz budżetu nr \d+ \(rozdz\. \d{5}/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an empty report gives "brak danych" rather than guessed figures', async () => {
  const { context, page } = await openApp(browser);
  const editor = await new StartPage(page).newReport();
  await editor.section('Dane do ankiety KCPU');
  const values = await page.locator('table.kcpu tbody tr td.num').allInnerTexts();
  assert.ok(values.length > 10);
  assert.ok(values.filter((v) => v === 'brak danych').length > values.length / 2, values.join(' | '));
  await context.close();
});

test('"Kopiuj wszystko" puts the figures with the heading and the notice on the clipboard', async () => {
  const { context, page, problems } = await openApp(browser, { context: { permissions: ['clipboard-read', 'clipboard-write'] } });
  await kcpuView(page);
  await page.getByRole('button', { name: 'Kopiuj wszystko' }).click();
  await page.getByText('Skopiowano dane do schowka.').waitFor();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(text, /^Dane do ankiety KCPU — Przykładowo, 2025 r\.\nLista wstępna/);
  assert.match(text, /\n- .+: .+\n/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('when the clipboard is refused the text is shown selected in a field to copy by hand', async () => {
  const { context, page } = await openApp(browser);
  await kcpuView(page);
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('odmowa', 'NotAllowedError'));
  });
  await page.getByRole('button', { name: 'Kopiuj wszystko' }).click();
  const field = page.getByLabel('Dane do skopiowania');
  await field.waitFor();
  assert.match(await field.inputValue(), /^Dane do ankiety KCPU — Przykładowo, 2025 r\./);
  assert.match(await page.getByRole('alert').filter({ hasText: 'nie pozwoliła skopiować' }).innerText(), /Ctrl\+C/);
  const selected = await page.evaluate(() => {
    const t = document.activeElement;
    return t?.tagName === 'TEXTAREA' && t.selectionEnd - t.selectionStart === t.value.length;
  });
  assert.ok(selected, 'the whole text is focused and selected');
  await context.close();
});

test('"Pobierz CSV" downloads dane-kcpu-przykladowo-2025.csv with a row per figure', async () => {
  const { context, page, problems } = await openApp(browser);
  await kcpuView(page);
  const file = await downloadOf(page, page.getByRole('button', { name: 'Pobierz CSV' }));
  assert.equal(file.name, 'dane-kcpu-przykladowo-2025.csv');
  const lines = file.text.split('\r\n');
  assert.equal(lines[0], 'grupa,id,pozycja,wartość,jednostka,sposób obliczenia,źródła,brak wartości w');
  const figures = await page.locator('table.kcpu tbody tr').count();
  assert.ok(lines.length > figures, 'a line per figure');
  assert.match(file.text, /Lista wstępna/);
  assert.deepEqual(problems, []);
  await context.close();
});
