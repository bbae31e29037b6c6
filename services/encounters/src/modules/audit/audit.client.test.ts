import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoData } from '@waymark/demo-data';
import { fixtureFromDemo, makePrincipal } from '@waymark/subgraph-kit/testing';
import { startHarness, type Harness } from '../../../test/harness.js';

const data = demoData();
const [northfield] = data.schools;
const maya = data.pupils.find((p) => p.legalForename === 'Maya' && p.legalSurname === 'Okafor')!;
const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id });
const NOTES = `query ($id: ID!) { _entities(representations: [{ __typename: "Pupil", id: $id }]) { ... on Pupil { guidanceMeetings { id notes } } } }`;
const DATES = `query ($id: ID!) { _entities(representations: [{ __typename: "Pupil", id: $id }]) { ... on Pupil { guidanceMeetings { id date } } } }`;

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness(fixtureFromDemo(data));
});

afterAll(() => harness?.close());

describe('guidance notes in the audit trail', () => {
  it('shows the notes when the pupils subgraph records the read', async () => {
    const res = await harness.client.query<{ _entities: { guidanceMeetings: { notes: string | null }[] }[] }>(leaderNorth, NOTES, { id: maya.id });
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities[0].guidanceMeetings.some((m) => m.notes !== null)).toBe(true);
  });

  it('fails closed: when the read cannot be recorded, the answer is an error without the notes', async () => {
    // The stand-in answers record access but, like a pupils subgraph that is failing, refuses the audit write.
    const res = await harness.standInClient.query(leaderNorth, NOTES, { id: maya.id });
    expect(res.status).toBe(500);
    expect(res.data ?? null).toBeNull();
    expect(JSON.stringify(res)).not.toMatch(/post-16|Private/);
    expect(harness.standIn.refused.some((query) => query.includes('recordAuditEvents'))).toBe(true);
  });

  it('asks nothing of the trail when the notes are not asked for', async () => {
    harness.standIn.refused.length = 0;
    const res = await harness.standInClient.query<{ _entities: { guidanceMeetings: { date: string }[] }[] }>(leaderNorth, DATES, { id: maya.id });
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities[0].guidanceMeetings.length).toBeGreaterThan(0);
    expect(harness.standIn.refused).toEqual([]);
  });
});
