import {
  getNamedType,
  isEnumType,
  type GraphQLArgument,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
} from 'graphql';
import { isInaccessible, requiredArguments, type ApiOperation } from './api-schema.js';

/** How many leaf fields of one type an example shows, and how deep it goes: a starting point, not every field. */
const LEAVES_PER_TYPE = 6;
const MAX_DEPTH = 3;

function isLeaf(type: GraphQLNamedType): boolean {
  return isScalarType(type) || isEnumType(type);
}

/** Fields an example may select: reachable by a client, with no argument it would have to make up. */
function selectable(type: GraphQLObjectType): GraphQLField<unknown, unknown>[] {
  return Object.values(type.getFields()).filter((field) => !isInaccessible(field) && requiredArguments(field).length === 0);
}

/** A selection set for an object type: its first few leaf fields, then (within the depth) the fields of the objects it holds. */
function selectionFor(type: GraphQLObjectType, depth: number, indent: string): string {
  const fields = selectable(type);
  const leaves = fields.filter((field) => isLeaf(getNamedType(field.type))).slice(0, LEAVES_PER_TYPE);
  const lines = leaves.map((field) => `${indent}${field.name}`);
  if (depth < MAX_DEPTH) {
    // A connection's edges, each edge's node and the page info do not count towards the depth, so
    // every paged example shows the items and how to page.
    const names = fields.map((field) => field.name);
    const plumbing =
      names.includes('edges') && names.includes('pageInfo') ? ['edges', 'pageInfo'] : names.includes('node') && names.includes('cursor') ? ['node'] : null;
    const nested = fields.filter((field) => isObjectType(getNamedType(field.type)) && (!plumbing || plumbing.includes(field.name)));
    for (const field of nested.slice(0, 2)) {
      const inner = selectionFor(getNamedType(field.type) as GraphQLObjectType, plumbing ? depth : depth + 1, `${indent}  `);
      if (inner) lines.push(`${indent}${field.name} {\n${inner}\n${indent}}`);
    }
  }
  return lines.join('\n');
}

/**
 * The arguments an example passes, as variables: the required ones, and the school, which a trust's
 * key names for one school's figures (the trust's own figures come from the fields without it).
 */
export function exampleArguments(field: GraphQLField<unknown, unknown>): GraphQLArgument[] {
  return field.args.filter((arg) => !isInaccessible(arg) && (requiredArguments(field).includes(arg) || arg.name === 'schoolId'));
}

/** An operation that uses one root field, its arguments as variables (see exampleArguments). */
export function exampleDocument(op: ApiOperation): string {
  const required = exampleArguments(op.field);
  const variables = required.length ? `(${required.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ')})` : '';
  const call = required.length ? `${op.name}(${required.map((arg) => `${arg.name}: $${arg.name}`).join(', ')})` : op.name;
  const named = getNamedType(op.field.type);
  const selection = isObjectType(named) ? selectionFor(named, 1, '    ') : '';
  const name = op.name.charAt(0).toUpperCase() + op.name.slice(1);
  return `${op.operation} ${name}${variables} {\n  ${call}${selection ? ` {\n${selection}\n  }` : ''}\n}`;
}
