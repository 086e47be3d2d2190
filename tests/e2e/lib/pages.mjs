// Page objects: what a user sees and does, located by role and label.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

export class AppShell {
  constructor(page) {
    this.page = page;
    this.header = page.getByRole('banner');
    this.nav = page.getByRole('navigation', { name: 'Nawigacja główna' });
    this.main = page.getByRole('main');
    this.version = page.getByTestId('app-version');
  }

  async ready() {
    await this.main.waitFor();
  }
}

/** Polls `fn` until it returns a truthy value (or throws after `timeout` ms). */
export async function waitUntil(fn, { timeout = 5000, interval = 50, message = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, interval));
  }
  throw new Error(`timed out waiting for ${message} (last: ${last})`);
}

export const PREFIX = 'raport-gp/v1/';

/**
 * Presses Tab (or Shift+Tab) until the focused element satisfies `match`, which receives
 * { id, tag, text, label } of document.activeElement (label: the text of its <label>).
 */
export async function tabTo(page, match, { back = false, max = 400 } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement;
      const label = a?.labels?.[0]?.innerText?.trim() ?? '';
      return { text: (a?.innerText ?? '').trim(), id: a?.id ?? '', tag: a?.tagName ?? '', label };
    });
    if (match(el)) return el;
  }
  throw new Error(`focus never reached the element after ${max} presses`);
}

/** Tabs to the control with this element id and types `text` into it. */
export async function tabAndType(page, id, text, opts = {}) {
  await tabTo(page, (el) => el.id === id, opts);
  await page.keyboard.type(text);
}

/**
 * Opens an editor section from the keyboard: Tab (from the editor's title) or Shift+Tab (from
 * inside a section: `back`) to its button in the section navigation, then Enter.
 */
export async function sectionByKeyboard(page, name, { back = false } = {}) {
  // A statutory task's button shows its point and short name, then (for screen readers) its full
  // name after " — ": either names it.
  const names = (el) => [el.text.split('\n')[0].trim(), el.text.replace(/\s+/g, ' ').split(' — ')[1]?.trim()];
  await tabTo(page, (el) => el.tag === 'BUTTON' && names(el).includes(name), { back });
  await page.keyboard.press('Enter');
  await waitUntil(() => page.evaluate(() => document.activeElement?.id === 'section-title'), { message: `section ${name} focused` });
}

/** Every localStorage entry of the page, as a plain object (to compare before and after). */
export async function storageSnapshot(page) {
  return page.evaluate(() => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      out[k] = localStorage.getItem(k);
    }
    return out;
  });
}

/**
 * Clicks `locator` and returns the real download: { name, path, text }. The file is saved under
 * its suggested name in a temp dir, so it outlives the browser context that downloaded it.
 */
export async function downloadOf(page, locator) {
  const [download] = await Promise.all([page.waitForEvent('download'), locator.click()]);
  const name = download.suggestedFilename();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'raport-download-'));
  const file = path.join(dir, name);
  await download.saveAs(file);
  return { name, path: file, text: fs.readFileSync(file, 'utf8') };
}

const DOCX_CHECK = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'docx', 'check-package.py');

/**
 * Checks a downloaded DOCX with the package checks the native suite uses (Python's own ZIP and
 * XML readers: content types, relationships, every part well-formed, no field from report text)
 * and returns the text of its paragraphs. Throws with the checker's findings if it fails.
 */
export function docxText(file) {
  const check = spawnSync('python3', [DOCX_CHECK, file], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`the DOCX fails the package checks:\n${check.stdout}${check.stderr}`);
  const text = spawnSync('python3', [DOCX_CHECK, '--text', file], { encoding: 'utf8' });
  if (text.status !== 0) throw new Error(text.stderr);
  return text.stdout;
}

/**
 * The report text a stored backup value holds when it is stored in full (`rgp-k1:` header, then
 * `rgp-z1:` + base64 of zlib, or a plain text written before compression); `null` for a delta
 * (which needs its newer base to be read).
 */
