// Screenshots of the main screens and of a printed page, for the README. Serves the release
// build in dist/ on 127.0.0.1 and writes PNGs (1280×800) into docs/.
//   bash .ci/screenshots      (builds first; this script alone: node tests/e2e/screenshots.mjs)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from './lib/server.mjs';
import { launch, dismissWelcome } from './lib/browser.mjs';
import { StartPage, ExportSection, HelpPage, WelcomePanel } from './lib/pages.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'dist');
const out = path.join(root, 'docs');
fs.mkdirSync(out, { recursive: true });

const server = await serveStatic(dist, { prefix: '/demo/raport/' });
const browser = await launch();
const viewport = { width: 1280, height: 800 };

async function fresh({ welcome = false } = {}) {
  const context = await browser.newContext({ viewport, locale: 'pl-PL', acceptDownloads: true });
  if (!welcome) await dismissWelcome(context);
  const page = await context.newPage();
  await page.goto(server.url);
  await new StartPage(page).ready();
  return { context, page };
}

async function shot(page, name) {
  await page.mouse.move(0, 0); // no hover highlight
  await page.evaluate(() => document.activeElement?.blur());
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(out, name) });
  console.log(`docs/${name}`);
}

try {
  // 1. The first visit.
  {
    const { context, page } = await fresh({ welcome: true });
    await new WelcomePanel(page).ready();
    await shot(page, 'powitanie.png');
    await context.close();
  }
  // 2–5. The list, the editor, the checks, the help, from one browser with two reports.
  {
    const { context, page } = await fresh();
    const start = new StartPage(page);
    let editor = await start.loadSample(/Kalisz 2020/);
    await editor.goToList();
    editor = await start.loadSample(/Przykładowo 2025/);
    await editor.saved();
    await editor.goToList();
    await shot(page, 'lista.png');

    // The checks of a real city's report (Kalisz 2020: warnings with their legal basis).
    editor = await start.open(/Kalisz/);
    await editor.section('Sprawdzenie');
    await shot(page, 'sprawdzenie.png');
    await editor.goToList();

    editor = await start.open(/Przykładowo/);
    await editor.section(/Profilaktyka informacyjna, edukacyjna i szkoleniowa \(alkohol/);
    await page.getByRole('button', { name: 'Rozwiń' }).first().click();
    await shot(page, 'edytor.png');

    // Tables where people think in tables: the budget grid, and "Wklej z arkusza" with a
    // treasurer's clipboard (a title row, headers in another order, a formula, a mistyped amount).
    await editor.section('Budżet');
    await page.locator('table.budget-grid').scrollIntoViewIfNeeded();
    await page.evaluate(() => document.querySelector('#budget-lines-title').scrollIntoView());
    await shot(page, 'budzet-tabela.png');
    await page.getByRole('button', { name: 'Wklej z arkusza' }).first().click();
    const paste = page.getByRole('dialog', { name: 'Wklej z arkusza: pozycje budżetu' });
    await paste.getByLabel('Dane z arkusza').fill([
      'Wydatki na realizację programu w 2025 r.\t\t\t\t\t',
      'Paragraf\tRozdział\tŹródło finansowania\tPlan (zł)\tPlan po zmianach (zł)\tWykonanie (zł)',
      '4170\t85154\topłaty za zezwolenia\t16 500,00\t16 500,00\t16 020,00 zł',
      '4300\t\topłaty za zezwolenia\t30 000,00\t33 000,00\t32 300,00',
      '4210\t85153 — Zwalczanie narkomanii\tbudżet gminy\t2 000\t-\t1536.9',
      '4610\t85154\tmałpkowe\t=D3*2\t5 000,00\t4 32O,00',
    ].join('\n'));
    await paste.getByText('Wiersze do wstawienia: 4.').waitFor();
    await paste.getByTestId('paste-summary').evaluate((el) => el.scrollIntoView());
    await page.mouse.move(0, 0);
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(out, 'wklej-z-arkusza.png') });
    console.log('docs/wklej-z-arkusza.png');
    await paste.getByRole('button', { name: 'Anuluj' }).click();

    // Gathering the realizers' reports: an association asked; the school's answer (to a request
    // made with the CLI, so it carries its baseline) in the merge preview with a conflict: the
    // report's figure changed since the request was made.
    await editor.section('Sprawozdania realizatorów');
    await page.getByLabel('Adres e-mail lub telefon do odesłania').fill('profilaktyka@przykladowo.pl');
    await page.getByRole('checkbox', { name: 'Stowarzyszenie „Razem dla Przykładowa”' }).check();
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Poproś o sprawozdanie zaznaczonych/ }).click()]);
    await page.getByLabel('Wczytaj sprawozdania realizatorów').setInputFiles({
      name: 'sprawozdanie-szkola-podstawowa-w-przykladowie-przykladowo-2025.json',
      mimeType: 'application/json',
      buffer: Buffer.from(await page.evaluate(() => {
        const report = Object.keys(localStorage)
          .filter((k) => k.startsWith('raport-gp/v1/report/'))
          .map((k) => JSON.parse(localStorage.getItem(k)).report)
          .find((r) => r.gmina.name === 'Przykładowo');
        const mine = report.activities.filter((a) => a.realizers.includes('partner-5'));
        const achieved = (a, v) => ({ ...a, indicators: [{ ...a.indicators[0], achieved: v }, ...a.indicators.slice(1)] });
        return JSON.stringify({
          format: 'raport-gp', kind: 'contribution', schema_version: 2,
          contribution: {
            request: { id: `${report.id}:partner-5`, report_id: report.id, year: report.year, gmina: report.gmina, partner: report.partners.find((p) => p.id === 'partner-5'), activities: [achieved(mine[0], '230'), ...mine.slice(1)] },
            prepared_by: 'Jan Kowalski, pedagog szkolny', prepared_on: '2026-01-28',
            activities: [achieved(mine[0], '241'), { ...mine[1], period: 'październik–grudzień' }, mine[2],
              { id: 'partner-5-dz-1', title: 'Spektakl profilaktyczny „Zakręty”', period: 'marzec', tasks: ['drugs.3'], realizers: ['partner-5'], realizer_funds: { own: '1500.00', in_kind: '400.00' } }],
          },
        });
      })),
    });
    await page.getByRole('region', { name: /Scalanie/ }).waitFor();
    await shot(page, 'sprawozdania-realizatorow.png');
    await page.getByRole('button', { name: 'Odrzuć plik' }).click();

    // Beyond Word: the charts and the figures gathered for the KCPU questionnaire.
    await editor.section('Podsumowanie');
    await shot(page, 'podsumowanie.png');
    await editor.section('Dane do ankiety KCPU');
    await shot(page, 'kcpu.png');

    const exp = await ExportSection.open(editor);
    const html = await exp.previewHtml();
    const [download] = await Promise.all([page.waitForEvent('download'), exp.docxButton.click()]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'raport-docx-shot-'));
    const docx = path.join(dir, 'raport.docx');
    await download.saveAs(docx);

    await new HelpPage(page).open();
    await shot(page, 'pomoc.png');

    // 6. A printed page: the printable report through Chromium's PDF printer; the page where
    //    the activities begin, as PNG (poppler's pdftotext and pdftoppm, installed by setup).
    const printable = await context.newPage();
    await printable.setContent(html, { waitUntil: 'load' });
    const pdf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'raport-shot-')), 'raport.pdf');
    await printable.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
    const pages = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).split('\f');
    const at = String(Math.max(1, pages.findIndex((t) => t.includes('Realizacja działań')) + 1));
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', at, '-l', at, '-singlefile', pdf, path.join(out, 'wydruk')]);
    console.log('docs/wydruk.png');

    // 7. The DOCX ("Pobierz DOCX") as LibreOffice converts it: its first page and the page
    //    where the expenses table begins, side by side.
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx]);
    const docxPdf = path.join(dir, 'raport.pdf');
    const docxPages = execFileSync('pdftotext', [docxPdf, '-'], { encoding: 'utf8' }).split('\f');
    const budget = Math.max(2, docxPages.findIndex((t) => t.includes('Plan i wykonanie wydatków według rozdziałów')) + 1);
    const images = [1, budget].map((n) => {
      const base = path.join(dir, `strona-${n}`);
      execFileSync('pdftoppm', ['-png', '-r', '70', '-f', String(n), '-l', String(n), '-singlefile', docxPdf, base]);
      return `data:image/png;base64,${fs.readFileSync(`${base}.png`).toString('base64')}`;
    });
    const sheet = await context.newPage();
    await sheet.setViewportSize({ width: 1200, height: 860 });
    await sheet.setContent(`<body style="margin:0;background:#777;display:flex;gap:20px;justify-content:center;padding:20px">${images
      .map((src, i) => `<img alt="strona ${i + 1}" src="${src}" style="width:569px;box-shadow:0 0 6px #000">`)
      .join('')}</body>`);
    await sheet.screenshot({ path: path.join(out, 'docx-pages.png'), fullPage: true });
    console.log('docs/docx-pages.png');
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
