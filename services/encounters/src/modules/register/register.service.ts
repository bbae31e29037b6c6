import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import type { Principal } from '@waymark/auth';
import {
  academicYearOf,
  dayInEngland,
  PROVIDER_ACCESS_KINDS,
  isBlankRecord,
  parseCsv,
  parseDay,
  reflectionProblem,
  todayInEngland,
  vulnerableGroupOfCode,
  type VulnerableGroupCode,
} from '@waymark/domain';
import {
  boundSql,
  hasControlCharacters,
  InputError,
  isUuid,
  mutationError,
  pgArray,
  pupilRecordRoute,
  scopeOf,
  type MutationError,
} from '@waymark/subgraph-kit';
import { Encounter, Participation } from '../encounter/encounter.entity.js';
import { EncounterError } from '../encounter/encounter.errors.js';
import { groupBit } from '../benchmarks/benchmarks.service.js';
import type { Cohort } from '../external/pupils.client.js';
import type {
  RecordGroupReflectionInput,
  RecordGroupReflectionResult,
  RecordReflectionResult,
  RegisterChangeResult,
  RegisterImportResult,
  ImportRegisterInput,
  InviteInput,
  MarkAttendanceInput,
} from './register.types.js';

export const MAX_REGISTER_ROWS = 5000;
/** The longest tutor group a roster can hold. */
export const MAX_TUTOR_GROUP_LENGTH = 255;
/** More than any school has; a longer list only costs time. */
export const MAX_TUTOR_GROUPS = 200;

/**
 * The tutor groups an invitation filters on, checked before anything is read: a list no school
 * could have (too many, too long, with control characters) is the caller's mistake.
 */
function checkedTutorGroups(tutorGroups: readonly string[] | null | undefined): Set<string> {
  const given = tutorGroups ?? [];
  if (given.length > MAX_TUTOR_GROUPS) throw InputError.invalid(`Invite at most ${MAX_TUTOR_GROUPS} tutor groups at once.`);
  if (given.some((group) => group.length > MAX_TUTOR_GROUP_LENGTH || hasControlCharacters(group))) {
    throw InputError.invalid('That is not a tutor group Waymark could hold: check it and try again.');
  }
  return new Set(given.map((group) => group.trim().toLowerCase()));
}

const YES = new Set(['yes', 'y', 'present', 'attended', 'true', '1', 'x', '/']);
const NO = new Set(['no', 'n', 'absent', 'false', '0', '']);
const DECLINED = new Set(['declined', 'chose not to go', 'chosenottogo']);

/** A register cell's mark: went, did not, or (a sixth-former at a provider encounter) chose not to go; null when it is none of them. */
export function markOf(cell: string): { attended: boolean; declined: boolean } | null {
  const value = cell.trim().toLowerCase().replace(/\s+/g, ' ');
  if (YES.has(value)) return { attended: true, declined: false };
  if (NO.has(value)) return { attended: false, declined: false };
  if (DECLINED.has(value)) return { attended: false, declined: true };
  return null;
}

const squash = (header: string) => header.toLowerCase().replace(/[^a-z]/g, '');
const UPN_HEADERS = new Set(['upn', 'uniquepupilnumber', 'pupilupn']);
const ATTENDED_HEADERS = new Set(['attended', 'attendance', 'present', 'attendedyn', 'mark']);

export interface ParsedRegister {
  rows: { line: number; upn: string; attended: boolean; declined: boolean }[];
  rejected: { line: number; upn: string | null; reason: string }[];
  /** A problem with the file as a whole (no header, missing column). */
  fileProblem: string | null;
}

/**
 * A register CSV: a header with a UPN column and an attendance column, then one pupil per row. Every
 * row's problem is listed (a UPN not on roll, a mark that is not yes, no or declined, a UPN twice).
 */
