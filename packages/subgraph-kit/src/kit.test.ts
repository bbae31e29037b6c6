import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLError, buildSchema, executeSync, parse, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { Authorized, Ctx, Field, ID, ObjectType, Query, Resolver, Directive } from 'type-graphql';
import { AccessError, DomainError, formatError, MASKED_MESSAGE } from './errors.js';
import { decodeCursor, encodeCursor, MAX_PAGE_SIZE, pageSize, toConnection } from './graphql-types.js';
import { buildFederatedSchema } from './schema.js';
import { createSubgraphServer, type SubgraphServer } from './server.js';
import { openDatabase, type Orm } from './database.js';
import { batchedReference } from './reference.js';
import { asksFor } from './selection.js';
import { hasControlCharacters, hasControlCharactersBesidesLineBreaks } from './ids.js';
import type { RequestContext } from './context.js';
import { SubgraphTestClient, makePrincipal, testDatabase, testKeys } from './testing.js';

describe('formatError', () => {
  it('passes domain errors through with their kind as the code', () => {
    // As a resolver's error arrives: wrapped in a GraphQLError with the field's path.
    const error = new GraphQLError('wrapped', { path: ['things'], originalError: new DomainError('CONFLICT', 'THING_TAKEN', 'That name is taken.') });
    expect(formatError({ message: 'wrapped', path: ['things'] }, error)).toEqual({
      message: 'That name is taken.',
      path: ['things'],
      extensions: { code: 'CONFLICT', reason: 'THING_TAKEN' },
    });
    const forbidden = new GraphQLError('x', { path: ['things'], originalError: AccessError.forbidden() });
    expect(formatError({ message: 'x', path: ['things'] }, forbidden).extensions?.code).toBe('FORBIDDEN');
  });

  it('masks anything unexpected: no message, no stack, no SQL', () => {
    const error = new GraphQLError('select * from pupil failed', { path: ['things'], originalError: new Error('connect ECONNREFUSED 10.0.0.5:5432') });
    const formatted = formatError({ message: 'select * from pupil failed', extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } }, error);
    expect(formatted).toEqual({ message: MASKED_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(formatted)).not.toMatch(/ECONNREFUSED|select|stack/);
  });
});

describe('cursor pagination helpers', () => {
  it('clamps the page size', () => {
    expect(pageSize(undefined)).toBe(50);
    expect(pageSize(0)).toBe(1);
    expect(pageSize(10_000)).toBe(MAX_PAGE_SIZE);
  });

  const ID = '0e5f1e1d-0000-4000-8000-000000000001';
  const raw = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

  it('reads back the cursors it makes, and no cursor as none', () => {
    expect(decodeCursor(encodeCursor(['Okafor', 'Maya', ID]), ['text', 'text', 'uuid'])).toEqual(['Okafor', 'Maya', ID]);
    const at = new Date('2026-11-23T09:30:00.000Z').toISOString();
    expect(decodeCursor(encodeCursor([at, ID]), ['timestamp', 'uuid'])).toEqual([at, ID]);
    expect(decodeCursor(encodeCursor([0]), ['position'])).toEqual([0]);
    expect(decodeCursor(null, ['position'])).toBeNull();
    expect(decodeCursor(undefined, ['position'])).toBeNull();
    expect(decodeCursor('', ['position'])).toBeNull();
  });

  it.each([
    ['not base64url', 'not a cursor!', ['text']],
    ['longer than any list makes', encodeCursor(['a'.repeat(2000)]), ['text']],
    ['not JSON', raw('{"a":'), ['text']],
    ['an object', raw({ a: 1 }), ['text']],
    ['too few parts', encodeCursor(['Okafor']), ['text', 'uuid']],
    ['too many parts', encodeCursor(['Okafor', ID, 'x']), ['text', 'uuid']],
    ['a number for text', raw([1]), ['text']],
    ['null for text', raw([null]), ['text']],
    ['a list for text', raw([['Okafor']]), ['text']],
    ['text over 255 characters', encodeCursor(['a'.repeat(256)]), ['text']],
    ['a NUL in text', encodeCursor(['Oka\u0000for']), ['text']],
    ['another control character in text', encodeCursor(['Oka\u009bfor']), ['text']],
    ['a malformed uuid', encodeCursor(['not-a-uuid']), ['uuid']],
    ['a timestamp that is not ISO', encodeCursor(['23/11/2026']), ['timestamp']],
    ['an impossible timestamp', encodeCursor(['2026-02-30T00:00:00.000Z']), ['timestamp']],
    ['a negative position', encodeCursor([-1]), ['position']],
    ['a fractional position', encodeCursor([1.5]), ['position']],
    ['a position beyond safe integers', raw('[1e300]'), ['position']],
    ['a position as text', encodeCursor(['3']), ['position']],
  ] as const)("refuses a cursor that is %s as the caller's mistake", (_why, cursor, shape) => {
    let thrown: unknown;
    try {
      decodeCursor(cursor, shape);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({ kind: 'BAD_USER_INPUT', message: expect.stringContaining('cursor') });
  });

  it('builds a page from limit + 1 rows', () => {
    const page = toConnection([1, 2, 3], 2, 10, (n) => `c${n}`);
    expect(page.edges.map((e) => e.node)).toEqual([1, 2]);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, endCursor: 'c2' });
    expect(toConnection([1], 2, 1, (n) => `c${n}`).pageInfo.hasNextPage).toBe(false);
  });
});

@ObjectType()
@Directive('@key(fields: "id")')
class Widget {
  @Field(() => ID)
  id: string;
}

@Resolver(() => Widget)
class WidgetResolver {
  @Authorized('careers_leader')
  @Query(() => [Widget])
  widgets(@Ctx() ctx: RequestContext): Widget[] {
    return [{ id: `for-${ctx.principal.schoolId}` }];
  }

