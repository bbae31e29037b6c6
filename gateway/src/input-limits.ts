import {
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  isSpecifiedScalarType,
  typeFromAST,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

/**
 * The longest operation text accepted. Graphql-armor counts tokens, but one string literal is one
 * token however long it is: this bounds literals written into the query itself. Long values belong
 * in variables, where they are checked field by field below.
 */
export const MAX_DOCUMENT_CHARS = 64 * 1024;
/** The longest string any argument or input field takes, unless LARGE_INPUTS says otherwise. */
export const MAX_STRING_CHARS = 20_000;
/** The most items in one list (a roster sent as rows has at most 25,000). */
export const MAX_LIST_ITEMS = 50_000;

/** Input fields that carry whole files, and how many characters each may hold. */
export const LARGE_INPUTS: Readonly<Record<string, number>> = {
  // The request body's own limit (16 MB) is the real bound for a roster file.
  'RosterImportInput.fileBase64': 16 * 1024 * 1024,
  'ImportRegisterInput.csv': 2 * 1024 * 1024,
  // A local authority's or college's confirmation file (the destinations subgraph refuses more than 2,000,000 characters).
  'SpellImportInput.csv': 2 * 1024 * 1024,
};

/**
 * Why the operation's variables are too large to run, or null. Walks each variable's value along its
 * declared input type, so a field named in `largeInputs` may take a file and every other string,
 * list and custom scalar (whose value may nest strings) is held to the general limits.
 */
export function oversizedInput(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  largeInputs: Readonly<Record<string, number>> = LARGE_INPUTS,
): string | null {
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type as never) as GraphQLInputType | undefined;
    if (!type || !variables || !(name in variables)) continue;
    const problem = check(type, variables[name], `$${name}`, largeInputs);
    if (problem) return problem;
  }
  return null;
}

function tooLong(path: string, limit: number): string {
  return `The value of ${path} is too long: it can hold at most ${limit.toLocaleString('en-GB')} characters.`;
}

function check(type: GraphQLInputType, value: unknown, path: string, largeInputs: Readonly<Record<string, number>>): string | null {
  if (value === null || value === undefined) return null;
  if (isNonNullType(type)) return check(type.ofType, value, path, largeInputs);
  if (isListType(type)) {
    // A single value where a list is expected is read as a list of one.
    if (!Array.isArray(value)) return check(type.ofType, value, path, largeInputs);
    if (value.length > MAX_LIST_ITEMS) return `The value of ${path} is too long: it can hold at most ${MAX_LIST_ITEMS.toLocaleString('en-GB')} items.`;
    for (let i = 0; i < value.length; i += 1) {
      const problem = check(type.ofType, value[i], `${path}[${i}]`, largeInputs);
      if (problem) return problem;
    }
    return null;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object') return null;
    const fields = type.getFields();
    for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[name];
      // An unknown field fails coercion anyway; nothing of it is used.
      if (!field) continue;
      const large = largeInputs[`${type.name}.${name}`];
      if (large !== undefined && getNamedType(field.type).name === 'String' && typeof item === 'string') {
        if (item.length > large) return tooLong(`${path}.${name}`, large);
        continue;
      }
      const problem = check(field.type, item, `${path}.${name}`, largeInputs);
      if (problem) return problem;
    }
    return null;
  }
  if (isScalarType(type) && !isSpecifiedScalarType(type)) return checkAny(value, path);
  return typeof value === 'string' && value.length > MAX_STRING_CHARS ? tooLong(path, MAX_STRING_CHARS) : null;
}

/** A custom scalar's value, which may be any JSON: every string and list in it is held to the limits. */
function checkAny(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.length > MAX_STRING_CHARS ? tooLong(path, MAX_STRING_CHARS) : null;
  if (Array.isArray(value) && value.length > MAX_LIST_ITEMS)
    return `The value of ${path} is too long: it can hold at most ${MAX_LIST_ITEMS.toLocaleString('en-GB')} items.`;
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const problem = checkAny(item, `${path}.${key}`);
      if (problem) return problem;
    }
  }
  return null;
}