export function parseRegisterCsv(csv: string, upnsOnRoll: ReadonlySet<string>): ParsedRegister {
  const { records, unclosedQuoteLine } = parseCsv(csv);
  const rejected: ParsedRegister['rejected'] = [];
  if (records.length === 0) return { rows: [], rejected, fileProblem: 'The file is empty.' };
  if (unclosedQuoteLine !== null) return { rows: [], rejected, fileProblem: `A quote opened on line ${unclosedQuoteLine} never closes.` };
  const header = records[0].cells.map(squash);
  const upnColumn = header.findIndex((h) => UPN_HEADERS.has(h));
  const attendedColumn = header.findIndex((h) => ATTENDED_HEADERS.has(h));
  if (upnColumn === -1 || attendedColumn === -1) {
    return { rows: [], rejected, fileProblem: 'The first row must name a UPN column and an Attended column.' };
  }
  const body = records.slice(1).filter((record) => !isBlankRecord(record));
  if (body.length > MAX_REGISTER_ROWS) return { rows: [], rejected, fileProblem: `A register can have at most ${MAX_REGISTER_ROWS} rows.` };
  const rows: ParsedRegister['rows'] = [];
  const firstLineOf = new Map<string, number>();
  for (const record of body) {
    const upn = (record.cells[upnColumn] ?? '').trim().toUpperCase();
    const mark = markOf(record.cells[attendedColumn] ?? '');
    if (upn === '') {
      rejected.push({ line: record.line, upn: null, reason: 'The UPN is missing.' });
      continue;
    }
    const problems: string[] = [];
    if (!upnsOnRoll.has(upn)) problems.push('No pupil on roll at your school has this UPN.');
    if (mark === null) problems.push(`"${record.cells[attendedColumn]}" is not yes, no or declined.`);
    const first = firstLineOf.get(upn);
    if (first !== undefined) problems.push(`This UPN is also on line ${first}.`);
    else firstLineOf.set(upn, record.line);
    if (problems.length > 0) rejected.push({ line: record.line, upn, reason: problems.join(' ') });
    else rows.push({ line: record.line, upn, ...mark! });
  }
  return { rows, rejected, fileProblem: null };
}

/**
 * Of `ids`, those who were not in Year 12 or 13 when the encounter took place (their year group in
 * `cohort` now, less the academic years since), or are not in it to tell: below Year 12 the provider
 * encounters are compulsory, so a pupil who did not go was absent, not someone who declined.
 */
function belowYear12Then(encounter: Encounter, cohort: Cohort, ids: readonly string[], now: Date): string[] {
  const yearsSince = academicYearOf(now) - academicYearOf(encounter.date);
  const yearThen = new Map(cohort.pupilIds.map((id, i) => [id, cohort.yearGroups[i] - yearsSince]));
  return ids.filter((id) => (yearThen.get(id) ?? 0) < 12);
}

const NOT_DECLINABLE = 'Only an encounter with a college, training provider or apprenticeship provider can be declined: mark the pupils absent.';
const declinable = (encounter: Encounter) => (PROVIDER_ACCESS_KINDS as readonly string[]).includes(encounter.kind);

export const RegisterProblems = {
  invalid(message: string): MutationError {
    return mutationError('REGISTER_INVALID', message);
  },
  notOnRoll(ids: string[]): MutationError {
    return mutationError('REGISTER_UNKNOWN_PUPILS', `${ids.length} pupil(s) are not on roll at your school.`, [
      { field: 'pupilIds', message: `Not on roll: ${ids.join(', ')}` },
    ]);
  },
  notOnRegister(ids: string[]): MutationError {
    return mutationError('REGISTER_NOT_INVITED', `${ids.length} pupil(s) are not on this register; invite them first.`, [
      { field: 'pupilIds', message: `Not on the register: ${ids.join(', ')}` },
    ]);
  },
  cannotDecline(ids: string[]): MutationError {
    return mutationError(
      'REGISTER_CANNOT_DECLINE',
      `${ids.length} pupil(s) were not in Year 12 or 13 at the time: these encounters are compulsory before Year 12, so mark them absent.`,
      [{ field: 'pupilIds', message: `Not in Years 12–13 then: ${ids.join(', ')}` }],
    );
  },
  notFound(): MutationError {
    return mutationError('ENCOUNTER_NOT_FOUND', 'There is no such encounter at your school.');
  },
};

