import type { EntityManager } from '@mikro-orm/sql';
import { scopeOf } from '@waymark/subgraph-kit';
import type { Principal } from '@waymark/auth';
import { School, Trust } from './school.entity.js';

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
