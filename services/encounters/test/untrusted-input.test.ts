import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePrincipal, type SubgraphTestClient } from '@waymark/subgraph-kit/testing';
import { demoData, demoId } from '@waymark/demo-data';
import { startHarness, type Harness } from './harness.js';

/*
 * What an attacker can send the encounters subgraph: a school that is not theirs, and text built to
 * hurt (a NUL byte, control characters, a megabyte). Each is refused as a clear error before any
 * SQL runs: FORBIDDEN for another tenant's school, BAD_USER_INPUT for text no list could hold.
 */
const data = demoData();
const [northfield, southbank] = data.schools;
const maya = data.pupils.find((p) => p.legalForename === 'Maya' && p.legalSurname === 'Okafor')!;

const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id });
const pupilLevelAnalyst = makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id, pupilLevelAccess: true });
const riversideAnalyst = makePrincipal({ roles: ['trust_analyst'], trustId: demoId('trust', 'riverside'), pupilLevelAccess: true });
const pupil = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId: data.trust.id, pupilId: maya.id });

let harness: Harness;
let client: SubgraphTestClient;

beforeAll(async () => {
  harness = await startHarness();
  client = harness.client;
});

afterAll(async () => {
  await harness?.close();
});

const DASHBOARD = 'query ($schoolId: ID, $asOf: String) { schoolDashboard(schoolId: $schoolId, asOf: $asOf) { pupilCount cells { measure eligible met } } }';
const GAPS =
  'query ($schoolId: ID, $asOf: String, $after: String) { benchmarkGaps(measure: B5_EMPLOYERS, schoolId: $schoolId, asOf: $asOf, after: $after, first: 5) { totalCount edges { node { yearGroup } } } }';

