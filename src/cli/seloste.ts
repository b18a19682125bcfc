#!/usr/bin/env node
// The seloste command line. It runs on the project's own Node 24 (node_modules/.bin comes first on PATH under npm and npx).
import type { TFunction } from 'i18next';
import { ConfigError } from '../domain/config.ts';
import { isLang, type Lang } from '../domain/language.ts';
import { tFor } from '../i18n/index.ts';

type Command = (args: string[], t: TFunction, lang: Lang) => Promise<number>;

/** Each command's module is loaded only when that command runs: `seloste deadline` never loads pdfkit or the store. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => (await import('./check.ts')).runCheck,
  user: async () => (await import('./user.ts')).runUser,
  audit: async () => (await import('./audit.ts')).runAudit,
  backup: async () => (await import('./backup.ts')).runBackup,
  db: async () => (await import('./db.ts')).runDb,
  deadline: async () => (await import('./deadline.ts')).runDeadline,
  import: async () => (await import('./import.ts')).runImport,
  purge: async () => (await import('./purge.ts')).runPurge,
  remind: async () => (await import('./remind.ts')).runRemind,
  pdf: async () => (await import('./pdf.ts')).runPdf,
  publish: async () => (await import('./publish.ts')).runPublish,
  record: async () => (await import('./record.ts')).runRecord,
  schema: async () => (await import('./schema.ts')).runSchema,
  readme: async () => (await import('./readme.ts')).runReadme,
  xliff: async () => (await import('./xliff.ts')).runXliff,
  serve: async () => (await import('./serve.ts')).runServe,
  sosdata: async () => (await import('./sosdata.ts')).runSosdata,
};

/** The language of messages: --lang, else SELOSTE_LANG, else the locale of the shell (LANG=sv_FI.UTF-8 gives sv), else Finnish. */
function chooseLanguage(argv: string[]): Lang {
  const flag = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  const fromFlag = flag < 0 ? undefined : argv[flag]!.includes('=') ? argv[flag]!.split('=')[1] : argv[flag + 1];
  for (const candidate of [fromFlag, process.env.SELOSTE_LANG, process.env.LANG?.slice(0, 2)]) {
    if (isLang(candidate)) return candidate;
  }
  return 'fi';
}

async function main(argv: string[]): Promise<number> {
  const lang = chooseLanguage(argv);
  const t = tFor(lang);
  const [command, ...args] = argv;
  try {
    if (command !== undefined && Object.hasOwn(COMMANDS, command)) return await (await COMMANDS[command]!())(args, t, lang);
    if (command === undefined || ['help', '--help', '-h'].includes(command)) {
      console.log(t('cli.usage'));
      return command === undefined ? 2 : 0;
    }
    console.error(`${t('cli.unknownCommand', { command })}\n\n${t('cli.usage')}`);
    return 2;
  } catch (error) {
    // A wrong environment variable is named, with what it should be, instead of a stack trace.
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      console.error(t('cli.badOption', { detail: error.message }));
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
