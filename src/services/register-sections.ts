import * as z from 'zod';
import type { Lang } from '../domain/language.ts';
import { localizedTextSchema } from '../domain/localized-text.ts';
import { NOTICE_FORMATS } from '../domain/notice-format.ts';
import { registerSchema, type Register } from '../domain/register.ts';
import type { TextField } from './register-editor.ts';

type AnySchema = z.core.$ZodType;

/** The schema under `.optional()`. */
function required(schema: AnySchema): AnySchema {
  const def = schema._zod.def as { type: string; innerType?: AnySchema };
  return def.type === 'optional' && def.innerType ? required(def.innerType) : schema;
}

/**
 * The texts that start a section the register lacks: for each part of the register that its format shows and the
 * register does not have yet (purposes, legal basis, data content, sources, retention, …), each of its texts that
 * can stand alone, such as `purposes.description`, offered empty. The editor walks only what a register has, so
 * without these a new register could never be written to its legal minimums in the browser; a part that needs more
 * than a text (a yes/no, a choice, a list) is left to the file or the lists.
 */
export function sectionStarts(register: Register, requiredLanguages: readonly Lang[]): TextField[] {
  const shown = new Set(NOTICE_FORMATS[register.format].flatMap((section) => section.sources.map((source) => source.split('.')[0]!)));
  const out: TextField[] = [];
  for (const [key, field] of Object.entries(registerSchema.shape)) {
    if (!shown.has(key) || (register as Record<string, unknown>)[key] !== undefined) continue;
    const part = required(field);
    const def = part._zod.def as { type: string; shape?: Record<string, AnySchema> };
    if (def.type !== 'object' || !def.shape) continue;
    for (const [child, schema] of Object.entries(def.shape)) {
      if (required(schema) !== localizedTextSchema || !z.safeParse(part, { [child]: { fi: '–' } }).success) continue;
      const path = [key, child];
      out.push({ label: `${key}.${child}`, name: JSON.stringify(path), path, values: {}, missing: [...requiredLanguages] });
    }
  }
  return out;
}
