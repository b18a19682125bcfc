// Public-page throughput: the built server under autocannon on loopback, for a notice page, the catalogue and a
// static file served by the same server, so the notice-to-static ratio is measured in one run.
import autocannon from 'autocannon';
import { copyContent } from '../support/cli.ts';
import { startServer } from '../support/server.ts';

export interface HttpFigure {
  name: string;
  path: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

function load(url: string, seconds: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: 10, duration: seconds, pipelining: 1 }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

export async function benchHttp(seconds = Number(process.env.BENCH_SECONDS ?? 5)): Promise<HttpFigure[]> {
  const server = await startServer({ CONTENT_DIR: copyContent(), LOG_REQUESTS: '0' });
  try {
    const catalogue = await (await fetch(`${server.baseUrl}/fi/`)).text();
    const stylesheet = /<link rel="stylesheet" href="([^"]+\.css)"/u.exec(catalogue)?.[1];
    if (!stylesheet) throw new Error('no stylesheet link on /fi/: is build.inlineStylesheets still "never"?');
    const targets = [
      { name: 'notice page (ATJ, sv)', path: '/sv/register/helsinki-atj' },
      { name: 'catalogue (fi)', path: '/fi/' },
      { name: 'catalogue search (fi)', path: '/fi/?q=lastensuojelu&format=information-system' },
      { name: 'static file (CSS)', path: stylesheet },
    ];
    const figures: HttpFigure[] = [];
    for (const target of targets) {
      await load(`${server.baseUrl}${target.path}`, 1); // warm-up
      const result = await load(`${server.baseUrl}${target.path}`, seconds);
      figures.push({
        ...target,
        requestsPerSecond: Math.round(result.requests.average),
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors + result.non2xx,
      });
    }
    return figures;
  } finally {
    await server.stop();
  }
}
