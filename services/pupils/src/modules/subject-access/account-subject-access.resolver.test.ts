import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL, type Principal } from '@waymark/auth';
import { demoData } from '@waymark/demo-data';
import { makePrincipal, startTestSubgraph, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { createApp, pupilsService } from '../../app.js';

/*
 * Account.pupilsSubjectAccess ("Download my data"): a pupil's own record, a parent's children's names
 * (nothing else of theirs), and what anyone wrote or set; for the person themself only, and recorded
 * in the data access log of every pupil it names.
 */
const data = demoData();
const [northfield, southbank] = data.schools;
const account = (email: string) => data.accounts.find((a) => a.email === email)!;
const pupilAccount = account('pupil@northfield.test');
const parentAccount = account('parent@northfield.test');
const volunteerAccount = account('employer@acme.test');
const maya = data.pupils.find((p) => p.id === pupilAccount.pupilId)!;
const southChild = data.pupils.find((p) => p.schoolId === southbank.id && p.leftOn === null)!;

const pupil = makePrincipal({
  roles: ['pupil'],
  accountId: pupilAccount.id,
  pupilId: maya.id,
  schoolId: northfield.id,
  trustId: data.trust.id,
  displayName: 'Maya Okafor',
});
// Linked to a second child at a school that does not let parents in: still named, and still logged there.
const parent = makePrincipal({ roles: ['parent'], accountId: parentAccount.id, childPupilIds: [maya.id, southChild.id], displayName: 'Grace Okafor' });
const volunteer = makePrincipal({
  roles: ['employer_volunteer'],
  accountId: volunteerAccount.id,
  volunteerId: volunteerAccount.volunteerId,
  employerId: volunteerAccount.employerId,
});
const leader = makePrincipal({ roles: ['careers_leader'], accountId: randomUUID(), schoolId: northfield.id, trustId: data.trust.id });

interface Part {
  source: string;
  sections: { title: string; rows: Record<string, unknown>[] }[];
}
const ENTITIES = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Account { id pupilsSubjectAccess } } }';
const reps = (id: string) => ({ r: [{ __typename: 'Account', id }] });

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(pupilsService, createApp);
  // Maya's address and her parent's name and address, kept for the local authority return.
  await subgraph.orm.em.fork().execute(
    `update pupil set address_line1 = '12 Larkspur Road', address_town = 'Leeds', address_postcode = 'LS6 2QT', parent_carer_name = 'Grace Okafor',
        parent_carer_address_line1 = '3 Quarry Hill', parent_carer_address_town = 'Leeds', parent_carer_address_postcode = 'LS2 7UE' where id = ?`,
    [maya.id],
  );
});

afterAll(() => subgraph?.close());

async function ownPart(who: Principal): Promise<Part> {
  const res = await subgraph.client.query<{ _entities: { id: string; pupilsSubjectAccess: Part }[] }>(who, ENTITIES, reps(who.accountId));
  expect(res.errors).toBeUndefined();
  return res.data!._entities[0].pupilsSubjectAccess;
}

const rowsOf = (part: Part, title: string) => part.sections.find((s) => s.title === title)?.rows;

async function exportsBy(accountId: string): Promise<{ pupil_id: string; school_id: string; fields: string[] }[]> {
  return subgraph.orm.em.fork().execute(
    `select e.pupil_id, e.school_id, array(select f.field from audit_event_field f where f.event_id = e.id) as fields
     from audit_event e where e.actor_account_id = ? and e.action = 'EXPORT' order by e.school_id`,
    [accountId],
  );
}

