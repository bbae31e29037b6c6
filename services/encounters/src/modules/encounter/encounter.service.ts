import { randomUUID } from 'node:crypto';
import { raw, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import type { Principal } from '@waymark/auth';
import { ENCOUNTER_KINDS, isYearGroup } from '@waymark/domain';
import { decodeCursor, encodeCursor, pageSize, scopeOf, toConnection, type Connection, type FieldError, type MutationError } from '@waymark/subgraph-kit';
import { CreateEncounterResult, Encounter, Participation } from './encounter.entity.js';
import { countableEncounters, visibleEncounters, visibleEngagements } from './encounter.access.js';
import { EncounterError, EncounterProblems } from './encounter.errors.js';
import type { CreateEncounterInput, EncountersArgs } from './encounter.inputs.js';

const cursorOf = (encounter: Encounter) => encodeCursor([encounter.date.toISOString(), encounter.id]);

export const MAX_TITLE_LENGTH = 200;
export const MAX_HOURS = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface CheckedEncounter {
  fields: FieldError[];
  title: string;
  benchmarks: number[];
  yearGroups: number[];
}

const distinctSorted = (values: readonly number[]) => [...new Set(values)].sort((a, b) => a - b);

/** Every problem with the input at once, so the form can show them all; `now` bounds the date. */
export function checkEncounterInput(input: CreateEncounterInput, now: Date): CheckedEncounter {
  const fields: FieldError[] = [];
  const problem = (field: string, message: string) => fields.push({ field, message });

  const title = input.title.trim();
  if (title.length === 0) problem('title', 'Give the encounter a title.');
  else if (title.length > MAX_TITLE_LENGTH) problem('title', `Keep the title to ${MAX_TITLE_LENGTH} characters or fewer.`);

  if (!Number.isFinite(input.hours) || input.hours <= 0) problem('hours', 'Hours must be more than 0.');
  else if (input.hours > MAX_HOURS) problem('hours', `Hours must be ${MAX_HOURS} or fewer.`);

  const latest = new Date(now);
  latest.setUTCFullYear(latest.getUTCFullYear() + 1);
  if (Number.isNaN(input.date.getTime())) problem('date', 'Give a valid date.');
  else if (input.date > latest) problem('date', 'The date cannot be more than a year ahead.');

  if (input.yearGroups.length === 0) problem('yearGroups', 'Choose at least one year group.');
  else if (!input.yearGroups.every(isYearGroup)) problem('yearGroups', 'Year groups run from 7 to 13.');

  const benchmarks = input.benchmarks ?? [...ENCOUNTER_KINDS[input.kind].benchmarks];
  if (benchmarks.length === 0) problem('benchmarks', 'Choose at least one benchmark, or leave them out to use the defaults for this kind.');
  else if (!benchmarks.every((b) => Number.isInteger(b) && b >= 1 && b <= 8)) problem('benchmarks', 'Benchmarks run from 1 to 8.');

  if ((input.employerIds ?? []).some((id) => !UUID.test(id))) problem('employerIds', 'Some employer ids are not valid.');
  if ((input.volunteerIds ?? []).some((id) => !UUID.test(id))) problem('volunteerIds', 'Some volunteer ids are not valid.');

  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const entry of input.register) {
    if (seen.has(entry.pupilId)) repeated.add(entry.pupilId);
    seen.add(entry.pupilId);
  }
  if (repeated.size > 0) problem('register', `Each pupil can be on the register once; repeated: ${[...repeated].join(', ')}`);
  if (input.register.some((entry) => !UUID.test(entry.pupilId))) problem('register', 'Some pupil ids are not valid.');

  return { fields, title, benchmarks: distinctSorted(benchmarks), yearGroups: distinctSorted(input.yearGroups) };
}

function result(encounter: Encounter | null, error: MutationError | null): CreateEncounterResult {
  return Object.assign(new CreateEncounterResult(), { encounter, error });
}

export class EncounterService {
  constructor(private readonly em: EntityManager) {}

  private visible(principal: Principal): FilterQuery<Encounter> | null {
    return visibleEncounters(principal, (pupilId) => ({
      id: { $in: this.em.createQueryBuilder(Participation, 'reg').select('reg.encounter').where({ pupilId }) },
    }));
  }

  /** Newest first, paged by (date, id). */
  async list(principal: Principal, args: EncountersArgs): Promise<Connection<Encounter>> {
    const visible = this.visible(principal);
    const limit = pageSize(args.first);
    if (!visible) return toConnection([], limit, 0, cursorOf);
    const page: FilterQuery<Encounter>[] = [visible];
    const after = decodeCursor(args.after);
    const afterDate = after?.length === 2 ? new Date(String(after[0])) : null;
    if (after && afterDate && !Number.isNaN(afterDate.getTime())) {
      const id = String(after[1]);
      if (UUID.test(id)) page.push({ $or: [{ date: { $lt: afterDate } }, { date: afterDate, id: { $lt: id } }] });
    }
    const [rows, total] = await Promise.all([
      this.em.find(Encounter, { $and: page }, { orderBy: { date: 'desc', id: 'desc' }, limit: limit + 1 }),
      this.em.count(Encounter, visible),
    ]);
    return toConnection(rows, limit, total, cursorOf);
  }

