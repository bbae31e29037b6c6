import { parseDay, startOfDayInEngland } from '@waymark/domain';
import { hasRole, type Principal } from '@waymark/auth';
import { scopeOf } from './authorize.js';
import type { RequestContext } from './context.js';
import { fetchEntities } from './entities.js';
import { PupilRecordAccessDocument, type PupilRecordAccessQuery } from './pupils-calls.generated.js';
import { isUuid } from './ids.js';
import { permitPupils } from './tenancy.js';

/*
 * How much of a pupil's history a caller may read here once pupils move school. The pupils subgraph
 * decides it for the caller as `Pupil.recordAccess` (docs/pupil-records-contract.md, "Transfers");
 * this subgraph asks it on the caller's behalf, once per batch, and narrows its rows to the answer.
 */

/**
 * How a caller may read a pupil's rows in a subgraph that holds pupil-level rows but not pupils:
 * - 'own': the pupil themself — all their own rows, no need to ask;
 * - 'ask': staff, trust analysts with pupil-level access, and a parent about a linked child — the
 *   pupils subgraph decides how much of that pupil's history they may read (`Pupil.recordAccess`);
 * - null: never (volunteers, alumni, analysts without pupil-level access, the gateway itself, a
 *   pupil about anyone else, a parent about a child not linked to them).
 */
export function pupilRecordRoute(principal: Principal, pupilId: string): 'own' | 'ask' | null {
  if (principal.kind === 'system') return null;
  if (hasRole(principal, 'pupil') && principal.pupilId === pupilId) return 'own';
  const scope = scopeOf(principal);
  if (scope.kind === 'school' || (scope.kind === 'trust' && scope.pupilLevel)) return 'ask';
  // `?? []`: a credential signed before parents were linked carries no children.
  if (hasRole(principal, 'parent') && (principal.childPupilIds ?? []).includes(pupilId)) return 'ask';
  return null;
}

/** `Pupil.recordAccess`, as the pupils subgraph answers it. */
export type PupilRecordAccess = NonNullable<Extract<PupilRecordAccessQuery['_entities'][number], { id: string }>['recordAccess']>;

/**
 * One pupil's readable history: every row from any school, or only the rows of one former school
 * dated before `until` (the day the pupil left it, YYYY-MM-DD). A pupil with no scope: nothing.
 */
export type RecordScope = { all: true } | { all: false; schoolId: string; until: string };

const EVERYTHING: RecordScope = { all: true };

const isDay = (value: string): boolean => parseDay(value) !== null;

/** An answer this subgraph can act on, or null (nothing): anything malformed reads as no access. */
export function recordScopeOf(access: PupilRecordAccess | null | undefined): RecordScope | null {
  if (!access) return null;
  // The answer comes over the wire: its type says boolean, but only true and false are trusted.
  const current: unknown = access.current;
  if (current === true) return EVERYTHING;
  if (current !== false) return null;
  const { schoolId, until } = access;
  if (!isUuid(schoolId) || typeof until !== 'string' || !isDay(until)) return null;
  return { all: false, schoolId, until };
}

/**
 * The scopes of a batch of pupils for the caller. A pupil asking about themself reads all their
 * own rows without asking anyone; staff, trust analysts with pupil-level access and linked parents
 * get what the pupils subgraph answers, in ONE request for the whole batch, made with the caller's
 * own credential. Anyone else, and any pupil the answer leaves out: no scope. If the pupils subgraph
 * cannot be reached this throws, so the fields fail closed (null, with a masked error).
 */
export async function recordScopes(ctx: RequestContext, pupilsUrl: string, pupilIds: readonly string[]): Promise<Map<string, RecordScope>> {
  const scopes = new Map<string, RecordScope>();
  const ask: string[] = [];
  for (const id of new Set(pupilIds)) {
    if (!isUuid(id)) continue;
    const route = pupilRecordRoute(ctx.principal, id);
    if (route === 'own') scopes.set(id, EVERYTHING);
    else if (route === 'ask') ask.push(id);
  }
  if (ask.length === 0) return scopes;
  const answers = await fetchEntities(ctx, pupilsUrl, 'Pupil', ask, PupilRecordAccessDocument);
  for (const id of ask) {
    const scope = recordScopeOf(answers.get(id)?.recordAccess);
    if (scope) scopes.set(id, scope);
  }
  // The database's tenant check (tenancy.ts) lets this request read these pupils' rows from now on;
  // the callers still narrow them to each scope (a former school's rows up to the leaving day).
  await permitPupils(ctx, scopes.keys());
  return scopes;
}

/**
 * The scopes regrouped for one query: the pupils readable in full, and per (former school, leaving
 * day) the pupils readable up to that day — one filter branch per group, not per pupil.
 */
export function groupScopes(scopes: ReadonlyMap<string, RecordScope>): {
  everything: string[];
  former: { schoolId: string; until: string; pupilIds: string[] }[];
} {
  const everything: string[] = [];
  const former = new Map<string, { schoolId: string; until: string; pupilIds: string[] }>();
  for (const [pupilId, scope] of scopes) {
    if (scope.all) {
      everything.push(pupilId);
      continue;
    }
    const key = `${scope.schoolId}/${scope.until}`;
    const group = former.get(key);
    if (group) group.pupilIds.push(pupilId);
    else former.set(key, { schoolId: scope.schoolId, until: scope.until, pupilIds: [pupilId] });
  }
  return { everything, former: [...former.values()] };
}

/**
 * The instant a day (YYYY-MM-DD) begins in England, where every school is: an encounter is "dated
 * before" a leaving day when it took place before that midnight, BST or not (from @waymark/domain).
 */
export const startOfSchoolDay = startOfDayInEngland;

/**
 * The pupils among `ids` whose current school the caller acts for (`recordAccess.current`), asked
 * of the pupils subgraph with the caller's own credential. Writing about a pupil (a register, a
 * parent link) needs this, not mere visibility: a former school can still see a pupil who moved.
 */
export async function currentPupilIds(ctx: RequestContext, pupilsUrl: string, ids: readonly string[]): Promise<Set<string>> {
  const answers = await fetchEntities(ctx, pupilsUrl, 'Pupil', ids, PupilRecordAccessDocument);
  const current = new Set([...answers.values()].filter((pupil) => pupil.recordAccess?.current === true).map((pupil) => pupil.id));
  // The caller acts for these pupils' school: the database may show and take their rows too.
  await permitPupils(ctx, current);
  return current;
}
