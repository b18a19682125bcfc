import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** What to do with Astro's answer, decided when its status and headers are known. */
export type Disposition =
  | { kind: 'stream'; headers: OutgoingHttpHeaders }
  /** Keep the whole body, then call `kept`, which answers the request itself. */
  | { kind: 'keep'; kept: (body: Buffer) => void };

type Callback = (error?: Error | null) => void;

/**
 * Lets Astro's node handler write its answer into `res`, while the front server decides, once the status and
 * headers are known, whether the answer goes straight out (with the headers it returns) or is held whole (to be
 * cached, then sent). Astro writes through writeHead, write and end; the adapter's own error path sets statusCode
 * and calls end. Both pass through `decide`, so no answer leaves without the front server's headers.
 */
export function interceptPage(res: ServerResponse, decide: (status: number, headers: OutgoingHttpHeaders) => Disposition): void {
  const proto = Object.getPrototypeOf(res) as ServerResponse;
  let disposition: Disposition | undefined;
  const chunks: Buffer[] = [];
  const restore = () => {
    delete (res as Partial<ServerResponse>).writeHead;
    delete (res as Partial<ServerResponse>).write;
    delete (res as Partial<ServerResponse>).end;
  };
  const head = (status: number, given: OutgoingHttpHeaders = {}): Disposition => {
    const headers: OutgoingHttpHeaders = { ...res.getHeaders() };
    for (const [name, value] of Object.entries(given)) headers[name.toLowerCase()] = value;
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    disposition = decide(status, headers);
    if (disposition.kind === 'stream') {
      restore();
      proto.writeHead.call(res, status, disposition.headers);
    }
    return disposition;
  };
  const collect = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null) return;
    chunks.push(
      typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
        : Buffer.from(chunk as Uint8Array),
    );
  };
  const callbackIn = (args: unknown[]) => args.find((arg): arg is Callback => typeof arg === 'function');

  res.writeHead = ((status: number, reason?: string | OutgoingHttpHeaders, headers?: OutgoingHttpHeaders) => {
    head(status, typeof reason === 'object' ? reason : headers);
    return res;
  }) as ServerResponse['writeHead'];
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    const current = disposition ?? head(res.statusCode);
    if (current.kind === 'stream') return (proto.write as (...args: unknown[]) => boolean).call(res, chunk, ...rest);
    collect(chunk, rest[0]);
    const callback = callbackIn(rest);
    if (callback) process.nextTick(callback);
    return true;
  }) as ServerResponse['write'];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    const current = disposition ?? head(res.statusCode);
    if (current.kind === 'stream') return (proto.end as (...args: unknown[]) => ServerResponse).call(res, chunk, ...rest);
    if (typeof chunk !== 'function') collect(chunk, rest[0]);
    restore();
    current.kept(Buffer.concat(chunks));
    return res;
  }) as ServerResponse['end'];
}
