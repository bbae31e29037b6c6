import { mapSchema, MapperKind, pruneSchema } from '@graphql-tools/utils';
import { buildSchema, GraphQLSchema, isNonNullType, printSchema, type ASTNode, type GraphQLArgument, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { API_FIELD_SCOPES, type ApiScope, type RootOperation } from '@waymark/auth';

/** A root field as an integration sees it: in the public schema and in the scope catalogue. */
export interface ApiOperation {
  operation: Exclude<RootOperation, 'subscription'>;
  name: string;
  scope: ApiScope;
  description: string;
  /** `schools: [School!]`, as the schema writes it, with its arguments. */
  signature: string;
  field: GraphQLField<unknown, unknown>;
}

type Directed = { astNode?: Maybe<{ readonly directives?: readonly { readonly name: { readonly value: string } }[] }> };
type Maybe<T> = T | null | undefined;

/** True for an element composition marked `@inaccessible`: only subgraphs can reach it, never a client. */
export function isInaccessible(element: Directed | { astNode?: Maybe<ASTNode> }): boolean {
  const node = element.astNode as Directed['astNode'];
  return node?.directives?.some((directive) => directive.name.value === 'inaccessible') ?? false;
}

/** The committed supergraph (with its federation directives) as graphql-js reads it. */
export function readSupergraph(supergraphSdl: string): GraphQLSchema {
  return buildSchema(supergraphSdl, { assumeValidSDL: true });
}

function rootsOf(schema: GraphQLSchema): [Exclude<RootOperation, 'subscription'>, GraphQLObjectType | null | undefined][] {
  return [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ];
}

function signatureOf(field: GraphQLField<unknown, unknown>): string {
  const args = field.args.filter((arg) => !isInaccessible(arg));
  const written = args.map((arg: GraphQLArgument) => `${arg.name}: ${String(arg.type)}`).join(', ');
  return `${field.name}${written ? `(${written})` : ''}: ${String(field.type)}`;
}

/**
 * What a trust's API key can use: every root field a client can reach (not `@inaccessible`) that the
 * scope catalogue names, queries first, each list in the schema's order. Everything else in the
 * supergraph is for people signed in to Waymark, and API keys are refused it.
 */
export function apiOperations(supergraph: GraphQLSchema): ApiOperation[] {
  return rootsOf(supergraph).flatMap(([operation, type]) =>
    Object.values(type?.getFields() ?? {})
      .filter((field) => !isInaccessible(field))
      .flatMap((field) => {
        const catalogue: Readonly<Record<string, ApiScope>> = API_FIELD_SCOPES[operation];
        if (!Object.hasOwn(catalogue, field.name)) return [];
        return [
          { operation, name: field.name, scope: catalogue[field.name], description: field.description?.trim() ?? '', signature: signatureOf(field), field },
        ];
      }),
  );
}

/** Root fields that take a required argument an example cannot make up (an id) are shown with it as a variable. */
export function requiredArguments(field: GraphQLField<unknown, unknown>): GraphQLArgument[] {
  return field.args.filter((arg) => isNonNullType(arg.type) && !isInaccessible(arg));
}

/**
 * The schema an integration holding `scopes` can use, as SDL: the root fields the catalogue gives
 * those scopes (and a client can reach), and only the types, fields, arguments and enum values they
 * reach. Federation's own directives and types, and everything `@inaccessible`, are left out.
 */
export function scopedSdl(supergraph: GraphQLSchema, scopes: readonly string[]): string {
  const allowed = new Set(
    apiOperations(supergraph)
      .filter((op) => scopes.includes(op.scope))
      .map((op) => `${op.operation}.${op.name}`),
  );
  const rootNames = new Map<string, string>(rootsOf(supergraph).flatMap(([operation, type]) => (type ? [[type.name, operation] as [string, string]] : [])));
  const federation = (name: string) => /^(join|link|federation)__/.test(name);
  const federationDirective = (name: string) => ['link', 'inaccessible', 'tag', 'authenticated', 'requiresScopes', 'policy'].includes(name) || federation(name);
  const mapped = mapSchema(supergraph, {
    [MapperKind.DIRECTIVE]: (directive) => (federationDirective(directive.name) ? null : directive),
    [MapperKind.TYPE]: (type) => (federation(type.name) || isInaccessible(type) ? null : type),
    [MapperKind.OBJECT_FIELD]: (config, fieldName, typeName) => {
      if (isInaccessible(config)) return null;
      const operation = rootNames.get(typeName);
      if (operation && !allowed.has(`${operation}.${fieldName}`)) return null;
      return config;
    },
    [MapperKind.INTERFACE_FIELD]: (config) => (isInaccessible(config) ? null : config),
    [MapperKind.INPUT_OBJECT_FIELD]: (config) => (isInaccessible(config) ? null : config),
    [MapperKind.ARGUMENT]: (config) => (isInaccessible(config) ? null : config),
    [MapperKind.ENUM_VALUE]: (config) => (isInaccessible(config) ? null : config),
  });
  // A root type left without fields is no root at all (and an object type without fields is not valid).
  const config = mapped.toConfig();
  const hasFields = (type: GraphQLObjectType | null | undefined) => type && Object.keys(type.getFields()).length > 0;
  const query = hasFields(config.query) ? config.query : undefined;
  const mutation = hasFields(config.mutation) ? config.mutation : undefined;
  const types = config.types.filter((type) => type !== config.query && type !== config.mutation && type !== config.subscription);
  if (!query && !mutation) return '';
  const schema = new GraphQLSchema({
    ...config,
    query,
    mutation,
    subscription: undefined,
    types: [...types, ...(query ? [query] : []), ...(mutation ? [mutation] : [])],
    astNode: undefined,
    extensionASTNodes: [],
  });
  return `${printSchema(pruneSchema(schema)).trim()}\n`;
}
