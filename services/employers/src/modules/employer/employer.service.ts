import type { EntityManager } from '@mikro-orm/sql';
import { Employer } from './employer.entity.js';
import { isUuid } from '@waymark/subgraph-kit';

/** Employers are public organisations: any signed-in person may list them or resolve one by id. */
export function listEmployers(em: EntityManager): Promise<Employer[]> {
  return em.find(Employer, {}, { orderBy: { name: 'asc', id: 'asc' } });
}

export function findEmployers(em: EntityManager, ids: readonly string[]): Promise<Employer[]> {
  return em.find(Employer, { id: { $in: ids.filter(isUuid) } });
}
