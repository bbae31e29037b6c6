import { readFileSync } from 'node:fs';
import { createGateway } from './app.js';
import { loadEnv } from './env.js';

const env = loadEnv();
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
