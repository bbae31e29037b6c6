import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '@waymark/auth';
import { demoData } from '@waymark/demo-data';
import { makePrincipal, startTestSubgraph, type SubgraphTestClient, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { createApp, pupilsService } from '../../app.js';

const data = demoData();
const trustId = data.trust.id;
const [northfield, southbank] = data.schools;
// Year 10 pupils are 14 or 15 in any term; Year 12 pupils are 16 or 17.
const under16 = data.pupils.find((p) => p.schoolId === northfield.id && p.yearGroup === 10)!;
const over16 = data.pupils.find((p) => p.schoolId === northfield.id && p.yearGroup === 12)!;
const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId });
const pupilUnder16 = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId, pupilId: under16.id });
const pupilOver16 = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId, pupilId: over16.id });
const parent = makePrincipal({ roles: ['parent'], childPupilIds: [under16.id, over16.id] });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId, pupilLevelAccess: true });

let subgraph: TestSubgraph;
let client: SubgraphTestClient;

beforeAll(async () => {
  subgraph = await startTestSubgraph(pupilsService, createApp);
  client = subgraph.client;
});

afterAll(() => subgraph?.close());

const SET = `mutation ($input: SetPupilConsentInput!) { setPupilConsent(input: $input) {
  consent { destinationTracking localAuthoritySharingOptOut optOutBy updatedAt } error { code message } } }`;
type Consent = { destinationTracking: boolean; localAuthoritySharingOptOut: boolean; optOutBy: string | null; updatedAt: string | null };
type SetResult = { setPupilConsent: { consent: Consent | null; error: { code: string; message: string } | null } };

async function set(who: Principal, input: Record<string, unknown>) {
  const res = await client.query<SetResult>(who, SET, { input });
  expect(res.errors).toBeUndefined();
  return res.data!.setPupilConsent;
}

async function consentOf(who: Principal, pupilId: string): Promise<Consent | null> {
  const res = await client.query<{ pupil: { consent: Consent | null } | null }>(
    who,
    `query ($id: ID!) { pupil(id: $id) { consent { destinationTracking localAuthoritySharingOptOut optOutBy updatedAt } } }`,
    { id: pupilId },
  );
  return res.data!.pupil?.consent ?? null;
}

describe('setPupilConsent', () => {
  it('starts with no consent and no opt-out, unrecorded', async () => {
    expect(await consentOf(leaderNorth, under16.id)).toEqual({
      destinationTracking: false,
      localAuthoritySharingOptOut: false,
      optOutBy: null,
      updatedAt: null,
    });
  });

  it("lets a parent decide while the pupil is under 16, and records it as the parent's opt-out", async () => {
    const result = await set(parent, { pupilId: under16.id, localAuthoritySharingOptOut: true, destinationTracking: true });
    expect(result.error).toBeNull();
    expect(result.consent).toMatchObject({ destinationTracking: true, localAuthoritySharingOptOut: true, optOutBy: 'PARENT' });
    expect(Date.now() - Date.parse(result.consent!.updatedAt!)).toBeLessThan(60_000);
    expect(await consentOf(pupilUnder16, under16.id)).toEqual(result.consent);
  });

  it('does not let a pupil under 16 decide, and changes nothing', async () => {
    const result = await set(pupilUnder16, { pupilId: under16.id, localAuthoritySharingOptOut: false });
    expect(result).toEqual({ consent: null, error: expect.objectContaining({ code: 'CONSENT_PUPIL_UNDER_16' }) });
    expect((await consentOf(leaderNorth, under16.id))!.localAuthoritySharingOptOut).toBe(true);
  });

  it('lets a pupil of 16 or over decide, and not their parent', async () => {
    const own = await set(pupilOver16, { pupilId: over16.id, localAuthoritySharingOptOut: true });
    expect(own.consent).toMatchObject({ localAuthoritySharingOptOut: true, optOutBy: 'PUPIL', destinationTracking: false });
    const parents = await set(parent, { pupilId: over16.id, localAuthoritySharingOptOut: false });
    expect(parents.error!.code).toBe('CONSENT_PUPIL_DECIDES');
    expect((await consentOf(pupilOver16, over16.id))!.localAuthoritySharingOptOut).toBe(true);
  });

  it('lets staff of the school record either at any age, on behalf of whoever decides', async () => {
    const young = await set(leaderNorth, { pupilId: under16.id, localAuthoritySharingOptOut: false });
    expect(young.consent).toMatchObject({ localAuthoritySharingOptOut: false, optOutBy: null, destinationTracking: true });
    const again = await set(leaderNorth, { pupilId: under16.id, localAuthoritySharingOptOut: true });
    expect(again.consent!.optOutBy).toBe('PARENT');
    const older = await set(leaderNorth, { pupilId: over16.id, destinationTracking: true });
    expect(older.consent).toMatchObject({ destinationTracking: true, localAuthoritySharingOptOut: true, optOutBy: 'PUPIL' });
  });

  it('treats anyone else as not knowing the pupil, and asks for something to change', async () => {
    expect((await set(leaderSouth, { pupilId: under16.id, destinationTracking: false })).error!.code).toBe('PUPIL_NOT_VISIBLE');
    expect((await set(pupilUnder16, { pupilId: over16.id, destinationTracking: false })).error!.code).toBe('PUPIL_NOT_VISIBLE');
    expect((await set(leaderNorth, { pupilId: under16.id })).error!.code).toBe('CONSENT_NOTHING_TO_CHANGE');
    const res = await client.query(analyst, SET, { input: { pupilId: under16.id, destinationTracking: true } });
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await consentOf(analyst, under16.id)).toBeNull();
  });
});
