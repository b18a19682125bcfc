import { LEGAL_RULES, RECOMMENDED_FIELDS } from '../domain/legal-minimums.ts';

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
