import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '@waymark/auth';
import { demoData } from '@waymark/demo-data';
import { makePrincipal, startTestSubgraph, type SubgraphTestClient, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { createApp, pupilsService } from '../../app.js';

const data = demoData();
const trustId = data.trust.id;
const [northfield, southbank] = data.schools;
const child = data.pupils.find((p) => p.schoolId === northfield.id && p.yearGroup === 9)!;
const southChild = data.pupils.find((p) => p.schoolId === southbank.id && p.yearGroup === 9)!;
const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId, displayName: 'Priya Shah' });
const staffNorth = makePrincipal({ roles: ['staff'], schoolId: northfield.id, trustId, displayName: 'Sam Staff' });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId });
const parent = makePrincipal({ roles: ['parent'], childPupilIds: [child.id, southChild.id], displayName: 'Grace Okafor' });
const childPrincipal = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId, pupilId: child.id });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId, pupilLevelAccess: true });

let subgraph: TestSubgraph;
let client: SubgraphTestClient;

beforeAll(async () => {
  subgraph = await startTestSubgraph(pupilsService, createApp);
  client = subgraph.client;
});

afterAll(() => subgraph?.close());

const CHILDREN = `{ myChildren { id displayName yearGroup school { id name } upn dateOfBirth consent { destinationTracking } comments { body authorName } } }`;
const COMMENT = `mutation ($input: AddRecordCommentInput!) { addRecordComment(input: $input) { comment { id body authorName createdAt } error { code } } }`;
const ACCESS = `mutation ($enabled: Boolean!) { setParentAccess(enabled: $enabled) { school { id parentAccessEnabled } error { code } } }`;

