// Every GraphQL document the portals send, checked against the committed supergraph's API schema
// (what clients see: no join__ or @inaccessible parts). A field renamed or removed in a subgraph then
// fails here, before a browser ever meets it. No stack is started.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// graphql and the federation internals are the gateway's; reached through it, so this package needs no
// copy of its own (and the schema and the validator are the same graphql instance).
const gatewayRequire = createRequire(fileURLToPath(new URL('../../../gateway/package.json', import.meta.url)));
const compositionRequire = createRequire(gatewayRequire.resolve('@apollo/composition'));
// Only the little of each API this test uses (graphql is not a dependency of this package, so no types).
type Schema = { readonly __schema: unique symbol };
type DocumentNode = { readonly __document: unique symbol };
const graphql = compositionRequire('graphql') as {
  parse(source: string): DocumentNode;
  validate(schema: Schema, document: DocumentNode): readonly { message: string }[];
};
const { Supergraph } = compositionRequire('@apollo/federation-internals') as {
  Supergraph: { build(sdl: string): { apiSchema(): { toGraphQLJSSchema(): Schema } } };
};

const supergraphSdl = readFileSync(fileURLToPath(new URL('../../../gateway/supergraph.graphql', import.meta.url)), 'utf8');
const schema = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();

// Vite's glob import (Vitest runs this file through Vite), declared here as this package has no Vite types.
declare global {
  interface ImportMeta {
    glob(pattern: string, options: { eager: true }): Record<string, unknown>;
  }
}
const modules = {
  ...import.meta.glob('../../../frontends/*/src/features/*/graphql/*.ts', { eager: true }),
  ...import.meta.glob('../../../packages/graphql-client/src/session.ts', { eager: true }),
};

interface NamedDocument {
  where: string;
  source: string;
}

/** Every exported string that is an operation (`query …` or `mutation …`), named by file and export. */
function operations(): NamedDocument[] {
  const found: NamedDocument[] = [];
  for (const [path, exports] of Object.entries(modules)) {
    if (path.endsWith('.test.ts')) continue;
    for (const [name, value] of Object.entries(exports as Record<string, unknown>)) {
      if (typeof value === 'string' && /^\s*(query|mutation|subscription)\b/.test(value)) {
        found.push({ where: `${path.replace(/^(\.\.\/)+/, '')} ${name}`, source: value });
      }
    }
  }
  return found;
}

const documents = operations();

describe('the portals’ GraphQL documents', () => {
  it('are found in every portal', () => {
    for (const portal of ['careers-leader', 'pupil', 'employer']) {
      expect(
        documents.some((document) => document.where.includes(`frontends/${portal}/`)),
        portal,
      ).toBe(true);
    }
    expect(documents.length).toBeGreaterThan(30);
  });

  it.each(documents.map((document) => [document.where, document.source]))('%s is valid against the supergraph', (_where, source) => {
    const errors = graphql.validate(schema, graphql.parse(source)).map((error) => error.message);
    expect(errors).toEqual([]);
  });
});
