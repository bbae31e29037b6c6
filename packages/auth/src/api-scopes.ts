import type { Principal } from './principal.js';

/** What an API credential may be granted; anything else is refused when it is created. */
export const API_SCOPES = ['roster:write', 'reports:read', 'destinations:read'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export type RootOperation = 'query' | 'mutation' | 'subscription';

/**
 * The scope catalogue: every root field of the supergraph a trust's API key may use, and the scope
 * it needs. A root field missing here is refused to every API key, whatever its scopes (deny by
 * default), both at the gateway and again in the subgraph that owns it. Adding a root field to the
 * supergraph therefore keeps it away from integrations until someone decides which scope it needs
 * and writes it here (docs/security.md describes the catalogue).
 */
export const API_FIELD_SCOPES: Readonly<Record<RootOperation, Readonly<Record<string, ApiScope>>>> = {
  query: {
    schools: 'reports:read',
    schoolDashboard: 'reports:read',
    trustDashboard: 'reports:read',
    destinationSummary: 'reports:read',
    sustainedSummary: 'reports:read',
    destinationAnalytics: 'reports:read',
    encounters: 'reports:read',
    encounter: 'reports:read',
    // A trust's nightly sync: pseudonymous rows only (docs/trust-api.md, "Incremental sync").
    pupilChanges: 'reports:read',
    encounterChanges: 'reports:read',
    participationChanges: 'reports:read',
    destinationChanges: 'reports:read',
    // Per pupil and measure, pseudonymous like the register feed; the same scope as the dashboards it
    // breaks down (docs/trust-api.md, "Benchmark states").
    benchmarkStateChanges: 'reports:read',
    // Subgraph to subgraph only (not in the public schema): the dashboards ask the pupils subgraph
    // for their cohort with the caller's own credential.
    cohort: 'reports:read',
    packedCohort: 'reports:read',
    // Likewise: today's school dashboard asks it for the school's cohort counter (its stored answer).
    cohortVersion: 'reports:read',
    // Likewise: destination figures ask it for each summer's leavers, packed.
    packedLeaverCohorts: 'reports:read',
    // Row by row, so a scope of its own: a key with reports:read (figures) does not get it by default.
    localAuthorityReturn: 'destinations:read',
    rosterImport: 'roster:write',
    rosterFields: 'roster:write',
  },
  mutation: {
    previewRosterImport: 'roster:write',
    commitRosterImport: 'roster:write',
  },
  subscription: {},
};

/**
 * Scopes that also open a field of the catalogue, besides the one it names there. Only for fields one
 * subgraph asks another on the caller's behalf, when an operation of another scope is built on them:
 * the local authority return (destinations:read) starts from the pupils on roll with their year group
 * and opt-out, which the destinations subgraph asks the pupils subgraph's `cohort` for.
 */
export const API_FIELD_ALSO_OPENED_BY: Readonly<Record<RootOperation, Readonly<Record<string, readonly ApiScope[]>>>> = {
  query: { cohort: ['destinations:read'] },
  mutation: {},
  subscription: {},
};

/** Free for anyone: it names a type and reads nothing. */
const ALWAYS_ALLOWED = '__typename';
/**
 * How the gateway joins one subgraph's answer to another's. A subgraph only ever receives it from
 * the gateway (or from another subgraph acting on the caller's behalf) while answering a root field
 * that has already been checked, so inside a subgraph it continues that field.
 */
const FEDERATION_JOIN = '_entities';

export interface ApiFieldRefusal {
  field: string;
  /** The scope the field needs; null when no API key may use it at all. */
  scope: ApiScope | null;
  message: string;
}

/**
 * Why the caller may not use one of these root fields, or null when it may use them all. Only API
 * credentials are limited by scopes (people are limited by their roles, in the resolvers).
 * `operation` is the operation's type (query, mutation, subscription). `federationJoins`: true inside a subgraph, where `_entities` continues a checked root field.
 */
export function apiFieldRefusal(
  principal: Pick<Principal, 'kind' | 'scopes'>,
  operation: string,
  fields: Iterable<string>,
  { federationJoins = false }: { federationJoins?: boolean } = {},
): ApiFieldRefusal | null {
  if (principal.kind !== 'api') return null;
  const known = Object.hasOwn(API_FIELD_SCOPES, operation);
  const catalogue: Readonly<Record<string, ApiScope>> = known ? API_FIELD_SCOPES[operation as RootOperation] : {};
  const also: Readonly<Record<string, readonly ApiScope[]>> = known ? API_FIELD_ALSO_OPENED_BY[operation as RootOperation] : {};
  for (const field of fields) {
    if (field === ALWAYS_ALLOWED || (federationJoins && operation === 'query' && field === FEDERATION_JOIN)) continue;
    const scope = Object.hasOwn(catalogue, field) ? catalogue[field] : null;
    if (scope === null) return { field, scope, message: `API keys cannot use ${field}. It is only for people signed in to Waymark.` };
    const opens = Object.hasOwn(also, field) ? [scope, ...also[field]] : [scope];
    if (!opens.some((each) => principal.scopes.includes(each))) return { field, scope, message: `This API key needs the ${scope} scope to use ${field}.` };
  }
  return null;
}

/** The parts of graphql-js's document nodes read here, so this package needs no graphql of its own. */
interface SelectionLike {
  readonly kind: string;
  readonly name?: { readonly value: string };
  readonly selectionSet?: { readonly selections: readonly SelectionLike[] };
}
interface DefinitionLike {
  readonly kind: string;
  readonly name?: { readonly value: string };
  readonly selectionSet?: { readonly selections: readonly SelectionLike[] };
}

/**
 * The names of the root fields an operation selects, looking through fragment spreads and inline
 * fragments (`{ ...Everything }` must not hide a field). Fields under @skip/@include count too: a
 * field the caller may not use is refused even if the variables would leave it out.
 */
export function operationRootFields(
  document: { readonly definitions: readonly DefinitionLike[] },
  operation: { readonly selectionSet: { readonly selections: readonly SelectionLike[] } },
): string[] {
  const fragments = new Map<string, DefinitionLike>();
  for (const definition of document.definitions) {
    if (definition.kind === 'FragmentDefinition' && definition.name) fragments.set(definition.name.value, definition);
  }
  const fields = new Set<string>();
  const seen = new Set<string>();
  const visit = (selections: readonly SelectionLike[]) => {
    for (const selection of selections) {
      if (selection.kind === 'Field' && selection.name) fields.add(selection.name.value);
      else if (selection.kind === 'InlineFragment' && selection.selectionSet) visit(selection.selectionSet.selections);
      else if (selection.kind === 'FragmentSpread' && selection.name && !seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        // A spread of a fragment that is not there cannot be checked: refuse it by its name.
        if (fragment?.selectionSet) visit(fragment.selectionSet.selections);
        else fields.add(`...${selection.name.value}`);
      }
    }
  };
  visit(operation.selectionSet.selections);
  return [...fields];
}
