import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePrincipal } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import { WebhookOutboxEvent } from '@waymark/subgraph-kit';
import { startHarness, type Harness } from '../../../test/harness.js';

// Recording an encounter writes the trust's webhook event (encounter.recorded) in the same
// transaction: ids, kind and date only (docs/trust-api.md, "Webhooks").
const data = demoData();
const [northfield] = data.schools;
const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id });

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

type Created = { createEncounter: { encounter: { id: string } | null; error: { code: string } | null } };
const CREATE = `mutation ($input: CreateEncounterInput!) { createEncounter(input: $input) { encounter { id } error { code } } }`;
const input = (title: string, extra: Record<string, unknown> = {}) => ({
  kind: 'EMPLOYER_TALK',
  title,
  date: '2026-11-20T10:00:00.000Z',
  hasTime: true,
  hours: 1,
  inSchoolDay: true,
  yearGroups: [10],
  register: [],
  ...extra,
});
const events = () => harness.orm.em.fork().find(WebhookOutboxEvent, { type: 'encounter.recorded' }, { orderBy: { occurredAt: 'asc' } });

describe('the encounter recorded webhook event', () => {
  it('is written with the encounter: the school, its id, kind and date, never its title', async () => {
    const before = (await events()).length;
    const res = await harness.client.query<Created>(leaderNorth, CREATE, { input: input('Talk by Jo Bloggs of Acme') });
    expect(res.data!.createEncounter.error).toBeNull();
    const id = res.data!.createEncounter.encounter!.id;
    const after = await events();
    expect(after).toHaveLength(before + 1);
    const event = after.find((e) => e.data.encounterId === id)!;
    expect(event).toMatchObject({ trustId: data.trust.id, schoolId: northfield.id, forwardedAt: null });
    expect(event.data).toEqual({ schoolId: northfield.id, encounterId: id, kind: 'EMPLOYER_TALK', date: '2026-11-20T10:00:00.000Z' });
    expect(JSON.stringify(event)).not.toMatch(/Bloggs|Acme/);
  });

  it('is not written when the encounter is refused', async () => {
    const before = (await events()).length;
    const res = await harness.client.query<Created>(leaderNorth, CREATE, { input: input('', { hours: -1 }) });
    expect(res.data!.createEncounter.error).not.toBeNull();
    expect(await events()).toHaveLength(before);
  });
});
