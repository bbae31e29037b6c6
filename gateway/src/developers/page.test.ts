import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { API_FIELD_SCOPES, API_SCOPES } from '@waymark/auth';
import { apiOperations, isInaccessible, readSupergraph, scopedSdl } from './api-schema.js';
import { exampleDocument } from './examples.js';
import { developersPage, EXAMPLE_QUERIES, SCOPE_PURPOSES } from './page.js';

const supergraphSdl = readFileSync(new URL('../../supergraph.graphql', import.meta.url), 'utf8');
const supergraph = readSupergraph(supergraphSdl);
const html = developersPage({ supergraph, origin: 'https://waymark.example.org', rateLimit: { perMinute: 600, burst: 60 } });
/** The operations the page documents, as `operation.field scope`. */
const documented = [...html.matchAll(/data-operation="(\w+)" data-field="(\w+)" data-scope="([\w:]+)"/g)].map(
  ([, op, field, scope]) => `${op}.${field} ${scope}`,
);

/** Every root field of the supergraph a client can reach. */
const reachable = (['query', 'mutation'] as const).flatMap((operation) =>
  Object.values((operation === 'query' ? supergraph.getQueryType() : supergraph.getMutationType())?.getFields() ?? {})
    .filter((field) => !isInaccessible(field))
    .map((field) => ({ operation, field })),
);

describe('the developer documentation', () => {
  it('documents every root field an API key can use, with the scope the catalogue gives it, and nothing else', () => {
    const expected = reachable.flatMap(({ operation, field }) => {
      const scope = (API_FIELD_SCOPES[operation] as Record<string, string>)[field.name];
      return scope ? [`${operation}.${field.name} ${scope}`] : [];
    });
    expect(expected.length).toBeGreaterThanOrEqual(10);
    expect(documented.sort()).toEqual(expected.sort());
  });

  it('has a description from the schema for every documented operation, and a purpose for every scope', () => {
    for (const op of apiOperations(supergraph)) expect(op.description, `${op.operation}.${op.name} needs a description in its resolver`).not.toBe('');
    for (const scope of API_SCOPES) {
      expect(SCOPE_PURPOSES[scope]).toBeTruthy();
      expect(html).toContain(`<code>${scope}</code>`);
    }
  });

  it('gives each operation an example that is valid against the schema its scope downloads', () => {
    for (const op of apiOperations(supergraph)) {
      const schema = buildSchema(scopedSdl(supergraph, [op.scope]));
      expect(validate(schema, parse(exampleDocument(op))), `${op.operation}.${op.name}`).toEqual([]);
    }
  });

  it('writes its curl, Python and Power Query examples with queries valid for the scope they need', () => {
    for (const [name, { scope, query }] of Object.entries(EXAMPLE_QUERIES)) {
      expect(validate(buildSchema(scopedSdl(supergraph, [scope])), parse(query)), name).toEqual([]);
      expect(html, name).toContain(query.replace(/"/g, '&quot;'));
    }
  });

  it('is one page without script, in English, with the examples in curl, Python and Power Query', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).not.toMatch(/<script/i);
    for (const text of [
      'curl https://waymark.example.org/graphql',
      'urllib.request',
      'Web.Contents',
      'Retry-After',
      'RATE_LIMITED',
      '/developers/schema.graphql',
    ])
      expect(html).toContain(text.replace(/"/g, '&quot;'));
  });
});

describe('the schema for a set of scopes', () => {
  const rootFieldsOf = (sdl: string) => {
    const schema = buildSchema(sdl);
    return [
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}).map((name) => `query.${name}`),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((name) => `mutation.${name}`),
    ].sort();
  };
  const allowedFor = (scopes: string[]) =>
    apiOperations(supergraph)
      .filter((op) => scopes.includes(op.scope))
      .map((op) => `${op.operation}.${op.name}`)
      .sort();

  it('has exactly the root fields those scopes allow', () => {
    for (const scopes of [['reports:read'], ['roster:write'], [...API_SCOPES]]) {
      expect(rootFieldsOf(scopedSdl(supergraph, scopes)), scopes.join(' ')).toEqual(allowedFor(scopes));
    }
    expect(scopedSdl(supergraph, [])).toBe('');
  });

  it('leaves out federation, everything @inaccessible, and types no allowed field reaches', () => {
    const roster = scopedSdl(supergraph, ['roster:write']);
    const reports = scopedSdl(supergraph, ['reports:read']);
    for (const sdl of [roster, reports]) {
      expect(sdl).not.toMatch(/join__|link__|@link|@inaccessible|packedCohort|\bcohort\(|recordAuditEvents|apiCredentials|\bme:/);
    }
    expect(roster).not.toMatch(/\btype (TrustDashboard|Encounter|Pupil)\b/);
    expect(reports).not.toMatch(/\b(input RosterImportInput|RosterRowInput)\b/);
    expect(reports).toMatch(/\btype TrustDashboard\b/);
  });
});
