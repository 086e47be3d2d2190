// Every view of the app, and how a user reaches it; the accessibility scan visits each one.
// Add a view here when you add a screen or a dialog.
import fs from 'node:fs';
import { AppShell, StartPage, EditorPage, ExportSection, HelpPage, UpdateBanner, WelcomePanel, ComparisonSection, addAndType, lastYearFile, downloadOf, PREFIX } from './pages.mjs';
import { workerReady } from './browser.mjs';
import { deployCopy } from './deploy.mjs';

async function sample(page, name = /Przykładowo 2025/) {
  return new StartPage(page).loadSample(name);
}

/** A section of the joint sample (every statutory task has activities there). */
function sectionView(label, section, setup) {
  return {
    name: `edytor: sekcja „${label}”`,
    async open(page) {
      const editor = await sample(page);
      await editor.section(section);
      if (setup) await setup(page, editor);
    },
  };
}

export const VIEWS = [
  {
    name: 'pierwsza wizyta: powitanie',
    welcome: true,
    async open(page) {
      await new WelcomePanel(page).ready();
    },
  },
  {
    name: 'pomoc',
    async open(page) {
      await new HelpPage(page).open();
    },
  },
  {
    name: 'pomoc otwarta z edytora raportu (adres #/pomoc)',
    async open(page) {
      await sample(page);
      await new HelpPage(page).open();
    },
  },
  {
    name: 'odnośnik do raportu, którego nie ma w tej przeglądarce',
    async open(page) {
      await page.goto(`${page.url().split('#')[0]}#/raport/nieznany/budzet`);
      await page.locator('#missing-title').waitFor();
    },
  },
  {
    name: 'komunikat o nowej wersji (nowe wdrożenie)',
    async open(page) {
      // A deployment of its own, so a new version can be published under the page.
      const site = await deployCopy();
      await page.goto(site.url);
      await new StartPage(page).ready();
      await workerReady(page);
      await page.reload();
      await sample(page);
      site.redeploy();
      await page.evaluate(async () => { await (await navigator.serviceWorker.getRegistration()).update(); });
      await new UpdateBanner(page).banner.waitFor();
    },
  },
  {
    name: 'lista raportów (start)',
    async open(page) {
      await new AppShell(page).ready();
    },
  },
  {
    name: 'lista raportów z zapisanymi raportami, przykładami i kopiowaniem na kolejny rok',
    async open(page) {
      const start = new StartPage(page);
      const editor = await start.loadSample(/Kalisz 2020/);
      await editor.goToList();
      await start.sampleButton.click();
      await start.nextYearButton.click();
    },
  },
  {
    name: 'lista raportów: uszkodzony wpis i cofnięcie usunięcia',
    async open(page) {
      await page.evaluate((k) => localStorage.setItem(k, '{ zepsute'), `${PREFIX}report/zepsuty`);
      const start = new StartPage(page);
      const editor = await start.loadSample(/Kalisz 2020/);
      await editor.goToList();
      await start.row(/Kalisz/).getByRole('button', { name: 'Usuń' }).click();
      await page.getByRole('button', { name: 'Cofnij' }).waitFor();
    },
  },
  {
    name: 'lista raportów: błąd importu pliku',
    async open(page) {
      const start = new StartPage(page);
      await start.ready();
      await start.importInput.setInputFiles({ name: 'zly.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "inny"}') });
      await page.getByText('Nie zaimportowano pliku').waitFor();
    },
  },
  {
    name: 'lista raportów: błąd importu (plik zapisany w nowszej wersji)',
    async open(page) {
      const start = new StartPage(page);
      await start.ready();
      await start.chooseImport({ name: 'nowszy.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "raport-gp", "schema_version": 99}') });
      await start.importError.getByText('nowszej wersji').waitFor();
    },
  },
  {
    name: 'lista raportów: podgląd importu zastępującego zapisany raport',
    async open(page) {
      const start = new StartPage(page);
      const editor = await start.loadSample(/Kalisz 2020/);
      const exp = await ExportSection.open(editor);
      const file = await downloadOf(page, exp.jsonButton);
      await editor.goToList();
      const dialog = await start.importPreview(file.path);
      await dialog.dialog.getByText('Zastąpi', { exact: true }).waitFor();
    },
  },
  {
    name: 'lista raportów: po imporcie, z „Cofnij import”',
    async open(page) {
      const start = new StartPage(page);
      const editor = await start.loadSample(/Kalisz 2020/);
      const exp = await ExportSection.open(editor);
      const file = await downloadOf(page, exp.jsonButton);
      await editor.goToList();
      await start.importFile(file.path);
      await start.undoImport.waitFor();
    },
  },
  {
    name: 'edytor: nowy pusty raport',
    async open(page) {
      await new StartPage(page).newReport();
    },
  },
  sectionView('Gmina i program', 'Gmina i program'),
  sectionView('Budżet', 'Budżet'),
  sectionView('Budżet, błędna kwota', 'Budżet', async (page) => {
    const f = page.getByLabel('Dochody z opłat za zezwolenia w roku');
    await f.fill('12,5,0');
    await f.blur();
  }),
  sectionView('Budżet: wklejanie z arkusza z podglądem i błędną komórką', 'Budżet', async (page) => {
    await page.getByRole('button', { name: 'Wklej z arkusza' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Wklej z arkusza: pozycje budżetu' });
    await dialog.getByLabel('Dane z arkusza').fill('Rozdział\tParagraf\tPlan\tWykonanie\n85154\t4210\t1 000,00\t9O0,00\n\t4300\t=B2\t-\n');
    await dialog.getByText('Wiersze do wstawienia: 2.').waitFor();
  }),
  sectionView('Budżet: pozycja usunięta z „Cofnij”', 'Budżet', async (page) => {
    await page.getByRole('button', { name: /^Usuń 1\. rozdz\./ }).click();
    await page.locator('#undo-list').waitFor();
  }),
  sectionView('Budżet z kosztem wspólnym kilku działań', 'Budżet', async (page) => {
    await addAndType(page, page.getByRole('button', { name: 'Dodaj koszt wspólny' }), 'Programy w szkołach');
    const f = page.getByLabel('Wpływy z opłaty za małe opakowania w roku');
    await f.fill('-');
    await f.blur();
  }),
  sectionView('Komisja (GKRPA)', 'Komisja (GKRPA)'),
  sectionView('Komisja (GKRPA), błędna liczba', 'Komisja (GKRPA)', async (page) => {
    const f = page.getByLabel('Posiedzenia komisji');
    await f.fill('2,5');
    await f.blur();
  }),
  sectionView('Punkty konsultacyjne', 'Punkty konsultacyjne'),
  sectionView('Punkty konsultacyjne: nowy punkt ze skierowaniem', 'Punkty konsultacyjne', async (page) => {
    await page.getByRole('button', { name: 'Dodaj punkt konsultacyjny' }).click();
    await page.getByRole('button', { name: 'Dodaj skierowanie' }).last().click();
  }),
  sectionView('zadanie: uzależnienia behawioralne (element programu)', /Przeciwdziałanie uzależnieniom behawioralnym/),
  {
    name: 'edytor: zadanie bez działań z przyciskiem „Wpisz powód niezrealizowania”',
    async open(page) {
      const editor = await new StartPage(page).newReport();
      await editor.section(/Pomoc terapeutyczna i rehabilitacyjna \(narkomania\)/);
      await page.locator('section.section').getByRole('button', { name: 'Wpisz powód niezrealizowania' }).click();
    },
  },
  {
    name: 'lista raportów: podgląd importu pliku w wersji 1',
    async open(page) {
      const start = new StartPage(page);
      await start.ready();
      const file = { format: 'raport-gp', schema_version: 1, report: { id: 'v1', year: 2022, gmina: { name: 'Stare Lipowo' }, activities: [{ id: 'a', title: 'Dotacja', tasks: ['alcohol.4'] }] } };
      await start.importPreview({ name: 'v1.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    },
  },
  {
    name: 'edytor: raport zapisany przez poprzednią wersję aplikacji (format w wersji 1)',
    async open(page) {
      const text = fs.readFileSync(new URL('../../fixtures/raport-gp-v1.json', import.meta.url), 'utf8');
      const id = JSON.parse(text).report.id; // the previous release stored each report under its own id
      await page.evaluate(({ k, text }) => localStorage.setItem(k, text), { k: `${PREFIX}report/${id}`, text });
      await page.reload();
      await new StartPage(page).open(/Lipowo Wielkie/);
      await page.getByTestId('older-version').waitFor();
    },
  },
  sectionView('zadanie: pomoc terapeutyczna (narkomania), karty rozwinięte', /Pomoc terapeutyczna i rehabilitacyjna \(narkomania\)/, async (page) => {
    const expand = page.getByRole('button', { name: 'Rozwiń' });
    while ((await expand.count()) > 0) await expand.first().click();
  }),
  sectionView('zadanie: profilaktyka (alkohol)', /Profilaktyka informacyjna, edukacyjna i szkoleniowa \(alkohol/),
  sectionView('zadanie: interwencje', /Interwencje/),
  sectionView('układ według celów (I–V)', /Układ według celów/),
  sectionView('Partnerzy', 'Partnerzy'),
  sectionView('Dane kontekstowe', 'Dane kontekstowe'),
  sectionView('Wnioski', 'Wnioski'),
  sectionView('Porównanie bez powiązanego roku', 'Porównanie'),
  {
    name: 'edytor: sekcja „Porównanie” z plikiem z poprzedniego roku, dopasowaniem i wykresem',
    async open(page) {
      const editor = await sample(page);
      const file = await lastYearFile(editor);
      const cmp = await ComparisonSection.open(editor);
      await cmp.linkFile(file);
      await page.getByLabel('Odpowiednik działania „Grupa wsparcia po terapii podstawowej” w 2024 r.').selectOption({ label: 'Grupa wsparcia dla absolwentów terapii' });
      await page.getByText('Dopasowano ręcznie.').first().waitFor();
    },
  },
  {
    name: 'edytor: sekcja „Porównanie” raportu na kolejny rok (z raportem zapisanym w przeglądarce)',
    async open(page) {
      const start = new StartPage(page);
      const editor = await start.nextYearOfSample();
      await ComparisonSection.open(editor);
    },
  },
  sectionView('Podsumowanie', 'Podsumowanie'),
  sectionView('Dane do ankiety KCPU', 'Dane do ankiety KCPU'),
  sectionView('Dane do ankiety KCPU: pole do ręcznego skopiowania', 'Dane do ankiety KCPU', async (page) => {
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('odmowa', 'NotAllowedError'));
    });
    await page.getByRole('button', { name: 'Kopiuj wszystko' }).click();
    await page.getByLabel('Dane do skopiowania').waitFor();
  }),
  sectionView('Sprawdzenie', 'Sprawdzenie'),
  sectionView('Eksport z kopiami zapasowymi', 'Eksport'),
  sectionView('Eksport: podgląd wydruku', 'Eksport', async (page) => {
    await new ExportSection(page).previewHtml();
  }),
  {
    name: 'edytor: usunięte działanie z „Cofnij”',
    async open(page) {
      const editor = await sample(page);
      await editor.section(/Pomoc terapeutyczna i rehabilitacyjna \(narkomania\)/);
      await page.locator('ol.cards > li').first().getByRole('button', { name: 'Usuń', exact: true }).click();
      await page.getByRole('button', { name: 'Cofnij' }).waitFor();
    },
  },
  {
    name: 'edytor: baner pełnej pamięci',
    async open(page) {
      const editor = await new StartPage(page).newReport();
      await page.evaluate(() => {
        let chunk = 'x'.repeat(512 * 1024);
        for (let i = 0; chunk.length > 0; i++) {
          try { localStorage.setItem(`junk-${i}`, chunk); } catch { chunk = chunk.slice(0, chunk.length >> 1); }
        }
      });
      await page.getByLabel('Nazwa gminy').fill('Pełna pamięć');
      await editor.banner.waitFor();
    },
  },
  {
    name: 'edytor: baner zmiany w innej karcie',
    async open(page) {
      const editor = await new StartPage(page).newReport();
      await page.getByLabel('Nazwa gminy').fill('Gmina');
      await page.waitForTimeout(600);
      const other = await page.context().newPage();
      await other.goto(page.url().split('#')[0]); // the list, not the open report's address
      const start = new StartPage(other);
      await start.open(/Gmina/);
      await other.getByLabel('Nazwa gminy').fill('Gmina z innej karty');
      await editor.banner.waitFor();
      await other.close();
    },
  },
  sectionView('Sprawozdania realizatorów: prośby, termin po czasie i podgląd scalania z konfliktem', 'Sprawozdania realizatorów', async (page) => {
    await page.getByLabel('Termin odesłania').fill('2020-01-31');
    await page.getByRole('checkbox', { name: /Stowarzyszenie/ }).check();
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Poproś o sprawozdanie zaznaczonych/ }).click()]);
    const report = await page.evaluate((prefix) => {
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i);
        if (k.startsWith(`${prefix}report/`)) return JSON.parse(localStorage.getItem(k)).report;
      }
      return null;
    }, PREFIX);
    const mine = report.activities.filter((a) => a.realizers.includes('partner-5'));
    const withAchieved = (a, v) => ({ ...a, indicators: [{ ...a.indicators[0], achieved: v }, ...a.indicators.slice(1)] });
    const contribution = {
      format: 'raport-gp', kind: 'contribution', schema_version: 2,
      contribution: {
        request: { id: `${report.id}:partner-5`, report_id: report.id, year: report.year, gmina: report.gmina, partner: report.partners.find((p) => p.id === 'partner-5'), activities: [withAchieved(mine[0], '1'), ...mine.slice(1)] },
        prepared_by: 'Jan Kowalski',
        activities: [withAchieved(mine[0], '300'), { ...mine[1], period: 'wiosna' }, { id: 'partner-5-dz-1', title: 'Spektakl profilaktyczny', tasks: ['drugs.3'], realizers: ['partner-5'] }],
      },
    };
    await page.getByLabel('Wczytaj sprawozdania realizatorów').setInputFiles({ name: 'sprawozdanie.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(contribution)) });
    // No request was recorded for the school: its file's own baseline is the base, and the
    // figure changed on both sides is a conflict with its choice.
    await page.getByRole('region', { name: /Scalanie/ }).getByText('od realizatora').waitFor();
  }),
  {
    name: 'lista raportów: podgląd importu prośby o sprawozdanie',
    async open(page) {
      const start = new StartPage(page);
      await start.ready();
      await start.importPreview(new URL('../../fixtures/raport-gp-request-v2.json', import.meta.url).pathname);
    },
  },
  {
    name: 'sprawozdanie realizatora: zadanie i „Sprawozdanie dla gminy”',
    async open(page) {
      const start = new StartPage(page);
      await start.ready();
      await start.importFile(new URL('../../fixtures/raport-gp-request-v2.json', import.meta.url).pathname);
      const editor = await start.open(/sprawozdanie/);
      await editor.section('Sprawozdanie dla gminy');
      await page.getByRole('button', { name: 'Zapisz sprawozdanie dla gminy' }).waitFor();
    },
  },
  {
    name: 'edytor na wąskim ekranie (360 px)',
    async open(page) {
      await page.setViewportSize({ width: 360, height: 740 });
      await sample(page);
    },
  },
];