  /** The encounters among `ids` that the caller may read, in one statement. */
  async findVisible(principal: Principal, ids: readonly string[]): Promise<Encounter[]> {
    const visible = this.visible(principal);
    const wanted = ids.filter((id) => UUID.test(id));
    if (!visible || wanted.length === 0) return [];
    return this.em.find(Encounter, { $and: [visible, { id: { $in: wanted } }] });
  }

  /** Each volunteer's encounters the caller may list, newest first. */
  async engagementsOf(principal: Principal, volunteerIds: readonly string[]): Promise<Map<string, Encounter[]>> {
    const visible = visibleEngagements(principal);
    if (!visible) return new Map();
    const wanted = 'volunteerId' in visible ? volunteerIds.filter((id) => id === visible.volunteerId) : volunteerIds.filter((id) => UUID.test(id));
    if (wanted.length === 0) return new Map();
    const where: FilterQuery<Encounter> =
      'volunteerId' in visible ? { volunteerIds: { $contains: [visible.volunteerId] } } : { schoolId: visible.schoolId, volunteerIds: { $overlap: wanted } };
    const rows = await this.em.find(Encounter, where, { orderBy: { date: 'desc', id: 'desc' } });
    const byVolunteer = new Map<string, Encounter[]>(wanted.map((id) => [id, []]));
    for (const encounter of rows) {
      for (const volunteerId of encounter.volunteerIds) byVolunteer.get(volunteerId)?.push(encounter);
    }
    return byVolunteer;
  }

  /** Encounters per school, as far as the caller may count them; null where they may not. */
  async countBySchool(principal: Principal, schoolIds: readonly string[]): Promise<Map<string, number | null>> {
    const counts = new Map<string, number | null>(schoolIds.map((id) => [id, null]));
    const scope = countableEncounters(principal);
    if (!scope) return counts;
    if ('schoolId' in scope) {
      if (counts.has(scope.schoolId)) counts.set(scope.schoolId, await this.em.count(Encounter, { schoolId: scope.schoolId }));
      return counts;
    }
    const wanted = schoolIds.filter((id) => UUID.test(id));
    if (wanted.length === 0) return counts;
    const rows = await this.em
      .createQueryBuilder(Encounter, 'e')
      .select(['e.schoolId', raw('count(*) as total')])
      .where({ schoolId: { $in: wanted }, trustId: scope.trustId })
      .groupBy('e.schoolId')
      .execute<{ schoolId: string; total: string | number }[]>('all');
    for (const row of rows) counts.set(row.schoolId, Number(row.total));
    return counts;
  }

  /**
   * Records an encounter and its register for the caller's own school. `visiblePupilIds` says which
   * of the register's pupils the caller may see (the pupils subgraph's answer); any other pupil
   * refuses the whole register. The encounter and every row are written in one flush.
   */
  async create(
    principal: Principal,
    input: CreateEncounterInput,
    visiblePupilIds: (ids: string[]) => Promise<Set<string>>,
  ): Promise<CreateEncounterResult> {
    const scope = scopeOf(principal);
    if (scope.kind !== 'school') throw EncounterError.noSchool();
    const checked = checkEncounterInput(input, new Date());
    if (checked.fields.length > 0) return result(null, EncounterProblems.invalid(checked.fields));

    const pupilIds = input.register.map((entry) => entry.pupilId);
    const known = await visiblePupilIds(pupilIds);
    const unknown = pupilIds.filter((id) => !known.has(id));
    if (unknown.length > 0) return result(null, EncounterProblems.unknownPupils(unknown));

    const encounter = this.em.create(Encounter, {
      id: randomUUID(),
      schoolId: scope.schoolId,
      trustId: principal.trustId,
      kind: input.kind,
      title: checked.title,
      date: input.date,
      inSchoolDay: input.inSchoolDay,
      hours: input.hours,
      benchmarks: checked.benchmarks,
      yearGroups: checked.yearGroups,
      employerIds: [...new Set(input.employerIds ?? [])],
      volunteerIds: [...new Set(input.volunteerIds ?? [])],
      createdAt: new Date(),
    });
    for (const entry of input.register) {
      this.em.create(Participation, {
        id: randomUUID(),
        encounter,
        pupilId: entry.pupilId,
        schoolId: scope.schoolId,
        trustId: principal.trustId,
        attended: entry.attended,
      });
    }
    await this.em.flush();
    return result(encounter, null);
  }
}
