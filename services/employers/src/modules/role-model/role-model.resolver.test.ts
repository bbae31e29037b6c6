import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePrincipal, startTestSubgraph, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import type { Principal } from '@waymark/auth';
import { createApp, employersService } from '../../app.js';
import { Volunteer } from '../volunteer/volunteer.entity.js';

/*
 * Role models for pupils (docs/domain-rules.md, "Role models"): a pupil sees the public profiles of
 * the volunteers who work with their own school and agreed to show one, first name only, never a
 * surname, contact detail or employer; interests that the profile speaks to put it first.
 */
const data = demoData();
const [northfield, southbank] = data.schools;
const [sam, jordan, ruth, marek] = data.volunteers;
const pupilOf = (school: typeof northfield) =>
  makePrincipal({ roles: ['pupil'], schoolId: school.id, trustId: data.trust.id, pupilId: data.pupils.find((p) => p.schoolId === school.id)!.id });
const pupilNorth = pupilOf(northfield);
const pupilSouth = pupilOf(southbank);

const ROLE_MODELS = `query ($interests: [String!]) {
  roleModels(interests: $interests) { id firstName jobTitle route characteristics sectors formerPupil leftSchoolYear matchedInterests }
}`;
type Card = {
  id: string;
  firstName: string;
  jobTitle: string;
  route: string;
  characteristics: string;
  sectors: string[];
  formerPupil: boolean;
  leftSchoolYear: number | null;
  matchedInterests: string[];
};

let subgraph: TestSubgraph;
const ask = async (who: Principal, interests?: string[]) => {
  const res = await subgraph.client.query<{ roleModels: Card[] | null }>(who, ROLE_MODELS, { interests: interests ?? null });
  expect(res.errors).toBeUndefined();
  return res.data!.roleModels!;
};

beforeAll(async () => {
  subgraph = await startTestSubgraph(employersService, createApp);
  const em = subgraph.orm.em.fork();
  // Marek (Southbank only) shows a profile; Sam works with both schools but has not agreed to show one.
  await em.nativeUpdate(
    Volunteer,
    { id: marek.id },
    { roleModelJob: 'Site manager', roleModelRoute: 'Bricklaying apprenticeship', roleModelConsentedAt: new Date() },
  );
  await em.nativeUpdate(Volunteer, { id: sam.id }, { roleModelJob: 'Mechanical engineer', roleModelRoute: 'BTEC', roleModelConsentedAt: null });
  await em.nativeUpdate(Volunteer, { id: ruth.id }, { sectors: ['Q'] });
});

afterAll(() => subgraph?.close());

describe('roleModels', () => {
  it("shows a pupil the consented profiles of their own school's volunteers, first name only", async () => {
    const cards = await ask(pupilNorth);
    expect(cards.map((card) => card.id).sort()).toEqual([jordan.id, ruth.id].sort());
    const alumnus = cards.find((card) => card.id === jordan.id)!;
    expect(alumnus).toMatchObject({ firstName: 'Jordan', jobTitle: 'Junior software developer', formerPupil: true, leftSchoolYear: jordan.leftSchoolYear });
    const nurse = cards.find((card) => card.id === ruth.id)!;
    expect(nurse).toMatchObject({ firstName: 'Ruth', formerPupil: false, leftSchoolYear: null, sectors: ['Human health and social work activities'] });
    // Nothing but the public profile: no surname or email anywhere in the answer.
    const text = JSON.stringify(cards);
    for (const volunteer of data.volunteers) {
      expect(text).not.toContain(volunteer.lastName);
      expect(text).not.toContain(volunteer.email);
    }
  });

  it('puts the profiles that speak to the pupil’s interests first, and says which', async () => {
    const cards = await ask(pupilNorth, ['#Nursing', 'football', 'university']);
    expect(cards[0]).toMatchObject({ id: ruth.id, matchedInterests: ['nursing', 'university'] });
    expect(cards[1]).toMatchObject({ id: jordan.id, matchedInterests: ['university'] });
    // With none in common, the school's former pupils come first.
    const plain = await ask(pupilNorth, ['drama']);
    expect(plain.map((card) => [card.id, card.matchedInterests])).toEqual([
      [jordan.id, []],
      [ruth.id, []],
    ]);
  });

  it("shows another school's pupils only their own school's role models", async () => {
    const cards = await ask(pupilSouth);
    expect(cards.map((card) => card.id).sort()).toEqual([marek.id, ruth.id].sort());
    expect(cards.every((card) => !card.formerPupil)).toBe(true);
  });

  it('refuses interests that are not hashtags, and everyone but pupils', async () => {
    const bad = await subgraph.client.query(pupilNorth, ROLE_MODELS, { interests: ['two words'] });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const others = [
      makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id }),
      makePrincipal({ roles: ['parent'], childPupilIds: [pupilNorth.pupilId!] }),
      makePrincipal({ roles: ['employer_volunteer'], volunteerId: sam.id, employerId: sam.employerId }),
      makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id }),
      makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId: data.trust.id, scopes: ['reports:read'] }),
    ];
    for (const who of others) {
      const res = await subgraph.client.query<{ roleModels: Card[] | null }>(who, ROLE_MODELS, {});
      expect(res.errors?.[0].extensions?.code, who.roles.join()).toBe('FORBIDDEN');
      expect(res.data?.roleModels ?? null).toBeNull();
    }
  });
});
