// Import figures: time per page for the seeds (as text, and set as PDFs) and for a synthetic 40-page description.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importDocuments } from '../../src/content/import/import-documents.ts';
import { loadContent } from '../../src/content/load.ts';
import type { Organisation } from '../../src/domain/organisation.ts';
import { asPdf, type KnownSection } from '../support/import-fixtures.ts';
import { CONTENT } from '../support/cli.ts';
import { SEED_FILES, seedsDir } from '../support/seeds.ts';

export interface ImportFigure {
  name: string;
  pages: number;
  /** Median wall time of one import as the CLI runs it: a new worker thread reads each file. */
  ms: number;
  msPerPage: number;
  /** Median time of the same import read in this thread once pdf.js and the vocabularies are loaded. */
  warmMs: number;
  warmMsPerPage: number;
  unplacedShare: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function time(files: { name: string; bytes: Uint8Array }[], organisation: Organisation, rounds: number, isolate: boolean) {
  const times: number[] = [];
  let result: Awaited<ReturnType<typeof importDocuments>> | undefined;
  for (let round = -1; round < rounds; round++) {
    const started = performance.now();
    result = await importDocuments(files, { organisation, isolate });
    if (round >= 0) times.push(performance.now() - started);
  }
  return { ms: median(times), report: result!.report };
}

async function measure(
  name: string,
  files: { name: string; bytes: Uint8Array }[],
  organisation: Organisation,
  rounds: number,
): Promise<ImportFigure> {
  const cold = await time(files, organisation, rounds, true);
  const warm = await time(files, organisation, rounds, false);
  const pages = cold.report.files.reduce((sum, file) => sum + file.pages, 0);
  return {
    name,
    pages,
    ms: cold.ms,
    msPerPage: cold.ms / pages,
    warmMs: warm.ms,
    warmMsPerPage: warm.ms / pages,
    unplacedShare: cold.report.unplaced.share,
  };
}

/** A seed's text set as a PDF, a paragraph per block of lines, so that its pages are real pages. */
function seedSections(text: string): KnownSection[] {
  return [
    {
      heading: 'Rekisteriseloste',
      paragraphs: text
        .split(/\n\s*\n/u)
        .map((part) => part.trim())
        .filter((part) => /\p{L}/u.test(part)),
    },
  ];
}

const SENTENCES = [
  'Henkilötietoja käsitellään asiakkuuden hoitamiseksi ja palvelujen järjestämiseksi lakisääteisten tehtävien mukaisesti.',
  'Tietoja käytetään palvelutarpeen arviointiin, päätösten tekemiseen, palvelujen toteuttamiseen ja niiden seurantaan.',
  'Tiedot saadaan asiakkaalta itseltään, hänen edustajaltaan sekä viranomaisilta lain sallimissa rajoissa.',
  'Tietoja luovutetaan vain silloin, kun luovutukselle on laissa säädetty peruste tai asiakkaan suostumus.',
  'Asiakirjat säilytetään arkistonmuodostussuunnitelman mukaisesti, minkä jälkeen ne hävitetään tietoturvallisesti.',
  'Järjestelmän käyttö edellyttää henkilökohtaisia käyttäjätunnuksia, ja käyttöoikeudet myönnetään työtehtävien perusteella.',
  'Käytöstä kirjataan lokitiedot, joita seurataan säännöllisesti väärinkäytösten havaitsemiseksi.',
];
/** The model's headings, each with the statement a description makes there. */
const HEADINGS: [string, string][] = [
  ['Rekisterinpitäjä', 'Esimerkkilän kaupunki, sosiaali- ja terveyspalvelut, PL 1, 00000 Esimerkkilä.'],
  ['Rekisterin vastuuhenkilö / yhteyshenkilö', 'Palvelujohtaja, sähköposti kirjaamo@example.com.'],
  [
    'Henkilötietojen käsittelyn tarkoitus ja oikeusperuste',
    'Käsittelyn oikeusperuste on tietosuoja-asetuksen 6 artiklan 1 kohdan c ja e alakohta.',
  ],
  ['Rekisterin tietosisältö', 'Rekisteriin tallennetaan asiakkaan yksilöinti- ja yhteystiedot sekä palvelua koskevat tiedot.'],
  ['Säännönmukaiset tietolähteet', 'Tiedot saadaan asiakkaalta ja väestötietojärjestelmästä.'],
  ['Tietojen säännönmukaiset luovutukset', 'Tietoja luovutetaan Kansaneläkelaitokselle lain nojalla.'],
  ['Tietojen siirto EU:n tai ETA:n ulkopuolelle', 'Tietoja ei siirretä EU:n tai ETA:n ulkopuolelle.'],
  ['Säilytysaika', 'Asiakirjat säilytetään arkistonmuodostussuunnitelman mukaan.'],
  ['Rekisterin suojauksen periaatteet', 'Järjestelmä on suojattu käyttäjätunnuksin ja salasanoin.'],
  ['Rekisteröidyn oikeudet', 'Rekisteröidyllä on oikeus tarkastaa tietonsa.'],
  ['Automaattinen päätöksenteko ja profilointi', 'Tietoja ei käytetä automaattiseen päätöksentekoon eikä profilointiin.'],
];

/** A long fictional description: the register's name, then every heading of the model with many paragraphs and a list. */
function syntheticSections(paragraphsPerSection: number): KnownSection[] {
  return [
    { heading: 'Rekisterin nimi', paragraphs: ['Sosiaalipalvelujen asiakasrekisteri'] },
    ...HEADINGS.map(([heading, statement], index) => ({
      heading: `${index + 1}. ${heading}`,
      paragraphs: [
        statement,
        ...Array.from({ length: paragraphsPerSection }, (_, n) =>
          Array.from({ length: 4 }, (_, k) => SENTENCES[(index + n + k) % SENTENCES.length]).join(' '),
        ),
      ],
      bullets: Array.from(
        { length: 6 },
        (_, n) => `tietoryhmä ${n + 1}: ${SENTENCES[(index + n) % SENTENCES.length]!.split(' ').slice(0, 5).join(' ')}`,
      ),
    })),
  ];
}

export async function benchImport(rounds = 5): Promise<ImportFigure[]> {
  const content = await loadContent(CONTENT);
  const helsinki = content.organisations.get('helsinki')!;
  const siuntio = content.organisations.get('siuntio')!;
  const seed = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(path.join(seedsDir(), name))) });
  const seedPdf = async (name: string) => ({
    name: name.replace(/\.txt$/u, '.pdf'),
    bytes: await asPdf('Seloste', seedSections(readFileSync(path.join(seedsDir(), name), 'utf8'))),
  });
  const synthetic = await asPdf('Tietosuojaseloste', syntheticSections(27));
  return [
    await measure('seeds 000+001, ATJ pair (txt)', [seed(SEED_FILES.atjFi), seed(SEED_FILES.atjSv)], helsinki, rounds),
    await measure('seed 002 (txt)', [seed(SEED_FILES.reception)], helsinki, rounds),
    await measure('seed 004 (txt)', [seed(SEED_FILES.proconsona)], siuntio, rounds),
    await measure('seeds 000+001 set as PDF', [await seedPdf(SEED_FILES.atjFi), await seedPdf(SEED_FILES.atjSv)], helsinki, rounds),
    await measure('seed 002 set as PDF', [await seedPdf(SEED_FILES.reception)], helsinki, rounds),
    await measure('seed 004 set as PDF', [await seedPdf(SEED_FILES.proconsona)], siuntio, rounds),
    await measure('synthetic description (PDF)', [{ name: 'synteettinen.pdf', bytes: synthetic }], helsinki, rounds),
  ];
}
