import type { FilterQuery } from '@mikro-orm/core';
import { raw, type EntityManager } from '@mikro-orm/sql';
import { hasRole, type Principal } from '@waymark/auth';
import { vulnerableGroupOfCode } from '@waymark/domain';
import { decodeCursor, encodeCursor, hasControlCharacters, isUuid, pageSize, scopeOf, toConnection, type Connection } from '@waymark/subgraph-kit';
import { Enrolment } from '../enrolment/enrolment.entity.js';
import { School } from '../school/school.entity.js';
import { Pupil } from './pupil.entity.js';
import { visiblePupils, type PupilSubqueries } from './pupil.access.js';
import { PupilError } from './pupil.errors.js';
import type { PupilsArgs } from './pupil.inputs.js';

const cursorOf = (pupil: Pupil) => encodeCursor([pupil.legalSurname, pupil.legalForename, pupil.id]);

/** A name, or the start of one, is never longer: a longer search only costs the database time. */
export const MAX_SEARCH_LENGTH = 100;
/** The longest tutor group a roster can hold. */
const MAX_TUTOR_GROUP_LENGTH = 255;

/**
 * The list's text arguments, checked before any SQL: a NUL byte would fail the statement (a server
 * error), and a search of a megabyte cost seconds of pattern matching per request.
 */
function checkedListArgs(args: PupilsArgs): { search: string | null; after: [string, string, string] | null } {
  const search = args.search?.trim() || null;
  if (search !== null && search.length > MAX_SEARCH_LENGTH) throw PupilError.listInputInvalid(`A search can be up to ${MAX_SEARCH_LENGTH} characters long.`);
  if (search !== null && hasControlCharacters(search)) throw PupilError.listInputInvalid('A search can only contain letters, numbers, spaces and punctuation.');
  const { tutorGroup, schoolId } = args;
  if (tutorGroup && (tutorGroup.length > MAX_TUTOR_GROUP_LENGTH || hasControlCharacters(tutorGroup))) {
    throw PupilError.listInputInvalid('That is not a tutor group Waymark could hold: check it and ask again.');
  }
  if (schoolId && !isUuid(schoolId)) throw PupilError.listInputInvalid('The school id is not a Waymark school id.');
  return { search, after: decodeCursor(args.after, ['text', 'text', 'uuid']) };
}

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
    const { search, after } = checkedListArgs(args);
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
    if (search) {
      const like = `${escapeLike(search)}%`;
      filters.push({
        $or: [{ legalSurname: { $ilike: like } }, { legalForename: { $ilike: like } }, { preferredName: { $ilike: like } }, { upn: search.toUpperCase() }],
      });
    }
    const page: FilterQuery<Pupil>[] = [...filters];
    if (after) {
      const [surname, forename, id] = after;
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
