import { randomUUID } from 'node:crypto';
import { raw, UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import type { Principal } from '@waymark/auth';
import {
  CHECKLIST_KEYS,
  ENCOUNTER_KINDS,
  checkEncounter,
  checkHashtags,
  checklistMet,
  curriculumSubject,
  parseDay,
  problemList,
  type EncounterKind,
} from '@waymark/domain';
import {
  boundSql,
  decodeCursor,
  encodeCursor,
  InputError,
  isUuid,
  pageSize,
  queueWebhookEvent,
  readOnly,
  scopeOf,
  toConnection,
  type Connection,
  type FieldError,
  type MutationError,
} from '@waymark/subgraph-kit';
import { CreateEncounterResult, Encounter, Participation } from './encounter.entity.js';
import { encounterTenant, visibleEncounters, visibleEngagements } from './encounter.access.js';
import { EncounterError, EncounterProblems } from './encounter.errors.js';
import type { CreateEncounterInput, EncountersArgs, MeaningfulChecklistInput, UpdateEncounterInput } from './encounter.inputs.js';
import type { RegisterCounts } from './participation.service.js';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,100}$/;

const cursorOf = (encounter: Encounter) => encodeCursor([encounter.date.toISOString(), encounter.id]);

/** Every value of an encounter as it will be saved (create: the input; update: the row with the changes). */
export interface EncounterValues {
  kind: EncounterKind;
  title: string;
  date: Date;
  hasTime: boolean;
  endsAt: Date | null;
  hours: number;
  inSchoolDay: boolean;
  benchmarks: number[] | null;
  employerIds: string[];
  volunteerIds: string[];
  yearGroups: number[];
  subject: string | null;
  hashtags: string[];
  checklistTicked: string[];
  adviserName: string | null;
  adviserLevel: number | null;
}

interface CheckedEncounter {
  fields: FieldError[];
  values: EncounterValues & { benchmarks: number[]; checklistMet: boolean };
}

const distinctSorted = (values: readonly number[]) => [...new Set(values)].sort((a, b) => a - b);

/** The checklist input as the list of ticked keys. */
export function tickedItems(checklist: MeaningfulChecklistInput | null | undefined): string[] {
  if (!checklist) return [];
  return CHECKLIST_KEYS.filter((key) => checklist[key] === true);
}

/**
 * Every problem with the values at once, so the form can show them all (the portal's form runs the
 * same rules, `checkEncounter` of @waymark/domain, before sending); `now` bounds the date. Ids are
 * checked here only: a form never types them.
 */
export function checkEncounterValues(input: EncounterValues, now: Date): CheckedEncounter {
  const fields: FieldError[] = problemList(checkEncounter(input, now));
  if (input.employerIds.some((id) => !isUuid(id))) fields.push({ field: 'employerIds', message: 'Some employer ids are not valid.' });
  if (input.volunteerIds.some((id) => !isUuid(id))) fields.push({ field: 'volunteerIds', message: 'Some volunteer ids are not valid.' });

  const guidance = input.kind === 'GUIDANCE_MEETING';
  const checklistTicked = CHECKLIST_KEYS.filter((key) => input.checklistTicked.includes(key));
  return {
    fields,
    values: {
      ...input,
      title: input.title.trim(),
      subject: input.kind === 'CURRICULUM_LESSON' ? curriculumSubject(input.subject) : null,
      hashtags: checkHashtags(input.hashtags).hashtags,
      adviserName: guidance ? input.adviserName?.trim() || null : null,
      adviserLevel: guidance ? input.adviserLevel : null,
      checklistTicked,
      benchmarks: distinctSorted(input.benchmarks ?? [...ENCOUNTER_KINDS[input.kind].benchmarks]),
      yearGroups: distinctSorted(input.yearGroups),
      employerIds: [...new Set(input.employerIds)],
      volunteerIds: [...new Set(input.volunteerIds)],
      checklistMet: checklistMet(input.kind, checklistTicked),
    },
  };
}

