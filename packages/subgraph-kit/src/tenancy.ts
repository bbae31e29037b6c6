import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from '@mikro-orm/sql';
import { hasRole, type Principal } from '@waymark/auth';
import { scopeOf } from './authorize.js';
import { gateOf, guardRequestTransaction } from './bypass-gate.js';
import type { RequestContext } from './context.js';
import type { Orm } from './database.js';
import { isUuid } from './ids.js';

/*
 * The database's own tenant check (docs/security.md, "Row-level security"). Every table holding a
 * school's or a pupil's rows has row-level security, forced on its owner too; requests run as
 * APP_ROLE, which is not a superuser, owns nothing and cannot bypass it. Each request's statements
 * run in one transaction that starts by naming the caller's school, trust and permitted pupils in
 * transaction-local settings, which the policies read. A query that forgets its `where` therefore
 * returns the caller's rows, or none, never another school's.
 */

/** The role requests (and, in a running service, every connection) act as. */
export const APP_ROLE = 'waymark_app';

/** The settings the policies read (`current_setting(name, true)`); all transaction-local. */
export const TENANT_SETTINGS = {
  /**
   * The schools whose rows the caller may read: staff (careers leader, staff, careers adviser) their
   * own; a trust analyst the school the resolvers have checked is one of the trust's (permitSchools),
   * for tables without a trust column.
   */
  schools: 'waymark.schools',
  /** The trust whose analysts ask (its schools' rows; pupil-level detail stays the resolvers' call). */
  trust: 'waymark.trust',
  /** The school a pupil or parent belongs to: its school-level rows (an activity), never its other pupils'. */
  memberSchool: 'waymark.member_school',
  /** Pupils whose own rows the caller may read: themself, their linked children, pupils whose record access was granted. */
  pupils: 'waymark.pupils',
  /** The employer or alumni volunteer who asks: the rows that name them (an encounter they are listed on). */
  volunteer: 'waymark.volunteer',
  /** 'on' only inside a named, logged system access (withSystemAccess, withRequestBypass). */
  bypass: 'waymark.bypass',
} as const;

/** What a request may see, as the policies know it. */
export interface Tenant {
  schoolIds: string[];
  trustId: string | null;
  memberSchoolId: string | null;
  pupilIds: string[];
  volunteerId: string | null;
}

const NOBODY: Tenant = { schoolIds: [], trustId: null, memberSchoolId: null, pupilIds: [], volunteerId: null };

const uuidOrNull = (value: string | null | undefined): string | null => (value && isUuid(value) ? value : null);

