import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makePrincipal } from '@waymark/subgraph-kit/testing';
import { demoData, demoId } from '@waymark/demo-data';
import { makeUpn, todayInEngland, year11LeavingYear } from '@waymark/domain';
import type { Principal } from '@waymark/auth';
import { Pupil } from '@waymark/pupils';
import { startHarness, type Harness } from '../../../test/harness.js';
import { PupilsClient } from '../external/pupils.client.js';
import { ActivitySpellRow } from './spell.entity.js';
import { followedLeavingYears, isFollowed } from './spell.rules.js';

/*
 * The worklist's leavers with nothing recorded (docs/domain-rules.md, "Leavers to follow up"): the
 * pupils subgraph is the real one, seeded, with a few pupils added whose leaving years follow from
 * today, so every case holds whatever the day the tests run.
 */
const data = demoData();
const [northfield, southbank] = data.schools;
const today = todayInEngland();
const year = Number(today.slice(0, 4));
// The newest summer whose leavers are past their three destination years today, and the one after it.
const expiredYear = today > `${year}-07-31` ? year - 3 : year - 4;
const recentYear = expiredYear + 1;

const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id });
const adviserNorth = makePrincipal({ roles: ['careers_adviser'], schoolId: northfield.id, trustId: data.trust.id });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId: data.trust.id });
const pupilNorth = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId: data.trust.id, pupilId: data.pupils[0].id });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id, pupilLevelAccess: true });

const NO_FLAGS = {
  senSupport: false,
  ehcp: false,
  disadvantaged: false,
  lookedAfter: false,
  eal: false,
  youngCarer: false,
  youngParent: false,
  youthJustice: false,
  refugee: false,
  serviceChild: false,
  persistentAbsence: false,
  neetRisk: false,
};
let serial = 0;
/** A pupil of `school`, who finishes Year 11 in the summer of `leavingYear` (born in the December 17 years before), left on `leftOn` (null: on roll). */
function pupil(school: typeof northfield, name: string, leavingYear: number, leftOn: string | null, destinationTracking: boolean) {
  serial += 1;
  return {
    id: demoId('worklist-pupil', name),
    schoolId: school.id,
    trustId: school.trustId,
    upn: makeUpn(`99999${String(serial).padStart(7, '0')}`),
    legalForename: name,
    legalSurname: 'Worklist',
    preferredName: null,
    dateOfBirth: `${leavingYear - 17}-12-01`,
    yearGroup: null,
    tutorGroup: null,
    leftOn,
    enrolledOn: `${leavingYear - 5}-09-01`,
    destinationTracking,
    ...NO_FLAGS,
  };
}

const recent = pupil(northfield, 'Recent', recentYear, `${recentYear}-07-20`, true);
const noConsent = pupil(northfield, 'Unasked', recentYear, `${recentYear}-07-20`, false);
// Stayed on in the school's own sixth form (or is still there): not a leaver to chase.
const stayedOn = pupil(northfield, 'Stayed', recentYear, null, true);
// Left in the spring of Year 11: not on roll the summer they finished it, so not this school's Year 11 leaver.
const leftInSpring = pupil(northfield, 'Spring', recentYear, `${recentYear}-03-01`, true);
const expired = pupil(northfield, 'Expired', expiredYear, `${expiredYear}-07-20`, true);
const southLeaver = pupil(southbank, 'Southbank', recentYear, `${recentYear}-07-20`, true);
// Left Northfield after Year 11 and joined Southbank's sixth form: Southbank's pupil now, not Northfield's leaver.
const moved = { ...pupil(southbank, 'Moved', recentYear, null, true), enrolledOn: `${recentYear}-09-04` };

type Entry = {
  pupil: { id: string };
  leavingYear: number;
  status: string;
  needsConsent: boolean;
  activity: string | null;
  lastKnownOn: string | null;
  reason: string;
};
const WORKLIST = '{ destinationsWorklist { pupil { id } leavingYear status needsConsent activity lastKnownOn reason } }';
const RECORD = `mutation ($input: RecordActivitySpellInput!) { recordActivitySpell(input: $input) { spell { id } error { code } } }`;

let harness: Harness;
const worklist = async (who: Principal): Promise<Entry[]> => {
  const res = await harness.client.query<{ destinationsWorklist: Entry[] | null }>(who, WORKLIST);
  expect(res.errors).toBeUndefined();
  return res.data!.destinationsWorklist!;
};
const entryOf = (list: Entry[], pupilId: string) => list.find((entry) => entry.pupil.id === pupilId);
const record = async (who: Principal, input: Record<string, unknown>) =>
  (await harness.client.query<{ recordActivitySpell: { spell: { id: string } | null; error: { code: string } | null } }>(who, RECORD, { input })).data!
    .recordActivitySpell;
const spellCount = (pupilId: string) => harness.orm.em.fork().count(ActivitySpellRow, { pupilId });

beforeAll(async () => {
  harness = await startHarness();
  const em = harness.pupilsOrm.em.fork();
  for (const added of [recent, noConsent, stayedOn, leftInSpring, expired, southLeaver, moved]) em.create(Pupil, added);
  await em.flush();
  await em.execute('insert into enrolment (id, pupil_id, school_id, trust_id, started_on, left_on) values (?, ?, ?, ?, ?, ?)', [
    demoId('worklist-enrolment', 'moved'),
    moved.id,
    northfield.id,
    northfield.trustId,
    `${recentYear - 5}-09-01`,
    `${recentYear}-07-20`,
  ]);
});

