import 'reflect-metadata';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@waymark/auth';
import { makePrincipal, type SubgraphTestClient } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import { academicYearOf, todayInEngland } from '@waymark/domain';
import { startHarness, type Harness } from '../../../test/harness.js';
import { ProgrammePlanItem } from '../programme/plan-item.entity.js';
import { CareersPublication } from './careers-publication.entity.js';

/*
 * A school's public careers page: only its careers leaders read the draft and change it (other roles,
 * another school's leader and API keys first), bad input saves nothing, publishing takes a copy the
 * gateway reads by URN, and only the gateway's system credential reads it that way.
 */
const data = demoData();
const [northfield, southbank] = data.schools;
const [sam] = data.volunteers;
const maya = data.pupils.find((p) => p.legalForename === 'Maya' && p.legalSurname === 'Okafor')!;
const thisYear = academicYearOf(new Date());
const today = todayInEngland();
const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const northEncounter = (kind: string) => data.encounters.find((e) => e.schoolId === northfield.id && e.kind === kind);

const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id, displayName: 'Ms North' });
const staffNorth = makePrincipal({ roles: ['staff'], schoolId: northfield.id, trustId: data.trust.id });
const adviserNorth = makePrincipal({ roles: ['careers_adviser'], schoolId: northfield.id, trustId: data.trust.id });
const dpoNorth = makePrincipal({ roles: ['data_protection_lead'], schoolId: northfield.id, trustId: data.trust.id });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId: data.trust.id });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id, pupilLevelAccess: true });
const pupil = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId: data.trust.id, pupilId: maya.id });
const parent = makePrincipal({ roles: ['parent'], trustId: data.trust.id, schoolId: northfield.id, childPupilIds: [maya.id] });
const volunteer = makePrincipal({ roles: ['employer_volunteer'], volunteerId: sam.id, employerId: sam.employerId });
const apiKeyAsLeader = { ...makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id }), kind: 'api' as const };

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
  const em = harness.orm.em.fork();
  await em.nativeDelete(CareersPublication, {});
  await em.nativeDelete(ProgrammePlanItem, {});
});

type Error = { code: string; message: string; fields: { field: string; message: string }[] } | null;
type Public = {
  schoolName: string;
  urn: string;
  academicYear: string;
  programme: { halfTerm: string; yearGroupsText: string; title: string; purpose: string | null; benchmarks: string[] }[];
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
  evaluation: string;
  reviewOn: string;
  statement: string;
};
type Page = {
  schoolName: string;
  urn: string;
  publicPath: string;
  contactEmail: string | null;
  reviewOn: string | null;
  statement: string | null;
  draftStatement: string;
  published: boolean;
  hasUnpublishedChanges: boolean;
  preview: Public;
};
const PUBLIC =
  'schoolName urn academicYear programme { halfTerm yearGroupsText title purpose benchmarks } contactName contactEmail contactPhone evaluation reviewOn statement';
const PAGE = `schoolName urn publicPath contactEmail reviewOn statement draftStatement published hasUnpublishedChanges preview { ${PUBLIC} }`;
const ERROR = 'error { code message fields { field message } }';
const READ = `{ careersPage { ${PAGE} } }`;
const SAVE = `mutation ($input: CareersPageInput!, $publish: Boolean) { saveCareersPage(input: $input, publish: $publish) { page { ${PAGE} } ${ERROR} } }`;
const UNPUBLISH = `mutation { unpublishCareersPage { page { ${PAGE} } ${ERROR} } }`;
const PUBLISHED = `query ($urn: String!) { publishedCareersPage(urn: $urn) { ${PUBLIC} } }`;
type Result = { page: Page | null; error: Error };

const complete = (change: Record<string, unknown> = {}) => ({
  contactName: 'Ms A North',
  contactEmail: 'careers@northfield.example',
  contactPhone: '01632 960 123',
  evaluation: 'Each summer we ask pupils, parents, staff and providers what worked.',
  reviewOn: nextYear,
  premises: 'The sports hall and two classrooms with screens.',
  statement: 'Providers may ask to meet our pupils. Email careers@northfield.example.',
  ...change,
});

