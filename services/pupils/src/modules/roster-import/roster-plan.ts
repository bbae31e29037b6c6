import { createHash } from 'node:crypto';
import { VULNERABLE_GROUP_CODES, type VulnerableGroupCode } from '@waymark/domain';
import { ROSTER_ADDRESS_FIELDS, ROSTER_ADDRESS_TEXT_FIELDS, type RosterAddressTextField } from './roster-address.js';
import type { RejectedRowData, RosterRow } from './roster-validate.js';

/** The pupil's address and their parent or carer, as the pupil row holds them (roster-address.ts). */
export type RosterPupilAddress = { [K in RosterAddressTextField]: string | null } & { parentCarerSameAddress: boolean };

/** The columns of `pupil` an import reads and writes, as loaded for planning. */
export interface RosterPupil extends RosterPupilAddress {
  id: string;
  upn: string;
  schoolId: string;
  trustId: string | null;
  leftOn: string | null;
  /** When the pupil's latest period at `schoolId` began (it ended on `leftOn`, if set). */
  enrolledOn: string;
  legalForename: string;
  legalSurname: string;
  preferredName: string | null;
  dateOfBirth: string;
  yearGroup: number | null;
  yearGroupAcademicYear: number | null;
  tutorGroup: string | null;
  homeLaCode: string | null;
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
  /**
   * Rows naming a pupil Waymark holds at another school under a different legal name or date of
   * birth: never written. The preview counts them as new pupils, as it would a UPN Waymark has never
   * seen, so that it cannot be used to find out which UPNs Waymark holds; the commit reports them.
   */
  unmatched: RejectedRowData[];
  markLeft: RosterPupil[];
  counts: { toAdd: number; toChange: number; toMarkLeft: number; unchanged: number; transfersIn: number };
}

export interface PlanInput {
  schoolId: string;
  trustId: string | null;
  academicYear: number;
  /** The day the import lands (yyyy-mm-dd): new periods at the school start on it. */
  today: string;
  fullRoster: boolean;
  rows: RosterRow[];
  /** Every pupil on roll at the school, and every pupil anywhere whose UPN is in `rows`. */
  existing: RosterPupil[];
  protectedUpns: readonly string[];
  /**
   * Pupils who have had a period at a school other than their row's, whose identity is therefore
   * shared with that school. Only the pupils `identityEditsHere` names need to be in it.
   */
  fromAnotherSchool: ReadonlySet<string>;
  /** Id for a new pupil; the preview's ids are never used, so any source works there. */
  newId: () => string;
}

const DETAIL_FIELDS = [
  'legalForename',
  'legalSurname',
  'preferredName',
  'dateOfBirth',
  'yearGroup',
  'tutorGroup',
  'homeLaCode',
  ...ROSTER_ADDRESS_FIELDS,
] as const;

/** The address and parent or carer a row gives, over `before` (a new pupil: none). Living at the pupil's address drops an own address. */
function mergedAddress(before: RosterPupilAddress | null, row: RosterRow): RosterPupilAddress {
  const after = {} as RosterPupilAddress;
  for (const field of ROSTER_ADDRESS_TEXT_FIELDS) after[field] = row[field] !== undefined ? row[field]! : (before?.[field] ?? null);
  after.parentCarerSameAddress = row.parentCarerSameAddress ?? before?.parentCarerSameAddress ?? false;
  if (after.parentCarerSameAddress) {
    after.parentCarerAddressLine1 = null;
    after.parentCarerAddressLine2 = null;
    after.parentCarerAddressTown = null;
    after.parentCarerAddressPostcode = null;
  }
  return after;
}

/** Whether a row has any address field (most files have none, and their rows skip the merge). */
const hasAddress = (row: RosterRow) => ROSTER_ADDRESS_FIELDS.some((field) => row[field] !== undefined);

/** A legal name as people type it, so that "Zoë" and " ZOE " are one name: accents, case and spacing aside. */
function nameKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toUpperCase().toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The row names the same person as the record: legal forename, legal surname and date of birth. */
export function sameIdentity(
  row: Pick<RosterRow, 'legalForename' | 'legalSurname' | 'dateOfBirth'>,
  pupil: Pick<RosterPupil, 'legalForename' | 'legalSurname' | 'dateOfBirth'>,
): boolean {
  return (
    row.dateOfBirth === pupil.dateOfBirth &&
    nameKey(row.legalSurname) === nameKey(pupil.legalSurname) &&
    nameKey(row.legalForename) === nameKey(pupil.legalForename)
  );
}

export const IDENTITY_MESSAGES = {
  unmatched:
    'Not imported: Waymark already has a pupil with this UPN, under a different legal name or date of birth. Check the UPN; if it is right, ' +
    "contact the pupil's previous school to agree their legal name and date of birth, then import this pupil again.",
  kept:
    'Not imported: this pupil came from another school, so an import cannot change their legal name or date of birth, and this row has ' +
    'different ones. Check them in your MIS; if Waymark has them wrong, contact Waymark support.',
};