afterAll(async () => {
  await harness?.close();
});

describe('destinationsWorklist: leavers with nothing recorded', () => {
  it('lists a leaver the school has recorded nothing for, in their destination years', async () => {
    const list = await worklist(leaderNorth);
    expect(entryOf(list, recent.id)).toEqual({
      pupil: { id: recent.id },
      leavingYear: recentYear,
      status: 'NOTHING_RECORDED',
      needsConsent: false,
      activity: null,
      lastKnownOn: null,
      reason: 'Nothing recorded yet',
    });
    // The demo's leavers are there too, as this school's, while in their three years (they pass them each August).
    const demoLeaver = data.pupils.find((p) => p.schoolId === northfield.id && p.leftOn !== null)!;
    expect(list.some((entry) => entry.pupil.id === demoLeaver.id)).toBe(isFollowed(year11LeavingYear(demoLeaver.dateOfBirth), today));
    expect(entryOf(await worklist(adviserNorth), recent.id)).toMatchObject({ status: 'NOTHING_RECORDED' });
  });

  it('leaves out a pupil still on roll in the sixth form, one who left before the summer of Year 11, one another school has taken in since, and leavers past their three destination years', async () => {
    const ids = new Set((await worklist(leaderNorth)).map((entry) => entry.pupil.id));
    expect(ids.has(recent.id)).toBe(true);
    for (const pupilId of [stayedOn.id, leftInSpring.id, expired.id, moved.id]) expect(ids.has(pupilId)).toBe(false);
    const onRoll = data.pupils.filter((p) => p.schoolId === northfield.id && p.leftOn === null && (p.yearGroup ?? 0) >= 12);
    expect(onRoll.some((p) => ids.has(p.id))).toBe(false);
  });

  it('marks a leaver who has not agreed to being followed as needing their agreement first, and stores nothing for them', async () => {
    expect(entryOf(await worklist(leaderNorth), noConsent.id)).toEqual({
      pupil: { id: noConsent.id },
      leavingYear: recentYear,
      status: 'NOTHING_RECORDED',
      needsConsent: true,
      activity: null,
      lastKnownOn: null,
      reason: 'Nothing recorded yet',
    });
    expect(await spellCount(noConsent.id)).toBe(0);
    // As the flag says: no spell can be recorded for them until they agree.
    const refused = await record(leaderNorth, { pupilId: noConsent.id, activity: 'NOT_KNOWN', startsOn: today });
    expect(refused).toEqual({ spell: null, error: { code: 'NO_TRACKING_CONSENT' } });
    expect(await spellCount(noConsent.id)).toBe(0);
  });

  it("never shows another school's leavers (attack: another school's careers leader)", async () => {
    const south = await worklist(leaderSouth);
    expect(entryOf(south, southLeaver.id)).toMatchObject({ status: 'NOTHING_RECORDED', leavingYear: recentYear });
    const northIds = new Set(data.pupils.filter((p) => p.schoolId === northfield.id).map((p) => p.id));
    for (const id of [recent.id, noConsent.id]) northIds.add(id);
    expect(south.filter((entry) => northIds.has(entry.pupil.id))).toEqual([]);
    expect(entryOf(await worklist(leaderNorth), southLeaver.id)).toBeUndefined();
  });

  it('asks the pupils subgraph a fixed number of times, however many leavers there are', async () => {
    const onRoll = vi.spyOn(PupilsClient.prototype, 'onRoll');
    const details = vi.spyOn(PupilsClient.prototype, 'worklistDetails');
    try {
      const list = await worklist(leaderNorth);
      expect(list.length).toBeGreaterThanOrEqual(2);
      // The roll today and on 1 June of each followed summer, then every leaver's details at once.
      expect(onRoll).toHaveBeenCalledTimes(1 + followedLeavingYears(today).length);
      expect(details).toHaveBeenCalledTimes(1);
      expect(details.mock.calls[0][1].length).toBeGreaterThanOrEqual(list.length);
    } finally {
      onRoll.mockRestore();
      details.mockRestore();
    }
  });

  it('is for staff of a school only', async () => {
    for (const who of [pupilNorth, analyst]) {
      const res = await harness.client.query(who, WORKLIST);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('once a spell is recorded, the entry follows it: NEET today goes to the top of the list', async () => {
    const saved = await record(leaderNorth, { pupilId: recent.id, activity: 'NEET_AVAILABLE', startsOn: today });
    expect(saved.error).toBeNull();
    const list = await worklist(leaderNorth);
    expect(entryOf(list, recent.id)).toEqual({
      pupil: { id: recent.id },
      leavingYear: recentYear,
      status: 'NEET',
      needsConsent: false,
      activity: 'NEET_AVAILABLE',
      lastKnownOn: null,
      reason: `Not in education, employment or training (available) since ${today}`,
    });
    // NEET first; then the newest leavers first; within those, the ones to chase before those whose agreement is needed.
    const rank = (entry: Entry) => (entry.status === 'NEET' ? 0 : 1);
    const keys = list.map((entry) => [rank(entry), -entry.leavingYear, Number(entry.needsConsent)]);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    expect(keys).toEqual(sorted);
    expect(list[0].status).toBe('NEET');
    expect(list.some((entry) => entry.status === 'NOTHING_RECORDED' && entry.needsConsent)).toBe(true);
  });
});
