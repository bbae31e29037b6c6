import type { FilterQuery } from '@mikro-orm/core';
import { raw, type EntityManager } from '@mikro-orm/sql';
import { hasRole, type Principal } from '@waymark/auth';
import { vulnerableGroupOfCode } from '@waymark/domain';
import { decodeCursor, encodeCursor, isUuid, pageSize, scopeOf, toConnection, type Connection } from '@waymark/subgraph-kit';
import { Enrolment } from '../enrolment/enrolment.entity.js';
import { School } from '../school/school.entity.js';
import { Pupil } from './pupil.entity.js';
import { visiblePupils, type PupilSubqueries } from './pupil.access.js';
import type { PupilsArgs } from './pupil.inputs.js';

const cursorOf = (pupil: Pupil) => encodeCursor([pupil.legalSurname, pupil.legalForename, pupil.id]);

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Where a list's pupils are (or were): a school, a trust, or one school of a trust. */
type Home = { schoolId: string } | { trustId: string } | { trustId: string; schoolId: string };

/** SQL: the number of pupils on roll at the school whose id is `schoolId` (a column or parameter). */
export const pupilsOnRollSql = (schoolId: string) => `(select count(*) from pupil p where p.school_id = ${schoolId} and p.left_on is null)`;

export class PupilService {
  constructor(private readonly em: EntityManager) {}

  readonly subqueries: PupilSubqueries = {
    // The latest period is the pupil row's own school; earlier ones are enrolment rows.
    enrolledAt: (where) => ({ $or: [where, { id: { $in: this.em.createQueryBuilder(Enrolment, 'en').select('en.pupil').where(where) } }] }),
    atParentAccessSchools: () => ({ schoolId: { $in: this.em.createQueryBuilder(School, 'sc').select('sc.id').where({ parentAccessEnabled: true }) } }),
  };

  private homeOf(principal: Principal, schoolId: string | null | undefined): Home | null {
    const scope = scopeOf(principal);
    if (scope.kind === 'school') return schoolId && schoolId !== scope.schoolId ? null : { schoolId: scope.schoolId };
    if (scope.kind === 'trust' && scope.pupilLevel) return schoolId ? { trustId: scope.trustId, schoolId } : { trustId: scope.trustId };
    return null;
  }

  /**
   * Staff: the pupils on roll at their school; analysts with pupil-level access: their trust's (or one
   * school's). With `includeLeavers`, also those who left, and those who moved on to another school
   * (found through their enrolments here). Filters on year, tutor group or groups describe the pupil
   * now, so they only ever match the caller's own current pupils.
   */
  async list(principal: Principal, args: PupilsArgs): Promise<Connection<Pupil>> {
    const limit = pageSize(args.first);
    const home = this.homeOf(principal, args.schoolId);
    if (!home) return toConnection([], limit, 0, cursorOf);

    const current: FilterQuery<Pupil>[] = [home];
    if (!args.includeLeavers) current.push({ leftOn: null });
    if (args.yearGroup) current.push({ yearGroup: args.yearGroup });
    if (args.tutorGroup) current.push({ tutorGroup: args.tutorGroup });
    for (const code of args.groups ?? []) {
      const flag = vulnerableGroupOfCode(code);
      if (flag) current.push({ [flag]: true });
    }
    const describesNow = Boolean(args.yearGroup || args.tutorGroup || args.groups?.length);
    let where: FilterQuery<Pupil> = { $and: current };
    if (args.includeLeavers && !describesNow) {
      const elsewhere: FilterQuery<Pupil> =
        'schoolId' in home ? { schoolId: { $ne: home.schoolId } } : { $or: [{ trustId: { $ne: home.trustId } }, { trustId: null }] };
      where = { $or: [where, { $and: [this.subqueries.enrolledAt(home), elsewhere] }] };
    }
    const filters: FilterQuery<Pupil>[] = [where];
    const search = args.search?.trim();
    if (search) {
      const like = `${escapeLike(search)}%`;
      filters.push({
        $or: [{ legalSurname: { $ilike: like } }, { legalForename: { $ilike: like } }, { preferredName: { $ilike: like } }, { upn: search.toUpperCase() }],
      });
    }
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
      this.em.count(Pupil, { $and: filters }),
    ]);
    return toConnection(rows, limit, total, cursorOf);
  }

  /** The pupils among `ids` that the caller may read, in one statement. */
  async findVisible(principal: Principal, ids: readonly string[]): Promise<Pupil[]> {
    const visible = visiblePupils(principal, this.subqueries);
    const wanted = ids.filter((id) => isUuid(id));
    if (!visible || wanted.length === 0) return [];
    return this.em.find(Pupil, { $and: [visible, { id: { $in: wanted } }] });
  }

  async findOneVisible(principal: Principal, id: string): Promise<Pupil | null> {
    const [pupil] = await this.findVisible(principal, [id]);
    return pupil ?? null;
  }

  /** A parent's linked children whose current school lets parents in. */
  async childrenOf(principal: Principal): Promise<Pupil[]> {
    if (principal.kind !== 'user' || !hasRole(principal, 'parent') || principal.childPupilIds.length === 0) return [];
    return this.em.find(
      Pupil,
      { $and: [{ id: { $in: principal.childPupilIds.filter((id) => isUuid(id)) } }, this.subqueries.atParentAccessSchools()] },
      { orderBy: { legalSurname: 'asc', legalForename: 'asc', id: 'asc' } },
    );
  }

  /** Pupils on roll per school, in one statement for a batch of schools. */
  async countBySchool(schoolIds: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.em
      .createQueryBuilder(School, 's')
      .select(['s.id', raw(`${pupilsOnRollSql('s.id')} as on_roll`)])
      .where({ id: { $in: [...schoolIds] } })
      .execute<{ id: string; on_roll: string | number }[]>('all');
    return new Map(rows.map((row) => [row.id, Number(row.on_roll)]));
  }
}
