#!/usr/bin/env node
// The seloste command line. It runs on the project's own Node 24 (node_modules/.bin comes first on PATH under npm and npx).
import { isLang, type Lang } from '../domain/language.ts';
import { tFor } from '../i18n/index.ts';
import { runCheck } from './check.ts';
import { runAudit } from './audit.ts';
import { runBackup } from './backup.ts';
import { runDb } from './db.ts';
import { runDeadline } from './deadline.ts';
import { runPdf } from './pdf.ts';
import { runPurge } from './purge.ts';
import { runRemind } from './remind.ts';
import { runSchema } from './schema.ts';
import { runServe } from './serve.ts';
import { runSosdata } from './sosdata.ts';
import { runUser } from './user.ts';

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
    switch (command) {
      case 'check':
        return await runCheck(args, t);
      case 'user':
        return await runUser(args, t);
      case 'audit':
        return await runAudit(args, t);
      case 'backup':
        return await runBackup(args, t);
      case 'db':
        return await runDb(args, t);
      case 'deadline':
        return await runDeadline(args, t);
      case 'purge':
        return await runPurge(args, t);
      case 'remind':
        return await runRemind(args, t, lang);
      case 'pdf':
        return await runPdf(args, t);
      case 'schema':
        return await runSchema(args, t);
      case 'sosdata':
        return await runSosdata(args, t);
      case 'serve':
        return await runServe(args);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(t('cli.usage'));
        return command === undefined ? 2 : 0;
      default:
        console.error(`${t('cli.unknownCommand', { command })}\n\n${t('cli.usage')}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      console.error(t('cli.badOption', { detail: error.message }));
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