describe('Account.pupilsSubjectAccess for the person themself', () => {
  it("gives a pupil their own record as the staff export has it, and records an EXPORT in their school's log", async () => {
    const part = await ownPart(pupil);
    expect(part.source).toBe('pupils');
    expect(rowsOf(part, 'Pupil record')).toEqual([expect.objectContaining({ id: maya.id, upn: maya.upn, legal_surname: 'Okafor', school_id: northfield.id })]);
    // Her address and her parent's or carer's name and address, as stored.
    expect(rowsOf(part, 'Pupil record')![0]).toMatchObject({
      address_line1: '12 Larkspur Road',
      address_line2: null,
      address_town: 'Leeds',
      address_postcode: 'LS6 2QT',
      parent_carer_name: 'Grace Okafor',
      parent_carer_same_address: false,
      parent_carer_address_line1: '3 Quarry Hill',
      parent_carer_address_line2: null,
      parent_carer_address_town: 'Leeds',
      parent_carer_address_postcode: 'LS2 7UE',
    });
    expect(part.sections.map((s) => s.title)).toEqual(
      expect.arrayContaining(['Earlier periods at a school', 'Who has looked at, downloaded or changed this record', 'Comments you wrote']),
    );
    expect(await exportsBy(pupilAccount.id)).toEqual([{ pupil_id: maya.id, school_id: northfield.id, fields: ['ownSubjectAccess'] }]);
  });

  it("gives a parent their children's names only, with the comments and consent they wrote or set, and logs it at each child's school", async () => {
    const added = await subgraph.client.query<{ addRecordComment: { error: unknown } }>(
      parent,
      'mutation ($input: AddRecordCommentInput!) { addRecordComment(input: $input) { error { code } } }',
      { input: { pupilId: maya.id, body: 'Maya loved the engineering talk.' } },
    );
    expect(added.data!.addRecordComment.error).toBeNull();
    const consent = await subgraph.client.query<{ setPupilConsent: { error: unknown } }>(
      parent,
      'mutation ($input: SetPupilConsentInput!) { setPupilConsent(input: $input) { error { code } } }',
      { input: { pupilId: maya.id, destinationTracking: true } },
    );
    expect(consent.data!.setPupilConsent.error).toBeNull();

    const part = await ownPart(parent);
    const children = rowsOf(part, 'Your children (their names only)')!;
    expect(children.map((c) => c.pupil_id).sort()).toEqual([maya.id, southChild.id].sort());
    for (const child of children) expect(Object.keys(child).sort()).toEqual(['legal_forename', 'legal_surname', 'preferred_name', 'pupil_id']);
    expect(rowsOf(part, 'Pupil record')).toBeUndefined();
    expect(JSON.stringify(part)).not.toContain(maya.upn);
    expect(JSON.stringify(part)).not.toContain('Larkspur');
    expect(rowsOf(part, 'Comments you wrote')).toEqual([
      expect.objectContaining({ pupil_id: maya.id, body: 'Maya loved the engineering talk.', author_role: 'PARENT' }),
    ]);
    expect(rowsOf(part, 'Consent you set')).toEqual([expect.objectContaining({ pupil_id: maya.id, destination_tracking: true })]);
    expect(rowsOf(part, 'What data access logs recorded you doing')!.map((row) => [row.action, row.fields])).toEqual(
      expect.arrayContaining([
        ['CHANGE', ['comments']],
        ['CHANGE', ['consent']],
      ]),
    );
    const logged = await exportsBy(parentAccount.id);
    expect(logged.map((e) => [e.pupil_id, e.school_id, e.fields]).sort()).toEqual(
      [
        [maya.id, northfield.id, ['ownSubjectAccess']],
        [southChild.id, southbank.id, ['ownSubjectAccess']],
      ].sort(),
    );
  });

  it("records a member of staff's export in the log of each pupil their comments name", async () => {
    const staff = makePrincipal({ roles: ['staff'], accountId: randomUUID(), schoolId: northfield.id, trustId: data.trust.id, displayName: 'Sam Staff' });
    const added = await subgraph.client.query<{ addRecordComment: { error: unknown } }>(
      staff,
      'mutation ($input: AddRecordCommentInput!) { addRecordComment(input: $input) { error { code } } }',
      { input: { pupilId: maya.id, body: 'Follow up after the fair.' } },
    );
    expect(added.data!.addRecordComment.error).toBeNull();
    const part = await ownPart(staff);
    expect(rowsOf(part, 'Comments you wrote')).toEqual([expect.objectContaining({ pupil_id: maya.id, body: 'Follow up after the fair.' })]);
    expect(await exportsBy(staff.accountId)).toEqual([{ pupil_id: maya.id, school_id: northfield.id, fields: ['ownSubjectAccess'] }]);
  });

  it("gives a volunteer only what they wrote or set here (nothing), and writes nothing to any school's log", async () => {
    const part = await ownPart(volunteer);
    expect(part.sections.map((s) => [s.title, s.rows.length])).toEqual([
      ['Comments you wrote', 0],
      ['Consent you set', 0],
      ['What data access logs recorded you doing', 0],
    ]);
    expect(await exportsBy(volunteerAccount.id)).toEqual([]);
  });
});

describe('Account.pupilsSubjectAccess for anyone else', () => {
  it("is FORBIDDEN to staff of the pupil's school, another person, and the gateway, and records nothing", async () => {
    for (const who of [leader, parent, volunteer, SYSTEM_PRINCIPAL]) {
      const res = await subgraph.client.query<{ _entities: unknown[] }>(who, ENTITIES, reps(pupilAccount.id));
      expect(
        res.errors?.map((e) => e.extensions?.code),
        who.roles.join(),
      ).toEqual(['FORBIDDEN']);
      expect(res.data?._entities ?? [null]).toEqual([null]);
    }
    const refusedNow = await subgraph.orm.em
      .fork()
      .execute(`select count(*)::int as n from audit_event where actor_account_id = ? and action = 'EXPORT'`, [leader.accountId]);
    expect(refusedNow).toEqual([{ n: 0 }]);
  });

  it("is FORBIDDEN to an API credential that carries the person's account id", async () => {
    const api = makePrincipal({ kind: 'api', roles: ['trust_analyst'], accountId: pupilAccount.id, trustId: data.trust.id, scopes: ['reports:read'] });
    const res = await subgraph.client.query(api, ENTITIES, reps(pupilAccount.id));
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});
