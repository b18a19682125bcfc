import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/render/markdown.ts';
import { readTemplate } from '../../../src/content/templates.ts';
import { LANGS } from '../../../src/domain/language.ts';

describe('markdown of a fixed page', () => {
  it('keeps its ## headings as h2, where a notice’s text does not', () => {
    expect(renderMarkdown('## Fråga i tre steg\n\nText.', 'sv', 'page')).toBe('<h2>Fråga i tre steg</h2>\n<p>Text.</p>\n');
    expect(renderMarkdown('## Fråga i tre steg', 'sv')).not.toContain('<h2>');
  });

  it.each(LANGS)('the %s how-to page starts with the steps and ends with the law', async (lang) => {
    const html = renderMarkdown(await readTemplate('pages/your-data', lang), lang, 'page');
    const headings = [...html.matchAll(/<h2>(.*?)<\/h2>/gu)].map((match) => match[1]);
    expect(headings).toHaveLength(4);
    expect(html.indexOf('<ol>')).toBeLessThan(html.indexOf('<h2>', 5));
    expect(headings.at(-1)).toMatch(/law|lainsäädännöllinen|Lagen/u);
    expect(html).toContain(`href="/${lang}/${{ fi: 'pyynto', sv: 'begaran', en: 'request' }[lang]}"`);
  });
});

describe('the accessibility statement', () => {
  it.each(LANGS)('no longer says in %s that PDFs are still coming', async (lang) => {
    const text = await readTemplate('pages/accessibility', lang, { feedbackEmail: 'saavutettavuus@example.com' });
    expect(text).not.toMatch(/being brought|ollaan tuomassa|håller på att införas/u);
    expect(text).toContain('PDF/UA');
  });
});
