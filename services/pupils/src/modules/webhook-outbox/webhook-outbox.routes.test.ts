import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { academicYearOf } from '@waymark/domain';
import { demoData } from '@waymark/demo-data';
import { CREDENTIAL_HEADER, SYSTEM_PRINCIPAL, type Principal } from '@waymark/auth';
import { makePrincipal, startTestSubgraph, testSigner, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { createApp, pupilsService } from '../../app.js';
import { School } from '../school/school.entity.js';
import { generatePupils, importRoster, rosterCsv, utf8Base64 } from '../../../test/roster-fixtures.js';

const data = demoData();
const trustId = data.trust.id;
const EASTFIELD = '0e5f1e1d-0000-4000-8000-0000000000e1';
const leader = makePrincipal({ roles: ['careers_leader'], schoolId: EASTFIELD, trustId, displayName: 'Erin East' });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId });

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(pupilsService, createApp);
  const em = subgraph.orm.em.fork();
  em.create(School, { id: EASTFIELD, trustId, name: 'Eastfield High', urn: '900101', localAuthority: 'Leeds' });
  await em.flush();
});

afterAll(() => subgraph?.close());

async function post<T>(path: string, body: unknown, as: Principal | null = SYSTEM_PRINCIPAL): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (as) headers[CREDENTIAL_HEADER] = await testSigner().sign(as);
  const response = await fetch(`${subgraph.client.baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as T };
}

type OutboxEvent = { id: string; trustId: string; type: string; occurredAt: string; data: Record<string, unknown> };

describe('the roster import webhook event', () => {
  it('is only for the gateway: people and integrations get 401', async () => {
    const integration = makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId, scopes: ['roster:write', 'reports:read'] });
    for (const who of [leader, analyst, integration, null]) {
      expect((await post('/internal/webhook-outbox', {}, who)).status).toBe(401);
      expect((await post('/internal/webhook-outbox/forwarded', { ids: [] }, who)).status).toBe(401);
    }
  });

  it('is written with the commit, carries ids and counts only, and waits until the relay marks it forwarded', async () => {
    const pupils = generatePupils(12, { seed: 41, academicYear: academicYearOf(new Date()) });
    const { committed } = await importRoster(subgraph.client, leader, { fileBase64: utf8Base64(rosterCsv(pupils), true), fullRoster: true });

    const waiting = await post<{ events: OutboxEvent[] }>('/internal/webhook-outbox', { limit: 10 });
    expect(waiting.status).toBe(200);
    const ours = waiting.body.events.filter((event) => event.data.importId === committed.id);
    expect(ours).toHaveLength(1);
    const [event] = ours;
    expect(event).toMatchObject({
      trustId,
      type: 'roster.import.committed',
      data: { schoolId: EASTFIELD, importId: committed.id, added: 12, changed: 0, markedLeft: 0, transfersIn: 0, rejected: 0 },
    });
    expect(Object.keys(event.data).sort()).toEqual(['added', 'changed', 'importId', 'markedLeft', 'rejected', 'schoolId', 'transfersIn']);
    const text = JSON.stringify(event);
    for (const pupil of pupils) {
      expect(text).not.toContain(pupil.upn);
      expect(text).not.toContain(pupil.surname);
    }
    expect(text).not.toContain('Erin East');

    const marked = await post<{ marked: number }>('/internal/webhook-outbox/forwarded', { ids: [event.id] });
    expect(marked.body.marked).toBe(1);
    const again = await post<{ marked: number }>('/internal/webhook-outbox/forwarded', { ids: [event.id] });
    expect(again.body.marked).toBe(0);
    const after = await post<{ events: OutboxEvent[] }>('/internal/webhook-outbox', {});
    expect(after.body.events.map((e) => e.id)).not.toContain(event.id);
  });

  it('refuses malformed ids without marking anything', async () => {
    expect((await post('/internal/webhook-outbox/forwarded', { ids: ['not-an-id'] })).status).toBe(400);
    expect((await post('/internal/webhook-outbox/forwarded', { ids: 'x' })).status).toBe(400);
  });
});
