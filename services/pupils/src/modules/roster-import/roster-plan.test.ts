import { describe, expect, it } from 'vitest';
import { makeUpn } from '@waymark/domain';
import {
  flagBits,
  IDENTITY_MESSAGES,
  identityEditsHere,
  IMPORTED_FLAGS,
  planRoster,
  rosterFingerprint,
  sameIdentity,
  type RosterPupil,
} from './roster-plan.js';
import type { RosterRow } from './roster-validate.js';

const HERE = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const THERE = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const upn = (n: number) => makeUpn(`9990000000${String(n).padStart(2, '0')}`);

function pupil(n: number, extra: Partial<RosterPupil> = {}): RosterPupil {
  return {
    id: `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`,
    upn: upn(n),
    schoolId: HERE,
    trustId: null,
    leftOn: null,
    enrolledOn: '2020-09-01',
    legalForename: `F${n}`,
    legalSurname: `S${n}`,
    preferredName: null,
    dateOfBirth: '2011-04-03',
    yearGroup: 10,
    yearGroupAcademicYear: 2026,
    tutorGroup: '10A',
    homeLaCode: null,
    addressLine1: null,
    addressLine2: null,
    addressTown: null,
    addressPostcode: null,
    parentCarerName: null,
    parentCarerSameAddress: false,
    parentCarerAddressLine1: null,
    parentCarerAddressLine2: null,
    parentCarerAddressTown: null,
    parentCarerAddressPostcode: null,
    senSupport: false,
    ehcp: false,
    disadvantaged: false,
    eal: false,
    lookedAfter: false,
    youngCarer: false,
    serviceChild: false,
    refugee: false,
    ...extra,
  };
}

const rowOf = (p: RosterPupil, extra: Partial<RosterRow> = {}): RosterRow => ({
  line: 2,
  upn: p.upn,
  legalSurname: p.legalSurname,
  legalForename: p.legalForename,
  dateOfBirth: p.dateOfBirth,
  yearGroup: p.yearGroup!,
  tutorGroup: p.tutorGroup,
  ...extra,
});

const plan = (rows: RosterRow[], existing: RosterPupil[], fullRoster = true, protectedUpns: string[] = [], fromAnotherSchool: string[] = []) =>
  planRoster({
    schoolId: HERE,
    trustId: null,
    academicYear: 2026,
    today: '2026-11-23',
    fullRoster,
    rows,
    existing,
    protectedUpns,
    fromAnotherSchool: new Set(fromAnotherSchool),
    newId: () => 'new-id',
  });