async function children(who: Principal) {
  const res = await client.query<{ myChildren: { id: string; upn: string | null; dateOfBirth: string | null; school: { id: string }; comments: unknown[] }[] }>(
    who,
    CHILDREN,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.myChildren;
}

async function comment(who: Principal, pupilId: string, body: string) {
  const res = await client.query<{ addRecordComment: { comment: { body: string; authorName: string } | null; error: { code: string } | null } }>(who, COMMENT, {
    input: { pupilId, body },
  });
  expect(res.errors).toBeUndefined();
  return res.data!.addRecordComment;
}

describe('parents and carers', () => {
  it('see their linked children at schools that allow it, read-only: no UPN, date of birth or flags', async () => {
    const list = await children(parent);
    expect(list.map((c) => c.id)).toEqual([child.id]);
    expect(list[0]).toMatchObject({
      yearGroup: 9,
      school: { id: northfield.id, name: northfield.name },
      upn: null,
      dateOfBirth: null,
      consent: { destinationTracking: false },
      comments: [],
    });
    const flags = await client.query<{ pupil: { flags: unknown } }>(parent, `query ($id: ID!) { pupil(id: $id) { flags { eal } } }`, { id: child.id });
    expect(flags.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const south = await client.query<{ pupil: unknown }>(parent, `query ($id: ID!) { pupil(id: $id) { id } }`, { id: southChild.id });
    expect(south.data!.pupil).toBeNull();
  });

  it('comment, as staff do; the pupil, the parent and the school read the comments', async () => {
    expect((await comment(parent, child.id, '  She loved the hospital visit.  ')).comment).toMatchObject({
      body: 'She loved the hospital visit.',
      authorName: 'Grace Okafor',
    });
    expect((await comment(staffNorth, child.id, 'Booked a guidance meeting.')).comment).toMatchObject({ authorName: 'Sam Staff' });
    const expected = [
      { body: 'She loved the hospital visit.', authorName: 'Grace Okafor' },
      { body: 'Booked a guidance meeting.', authorName: 'Sam Staff' },
    ];
    for (const who of [parent, childPrincipal, leaderNorth]) {
      const res = await client.query<{ pupil: { comments: unknown[] } }>(who, `query ($id: ID!) { pupil(id: $id) { comments { body authorName } } }`, {
        id: child.id,
      });
      expect(res.data!.pupil.comments).toEqual(expected);
    }
    const trust = await client.query<{ pupil: { comments: unknown } }>(analyst, `query ($id: ID!) { pupil(id: $id) { comments { body } } }`, { id: child.id });
    expect(trust.data!.pupil.comments).toBeNull();
  });

  it("cannot comment on a child whose school keeps parents out, nor can the pupil or other schools' staff", async () => {
    expect((await comment(parent, southChild.id, 'Hello')).error!.code).toBe('PUPIL_NOT_VISIBLE');
    expect((await comment(leaderSouth, child.id, 'Hello')).error!.code).toBe('PUPIL_NOT_VISIBLE');
    expect((await comment(leaderNorth, child.id, '   ')).error!.code).toBe('COMMENT_INVALID');
    const res = await client.query(childPrincipal, COMMENT, { input: { pupilId: child.id, body: 'Hi' } });
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('lose access when the careers leader turns it off, and get it back when turned on', async () => {
    const off = await client.query<{ setParentAccess: { school: { id: string; parentAccessEnabled: boolean } } }>(leaderNorth, ACCESS, { enabled: false });
    expect(off.data!.setParentAccess.school).toEqual({ id: northfield.id, parentAccessEnabled: false });
    expect(await children(parent)).toEqual([]);
    expect((await comment(parent, child.id, 'Still there?')).error!.code).toBe('PUPIL_NOT_VISIBLE');
    const consent = await client.query<{ setPupilConsent: { error: { code: string } } }>(
      parent,
      `mutation ($input: SetPupilConsentInput!) { setPupilConsent(input: $input) { error { code } } }`,
      {
        input: { pupilId: child.id, destinationTracking: true },
      },
    );
    expect(consent.data!.setPupilConsent.error.code).toBe('PUPIL_NOT_VISIBLE');
    await client.query(leaderNorth, ACCESS, { enabled: true });
    expect((await children(parent)).map((c) => c.id)).toEqual([child.id]);
  });

  it("is the careers leader's switch, shown to the school's staff only", async () => {
    const staff = await client.query(staffNorth, ACCESS, { enabled: false });
    expect(staff.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const schools = await client.query<{ schools: { id: string; parentAccessEnabled: boolean | null }[] }>(analyst, '{ schools { id parentAccessEnabled } }');
    expect(schools.data!.schools.every((s) => s.parentAccessEnabled === null)).toBe(true);
    const own = await client.query<{ schools: { parentAccessEnabled: boolean | null }[] }>(staffNorth, '{ schools { parentAccessEnabled } }');
    expect(own.data!.schools).toEqual([{ parentAccessEnabled: true }]);
  });

  it('answer myChildren for parents only', async () => {
    const res = await client.query(leaderNorth, '{ myChildren { id } }');
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('a comment sent with an idempotency key', () => {
  const send = (who: Principal, pupilId: string, body: string, idempotencyKey: string) =>
    client.query<{ addRecordComment: { comment: { id: string; body: string } | null; error: { code: string } | null } }>(who, COMMENT, {
      input: { pupilId, body, idempotencyKey },
    });
  const countWith = (key: string) =>
    subgraph.orm.em.fork().getConnection().execute<{ n: string }[]>('select count(*) as n from record_comment where idempotency_key = ?', [key]);

  it('is saved once however often it is retried, and the retry gets the saved comment back', async () => {
    const first = await send(staffNorth, child.id, 'Retried after a timeout.', 'retry-1');
    const again = await send(staffNorth, child.id, 'Retried after a timeout.', 'retry-1');
    expect(first.data!.addRecordComment.error).toBeNull();
    expect(again.data!.addRecordComment.comment).toEqual(first.data!.addRecordComment.comment);
    expect(Number((await countWith('retry-1'))[0].n)).toBe(1);
  });

  it('is one change in the data access log, not one per retry', async () => {
    const changes = async () =>
      Number(
        (
          await subgraph.orm.em
            .fork()
            .getConnection()
            .execute<{ n: string }[]>(
              `select count(*) as n from audit_event e join audit_event_field f on f.event_id = e.id
                where e.action = 'CHANGE' and f.field = 'comments' and e.pupil_id = ? and e.actor_account_id = ?`,
              [child.id, staffNorth.accountId],
            )
        )[0].n,
      );
    const before = await changes();
    await send(staffNorth, child.id, 'Sent twice over a bad connection.', 'retry-audit');
    await send(staffNorth, child.id, 'Sent twice over a bad connection.', 'retry-audit');
    expect((await changes()) - before).toBe(1);
  });

  it("belongs to its author: another person's same key is a separate comment", async () => {
    await send(staffNorth, child.id, 'Mine.', 'shared-key');
    const other = await send(leaderNorth, child.id, 'Mine too.', 'shared-key');
    expect(other.data!.addRecordComment.comment?.body).toBe('Mine too.');
    expect(Number((await countWith('shared-key'))[0].n)).toBe(2);
  });

  it('refuses a key reused for a different comment, or one that is not a plain token', async () => {
    await send(staffNorth, child.id, 'First.', 'reuse-me');
    expect((await send(staffNorth, child.id, 'Something else.', 'reuse-me')).data!.addRecordComment.error!.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await send(staffNorth, child.id, 'Hi', 'no spaces please')).data!.addRecordComment.error!.code).toBe('IDEMPOTENCY_KEY_INVALID');
    expect((await send(staffNorth, child.id, 'Hi', 'k'.repeat(101))).data!.addRecordComment.error!.code).toBe('IDEMPOTENCY_KEY_INVALID');
  });

  it('gives nothing away to someone who may not comment on the pupil', async () => {
    await send(staffNorth, child.id, 'Private.', 'probe-key');
    expect((await send(leaderSouth, child.id, 'Private.', 'probe-key')).data!.addRecordComment.error!.code).toBe('PUPIL_NOT_VISIBLE');
  });
});

describe("a comment's text", () => {
  const other = data.pupils.find((p) => p.schoolId === northfield.id && p.id !== child.id)!;

  it("refuses NUL and other control characters as the writer's mistake, never a server error", async () => {
    for (const body of ['Hello\u0000', 'Ring\u0007', 'Esc\u001b[0m', 'C1\u0085']) {
      const res = await client.query<{ addRecordComment: { error: { code: string } | null } }>(leaderNorth, COMMENT, { input: { pupilId: other.id, body } });
      expect(res.errors).toBeUndefined();
      expect(res.data!.addRecordComment.error!.code).toBe('COMMENT_INVALID');
    }
  });

  it('keeps line breaks and tabs, which a comment may well have', async () => {
    expect((await comment(leaderNorth, other.id, 'First line\r\n\tSecond line')).comment!.body).toBe('First line\r\n\tSecond line');
  });
});
