import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePrincipal } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import { startHarness, type Harness } from '../../../test/harness.js';
import { Encounter } from './encounter.entity.js';

// createEncounter's idempotency key: what the employers subgraph's outbox relies on when it retries.
const data = demoData();
const [northfield, southbank] = data.schools;
const [sam] = data.volunteers;
const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId: data.trust.id });

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

type Created = { createEncounter: { encounter: { id: string } | null; error: { code: string; fields: { field: string; message: string }[] } | null } };
const CREATE = `mutation ($input: CreateEncounterInput!) { createEncounter(input: $input) { encounter { id } error { code fields { field message } } } }`;
const input = (idempotencyKey: string | null) => ({
  kind: 'EMPLOYER_TALK',
  title: 'Volunteer talk',
  date: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  hasTime: false,
  hours: 1,
  inSchoolDay: true,
  volunteerIds: [sam.id],
  yearGroups: [10],
  register: [],
  idempotencyKey,
});
const withKey = (key: string) => harness.orm.em.fork().count(Encounter, { idempotencyKey: key });

describe('createEncounter with an idempotency key', () => {
  it('answers a retry with the encounter the key first made, and saves one', async () => {
    const first = await harness.client.query<Created>(leaderNorth, CREATE, { input: input('volunteer-request:one') });
    const again = await harness.client.query<Created>(leaderNorth, CREATE, { input: input('volunteer-request:one') });
    expect(first.data!.createEncounter.error).toBeNull();
    expect(again.data!.createEncounter.encounter!.id).toBe(first.data!.createEncounter.encounter!.id);
    expect(await withKey('volunteer-request:one')).toBe(1);
  });

  it('saves one encounter when two attempts with one key arrive at once', async () => {
    const answers = await Promise.all([1, 2, 3].map(() => harness.client.query<Created>(leaderNorth, CREATE, { input: input('volunteer-request:race') })));
    const ids = new Set(answers.map((a) => a.data!.createEncounter.encounter!.id));
    expect(ids.size).toBe(1);
    expect(await withKey('volunteer-request:race')).toBe(1);
  });

  // Deterministic form of the race above: another transaction holds the key, uncommitted, while the
  // attempt looks (and finds nothing) and inserts (and waits); then it commits. PostgreSQL only:
  // PGlite has one connection, so nothing can hold a row open beside a request (there, the test is not defined).
  if (process.env.DATABASE_URL)
    it('answers with the winner’s encounter when its insert loses the race on the key, and commits cleanly', async () => {
      const first = await harness.client.query<Created>(leaderNorth, CREATE, { input: input('volunteer-request:winner') });
      const winnerId = first.data!.createEncounter.encounter!.id;
      const other = harness.orm.em.fork();
      await other.begin();
      await other.execute(`update "encounter" set "idempotency_key" = 'volunteer-request:held' where "id" = ?`, [winnerId]);
      const attempt = harness.client.query<Created>(leaderNorth, CREATE, { input: input('volunteer-request:held') });
      const waiting = () =>
        harness.orm.em
          .fork()
          .execute<{ n: number }[]>(`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
      while ((await waiting())[0].n === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      await other.commit();
      const answer = await attempt;
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.createEncounter).toEqual({ encounter: { id: winnerId }, error: null });
      expect(await withKey('volunteer-request:held')).toBe(1);
    });

  it("keeps each school's keys apart, and makes a new encounter each time without a key", async () => {
    const south = await harness.client.query<Created>(leaderSouth, CREATE, { input: input('volunteer-request:one') });
    expect(south.data!.createEncounter.encounter).not.toBeNull();
    expect(await withKey('volunteer-request:one')).toBe(2);
    const a = await harness.client.query<Created>(leaderNorth, CREATE, { input: input(null) });
    const b = await harness.client.query<Created>(leaderNorth, CREATE, { input: input(null) });
    expect(a.data!.createEncounter.encounter!.id).not.toBe(b.data!.createEncounter.encounter!.id);
  });

  it('refuses a malformed key', async () => {
    const res = await harness.client.query<Created>(leaderNorth, CREATE, { input: input('not a key!') });
    expect(res.data!.createEncounter.encounter).toBeNull();
    expect(res.data!.createEncounter.error!.fields.map((f) => f.field)).toEqual(['idempotencyKey']);
  });
});
