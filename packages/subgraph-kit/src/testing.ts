import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREDENTIAL_HEADER, CredentialSigner, generateCredentialKeys, type KeyPairPem, type Principal } from '@waymark/auth';
import { actAsAppRole, databaseName, dropPostgresDatabase, openDatabase, type DatabaseOptions, type Orm } from './database.js';
import type { ServiceDefinition } from './service.js';
import type { SubgraphServer } from './server.js';
import { beginRequestTransaction, isRequestFraming, registerRequestTransaction, tablesWithoutRowSecurity } from './tenancy.js';

/** One key pair per test process: subgraphs verify with the public half, tests sign with the private. */
let keys: KeyPairPem | undefined;
export function testKeys(): KeyPairPem {
  keys ??= generateCredentialKeys();
  return keys;
}

export function testSigner(): CredentialSigner {
  return new CredentialSigner(testKeys().privateKeyPem);
}

export function makePrincipal(partial: Partial<Principal> & Pick<Principal, 'roles'>): Principal {
  return {
    kind: 'user',
    accountId: partial.accountId ?? `acct-${randomBytes(4).toString('hex')}`,
    displayName: 'Test user',
    trustId: null,
    schoolId: null,
    pupilId: null,
    volunteerId: null,
    employerId: null,
    childPupilIds: [],
    pupilLevelAccess: false,
    scopes: [],
    ...partial,
  };
}

/**
 * Where a test's database lives: a throwaway PostgreSQL database when DATABASE_URL is set (dropped
 * by `dispose`; a copy of the service's migrated template, see `fromTemplate` in database.ts, when
 * opened to be migrated), otherwise an in-memory PGlite.
 */
export function testDatabase(service: string): {
  options: Pick<DatabaseOptions, 'databaseUrl' | 'databasePrefix' | 'dataDir' | 'fromTemplate'>;
  dispose: () => Promise<void>;
} {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  if (!databaseUrl) return { options: { dataDir: 'memory://' }, dispose: async () => {} };
  const prefix = `waymark_t${randomBytes(4).toString('hex')}_`;
  return {
    options: { databaseUrl, databasePrefix: prefix, fromTemplate: true },
    dispose: () => dropPostgresDatabase(databaseUrl, databaseName(prefix, service)),
  };
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; [key: string]: unknown } }[];
}

/** Calls a running subgraph over HTTP, as the gateway would, with a credential for `principal`. */
export class SubgraphTestClient {
  private constructor(private readonly url: string) {}

  static async start(server: SubgraphServer): Promise<SubgraphTestClient> {
    const port = await server.listen(0);
    return new SubgraphTestClient(`http://127.0.0.1:${port}`);
  }

  get baseUrl(): string {
    return this.url;
  }

  async query<T = Record<string, unknown>>(principal: Principal | null, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (principal) headers[CREDENTIAL_HEADER] = await testSigner().sign(principal);
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
    return { status: response.status, ...body };
  }
}

/**
 * Counts the SQL statements `run` sends through `orm` (every statement reaches the logger, enabled or
 * not), leaving out what frames each request (its transaction and tenant: `isRequestFraming`) unless
 * `framing` is asked for.
 */
export async function countStatements<T>(orm: Orm, run: () => Promise<T>, { framing = false } = {}): Promise<{ result: T; statements: string[] }> {
  const logger = orm.config.getLogger();
  const original = logger.logQuery.bind(logger);
  const statements: string[] = [];
  logger.logQuery = (context) => {
    if (context.query && (framing || !isRequestFraming(context.query))) statements.push(context.query);
    original(context);
  };
  try {
    return { result: await run(), statements };
  } finally {
    logger.logQuery = original;
  }
}

/**
 * Runs `work` as a request of `principal` runs it: in a request's transaction (its role, its tenant,
 * the gate its bypasses need, registered so `permitPupils` and `permitSchools` widen it), committed
 * when `work` succeeds and rolled back when it throws, or rolled back either way with `commit: false`.
 * For tests that call a service directly rather than through the API.
 */
export async function asRequest<T>(orm: Orm, principal: Principal, work: (em: EntityManager) => Promise<T>, { commit = true } = {}): Promise<T> {
  const transaction = await beginRequestTransaction(orm.em.fork(), principal);
  registerRequestTransaction(transaction);
  let ok = false;
  try {
    const result = await work(transaction.em);
    ok = commit;
    return result;
  } finally {
    await transaction.end(ok);
  }
}

