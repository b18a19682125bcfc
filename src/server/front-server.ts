import http, { STATUS_CODES, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { publicGeneration } from '../services/public-changes.ts';
import { INTERNAL_HEADERS, ROUTE_HEADER } from '../services/response-hints.ts';
import { clientAddressOf } from './client-address.ts';
import type { ServerConfig } from './config.ts';
import { PageCache, type Cacheable } from './page-cache.ts';
import { interceptPage } from './page-response.ts';
import { refuse } from './refusal.ts';
import { checkForm, checkRequest, parseTarget, readBody, type Target } from './request-guard.ts';
import { BODY_LIMITS, ruleFor } from './route-rules.ts';
import { securityHeaders } from './security-headers.ts';
import { closeGracefullyOnSignals } from './shutdown.ts';
import { loadStaticFiles } from './static-files.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The Astro build: its handler in middleware mode, and the client files. */
const ASTRO_ENTRY = path.join(ROOT, 'dist', 'server', 'entry.mjs');
const CLIENT_DIR = path.join(ROOT, 'dist', 'client');

/** Astro's own endpoints that Seloste does not use (image optimisation, server islands): they answer 404. */
const UNUSED_ASTRO_ROUTES = /^\/(?:_image|_server-islands)(?:\/|$)/u;

type AstroHandler = (req: IncomingMessage, res: ServerResponse, next: undefined, locals: App.Locals) => Promise<void>;
type RequestWithBody = IncomingMessage & { body?: Buffer };

interface RenderRequest {
  target: Target;
  limit: number;
  cacheable: Cacheable | undefined;
  expectsContinue: boolean;
  /** What the request log line will name, filled in as the route becomes known. */
  log: { route: string | null };
}

/**
 * Seloste's HTTP server: a node:http server in front of Astro's handler (@astrojs/node in middleware mode; see
 * docs/decisions/0004). Before Astro sees a request it checks the host, the path, the method, the content type and
 * the body size; it serves static files and cached public pages from memory; and it puts the security headers on
 * every answer, whoever made it. Resolves once the server listens.
 */
export async function startFrontServer(config: ServerConfig): Promise<http.Server> {
  const security = securityHeaders(config.publicOrigin);
  const securityObject: OutgoingHttpHeaders = Object.fromEntries(pairs(security));
  const statics = await loadStaticFiles(CLIENT_DIR, security);
  const cache = new PageCache(config.pageCacheBytes, security);
  const clientAddress = clientAddressOf(config.trustProxy);

  // A request without a Host header is refused by our own check, with our headers, rather than by Node's.
  const server = http.createServer({ requireHostHeader: false });
  // Before the app loads, so that its own signal hooks run only after the server has closed.
  closeGracefullyOnSignals(server);
  const { handler } = (await import(pathToFileURL(ASTRO_ENTRY).href)) as { handler: AstroHandler };

  /** Headers for an answer that is not cached: the page's own, without internal hints, never stored by anyone. */
  const uncached = (headers: OutgoingHttpHeaders): OutgoingHttpHeaders => {
    const result: OutgoingHttpHeaders = { ...headers, ...securityObject, 'cache-control': 'no-store' };
    for (const name of INTERNAL_HEADERS) delete result[name];
    return result;
  };

  /** Everything that can be answered without Astro is answered synchronously: refusals, static files, cached pages. */
  const handle = (req: RequestWithBody, res: ServerResponse, expectsContinue: boolean): void | Promise<void> => {
    const started = performance.now();
    const log = { route: null as string | null };
    if (config.logRequests) {
      // Only the method, the route pattern, the status and the time: never a path with ids, a query or a body.
      res.once('finish', () =>
        console.log(
          JSON.stringify({ method: req.method, route: log.route, status: res.statusCode, ms: Math.round(performance.now() - started) }),
        ),
      );
    }
    const target = parseTarget(req);
    if ('status' in target) return refuse(req, res, target, security);
    const rule = ruleFor(target.pathname);
    log.route = rule.route;
    const refusal = checkRequest(req, rule);
    if (refusal) return refuse(req, res, refusal, security);

    const file = statics.get(target.pathname);
    if (file) {
      log.route = 'static';
      return file.send(req, res);
    }
    const cacheable = cache.cacheable(req, target, publicGeneration());
    const hit = cacheable && cache.lookup(cacheable, Date.now());
    if (hit) {
      log.route = hit.route;
      return cache.send(hit, req, res, Date.now());
    }
    return render(req, res, { target, limit: BODY_LIMITS[rule.body], cacheable, expectsContinue, log });
  };

  /** Reads and checks a form's body, then lets Astro answer: streamed out, or kept whole for the cache. */
  const render = async (
    req: RequestWithBody,
    res: ServerResponse,
    { target, limit, cacheable, expectsContinue, log }: RenderRequest,
  ): Promise<void> => {
    if (req.method === 'POST') {
      if (expectsContinue) res.writeContinue();
      const body = await readBody(req, limit);
      const problem = Buffer.isBuffer(body) ? await checkForm(req, body) : body;
      if (problem) return refuse(req, res, problem, security);
      // Astro's node adapter takes a body already read from here instead of reading the stream again.
      req.body = body as Buffer;
    }
    if (UNUSED_ASTRO_ROUTES.test(target.pathname)) req.url = '/404';

    interceptPage(res, (status, headers) => {
      const route = String(headers[ROUTE_HEADER] ?? '') || null;
      log.route = route;
      if (!cacheable || req.method !== 'GET' || status !== 200 || !route || !cache.mayKeep(route)) {
        // A page that is not kept still goes out in one write with its length: Astro renders it in hundreds of small
        // chunks, and writing each one as it comes costs more than rendering. Downloads (PDF, CSV) stream.
        if (req.method === 'GET' && String(headers['content-type'] ?? '').startsWith('text/html')) {
          return {
            kind: 'keep',
            kept: (body) => {
              res.writeHead(status, { ...uncached(headers), 'content-length': body.length });
              res.end(body);
            },
          };
        }
        return { kind: 'stream', headers: uncached(headers) };
      }
      return {
        kind: 'keep',
        kept: (body) => {
          const now = Date.now();
          const entry = cache.keep(cacheable, publicGeneration(), route, headers, body, now);
          if (entry) return void Promise.resolve(cache.send(entry, req, res, now)).catch(() => res.destroy());
          res.writeHead(status, uncached(headers));
          res.end(body);
        },
      };
    });
    // Astro would take the socket's peer, which behind a proxy is the proxy: the pages get the client from here.
    const address = clientAddress(req.socket.remoteAddress, req.headers);
    await handler(req, res, undefined, address === undefined ? {} : { clientAddress: address });
  };

  const serve = (req: IncomingMessage, res: ServerResponse, expectsContinue: boolean) => {
    const fail = (error: Error) => {
      // A client that went away mid-body lands here; anything else is logged without the request's details.
      if (!req.destroyed) console.error(JSON.stringify({ level: 'error', message: `request failed: ${error.message}` }));
      res.destroy();
    };
    try {
      handle(req, res, expectsContinue)?.catch(fail);
    } catch (error) {
      fail(error as Error);
    }
  };
  server.on('request', (req, res) => serve(req, res, false));
  server.on('checkContinue', (req, res) => serve(req, res, true));
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') return void socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    answerRaw(socket, status, security);
  });
  // CONNECT (a proxy tunnel) never reaches the request handler: it is refused here like any other method we do not take.
  server.on('connect', (_req: IncomingMessage, socket: Socket) => answerRaw(socket, 405, [...security, 'allow', 'GET, HEAD, POST']));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  return server;
}

/**
 * An answer written to the socket itself, for what never becomes a request object (a request Node cannot parse, a
 * header too large, CONNECT), with the same headers as every other answer; the connection then closes.
 */
function answerRaw(socket: Socket, status: number, headers: readonly string[]): void {
  const lines = pairs(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${lines.join('')}content-length: 0\r\nconnection: close\r\n\r\n`);
}

function pairs(flat: readonly string[]): [string, string][] {
  const result: [string, string][] = [];
  for (let index = 0; index < flat.length; index += 2) result.push([flat[index]!, flat[index + 1]!]);
  return result;
}