describe('planRoster', () => {
  it('sorts every row into add, change, unchanged, transfer in, back on roll or clash', () => {
    const same = pupil(1);
    const changed = pupil(2);
    const leftHere = pupil(3, { leftOn: '2026-07-20' });
    const leftThere = pupil(4, { schoolId: THERE, leftOn: '2026-07-20', eal: true });
    const onRollThere = pupil(5, { schoolId: THERE });
    const result = plan(
      [
        rowOf(same),
        rowOf(changed, { tutorGroup: '10B' }),
        rowOf(leftHere),
        rowOf(leftThere),
        rowOf(onRollThere, { line: 9 }),
        { ...rowOf(pupil(6)), disadvantaged: true },
      ],
      [same, changed, leftHere, leftThere, onRollThere],
    );
    expect(result.writes.map((w) => [w.action, w.after.upn])).toEqual([
      ['change', changed.upn],
      ['rejoin', leftHere.upn],
      ['transfer', leftThere.upn],
      ['add', upn(6)],
    ]);
    expect(result.counts).toEqual({ toAdd: 1, toChange: 2, toMarkLeft: 0, unchanged: 1, transfersIn: 1 });
    expect(result.clashes).toEqual([expect.objectContaining({ line: 9, upn: onRollThere.upn, field: 'upn' })]);
    const transfer = result.writes.find((w) => w.action === 'transfer')!;
    expect(transfer.after).toMatchObject({ id: leftThere.id, schoolId: HERE, leftOn: null, enrolledOn: '2026-11-23', eal: true });
    expect(result.writes.find((w) => w.action === 'rejoin')!.after).toMatchObject({ leftOn: null, enrolledOn: '2026-11-23' });
    expect(result.writes.find((w) => w.action === 'change')!.after.enrolledOn).toBe('2020-09-01');
    // A new pupil's flags are where they start, not changes: kept on the row (see flagBits).
    const added = result.writes.find((w) => w.action === 'add')!;
    expect(added.after).toMatchObject({ id: 'new-id', enrolledOn: '2026-11-23', disadvantaged: true, eal: false });
    expect(added.flagChanges).toEqual([]);
    expect(flagBits(added.after)).toBe(1 << IMPORTED_FLAGS.indexOf('disadvantaged'));
  });

  it('moves a pupil from another school only on their own legal name and date of birth, and never rewrites them', () => {
    const leftThere = pupil(1, { schoolId: THERE, leftOn: '2026-07-20', legalForename: 'Zoë', legalSurname: 'Smith-Jones' });
    const onRollThere = pupil(2, { schoolId: THERE });
    const cameHere = pupil(3);
    const rows = [
      rowOf(leftThere, { legalForename: 'ZOE', legalSurname: ' smith-jones ', line: 2 }),
      rowOf(onRollThere, { legalSurname: 'Madeup', line: 3 }),
      rowOf(cameHere, { dateOfBirth: '2011-04-04', line: 4 }),
    ];
    // Of the pupils here, only the one whose identity the file edits needs its history looked up.
    expect(identityEditsHere(HERE, rows, [leftThere, onRollThere, cameHere, pupil(4)])).toEqual([cameHere.id]);
    const result = plan(rows, [leftThere, onRollThere, cameHere], false, [], [cameHere.id]);
    expect(result.writes.map((w) => [w.action, w.after.upn])).toEqual([['transfer', leftThere.upn]]);
    expect(result.writes[0].after).toMatchObject({ legalForename: 'Zoë', legalSurname: 'Smith-Jones', schoolId: HERE });
    expect(result.unmatched).toEqual([{ line: 3, upn: onRollThere.upn, field: null, reason: IDENTITY_MESSAGES.unmatched }]);
    expect(result.clashes).toEqual([{ line: 4, upn: cameHere.upn, field: null, reason: IDENTITY_MESSAGES.kept }]);
    // Unmatched rows are in no count: the preview decides how to show them.
    expect(result.counts).toEqual({ toAdd: 0, toChange: 0, toMarkLeft: 0, unchanged: 0, transfersIn: 1 });
    // A pupil who has only ever been here can have their identity corrected.
    const corrected = plan([rows[2]], [cameHere], false);
    expect(corrected.writes.map((w) => [w.action, w.after.dateOfBirth])).toEqual([['change', '2011-04-04']]);
  });

  it.each<[string, Partial<RosterRow>, boolean, Partial<RosterPupil>?]>([
    ['the same details', {}, true],
    ['case', { legalForename: 'f1', legalSurname: 'S1' }, true],
    ['accents', { legalForename: 'Zoe' }, true, { legalForename: 'Zoë' }],
    ['spaces around and inside', { legalSurname: '  Mc  Neil ' }, true, { legalSurname: 'Mc Neil' }],
    ['a German sharp s written as SS', { legalSurname: 'STRASSE' }, true, { legalSurname: 'Straße' }],
    ['another surname', { legalSurname: 'S2' }, false],
    ['another forename', { legalForename: 'F2' }, false],
    ['another date of birth', { dateOfBirth: '2011-04-04' }, false],
    ['forename and surname swapped', { legalForename: 'S1', legalSurname: 'F1' }, false],
  ])('compares identities ignoring only case, accents and spacing: %s', (_why, row, same, stored = {}) => {
    const record = pupil(1, stored);
    expect(sameIdentity(rowOf(record, row), record)).toBe(same);
  });

  it('records a flag change only for groups the file has, and only when the value differs', () => {
    const before = pupil(1, { senSupport: true, refugee: true });
    const [write] = plan([rowOf(before, { senSupport: false, ehcp: true, refugee: true })], [before]).writes;
    expect(write.flagChanges).toEqual([
      { group: 'SEN_SUPPORT', value: false },
      { group: 'EHCP', value: true },
    ]);
    expect(write.after.refugee).toBe(true);
  });

  it('marks pupils missing from a full roster as left, but never those on a rejected row', () => {
    const kept = pupil(1);
    const missing = pupil(2);
    const rejected = pupil(3);
    const elsewhere = pupil(4, { schoolId: THERE });
    const full = plan([rowOf(kept)], [kept, missing, rejected, elsewhere], true, [rejected.upn]);
    expect(full.markLeft.map((p) => p.upn)).toEqual([missing.upn]);
    expect(plan([rowOf(kept)], [kept, missing], false).markLeft).toEqual([]);
  });

  it("writes an unchanged pupil only to note that the year group is this year's", () => {
    const lastYear = pupil(1, { yearGroupAcademicYear: 2025 });
    const result = plan([rowOf(lastYear)], [lastYear]);
    expect(result.counts.unchanged).toBe(1);
    expect(result.writes.map((w) => w.action)).toEqual(['touch']);
  });

  it.each(IMPORTED_FLAGS)("keeps a new pupil's %s as its own bit, in IMPORTED_FLAGS order", (flag) => {
    expect(flagBits({ ...pupil(1), [flag]: true })).toBe(1 << IMPORTED_FLAGS.indexOf(flag));
  });

  it('fingerprints the state regardless of order, and notices any change', () => {
    const a = pupil(1);
    const b = pupil(2);
    expect(rosterFingerprint([a, b])).toBe(rosterFingerprint([b, a]));
    expect(rosterFingerprint([a, b])).not.toBe(rosterFingerprint([a, { ...b, tutorGroup: '10Z' }]));
    expect(rosterFingerprint([a, b])).not.toBe(rosterFingerprint([a]));
  });
});
