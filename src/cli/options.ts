import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Parses a command's options strictly, so a typo is an error and not a silent default. `--lang` is accepted everywhere. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  return parseArgs({ args, options: { ...options, lang: { type: 'string' } }, strict: true, allowPositionals: true });
}
