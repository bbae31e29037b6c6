import { raw, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import { Participation } from './encounter.entity.js';
import { boundSql, groupBy, groupScopes, isUuid, startOfSchoolDay, type RecordScope } from '@waymark/subgraph-kit';

export interface RegisterCounts {
  invited: number;
  attended: number;
}

/** Register rows. Every method answers a whole batch of keys in one statement. */
export class ParticipationService {
  constructor(private readonly em: EntityManager) {}

  /** Invited and attended per encounter. */
  async countsFor(encounterIds: readonly string[]): Promise<Map<string, RegisterCounts>> {
    const rows = await this.em
      .createQueryBuilder(Participation, 'p')
      // Aliases that are no property's name, or the result mapping would convert them as one.
      .select(['p.encounter', raw('count(*) as invited_total'), raw('count(*) filter (where p.attended) as attended_total')])
      .where({ encounter: { $in: [...encounterIds] } })
      .groupBy('p.encounter')
      .execute<{ encounter: string; invited_total: string | number; attended_total: string | number }[]>('all');
    return new Map(rows.map((row) => [row.encounter, { invited: Number(row.invited_total), attended: Number(row.attended_total) }]));
  }

  /** The pupil on each register that holds exactly one (a one-to-one meeting), in one statement. */
  async soloPupilsOf(encounterIds: readonly string[]): Promise<Map<string, string>> {
    const { rows } = await boundSql<{ encounter_id: string; solo_pupil: string }>(
      this.em,
      `select encounter_id::text as encounter_id, min(pupil_id::text) as solo_pupil
         from participation
        where encounter_id = any($1::uuid[])
        group by encounter_id
       having count(*) = 1`,
      [encounterIds.filter((id) => isUuid(id))],
    );
    return new Map(rows.map((row) => [row.encounter_id, row.solo_pupil]));
  }

  /** The registers of encounters run by `schoolId` (rows of any other school are never returned). */
  async registersOf(encounterIds: readonly string[], schoolId: string): Promise<Map<string, Participation[]>> {
    const rows = await this.em.find(Participation, { encounter: { $in: [...encounterIds] }, schoolId }, { orderBy: { pupilId: 'asc' } });
    return groupBy(rows, (row) => row.encounter.id);
  }

  /**
   * Each pupil's register rows within their scope (see RecordScope) — in full, or a former school's
   * rows of encounters before the pupil left it — newest encounter first, each with its encounter,
   * in one statement. A pupil with no scope gets nothing.
   */
  async ofPupils(scopes: ReadonlyMap<string, RecordScope>): Promise<Map<string, Participation[]>> {
    const { everything, former } = groupScopes(scopes);
    const branches: FilterQuery<Participation>[] = former.map((group) => ({
      pupilId: { $in: group.pupilIds },
      schoolId: group.schoolId,
      encounter: { date: { $lt: startOfSchoolDay(group.until) } },
    }));
    if (everything.length > 0) branches.unshift({ pupilId: { $in: everything } });
    if (branches.length === 0) return new Map();
    const rows = await this.em.find(Participation, { $or: branches }, { populate: ['encounter'], orderBy: { encounter: { date: 'desc' }, id: 'asc' } });
    return groupBy(rows, (row) => row.pupilId);
  }
}