/** Registers: inviting, marking, importing (each in one transaction), and reflections. */
export class RegisterService {
  constructor(private readonly em: EntityManager) {}

  /** The caller's school's encounter, or null. Staff only. */
  private async ownEncounter(principal: Principal, encounterId: string): Promise<Encounter | null> {
    const scope = scopeOf(principal);
    if (scope.kind !== 'school') throw EncounterError.noSchool();
    if (!isUuid(encounterId)) return null;
    return this.em.findOne(Encounter, { id: encounterId, schoolId: scope.schoolId });
  }

  /** Adds pupils not yet on the register (not attending until marked); one statement. */
  private async addToRegister(encounter: Encounter, pupilIds: string[]): Promise<number> {
    if (pupilIds.length === 0) return 0;
    const { affected } = await boundSql(
      this.em,
      `insert into participation (id, encounter_id, pupil_id, school_id, trust_id, attended)
       select id, $2::uuid, pupil_id, $3::uuid, $4::uuid, false from unnest($1::uuid[], $5::uuid[]) as t(id, pupil_id)
       on conflict (encounter_id, pupil_id) do nothing`,
      [pgArray(pupilIds.map(() => randomUUID())), encounter.id, encounter.schoolId, encounter.trustId, pgArray(pupilIds)],
    );
    return affected;
  }

  async invite(principal: Principal, input: InviteInput, cohortOf: () => Promise<Cohort>): Promise<RegisterChangeResult> {
    const tutorGroups = checkedTutorGroups(input.tutorGroups);
    const encounter = await this.ownEncounter(principal, input.encounterId);
    if (!encounter) return { encounter: null, added: 0, changed: 0, error: RegisterProblems.notFound() };
    const cohort = await cohortOf();
    const years = new Set(input.yearGroups ?? []);
    const bits = (input.groups ?? []).map((code: VulnerableGroupCode) => groupBit(vulnerableGroupOfCode(code) ?? ''));
    const picked = new Set(input.pupilIds ?? []);
    const onRoll = new Set(cohort.pupilIds);
    const unknown = [...picked].filter((id) => !onRoll.has(id));
    if (unknown.length > 0) return { encounter, added: 0, changed: 0, error: RegisterProblems.notOnRoll(unknown) };
    if (years.size + tutorGroups.size + bits.length + picked.size === 0) {
      return { encounter, added: 0, changed: 0, error: RegisterProblems.invalid('Choose year groups, tutor groups, groups or pupils to invite.') };
    }
    const chosen = cohort.pupilIds.filter(
      (id, i) =>
        picked.has(id) ||
        years.has(cohort.yearGroups[i]) ||
        tutorGroups.has((cohort.tutorGroups?.[i] ?? '').toLowerCase()) ||
        bits.some((bit) => bit >= 0 && (cohort.groupMasks[i] & (1 << bit)) !== 0),
    );
    const added = await this.em.transactional((tx) => new RegisterService(tx).addToRegister(encounter, chosen));
    return { encounter, added, changed: 0, error: null };
  }