/**
 * The pupils on roll at (or left) the school whose row would change their legal name or date of birth
 * as written. That is allowed only for a pupil who has never been at another school, so of these alone
 * the plan needs to know who has (usually none, so the history need not be read for every pupil).
 */
export function identityEditsHere(schoolId: string, rows: RosterRow[], existing: RosterPupil[]): string[] {
  const byUpn = new Map(existing.map((pupil) => [pupil.upn, pupil]));
  const ids: string[] = [];
  for (const row of rows) {
    const pupil = byUpn.get(row.upn);
    if (!pupil || pupil.schoolId !== schoolId) continue;
    if (row.legalForename !== pupil.legalForename || row.legalSurname !== pupil.legalSurname || row.dateOfBirth !== pupil.dateOfBirth) ids.push(pupil.id);
  }
  return ids;
}

/** The pupil after the row: its identity (legal names, date of birth) only when it is not shared with another school. */
function merged(before: RosterPupil, row: RosterRow, schoolId: string, trustId: string | null, academicYear: number, keepIdentity: boolean): RosterPupil {
  const after: RosterPupil = {
    ...before,
    schoolId,
    trustId,
    leftOn: null,
    legalForename: keepIdentity ? before.legalForename : row.legalForename,
    legalSurname: keepIdentity ? before.legalSurname : row.legalSurname,
    dateOfBirth: keepIdentity ? before.dateOfBirth : row.dateOfBirth,
    yearGroup: row.yearGroup,
    yearGroupAcademicYear: academicYear,
  };
  if (row.preferredName !== undefined) after.preferredName = row.preferredName;
  if (row.tutorGroup !== undefined) after.tutorGroup = row.tutorGroup;
  if (row.homeLaCode !== undefined) after.homeLaCode = row.homeLaCode;
  if (hasAddress(row)) Object.assign(after, mergedAddress(before, row));
  for (const flag of IMPORTED_FLAGS) if (row[flag] !== undefined) after[flag] = row[flag]!;
  return after;
}

function flagChanges(before: RosterPupil, after: RosterPupil): PlannedWrite['flagChanges'] {
  const changes: PlannedWrite['flagChanges'] = [];
  for (const flag of IMPORTED_FLAGS) if (after[flag] !== before[flag]) changes.push({ group: VULNERABLE_GROUP_CODES[flag], value: after[flag] });
  return changes;
}

/**
 * The imported flags a new pupil starts with, one bit each in IMPORTED_FLAGS order. A new pupil's
 * starting values are kept on its row (`pupil.baseline_flags`), not as flag changes: the flag history
 * shows them as set by the import that created the pupil.
 */
export function flagBits(pupil: RosterPupil): number {
  // By name, in IMPORTED_FLAGS order: a loop reading pupil[flag] is markedly slower over 25,000 pupils.
  return (
    (pupil.senSupport ? 1 : 0) |
    (pupil.ehcp ? 2 : 0) |
    (pupil.disadvantaged ? 4 : 0) |
    (pupil.eal ? 8 : 0) |
    (pupil.lookedAfter ? 16 : 0) |
    (pupil.youngCarer ? 32 : 0) |
    (pupil.serviceChild ? 64 : 0) |
    (pupil.refugee ? 128 : 0)
  );
}

/**
 * A new pupil, as a planned write. The row it becomes is built when asked for, and not kept: a
 * preview needs just the counts, and the commit writes each batch's rows once, so 25,000 of them
 * need not all be held at once.
 */
class NewPupil implements PlannedWrite {
  readonly action = 'add';
  readonly before = null;
  readonly flagChanges = [];
  readonly line: number;

  constructor(
    private readonly row: RosterRow,
    private readonly id: string,
    private readonly input: PlanInput,
  ) {
    this.line = row.line;
  }

  get after(): RosterPupil {
    const { row, input } = this;
    return {
      id: this.id,
      upn: row.upn,
      schoolId: input.schoolId,
      trustId: input.trustId,
      leftOn: null,
      enrolledOn: input.today,
      legalForename: row.legalForename,
      legalSurname: row.legalSurname,
      preferredName: row.preferredName ?? null,
      dateOfBirth: row.dateOfBirth,
      yearGroup: row.yearGroup,
      yearGroupAcademicYear: input.academicYear,
      tutorGroup: row.tutorGroup ?? null,
      homeLaCode: row.homeLaCode ?? null,
      ...mergedAddress(null, row),
      senSupport: row.senSupport ?? false,
      ehcp: row.ehcp ?? false,
      disadvantaged: row.disadvantaged ?? false,
      eal: row.eal ?? false,
      lookedAfter: row.lookedAfter ?? false,
      youngCarer: row.youngCarer ?? false,
      serviceChild: row.serviceChild ?? false,
      refugee: row.refugee ?? false,
    };
  }
}

