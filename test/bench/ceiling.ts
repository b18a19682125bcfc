// The ceiling for the public-page figures: a bare node:http server that sends one body from memory with the given
// headers, and nothing else. `node test/bench/ceiling.ts <body file> <headers json>` prints its port.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const body = readFileSync(process.argv[2]!);
const headers = JSON.parse(process.argv[3] ?? '{}') as Record<string, string>;
const server = createServer((_req, res) => {
  res.writeHead(200, { ...headers, 'content-length': body.length });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(typeof address === 'object' && address ? address.port : 0);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
