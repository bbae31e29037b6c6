import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makePrincipal, type SubgraphTestClient } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import { academicYearOf } from '@waymark/domain';
import { startHarness, type Harness } from '../../../test/harness.js';
import { ProgrammePlanItem } from './plan-item.entity.js';

/*
 * The careers programme planner over the seeded records: who may read and change a plan (another
 * school's staff first), bad input saving nothing, status from linked encounters, and copying a plan
 * forward twice.
 */
const data = demoData();
const [northfield, southbank] = data.schools;
const [sam] = data.volunteers;
const maya = data.pupils.find((p) => p.legalForename === 'Maya' && p.legalSurname === 'Okafor')!;
const thisYear = academicYearOf(new Date());
const now = Date.now();
const pastNorth = data.encounters.find((e) => e.schoolId === northfield.id && Date.parse(e.date) < now)!;
const pastSouth = data.encounters.find((e) => e.schoolId === southbank.id && Date.parse(e.date) < now)!;

const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id });
const staffNorth = makePrincipal({ roles: ['staff'], schoolId: northfield.id, trustId: data.trust.id });
const adviserNorth = makePrincipal({ roles: ['careers_adviser'], schoolId: northfield.id, trustId: data.trust.id });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId: data.trust.id });
const staffSouth = makePrincipal({ roles: ['staff'], schoolId: southbank.id, trustId: data.trust.id });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id });
const otherTrustAnalyst = makePrincipal({ roles: ['trust_analyst'], trustId: randomUUID() });
const pupil = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId: data.trust.id, pupilId: maya.id });
const parent = makePrincipal({ roles: ['parent'], trustId: data.trust.id, schoolId: northfield.id, childPupilIds: [maya.id] });
const volunteer = makePrincipal({ roles: ['employer_volunteer'], volunteerId: sam.id, employerId: sam.employerId });

let harness: Harness;
let client: SubgraphTestClient;

beforeAll(async () => {
  harness = await startHarness();
  client = harness.client;
});

afterAll(async () => {
  await harness?.close();
});

beforeEach(async () => {
  await harness.orm.em.fork().nativeDelete(ProgrammePlanItem, {});
});

type Error = { code: string; message: string; fields: { field: string; message: string }[] } | null;
type Item = {
  id: string;
  academicYear: number;
  halfTerm: string;
  title: string;
  yearGroups: number[];
  cdiAreas: string[];
  benchmarks: number[];
  forGroups: string[];
  startsOn: string | null;
  endsOn: string | null;
  status: string;
  copied: boolean;
  encounters: { id: string; title: string }[];
};
type Plan = {
  school: { id: string };
  academicYear: number;
  label: string;
  canEdit: boolean;
  halfTerms: { halfTerm: string; startsOn: string; endsOn: string }[];
  items: Item[];
};
const ITEM = 'id academicYear halfTerm title yearGroups cdiAreas benchmarks forGroups startsOn endsOn status copied encounters { id title }';
const ERROR = 'error { code message fields { field message } }';
const PLAN = `query ($academicYear: Int!, $schoolId: ID) { programmePlan(academicYear: $academicYear, schoolId: $schoolId) {
  school { id } academicYear label canEdit halfTerms { halfTerm startsOn endsOn } items { ${ITEM} }
} }`;
const CREATE = `mutation ($input: PlanItemInput!) { createPlanItem(input: $input) { item { ${ITEM} } ${ERROR} } }`;
const UPDATE = `mutation ($input: UpdatePlanItemInput!) { updatePlanItem(input: $input) { item { ${ITEM} } ${ERROR} } }`;
const DELETE = `mutation ($id: ID!) { deletePlanItem(id: $id) { deletedId ${ERROR} } }`;
const LINK = `mutation ($input: PlanEncounterLinkInput!) { linkPlanEncounter(input: $input) { item { ${ITEM} } ${ERROR} } }`;
const UNLINK = `mutation ($input: PlanEncounterLinkInput!) { unlinkPlanEncounter(input: $input) { item { ${ITEM} } ${ERROR} } }`;
const COPY = `mutation ($academicYear: Int!) { copyProgrammePlanForward(academicYear: $academicYear) { copied alreadyCopied plan { items { ${ITEM} } } ${ERROR} } }`;
type ItemResult = { item: Item | null; error: Error };