export function backupText(value) {
  let body = value;
  if (value.startsWith('rgp-k1:')) body = value.split(':').slice(4).join(':');
  if (body.startsWith('rgp-z1:')) return zlib.inflateSync(Buffer.from(body.slice(7), 'base64')).toString('utf8');
  if (body.startsWith('rgp-d1:')) return null;
  return body;
}

/** Fills localStorage with junk keys until the browser refuses more; returns the keys. */
export async function fillStorage(page) {
  return page.evaluate(() => {
    const keys = [];
    let chunk = 'x'.repeat(512 * 1024);
    for (let i = 0; chunk.length > 0; i++) {
      try {
        localStorage.setItem(`junk-${i}`, chunk);
        keys.push(`junk-${i}`);
      } catch {
        chunk = chunk.slice(0, Math.floor(chunk.length / 2));
      }
    }
    return keys;
  });
}

/** The reports stored in the page's localStorage, parsed: [{ key, id, text, file }]. */
export async function storedReports(page) {
  const entries = await page.evaluate((prefix) => {
    const out = [];
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k.startsWith(`${prefix}report/`)) out.push([k, localStorage.getItem(k)]);
    }
    return out;
  }, PREFIX);
  return entries.map(([key, text]) => {
    let file = null;
    try { file = JSON.parse(text); } catch { /* corrupt */ }
    return { key, id: key.slice(`${PREFIX}report/`.length), text, file };
  });
}

/** The start screen: the reports in this browser and the ways to begin one. */
export class StartPage {
  constructor(page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Raporty w tej przeglądarce' });
    this.table = page.getByRole('table');
    this.newButton = page.getByRole('button', { name: 'Nowy raport', exact: true });
    this.sampleButton = page.getByRole('button', { name: 'Wczytaj przykład' });
    this.nextYearButton = page.getByRole('button', { name: 'Nowy raport na podstawie poprzedniego roku' });
    this.importInput = page.getByLabel('Importuj plik JSON');
    this.dropZone = page.getByRole('group', { name: 'Import pliku' });
    this.importError = page.getByTestId('import-error');
    this.importStatus = page.getByTestId('import-status');
    this.undoImport = page.getByRole('button', { name: 'Cofnij import' });
    this.exportAllButton = page.getByRole('button', { name: 'Eksportuj wszystko' });
    this.alerts = page.getByRole('alert');
  }

  /** Chooses a file in "Importuj plik JSON" (a path or { name, mimeType, buffer }). */
  async chooseImport(file) {
    await this.importInput.setInputFiles(file);
  }

  /** Chooses a file and waits for the import preview dialog. */
  async importPreview(file) {
    await this.chooseImport(file);
    const dialog = new ImportDialog(this.page);
    await dialog.ready();
    return dialog;
  }

  /** Chooses a file, confirms the preview, and waits for the confirmation. */
  async importFile(file) {
    const dialog = await this.importPreview(file);
    await dialog.confirm();
    await this.importStatus.getByText('Zaimportowano').waitFor();
  }

  async ready() {
    await this.heading.waitFor();
  }

  async newReport() {
    await this.newButton.click();
    return new EditorPage(this.page).ready();
  }

  /** Creates a new report, names its gmina `name` and waits until that is in storage. */
  async newReportNamed(name) {
    const editor = await this.newReport();
    await this.page.getByLabel('Nazwa gminy').fill(name);
    await waitUntil(async () => (await storedReports(this.page)).some((r) => r.file?.report?.gmina?.name === name), { message: 'first save' });
    return editor;
  }

  /** Loads a sample whose button label matches `name` (e.g. /Kalisz/). */
  async loadSample(name) {
    await this.sampleButton.click();
    await this.page.getByRole('button', { name }).click();
    return new EditorPage(this.page).ready();
  }

  /**
   * Loads the Kalisz 2020 sample, then makes its 2021 report with "Nowy raport na podstawie
   * poprzedniego roku"; returns the editor, open on the new report.
   */
  async nextYearOfSample() {
    const editor = await this.loadSample(/Kalisz 2020/);
    await editor.goToList();
    await this.nextYearButton.click();
    await this.page.getByRole('button', { name: 'Raport na rok Kalisz 2020 → 2021' }).click();
    return editor.ready();
  }

  row(name) {
    return this.page.getByRole('row', { name });
  }

