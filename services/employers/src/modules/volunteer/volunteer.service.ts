import type { EntityManager } from '@mikro-orm/sql';
import type { Principal } from '@waymark/auth';
import { isUuid } from '@waymark/subgraph-kit';
import { Volunteer } from './volunteer.entity.js';
import { visibleVolunteers } from './volunteer.access.js';

export class VolunteerService {
  constructor(private readonly em: EntityManager) {}

  /** Every volunteer the caller may read, by surname. */
  list(principal: Principal): Promise<Volunteer[]> {
    const visible = visibleVolunteers(principal);
    if (!visible) return Promise.resolve([]);
    return this.em.find(Volunteer, visible, { orderBy: { lastName: 'asc', firstName: 'asc', id: 'asc' } });
  }

  /** The volunteers among `ids` that the caller may read, in one statement. */
  async findVisible(principal: Principal, ids: readonly string[]): Promise<Volunteer[]> {
    const visible = visibleVolunteers(principal);
    if (!visible || ids.length === 0) return [];
    return this.em.find(Volunteer, { $and: [visible, { id: { $in: ids.filter(isUuid) } }] });
  }
}