const input = (change: Record<string, unknown> = {}) => ({
  academicYear: thisYear,
  halfTerm: 'SUMMER_1',
  yearGroups: [10],
  title: 'Year 10 mock interviews',
  purpose: 'Practise interviews with local employers',
  learningOutcomes: 'Pupils can describe their strengths to an employer',
  cdiAreas: ['CREATE_OPPORTUNITIES', 'MANAGE_CAREER'],
  benchmarks: [5],
  deliveredBy: 'Local employers',
  forGroups: [],
  sendAdaptations: 'Questions shared a week before',
  startsOn: null,
  endsOn: null,
  ...change,
});

const read = (who: ReturnType<typeof makePrincipal>, academicYear = thisYear, schoolId?: string) =>
  client.query<{ programmePlan: Plan | null }>(who, PLAN, { academicYear, schoolId });
async function create(who: ReturnType<typeof makePrincipal>, change: Record<string, unknown> = {}): Promise<ItemResult> {
  const res = await client.query<{ createPlanItem: ItemResult }>(who, CREATE, { input: input(change) });
  expect(res.errors).toBeUndefined();
  return res.data!.createPlanItem;
}
const rows = () => harness.orm.em.fork().find(ProgrammePlanItem, {}, { orderBy: { createdAt: 'asc' } });

