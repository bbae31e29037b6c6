import type { FilterQuery } from '@mikro-orm/core';
import { raw, type EntityManager, type QBFilterQuery } from '@mikro-orm/sql';
import { pupilsOnRollSql } from '../pupil/pupil.service.js';
import { AccessError, loaderFor, scopeOf, type RequestContext } from '@waymark/subgraph-kit';
import { hasRole, type Principal } from '@waymark/auth';
import { School, SetParentAccessResult, Trust } from './school.entity.js';

/**
 * Schools are public institutions, but each caller lists only the ones they work with. With
 * `withOnRoll`, each comes with its pupils on roll, counted in the same statement (`onRoll`, for
 * `School.pupilCount`, which decides who may see it).
 */
export async function listSchools(em: EntityManager, principal: Principal, withOnRoll = false): Promise<{ schools: School[]; onRoll: Map<string, number> }> {
  const scope = scopeOf(principal);
  const where: FilterQuery<School> | null =
    scope.kind === 'school' || (scope.kind === 'pupil' && scope.schoolId) ? { id: scope.schoolId } : scope.kind === 'trust' ? { trustId: scope.trustId } : null;
  const onRoll = new Map<string, number>();
  if (!where) return { schools: [], onRoll };
  const rows = await em
    .createQueryBuilder(School, 's')
    // An alias that is no property's name, so the raw row keeps it apart from the entity's columns.
    .select(['s.*', ...(withOnRoll ? [raw(`${pupilsOnRollSql('s.id')} as pupils_on_roll`)] : [])])
    .where(where as QBFilterQuery<School>)
    .orderBy({ name: 'asc', id: 'asc' })
    .execute<(Record<string, unknown> & { pupils_on_roll: string | number })[]>('all', false);
  const schools = rows.map(({ pupils_on_roll: count, ...columns }) => {
    const school = em.map(School, columns);
    if (withOnRoll) onRoll.set(school.id, Number(count));
    return school;
  });
  return { schools, onRoll };
}

/** Any signed-in person may resolve a school or trust by id (names and URNs are public). */
export function findSchools(em: EntityManager, ids: readonly string[]): Promise<School[]> {
  return em.find(School, { id: { $in: [...ids] } });
}

export function findTrusts(em: EntityManager, ids: readonly string[]): Promise<Trust[]> {
  return em.find(Trust, { id: { $in: [...ids] } });
}

/** The request's batched school loader (one statement per tick, whoever asks). */
export function loadSchool(ctx: RequestContext, schoolId: string): Promise<School | null> {
  return loaderFor<School>(ctx, 'school', async (ids) => {
    const rows = await findSchools(ctx.em, ids);
    const map = new Map(rows.map((s) => [s.id, s]));
    return ids.map((id) => map.get(id) ?? null);
  }).load(schoolId);
}

/** The careers leader turns parent access on or off for their own school. */
export async function setParentAccess(em: EntityManager, principal: Principal, enabled: boolean): Promise<SetParentAccessResult> {
  if (principal.kind !== 'user' || !hasRole(principal, 'careers_leader') || !principal.schoolId) {
    throw AccessError.forbidden('Only a careers leader can change parent access for their school.');
  }
  const school = await em.findOneOrFail(School, { id: principal.schoolId });
  school.parentAccessEnabled = enabled;
  await em.flush();
  return Object.assign(new SetParentAccessResult(), { school, error: null });
}
