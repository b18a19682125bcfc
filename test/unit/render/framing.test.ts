import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkRegister } from '../../../src/domain/catalogue-rules.ts';
import { loadContent } from '../../../src/content/load.ts';
import type { NoticeView } from '../../../src/render/notice-view.ts';
import { getPublishedNotice } from '../../../src/services/notice.ts';
import { renderPdf } from '../../../src/services/notice-pdf.ts';
import { readTemplate } from '../../../src/content/templates.ts';
import { buildNoticeView } from '../../../src/render/notice-view.ts';
import { tFor } from '../../../src/i18n/index.ts';
import { CONTENT } from '../../support/cli.ts';
import { noticeText, sectionOf } from '../../support/notice-text.ts';
import { readPdf } from '../../support/pdf.ts';

let view: NoticeView;
let pdfText: string;
const content = await loadContent(CONTENT);

beforeAll(async () => {
  process.env.CONTENT_DIR = path.resolve('content');
  const notice = (await getPublishedNotice('example-library-customers', 'fi'))!;
  view = notice.view;
  pdfText = (await readPdf(await renderPdf(notice, 'fi', { origin: 'https://seloste.example.com' }))).text;
});

async function legacyView(currentRights?: 'separate' | 'appended' | 'none'): Promise<NoticeView> {
  const register = content.registers.get('siuntio-proconsona')!.register;
  return buildNoticeView({
    register: { ...register, ...(currentRights ? { currentRights } : {}) },
    organisations: content.organisations,
    lang: 'fi',
    t: tFor('fi'),
    templates: { rights: await readTemplate('notice/rights', 'fi'), complaint: await readTemplate('notice/complaint', 'fi') },
    yourDataUrl: '/fi/omat-tiedot',
  });
}

describe('a document’s own framing', () => {
  it('carries its own label, a subtitle, an introduction and notes on its versions, on the page and in the PDF', () => {
    expect(view).toMatchObject({
      formatName: 'Tietosuojailmoitus',
      subtitle: { value: 'EU:n yleisen tietosuoja-asetuksen 13 artikla' },
      introduction: { value: 'Tässä ilmoituksessa kerromme, miten kirjasto käsittelee asiakkaidensa henkilötietoja.' },
    });
    expect(noticeText({ ...view, sections: [sectionOf(view, 'updated')] })).toContain('Ensimmäinen versio julkaistu 1.9.2026.');
    for (const text of [
      'Tietosuojailmoitus',
      'EU:n yleisen tietosuoja-asetuksen 13 artikla',
      'Tässä ilmoituksessa kerromme',
      'Ensimmäinen versio julkaistu',
    ])
      expect(pdfText).toContain(text);
  });
});

describe('headings and standard texts per register', () => {
  it('renames a section and places its own sections where it chose', () => {
    expect(sectionOf(view, 'rights').heading).toBe('Oikeutesi');
    const keys = view.sections.map((section) => section.key);
    expect(keys.indexOf('cookies')).toBe(keys.indexOf('rights') + 1);
    expect(keys.indexOf('breach-notification')).toBe(keys.indexOf('retention') + 1);
    expect(pdfText).toContain('Evästeet');
  });

  it('extends the standard rights text and gives the register’s fee rule (Art 12(5))', () => {
    const text = noticeText({ ...view, sections: [sectionOf(view, 'rights')] });
    expect(text).toContain('Kirjastokortin voi lakkauttaa missä tahansa kimpan kirjastossa.');
    expect(text).toContain('tietosuoja-asetuksen 12 artiklan 5 kohta');
    expect(text).toContain('Toistuvista kopiopyynnöistä peritään');
  });

  it('refuses a renamed heading or an own section placed after a section the format lacks', () => {
    const register = content.registers.get('example-library-customers')!.register;
    const findings = checkRegister(
      {
        ...register,
        headings: { nosuch: { fi: 'x', sv: 'x' } },
        ownSections: [{ key: 'cookies', after: 'nowhere', heading: { fi: 'x', sv: 'x' }, text: { fi: 'y', sv: 'y' } }],
      },
      content.organisations,
    );
    expect(findings.filter((finding) => finding.severity === 'error').map((finding) => finding.key)).toEqual([
      'errors.heading.unknownSection',
      'errors.ownSection.unknownPlace',
    ]);
  });
});

describe('a pre-GDPR description and today’s rights', () => {
  it('by default shows what the description says, and today’s rights under their own heading', async () => {
    const legacy = await legacyView();
    const rights = noticeText({ ...legacy, sections: [sectionOf(legacy, 'rights')] });
    expect(rights).toContain('Rekisteröity voi esittää tarkastusoikeutta koskevan pyynnön');
    expect(rights).not.toContain('tietosuoja-asetuksen');
    expect(sectionOf(legacy, 'currentRights').heading).toBe('Rekisteröidyn oikeudet nykyisen tietosuojalainsäädännön mukaan');
  });

  it('lets the DPO append them, or leave them out', async () => {
    expect((await legacyView('none')).sections.map((section) => section.key)).not.toContain('currentRights');
    const appended = await legacyView('appended');
    expect(appended.sections.map((section) => section.key)).not.toContain('currentRights');
    expect(sectionOf(appended, 'rights').blocks.length).toBeGreaterThan(sectionOf(await legacyView(), 'rights').blocks.length);
  });
});
