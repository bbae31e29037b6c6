import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '@waymark/auth';
import { demoData } from '@waymark/demo-data';
import { makePrincipal } from '@waymark/subgraph-kit/testing';
import { startHarness, type Harness } from '../../../test/harness.js';

/*
 * The encounters subgraph's share of a staff-started export of a volunteer: the careers activities they
 * helped with at the caller's school (never the pupils there). Careers leaders and data protection leads only.
 */
const data = demoData();
const trustId = data.trust.id;
const [northfield, southbank] = data.schools;
const jordan = data.accounts.find((a) => a.email === 'alumni@northfield.test')!;
const helpedAtNorthfield = data.encounters.filter((e) => e.schoolId === northfield.id && e.volunteerIds.includes(jordan.volunteerId!));

const dplNorth = makePrincipal({ roles: ['data_protection_lead'], schoolId: northfield.id, trustId });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId });
const staffNorth = makePrincipal({ roles: ['staff'], schoolId: northfield.id, trustId });
const adviserNorth = makePrincipal({ roles: ['careers_adviser'], schoolId: northfield.id, trustId });

type Part = { source: string; sections: { title: string; rows: Record<string, unknown>[] }[] };
const PART = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on PersonSubjectAccess { id encountersSubjectAccess } } }';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(() => h?.close());

const part = (who: Principal) =>
  h.client.query<{ _entities: { encountersSubjectAccess: Part | null }[] }>(who, PART, {
    r: [{ __typename: 'PersonSubjectAccess', id: jordan.id, volunteerId: jordan.volunteerId }],
  });

describe('PersonSubjectAccess.encountersSubjectAccess', () => {
  it("lists what the volunteer helped with at the caller's school, with no pupil in it", async () => {
    expect(helpedAtNorthfield.length).toBeGreaterThan(0);
    const res = await part(dplNorth);
    expect(res.errors).toBeUndefined();
    const rows = res.data!._entities[0].encountersSubjectAccess!.sections[0].rows;
    expect(rows.map((r) => r.title).sort()).toEqual(helpedAtNorthfield.map((e) => e.title).sort());
    const text = JSON.stringify(rows);
    for (const participation of data.participations) expect(text).not.toContain(participation.pupilId);
    const south = await part(leaderSouth);
    expect(south.data!._entities[0].encountersSubjectAccess!.sections[0].rows).toEqual([]);
  });

  it('refuses staff and careers advisers', async () => {
    for (const who of [staffNorth, adviserNorth]) {
      const res = await part(who);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});
