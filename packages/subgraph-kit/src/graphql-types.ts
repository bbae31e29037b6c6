import { Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';

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

export function decodeCursor(cursor: string | null | undefined): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
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
