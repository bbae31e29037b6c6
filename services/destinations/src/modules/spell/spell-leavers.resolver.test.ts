import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePrincipal } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import { todayInEngland, year11LeavingYear } from '@waymark/domain';
import { startHarness, type Harness } from '../../../test/harness.js';

/*
 * Destinations learns who has left only by asking the pupils subgraph (who is on roll on a day, whose
 * school the caller acts for), never from an event of its own. A pupil the leader marks as left by
 * hand (pupils' markPupilLeft) must therefore read here exactly as the demo's leavers, whom a roster
 * or a rollover marked: off the school's sixth form from that day, and still the school's to follow up.
 */
const data = demoData();
const [northfield, southbank] = data.schools;
// Two Year 13 pupils on roll (past Year 11), neither agreed to being followed after 16 (the demo default).
const [, markedByHand, stillOnRoll] = data.pupils.filter((p) => p.schoolId === northfield.id && p.yearGroup === 13 && !p.leftOn);
const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId: data.trust.id });

const RECORD = `mutation ($input: RecordActivitySpellInput!) { recordActivitySpell(input: $input) { spell { id } error { code } } }`;
type RecordAnswer = { recordActivitySpell: { spell: { id: string } | null; error: { code: string } | null } };

let harness: Harness;
const record = async (who: typeof leaderNorth, input: Record<string, unknown>) =>
  (await harness.client.query<RecordAnswer>(who, RECORD, { input })).data!.recordActivitySpell;
const sixthForm = (pupilId: string, startsOn: string) => ({ pupilId, activity: 'EDUCATION', providerKind: 'SCHOOL_SIXTH_FORM', startsOn });

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

describe('a pupil marked as left by hand, in destinations', () => {
  it("is no longer in the school's sixth form from that day, and stays the school's leaver to follow up", async () => {
    const today = todayInEngland();
    const marked = await harness.pupils.query<{ markPupilLeft: { error: unknown } }>(
      leaderNorth,
      'mutation ($input: MarkPupilLeftInput!) { markPupilLeft(input: $input) { error { code } } }',
      { input: { pupilId: markedByHand.id, leftOn: today } },
    );
    expect(marked.data!.markPupilLeft.error).toBeNull();

    // Without their agreement only staying on in the school's own sixth form may be recorded: the
    // pupil still on roll may have it, the one marked as left may not, as for any leaver.
    const S = year11LeavingYear(stillOnRoll.dateOfBirth);
    expect((await record(leaderNorth, sixthForm(stillOnRoll.id, `${S}-09-03`))).error).toBeNull();
    const L = year11LeavingYear(markedByHand.dateOfBirth);
    expect((await record(leaderNorth, sixthForm(markedByHand.id, `${L}-09-03`))).error).toMatchObject({ code: 'NO_TRACKING_CONSENT' });

    // Once they agree, their school records where they went; another school cannot.
    const consent = await harness.pupils.query<{ setPupilConsent: { error: unknown } }>(
      leaderNorth,
      'mutation ($input: SetPupilConsentInput!) { setPupilConsent(input: $input) { error { code } } }',
      { input: { pupilId: markedByHand.id, destinationTracking: true } },
    );
    expect(consent.data!.setPupilConsent.error).toBeNull();
    const college = { pupilId: markedByHand.id, activity: 'EDUCATION', providerKind: 'FE_COLLEGE', startsOn: today };
    expect(await record(leaderSouth, college)).toMatchObject({ spell: null, error: { code: 'PUPIL_NOT_FOUND' } });
    expect(await record(leaderNorth, college)).toMatchObject({ spell: { id: expect.any(String) }, error: null });
  });
});
