// Starts Seloste's server: `node src/server/main.ts` (what `npm start` and the tests run), after `npm run build`.
// The whole configuration is parsed first: any invalid variable stops the server here, named, before it listens.
import { config, settleConfig } from '../domain/config.ts';
import { readServerConfig } from './config.ts';
import { startFrontServer } from './front-server.ts';

try {
  config();
  settleConfig();
  const settings = readServerConfig();
  await startFrontServer(settings);
  console.error(`Seloste listening on http://${settings.host}:${settings.port} (links point to ${settings.publicOrigin})`);
} catch (error) {
  console.error(`Seloste could not start: ${(error as Error).message}`);
  process.exit(1);
}
