import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoData } from '@waymark/demo-data';
import { webhookHandler, type WebhookEvent } from '../../packages/trust-sync-example/webhook-receiver.mjs';
import { GatewayClient } from './client.js';
import { useTestStack } from './test-stack.js';

/*
 * A trust's webhook across the supergraph: a careers leader's roster import commits in the pupils
 * subgraph (then an encounter is recorded in the encounters subgraph), the gateway's relay takes each
 * event to identity, and identity's worker delivers it, signed, to a real receiver (the sample
 * verifier a trust copies). docs/trust-api.md, "Webhooks".
 */
const data = demoData();
const [northfield, southbank] = data.schools;
// Its own stack with development settings: production's refuse to deliver to this machine (docs/security.md, "Webhooks").
const stack = useTestStack({ name: 'webhooks', env: { NODE_ENV: 'development', WAYMARK_WEBHOOK_RELAY_MS: '500' } });

let analyst: GatewayClient;
let leader: GatewayClient;
let firstEndpointId: string | null = null;
const events: WebhookEvent[] = [];
const arrivals: IncomingMessage['headers'][] = [];
let handle: ReturnType<typeof webhookHandler> | null = null;
const receiver = createServer((req, res) => {
  arrivals.push(req.headers);
  if (!handle) {
    req.resume();
    res.writeHead(503).end();
    return;
  }
  handle(req, res);
});

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  analyst = new GatewayClient(stack.url);
  expect((await analyst.signIn('trust@waymark-trust.test')).status).toBe(200);
  leader = new GatewayClient(stack.url);
  expect((await leader.signIn('leader@northfield.test')).status).toBe(200);
}, 300_000);