/** The register's own problems: a pupil twice, or an id that is not one. */
export function checkRegister(register: readonly { pupilId: string }[]): FieldError[] {
  const fields: FieldError[] = [];
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const entry of register) {
    if (seen.has(entry.pupilId)) repeated.add(entry.pupilId);
    seen.add(entry.pupilId);
  }
  if (repeated.size > 0) fields.push({ field: 'register', message: `Each pupil can be on the register once; repeated: ${[...repeated].join(', ')}` });
  if (register.some((entry) => !isUuid(entry.pupilId))) fields.push({ field: 'register', message: 'Some pupil ids are not valid.' });
  return fields;
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

  /**
   * Newest first, paged by (date, id): staff their school's encounters, analysts their trust's. One
   * statement answers the page and the total; with `withRegisterCounts`, each encounter's register
   * counts too (`registerCounts`, to prime the loader the count fields use), one look at each
   * register. The SQL is written out rather than built per request: this is the page every careers
   * leader opens first, and building the query cost more than running it.
   */
  async list(
    principal: Principal,
    args: EncountersArgs,
    withRegisterCounts = false,
    withSoloPupil = false,
  ): Promise<Connection<Encounter> & { registerCounts: Map<string, RegisterCounts>; soloPupils: Map<string, string | null> }> {
    const limit = pageSize(args.first);
    const registerCounts = new Map<string, RegisterCounts>();
    const soloPupils = new Map<string, string | null>();
    const tenant = encounterTenant(principal);
    if (!tenant) return { ...toConnection([], limit, 0, cursorOf), registerCounts, soloPupils };
    const [column, tenantId] = 'schoolId' in tenant ? ['school_id', tenant.schoolId] : ['trust_id', tenant.trustId];
    const parameters: unknown[] = [tenantId, limit + 1];
    // The filters narrow the total and the page alike, so they are one shared condition.
    const filters = listFilters(args, parameters);
    let afterCursor = '';
    const after = decodeCursor(args.after, ['timestamp', 'uuid']);
    const afterDate = after?.length === 2 ? new Date(String(after[0])) : null;
    if (after && afterDate && !Number.isNaN(afterDate.getTime()) && isUuid(String(after[1]))) {
      parameters.push(afterDate, String(after[1]));
      afterCursor = `and (e.date, e.id) < ($${parameters.length - 1}::timestamptz, $${parameters.length}::uuid)`;
    }
    const counts = withRegisterCounts
      ? '(select array[count(*), count(*) filter (where r.attended)] from participation r where r.encounter_id = e.id)'
      : 'null::bigint[]';
    // A register of exactly one pupil (a one-to-one meeting) names them; read with the page, so no extra statement.
    const solo = withSoloPupil
      ? '(select case when count(*) = 1 then min(r.pupil_id::text) end from participation r where r.encounter_id = e.id)'
      : 'null::text';
    // The left join keeps one row (of nulls) when the page is empty, so the total still comes back.
    const { rows } = await boundSql<
      Record<string, unknown> & { total_count: string | number; register_counts: (string | number)[] | null; solo_pupil: string | null }
    >(
      this.em,
      `select (select count(*) from encounter e where e.${column} = $1 ${filters}) as total_count, page.*
         from (select 1) as one
         left join (select e.*, ${counts} as register_counts, ${solo} as solo_pupil
                      from encounter e
                     where e.${column} = $1 ${filters} ${afterCursor}
                     order by e.date desc, e.id desc
                     limit $2) as page on true
        order by page.date desc, page.id desc`,
      parameters,
    );
    const total = Number(rows[0]?.total_count ?? 0);
    const page = rows
      .filter((row) => row.id !== null)
      .map(({ total_count: _total, register_counts: registered, solo_pupil: soloPupil, ...columns }) => {
        const encounter = readOnly(this.em, Encounter, columns);
        if (registered) registerCounts.set(encounter.id, { invited: Number(registered[0]), attended: Number(registered[1]) });
        if (withSoloPupil) soloPupils.set(encounter.id, soloPupil);
        return encounter;
      });
    return { ...toConnection(page, limit, total, cursorOf), registerCounts, soloPupils };
  }

  /** The encounters among `ids` that the caller may read, in one statement. */
  async findVisible(principal: Principal, ids: readonly string[]): Promise<Encounter[]> {
    const visible = this.visible(principal);
    const wanted = ids.filter((id) => isUuid(id));
    if (!visible || wanted.length === 0) return [];
    return this.em.find(Encounter, { $and: [visible, { id: { $in: wanted } }] });
  }

  /** Each volunteer's encounters the caller may list, newest first. */
  async engagementsOf(principal: Principal, volunteerIds: readonly string[]): Promise<Map<string, Encounter[]>> {
    const visible = visibleEngagements(principal);
    if (!visible) return new Map();
    const wanted = 'volunteerId' in visible ? volunteerIds.filter((id) => id === visible.volunteerId) : volunteerIds.filter((id) => isUuid(id));
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
    const scope = encounterTenant(principal);
    if (!scope) return counts;
    if ('schoolId' in scope) {
      if (counts.has(scope.schoolId)) counts.set(scope.schoolId, await this.em.count(Encounter, { schoolId: scope.schoolId }));
      return counts;
    }
    const wanted = schoolIds.filter((id) => isUuid(id));
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
  async create(principal: Principal, input: CreateEncounterInput, visiblePupilIds: (ids: string[]) => Promise<Set<string>>): Promise<CreateEncounterResult> {
    const scope = scopeOf(principal);
    if (scope.kind !== 'school') throw EncounterError.noSchool();
    const checked = checkEncounterValues(
      {
        kind: input.kind,
        title: input.title,
        date: input.date,
        hasTime: input.hasTime ?? true,
        endsAt: input.endsAt ?? null,
        hours: input.hours,
        inSchoolDay: input.inSchoolDay,
        benchmarks: input.benchmarks ?? null,
        employerIds: input.employerIds ?? [],
        volunteerIds: input.volunteerIds ?? [],
        yearGroups: input.yearGroups,
        subject: input.subject ?? null,
        hashtags: input.hashtags ?? [],
        checklistTicked: tickedItems(input.checklist),
        adviserName: input.adviserName ?? null,
        adviserLevel: input.adviserLevel ?? null,
      },
      new Date(),
    );
    const fields = [...checked.fields, ...checkRegister(input.register)];
    const key = input.idempotencyKey ?? null;
    if (key !== null && !IDEMPOTENCY_KEY.test(key))
      fields.push({ field: 'idempotencyKey', message: 'Use up to 100 letters, digits, dots, colons, underscores or hyphens for the idempotency key.' });
    if (fields.length > 0) return result(null, EncounterProblems.invalid(fields));
    // A retry: the first attempt may have been saved even though its answer was lost.
    const earlier = key === null ? null : await this.em.findOne(Encounter, { schoolId: scope.schoolId, idempotencyKey: key });
    if (earlier) return result(earlier, null);

    const pupilIds = input.register.map((entry) => entry.pupilId);
    const known = await visiblePupilIds(pupilIds);
    const unknown = pupilIds.filter((id) => !known.has(id));
    if (unknown.length > 0) return result(null, EncounterProblems.unknownPupils(unknown));

    const encounter = this.em.create(Encounter, {
      id: randomUUID(),
      schoolId: scope.schoolId,
      trustId: principal.trustId,
      ...checked.values,
      staffNotes: null,
      createdAt: new Date(),
      idempotencyKey: key,
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
    try {
      // A savepoint of the request's transaction, so a refused insert leaves the transaction usable.
      // The trust's webhooks hear of it from an outbox row in the same savepoint: ids, kind and date only.
      await this.em.transactional(async (tx) => {
        await this.em.flush();
        if (encounter.trustId)
          await queueWebhookEvent(tx, {
            type: 'encounter.recorded',
            trustId: encounter.trustId,
            schoolId: encounter.schoolId,
            occurredAt: encounter.createdAt,
            data: { encounterId: encounter.id, kind: encounter.kind, date: encounter.date.toISOString() },
          });
      });
    } catch (error) {
      // Two attempts with one key at once: the other one saved it first, and its encounter is the answer.
      if (!(error instanceof UniqueConstraintViolationException) || key === null) throw error;
      // The refused encounter and register are still queued in the unit of work: dropped, or the
      // request's commit would insert them again and fail on the same key.
      this.em.clear();
      const saved = await this.em.findOne(Encounter, { schoolId: scope.schoolId, idempotencyKey: key });
      if (!saved) throw error;
      return result(saved, null);
    }
    return result(encounter, null);
  }

  /**
   * Changes an encounter of the caller's own school: the row with the changes is checked as a whole
   * (a guidance meeting still needs its adviser, a lesson its subject), then saved.
   */
  async update(principal: Principal, input: UpdateEncounterInput): Promise<CreateEncounterResult> {
    const scope = scopeOf(principal);
    if (scope.kind !== 'school') throw EncounterError.noSchool();
    const encounter = isUuid(input.id) ? await this.em.findOne(Encounter, { id: input.id, schoolId: scope.schoolId }) : null;
    if (!encounter) return result(null, EncounterProblems.notFound());
    const pick = <T>(value: T | null | undefined, current: T): T => (value === undefined || value === null ? current : value);
    const checked = checkEncounterValues(
      {
        kind: pick(input.kind, encounter.kind),
        title: pick(input.title, encounter.title),
        date: pick(input.date, encounter.date),
        // A new date without the flag is a moment, as on create; the flag alone changes only the flag.
        hasTime: pick(input.hasTime, input.date ? true : encounter.hasTime),
        endsAt: input.endsAt === undefined ? encounter.endsAt : input.endsAt,
        hours: pick(input.hours, encounter.hours),
        inSchoolDay: pick(input.inSchoolDay, encounter.inSchoolDay),
        benchmarks:
          input.benchmarks === undefined || input.benchmarks === null
            ? input.kind && input.kind !== encounter.kind
              ? null
              : encounter.benchmarks
            : input.benchmarks,
        employerIds: pick(input.employerIds, encounter.employerIds),
        volunteerIds: pick(input.volunteerIds, encounter.volunteerIds),
        yearGroups: pick(input.yearGroups, encounter.yearGroups),
        subject: input.subject === undefined ? encounter.subject : input.subject,
        hashtags: pick(input.hashtags, encounter.hashtags),
        checklistTicked: input.checklist === undefined || input.checklist === null ? encounter.checklistTicked : tickedItems(input.checklist),
        adviserName: input.adviserName === undefined ? encounter.adviserName : input.adviserName,
        adviserLevel: input.adviserLevel === undefined ? encounter.adviserLevel : input.adviserLevel,
      },
      new Date(),
    );
    if (checked.fields.length > 0) return result(null, EncounterProblems.invalid(checked.fields));
    this.em.assign(encounter, { ...checked.values, updatedAt: new Date() });
    await this.em.flush();
    return result(encounter, null);
  }
}

/**
 * The list's filters as SQL over `encounter e`, their values appended to `parameters`. Days are days
 * in England, whatever the time of the encounter. Filters that make no sense are the caller's mistake.
 */
function listFilters(args: EncountersArgs, parameters: unknown[]): string {
  const conditions: string[] = [];
  const bind = (value: unknown) => {
    parameters.push(value);
    return `$${parameters.length}`;
  };
  const day = (value: string | null | undefined, name: string): string | null => {
    if (value == null || value === '') return null;
    const parsed = parseDay(value);
    if (!parsed) throw InputError.invalid(`${name} must be a day written YYYY-MM-DD.`);
    return parsed;
  };
  const from = day(args.from, 'from');
  const to = day(args.to, 'to');
  if (from && to && to < from) throw InputError.invalid('to must not be before from.');
  if (args.kind) conditions.push(`e.kind = ${bind(args.kind)}`);
  if (from) conditions.push(`(e.date at time zone 'Europe/London')::date >= ${bind(from)}::date`);
  if (to) conditions.push(`(e.date at time zone 'Europe/London')::date <= ${bind(to)}::date`);
  if (args.benchmark != null) {
    if (!Number.isInteger(args.benchmark) || args.benchmark < 1 || args.benchmark > 8) throw InputError.invalid('benchmark must be a number from 1 to 8.');
    conditions.push(`${bind(args.benchmark)}::int = any(e.benchmarks)`);
  }
  if (args.yearGroup != null) {
    if (!Number.isInteger(args.yearGroup) || args.yearGroup < 7 || args.yearGroup > 13) throw InputError.invalid('yearGroup must be a number from 7 to 13.');
    conditions.push(`${bind(args.yearGroup)}::int = any(e.year_groups)`);
  }
  const search = args.search?.trim();
  if (search) {
    if (search.length > 200) throw InputError.invalid('search must be at most 200 characters.');
    conditions.push(`strpos(lower(e.title), lower(${bind(search)})) > 0`);
  }
  return conditions.map((condition) => `and ${condition}`).join(' ');
}
