import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '@waymark/auth';
import { makePrincipal, startTestSubgraph, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import { createApp, employersService } from '../../app.js';
import { VolunteerCheck } from '../volunteer-check/volunteer-check.entity.js';

/*
 * The employers subgraph's share of a staff-started export of a volunteer: whether they volunteer with
 * the caller's school (identity asks before it hands anything over), and their profile, organisation and
 * offers to that school. Careers leaders and data protection leads of such a school only.
 */
const data = demoData();
const trustId = data.trust.id;
const [northfield, southbank] = data.schools;
const jordan = data.accounts.find((a) => a.email === 'alumni@northfield.test')!;

const dplNorth = makePrincipal({ roles: ['data_protection_lead'], schoolId: northfield.id, trustId });
const dplSouth = makePrincipal({ roles: ['data_protection_lead'], schoolId: southbank.id, trustId });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId });
const staffNorth = makePrincipal({ roles: ['staff'], schoolId: northfield.id, trustId });
const jordanHimself = makePrincipal({ roles: ['alumni'], accountId: jordan.id, volunteerId: jordan.volunteerId });

type Part = { source: string; sections: { title: string; rows: Record<string, unknown>[] }[] };
const CONNECTED = 'query ($id: ID!) { volunteerOfMySchool(volunteerId: $id) }';
const PART = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on PersonSubjectAccess { id employersSubjectAccess } } }';

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(employersService, createApp);
});

afterAll(() => subgraph?.close());

const part = (who: Principal, volunteerId: string | null) =>
  subgraph.client.query<{ _entities: { employersSubjectAccess: Part | null }[] }>(who, PART, {
    r: [{ __typename: 'PersonSubjectAccess', id: jordan.id, volunteerId }],
  });

describe('volunteerOfMySchool', () => {
  it("answers for the careers leader or data protection lead of the caller's school only", async () => {
    const north = await subgraph.client.query<{ volunteerOfMySchool: boolean }>(dplNorth, CONNECTED, { id: jordan.volunteerId });
    expect(north.data!.volunteerOfMySchool).toBe(true);
    for (const who of [dplSouth, leaderSouth]) {
      const res = await subgraph.client.query<{ volunteerOfMySchool: boolean }>(who, CONNECTED, { id: jordan.volunteerId });
      expect(res.data!.volunteerOfMySchool).toBe(false);
    }
    for (const who of [staffNorth, jordanHimself]) {
      const res = await subgraph.client.query(who, CONNECTED, { id: jordan.volunteerId });
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('PersonSubjectAccess.employersSubjectAccess', () => {
  it('gives the data protection lead of a school the volunteer volunteers with their profile and organisation', async () => {
    const res = await part(dplNorth, jordan.volunteerId);
    expect(res.errors).toBeUndefined();
    const sections = res.data!._entities[0].employersSubjectAccess!.sections;
    expect(sections.find((s) => s.title === 'Volunteer profile')!.rows).toEqual([
      expect.objectContaining({ id: jordan.volunteerId, email: 'alumni@northfield.test' }),
    ]);
    expect(sections.find((s) => s.title === 'The organisation they volunteer for')!.rows).toHaveLength(1);
  });

  it("gives the school its own checks on the volunteer, with who recorded them, and never another school's", async () => {
    const em = subgraph.orm.em.fork();
    const check = (schoolId: string, recordedByName: string) =>
      em.create(VolunteerCheck, {
        id: randomUUID(),
        volunteerId: jordan.volunteerId!,
        schoolId,
        kind: 'IDENTITY',
        doneOn: '2026-02-01',
        expiresOn: '2028-02-01',
        recordedById: randomUUID(),
        recordedByName,
      });
    const own = check(northfield.id, 'Priya Shah');
    check(southbank.id, 'Someone at Southbank');
    await em.flush();
    const res = await part(dplNorth, jordan.volunteerId);
    const rows = res.data!._entities[0].employersSubjectAccess!.sections.find((s) => s.title === 'Checks this school has recorded on them')!.rows;
    expect(rows).toEqual([expect.objectContaining({ id: own.id, kind: 'IDENTITY', recorded_by_name: 'Priya Shah' })]);
  });

  it('refuses another school, plain staff and the volunteer themself; a parent (no volunteer id) gets an empty part', async () => {
    for (const who of [dplSouth, leaderSouth, staffNorth, jordanHimself]) {
      const res = await part(who, jordan.volunteerId);
      expect(res.data?._entities[0]?.employersSubjectAccess ?? null).toBeNull();
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const parent = await part(dplNorth, null);
    expect(parent.data!._entities[0].employersSubjectAccess).toEqual({ source: 'employers', sections: [] });
  });
});