async function save(who: ReturnType<typeof makePrincipal>, input: Record<string, unknown>, publish = false): Promise<Result> {
  const res = await client.query<{ saveCareersPage: Result }>(who, SAVE, { input, publish });
  expect(res.errors).toBeUndefined();
  return res.data!.saveCareersPage;
}
const published = (urn: string, who = SYSTEM_PRINCIPAL) => client.query<{ publishedCareersPage: Public | null }>(who, PUBLISHED, { urn });
const rows = () => harness.orm.em.fork().find(CareersPublication, {});

async function plan(change: Record<string, unknown>): Promise<string> {
  const res = await client.query<{ createPlanItem: { item: { id: string } | null; error: Error } }>(
    leaderNorth,
    `mutation ($input: PlanItemInput!) { createPlanItem(input: $input) { item { id } ${ERROR} } }`,
    {
      input: {
        academicYear: thisYear,
        halfTerm: 'SPRING_1',
        yearGroups: [9],
        title: 'College taster',
        benchmarks: [7],
        cdiAreas: [],
        forGroups: [],
        ...change,
      },
    },
  );
  expect(res.data!.createPlanItem.error).toBeNull();
  return res.data!.createPlanItem.item!.id;
}

describe('who may edit a careers page', () => {
  it("gives a school's careers leader their own school's page to start from, named by the pupils subgraph", async () => {
    const res = await client.query<{ careersPage: Page }>(leaderNorth, READ);
    expect(res.errors).toBeUndefined();
    expect(res.data!.careersPage).toMatchObject({
      schoolName: northfield.name,
      urn: northfield.urn,
      publicPath: `/schools/${northfield.urn}/careers`,
      published: false,
      statement: null,
    });
    expect(res.data!.careersPage.draftStatement).toContain(northfield.name);
    // Reading saves nothing.
    expect(await rows()).toEqual([]);
  });

  it.each([
    ['staff', staffNorth],
    ['a careers adviser', adviserNorth],
    ['the data protection lead', dpoNorth],
    ['a trust analyst', analyst],
    ['a pupil', pupil],
    ['a parent', parent],
    ['a volunteer', volunteer],
    ['an API key holding the role', apiKeyAsLeader],
    ['the gateway itself', SYSTEM_PRINCIPAL],
  ])('refuses %s reading or changing it', async (_who, who) => {
    const reading = await client.query<{ careersPage: Page | null }>(who, READ);
    expect(reading.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(reading.data?.careersPage ?? null).toBeNull();
    const saving = await client.query<{ saveCareersPage: Result | null }>(who, SAVE, { input: complete(), publish: true });
    const refused = saving.errors?.[0].extensions?.code === 'FORBIDDEN' || saving.data?.saveCareersPage?.error?.code === 'NOT_YOUR_SCHOOL';
    expect(refused).toBe(true);
    const unpublishing = await client.query<{ unpublishCareersPage: Result | null }>(who, UNPUBLISH);
    expect(unpublishing.errors?.[0].extensions?.code === 'FORBIDDEN' || unpublishing.data?.unpublishCareersPage?.error?.code === 'NOT_YOUR_SCHOOL').toBe(true);
    expect(await rows()).toEqual([]);
  });

  it("keeps each school's page to its own leaders: another school's leader saves and unpublishes only their own", async () => {
    await save(leaderNorth, complete(), true);
    const south = await save(leaderSouth, complete({ contactName: 'Mr South' }));
    expect(south.page).toMatchObject({ schoolName: southbank.name, urn: southbank.urn, published: false });
    expect((await client.query<{ unpublishCareersPage: Result }>(leaderSouth, UNPUBLISH)).data!.unpublishCareersPage.error).toBeNull();
    expect((await published(northfield.urn)).data!.publishedCareersPage?.contactName).toBe('Ms A North');
    const north = (await rows()).find((row) => row.schoolId === northfield.id)!;
    expect(north.contactName).toBe('Ms A North');
  });
});

describe('saving and publishing', () => {
  it('refuses an invalid email and a review date in the past, naming both, and saves nothing', async () => {
    const result = await save(leaderNorth, complete({ contactEmail: 'careers at northfield', reviewOn: yesterday }), true);
    expect(result.page).toBeNull();
    expect(result.error?.code).toBe('CAREERS_PAGE_INVALID');
    expect(result.error?.fields.map((f) => f.field).sort()).toEqual(['contactEmail', 'reviewOn']);
    expect(result.error?.fields.find((f) => f.field === 'reviewOn')?.message).toBe('The next review date must be today or later');
    expect(await rows()).toEqual([]);
    // Nor when only saving a draft.
    expect((await save(leaderNorth, complete({ reviewOn: yesterday }))).error?.fields).toEqual([{ field: 'reviewOn', message: expect.any(String) }]);
    expect(await rows()).toEqual([]);
  });

  it('saves a draft with gaps, but publishes only a complete page; a refused publish leaves the saved draft as it was', async () => {
    const draft = await save(leaderNorth, { contactName: 'Ms A North' });
    expect(draft.error).toBeNull();
    expect(draft.page).toMatchObject({ published: false, contactEmail: null });
    const refused = await save(leaderNorth, { contactName: 'Someone else' }, true);
    expect(refused.error?.code).toBe('CAREERS_PAGE_INVALID');
    expect(refused.error?.fields.map((f) => f.field).sort()).toEqual(['contactEmail', 'evaluation', 'reviewOn', 'statement']);
    const [row] = await rows();
    expect(row).toMatchObject({ contactName: 'Ms A North', published: null });
    expect((await published(northfield.urn)).data!.publishedCareersPage).toBeNull();
  });

  it('publishes a copy: later edits wait in the draft until published again; unpublishing takes the page down', async () => {
    await plan({ title: 'Careers fair', purpose: 'Meet local employers and colleges', halfTerm: 'AUTUMN_2', yearGroups: [10, 11], benchmarks: [5, 7] });
    const first = await save(leaderNorth, complete(), true);
    expect(first.error).toBeNull();
    expect(first.page).toMatchObject({ published: true, hasUnpublishedChanges: false });
    const live = (await published(northfield.urn)).data!.publishedCareersPage!;
    expect(live).toMatchObject({
      schoolName: northfield.name,
      contactEmail: 'careers@northfield.example',
      reviewOn: nextYear,
      programme: [
        {
          halfTerm: 'Autumn 2',
          yearGroupsText: 'Years 10 and 11',
          title: 'Careers fair',
          purpose: 'Meet local employers and colleges',
          benchmarks: ['Benchmark 5: Encounters with employers and employees', 'Benchmark 7: Encounters with further and higher education'],
        },
      ],
    });

    const edited = await save(leaderNorth, complete({ contactName: 'Mr B Changed' }));
    expect(edited.page).toMatchObject({ published: true, hasUnpublishedChanges: true });
    expect(edited.page!.preview.contactName).toBe('Mr B Changed');
    expect((await published(northfield.urn)).data!.publishedCareersPage!.contactName).toBe('Ms A North');
    // A change to the plan is a change to the page too.
    await plan({ title: 'Apprenticeship talk' });
    expect((await client.query<{ careersPage: Page }>(leaderNorth, READ)).data!.careersPage.hasUnpublishedChanges).toBe(true);

    const down = await client.query<{ unpublishCareersPage: Result }>(leaderNorth, UNPUBLISH);
    expect(down.data!.unpublishCareersPage.page).toMatchObject({ published: false, contactEmail: 'careers@northfield.example' });
    expect((await published(northfield.urn)).data!.publishedCareersPage).toBeNull();
  });
});

describe('the published page, by URN', () => {
  it('answers the gateway only', async () => {
    await save(leaderNorth, complete(), true);
    expect((await published(northfield.urn)).data!.publishedCareersPage?.schoolName).toBe(northfield.name);
    for (const who of [leaderNorth, leaderSouth, staffNorth, analyst, pupil, parent, volunteer, apiKeyAsLeader]) {
      const res = await published(northfield.urn, who);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(res.data?.publishedCareersPage ?? null).toBeNull();
    }
  });

  it('is null for an unknown URN, a malformed one, and a school that has not published', async () => {
    await save(leaderNorth, complete());
    expect((await published(northfield.urn)).data!.publishedCareersPage).toBeNull();
    expect((await published('999999')).data!.publishedCareersPage).toBeNull();
    expect((await published("1' or '1'='1")).data!.publishedCareersPage).toBeNull();
  });

  it('says nothing about any pupil', async () => {
    await plan({ title: 'College taster', purpose: 'See courses at the local college' });
    await save(leaderNorth, complete(), true);
    const text = JSON.stringify((await published(northfield.urn)).data!.publishedCareersPage);
    for (const p of data.pupils.filter((p) => p.schoolId === northfield.id)) {
      expect(text).not.toContain(p.legalSurname);
      expect(text).not.toContain(p.upn);
    }
  });
});

describe('the provider access statement draft', () => {
  it("lists this year's planned provider encounters by window, leaving out university visits, with the leader's contact", async () => {
    const university = northEncounter('UNIVERSITY_VISIT')!;
    const college = northEncounter('FE_COLLEGE_ENCOUNTER')!;
    await plan({ title: 'College taster', yearGroups: [9] });
    await plan({ title: 'Apprenticeship fair', yearGroups: [12, 13], halfTerm: 'SPRING_2' });
    await plan({ title: 'Mock interviews', yearGroups: [10], benchmarks: [5] });
    const link = async (title: string, yearGroups: number[], encounterId: string) => {
      const res = await client.query<{ linkPlanEncounter: { error: Error } }>(
        leaderNorth,
        'mutation ($input: PlanEncounterLinkInput!) { linkPlanEncounter(input: $input) { error { code message fields { field message } } } }',
        { input: { itemId: await plan({ title, yearGroups }), encounterId } },
      );
      expect(res.data!.linkPlanEncounter.error).toBeNull();
    };
    await link('University trip', [12], university.id);
    await link('Linked college visit', [11], college.id);
    const draft = (await save(leaderNorth, complete({ statement: null }))).page!.draftStatement;
    expect(draft).toContain('College taster (Spring 1, Year 9)');
    expect(draft).toContain('Apprenticeship fair (Spring 2, Years 12 and 13)');
    expect(draft).toContain('Ms A North, by email to careers@northfield.example or by phone on 01632 960 123');
    expect(draft).toContain('The sports hall and two classrooms with screens.');
    expect(draft).not.toContain('Mock interviews');
    expect(draft).not.toContain('University trip');
    expect(draft).toContain('Linked college visit (Spring 1, Year 11)');
    expect(draft).toMatch(/Year 8 to February of Year 9/);
    expect(draft).toMatch(/Year 12 to February of Year 13: two encounters offered to every pupil, who may choose not to go/);
  });
});

describe('the self-evaluation', () => {
  const SELF = `{ selfEvaluation { benchmarks { benchmark areas { key answeredBy state prefillState source } } } }`;
  type Area = { key: string; answeredBy: string; state: string; prefillState: string; source: string };
  const publishedArea = async () => {
    const res = await client.query<{ selfEvaluation: { benchmarks: { benchmark: number; areas: Area[] }[] } }>(leaderNorth, SELF);
    expect(res.errors).toBeUndefined();
    return res.data!.selfEvaluation.benchmarks.find((b) => b.benchmark === 1)!.areas.find((a) => a.key === 'B1_PUBLISHED')!;
  };

  it('answers "the programme is published" from the page: not achieved with nothing saved, in progress as a draft, achieved once published', async () => {
    expect(await publishedArea()).toMatchObject({ answeredBy: 'RECORDS', state: 'NOT_ACHIEVED' });
    await save(leaderNorth, complete());
    expect(await publishedArea()).toMatchObject({ state: 'IN_PROGRESS', source: expect.stringMatching(/not published yet/) });
    await save(leaderNorth, complete(), true);
    expect(await publishedArea()).toMatchObject({ state: 'ACHIEVED', source: expect.stringMatching(/not yet due for review/) });
    // Southbank, which has published nothing, is not lifted by Northfield's page.
    const south = await client.query<{ selfEvaluation: { benchmarks: { benchmark: number; areas: Area[] }[] } }>(leaderSouth, SELF);
    expect(south.data!.selfEvaluation.benchmarks[0].areas.find((a) => a.key === 'B1_PUBLISHED')!.state).toBe('NOT_ACHIEVED');
  });
});

describe('a statement left as drafted', () => {
  it('keeps following the contact given in the same save, so the published statement names it', async () => {
    const blank = (await client.query<{ careersPage: Page }>(leaderNorth, READ)).data!.careersPage;
    expect(blank.draftStatement).toContain('Contact our careers leader.');
    const result = await save(leaderNorth, complete({ statement: blank.draftStatement }), true);
    expect(result.page).toMatchObject({ statement: null, published: true });
    const live = (await published(northfield.urn)).data!.publishedCareersPage!;
    expect(live.statement).toContain('Contact Ms A North, by email to careers@northfield.example');
    // Edited, it is the leader's own and stays as written.
    const own = await save(leaderNorth, complete({ statement: `${result.page!.draftStatement}\nOur own last line.` }));
    expect(own.page!.statement).toMatch(/Our own last line\.$/);
  });
});
