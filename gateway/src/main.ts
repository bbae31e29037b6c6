import { readFileSync } from 'node:fs';
import { createGateway } from './app.js';
import { loadEnv, type GatewayEnv } from './env.js';

let env: GatewayEnv;
try {
  env = loadEnv();
} catch (error) {
  // The problems, listed for the person deploying; a stack trace would only hide them.
  process.stderr.write(`[gateway] ${(error as Error).message}\n`);
  process.exit(1);
}
if (env.devMode) {
  process.stderr.write(
    '[gateway] DEVELOPMENT MODE (WAYMARK_DEV_MODE=1): introspection and suggestions are on and cookies are sent without Secure. Never run real data like this.\n',
  );
}
const supergraphSdl = readFileSync(new URL('../supergraph.graphql', import.meta.url), 'utf8');
const gateway = await createGateway({ env, supergraphSdl });
const port = await gateway.listen(env.port);
process.stderr.write(`[gateway] ready on http://localhost:${port}\n`);
const stop = async () => {
  await gateway.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
