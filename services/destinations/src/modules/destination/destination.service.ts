import type { FilterQuery } from '@mikro-orm/core';
import { raw, type EntityManager } from '@mikro-orm/sql';
import type { Principal } from '@waymark/auth';
import { DESTINATION_KINDS } from '@waymark/domain';
import { Destination, DestinationCount, DestinationKind } from './destination.entity.js';
import { summaryFilter, visibleDestinations } from './destination.access.js';
import { groupScopes, isUuid, type RecordScope } from '@waymark/subgraph-kit';

export class DestinationService {
  constructor(private readonly em: EntityManager) {}

  /** The destinations among `ids` that the caller may read, in one statement. */
  async findVisible(principal: Principal, ids: readonly string[]): Promise<Destination[]> {
    const visible = visibleDestinations(principal);
    if (!visible || ids.length === 0) return [];
    return this.em.find(Destination, { $and: [visible, { id: { $in: ids.filter(isUuid) } }] });
  }

  /**
   * Each pupil's destinations within their scope (see RecordScope) — in full, or a former school's
   * rows recorded before the pupil left it — oldest first, in one statement for a batch of pupils.
   * A pupil with no scope gets nothing.
   */
  async forPupils(scopes: ReadonlyMap<string, RecordScope>): Promise<Map<string, Destination[]>> {
    const byPupil = new Map<string, Destination[]>();
    const { everything, former } = groupScopes(scopes);
    const branches: FilterQuery<Destination>[] = former.map((group) => ({
      pupilId: { $in: group.pupilIds },
      schoolId: group.schoolId,
      recordedOn: { $lt: group.until },
    }));
    if (everything.length > 0) branches.unshift({ pupilId: { $in: everything } });
    if (branches.length === 0) return byPupil;
    const rows = await this.em.find(Destination, { $or: branches }, { orderBy: { recordedOn: 'asc', id: 'asc' } });
    for (const row of rows) {
      const list = byPupil.get(row.pupilId);
      if (list) list.push(row);
      else byPupil.set(row.pupilId, [row]);
    }
    return byPupil;
  }

  /** Immediate destinations by kind, every kind listed (zero included) in the domain's order. */
  async summary(
    principal: Principal,
    schoolId: string | null | undefined,
    isTrustSchool: (schoolId: string, trustId: string) => Promise<boolean>,
  ): Promise<DestinationCount[]> {
    const filter = await summaryFilter(principal, schoolId, isTrustSchool);
    const rows = await this.em
      .createQueryBuilder(Destination, 'd')
      .select(['d.kind', raw('count(*) as total')])
      .where({ ...filter, stage: 'IMMEDIATE' })
      .groupBy('d.kind')
      .execute<{ kind: DestinationKind; total: string | number }[]>('all');
    const counts = new Map(rows.map((row) => [row.kind, Number(row.total)]));
    return Object.values(DestinationKind).map((kind) =>
      Object.assign(new DestinationCount(), { kind, kindLabel: DESTINATION_KINDS[kind], count: counts.get(kind) ?? 0 }),
    );
  }
}
