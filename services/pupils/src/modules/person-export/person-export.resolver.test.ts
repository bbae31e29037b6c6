import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '@waymark/auth';
import { demoData } from '@waymark/demo-data';
import { makePrincipal, startTestSubgraph, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { createApp, pupilsService } from '../../app.js';

/*
 * The pupils subgraph's share of a staff-started export of a parent, carer or volunteer: it records the
 * export in the school's data access log (refusing a parent with no child at the caller's school) and adds
 * what the person wrote, set or did at that school. Careers leaders and data protection leads only.
 */
const data = demoData();
const trustId = data.trust.id;
const [northfield, southbank] = data.schools;
const parentAccount = data.accounts.find((a) => a.email === 'parent@northfield.test')!;
const maya = data.pupils.find((p) => p.id === parentAccount.childPupilIds[0])!;
const southChild = data.pupils.find((p) => p.schoolId === southbank.id && p.leftOn === null)!;

const dplNorth = makePrincipal({ roles: ['data_protection_lead'], schoolId: northfield.id, trustId, displayName: 'Helen Brooks' });
const dplSouth = makePrincipal({ roles: ['data_protection_lead'], schoolId: southbank.id, trustId });
const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId });
const staffNorth = makePrincipal({ roles: ['staff'], schoolId: northfield.id, trustId });
const adviserNorth = makePrincipal({ roles: ['careers_adviser'], schoolId: northfield.id, trustId });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId, pupilLevelAccess: true });
const apiKey = makePrincipal({ kind: 'api', roles: ['careers_leader'], schoolId: northfield.id, trustId });

const RECORD = `mutation ($input: RecordPersonSubjectAccessInput!) { recordPersonSubjectAccess(input: $input) { recorded childPupilIdsAtSchool error { code } } }`;
const PART = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on PersonSubjectAccess { id pupilsSubjectAccess } } }';

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(pupilsService, createApp);
});

afterAll(() => subgraph?.close());

const parentInput = (childPupilIds: string[], accountId = parentAccount.id) => ({
  input: { accountId, displayName: 'Grace Okafor', kind: 'PARENT_OR_CARER', childPupilIds },
});

async function exportsBy(who: Principal): Promise<{ pupil_id: string | null; school_id: string; detail: string; fields: string[] }[]> {
  return subgraph.orm.em.fork().execute(
    `select e.pupil_id, e.school_id, e.detail, array(select f.field from audit_event_field f where f.event_id = e.id) as fields
     from audit_event e where e.actor_account_id = ? and e.action = 'EXPORT' order by e.occurred_at`,
    [who.accountId],
  );
}

describe('recordPersonSubjectAccess', () => {
  it("refuses a careers leader or data protection lead whose school holds none of the parent's children, and writes nothing", async () => {
    for (const who of [leaderNorth, dplNorth]) {
      const res = await subgraph.client.query<{
        recordPersonSubjectAccess: { recorded: number; childPupilIdsAtSchool: string[]; error: { code: string } | null };
      }>(who, RECORD, parentInput([southChild.id]));
      expect(res.data!.recordPersonSubjectAccess).toEqual({ recorded: 0, childPupilIdsAtSchool: [], error: { code: 'PERSON_NOT_CONNECTED' } });
      expect(await exportsBy(who)).toEqual([]);
    }
    const none = await subgraph.client.query<{ recordPersonSubjectAccess: { error: { code: string } | null } }>(dplSouth, RECORD, parentInput([maya.id]));
    expect(none.data!.recordPersonSubjectAccess.error).toEqual({ code: 'PERSON_NOT_CONNECTED' });
  });

  it('refuses staff, advisers, analysts and API keys outright', async () => {
    for (const who of [staffNorth, adviserNorth, analyst, apiKey]) {
      const res = await subgraph.client.query(who, RECORD, parentInput([maya.id]));
      expect(res.errors?.[0].extensions?.code, who.roles.join()).toBe('FORBIDDEN');
      expect(await exportsBy(who)).toEqual([]);
    }
  });

  it("records the data protection lead's export of a parent with a child at their school, as one EXPORT for the school naming the parent", async () => {
    const res = await subgraph.client.query<{ recordPersonSubjectAccess: { recorded: number; childPupilIdsAtSchool: string[]; error: unknown } }>(
      dplNorth,
      RECORD,
      parentInput([southChild.id, maya.id]),
    );
    // Only the child at Northfield is named back: the Southbank child stays out of Northfield's export.
    expect(res.data!.recordPersonSubjectAccess).toEqual({ recorded: 1, childPupilIdsAtSchool: [maya.id], error: null });
    expect(await exportsBy(dplNorth)).toEqual([
      {
        pupil_id: null,
        school_id: northfield.id,
        fields: ['personSubjectAccess'],
        detail: `Subject-access export of a parent or carer: Grace Okafor (account ${parentAccount.id})`,
      },
    ]);
  });
});

describe('PersonSubjectAccess.pupilsSubjectAccess', () => {
  it("holds what the person wrote at the caller's school only", async () => {
    const author = makePrincipal({ roles: ['staff'], schoolId: northfield.id, trustId, accountId: randomUUID(), displayName: 'Writer' });
    const wrote = await subgraph.client.query(author, `mutation ($input: AddRecordCommentInput!) { addRecordComment(input: $input) { error { code } } }`, {
      input: { pupilId: maya.id, body: 'Spoke about apprenticeships.' },
    });
    expect(wrote.errors).toBeUndefined();
    type Part = { sections: { title: string; rows: Record<string, unknown>[] }[] };
    const read = async (who: Principal) =>
      subgraph.client.query<{ _entities: { pupilsSubjectAccess: Part }[] }>(who, PART, { r: [{ __typename: 'PersonSubjectAccess', id: author.accountId }] });
    const north = await read(dplNorth);
    expect(north.errors).toBeUndefined();
    const comments = north.data!._entities[0].pupilsSubjectAccess.sections[0];
    expect(comments.rows).toEqual([expect.objectContaining({ pupil_id: maya.id, body: 'Spoke about apprenticeships.' })]);
    const south = await read(dplSouth);
    expect(south.data!._entities[0].pupilsSubjectAccess.sections.every((s) => s.rows.length === 0)).toBe(true);
    for (const who of [staffNorth, analyst, apiKey]) {
      const refused = await read(who);
      expect(refused.errors?.[0].extensions?.code, who.roles.join()).toBe('FORBIDDEN');
    }
  });
});