  /**
   * Sets pupils' marks: attended, absent, or (absent and) declined. "Declined" is for the provider
   * encounters a school must offer pupils in Years 12–13 (docs/domain-rules.md, "Provider access"):
   * refused, with every pupil it cannot apply to named, anywhere else. Any other mark clears it.
   */
  async mark(
    principal: Principal,
    input: MarkAttendanceInput,
    cohortOf?: (pupilIds: string[]) => Promise<Cohort>,
    now = new Date(),
  ): Promise<RegisterChangeResult> {
    const encounter = await this.ownEncounter(principal, input.encounterId);
    if (!encounter) return { encounter: null, added: 0, changed: 0, error: RegisterProblems.notFound() };
    const ids = [...new Set(input.pupilIds)].filter((id) => isUuid(id));
    if (ids.length === 0) return { encounter, added: 0, changed: 0, error: RegisterProblems.invalid('Choose at least one pupil.') };
    const declined = input.declined === true;
    if (declined && input.attended) {
      return { encounter, added: 0, changed: 0, error: RegisterProblems.invalid('A pupil who went cannot also have declined: choose one.') };
    }
    if (declined && !declinable(encounter)) return { encounter, added: 0, changed: 0, error: RegisterProblems.invalid(NOT_DECLINABLE) };
    const onRegister = await this.em.find(Participation, { encounter: encounter.id, pupilId: { $in: ids } });
    const missing = ids.filter((id) => !onRegister.some((row) => row.pupilId === id));
    if (missing.length > 0) return { encounter, added: 0, changed: 0, error: RegisterProblems.notOnRegister(missing) };
    if (declined) {
      const tooYoung = cohortOf ? belowYear12Then(encounter, await cohortOf(ids), ids, now) : ids;
      if (tooYoung.length > 0) return { encounter, added: 0, changed: 0, error: RegisterProblems.cannotDecline(tooYoung) };
    }
    const { affected } = await boundSql(
      this.em,
      `update participation set attended = $3, declined = $4
        where encounter_id = $1::uuid and pupil_id = any($2::uuid[]) and (attended <> $3 or declined <> $4)`,
      [encounter.id, pgArray(ids), input.attended, declined],
    );
    return { encounter, added: 0, changed: affected, error: null };
  }

  /**
   * A register from a CSV: all or nothing. Any rejected row saves nothing and lists every problem;
   * otherwise pupils not yet on the register are added and every mark is set, in one transaction.
   * Importing the same file again changes nothing.
   */
  async importCsv(principal: Principal, input: ImportRegisterInput, cohortOf: () => Promise<Cohort>, now = new Date()): Promise<RegisterImportResult> {
    const empty = { added: 0, changed: 0, unchanged: 0, rejected: [] };
    const encounter = await this.ownEncounter(principal, input.encounterId);
    if (!encounter) return { encounter: null, ...empty, error: RegisterProblems.notFound() };
    const cohort = await cohortOf();
    const idOfUpn = new Map((cohort.upns ?? []).map((upn, i) => [upn.toUpperCase(), cohort.pupilIds[i]]));
    const parsed = parseRegisterCsv(input.csv, new Set(idOfUpn.keys()));
    if (parsed.fileProblem) return { encounter, ...empty, error: RegisterProblems.invalid(parsed.fileProblem) };
    if (parsed.rejected.length > 0) {
      return {
        encounter,
        ...empty,
        rejected: parsed.rejected,
        error: RegisterProblems.invalid(`${parsed.rejected.length} row(s) need fixing; nothing was saved.`),
      };
    }
    if (parsed.rows.length === 0) return { encounter, ...empty, error: RegisterProblems.invalid('The file has no pupils in it.') };
    const marks = parsed.rows.map((row) => ({ line: row.line, upn: row.upn, pupilId: idOfUpn.get(row.upn)!, attended: row.attended, declined: row.declined }));
    const declining = marks.filter((m) => m.declined);
    if (declining.length > 0 && !declinable(encounter)) return { encounter, ...empty, error: RegisterProblems.invalid(NOT_DECLINABLE) };
    const tooYoung = new Set(
      belowYear12Then(
        encounter,
        cohort,
        declining.map((m) => m.pupilId),
        now,
      ),
    );
    if (tooYoung.size > 0) {
      const rejected = declining
        .filter((m) => tooYoung.has(m.pupilId))
        .map((m) => ({ line: m.line, upn: m.upn, reason: 'They were not in Year 12 or 13 then: the encounter was compulsory for them, so mark them absent.' }));
      return { encounter, ...empty, rejected, error: RegisterProblems.invalid(`${rejected.length} row(s) need fixing; nothing was saved.`) };
    }
    return this.em.transactional(async (tx) => {
      const before = await boundSql<{ pupil_id: string; attended: boolean; declined: boolean }>(
        tx,
        'select pupil_id, attended, declined from participation where encounter_id = $1::uuid and pupil_id = any($2::uuid[]) for update',
        [encounter.id, pgArray(marks.map((m) => m.pupilId))],
      );
      const existing = new Map(before.rows.map((row) => [row.pupil_id, row]));
      const added = marks.filter((m) => !existing.has(m.pupilId)).length;
      const changed = marks.filter((m) => {
        const row = existing.get(m.pupilId);
        return row !== undefined && (row.attended !== m.attended || row.declined !== m.declined);
      }).length;
      await new RegisterService(tx).addToRegister(
        encounter,
        marks.filter((m) => !existing.has(m.pupilId)).map((m) => m.pupilId),
      );
      await boundSql(
        tx,
        `update participation p set attended = t.attended, declined = t.declined
           from unnest($2::uuid[], $3::boolean[], $4::boolean[]) as t(pupil_id, attended, declined)
          where p.encounter_id = $1::uuid and p.pupil_id = t.pupil_id and (p.attended <> t.attended or p.declined <> t.declined)`,
        [encounter.id, pgArray(marks.map((m) => m.pupilId)), pgArray(marks.map((m) => m.attended)), pgArray(marks.map((m) => m.declined))],
      );
      return { encounter, added, changed, unchanged: marks.length - added - changed, rejected: [], error: null };
    });
  }

