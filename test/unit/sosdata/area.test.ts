import { describe, expect, it } from 'vitest';
import { AREAS, CLASSIFICATION_SOURCE, findArea, findMunicipality, MUNICIPALITIES, municipalitiesOf } from '../../../src/domain/area.ts';

describe('Statistics Finland’s classification of municipalities and counties', () => {
  it('has 308 municipalities with unique codes, each in a known area', () => {
    expect(MUNICIPALITIES).toHaveLength(308);
    expect(new Set(MUNICIPALITIES.map((municipality) => municipality.code)).size).toBe(308);
    for (const municipality of MUNICIPALITIES) expect(findArea(municipality.area), municipality.code).toBeDefined();
    expect(CLASSIFICATION_SOURCE.classification).toContain('hyvinvointialue');
  });

  it('has 21 wellbeing services counties, Helsinki as its own area, and Åland outside the reform', () => {
    expect(AREAS.filter((area) => area.kind === 'county')).toHaveLength(21);
    expect(findArea('90')).toEqual({ code: '90', name: { fi: 'Helsingin kaupunki', sv: 'Helsingfors stad' }, kind: 'helsinki' });
    expect(findArea('91')).toMatchObject({ name: { fi: 'Ahvenanmaa', sv: 'Åland' }, kind: 'aland' });
    expect(municipalitiesOf('90').map((municipality) => municipality.code)).toEqual(['091']);
    expect(municipalitiesOf('91')).toHaveLength(16);
    for (const area of AREAS) expect(municipalitiesOf(area.code).length, area.code).toBeGreaterThan(0);
  });

  it('agrees with the source on spot checks', () => {
    expect(findMunicipality('091')).toEqual({ code: '091', name: { fi: 'Helsinki', sv: 'Helsingfors' }, area: '90' });
    expect(findMunicipality('049')).toEqual({ code: '049', name: { fi: 'Espoo', sv: 'Esbo' }, area: '03' });
    expect(findMunicipality('755')).toEqual({ code: '755', name: { fi: 'Siuntio', sv: 'Sjundeå' }, area: '03' });
    expect(findMunicipality('245')).toMatchObject({ name: { fi: 'Kerava', sv: 'Kervo' }, area: '04' });
    expect(findMunicipality('599')).toMatchObject({ name: { fi: 'Pedersören kunta', sv: 'Pedersöre' }, area: '17' });
    expect(findMunicipality('152')).toMatchObject({ name: { fi: 'Isokyrö', sv: 'Storkyro' }, area: '16' });
    expect(findMunicipality('142')).toMatchObject({ name: { fi: 'Iitti' }, area: '09' });
    expect(findArea('04')!.name).toEqual({ fi: 'Vantaan ja Keravan hyvinvointialue', sv: 'Vanda och Kervo välfärdsområde' });
    expect(municipalitiesOf('20').map((municipality) => municipality.name.fi)).toEqual([
      'Hyrynsalmi',
      'Kajaani',
      'Kuhmo',
      'Paltamo',
      'Puolanka',
      'Ristijärvi',
      'Sotkamo',
      'Suomussalmi',
    ]);
  });
});
