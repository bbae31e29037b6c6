import { raw, type EntityManager } from '@mikro-orm/sql';
import type { Principal } from '@waymark/auth';
import { DESTINATION_KINDS } from '@waymark/domain';
import { Destination, DestinationCount, DestinationKind } from './destination.entity.js';
import { summaryFilter, visibleDestinations } from './destination.access.js';

export class DestinationService {
  constructor(private readonly em: EntityManager) {}

  /** The destinations among `ids` that the caller may read, in one statement. */
  async findVisible(principal: Principal, ids: readonly string[]): Promise<Destination[]> {
    const visible = visibleDestinations(principal);
    if (!visible || ids.length === 0) return [];
    return this.em.find(Destination, { $and: [visible, { id: { $in: [...ids] } }] });
  }

  /** Each pupil's destinations that the caller may read, oldest first, in one statement for a batch of pupils. */
  async forPupils(principal: Principal, pupilIds: readonly string[]): Promise<Map<string, Destination[]>> {
    const visible = visibleDestinations(principal);
    const byPupil = new Map<string, Destination[]>();
    if (!visible || pupilIds.length === 0) return byPupil;
    const rows = await this.em.find(
      Destination,
      { $and: [visible, { pupilId: { $in: [...pupilIds] } }] },
      { orderBy: { recordedOn: 'asc', id: 'asc' } },
    );
    for (const row of rows) {
      const list = byPupil.get(row.pupilId);
      if (list) list.push(row);
      else byPupil.set(row.pupilId, [row]);
    }
    return byPupil;
  }

  /** Immediate destinations by kind, every kind listed (zero included) in the domain's order. */
  async summary(principal: Principal, schoolId: string | null | undefined): Promise<DestinationCount[]> {
    const rows = await this.em
      .createQueryBuilder(Destination, 'd')
      .select(['d.kind', raw('count(*) as total')])
      .where({ ...summaryFilter(principal, schoolId), stage: 'IMMEDIATE' })
      .groupBy('d.kind')
      .execute<{ kind: DestinationKind; total: string | number }[]>('all');
    const counts = new Map(rows.map((row) => [row.kind, Number(row.total)]));
    return Object.values(DestinationKind).map((kind) =>
      Object.assign(new DestinationCount(), { kind, kindLabel: DESTINATION_KINDS[kind], count: counts.get(kind) ?? 0 }),
    );
  }
}
