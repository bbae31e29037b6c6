import { readFileSync } from 'node:fs';
import { buildASTSchema, isNonNullType, parse } from 'graphql';
import { describe, expect, it } from 'vitest';

// Each root field is served by one subgraph; a non-null one that fails or times out would null the
// whole answer, taking every other subgraph's data with it (docs/api-contract.md, "Partial answers").
describe('root fields of the supergraph', () => {
  it('are all nullable, where a client can reach them', () => {
    const schema = buildASTSchema(parse(readFileSync(new URL('../supergraph.graphql', import.meta.url), 'utf8')), { assumeValidSDL: true });
    const reachable = Object.values(schema.getQueryType()!.getFields()).filter(
      (field) => !field.astNode?.directives?.some((directive) => directive.name.value === 'inaccessible'),
    );
    expect(reachable.length).toBeGreaterThan(10);
    expect(reachable.filter((field) => isNonNullType(field.type)).map((field) => `${field.name}: ${String(field.type)}`)).toEqual([]);
  });
});
