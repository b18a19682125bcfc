// Generates a synthetic catalogue of fictional registers in fi, sv and en for benchmarks. Never committed.
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { CONTENT } from '../support/cli.ts';

const TOPICS = [
  ['Kirjaston asiakkaat', 'Bibliotekets kunder', 'Library customers'],
  ['Varhaiskasvatuksen asiakkaat', 'Kunder inom småbarnspedagogiken', 'Early childhood education clients'],
  ['Rakennusvalvonta', 'Byggnadstillsyn', 'Building control'],
  ['Liikuntapalvelut', 'Idrottstjänster', 'Sports services'],
  ['Asukaspysäköinti', 'Boendeparkering', 'Resident parking'],
];

const t = (fi: string, sv: string, en: string) => ({ fi, sv, en });

/** Writes `count` published registers (and the example organisations) to a temporary content directory. */
export function syntheticContent(count: number): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'seloste-synthetic-')), 'content');
  mkdirSync(path.join(dir, 'registers'), { recursive: true });
  cpSync(path.join(CONTENT, 'organisations'), path.join(dir, 'organisations'), { recursive: true });
  for (let index = 1; index <= count; index++) {
    const [fi, sv, en] = TOPICS[index % TOPICS.length]!;
    const id = `synthetic-${String(index).padStart(4, '0')}`;
    const register = {
      id,
      format: 'gdpr-notice',
      status: 'published',
      example: true,
      organisation: 'example-municipality',
      version: 1 + (index % 4),
      published: '2025-01-15',
      updated: '2026-10-01',
      title: t(`${fi} ${index}`, `${sv} ${index}`, `${en} ${index}`),
      contactPersons: [{ title: t('Palvelupäällikkö', 'Servicechef', 'Head of services'), email: `palvelut${index}@example.com` }],
      purposes: {
        description: t(
          `Henkilötietoja käsitellään palvelun ${index} järjestämiseksi, asiakkuuksien hoitamiseksi ja palvelun kehittämiseksi.`,
          `Personuppgifter behandlas för att ordna tjänsten ${index}, sköta kundrelationer och utveckla tjänsten.`,
          `Personal data is processed to provide service ${index}, to manage client relationships and to develop the service.`,
        ),
        items: [1, 2, 3, 4, 5].map((n) =>
          t(
            `Tehtävä ${n}: asiakkaan palvelutarpeen arviointi ja päätökset`,
            `Uppgift ${n}: bedömning av kundens servicebehov och beslut`,
            `Task ${n}: assessing the client's needs and decisions`,
          ),
        ),
      },
      legalBasis: { article6: ['c', 'e'], description: t('Lakisääteinen tehtävä.', 'Lagstadgad uppgift.', 'A statutory task.') },
      legislation: [
        {
          ref: '621/1999 24 §',
          title: t(
            'laki viranomaisten toiminnan julkisuudesta',
            'lag om offentlighet i myndigheternas verksamhet',
            'Act on the Openness of Government Activities',
          ),
        },
        { ref: '1050/2018', title: t('tietosuojalaki', 'dataskyddslag', 'Data Protection Act') },
        {
          ref: 'CELEX:32016R0679 art. 6(1)(e)',
          title: t('yleinen tietosuoja-asetus', 'allmän dataskyddsförordning', 'General Data Protection Regulation'),
        },
      ],
      dataSubjectGroups: [
        {
          name: t('Asiakkaat', 'Kunder', 'Clients'),
          dataCategories: [
            t('nimi ja henkilötunnus', 'namn och personbeteckning', 'name and personal identity code'),
            t('yhteystiedot', 'kontaktuppgifter', 'contact details'),
            t('päätökset', 'beslut', 'decisions'),
          ],
        },
        {
          name: t('Huoltajat', 'Vårdnadshavare', 'Guardians'),
          dataCategories: [t('nimi ja yhteystiedot', 'namn och kontaktuppgifter', 'name and contact details')],
        },
      ],
      sources: {
        items: [
          {
            source: t(
              'Digi- ja väestötietovirasto',
              'Myndigheten för digitalisering och befolkningsdata',
              'Digital and Population Data Services Agency',
            ),
            description: t('Väestötiedot.', 'Befolkningsuppgifter.', 'Population data.'),
            technicalInterface: true,
            frequency: 'daily',
          },
        ],
      },
      disclosures: {
        description: t(
          'Tietoja luovutetaan vain lain nojalla.',
          'Uppgifter lämnas ut endast med stöd av lag.',
          'Data is disclosed only as the law allows.',
        ),
      },
      transfers: { outsideEea: false },
      retention: {
        rules: [
          {
            data: t('asiakasasiakirjat', 'klienthandlingar', 'client records'),
            period: 'P10Y',
            trigger: t('asiakkuuden päättymisestä', 'från att klientrelationen upphört', 'from the end of the client relationship'),
          },
          { data: t('lokitiedot', 'logguppgifter', 'log data'), period: 'P2Y' },
        ],
      },
      security: { electronic: t('Käyttöoikeudet ja lokit.', 'Behörigheter och loggar.', 'Access rights and logs.') },
      automatedDecisions: { present: false },
    };
    writeFileSync(
      path.join(dir, 'registers', `${id}.yaml`),
      `# yaml-language-server: $schema=../schema/register.schema.json\n${stringify(register)}`,
    );
  }
  return dir;
}