  async open(name) {
    await this.row(name).getByRole('button', { name: 'Otwórz' }).click();
    return new EditorPage(this.page).ready();
  }
}

/** The report editor: sections, fields, findings, storage banners. */
export class EditorPage {
  constructor(page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1 });
    this.sections = page.getByRole('navigation', { name: 'Sekcje raportu' });
    this.findings = page.getByRole('complementary', { name: 'Sprawdzenie raportu' });
    this.summary = page.getByTestId('findings-summary');
    this.saveState = page.getByTestId('save-state');
    this.banner = page.getByTestId('storage-banner');
    this.backToList = page.getByRole('button', { name: 'Wróć do listy raportów' });
  }

  async ready() {
    await this.page.locator('#editor-title').waitFor();
    return this;
  }

  /** Unfolds the findings under "Pokaż uwagi" in the strip above the section. */
  async showFindings() {
    const fold = this.findings.locator('details.findings-fold');
    if (!(await fold.evaluate((d) => d.open))) await fold.locator('> summary').click();
  }

  /** Opens a section by (part of) its name in the section navigation. */
  async section(name) {
    await this.sections.getByRole('button', { name }).first().click();
    await this.page.locator('#section-title').waitFor();
  }

  sectionHeading() {
    return this.page.locator('#section-title');
  }

  /** Waits until the save indicator says "Zapisano" after the debounce. */
  async saved() {
    await waitUntil(async () => /^Zapisano o/.test(await this.saveState.innerText()), { message: 'Zapisano' });
    await this.page.waitForTimeout(450);
    await waitUntil(async () => /^Zapisano o/.test(await this.saveState.innerText()), { message: 'Zapisano' });
  }

  async goToList() {
    await this.backToList.click();
    const start = new StartPage(this.page);
    await start.ready();
    return start;
  }
}

/** The modal preview of an import. */
export class ImportDialog {
  constructor(page) {
    this.page = page;
    this.dialog = page.getByRole('dialog', { name: 'Podgląd importu' });
    this.importButton = this.dialog.getByRole('button', { name: 'Importuj', exact: true });
    this.cancelButton = this.dialog.getByRole('button', { name: 'Anuluj' });
    this.items = this.dialog.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) });
  }

  async ready() {
    await this.dialog.waitFor();
    return this;
  }

  async confirm() {
    await this.importButton.click();
    await this.dialog.waitFor({ state: 'detached' });
  }

  async cancel() {
    await this.cancelButton.click();
    await this.dialog.waitFor({ state: 'detached' });
  }
}

/** The "Eksport" section of the editor. */
export class ExportSection {
  constructor(page) {
    this.page = page;
    this.layout = page.getByLabel('Układ drukowanego raportu');
    this.previewButton = page.getByRole('button', { name: 'Podgląd wydruku' });
    this.printButton = page.getByRole('button', { name: 'Drukuj' });
    this.htmlButton = page.getByRole('button', { name: 'Pobierz HTML' });
    this.docxButton = page.getByRole('button', { name: 'Pobierz DOCX' });
    this.jsonButton = page.getByRole('button', { name: 'Eksportuj JSON' }).last();
    this.allButton = page.getByRole('button', { name: 'Eksportuj wszystko' });
    this.preview = page.locator('iframe[title="Podgląd wydruku raportu"]');
  }

  static async open(editor) {
    await editor.section('Eksport');
    return new ExportSection(editor.page);
  }

  /** Opens the preview and returns the printable document's HTML (the iframe's srcdoc). */
  async previewHtml() {
    if ((await this.previewButton.getAttribute('aria-expanded')) !== 'true') await this.previewButton.click();
    await this.preview.waitFor();
    await this.page.frameLocator('iframe[title="Podgląd wydruku raportu"]').getByRole('heading', { level: 1 }).waitFor();
    return this.preview.getAttribute('srcdoc');
  }
}

/**
 * Clicks a button that adds a row or card and types into the field it focuses, as a person
 * would: focus moves to the new, empty field on the next render; typing before that would send
 * the first keystrokes elsewhere.
 */
