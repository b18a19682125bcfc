import { request, type IncomingHttpHeaders } from 'node:http';

export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  /** The Host header as given, even empty or malformed; defaults to the server's own. */
  host?: string;
  /** A body to send whole, or a body that keeps coming in chunks until the server answers. */
  body?: Buffer | 'endless';
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * One HTTP request with nothing normalised (fetch would refuse odd methods and hosts): resolves with the server's
 * answer even when the server answers before the body is sent and then closes the connection.
 */
export function rawRequest(baseUrl: string, options: RawRequest): Promise<RawResponse> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request({
      host: url.hostname,
      port: url.port,
      method: options.method,
      path: options.path,
      setHost: false,
      headers: {
        host: options.host ?? url.host,
        connection: 'close',
        ...(Buffer.isBuffer(options.body) ? { 'content-length': String(options.body.length) } : {}),
        ...options.headers,
      },
    });
    req.on('response', (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      const done = () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() });
        req.destroy();
      };
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', done);
      res.on('error', done);
    });
    // After an early answer the server closes while the body is still being sent: that is the point, not an error.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (options.body === 'endless') {
      const chunk = Buffer.alloc(256 * 1024, 'a');
      const pump = () => {
        while (!answered && !req.destroyed && req.write(chunk));
        if (!answered && !req.destroyed) req.once('drain', pump);
      };
      pump();
    } else req.end(options.body);
  });
}