describe('another school cannot reach a plan', () => {
  it("refuses another school's staff reading, changing, deleting or linking, and refuses linking another school's encounter", async () => {
    const { item } = await create(leaderNorth);
    const before = await rows();

    const reading = await read(staffSouth, thisYear, northfield.id);
    expect(reading.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(reading.data?.programmePlan ?? null).toBeNull();
    // Their own plan never shows Northfield's item.
    expect((await read(leaderSouth)).data!.programmePlan!.items).toEqual([]);

    const update = await client.query<{ updatePlanItem: ItemResult }>(leaderSouth, UPDATE, { input: { ...input({ title: 'Taken over' }), id: item!.id } });
    expect(update.data!.updatePlanItem.error?.code).toBe('PLAN_ITEM_NOT_FOUND');
    const removal = await client.query<{ deletePlanItem: { deletedId: string | null; error: Error } }>(staffSouth, DELETE, { id: item!.id });
    expect(removal.data!.deletePlanItem).toMatchObject({ deletedId: null, error: { code: 'PLAN_ITEM_NOT_FOUND' } });
    const theirLink = await client.query<{ linkPlanEncounter: ItemResult }>(leaderSouth, LINK, { input: { itemId: item!.id, encounterId: pastSouth.id } });
    expect(theirLink.data!.linkPlanEncounter.error?.code).toBe('PLAN_ITEM_NOT_FOUND');

    // Northfield's leader cannot link Southbank's encounter to their own item.
    const foreign = await client.query<{ linkPlanEncounter: ItemResult }>(leaderNorth, LINK, { input: { itemId: item!.id, encounterId: pastSouth.id } });
    expect(foreign.data!.linkPlanEncounter.error).toMatchObject({ code: 'ENCOUNTER_NOT_FOUND', fields: [{ field: 'encounterId' }] });

    expect(await rows()).toEqual(before);
    expect((await rows())[0].encounterIds).toEqual([]);
  });

  it("refuses pupils, parents, volunteers and another trust's analysts; a trust's own analyst reads but cannot change", async () => {
    await create(leaderNorth);
    for (const who of [pupil, parent, volunteer]) {
      const res = await read(who, thisYear, northfield.id);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(res.data?.programmePlan ?? null).toBeNull();
    }
    const other = await read(otherTrustAnalyst, thisYear, northfield.id);
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const own = await read(analyst, thisYear, northfield.id);
    expect(own.errors).toBeUndefined();
    expect(own.data!.programmePlan!.canEdit).toBe(false);
    expect(own.data!.programmePlan!.items.map((i) => i.title)).toEqual(['Year 10 mock interviews']);

    const write = await client.query<{ createPlanItem: ItemResult }>(analyst, CREATE, { input: input() });
    expect(write.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const asPupil = await client.query<{ createPlanItem: ItemResult }>(pupil, CREATE, { input: input() });
    expect(asPupil.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await rows()).toHaveLength(1);
  });

  it("lets careers advisers read their school's plan but not change it", async () => {
    await create(staffNorth);
    const res = await read(adviserNorth);
    expect(res.data!.programmePlan!.items).toHaveLength(1);
    expect(res.data!.programmePlan!.canEdit).toBe(false);
    const write = await client.query<{ createPlanItem: ItemResult }>(adviserNorth, CREATE, { input: input() });
    expect(write.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await rows()).toHaveLength(1);
  });
});

describe('bad input', () => {
  it('a plan item with an end before its start gets a clear error, and nothing is saved', async () => {
    const result = await create(leaderNorth, { startsOn: `${thisYear + 1}-05-12`, endsOn: `${thisYear + 1}-05-10` });
    expect(result.item).toBeNull();
    expect(result.error).toEqual({
      code: 'PLAN_ITEM_INVALID',
      message: 'Some details of the planned activity need changing.',
      fields: [{ field: 'endsOn', message: 'The end date must be on or after the start date' }],
    });
    expect(await rows()).toEqual([]);
  });

  it('names every problem at once, and an update with bad input leaves the item as it was', async () => {
    const result = await create(leaderNorth, { title: ' ', yearGroups: [], benchmarks: [9], startsOn: `${thisYear - 1}-07-01` });
    expect(result.error?.fields.map((f) => f.field)).toEqual(['yearGroups', 'title', 'benchmarks', 'startsOn']);
    expect(await rows()).toEqual([]);

    const { item } = await create(leaderNorth);
    const update = await client.query<{ updatePlanItem: ItemResult }>(leaderNorth, UPDATE, {
      input: { ...input({ title: 'Changed', startsOn: `${thisYear + 1}-03-02`, endsOn: `${thisYear + 1}-03-01` }), id: item!.id },
    });
    expect(update.data!.updatePlanItem.error?.fields).toEqual([{ field: 'endsOn', message: 'The end date must be on or after the start date' }]);
    const moved = await client.query<{ updatePlanItem: ItemResult }>(leaderNorth, UPDATE, {
      input: { ...input({ academicYear: thisYear + 1 }), id: item!.id },
    });
    expect(moved.data!.updatePlanItem.error?.fields.map((f) => f.field)).toEqual(['academicYear']);
    const [saved] = await rows();
    expect(saved.title).toBe('Year 10 mock interviews');
    expect(saved.academicYear).toBe(thisYear);
  });
});

describe('the plan', () => {
  it('keeps what was planned and gives the six half terms with their rough dates', async () => {
    const { item, error } = await create(leaderNorth, {
      yearGroups: [11, 10, 10],
      forGroups: ['SEN_SUPPORT', 'EHCP'],
      startsOn: `${thisYear + 1}-04-20`,
      endsOn: `${thisYear + 1}-04-22`,
    });
    expect(error).toBeNull();
    expect(item).toMatchObject({
      yearGroups: [10, 11],
      forGroups: ['SEN_SUPPORT', 'EHCP'],
      cdiAreas: ['CREATE_OPPORTUNITIES', 'MANAGE_CAREER'],
      copied: false,
    });
    const plan = (await read(leaderNorth)).data!.programmePlan!;
    expect(plan.school.id).toBe(northfield.id);
    expect(plan.canEdit).toBe(true);
    expect(plan.label).toBe(`${thisYear}/${String((thisYear + 1) % 100).padStart(2, '0')}`);
    expect(plan.halfTerms.map((h) => h.halfTerm)).toEqual(['AUTUMN_1', 'AUTUMN_2', 'SPRING_1', 'SPRING_2', 'SUMMER_1', 'SUMMER_2']);
    expect(plan.halfTerms[0]).toMatchObject({ startsOn: `${thisYear}-09-01`, endsOn: `${thisYear}-10-31` });
    expect(plan.items.map((i) => i.id)).toEqual([item!.id]);
    expect((await read(leaderNorth, thisYear + 1)).data!.programmePlan!.items).toEqual([]);
  });

  it('is delivered once a linked encounter has happened, slipped when its half term passed with nothing delivered, planned before', async () => {
    const slipped = (await create(leaderNorth, { academicYear: thisYear - 1, halfTerm: 'AUTUMN_1' })).item!;
    expect(slipped.status).toBe('SLIPPED');
    const planned = (await create(leaderNorth, { academicYear: thisYear + 1, halfTerm: 'AUTUMN_1' })).item!;
    expect(planned.status).toBe('PLANNED');

    const linked = await client.query<{ linkPlanEncounter: ItemResult }>(leaderNorth, LINK, { input: { itemId: planned.id, encounterId: pastNorth.id } });
    expect(linked.data!.linkPlanEncounter.error).toBeNull();
    expect(linked.data!.linkPlanEncounter.item).toMatchObject({ status: 'DELIVERED', encounters: [{ id: pastNorth.id, title: pastNorth.title }] });
    // Linking again changes nothing.
    const again = await client.query<{ linkPlanEncounter: ItemResult }>(leaderNorth, LINK, { input: { itemId: planned.id, encounterId: pastNorth.id } });
    expect(again.data!.linkPlanEncounter.item!.encounters).toHaveLength(1);

    const unlinked = await client.query<{ unlinkPlanEncounter: ItemResult }>(staffNorth, UNLINK, { input: { itemId: planned.id, encounterId: pastNorth.id } });
    expect(unlinked.data!.unlinkPlanEncounter.item).toMatchObject({ status: 'PLANNED', encounters: [] });

    const removed = await client.query<{ deletePlanItem: { deletedId: string | null; error: Error } }>(leaderNorth, DELETE, { id: slipped.id });
    expect(removed.data!.deletePlanItem).toEqual({ deletedId: slipped.id, error: null });
    expect((await rows()).map((r) => r.id)).toEqual([planned.id]);
  });

  it("copies last year's plan forward without links or dates, and a second copy adds nothing", async () => {
    const last = thisYear - 1;
    const first = (await create(leaderNorth, { academicYear: last, halfTerm: 'SPRING_2', title: 'Careers fair', startsOn: `${last + 1}-03-03` })).item!;
    await client.query(leaderNorth, LINK, { input: { itemId: first.id, encounterId: pastNorth.id } });
    await create(leaderNorth, { academicYear: last, halfTerm: 'AUTUMN_1', title: 'Assembly' });
    await create(leaderSouth, { academicYear: last, title: "Southbank's own" });

    const copy = await client.query<{ copyProgrammePlanForward: { copied: number; alreadyCopied: number; plan: { items: Item[] }; error: Error } }>(
      leaderNorth,
      COPY,
      {
        academicYear: thisYear,
      },
    );
    expect(copy.errors).toBeUndefined();
    const answer = copy.data!.copyProgrammePlanForward;
    expect(answer).toMatchObject({ copied: 2, alreadyCopied: 0, error: null });
    expect(answer.plan.items.map((i) => [i.title, i.halfTerm, i.academicYear, i.copied, i.startsOn, i.encounters])).toEqual([
      ['Assembly', 'AUTUMN_1', thisYear, true, null, []],
      ['Careers fair', 'SPRING_2', thisYear, true, null, []],
    ]);

    const twice = await client.query<{ copyProgrammePlanForward: { copied: number; alreadyCopied: number; plan: { items: Item[] } } }>(leaderNorth, COPY, {
      academicYear: thisYear,
    });
    expect(twice.data!.copyProgrammePlanForward).toMatchObject({ copied: 0, alreadyCopied: 2 });
    expect(twice.data!.copyProgrammePlanForward.plan.items).toHaveLength(2);
    expect(await rows()).toHaveLength(5);
    // Last year's item keeps its link.
    expect((await rows()).find((r) => r.id === first.id)!.encounterIds).toEqual([pastNorth.id]);
  });
});
