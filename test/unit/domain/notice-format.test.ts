import { describe, expect, it } from 'vitest';
import { NOTICE_FORMATS } from '../../../src/domain/notice-format.ts';
import { registerSchema } from '../../../src/domain/register.ts';

describe('notice formats', () => {
  it('follow REFERENCE.md’s fifteen GDPR notice headings in order', () => {
    const headings = NOTICE_FORMATS['gdpr-notice'].map((section) => section.heading.fi).filter((heading) => heading !== 'Muut tiedot');
    expect(headings).toEqual([
      'Rekisterinpitäjä',
      'Rekisterin vastuuhenkilö / yhteyshenkilö',
      'Tietosuojavastaava',
      'Rekisterin nimi',
      'Käsittelyn tarkoitus ja oikeusperuste',
      'Rekisterin tietosisältö',
      'Säännönmukaiset tietolähteet',
      'Säännönmukaiset luovutukset',
      'Tietojen siirto EU:n tai ETA:n ulkopuolelle',
      'Säilytysaika',
      'Suojauksen periaatteet',
      'Rekisteröidyn oikeudet',
      'Automaattinen päätöksenteko ja profilointi',
      'Oikeus tehdä valitus valvontaviranomaiselle',
      'Päivitetty',
    ]);
    expect(NOTICE_FORMATS['gdpr-notice'].map((section) => section.heading.sv)).toContain('Den registrerades rättigheter');
  });

  it('use the information-system headings of the ATJ description in Finnish and Swedish', () => {
    const sections = NOTICE_FORMATS['information-system'];
    expect(sections[0]!.heading).toMatchObject({ fi: 'Tietojärjestelmän nimi', sv: 'Datasystemets namn' });
    expect(sections.map((section) => section.heading.fi)).toEqual(
      expect.arrayContaining([
        'Tietojärjestelmän vastuutaho',
        'Tiedot ovat vuosilta/alkaen vuodesta',
        'Julkiset tiedot tietoryhmittäin',
        'Salassa pidettävät tiedot',
        'Lokitiedot',
      ]),
    );
    expect(sections.map((section) => section.heading.sv)).toEqual(
      expect.arrayContaining(['Uppgifterna är offentliga/sekretessbelagda', 'Logguppgifter']),
    );
  });

  it('read only fields the register model has', () => {
    const fields = new Set(Object.keys(registerSchema.shape));
    const informationSystem = registerSchema.shape.informationSystem.unwrap().shape;
    const rights = registerSchema.shape.rights.unwrap().shape;
    for (const [format, sections] of Object.entries(NOTICE_FORMATS)) {
      const keys = sections.map((section) => section.key);
      expect(new Set(keys).size, `${format} has unique keys`).toBe(keys.length);
      for (const source of sections.flatMap((section) => section.sources)) {
        const [head, sub] = source.split('.');
        if (['organisation', 'supervisoryAuthority', 'standardRights', 'dates'].includes(head!)) continue;
        expect(fields.has(head!), `${format}: ${source}`).toBe(true);
        if (head === 'informationSystem' && sub) expect(informationSystem, source).toHaveProperty(sub);
        if (head === 'rights' && sub) expect(rights, source).toHaveProperty(sub);
      }
    }
  });
});
