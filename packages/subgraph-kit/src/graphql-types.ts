import { Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { InputError } from './errors.js';
import { hasControlCharacters, isUuid } from './ids.js';

// These value types appear in several subgraphs, so Federation needs them marked shareable.

/** A field that failed validation, with a message a person can act on. */
@ObjectType()
@Directive('@shareable')
export class FieldError {
  @Field()
  field: string;

  @Field()
  message: string;
}

/** The error half of every `<Mutation>Result`: expected outcomes live in the schema. */
@ObjectType()
@Directive('@shareable')
export class MutationError {
  @Field()
  code: string;

  @Field()
  message: string;

  @Field(() => [FieldError])
  fields: FieldError[];
}

export function mutationError(code: string, message: string, fields: FieldError[] = []): MutationError {
  return Object.assign(new MutationError(), { code, message, fields });
}

@ObjectType()
@Directive('@shareable')
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

export interface Edge<T> {
  cursor: string;
  node: T;
}
export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** `XConnection` / `XEdge` object types for a node type (cursor pagination, capped page size). */
export function connectionTypes<T extends object>(node: ClassType<T>, name: string): ClassType<Connection<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return ConnectionType as ClassType<Connection<T>>;
}

export function encodeCursor(parts: (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** What one place of a cursor holds: text (a name), a uuid, an ISO timestamp, or a position from 0. */
export type CursorPart = 'text' | 'uuid' | 'timestamp' | 'position';
export type DecodedCursor<Shape extends readonly CursorPart[]> = { -readonly [K in keyof Shape]: Shape[K] extends 'position' ? number : string };

/** No list gives out a cursor this long; anything longer was made by hand. */
export const MAX_CURSOR_LENGTH = 1024;
/** The longest text a list orders by (a 255-character name). */
const MAX_CURSOR_TEXT = 255;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function isCursorPart(kind: CursorPart, value: unknown): boolean {
  switch (kind) {
    case 'text':
      return typeof value === 'string' && value.length <= MAX_CURSOR_TEXT && !hasControlCharacters(value);
    case 'uuid':
      return isUuid(value);
    case 'timestamp':
      return typeof value === 'string' && ISO_TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value;
    case 'position':
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
  }
}

/**
 * The parts of an `after` cursor, checked against the shape the list encodes (`encodeCursor`); null
 * when there is none. A cursor comes back from the caller, so anyone can craft one: each part must
 * have the type the list's SQL expects, or a crafted cursor would reach the database and fail there.
 * Anything else is the caller's mistake (BAD_USER_INPUT), never a server error.
 */
export function decodeCursor<const Shape extends readonly CursorPart[]>(cursor: string | null | undefined, shape: Shape): DecodedCursor<Shape> | null {
  if (cursor === null || cursor === undefined || cursor === '') return null;
  const refused = InputError.invalid('The after cursor is not one this list gave out. Ask for the first page again, then page on with pageInfo.endCursor.');
  if (cursor.length > MAX_CURSOR_LENGTH || !BASE64URL.test(cursor)) throw refused;
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refused;
  }
  if (!Array.isArray(parts) || parts.length !== shape.length || !shape.every((kind, i) => isCursorPart(kind, parts[i]))) throw refused;
  return parts as DecodedCursor<Shape>;
}

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  return Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(first)));
}

/** Builds a connection from `limit + 1` rows fetched after the cursor. */
export function toConnection<T>(rows: T[], limit: number, totalCount: number, cursorOf: (row: T) => string): Connection<T> {
  const page = rows.slice(0, limit);
  const pageInfo = Object.assign(new PageInfo(), {
    hasNextPage: rows.length > limit,
    endCursor: page.length > 0 ? cursorOf(page[page.length - 1]) : null,
  });
  return { edges: page.map((node) => ({ cursor: cursorOf(node), node })), pageInfo, totalCount };
}