afterAll(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

describe('webhooks through the gateway', () => {
  it("delivers a committed roster import and a recorded encounter to the trust's endpoint, signed, with ids only", { timeout: 240_000 }, async () => {
    const { port } = receiver.address() as AddressInfo;
    const registered = await analyst.query<{ registerWebhookEndpoint: { endpoint: { id: string } | null; secret: string | null; error: unknown } }>(
      'mutation ($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) { endpoint { id } secret error { message } } }',
      {
        input: { url: `http://127.0.0.1:${port}/waymark`, events: ['roster.import.committed', 'encounter.recorded'], scopes: ['roster:write', 'reports:read'] },
      },
    );
    expect(registered.errors).toBeUndefined();
    expect(registered.data!.registerWebhookEndpoint.error).toBeNull();
    const { endpoint, secret } = registered.data!.registerWebhookEndpoint;
    firstEndpointId = endpoint!.id;
    handle = webhookHandler({ secret: secret!, onEvent: (event) => void events.push(event) });

    const newcomer = { upn: 'V801200000017', surname: 'Okonkwo', forename: 'Ada' };
    const csv = [
      'UPN,Legal Surname,Legal Forename,Date of Birth,Year Group,Tutor Group',
      `${newcomer.upn},${newcomer.surname},${newcomer.forename},02/03/2014,8,8N`,
    ].join('\r\n');
    const preview = await leader.query<{ previewRosterImport: { import: { id: string; rejected: unknown[] } } }>(
      'mutation ($input: RosterImportInput!) { previewRosterImport(input: $input) { import { id rejected { line reason } } error { message } } }',
      { input: { fileBase64: Buffer.from(csv).toString('base64'), fullRoster: false } },
    );
    const importId = preview.data!.previewRosterImport.import.id;
    expect(preview.data!.previewRosterImport.import.rejected).toEqual([]);
    await leader.query('mutation ($id: ID!) { commitRosterImport(id: $id) { error { message } } }', { id: importId });

    // The relay and the delivery worker run on their own timers in the stack's processes.
    await expect.poll(() => events.length, { timeout: 90_000, interval: 200 }).toBe(1);
    const [event] = events;
    expect(event).toMatchObject({
      type: 'roster.import.committed',
      trustId: data.trust.id,
      data: { schoolId: northfield.id, importId, added: 1, rejected: 0 },
    });
    expect(arrivals.every((headers) => headers['waymark-event-id'] === event.id)).toBe(true);
    expect(JSON.stringify(event)).not.toMatch(/Okonkwo|Ada|V801200000017/);

    const deliveries = await analyst.query<{ webhookDeliveries: { eventId: string; status: string; attempts: number; lastResponseCode: number }[] }>(
      'query ($id: ID!) { webhookDeliveries(endpointId: $id) { eventId status attempts lastResponseCode } }',
      { id: endpoint!.id },
    );
    expect(deliveries.data!.webhookDeliveries).toEqual([{ eventId: event.id, status: 'DELIVERED', attempts: 1, lastResponseCode: 200 }]);

    // An encounter the leader records arrives the same way, from the encounters subgraph's outbox.
    const recorded = await leader.query<{ createEncounter: { encounter: { id: string } | null } }>(
      'mutation ($input: CreateEncounterInput!) { createEncounter(input: $input) { encounter { id } error { message } } }',
      {
        input: {
          kind: 'EMPLOYER_TALK',
          title: 'Talk by Okonkwo Engineering',
          date: '2026-11-20T10:00:00.000Z',
          hours: 1,
          inSchoolDay: true,
          yearGroups: [10],
          register: [],
        },
      },
    );
    const encounterId = recorded.data!.createEncounter.encounter!.id;
    await expect.poll(() => events.length, { timeout: 90_000, interval: 200 }).toBe(2);
    expect(events[1]).toMatchObject({
      type: 'encounter.recorded',
      trustId: data.trust.id,
      data: { schoolId: northfield.id, encounterId, kind: 'EMPLOYER_TALK', date: '2026-11-20T10:00:00.000Z' },
    });
    expect(JSON.stringify(events[1])).not.toContain('Okonkwo');

    // A school's leader cannot see the trust's endpoints.
    const refused = await leader.query('{ webhookEndpoints { id } }');
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('delivers a pupil moving between two schools of the trust (both sides) and a recorded destination, signed, ids only', { timeout: 240_000 }, async () => {
    const { port } = receiver.address() as AddressInfo;
    // The first test's endpoint is turned off, so only this one's events (and its secret) arrive.
    if (firstEndpointId) await analyst.query('mutation ($id: ID!) { disableWebhookEndpoint(id: $id) { error { message } } }', { id: firstEndpointId });
    const registered = await analyst.query<{ registerWebhookEndpoint: { secret: string | null; error: unknown } }>(
      'mutation ($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) { secret error { message } } }',
      { input: { url: `http://127.0.0.1:${port}/moves`, events: ['pupil.transferred', 'destination.recorded'], scopes: ['reports:read'] } },
    );
    expect(registered.data!.registerWebhookEndpoint.error).toBeNull();
    const received: WebhookEvent[] = [];
    handle = webhookHandler({ secret: registered.data!.registerWebhookEndpoint.secret!, onEvent: (event) => void received.push(event) });

    // A Northfield pupil leaves today and Southbank's roster import brings them in: one event per side.
    const mover = data.pupils.find((p) => p.schoolId === northfield.id && p.leftOn === null && p.yearGroup === 9)!;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    const left = await leader.query<{ markPupilLeft: { error: unknown } }>(
      'mutation ($input: MarkPupilLeftInput!) { markPupilLeft(input: $input) { error { message } } }',
      { input: { pupilId: mover.id, leftOn: today } },
    );
    expect(left.data!.markPupilLeft.error).toBeNull();
    const southLeader = new GatewayClient(stack.url);
    expect((await southLeader.signIn('leader@southbank.test')).status).toBe(200);
    const csv = [
      'UPN,Legal Surname,Legal Forename,Date of Birth,Year Group,Tutor Group',
      `${mover.upn},${mover.legalSurname},${mover.legalForename},${mover.dateOfBirth.split('-').reverse().join('/')},${mover.yearGroup},9S`,
    ].join('\r\n');
    const preview = await southLeader.query<{ previewRosterImport: { import: { id: string; transfersIn: number } } }>(
      'mutation ($input: RosterImportInput!) { previewRosterImport(input: $input) { import { id transfersIn } error { message } } }',
      { input: { fileBase64: Buffer.from(csv).toString('base64'), fullRoster: false } },
    );
    expect(preview.data!.previewRosterImport.import.transfersIn).toBe(1);
    await southLeader.query('mutation ($id: ID!) { commitRosterImport(id: $id) { error { message } } }', { id: preview.data!.previewRosterImport.import.id });
    await expect.poll(() => received.length, { timeout: 90_000, interval: 200 }).toBe(2);
    const byDirection = [...received].sort((a, b) => String(a.data.direction).localeCompare(String(b.data.direction)));
    expect(byDirection.map((event) => [event.type, event.trustId, event.data])).toEqual([
      ['pupil.transferred', data.trust.id, { schoolId: southbank.id, pupilId: mover.id, direction: 'IN', otherSchoolId: northfield.id, date: today }],
      ['pupil.transferred', data.trust.id, { schoolId: northfield.id, pupilId: mover.id, direction: 'OUT', otherSchoolId: southbank.id, date: today }],
    ]);
    expect(JSON.stringify(received)).not.toMatch(new RegExp(`${mover.upn}|${mover.legalSurname}|${mover.dateOfBirth}`));

    // A leaver who agreed to being followed has a destination recorded: the spell's ids arrive, not what they do.
    const leaverId = data.destinations.find((d) => d.schoolId === northfield.id && d.stage === 'IMMEDIATE')!.pupilId;
    const agreed = await leader.query<{ setPupilConsent: { error: unknown } }>(
      'mutation ($input: SetPupilConsentInput!) { setPupilConsent(input: $input) { error { message } } }',
      { input: { pupilId: leaverId, destinationTracking: true } },
    );
    expect(agreed.data!.setPupilConsent.error).toBeNull();
    const spell = await leader.query<{ recordActivitySpell: { spell: { id: string } | null; error: unknown } }>(
      'mutation ($input: RecordActivitySpellInput!) { recordActivitySpell(input: $input) { spell { id } error { message } } }',
      { input: { pupilId: leaverId, activity: 'NOT_KNOWN', startsOn: today } },
    );
    expect(spell.data!.recordActivitySpell.error).toBeNull();
    await expect.poll(() => received.length, { timeout: 90_000, interval: 200 }).toBe(3);
    expect(received[2]).toMatchObject({
      type: 'destination.recorded',
      trustId: data.trust.id,
      data: { schoolId: northfield.id, pupilId: leaverId, spellId: spell.data!.recordActivitySpell.spell!.id, source: 'STAFF', confirmed: false },
    });
    expect(JSON.stringify(received[2])).not.toContain('NOT_KNOWN');
  });
});
