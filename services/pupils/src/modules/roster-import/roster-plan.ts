import { createHash } from 'node:crypto';
import { VULNERABLE_GROUP_CODES, type VulnerableGroupCode } from '@waymark/domain';
import type { RejectedRowData, RosterRow } from './roster-validate.js';

/** The columns of `pupil` an import reads and writes, as loaded for planning. */
export interface RosterPupil {
  id: string;
  upn: string;
  schoolId: string;
  trustId: string | null;
  leftOn: string | null;
  legalForename: string;
  legalSurname: string;
  preferredName: string | null;
  dateOfBirth: string;
  yearGroup: number | null;
  yearGroupAcademicYear: number | null;
  tutorGroup: string | null;
  senSupport: boolean;
  ehcp: boolean;
  disadvantaged: boolean;
  eal: boolean;
  lookedAfter: boolean;
  youngCarer: boolean;
  serviceChild: boolean;
  refugee: boolean;
}

export const IMPORTED_FLAGS = ['senSupport', 'ehcp', 'disadvantaged', 'eal', 'lookedAfter', 'youngCarer', 'serviceChild', 'refugee'] as const;
export type ImportedFlag = (typeof IMPORTED_FLAGS)[number];

export type RosterAction = 'add' | 'change' | 'rejoin' | 'transfer' | 'touch';

/** One pupil row to write: the state after, the state before (null for a new pupil), and why. */
export interface PlannedWrite {
  action: RosterAction;
  line: number;
  before: RosterPupil | null;
  after: RosterPupil;
  flagChanges: { group: VulnerableGroupCode; value: boolean }[];
}

export interface RosterPlan {
  writes: PlannedWrite[];
  unchanged: number;
  clashes: RejectedRowData[];
  markLeft: RosterPupil[];
  counts: { toAdd: number; toChange: number; toMarkLeft: number; unchanged: number; transfersIn: number };
}

export interface PlanInput {
  schoolId: string;
  trustId: string | null;
  academicYear: number;
  fullRoster: boolean;
  rows: RosterRow[];
  /** Every pupil on roll at the school, and every pupil anywhere whose UPN is in `rows`. */
  existing: RosterPupil[];
  protectedUpns: readonly string[];
  /** Id for a new pupil; the preview's ids are never used, so any source works there. */
  newId: () => string;
}

const DETAIL_FIELDS = ['legalForename', 'legalSurname', 'preferredName', 'dateOfBirth', 'yearGroup', 'tutorGroup'] as const;

function merged(before: RosterPupil, row: RosterRow, schoolId: string, trustId: string | null, academicYear: number): RosterPupil {
  const after: RosterPupil = {
    ...before,
    schoolId,
    trustId,
    leftOn: null,
    legalForename: row.legalForename,
    legalSurname: row.legalSurname,
    dateOfBirth: row.dateOfBirth,
    yearGroup: row.yearGroup,
    yearGroupAcademicYear: academicYear,
  };
  if (row.preferredName !== undefined) after.preferredName = row.preferredName;
  if (row.tutorGroup !== undefined) after.tutorGroup = row.tutorGroup;
  for (const flag of IMPORTED_FLAGS) if (row[flag] !== undefined) after[flag] = row[flag]!;
  return after;
}

function flagChanges(before: RosterPupil | null, after: RosterPupil): PlannedWrite['flagChanges'] {
  return IMPORTED_FLAGS.filter((flag) => after[flag] !== (before ? before[flag] : false)).map((flag) => ({
    group: VULNERABLE_GROUP_CODES[flag],
    value: after[flag],
  }));
}

/**
 * What importing `rows` into a school does, decided from the database state alone, so the preview
 * and the commit (which recomputes it inside its transaction) always agree:
 * - a UPN Waymark has never seen → a new pupil;
 * - on roll here → changed, or unchanged when nothing differs;
 * - left here → back on roll (a new enrolment);
 * - left another school → a transfer in: the same pupil row moves here;
 * - on roll at another school → rejected as a clash;
 * - a full roster marks every pupil on roll here but absent from the file as left, except those
 *   whose row was rejected (they are in the file, only unreadable).
 */
