import type { FilterQuery } from '@mikro-orm/core';
import { raw, type EntityManager } from '@mikro-orm/sql';
import type { Principal } from '@waymark/auth';
import { decodeCursor, encodeCursor, pageSize, toConnection, type Connection } from '@waymark/subgraph-kit';
import { Pupil } from './pupil.entity.js';
import { visiblePupils } from './pupil.access.js';
import type { PupilsArgs } from './pupil.inputs.js';

const cursorOf = (pupil: Pupil) => encodeCursor([pupil.legalSurname, pupil.legalForename, pupil.id]);

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export class PupilService {
  constructor(private readonly em: EntityManager) {}

  async list(principal: Principal, args: PupilsArgs): Promise<Connection<Pupil>> {
    const visible = visiblePupils(principal);
    const limit = pageSize(args.first);
    if (!visible) return toConnection([], limit, 0, cursorOf);
    const filters: FilterQuery<Pupil>[] = [visible];
    if (args.schoolId) filters.push({ schoolId: args.schoolId });
    if (args.yearGroup) filters.push({ yearGroup: args.yearGroup });
    if (args.tutorGroup) filters.push({ tutorGroup: args.tutorGroup });
    if (!args.includeLeavers) filters.push({ leftOn: null });
    const search = args.search?.trim();
    if (search) {
      const like = `${escapeLike(search)}%`;
      filters.push({
        $or: [{ legalSurname: { $ilike: like } }, { legalForename: { $ilike: like } }, { preferredName: { $ilike: like } }, { upn: search.toUpperCase() }],
      });
    }
    const where: FilterQuery<Pupil> = { $and: filters };
    const after = decodeCursor(args.after);
    const page: FilterQuery<Pupil>[] = [...filters];
    if (after && after.length === 3) {
      const [surname, forename, id] = after.map(String);
      page.push({
        $or: [
          { legalSurname: { $gt: surname } },
          { legalSurname: surname, legalForename: { $gt: forename } },
          { legalSurname: surname, legalForename: forename, id: { $gt: id } },
        ],
      });
    }
    const [rows, total] = await Promise.all([
      this.em.find(Pupil, { $and: page }, { orderBy: { legalSurname: 'asc', legalForename: 'asc', id: 'asc' }, limit: limit + 1 }),
      this.em.count(Pupil, where),
    ]);
    return toConnection(rows, limit, total, cursorOf);
  }

  /** The pupils among `ids` that the caller may read, in one statement. */
  async findVisible(principal: Principal, ids: readonly string[]): Promise<Pupil[]> {
    const visible = visiblePupils(principal);
    if (!visible || ids.length === 0) return [];
    return this.em.find(Pupil, { $and: [visible, { id: { $in: [...ids] } }] });
  }

  /** Pupils on roll per school, in one statement for a batch of schools. */
  async countBySchool(schoolIds: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.em
      .createQueryBuilder(Pupil, 'p')
      .select(['p.schoolId', raw('count(*) as on_roll')])
      .where({ schoolId: { $in: [...schoolIds] }, leftOn: null })
      .groupBy('p.schoolId')
      .execute<{ schoolId: string; on_roll: string | number }[]>('all');
    return new Map(rows.map((row) => [row.schoolId, Number(row.on_roll)]));
  }
}
