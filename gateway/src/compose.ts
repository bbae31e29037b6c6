import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import { composeServices } from '@apollo/composition';
import { DEFAULT_SUBGRAPH_PORTS, SUBGRAPHS } from './env.js';

/**
 * Composes the supergraph from each subgraph's committed schema.graphql (which each service's own
 * `check` keeps equal to what its code emits). `--check` fails when supergraph.graphql is stale.
 */
const root = new URL('../../', import.meta.url);
const target = fileURLToPath(new URL('gateway/supergraph.graphql', root));

const services = SUBGRAPHS.map((name) => ({
  name,
  url: `http://127.0.0.1:${DEFAULT_SUBGRAPH_PORTS[name]}/graphql`,
  typeDefs: parse(readFileSync(new URL(`services/${name}/schema.graphql`, root), 'utf8')),
}));
const result = composeServices(services);
if (result.errors) {
  console.error(`Composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  process.exit(1);
}
const supergraph = `${result.supergraphSdl.trim()}\n`;
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== supergraph) {
    console.error('gateway/supergraph.graphql is stale: run `pnpm --filter @waymark/gateway compose` and commit it');
    process.exit(1);
  }
  console.log('gateway: supergraph.graphql is up to date');
} else {
  writeFileSync(target, supergraph);
  console.log(`gateway: composed ${services.length} subgraphs into supergraph.graphql`);
}
