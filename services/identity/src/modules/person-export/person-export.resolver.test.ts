import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '@waymark/auth';
import { makePrincipal } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import { IdentityHarness } from '../../../test/harness.js';
import { Account } from '../account/account.entity.js';

/*
 * personSubjectAccess: a school's careers leader or data protection lead exports a parent or carer
 * connected to the school. The attacks first: other staff, other schools, and a parent linked only
 * elsewhere get nothing, and nothing is recorded for them.
 */
const data = demoData();
const trustId = data.trust.id;
const [northfield, southbank] = data.schools;
const parentAccount = data.accounts.find((a) => a.email === 'parent@northfield.test')!;
const southChild = data.pupils.find((p) => p.schoolId === southbank.id && p.leftOn === null)!;
const maya = data.pupils.find((p) => p.id === parentAccount.childPupilIds[0])!;

const dplNorth = makePrincipal({ roles: ['data_protection_lead'], schoolId: northfield.id, trustId, displayName: 'Helen Brooks' });
const dplSouth = makePrincipal({ roles: ['data_protection_lead'], schoolId: southbank.id, trustId });
const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId });
const staffNorth = makePrincipal({ roles: ['staff'], schoolId: northfield.id, trustId });
const adviserNorth = makePrincipal({ roles: ['careers_adviser'], schoolId: northfield.id, trustId });
const parentHimself = makePrincipal({ roles: ['parent'], accountId: parentAccount.id, childPupilIds: parentAccount.childPupilIds });
const apiKey = makePrincipal({ kind: 'api', roles: ['careers_leader'], schoolId: northfield.id, trustId });

const EXPORT = 'query ($email: String!) { personSubjectAccess(email: $email) { id kind displayName identitySubjectAccess } }';
type Part = { source: string; sections: { title: string; rows: Record<string, unknown>[] }[] };
type Result = { personSubjectAccess: { id: string; kind: string; displayName: string; identitySubjectAccess: Part } | null };

const SOUTH_PARENT = 'only-south@example.test';
let h: IdentityHarness;

beforeAll(async () => {
  h = await IdentityHarness.start({ pupils: true });
  // A parent linked only to a Southbank pupil.
  const em = h.orm.em.fork();
  em.create(Account, {
    id: randomUUID(),
    email: SOUTH_PARENT,
    displayName: 'Sol Bank',
    roles: ['parent'],
    passwordHash: 'not-a-real-hash',
    trustId,
    schoolId: southbank.id,
    childPupilIds: [southChild.id],
    createdAt: new Date(),
  });
  await em.flush();
});

afterAll(() => h?.close());

async function exportsBy(who: Principal): Promise<string[]> {
  const rows = await h
    .pupils!.orm.em.fork()
    .execute<{ detail: string }[]>(`select detail from audit_event where actor_account_id = ? and action = 'EXPORT' order by occurred_at`, [who.accountId]);
  return rows.map((row) => row.detail);
}

describe('personSubjectAccess: who may not', () => {
  it('refuses staff, careers advisers, the parent themself and API keys outright', async () => {
    for (const who of [staffNorth, adviserNorth, parentHimself, apiKey]) {
      const res = await h.query<Result>(who, EXPORT, { email: parentAccount.email });
      expect(res.data?.personSubjectAccess ?? null, who.roles.join()).toBeNull();
      expect(res.errors?.[0].extensions?.code, who.roles.join()).toBe('FORBIDDEN');
      expect(await exportsBy(who)).toEqual([]);
    }
  });

  it("does not let Northfield's careers leader or data protection lead export a parent linked only at Southbank, nor Southbank's DPL a Northfield parent", async () => {
    for (const [who, email] of [
      [leaderNorth, SOUTH_PARENT],
      [dplNorth, SOUTH_PARENT],
      [dplSouth, parentAccount.email],
    ] as const) {
      const res = await h.query<Result>(who, EXPORT, { email });
      expect(res.data?.personSubjectAccess ?? null).toBeNull();
      expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(await exportsBy(who)).toEqual([]);
    }
  });

  it('finds only parents and volunteers: staff and pupils are not exported this way, and an unknown email gets the same answer', async () => {
    for (const email of ['leader@northfield.test', 'pupil@northfield.test', 'trust@waymark-trust.test', 'nobody@example.test']) {
      const res = await h.query<Result>(dplNorth, EXPORT, { email });
      expect(res.errors?.[0].extensions?.code, email).toBe('NOT_FOUND');
    }
  });
});

describe('personSubjectAccess: who may', () => {
  it("gives the data protection lead a parent with a child at their school, recorded first in the school's log", async () => {
    const res = await h.query<Result>(dplNorth, EXPORT, { email: ' PARENT@northfield.test ' });
    expect(res.errors).toBeUndefined();
    const person = res.data!.personSubjectAccess!;
    expect(person).toMatchObject({ id: parentAccount.id, kind: 'PARENT_OR_CARER', displayName: 'Grace Okafor' });
    expect(person.identitySubjectAccess.sections.find((s) => s.title === 'Your account')!.rows).toEqual([
      expect.objectContaining({ email: parentAccount.email }),
    ]);
    expect(JSON.stringify(person)).not.toContain('$');
    expect(await exportsBy(dplNorth)).toEqual([`Subject-access export of a parent or carer: Grace Okafor (account ${parentAccount.id})`]);
  });

  it("names only the children at the exporting school among a parent's links", async () => {
    const em = h.orm.em.fork();
    em.create(Account, {
      id: randomUUID(),
      email: 'both-schools@example.test',
      displayName: 'Two Schools',
      roles: ['parent'],
      passwordHash: 'not-a-real-hash',
      trustId,
      schoolId: northfield.id,
      childPupilIds: [maya.id, southChild.id],
      createdAt: new Date(),
    });
    await em.flush();
    const childrenIn = async (who: Principal) => {
      const res = await h.query<Result>(who, EXPORT, { email: 'both-schools@example.test' });
      expect(res.errors).toBeUndefined();
      return res.data!.personSubjectAccess!.identitySubjectAccess.sections.find((s) => s.title === 'Children you are linked to as a parent or carer')!.rows;
    };
    expect(await childrenIn(dplNorth)).toEqual([{ pupil_id: maya.id }]);
    expect(await childrenIn(leaderSouth)).toEqual([{ pupil_id: southChild.id }]);
  });

  it("lets Southbank's careers leader export the parent linked there", async () => {
    const res = await h.query<Result>(leaderSouth, EXPORT, { email: SOUTH_PARENT });
    expect(res.errors).toBeUndefined();
    expect(res.data!.personSubjectAccess!.displayName).toBe('Sol Bank');
  });
});