  /**
   * Reflection time the school gave the group (in tutor time, say): recorded in one step for every
   * pupil who attended, which meets the checklist's reflection item for each of them. Staff of the
   * school that ran the encounter; the day is on or after the encounter and not in the future.
   */
  async recordGroupReflection(principal: Principal, input: RecordGroupReflectionInput, now = new Date()): Promise<RecordGroupReflectionResult> {
    const encounter = await this.ownEncounter(principal, input.encounterId);
    if (!encounter) return { encounter: null, recorded: 0, error: RegisterProblems.notFound() };
    const day = parseDay(input.on);
    const held = dayInEngland(encounter.date);
    const problem = !day
      ? 'Enter the day of the reflection time as a real date, like 2026-10-05'
      : day < held
        ? 'The reflection time must be on or after the day of the activity'
        : day > todayInEngland(now)
          ? 'The reflection time must have happened: the date cannot be in the future'
          : null;
    if (problem) return { encounter, recorded: 0, error: mutationError('REFLECTION_DAY_INVALID', problem, [{ field: 'on', message: problem }]) };
    const { affected } = await boundSql(
      this.em,
      'update participation set group_reflection_on = $2::date where encounter_id = $1::uuid and attended and group_reflection_on is null',
      [encounter.id, day],
    );
    return { encounter, recorded: affected, error: null };
  }

  /** The pupil themself, or staff of the school that ran the encounter. */
  async reflect(principal: Principal, participationId: string, text: string): Promise<RecordReflectionResult> {
    const notFound = { participation: null, error: mutationError('PARTICIPATION_NOT_FOUND', 'There is no such activity on your record.') };
    if (!isUuid(participationId)) return notFound;
    const row = await this.em.findOne(Participation, { id: participationId }, { populate: ['encounter'] });
    if (!row) return notFound;
    const scope = scopeOf(principal);
    const self = pupilRecordRoute(principal, row.pupilId) === 'own';
    const staff = scope.kind === 'school' && scope.schoolId === row.schoolId;
    if (!self && !staff) return notFound;
    // The pupil's form runs the same rule before sending.
    const problem = reflectionProblem(text);
    if (problem) return { participation: null, error: mutationError('REFLECTION_INVALID', problem, [{ field: 'reflection', message: problem }]) };
    const reflection = text.trim();
    if (!row.attended) return { participation: null, error: mutationError('REFLECTION_NOT_ATTENDED', 'Reflections are for activities the pupil attended.') };
    row.reflection = reflection;
    row.reflectedAt = new Date();
    await this.em.flush();
    return { participation: row, error: null };
  }
}