/**
 * A deliberately unscoped read: `select * from <table>` with no `where` at all, run as a request of
 * `principal` runs (its transaction, role and tenant; rolled back afterwards). Answers how many rows
 * came back and from which schools (`school_id`, when the table has one).
 */
export async function unscopedRead(orm: Orm, principal: Principal, table: string): Promise<{ rows: number; schools: string[] }> {
  const rows = await asRequest(orm, principal, (em) => em.execute<Record<string, unknown>[]>(`select * from "${table}"`), { commit: false });
  const schools = new Set(rows.map((row) => row.school_id).filter((id): id is string => typeof id === 'string'));
  return { rows: rows.length, schools: [...schools].sort() };
}

/**
 * The row-level security cases every subgraph with school or pupil rows runs (docs/security.md,
 * "Row-level security"), on its own database seeded with the demo data: every such table has a
 * policy; a query with no `where`, as `leader` (one school's careers leader), returns only that
 * school's rows, though `otherSchoolId`'s rows are there; with no tenant it returns nothing.
 * `tables[0]` must hold seeded rows of both schools.
 */
export function describeRowSecurity(options: {
  definition: Pick<ServiceDefinition, 'name' | 'entities' | 'migrations' | 'seed'>;
  tables: readonly string[];
  leader: Principal;
  otherSchoolId: string;
}): void {
  const { definition, tables, leader, otherSchoolId } = options;
  const gateway: Principal = { ...makePrincipal({ roles: [] }), kind: 'system' };
  const db = testDatabase(definition.name);
  let orm: Orm;

  beforeAll(async () => {
    orm = await openDatabase({ service: definition.name, entities: definition.entities, migrations: definition.migrations, ...db.options });
    await definition.seed?.(orm, { secondTrust: false });
  });

  afterAll(async () => {
    await orm?.close(true);
    await db.dispose();
  });

  describe(`row-level security in ${definition.name}`, () => {
    it('covers every table that holds a school’s or a pupil’s rows', async () => {
      expect(await tablesWithoutRowSecurity(orm.em.fork())).toEqual([]);
    });

    it('an unscoped select as one school’s careers leader returns only that school’s rows', async () => {
      const seeded = await unscopedRead(orm, leader, tables[0]);
      expect(seeded.rows).toBeGreaterThan(0);
      for (const table of tables) {
        const { schools } = await unscopedRead(orm, leader, table);
        expect(
          schools.filter((id) => id !== leader.schoolId),
          table,
        ).toEqual([]);
      }
      // The other school's rows are there: the owner, who bypasses, sees them.
      const [{ count }] = await orm.em
        .fork()
        .execute<{ count: string }[]>(`select count(*) as count from "${tables[0]}" where "school_id" = ?`, [otherSchoolId]);
      expect(Number(count)).toBeGreaterThan(0);
    });

    it('the same select with no tenant returns nothing', async () => {
      for (const table of tables) expect((await unscopedRead(orm, gateway, table)).rows, table).toBe(0);
    });
  });
}

export interface TestSubgraph {
  orm: Orm;
  app: SubgraphServer;
  client: SubgraphTestClient;
  close(): Promise<void>;
}

/**
 * A subgraph as its resolver tests use it: its own real database (see `testDatabase`), migrated and
 * seeded with the demo data, served through its `createApp` on a free port.
 */
export async function startTestSubgraph(
  definition: Pick<ServiceDefinition, 'name' | 'entities' | 'migrations' | 'seed'>,
  createApp: (deps: { env: { publicKeyPem: string; nodeEnv: 'test' }; orm: Orm }) => Promise<SubgraphServer>,
  { seed = true, appRole = false }: { seed?: boolean; appRole?: boolean } = {},
): Promise<TestSubgraph> {
  const db = testDatabase(definition.name);
  let orm: Orm | undefined;
  let app: SubgraphServer | undefined;
  const close = async () => {
    await app?.close();
    await orm?.close(true);
    await db.dispose();
  };
  try {
    const options = { service: definition.name, entities: definition.entities, migrations: definition.migrations, ...db.options };
    orm = await openDatabase(options);
    if (seed) await definition.seed?.(orm, { secondTrust: false });
    // As the running service: after its start-up, every connection (background work's too) acts as the app role.
    if (appRole) orm = await actAsAppRole(orm, options);
    app = await createApp({ env: { publicKeyPem: testKeys().publicKeyPem, nodeEnv: 'test' }, orm });
    return { orm, app, client: await SubgraphTestClient.start(app), close };
  } catch (error) {
    await close();
    throw error;
  }
}

export * from './pupils-stand-in.js';
export * from './sync-testing.js';