export function planRoster(input: PlanInput): RosterPlan {
  const byUpn = new Map(input.existing.map((pupil) => [pupil.upn, pupil]));
  const writes: PlannedWrite[] = [];
  const clashes: RejectedRowData[] = [];
  let unchanged = 0;

  for (const row of input.rows) {
    const before = byUpn.get(row.upn) ?? null;
    if (!before) {
      const blank: RosterPupil = {
        id: input.newId(),
        upn: row.upn,
        schoolId: input.schoolId,
        trustId: input.trustId,
        leftOn: null,
        legalForename: row.legalForename,
        legalSurname: row.legalSurname,
        preferredName: null,
        dateOfBirth: row.dateOfBirth,
        yearGroup: row.yearGroup,
        yearGroupAcademicYear: input.academicYear,
        tutorGroup: null,
        senSupport: false,
        ehcp: false,
        disadvantaged: false,
        eal: false,
        lookedAfter: false,
        youngCarer: false,
        serviceChild: false,
        refugee: false,
      };
      const after = merged(blank, row, input.schoolId, input.trustId, input.academicYear);
      writes.push({ action: 'add', line: row.line, before: null, after, flagChanges: flagChanges(null, after) });
      continue;
    }
    if (before.schoolId !== input.schoolId && before.leftOn === null) {
      clashes.push({
        line: row.line,
        upn: row.upn,
        field: 'upn',
        reason: 'This pupil is on roll at another school in Waymark. That school needs to record that they have left before they can join yours.',
      });
      continue;
    }
    const after = merged(before, row, input.schoolId, input.trustId, input.academicYear);
    const changes = flagChanges(before, after);
    if (before.schoolId !== input.schoolId) {
      writes.push({ action: 'transfer', line: row.line, before, after, flagChanges: changes });
    } else if (before.leftOn !== null) {
      writes.push({ action: 'rejoin', line: row.line, before, after, flagChanges: changes });
    } else if (changes.length > 0 || DETAIL_FIELDS.some((field) => after[field] !== before[field])) {
      writes.push({ action: 'change', line: row.line, before, after, flagChanges: changes });
    } else {
      unchanged += 1;
      // Nothing the leader would see changes, but the year group is now known to be this year's.
      if (before.yearGroupAcademicYear !== after.yearGroupAcademicYear) writes.push({ action: 'touch', line: row.line, before, after, flagChanges: [] });
    }
  }

  const inFile = new Set([...input.rows.map((row) => row.upn), ...input.protectedUpns]);
  const markLeft = input.fullRoster
    ? input.existing.filter((pupil) => pupil.schoolId === input.schoolId && pupil.leftOn === null && !inFile.has(pupil.upn))
    : [];

  const count = (...actions: RosterAction[]) => writes.filter((write) => actions.includes(write.action)).length;
  return {
    writes,
    unchanged,
    clashes,
    markLeft,
    counts: { toAdd: count('add'), toChange: count('change', 'rejoin'), toMarkLeft: markLeft.length, unchanged, transfersIn: count('transfer') },
  };
}

/** A digest of the state a plan was made from: when it differs at commit, the roster changed since the preview. */
export function rosterFingerprint(existing: RosterPupil[]): string {
  const hash = createHash('sha256');
  for (const pupil of [...existing].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    hash.update(
      JSON.stringify([
        pupil.id, pupil.upn, pupil.schoolId, pupil.trustId, pupil.leftOn, pupil.legalForename, pupil.legalSurname, pupil.preferredName,
        pupil.dateOfBirth, pupil.yearGroup, pupil.yearGroupAcademicYear, pupil.tutorGroup,
        ...IMPORTED_FLAGS.map((flag) => pupil[flag]),
      ]),
    );
    hash.update('\n');
  }
  return hash.digest('hex');
}
