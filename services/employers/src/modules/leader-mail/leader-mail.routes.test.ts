import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREDENTIAL_HEADER, SYSTEM_PRINCIPAL, type Principal } from '@waymark/auth';
import { demoData } from '@waymark/demo-data';
import { boundSql, withSystemAccess } from '@waymark/subgraph-kit';
import { makePrincipal, startTestSubgraph, testSigner, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { createApp, employersService } from '../../app.js';

/*
 * The leader mail outbox (docs/domain-rules.md, "A volunteer deletes their account"): when a
 * volunteer's erasure withdraws an offer a school had accepted for an activity still to come, a
 * notice for that school's careers leaders is written in the same statement; none for an offer the
 * school never answered, one already past, or another volunteer's, and none a second time. The
 * relay's routes answer only the gateway, and a notice waits until it is marked forwarded. On a real
 * database.
 */
const data = demoData();
const trustId = data.trust.id;
const [northfield, southfield] = data.schools;
const leaving = data.volunteers.find((v) => v.schoolIds.includes(northfield.id))!;
const staying = data.volunteers.find((v) => v.id !== leaving.id)!;
const ERASE = 'mutation ($id: ID!) { eraseVolunteer(volunteerId: $id) }';

let subgraph: TestSubgraph;

async function post<T>(path: string, body: unknown, as: Principal | null = SYSTEM_PRINCIPAL): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (as) headers[CREDENTIAL_HEADER] = await testSigner().sign(as);
  const response = await fetch(`${subgraph.client.baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as T };
}

type Notice = { id: string; schoolId: string; kind: string; occurredAt: string; data: Record<string, unknown> };
const waiting = async () => (await post<{ notices: Notice[] }>('/internal/leader-mail-outbox', { limit: 500 })).body.notices;
const requests: Record<string, string> = {};

beforeAll(async () => {
  subgraph = await startTestSubgraph(employersService, createApp);
  await withSystemAccess(subgraph.orm, 'test: requests with offers from the leaving volunteer and another', async (em) => {
    for (const [name, school, dateFrom, dateTo, offers] of [
      ['to come, accepted', northfield, '2099-03-09', '2099-03-10', { leaving: 'ACCEPTED', staying: 'ACCEPTED' }],
      ['to come, unanswered', northfield, '2099-05-10', '2099-05-10', { leaving: 'OPEN', staying: 'ACCEPTED' }],
      ['past, accepted', northfield, '2020-03-10', '2020-03-10', { leaving: 'ACCEPTED' }],
      ['declined', northfield, '2099-04-10', '2099-04-10', { leaving: 'DECLINED' }],
      ['other school, only the other volunteer', southfield, '2099-03-10', '2099-03-10', { staying: 'ACCEPTED' }],
    ] as const) {
      const { rows } = await boundSql<{ id: string }>(
        em,
        `insert into volunteer_request (id, school_id, trust_id, activity, date_from, date_to, year_groups, volunteers_wanted, sectors, virtual, details, status, created_by_id, created_at)
         values (gen_random_uuid(), $1, $2, 'MOCK_INTERVIEW', $3, $4, '{10,11}', 2, '{}', true, 'Mock interviews', 'OPEN', 'leader', now()) returning id`,
        [school.id, trustId, dateFrom, dateTo],
      );
      requests[name] = rows[0].id;
      for (const [who, status] of Object.entries(offers))
        await boundSql(
          em,
          `insert into volunteer_offer (id, request_id, volunteer_id, school_id, message, status, created_at) values (gen_random_uuid(), $1, $2, $3, 'I can come', $4, now())`,
          [rows[0].id, who === 'leaving' ? leaving.id : staying.id, school.id, status],
        );
    }
  });
});

afterAll(() => subgraph?.close());

describe('the leader mail outbox', () => {
  it('is only for the gateway: people and integrations get 401', async () => {
    const integration = makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId, scopes: ['roster:write', 'reports:read'] });
    const leader = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId });
    const volunteer = makePrincipal({ roles: ['employer_volunteer'], volunteerId: leaving.id });
    for (const who of [leader, volunteer, integration, null]) {
      expect((await post('/internal/leader-mail-outbox', {}, who)).status).toBe(401);
      expect((await post('/internal/leader-mail-outbox/forwarded', { ids: [] }, who)).status).toBe(401);
    }
  });

  it('holds one notice per accepted offer to come that an erasure withdrew, at its school, and nothing more on a second erasure', async () => {
    expect(await waiting()).toEqual([]);
    const gateway: Principal = { ...SYSTEM_PRINCIPAL, accountId: 'gateway' };
    expect((await subgraph.client.query(gateway, ERASE, { id: leaving.id })).errors).toBeUndefined();

    const notices = await waiting();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      schoolId: northfield.id,
      kind: 'offer.withdrawn',
      data: { requestId: requests['to come, accepted'], activity: 'MOCK_INTERVIEW', dateFrom: '2099-03-09', dateTo: '2099-03-10', yearGroups: [10, 11] },
    });
    // Nothing about the volunteer: not their id, name or email.
    const written = JSON.stringify(notices[0]);
    for (const detail of [leaving.id, leaving.firstName, leaving.lastName, leaving.email]) expect(written).not.toContain(detail);

    expect((await subgraph.client.query(gateway, ERASE, { id: leaving.id })).errors).toBeUndefined();
    expect(await waiting()).toEqual(notices);
  });

  it('keeps a notice until the relay marks it forwarded, then hands it over no more', async () => {
    const [notice] = await waiting();
    expect((await post('/internal/leader-mail-outbox/forwarded', { ids: ['not-an-id'] })).status).toBe(400);
    expect((await post<{ marked: number }>('/internal/leader-mail-outbox/forwarded', { ids: [notice.id] })).body.marked).toBe(1);
    expect(await waiting()).toEqual([]);
    expect((await post<{ marked: number }>('/internal/leader-mail-outbox/forwarded', { ids: [notice.id] })).body.marked).toBe(0);
  });
});
