import type { IncomingMessage, ServerResponse } from 'node:http';
import { isLang, preferredLanguage, type Lang } from '../domain/language.ts';
import { tFor } from '../i18n/index.ts';
import type { Refusal } from './request-guard.ts';

/** The reader's language: the path's first segment when it is one of ours (a form posted from /sv/… is Swedish), else Accept-Language. */
export function readerLanguage(req: IncomingMessage): Lang {
  const first = (req.url ?? '').split(/[/?#]/u)[1];
  return isLang(first) ? first : preferredLanguage(req.headers['accept-language']);
}

function size(bytes: number, lang: Lang): string {
  const t = tFor(lang);
  return bytes >= 1024 * 1024 ? t('http.size.mb', { value: bytes / (1024 * 1024) }) : t('http.size.kb', { value: bytes / 1024 });
}

const escape = (text: string) =>
  text.replace(/[&<>"']/gu, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/** How long a client may go on sending a refused body (discarded as it comes) before the connection is cut. */
const LINGER_MS = 1000;

/**
 * Answers a refused request with a short page in the reader's language that says what was wrong, before any page
 * or body was read. The rest of a refused body is discarded as it arrives, for a moment, so that the client reads
 * this answer rather than a reset connection; a client that keeps sending is then cut off.
 */
export function refuse(req: IncomingMessage, res: ServerResponse, refusal: Refusal, securityHeaders: readonly string[]): void {
  const lang = readerLanguage(req);
  const t = tFor(lang);
  const limit = refusal.params?.limit;
  const key = limit === 0 ? 'http.noBody' : refusal.key;
  const message = t(key, { ...refusal.params, ...(typeof limit === 'number' ? { limit: size(limit, lang) } : {}) });
  const title = t(`http.title.${refusal.status}`);
  const html =
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escape(title)} – ${escape(t('site.name'))}</title></head><body><main><h1>${escape(title)}</h1>` +
    `<p>${escape(message)}</p><p><a href="/${lang}/">${escape(t('http.back'))}</a></p></main></body></html>`;
  const body = Buffer.from(html);
  const headers = [
    ...securityHeaders,
    'content-type',
    'text/html; charset=utf-8',
    'content-length',
    String(body.length),
    'cache-control',
    'no-store',
    ...(refusal.allow ? ['allow', refusal.allow] : []),
  ];
  res.writeHead(refusal.status, headers);
  const answer = req.method === 'HEAD' ? undefined : body;
  if (req.complete) return void res.end(answer);
  // The answer is complete by its length, but the response stays open (ending it would close the connection under
  // a client still sending, which then sees a reset) until the body has been discarded or the time is up.
  if (answer) res.write(answer);
  const cut = setTimeout(() => {
    res.end();
    req.socket.destroy();
  }, LINGER_MS).unref();
  req.once('end', () => {
    clearTimeout(cut);
    res.end();
  });
  req.resume();
}
