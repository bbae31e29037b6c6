import type { EntityManager } from '@mikro-orm/sql';
import { AccessError, loaderFor, scopeOf, type RequestContext } from '@waymark/subgraph-kit';
import { hasRole, type Principal } from '@waymark/auth';
import { School, SetParentAccessResult, Trust } from './school.entity.js';

/** Schools are public institutions, but each caller lists only the ones they work with. */
export function listSchools(em: EntityManager, principal: Principal): Promise<School[]> {
  const scope = scopeOf(principal);
  switch (scope.kind) {
    case 'school':
      return em.find(School, { id: scope.schoolId });
    case 'pupil':
      return scope.schoolId ? em.find(School, { id: scope.schoolId }) : Promise.resolve([]);
    case 'trust':
      return em.find(School, { trustId: scope.trustId }, { orderBy: { name: 'asc' } });
    default:
      return Promise.resolve([]);
  }
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
