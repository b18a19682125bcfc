/** Why an import refuses a file or a request. Each code has a message `import.refused.<code>` in every language. */
export const REFUSAL_CODES = [
  'tooLarge',
  'tooManyPages',
  'timeout',
  'tooComplex',
  'unsupportedType',
  'legacyWord',
  'encrypted',
  'broken',
  'scanned',
  'empty',
  'docxInvalid',
  'sameLanguage',
  'tooManyFiles',
  'noFiles',
  'badLanguage',
  'badFormat',
  'missingOrganisation',
  'unknownOrganisation',
  'badId',
  'idTaken',
  'notFound',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/**
 * A refused import: the file (when one is to blame) and a stable code, so the CLI and the web form can say what is
 * wrong in the user's language. Nothing is written when an import is refused.
 */
export class ImportRefusal extends Error {
  readonly code: RefusalCode;
  readonly params: Record<string, string | number>;

  constructor(code: RefusalCode, params: Record<string, string | number> = {}) {
    super(`import refused: ${code}${params.file ? ` (${params.file})` : ''}`);
    this.name = 'ImportRefusal';
    this.code = code;
    this.params = params;
  }
}
