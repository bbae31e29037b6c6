import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import httpTransport from '@graphql-mesh/transport-http';
import { CREDENTIAL_HEADER } from '@waymark/auth';

/*
 * Hive Gateway serving Waymark's committed supergraph, for the bench's side-by-side (engines.ts): its
 * own process, as Waymark's gateway is. Its arguments: the supergraph file, and a JSON object of
 * subgraph name to address, put in place of the addresses the file holds. The
 * credential a client sends goes on to every subgraph, as Waymark's gateway attaches its own. Prints
 * the port it listens on. Requests in flight are not deduplicated (Hive's default is to).
 */
const [supergraphFile, subgraphUrls] = process.argv.slice(2);
let sdl = readFileSync(supergraphFile, 'utf8');
for (const [name, url] of Object.entries(JSON.parse(subgraphUrls) as Record<string, string>)) {
  sdl = sdl.replace(new RegExp(`(join__graph\\(name: "${name}", url: ")[^"]*(")`), `$1${url}$2`);
}
const runtime = createGatewayRuntime({
  supergraph: sdl,
  logging: false,
  transports: { http: httpTransport },
  // Hive deduplicates identical requests in flight by default; Waymark's gateway does not, and the
  // comparison is without it on either side.
  transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } } },
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => {
      const credential = request.headers.get(CREDENTIAL_HEADER);
      return credential ? { [CREDENTIAL_HEADER]: credential } : {};
    },
  },
});
const server = createServer((request, response) => void runtime(request, response));
server.listen(0, '127.0.0.1', () => process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