describe("a school outside the caller's trust", () => {
  const cases = [
    { who: 'an analyst of the trust', principal: pupilLevelAnalyst, schoolId: demoId('school', 'eastgate'), reason: "another trust's school" },
    { who: 'an analyst without pupil-level access', principal: analyst, schoolId: demoId('school', 'eastgate'), reason: "another trust's school" },
    { who: 'an analyst of the trust', principal: pupilLevelAnalyst, schoolId: randomUUID(), reason: 'a school Waymark does not know' },
    { who: 'an analyst of another trust', principal: riversideAnalyst, schoolId: northfield.id, reason: "this trust's school" },
    { who: 'an analyst of another trust', principal: riversideAnalyst, schoolId: southbank.id, reason: "this trust's other school" },
  ];

  it.each(cases)('is refused to $who asking for $reason: dashboard', async ({ principal, schoolId }) => {
    const res = await client.query<{ schoolDashboard: unknown }>(principal, DASHBOARD, { schoolId });
    expect(res.errors?.[0].extensions?.code, JSON.stringify(res)).toBe('FORBIDDEN');
    expect(res.errors?.[0].message).toMatch(/not one of your trust's schools|not one of yours/i);
    expect(res.data?.schoolDashboard ?? null).toBeNull();
  });

  it.each(cases.filter((c) => c.principal !== analyst))('is refused to $who asking for $reason: gap list', async ({ principal, schoolId }) => {
    const res = await client.query<{ benchmarkGaps: unknown }>(principal, GAPS, { schoolId });
    expect(res.errors?.[0].extensions?.code, JSON.stringify(res)).toBe('FORBIDDEN');
    expect(res.data?.benchmarkGaps ?? null).toBeNull();
  });

  it("is answered for the analyst's own trust, so the refusals above are about tenancy", async () => {
    const res = await client.query<{ schoolDashboard: { pupilCount: number } }>(pupilLevelAnalyst, DASHBOARD, { schoolId: southbank.id });
    expect(res.errors).toBeUndefined();
    expect(res.data!.schoolDashboard.pupilCount).toBeGreaterThan(0);
  });
});

describe('text arguments of dashboards and gap lists', () => {
  const megabyte = 'a'.repeat(1_000_000);
  it.each([
    { field: 'schoolId', value: 'not-a-school', reason: 'not an id at all' },
    { field: 'schoolId', value: `${southbank.id}\u0000`, reason: 'an id with a NUL after it' },
    { field: 'schoolId', value: megabyte, reason: 'a megabyte' },
    { field: 'asOf', value: '2026-01-01\u0000', reason: 'a day with a NUL after it' },
    { field: 'asOf', value: '\u001b[2J2026-01-01', reason: 'a day behind a control sequence' },
    { field: 'asOf', value: megabyte, reason: 'a megabyte' },
    { field: 'after', value: '\u0000', reason: 'a NUL for a cursor' },
    { field: 'after', value: megabyte, reason: 'a megabyte for a cursor' },
  ])('$field: $reason is BAD_USER_INPUT', async ({ field, value }) => {
    for (const [principal, query] of [
      [pupilLevelAnalyst, GAPS],
      [leaderNorth, GAPS],
      ...(field === 'after' ? [] : [[analyst, DASHBOARD] as const, [leaderNorth, DASHBOARD] as const]),
    ] as const) {
      const res = await client.query(principal, query, { schoolId: principal === leaderNorth ? null : southbank.id, [field]: value });
      expect(res.errors?.[0].extensions?.code, JSON.stringify(res).slice(0, 300)).toBe('BAD_USER_INPUT');
    }
  });
});

describe('text in what staff and pupils send', () => {
  const encounterId = data.encounters.find((e) => e.schoolId === northfield.id)!.id;
  const INVITE = 'mutation ($input: InviteInput!) { inviteToEncounter(input: $input) { added error { code message fields { field message } } } }';

  it.each([
    { tutorGroups: ['10N\u00001'], reason: 'a tutor group with a NUL' },
    { tutorGroups: ['10N1\u0007'], reason: 'a tutor group with a control character' },
    { tutorGroups: ['x'.repeat(256)], reason: 'a tutor group longer than any roster holds' },
    { tutorGroups: Array.from({ length: 201 }, (_, i) => `T${i}`), reason: 'more tutor groups than any school has' },
  ])('an invitation by $reason is refused and invites nobody', async ({ tutorGroups }) => {
    const res = await client.query<{ inviteToEncounter: { added: number; error: { code: string } | null } }>(leaderNorth, INVITE, {
      input: { encounterId, tutorGroups },
    });
    expect(res.errors?.[0].extensions?.code, JSON.stringify(res).slice(0, 300)).toBe('BAD_USER_INPUT');
    expect(res.data?.inviteToEncounter ?? null).toBeNull();
  });

  it.each([
    {
      reason: 'an encounter title',
      who: leaderNorth,
      query: 'mutation ($input: CreateEncounterInput!) { createEncounter(input: $input) { encounter { id } error { code } } }',
      variables: {
        input: { kind: 'EMPLOYER_TALK', title: 'Talk\u0000', date: new Date().toISOString(), hours: 1, inSchoolDay: true, yearGroups: [10], register: [] },
      },
    },
    {
      reason: "an own activity's description",
      who: pupil,
      query: 'mutation ($input: SubmitOwnActivityInput!) { submitOwnActivity(input: $input) { activity { id } error { code } } }',
      variables: { input: { kind: 'PART_TIME_JOB', title: 'Shop work', description: 'Tills\u0000', startedOn: '2025-10-01', hours: 4 } },
    },
    {
      reason: 'an interest',
      who: pupil,
      query: 'mutation ($hashtags: [String!]!) { setInterests(hashtags: $hashtags) { error { code } } }',
      variables: { hashtags: ['engineering\u0000'] },
    },
    {
      reason: 'a register file',
      who: leaderNorth,
      query: 'mutation ($input: ImportRegisterInput!) { importRegister(input: $input) { added error { code } } }',
      variables: { input: { encounterId, csv: `UPN,Attended\r\n${maya.upn}\u0000,yes\r\n` } },
    },
    {
      reason: 'a reflection',
      who: pupil,
      query: 'mutation ($input: RecordReflectionInput!) { recordReflection(input: $input) { participation { id } error { code } } }',
      variables: { input: { participationId: data.participations.find((p) => p.pupilId === maya.id && p.attended)!.id, reflection: 'I learnt\u0000' } },
    },
    {
      reason: 'a reason for declining an activity',
      who: leaderNorth,
      query: 'mutation ($id: ID!, $reason: String!) { declineOwnActivity(id: $id, reason: $reason) { activity { id } error { code } } }',
      variables: { id: data.ownActivities.find((a) => a.schoolId === northfield.id)!.id, reason: 'Not\u0000 this' },
    },
    {
      reason: "a guidance meeting's notes",
      who: leaderNorth,
      query: 'mutation ($input: RecordGuidanceMeetingInput!) { recordGuidanceMeeting(input: $input) { meeting { id } error { code } } }',
      variables: {
        input: { pupilId: maya.id, date: new Date().toISOString(), adviserName: 'Dana Whitfield', adviserLevel: 6, notes: 'Notes\u0000', actions: [] },
      },
    },
    {
      reason: 'an agreed action',
      who: leaderNorth,
      query: 'mutation ($input: RecordGuidanceMeetingInput!) { recordGuidanceMeeting(input: $input) { meeting { id } error { code } } }',
      variables: {
        input: { pupilId: maya.id, date: new Date().toISOString(), adviserName: 'Dana Whitfield', adviserLevel: 6, actions: [{ text: 'Visit\u0000' }] },
      },
    },
    {
      reason: "an adviser's name",
      who: leaderNorth,
      query: 'mutation ($input: RecordGuidanceMeetingInput!) { recordGuidanceMeeting(input: $input) { meeting { id } error { code } } }',
      variables: { input: { pupilId: maya.id, date: new Date().toISOString(), adviserName: 'Dana\u0000', adviserLevel: 6, actions: [] } },
    },
  ])("a NUL in $reason is the caller's mistake, never a server error", async ({ who, query, variables }) => {
    const res = await client.query<Record<string, { error: { code: string } | null } | null>>(who, query, variables);
    const codes = (res.errors ?? []).map((error) => error.extensions?.code);
    expect(codes, JSON.stringify(res).slice(0, 300)).not.toContain('INTERNAL_SERVER_ERROR');
    const result = Object.values(res.data ?? {})[0];
    expect(codes.includes('BAD_USER_INPUT') || result?.error != null, JSON.stringify(res).slice(0, 300)).toBe(true);
  });
});
