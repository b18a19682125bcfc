import { LEGAL_RULES, RECOMMENDED_FIELDS } from '../domain/legal-minimums.ts';
import { NOTICE_FORMATS, type SectionDefinition } from '../domain/notice-format.ts';

/**
 * The parts of the README that are generated from the model, so they cannot drift from it: each sits between
 * `<!-- name:start -->` and `<!-- name:end -->` and is rewritten by `seloste readme`.
 */
export type ReadmeBlocks = Record<string, string>;

/** The legal minimums and the recommendations, with the provision behind each. */
export function legalRulesTable(): string {
  const rows = [
    '| format | what must be there | any one of these fields | why |',
    '| --- | --- | --- | --- |',
    ...LEGAL_RULES.map(
      (rule) =>
        `| ${rule.formats.join(', ')} | ${rule.key}${rule.applies ? ' (when data is not collected from the data subject)' : ''} | ${rule.fields.map((field) => `\`${field}\``).join(', ')} | ${rule.article} |`,
    ),
    "| every format | every text in the organisation's official languages and the register's `languages` | (each text) | Language Act 423/2003 §32 |",
    ...RECOMMENDED_FIELDS.map(
      (entry) => `| ${entry.formats.join(', ')} | recommended: a warning only | \`${entry.field}\` | ${entry.article} |`,
    ),
  ];
  return rows.join('\n');
}

/** Every generated block, by its marker name. */
export function readmeBlocks(extra: ReadmeBlocks = {}): ReadmeBlocks {
  return { 'legal-minimums': legalRulesTable(), ...extra };
}

/** The README with each generated block replaced; a block without its markers is left out. */
export function withReadmeBlocks(readme: string, blocks: ReadmeBlocks): string {
  let out = readme;
  for (const [name, content] of Object.entries(blocks)) {
    const pattern = new RegExp(`(<!-- ${name}:start -->)[\\s\\S]*?(<!-- ${name}:end -->)`, 'u');
    out = out.replace(pattern, (_whole, start: string, end: string) => `${start}\n\n${content}\n\n${end}`);
  }
  return out;
}

/** A field of the register model with its doc comment, as read from src/domain/register.ts. */
export interface DocumentedField {
  path: string;
  doc: string;
}

/**
 * The field-by-field reference: what each field is (its doc comment) and under which heading each format shows it,
 * on the page and in the PDF alike (both render the same view model).
 */
export function fieldReferenceTable(fields: readonly DocumentedField[]): string {
  const shownIn = (field: string) =>
    (Object.entries(NOTICE_FORMATS) as [string, readonly SectionDefinition[]][])
      .map(([format, sections]) => {
        const headings = sections
          .filter((section) =>
            section.sources.some((source) => source === field || field.startsWith(`${source}.`) || source.startsWith(`${field}.`)),
          )
          .map((section) => section.heading.en);
        return headings.length ? `${format}: ${headings.join(', ')}` : undefined;
      })
      .filter(Boolean)
      .join('; ');
  const cell = (text: string) => text.replace(/\s+/gu, ' ').replace(/\|/gu, '\\|').replace(/</gu, '&lt;').trim();
  return [
    '| field | what it is | where it shows (page and PDF) |',
    '| --- | --- | --- |',
    ...fields.map((field) => `| \`${field.path}\` | ${cell(field.doc)} | ${shownIn(field.path) || '–'} |`),
  ].join('\n');
}
