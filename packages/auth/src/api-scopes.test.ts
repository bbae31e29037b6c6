import { describe, expect, it } from 'vitest';
import { API_FIELD_ALSO_OPENED_BY, API_FIELD_SCOPES, API_SCOPES, apiFieldRefusal, operationRootFields } from './api-scopes.js';
import { SYSTEM_PRINCIPAL } from './principal.js';

const key = (...scopes: string[]) => ({ kind: 'api' as const, scopes });
const person = { ...SYSTEM_PRINCIPAL, kind: 'user' as const };

describe('apiFieldRefusal', () => {
  it('lets an API key use a catalogued field only with its scope, and refuses anything not catalogued whatever the scopes', () => {
    expect(apiFieldRefusal(key('reports:read'), 'query', ['schools', 'trustDashboard'])).toBeNull();
    expect(apiFieldRefusal(key('roster:write'), 'query', ['trustDashboard'])).toEqual({
      field: 'trustDashboard',
      scope: 'reports:read',
      message: 'This API key needs the reports:read scope to use trustDashboard.',
    });
    expect(apiFieldRefusal(key(...API_SCOPES), 'query', ['schools', 'pupils'])?.field).toBe('pupils');
    expect(apiFieldRefusal(key(...API_SCOPES), 'mutation', ['createApiCredential'])).toMatchObject({ field: 'createApiCredential', scope: null });
    // A query field's name asked as a mutation is not the same field.
    expect(apiFieldRefusal(key(...API_SCOPES), 'mutation', ['schools'])?.scope).toBeNull();
    expect(apiFieldRefusal(key(...API_SCOPES), 'subscription', ['schools'])?.scope).toBeNull();
    // Inherited object properties are not catalogue entries.
    expect(apiFieldRefusal(key(...API_SCOPES), 'query', ['constructor', 'toString'])?.field).toBe('constructor');
  });

  it('lets _entities through only inside a subgraph, and __typename everywhere', () => {
    expect(apiFieldRefusal(key(), 'query', ['__typename'])).toBeNull();
    expect(apiFieldRefusal(key(), 'query', ['_entities'])?.field).toBe('_entities');
    expect(apiFieldRefusal(key(), 'query', ['_entities'], { federationJoins: true })).toBeNull();
    expect(apiFieldRefusal(key(...API_SCOPES), 'query', ['_service'], { federationJoins: true })?.field).toBe('_service');
  });

  it('leaves people and the gateway to their roles', () => {
    expect(apiFieldRefusal(person, 'mutation', ['createApiCredential'])).toBeNull();
    expect(apiFieldRefusal(SYSTEM_PRINCIPAL, 'query', ['_service'])).toBeNull();
  });

  it('names a scope that exists for every catalogued field', () => {
    for (const fields of Object.values(API_FIELD_SCOPES)) {
      for (const scope of Object.values(fields)) expect(API_SCOPES).toContain(scope);
    }
  });

  it('opens a subgraph-only field to the further scopes named for it, and to no other', () => {
    // The local authority return is built on the pupils subgraph's cohort.
    expect(apiFieldRefusal(key('destinations:read'), 'query', ['cohort'])).toBeNull();
    expect(apiFieldRefusal(key('reports:read'), 'query', ['cohort'])).toBeNull();
    expect(apiFieldRefusal(key('roster:write'), 'query', ['cohort'])).toMatchObject({ field: 'cohort', scope: 'reports:read' });
    // Only the one field: destinations:read opens nothing else of reports:read, and the return is not reports:read's.
    expect(apiFieldRefusal(key('destinations:read'), 'query', ['packedCohort', 'trustDashboard'])?.field).toBe('packedCohort');
    expect(apiFieldRefusal(key('reports:read'), 'query', ['localAuthorityReturn'])).toMatchObject({ scope: 'destinations:read' });
    expect(apiFieldRefusal(key('destinations:read'), 'mutation', ['cohort'])?.scope).toBeNull();
    for (const [operation, fields] of Object.entries(API_FIELD_ALSO_OPENED_BY))
      for (const [field, scopes] of Object.entries(fields)) {
        expect(Object.keys(API_FIELD_SCOPES[operation as keyof typeof API_FIELD_SCOPES])).toContain(field);
        for (const scope of scopes) expect(API_SCOPES).toContain(scope);
      }
  });
});

describe('operationRootFields', () => {
  // Hand-built nodes shaped like graphql-js's, for `query { schools ...F ... on Query { me } } fragment F on Query { pupils ...G } fragment G on Query { ...F }`.
  const field = (name: string) => ({ kind: 'Field', name: { value: name } });
  const spread = (name: string) => ({ kind: 'FragmentSpread', name: { value: name } });
  const operation = {
    kind: 'OperationDefinition',
    selectionSet: { selections: [field('schools'), spread('F'), { kind: 'InlineFragment', selectionSet: { selections: [field('me')] } }] },
  };
  const fragmentF = { kind: 'FragmentDefinition', name: { value: 'F' }, selectionSet: { selections: [field('pupils'), spread('G')] } };
  const fragmentG = { kind: 'FragmentDefinition', name: { value: 'G' }, selectionSet: { selections: [spread('F'), field('encounters')] } };

  it('finds root fields behind fragment spreads and inline fragments, cycles included', () => {
    expect(operationRootFields({ definitions: [operation, fragmentF, fragmentG] }, operation).sort()).toEqual(['encounters', 'me', 'pupils', 'schools']);
  });

  it('names a spread of a missing fragment, so it is refused rather than skipped', () => {
    expect(operationRootFields({ definitions: [operation] }, operation)).toContain('...F');
  });
});