/**
 * What importing `rows` into a school does, decided from the database state alone, so the preview
 * and the commit (which recomputes it inside its transaction) always agree:
 * - a UPN Waymark has never seen → a new pupil;
 * - on roll here → changed, or unchanged when nothing differs;
 * - left here → back on roll (a new enrolment);
 * - left another school, with the same legal name and date of birth → a transfer in: the same pupil
 *   row moves here;
 * - on roll at another school, with the same legal name and date of birth → rejected as a clash;
 * - at (or left) another school under a different legal name or date of birth → unmatched: never
 *   written, and shown by the preview as a new pupil (see RosterPlan.unmatched);
 * - a pupil who came from another school keeps their legal name and date of birth: a row that
 *   differs is rejected (a UPN alone proves nothing, and the other school's records hang on them);
 * - a full roster marks every pupil on roll here but absent from the file as left, except those
 *   whose row was rejected (they are in the file, only unreadable).
 */
export function planRoster(input: PlanInput): RosterPlan {
  const byUpn = new Map(input.existing.map((pupil) => [pupil.upn, pupil]));
  const writes: PlannedWrite[] = [];
  const clashes: RejectedRowData[] = [];
  const unmatched: RejectedRowData[] = [];
  let unchanged = 0;

  for (const row of input.rows) {
    const before = byUpn.get(row.upn);
    if (!before) {
      writes.push(new NewPupil(row, input.newId(), input));
      continue;
    }
    const elsewhere = before.schoolId !== input.schoolId;
    // An identity shared with another school (the pupil is at it, left it, or came from it) is matched,
    // never rewritten: a UPN alone proves nothing, and that school's records of the pupil hang on it.
    const shared = elsewhere || input.fromAnotherSchool.has(before.id);
    if (shared && !sameIdentity(row, before)) {
      if (elsewhere) unmatched.push({ line: row.line, upn: row.upn, field: null, reason: IDENTITY_MESSAGES.unmatched });
      else clashes.push({ line: row.line, upn: row.upn, field: null, reason: IDENTITY_MESSAGES.kept });
      continue;
    }
    if (elsewhere && before.leftOn === null) {
      clashes.push({
        line: row.line,
        upn: row.upn,
        field: 'upn',
        reason: 'This pupil is on roll at another school in Waymark. That school needs to record that they have left before they can join yours.',
      });
      continue;
    }
    const after = merged(before, row, input.schoolId, input.trustId, input.academicYear, shared);
    const changes = flagChanges(before, after);
    if (elsewhere) {
      // A new period begins here; the one at the old school becomes history (see writeRosterPlan).
      after.enrolledOn = input.today;
      writes.push({ action: 'transfer', line: row.line, before, after, flagChanges: changes });
    } else if (before.leftOn !== null) {
      after.enrolledOn = input.today;
      writes.push({ action: 'rejoin', line: row.line, before, after, flagChanges: changes });
    } else if (changes.length > 0 || DETAIL_FIELDS.some((field) => after[field] !== before[field])) {
      writes.push({ action: 'change', line: row.line, before, after, flagChanges: changes });
    } else {
      unchanged += 1;
      // Nothing the leader would see changes, but the year group is now known to be this year's.
      if (before.yearGroupAcademicYear !== after.yearGroupAcademicYear) writes.push({ action: 'touch', line: row.line, before, after, flagChanges: [] });
    }
  }

  let markLeft: RosterPupil[] = [];
  if (input.fullRoster) {
    const inFile = new Set([...input.rows.map((row) => row.upn), ...input.protectedUpns]);
    markLeft = input.existing.filter((pupil) => pupil.schoolId === input.schoolId && pupil.leftOn === null && !inFile.has(pupil.upn));
  }

  const counts = { toAdd: 0, toChange: 0, toMarkLeft: markLeft.length, unchanged, transfersIn: 0 };
  for (const { action } of writes) {
    if (action === 'add') counts.toAdd += 1;
    else if (action === 'change' || action === 'rejoin') counts.toChange += 1;
    else if (action === 'transfer') counts.transfersIn += 1;
  }
  return { writes, unchanged, clashes, unmatched, markLeft, counts };
}

/** A digest of the state a plan was made from: when it differs at commit, the roster changed since the preview. */
export function rosterFingerprint(existing: RosterPupil[]): string {
  const hash = createHash('sha256');
  for (const pupil of [...existing].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    hash.update(
      JSON.stringify([
        pupil.id,
        pupil.upn,
        pupil.schoolId,
        pupil.trustId,
        pupil.leftOn,
        pupil.legalForename,
        pupil.legalSurname,
        pupil.preferredName,
        pupil.dateOfBirth,
        pupil.yearGroup,
        pupil.yearGroupAcademicYear,
        pupil.tutorGroup,
        pupil.homeLaCode,
        ...ROSTER_ADDRESS_FIELDS.map((field) => pupil[field]),
        ...IMPORTED_FLAGS.map((flag) => pupil[flag]),
      ]),
    );
    hash.update('\n');
  }
  return hash.digest('hex');
}