export async function addAndType(page, button, text) {
  await button.click();
  await waitUntil(
    () => page.evaluate(() => {
      const el = document.activeElement;
      return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') && el.value === '';
    }),
    { message: 'the new field focused' },
  );
  await page.keyboard.type(text);
}

/** Adds an activity in the open task section and types its title. */
export async function addActivity(page, title) {
  await addAndType(page, page.getByRole('button', { name: 'Dodaj działanie' }), title);
}

/** The first-visit welcome on the start screen. */
export class WelcomePanel {
  constructor(page) {
    this.page = page;
    this.region = page.getByRole('region', { name: 'Witaj w Raporcie GP' });
    this.closeButton = this.region.getByRole('button', { name: 'Zamknij powitanie' });
  }

  async ready() {
    await this.region.waitFor();
    return this;
  }
}

/** "Pomoc": reached from the main navigation. */
export class HelpPage {
  constructor(page) {
    this.page = page;
    this.link = page.getByRole('navigation', { name: 'Nawigacja główna' }).getByRole('link', { name: 'Pomoc' });
    this.heading = page.getByRole('heading', { level: 1, name: 'Pomoc' });
    this.checks = page.locator('ol.rules > li');
    this.deadlines = page.getByRole('table', { name: /Terminy/ });
  }

  async open() {
    await this.link.click();
    await this.heading.waitFor();
    return this;
  }
}

/** The prompt shown when a new version of the app has been deployed. */
export class UpdateBanner {
  constructor(page) {
    this.page = page;
    this.banner = page.getByTestId('update-banner');
    this.button = this.banner.getByRole('button', { name: 'Odśwież' });
  }
}

/** The fragment of the page's address (`#/raport/<id>/<sekcja>`), decoded. */
export function addressOf(page) {
  return decodeURIComponent(new URL(page.url()).hash);
}

/**
 * Last year's file for the open Przykładowo 2025 sample: its JSON exported from the app, made
 * into a 2024 report with a different id — GKRPA meetings 12 (this year 18), no inspections
 * given (so the row reads "brak danych"), and its second activity renamed with a new id, so
 * nothing pairs it with this year's automatically. Returns { name, mimeType, buffer }.
 */
export async function lastYearFile(editor) {
  const exp = await ExportSection.open(editor);
  const file = await downloadOf(editor.page, exp.jsonButton);
  const json = JSON.parse(file.text);
  const r = json.report;
  r.id = 'przykladowo-2024';
  r.year = 2024;
  delete r.previous_year;
  r.gkrpa.meetings = 12;
  delete r.gkrpa.inspections;
  r.activities[1].id = 'dawna-grupa';
  r.activities[1].title = 'Grupa wsparcia dla absolwentów terapii';
  return { name: 'raport-przykladowo-2024.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json, null, 2)) };
}

/** The "Porównanie" section of the editor. */
export class ComparisonSection {
  constructor(page) {
    this.page = page;
    this.fileInput = page.getByLabel('Wybierz plik raportu z poprzedniego roku');
    this.stored = page.getByLabel('Raport zapisany w tej przeglądarce');
    this.linkStoredButton = page.getByRole('button', { name: 'Powiąż z wybranym raportem' });
    this.unlinkButton = page.getByRole('button', { name: 'Odłącz raport z poprzedniego roku' });
    this.linkInfo = page.getByTestId('previous-year-link');
    this.printBox = page.getByLabel('Drukuj porównanie z rokiem poprzednim w raporcie');
  }

  static async open(editor) {
    await editor.section('Porównanie');
    return new ComparisonSection(editor.page);
  }

  /** Chooses last year's file and waits until the report is linked. */
  async linkFile(file) {
    await this.fileInput.setInputFiles(file);
    await this.linkInfo.waitFor();
  }

  /** The table of a comparison section by its title (the caption starts with it). */
  table(title) {
    return this.page.getByRole('table', { name: new RegExp(`^${title}`) });
  }

  /** The cells (label, last year, this year, change, % change) of a row, by its label. */
  async row(tableTitle, label) {
    const row = this.table(tableTitle).getByRole('row', { name: new RegExp(`^${label}`) }).first();
    return row.locator('th, td').allInnerTexts();
  }
}