  @Authorized('careers_leader')
  @Query(() => String)
  widgetSource(@Ctx() ctx: RequestContext<{ source: { name: string } }>): string {
    return ctx.deps.source.name;
  }
}

describe('subgraph server', () => {
  let orm: Orm;
  let server: SubgraphServer;
  let client: SubgraphTestClient;
  let schema: GraphQLSchema;
  const db = testDatabase('kit');
  const batches: string[][] = [];

  beforeAll(async () => {
    orm = await openDatabase({ service: 'kit', entities: [], migrations: [], ...db.options });
    schema = await buildFederatedSchema({
      resolvers: [WidgetResolver],
      references: {
        Widget: batchedReference(
          'Widget',
          async (ids) => {
            batches.push([...ids]);
            return ids.filter((id) => id !== 'hidden').map((id) => ({ id }));
          },
          (w) => w.id,
        ),
      },
    });
    server = await createSubgraphServer({
      name: 'kit',
      schema,
      orm,
      publicKeyPem: testKeys().publicKeyPem,
      log: () => {},
      deps: { source: { name: 'first' } },
    });
    client = await SubgraphTestClient.start(server);
  });

  afterAll(async () => {
    await server?.close();
    await orm?.close(true);
    await db.dispose();
  });

  it('answers health and readiness without a credential', async () => {
    expect((await fetch(`${client.baseUrl}/health`)).status).toBe(200);
    const ready = await fetch(`${client.baseUrl}/ready`);
    expect(await ready.json()).toMatchObject({ status: 'ready' });
  });

  it('refuses GraphQL without a credential and runs it with one, role checks included', async () => {
    expect((await client.query(null, '{ widgets { id } }')).status).toBe(401);
    const leader = makePrincipal({ roles: ['careers_leader'], schoolId: 's1' });
    expect((await client.query<{ widgets: { id: string }[] }>(leader, '{ widgets { id } }')).data?.widgets).toEqual([{ id: 'for-s1' }]);
    const pupil = makePrincipal({ roles: ['pupil'], pupilId: 'p1' });
    expect((await client.query(pupil, '{ widgets { id } }')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('batches every representation of a type in one _entities call into one load', async () => {
    batches.length = 0;
    const leader = makePrincipal({ roles: ['careers_leader'], schoolId: 's1' });
    const res = await client.query<{ _entities: ({ id: string } | null)[] }>(
      leader,
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Widget { id } } }',
      {
        r: ['a', 'hidden', 'b'].map((id) => ({ __typename: 'Widget', id })),
      },
    );
    expect(res.data?._entities).toEqual([{ id: 'a' }, null, { id: 'b' }]);
    expect(batches).toEqual([['a', 'hidden', 'b']]);
  });

  it('hands each request the deps of its own app, so two apps on one schema keep theirs apart', async () => {
    const second = await createSubgraphServer({
      name: 'kit',
      schema,
      orm,
      publicKeyPem: testKeys().publicKeyPem,
      log: () => {},
      deps: { source: { name: 'second' } },
    });
    try {
      const secondClient = await SubgraphTestClient.start(second);
      const leader = makePrincipal({ roles: ['careers_leader'], schoolId: 's1' });
      const [a, b] = await Promise.all([client, secondClient].map((c) => c.query<{ widgetSource: string }>(leader, '{ widgetSource }')));
      expect([a.data?.widgetSource, b.data?.widgetSource]).toEqual(['first', 'second']);
    } finally {
      await second.close();
    }
  });
});

describe('asksFor', () => {
  const schema = buildSchema(`
    type Node { id: ID! count: Int name: String }
    type Edge { node: Node }
    type Page { total: Int edges: [Edge] }
    type Query { page: Page }
  `);
  const seen = (query: string): boolean => {
    let asked = false;
    const rootValue = {
      page: (_args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => ((asked = asksFor(info, ['edges', 'node'], ['count'])), { total: 0, edges: [] }),
    };
    executeSync({ schema, document: parse(query), rootValue });
    return asked;
  };

  it('finds a field down a path, directly or through inline and named fragments', () => {
    expect(seen('{ page { edges { node { id count } } } }')).toBe(true);
    expect(seen('{ page { edges { ... on Edge { node { ... on Node { count } } } } } }')).toBe(true);
    expect(seen('query { page { ...P } } fragment P on Page { edges { node { ...N } } } fragment N on Node { count }')).toBe(true);
  });

  it('says no when the field is not asked for, or only somewhere else', () => {
    expect(seen('{ page { total edges { node { id name } } } }')).toBe(false);
    expect(seen('{ page { total } }')).toBe(false);
  });
});

describe('control characters in text', () => {
  it.each([
    { text: 'Maya Okafor', line: false, lines: false, reason: 'ordinary text has none' },
    { text: 'Zoë – “quoted” ✓', line: false, lines: false, reason: 'punctuation and letters beyond ASCII are not controls' },
    { text: 'two\nlines', line: true, lines: false, reason: 'a line break is a control on one line, fine over several' },
    { text: 'a\ttab and a\r\nCRLF', line: true, lines: false, reason: 'so are tabs and carriage returns' },
    { text: 'nul\u0000', line: true, lines: true, reason: 'a NUL never is fine (PostgreSQL refuses it in text)' },
    { text: '\u001b[2J', line: true, lines: true, reason: 'an escape sequence never is' },
    { text: 'c1\u0085', line: true, lines: true, reason: 'nor a C1 control' },
  ])('$reason', ({ text, line, lines }) => {
    expect(hasControlCharacters(text)).toBe(line);
    expect(hasControlCharactersBesidesLineBreaks(text)).toBe(lines);
  });
});