/** The tenant of a caller: from their scope, their own pupil id and their linked children. The gateway itself: nobody. */
export function tenantOf(principal: Principal): Tenant {
  if (principal.kind === 'system') return NOBODY;
  const scope = scopeOf(principal);
  const pupilIds = new Set<string>();
  if (hasRole(principal, 'pupil') && principal.pupilId) pupilIds.add(principal.pupilId);
  if (hasRole(principal, 'parent')) for (const id of principal.childPupilIds ?? []) pupilIds.add(id);
  return {
    schoolIds: scope.kind === 'school' && isUuid(scope.schoolId) ? [scope.schoolId] : [],
    trustId: scope.kind === 'trust' ? uuidOrNull(scope.trustId) : null,
    memberSchoolId: scope.kind === 'school' || scope.kind === 'trust' ? null : uuidOrNull(principal.schoolId),
    pupilIds: [...pupilIds].filter(isUuid),
    volunteerId: scope.kind === 'volunteer' ? uuidOrNull(scope.volunteerId) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Migrations. The SQL these return becomes part of migrations that have landed: never change what
// an existing function returns; add a new one instead.
// ---------------------------------------------------------------------------------------------

/**
 * The application role (roles are shared by every database of a server, so it is made only when
 * missing, and a second service making it at the same moment is not an error), made a member of the
 * migrating owner so it can switch to it, and granted reading and writing of this database's tables
 * and sequences, present and future. No DDL, no TRUNCATE, no BYPASSRLS.
 */
export function appRoleSqlV1(): string[] {
  return [
    `do $$ begin
  if not exists (select 1 from pg_roles where rolname = '${APP_ROLE}') then
    begin
      create role "${APP_ROLE}" nologin nosuperuser nobypassrls noinherit;
    exception when duplicate_object or unique_violation then null;
    end;
  end if;
  if not pg_has_role(current_user, '${APP_ROLE}', 'member') then
    execute format('grant %I to %I', '${APP_ROLE}', current_user);
  end if;
end $$;`,
    `grant usage on schema public to "${APP_ROLE}";`,
    `grant select, insert, update, delete on all tables in schema public to "${APP_ROLE}";`,
    `grant usage, select on all sequences in schema public to "${APP_ROLE}";`,
    `alter default privileges in schema public grant select, insert, update, delete on tables to "${APP_ROLE}";`,
    `alter default privileges in schema public grant usage, select on sequences to "${APP_ROLE}";`,
  ];
}

const setting = (name: string): string => `nullif(current_setting('${name}', true), '')`;

/** The settings as SQL, in one of two shapes (see TENANT_SQL). */
interface TenantSql {
  bypassed: string;
  schools: string;
  trust: string;
  memberSchool: string;
  pupils: string;
  volunteer: string;
}

/**
 * As the first policies were written (and the migrations that made them still write): each setting
 * read and parsed again for every row a statement looks at. Never change it: landed migrations run it.
 */
const TENANT_SQL_V1: TenantSql = {
  bypassed: `current_setting('${TENANT_SETTINGS.bypass}', true) = 'on'`,
  schools: `string_to_array(${setting(TENANT_SETTINGS.schools)}, ',')::uuid[]`,
  trust: `${setting(TENANT_SETTINGS.trust)}::uuid`,
  memberSchool: `${setting(TENANT_SETTINGS.memberSchool)}::uuid`,
  pupils: `string_to_array(${setting(TENANT_SETTINGS.pupils)}, ',')::uuid[]`,
  volunteer: `${setting(TENANT_SETTINGS.volunteer)}::uuid`,
};

/**
 * The settings as the policies read them now: each in a sub-select, which PostgreSQL works out once
 * per statement (an InitPlan) instead of once per row. On 500,000 rows that took a scan from 364 ms to
 * 62 ms for one school's staff, and from 110 ms to 78 ms under a bypass (60 ms with no policy at all).
 * Use these in a rule's `extra` conditions: `"school_id" = any(${TENANT_SQL.schools})`,
 * `"volunteer_ids" @> array[${TENANT_SQL.volunteer}]`.
 */
export const TENANT_SQL: TenantSql = {
  // Each sub-select names its column as PostgreSQL would, so MikroORM's schema diff reads the
  // policies back as written (it compares them with PostgreSQL's own rendering).
  bypassed: `(select current_setting('${TENANT_SETTINGS.bypass}', true) as current_setting) = 'on'`,
  schools: `(select string_to_array(${setting(TENANT_SETTINGS.schools)}, ',')::uuid[] as string_to_array)::uuid[]`,
  trust: `(select ${setting(TENANT_SETTINGS.trust)}::uuid as "nullif")`,
  memberSchool: `(select ${setting(TENANT_SETTINGS.memberSchool)}::uuid as "nullif")`,
  pupils: `(select string_to_array(${setting(TENANT_SETTINGS.pupils)}, ',')::uuid[] as string_to_array)::uuid[]`,
  volunteer: `(select ${setting(TENANT_SETTINGS.volunteer)}::uuid as "nullif")`,
};

/**
 * How a table's rows belong to tenants:
 * - `pupil`: a pupil's rows (school_id, optional trust_id, pupil_id): staff of the school, analysts of
 *   the trust, and callers permitted that pupil;
 * - `school`: a school's own rows (school_id, optional trust_id): staff, analysts of the trust, and
 *   the school's own pupils and parents;
 * - `pupilOnly`: a pupil's rows with no school on them (pupil_id): callers permitted that pupil;
 * - `staff`: a school's working rows that its pupils and parents never read (school_id, optional
 *   trust_id; `schoolColumn` when the school is the row itself): staff and analysts of the trust;
 * - `trust`: a trust's own rows (trust_id only): that trust's analysts.
 */
export type TenantRule = (
  | { kind: 'pupil'; trust: boolean; pupilColumn?: string }
  | { kind: 'school'; trust: boolean }
  | { kind: 'pupilOnly'; pupilColumn?: string }
  | { kind: 'staff'; trust: boolean; schoolColumn?: string }
  | { kind: 'trust' }
) & {
  /** Further conditions under which a row is visible (SQL over the row's columns), OR-ed with the rest. */
  extra?: string[];
};

function conditionOf(rule: TenantRule, sql: TenantSql): string {
  const parts = [sql.bypassed];
  if (rule.kind === 'staff') parts.push(`"${rule.schoolColumn ?? 'school_id'}" = any(${sql.schools})`);
  else if (rule.kind === 'pupil' || rule.kind === 'school') parts.push(`"school_id" = any(${sql.schools})`);
  if (rule.kind === 'trust' || ((rule.kind === 'pupil' || rule.kind === 'school' || rule.kind === 'staff') && rule.trust))
    parts.push(`"trust_id" = ${sql.trust}`);
  if (rule.kind === 'school') parts.push(`"school_id" = ${sql.memberSchool}`);
  if (rule.kind === 'pupil' || rule.kind === 'pupilOnly') parts.push(`"${rule.pupilColumn ?? 'pupil_id'}" = any(${sql.pupils})`);
  parts.push(...(rule.extra ?? []));
  return parts.map((part) => `(${part})`).join(' or ');
}

/** A rule's condition as the policies are written now (TENANT_SQL). */
export function tenantCondition(rule: TenantRule): string {
  return conditionOf(rule, TENANT_SQL);
}

/**
 * The same policy as entity metadata, so MikroORM's schema diff (and `check`) knows it:
 * `@Entity({ tableName, ...tenantPolicy(rule) })`. A change to it is a change of the entities:
 * `migration:create` writes the migration that recreates the policies.
 */
export function tenantPolicy(
  rule: TenantRule,
  openings: PolicyOpenings = {},
): { policies: { name: string; command: 'all' | 'select' | 'insert'; using?: string; check?: string }[]; rowLevelSecurity: 'force' } {
  const condition = tenantCondition(rule);
  return {
    policies: [
      { name: 'tenant', command: 'all', using: condition, check: condition },
      ...(openings.readableByAll ? [{ name: 'read', command: 'select' as const, using: 'true' }] : []),
      ...(openings.readableWhen ? [{ name: 'read', command: 'select' as const, using: openings.readableWhen }] : []),
      ...(openings.appendableByAll ? [{ name: 'append', command: 'insert' as const, check: 'true' }] : []),
    ],
    rowLevelSecurity: 'force',
  };
}

/**
 * Where a table opens wider than its tenant rule, for one command only:
 * - `readableByAll`: anyone may read every row (a directory, such as the list of schools); writes
 *   still follow the rule;
 * - `readableWhen`: callers for whom the condition holds may read a row (a trust's analysts their
 *   schools' rows in a table without a trust column); writes still follow the rule;
 * - `appendableByAll`: anyone may add a row (an append-only log whose rows name the school whose log
 *   shows them, which may not be the writer's); reading, changing and deleting still follow the rule.
 */
export interface PolicyOpenings {
  readableByAll?: boolean;
  /** SQL over the row: who else may read it (and only read it), beside the rule. */
  readableWhen?: string;
  appendableByAll?: boolean;
}

/** Row-level security, forced on the owner too, with one policy `tenant` for every command. */
export function tenantPolicySqlV1(table: string, rule: TenantRule): string[] {
  const condition = conditionOf(rule, TENANT_SQL_V1);
  return [
    `alter table "${table}" enable row level security;`,
    `alter table "${table}" force row level security;`,
    `drop policy if exists "tenant" on "${table}";`,
    `create policy "tenant" on "${table}" for all using (${condition}) with check (${condition});`,
  ];
}

/** As `tenantPolicySqlV1`, with the openings (`PolicyOpenings`) as policies of their own. */
export function tenantPolicySqlV2(table: string, rule: TenantRule, openings: PolicyOpenings = {}): string[] {
  return [
    ...tenantPolicySqlV1(table, rule),
    `drop policy if exists "read" on "${table}";`,
    `drop policy if exists "append" on "${table}";`,
    ...(openings.readableByAll ? [`create policy "read" on "${table}" for select using (true);`] : []),
    ...(openings.appendableByAll ? [`create policy "append" on "${table}" for insert with check (true);`] : []),
  ];
}

/**
 * The tables that hold a school's, a trust's or a pupil's rows (a `school_id`, `trust_id` or
 * `pupil_id` column) but are not under forced row-level security: a service's tests expect none, so
 * a new table cannot arrive without its policy.
 */
export async function tablesWithoutRowSecurity(em: EntityManager): Promise<string[]> {
  const rows = await em.execute<{ table: string }[]>(
    `select c.relname as "table"
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r'
        and not (c.relrowsecurity and c.relforcerowsecurity)
        and exists (select 1 from pg_attribute a where a.attrelid = c.oid and not a.attisdropped and a.attname in ('school_id', 'trust_id', 'pupil_id'))
      order by 1`,
  );
  return rows.map((row) => row.table);
}

// ---------------------------------------------------------------------------------------------
// Runtime.
// ---------------------------------------------------------------------------------------------

/**
 * PGlite is one connection: a transaction open on it catches every statement sent meanwhile, whoever
 * sends it. Requests and system accesses on a PGlite database therefore take turns; PostgreSQL gives
 * each its own pooled connection.
 */
class Turns {
  private tail: Promise<void> = Promise.resolve();
  take(): Promise<() => void> {
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const before = this.tail;
    this.tail = before.then(() => mine);
    return before.then(() => release);
  }
}
const turns = new WeakMap<object, Turns>();

function isPglite(em: EntityManager): boolean {
  return em.getDriver().constructor.name.toLowerCase().includes('pglite');
}

async function takeTurn(em: EntityManager): Promise<() => void> {
  if (!isPglite(em)) return () => {};
  const key = em.getDriver();
  let queue = turns.get(key);
  if (!queue) turns.set(key, (queue = new Turns()));
  return queue.take();
}

/** A request's open transaction, what it has set, and how to end it. */
export interface RequestTransaction {
  em: EntityManager;
  tenant: Tenant;
  /** Commits (ok) or rolls back; safe to call once. */
  end(ok: boolean): Promise<void>;
}

/** A PostgreSQL string literal: the text in single quotes, each quote doubled. */
const quoteLiteral = (value: string) => `'${value.replaceAll("'", "''")}'`;

/**
 * The one statement that names a tenant for the rest of a transaction. Its values (ids, and the
 * role's name) are written as literals, so that it can go with BEGIN as one simple query
 * (`transactionOpening`); MikroORM would have written them into the text as well.
 */
function settingsStatement(tenant: Tenant, withRole: boolean): string {
  const pairs: [string, string][] = [
    [TENANT_SETTINGS.schools, tenant.schoolIds.join(',')],
    [TENANT_SETTINGS.trust, tenant.trustId ?? ''],
    [TENANT_SETTINGS.memberSchool, tenant.memberSchoolId ?? ''],
    [TENANT_SETTINGS.pupils, tenant.pupilIds.join(',')],
    [TENANT_SETTINGS.volunteer, tenant.volunteerId ?? ''],
  ];
  const parts = pairs.map(([name, value]) => `set_config('${name}', ${quoteLiteral(value)}, true)`);
  // `role` is a setting too: set_config('role', …, true) is SET LOCAL ROLE, in the same statement.
  if (withRole) parts.unshift(`set_config('role', '${APP_ROLE}', true)`);
  return `select ${parts.join(', ')}`;
}

/**
 * What a transaction is opened with, handed to the PostgreSQL driver as patched here
 * (patches/kysely@0.29.6.patch): while `em.begin` runs inside `transactionOpening.run`, the driver
 * sends BEGIN and `sql` as one simple query, one round trip instead of two, and marks it `sent`. Other
 * drivers (the embedded database's) never look, and the caller sends the statements itself.
 */
const transactionOpening = new AsyncLocalStorage<{ sql: string; sent: boolean }>();
(globalThis as Record<symbol, unknown>)[Symbol.for('waymark.transactionOpening')] = transactionOpening;

/**
 * Forks of a request's entity manager stay in its transaction (a fresh identity map, the same
 * transaction, tenant and connection): a fork outside it would read without the tenant, miss the
 * request's own writes, and wait forever on rows the request has locked.
 */
function keepForksInTransaction(em: EntityManager): EntityManager {
  const fork = em.fork.bind(em);
  em.fork = (options?: Parameters<EntityManager['fork']>[0]) => keepForksInTransaction(fork({ keepTransactionContext: true, ...options }));
  return em;
}

/**
 * Opens a request's transaction on `em` (a fresh fork) and names its tenant: one statement after
 * BEGIN, which also switches to APP_ROLE for the transaction (a no-op where the connection already
 * acts as it; left out, `appRole: false`, for a database whose migrations have not made the role).
 * Everything the request does on `em`, on its forks and in nested `em.transactional` calls
 * (savepoints) runs inside it.
 */
export async function beginRequestTransaction(
  em: EntityManager,
  principal: Principal,
  { appRole = true, snapshot = false }: { appRole?: boolean; snapshot?: boolean } = {},
): Promise<RequestTransaction> {
  const tenant = tenantOf(principal);
  const release = await takeTurn(em);
  try {
    // `snapshot`: REPEATABLE READ, read only, so every statement reads the one snapshot (a bulk
    // sync's). Set by hand, first in the transaction: `em.begin` leaves its isolation options out.
    const isolation = snapshot ? 'set transaction isolation level repeatable read, read only' : null;
    const settings = settingsStatement(tenant, appRole);
    const opening = { sql: isolation ? `${isolation}; ${settings}` : settings, sent: false };
    await transactionOpening.run(opening, () => em.begin());
    if (!opening.sent) {
      if (isolation) await em.execute(isolation);
      await em.execute(settings);
    }
    // The request's resolvers share this transaction; a bypass one of them lifts must not lift the
    // check for the others' statements (bypass-gate.ts).
    guardRequestTransaction(em.getTransactionContext());
  } catch (error) {
    if (em.isInTransaction()) await em.rollback().catch(() => {});
    release();
    throw error;
  }
  let ended = false;
  keepForksInTransaction(em);
  return {
    em,
    tenant,
    end: async (ok) => {
      if (ended) return;
      ended = true;
      const transactionContext: unknown = em.getTransactionContext();
      try {
        if (ok) {
          try {
            await em.commit();
            return;
          } catch (error) {
            // A commit flushes first; a failed flush (or a statement that failed before it) leaves
            // the transaction aborted. Roll it back, so the connection goes back to the pool clean,
            // and let the caller know.
            await rollbackQuietly(em, transactionContext);
            throw error;
          }
        }
        await rollbackQuietly(em, transactionContext);
      } finally {
        release();
      }
    },
  };
}

/**
 * Rolls a request's transaction back whatever state the entity manager is in: through it when it
 * still knows its transaction, else on the transaction it began with. Never leaves the connection
 * checked out in an aborted transaction (that leak once exhausted a pool and hung a subgraph).
 */
async function rollbackQuietly(em: EntityManager, transactionContext: unknown): Promise<void> {
  try {
    if (em.isInTransaction()) {
      await em.rollback();
      return;
    }
  } catch {
    // Fall through to the transaction itself.
  }
  if (transactionContext)
    await em
      .getConnection()
      .rollback(transactionContext as never)
      .catch(() => {});
}

/** The open transaction of each request's em, so resolvers can widen its pupils. */
const requestTransactions = new WeakMap<EntityManager, RequestTransaction>();

export function registerRequestTransaction(transaction: RequestTransaction): void {
  requestTransactions.set(transaction.em, transaction);
}

/**
 * Adds pupils to the ones the request may read the rows of, once the resolvers have decided it may
 * (`recordScopes`: a school reading a pupil who joined it from another school, a parent's linked
 * child). The resolvers still narrow those rows (by school and leaving day); this only lets the
 * database return them. One statement, and only when something is added.
 */
export async function permitPupils(ctx: Pick<RequestContext, 'em'>, pupilIds: Iterable<string>): Promise<void> {
  const transaction = requestTransactions.get(ctx.em);
  if (!transaction) return;
  const current = new Set(transaction.tenant.pupilIds);
  let added = false;
  for (const id of pupilIds) {
    if (isUuid(id) && !current.has(id)) {
      current.add(id);
      added = true;
    }
  }
  if (!added) return;
  transaction.tenant = { ...transaction.tenant, pupilIds: [...current] };
  await ctx.em.execute(`select set_config('${TENANT_SETTINGS.pupils}', ?, true)`, [transaction.tenant.pupilIds.join(',')]);
}

/**
 * Adds schools whose rows the request may read, once the resolvers have checked it may (a trust
 * analyst choosing one of the trust's schools, as the pupils subgraph confirmed). One statement, and
 * only when something is added.
 */
export async function permitSchools(ctx: Pick<RequestContext, 'em'>, schoolIds: Iterable<string>): Promise<void> {
  const transaction = requestTransactions.get(ctx.em);
  if (!transaction) return;
  const current = new Set(transaction.tenant.schoolIds);
  const before = current.size;
  for (const id of schoolIds) if (isUuid(id)) current.add(id);
  if (current.size === before) return;
  transaction.tenant = { ...transaction.tenant, schoolIds: [...current] };
  await ctx.em.execute(`select set_config('${TENANT_SETTINGS.schools}', ?, true)`, [transaction.tenant.schoolIds.join(',')]);
}

/**
 * The statements that frame a request rather than answer it: BEGIN, COMMIT or ROLLBACK, and the
 * tenant's settings. (countStatements in the kit's testing helpers leaves them out, so tests keep
 * counting what the resolvers send.)
 */
export function isRequestFraming(sql: string): boolean {
  return /^(begin|commit|rollback)$/i.test(sql.trim()) || /^select set_config\('(role|waymark\.[a-z_]+)'/.test(sql.trim());
}

/** Where system accesses are recorded (stderr in a running service; tests may listen). */
export type SystemAccessLog = (line: string) => void;
let systemAccessLog: SystemAccessLog = (line) => process.stderr.write(`${line}\n`);

/** How often the counted request bypasses and recurring system accesses are summed up in the log. */
const COUNTED_SUMMARY_MS = 60_000;
/**
 * Request bypasses and recurring system accesses since the last summary, by kind and reason (a
 * reason's first use is logged in full).
 */
const countedSince = new Map<string, { kind: 'request' | 'recurring'; reason: string; count: number }>();
let summaryDue: ReturnType<typeof setTimeout> | undefined;

/**
 * Replaces the log of system accesses; returns the previous one. The request bypasses counted so far
 * are summed up in the previous log, and the new one starts afresh: each reason's first use in it is
 * logged in full (see logRequestBypass).
 */
export function setSystemAccessLog(log: SystemAccessLog): SystemAccessLog {
  flushSystemAccessSummary();
  countedSince.clear();
  const previous = systemAccessLog;
  systemAccessLog = log;
  return previous;
}

/**
 * Some request bypasses sit on hot paths (every dashboard reads the benchmark engine through one), so
 * a line per request would bury the log: each reason's first use in a process is logged with its
 * request, and later uses are counted and summed up once a minute, per reason.
 */
function logRequestBypass(requestId: string, reason: string): void {
  countOrLog('request', reason, `[system access] request ${requestId}: ${reason}`);
}

/** The first use of (kind, reason) in this log is written as `line`; later ones are counted for the summary. */
function countOrLog(kind: 'request' | 'recurring', reason: string, line: string): void {
  const key = `${kind}:${reason}`;
  const since = countedSince.get(key);
  if (since === undefined) {
    countedSince.set(key, { kind, reason, count: 0 });
    systemAccessLog(line);
    return;
  }
  since.count += 1;
  summaryDue ??= setTimeout(flushSystemAccessSummary, COUNTED_SUMMARY_MS).unref();
}

/** Writes the summary of counted request bypasses and recurring system accesses now (the minute’s timer calls it; so may tests and shutdown). */
export function flushSystemAccessSummary(): void {
  if (summaryDue) clearTimeout(summaryDue);
  summaryDue = undefined;
  for (const since of countedSince.values()) {
    const { kind, reason, count } = since;
    if (count === 0) continue;
    since.count = 0;
    const what = kind === 'request' ? `request${count === 1 ? '' : 's'}` : `time${count === 1 ? '' : 's'}`;
    systemAccessLog(`[system access] ${count} more ${what}: ${reason}`);
  }
}

/** How a system access is logged. */
export interface SystemAccessOptions {
  /**
   * True for a poll that runs every few seconds whether or not there is work (an outbox's relay), or a
   * check made on every request of some kind (an API key's): its first use is logged in full and
   * later ones are counted and summed up once a minute, as request bypasses are, so the log still
   * shows every reason without a line per poll or request.
   */
  recurring?: boolean;
}

/**
 * Work no user asks for (housekeeping, a service's own start-up, sign-in before anyone is known):
 * runs `work` in its own transaction with the tenant check lifted, and logs `reason`. Keep each use
 * narrow and give it a name that says why it needs every school's rows.
 */
export async function withSystemAccess<T>(
  orm: Pick<Orm, 'em'>,
  reason: string,
  work: (em: EntityManager) => Promise<T>,
  options: SystemAccessOptions = {},
): Promise<T> {
  const em = orm.em.fork();
  const release = await takeTurn(em);
  try {
    return await em.transactional(async (tx) => {
      await liftTenantCheck(tx, reason, options);
      return work(tx);
    });
  } finally {
    release();
  }
}

/**
 * For work no user waits for that acts for one tenant only (a background job's progress report for
 * one school): names that tenant, and acts as the application role, for the rest of the transaction
 * open on `tx`. Not a lift of the check, so not logged.
 */
export async function enterTenant(tx: EntityManager, tenant: Partial<Tenant>): Promise<void> {
  await tx.execute(settingsStatement({ ...NOBODY, ...tenant }, true));
}

/**
 * The same lift, for the rest of a transaction that work no user waits for has already opened on
 * `tx` (a background job that manages its own transaction, such as a roster commit): logged with
 * `reason`, and gone when that transaction ends.
 */
export async function liftTenantCheck(tx: EntityManager, reason: string, { recurring = false }: SystemAccessOptions = {}): Promise<void> {
  noteSystemAccess(reason, { recurring });
  await tx.execute(`select set_config('role', '${APP_ROLE}', true), set_config('${TENANT_SETTINGS.bypass}', 'on', true)`);
}

/**
 * Logs a system access whose lift happens in the database itself: a function that lifts the check
 * for its one statement and puts it back before it returns (identity's `api_key_take`, the API key
 * check). Every other system access is logged by withSystemAccess or liftTenantCheck.
 */
export function noteSystemAccess(reason: string, { recurring = false }: SystemAccessOptions = {}): void {
  if (recurring) countOrLog('recurring', reason, `[system access] ${reason}`);
  else systemAccessLog(`[system access] ${reason}`);
}

/**
 * Inside a request: lifts the tenant check for `work` alone (e.g. matching a roster's UPNs against
 * every pupil, wherever they are on roll), logged with `reason` (see logRequestBypass). `work` must
 * not hand back rows the caller may not read. Only the statements `work` sends are lifted: the
 * request's other statements wait until it ends, and a bypass begun meanwhile waits its turn
 * (bypass-gate.ts). `work` is given `ctx.em`; a statement it leaves running after it returns is no
 * longer lifted, and a DataLoader it shares with the rest of the request would wait on it for ever.
 */
export async function withRequestBypass<T>(ctx: Pick<RequestContext, 'em' | 'requestId'>, reason: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
  const gate = gateOf(ctx.em.getTransactionContext());
  if (!gate) throw new Error(`A request bypass needs the request's transaction (${reason})`);
  logRequestBypass(ctx.requestId, reason);
  // Inside a bypass already (a service that lifts the check calling another that does): still lifted.
  if (gate.holds()) return work(ctx.em);
  return gate.exclusive(async () => {
    await ctx.em.execute(`select set_config('${TENANT_SETTINGS.bypass}', 'on', true)`);
    try {
      return await work(ctx.em);
    } finally {
      // After a failed statement the transaction is already lost (and rolls back, bypass and all).
      await ctx.em.execute(`select set_config('${TENANT_SETTINGS.bypass}', '', true)`).catch(() => undefined);
    }
  });
}
