// Starts Seloste's server: `node src/server/main.ts` (what `npm start` and the tests run), after `npm run build`.
import { readServerConfig } from './config.ts';
import { startFrontServer } from './front-server.ts';

try {
  const config = readServerConfig();
  await startFrontServer(config);
  console.error(`Seloste listening on http://${config.host}:${config.port} (links point to ${config.publicOrigin})`);
} catch (error) {
  console.error(`Seloste could not start: ${(error as Error).message}`);
  process.exit(1);
}
