import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makePrincipal, type SubgraphTestClient } from '@waymark/subgraph-kit/testing';
import { SYSTEM_PRINCIPAL, type Principal } from '@waymark/auth';
import { demoData } from '@waymark/demo-data';
import { academicYearOf } from '@waymark/domain';
import { startHarness, type Harness } from '../../../test/harness.js';
import { Encounter, Participation } from '../encounter/encounter.entity.js';
import { EncounterRating, ProgrammeSurvey, ProgrammeSurveyAnswer, ProgrammeSurveyRespondent } from './evaluation.entity.js';

/*
 * Evaluating the careers programme: who may rate, answer, open, close and read (the refusals first),
 * then bad input saving nothing, one rating and one answer per person (also when two arrive at once),
 * anonymous answers keeping no account id, closed surveys, and the results.
 */
const data = demoData();
const [northfield, southbank] = data.schools;
const northPupils = data.pupils.filter((p) => p.schoolId === northfield.id);
const [maya, other, third] = northPupils;
const southPupil = data.pupils.find((p) => p.schoolId === southbank.id)!;
const trustId = data.trust.id;
const DAY = 24 * 60 * 60 * 1000;
const thisYear = academicYearOf(new Date());

const pupil = makePrincipal({ roles: ['pupil'], accountId: randomUUID(), schoolId: northfield.id, trustId, pupilId: maya.id });
const otherPupil = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId, pupilId: other.id });
const otherPupilWhoWent = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId, pupilId: third.id });
const parentNorth = makePrincipal({ roles: ['parent'], schoolId: northfield.id, trustId, childPupilIds: [maya.id] });
const parentSouth = makePrincipal({ roles: ['parent'], schoolId: southbank.id, trustId, childPupilIds: [southPupil.id] });
const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId });
const staffNorth = makePrincipal({ roles: ['staff'], schoolId: northfield.id, trustId });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId });
const staffSouth = makePrincipal({ roles: ['staff'], schoolId: southbank.id, trustId });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId, pupilLevelAccess: true });
const deliveredId = randomUUID();
const volunteer = makePrincipal({ roles: ['employer_volunteer'], volunteerId: deliveredId });
const strangerVolunteer = makePrincipal({ roles: ['employer_volunteer'], volunteerId: randomUUID() });
const futureVolunteerId = randomUUID();
const futureVolunteer = makePrincipal({ roles: ['employer_volunteer'], volunteerId: futureVolunteerId });

let harness: Harness;
let client: SubgraphTestClient;
let recent: Encounter;
let old: Encounter;
let upcoming: Encounter;

function encounterAt(when: Date, volunteerIds: string[] = [], schoolId = northfield.id): Encounter {
  return Object.assign(new Encounter(), {
    id: randomUUID(),
    schoolId,
    trustId,
    kind: 'EMPLOYER_TALK',
    title: `Evaluation test talk ${when.toISOString()}`,
    date: when,
    inSchoolDay: true,
    hours: 1,
    benchmarks: [5],
    yearGroups: [10],
    employerIds: [],
    volunteerIds,
  });
}

function registerRow(encounter: Encounter, pupilId: string, attended: boolean): Participation {
  return Object.assign(new Participation(), { id: randomUUID(), encounter, pupilId, schoolId: encounter.schoolId, trustId, attended });
}

beforeAll(async () => {
  harness = await startHarness();
  client = harness.client;
  const em = harness.orm.em.fork();
  const now = Date.now();
  recent = encounterAt(new Date(now - 2 * DAY), [deliveredId]);
  old = encounterAt(new Date(now - 40 * DAY));
  upcoming = encounterAt(new Date(now + 5 * DAY), [futureVolunteerId]);
  em.persist([recent, old, upcoming]);
  em.persist([
    registerRow(recent, maya.id, true),
    registerRow(recent, other.id, false),
    registerRow(recent, third.id, true),
    registerRow(old, maya.id, true),
    registerRow(upcoming, maya.id, true),
  ]);
  await em.flush();
});

afterAll(async () => {
  await harness?.close();
});

beforeEach(async () => {
  const em = harness.orm.em.fork();
  await em.nativeDelete(ProgrammeSurveyAnswer, {});
  await em.nativeDelete(ProgrammeSurveyRespondent, {});
  await em.nativeDelete(ProgrammeSurvey, {});
  await em.nativeDelete(EncounterRating, {});
});

type Error = { code: string; message: string; fields: { field: string; message: string }[] } | null;
const ERROR = 'error { code message fields { field message } }';
const RATE = `mutation ($input: RateEncounterInput!) { rateEncounter(input: $input) { rated { encounter { id } rating learned canChange } ${ERROR} } }`;
const MINE = `{ myEncounterRatings { learnedMaxLength options { value label } encounters { encounter { id } rating learned canChange } } }`;
const RESULTS = `query ($year: Int) { evaluationResults(academicYear: $year) { academicYear canManage
  encounters { encounter { id } responses average counts { value label count } learned }
  surveys { id audience term anonymous open answers results { key responses average counts { value count } } comments } } }`;
const OPEN = `mutation ($input: OpenProgrammeSurveyInput!) { openProgrammeSurvey(input: $input) { survey { id audience term open anonymous answers } ${ERROR} } }`;
const CLOSE = `mutation ($id: ID!) { closeProgrammeSurvey(id: $id) { survey { id open answers } ${ERROR} } }`;
const TO_ANSWER = `{ programmeSurveysToAnswer { id audience answered school { id } questions { key text options { value label } } commentQuestion } }`;
const ANSWER = `mutation ($input: AnswerProgrammeSurveyInput!) { answerProgrammeSurvey(input: $input) { answered ${ERROR} } }`;

type Rated = { rated: { encounter: { id: string }; rating: number; learned: string | null; canChange: boolean } | null; error: Error };
async function rate(who: Principal, encounterId: string, rating: number, learned: string | null = null): Promise<Rated> {
  const res = await client.query<{ rateEncounter: Rated }>(who, RATE, { input: { encounterId, rating, learned } });
  expect(res.errors).toBeUndefined();
  return res.data!.rateEncounter;
}

type Opened = { survey: { id: string; audience: string; open: boolean; anonymous: boolean; answers: number } | null; error: Error };
async function open(audience: string, anonymous = false, who: Principal = leaderNorth, term = 'AUTUMN'): Promise<Opened> {
  const res = await client.query<{ openProgrammeSurvey: Opened }>(who, OPEN, { input: { audience, academicYear: thisYear, term, anonymous } });
  expect(res.errors).toBeUndefined();
  return res.data!.openProgrammeSurvey;
}

type Answered = { answered: boolean; error: Error };
async function answer(who: Principal, surveyId: string, change: Record<string, unknown> = {}): Promise<Answered> {
  const res = await client.query<{ answerProgrammeSurvey: Answered }>(who, ANSWER, {
    input: { surveyId, helps: 3, informed: 4, comment: 'More visits please', ...change },
  });
  expect(res.errors).toBeUndefined();
  return res.data!.answerProgrammeSurvey;
}

const ratings = () => harness.orm.em.fork().find(EncounterRating, {});
const answers = () => harness.orm.em.fork().find(ProgrammeSurveyAnswer, {});

describe('who may rate an encounter', () => {
  it('refuses a pupil who was not there, or was on the register but absent, and saves nothing', async () => {
    expect((await rate(otherPupil, recent.id, 4)).error?.code).toBe('ENCOUNTER_NOT_RATEABLE');
    const southern = makePrincipal({ roles: ['pupil'], schoolId: southbank.id, trustId, pupilId: southPupil.id });
    expect((await rate(southern, recent.id, 4)).error?.code).toBe('ENCOUNTER_NOT_RATEABLE');
    expect((await rate(pupil, randomUUID(), 4)).error?.code).toBe('ENCOUNTER_NOT_RATEABLE');
    expect((await rate(pupil, 'not-an-id', 4)).error?.code).toBe('ENCOUNTER_NOT_RATEABLE');
    expect(await ratings()).toHaveLength(0);
  });

  it("refuses parents, staff, volunteers and analysts (they cannot rate for a pupil), and shows nobody else a pupil's ratings page", async () => {
    for (const who of [parentNorth, staffNorth, leaderNorth, volunteer, analyst]) {
      const res = await client.query(who, RATE, { input: { encounterId: recent.id, rating: 4 } });
      expect(res.errors?.[0].extensions?.code, who.roles[0]).toBe('FORBIDDEN');
      const mine = await client.query(who, MINE);
      expect(mine.errors?.[0].extensions?.code, who.roles[0]).toBe('FORBIDDEN');
    }
    expect(await ratings()).toHaveLength(0);
  });
});

describe('who may read the results', () => {
  it("refuses pupils, parents, volunteers and trust analysts, and gives another school's staff none of this school's ratings", async () => {
    await rate(pupil, recent.id, 4, 'How to write a CV');
    for (const who of [pupil, parentNorth, volunteer, analyst]) {
      const res = await client.query(who, RESULTS, { year: thisYear });
      expect(res.errors?.[0].extensions?.code, who.roles[0]).toBe('FORBIDDEN');
    }
    const south = await client.query<{ evaluationResults: { encounters: unknown[] } }>(staffSouth, RESULTS, { year: thisYear });
    expect(south.errors).toBeUndefined();
    expect(south.data!.evaluationResults.encounters).toEqual([]);
  });
});

describe('who may open, close and answer surveys', () => {
  it('lets only careers leaders open surveys, and only their own school’s be closed', async () => {
    const staffOpen = await client.query(staffNorth, OPEN, { input: { audience: 'PARENTS', academicYear: thisYear, term: 'AUTUMN', anonymous: false } });
    expect(staffOpen.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { survey } = await open('PARENTS');
    const closing = await client.query<{ closeProgrammeSurvey: Opened }>(leaderSouth, CLOSE, { id: survey!.id });
    expect(closing.data!.closeProgrammeSurvey.error?.code).toBe('SURVEY_NOT_FOUND');
    const [row] = await harness.orm.em.fork().find(ProgrammeSurvey, {});
    expect(row.closedAt).toBeNull();
  });

  it("refuses another school's parents and staff, the wrong audience, volunteers who have not delivered there, and pupils; saving nothing", async () => {
    const parents = (await open('PARENTS')).survey!;
    const staff = (await open('STAFF')).survey!;
    const employers = (await open('EMPLOYERS')).survey!;
    expect((await answer(parentSouth, parents.id)).error?.code).toBe('SURVEY_NOT_FOUND');
    expect((await answer(staffSouth, staff.id)).error?.code).toBe('SURVEY_NOT_FOUND');
    expect((await answer(parentNorth, staff.id)).error?.code).toBe('SURVEY_NOT_FOUND');
    expect((await answer(staffNorth, parents.id)).error?.code).toBe('SURVEY_NOT_FOUND');
    expect((await answer(volunteer, parents.id)).error?.code).toBe('SURVEY_NOT_FOUND');
    expect((await answer(strangerVolunteer, employers.id)).error?.code).toBe('SURVEY_NOT_FOUND');
    // Listed on an encounter that has not happened yet: not delivered.
    expect((await answer(futureVolunteer, employers.id)).error?.code).toBe('SURVEY_NOT_FOUND');
    // A parent whose account has no child linked.
    const unlinked = makePrincipal({ roles: ['parent'], schoolId: northfield.id, trustId });
    expect((await answer(unlinked, parents.id)).error?.code).toBe('SURVEY_NOT_FOUND');
    const byPupil = await client.query(pupil, ANSWER, { input: { surveyId: parents.id, helps: 3, informed: 3 } });
    expect(byPupil.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await answers()).toHaveLength(0);

    const listed = async (who: Principal) =>
      (await client.query<{ programmeSurveysToAnswer: { id: string }[] }>(who, TO_ANSWER)).data!.programmeSurveysToAnswer.map((s) => s.id);
    expect(await listed(parentSouth)).toEqual([]);
    expect(await listed(staffSouth)).toEqual([]);
    expect(await listed(strangerVolunteer)).toEqual([]);
    expect(await listed(parentNorth)).toEqual([parents.id]);
    expect(await listed(staffNorth)).toEqual([staff.id]);
    expect(await listed(volunteer)).toEqual([employers.id]);
  });
});

describe('rating an encounter', () => {
  it('lists the encounters the pupil went to that have happened, with the scale', async () => {
    const res = await client.query<{
      myEncounterRatings: { learnedMaxLength: number; options: { label: string }[]; encounters: { encounter: { id: string }; canChange: boolean }[] };
    }>(pupil, MINE);
    expect(res.errors).toBeUndefined();
    const mine = res.data!.myEncounterRatings;
    expect(mine.options.map((o) => o.label)).toEqual(['Not useful', 'A bit useful', 'Useful', 'Really useful']);
    expect(mine.learnedMaxLength).toBe(300);
    const ids = mine.encounters.map((e) => e.encounter.id);
    expect(ids).toContain(recent.id);
    expect(ids).not.toContain(upcoming.id);
    expect(mine.encounters.find((e) => e.encounter.id === recent.id)!.canChange).toBe(true);
  });

  it.each([
    ['a rating of 0', 0, null, 'rating'],
    ['a rating of 5', 5, null, 'rating'],
    ['what they learned over 300 characters', 3, 'x'.repeat(301), 'learned'],
  ])('refuses %s and saves nothing', async (_name, rating, learned, field) => {
    const result = await rate(pupil, recent.id, rating, learned);
    expect(result.error?.code).toBe('RATING_INVALID');
    expect(result.error?.fields.map((f) => f.field)).toEqual([field]);
    expect(await ratings()).toHaveLength(0);
  });

  it('keeps one rating per pupil and encounter: rating again changes it', async () => {
    const first = await rate(pupil, recent.id, 2, '  What an apprenticeship is  ');
    expect(first.error).toBeNull();
    expect(first.rated).toMatchObject({ rating: 2, learned: 'What an apprenticeship is', canChange: true });
    const second = await rate(pupil, recent.id, 4);
    expect(second.rated).toMatchObject({ rating: 4, learned: null });
    const rows = await ratings();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ rating: 4, pupilId: maya.id, schoolId: northfield.id });
  });

  it('keeps one row when the same pupil sends two ratings at once', async () => {
    const results = await Promise.all([rate(pupil, recent.id, 1), rate(pupil, recent.id, 3)]);
    expect(results.every((r) => r.error === null)).toBe(true);
    expect(await ratings()).toHaveLength(1);
  });

  it('refuses an encounter over 30 days old, and one that has not happened yet', async () => {
    expect((await rate(pupil, old.id, 3)).error?.code).toBe('RATING_CLOSED');
    expect((await rate(pupil, upcoming.id, 3)).error?.code).toBe('RATING_TOO_EARLY');
    expect(await ratings()).toHaveLength(0);
  });
});

describe('answering a survey', () => {
  it('refuses bad answers and saves nothing', async () => {
    const { survey } = await open('PARENTS');
    const bad = await answer(parentNorth, survey!.id, { helps: 0, informed: 5, comment: 'x'.repeat(1001) });
    expect(bad.error?.code).toBe('SURVEY_ANSWER_INVALID');
    expect(bad.error?.fields.map((f) => f.field).sort()).toEqual(['comment', 'helps', 'informed']);
    expect(await answers()).toHaveLength(0);
  });

  it('takes one answer per person, keeping the account id when the survey is not anonymous', async () => {
    const { survey } = await open('PARENTS');
    expect(await answer(parentNorth, survey!.id)).toEqual({ answered: true, error: null });
    const again = await answer(parentNorth, survey!.id, { helps: 1 });
    expect(again.error?.code).toBe('SURVEY_ALREADY_ANSWERED');
    const rows = await answers();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ accountId: parentNorth.accountId, helps: 3, informed: 4, comment: 'More visits please' });
    const listed = await client.query<{ programmeSurveysToAnswer: { answered: boolean }[] }>(parentNorth, TO_ANSWER);
    expect(listed.data!.programmeSurveysToAnswer).toMatchObject([{ answered: true }]);
  });

  it('takes one answer when the same person sends two at once', async () => {
    const { survey } = await open('STAFF');
    const results = await Promise.all([answer(staffNorth, survey!.id), answer(staffNorth, survey!.id, { helps: 1 })]);
    expect(results.filter((r) => r.answered)).toHaveLength(1);
    expect(results.filter((r) => r.error?.code === 'SURVEY_ALREADY_ANSWERED')).toHaveLength(1);
    expect(await answers()).toHaveLength(1);
  });

  it('keeps no account id anywhere in an anonymous answer, and still one answer each', async () => {
    const { survey } = await open('EMPLOYERS', true);
    expect(await answer(volunteer, survey!.id, { comment: 'Well organised' })).toEqual({ answered: true, error: null });
    expect((await answer(volunteer, survey!.id)).error?.code).toBe('SURVEY_ALREADY_ANSWERED');
    const rows = await answers();
    expect(rows).toHaveLength(1);
    expect(rows[0].accountId).toBeNull();
    const raw = await harness.orm.em.fork().getConnection().execute(`select row_to_json(a)::text as "row" from "programme_survey_answer" a`);
    expect(String(raw[0].row)).not.toContain(volunteer.accountId);
    expect(String(raw[0].row)).not.toContain(deliveredId);
  });

  it('refuses an answer once the survey is closed, saving nothing, and opening the same survey twice', async () => {
    const { survey } = await open('STAFF');
    expect((await open('STAFF')).error?.code).toBe('SURVEY_EXISTS');
    const closed = await client.query<{ closeProgrammeSurvey: Opened }>(leaderNorth, CLOSE, { id: survey!.id });
    expect(closed.data!.closeProgrammeSurvey.survey?.open).toBe(false);
    const late = await answer(staffNorth, survey!.id);
    expect(late.error?.code).toBe('SURVEY_CLOSED');
    expect(late.answered).toBe(false);
    expect(await answers()).toHaveLength(0);
    expect(await harness.orm.em.fork().find(ProgrammeSurveyRespondent, {})).toHaveLength(0);
  });
});

describe('opening surveys', () => {
  it('opens one survey when two leaders open the same one at once', async () => {
    const otherLeader = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId });
    const results = await Promise.all([open('STAFF', false, leaderNorth, 'SPRING'), open('STAFF', true, otherLeader, 'SPRING')]);
    expect(results.filter((r) => r.survey !== null)).toHaveLength(1);
    expect(results.filter((r) => r.error?.code === 'SURVEY_EXISTS')).toHaveLength(1);
    expect(await harness.orm.em.fork().find(ProgrammeSurvey, {})).toHaveLength(1);
  });

  it('refuses a term or an audience that is not one', async () => {
    const res = await client.query(leaderNorth, OPEN, { input: { audience: 'PUPILS', academicYear: thisYear, term: 'AUTUMN', anonymous: false } });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const year = await client.query<{ openProgrammeSurvey: Opened }>(leaderNorth, OPEN, {
      input: { audience: 'STAFF', academicYear: 1990, term: 'AUTUMN', anonymous: false },
    });
    expect(year.data!.openProgrammeSurvey.error?.code).toBe('SURVEY_INVALID');
    expect(await harness.orm.em.fork().find(ProgrammeSurvey, {})).toHaveLength(0);
  });
});

describe('the results', () => {
  it("give the school's staff each encounter's counts, average and what pupils learned, and each survey's results and comments", async () => {
    await rate(pupil, recent.id, 4, 'How to write a CV');
    const { survey } = await open('PARENTS', true);
    await answer(parentNorth, survey!.id, { helps: 2, informed: 3, comment: 'Tell us earlier' });
    const res = await client.query<{
      evaluationResults: {
        canManage: boolean;
        encounters: { encounter: { id: string }; responses: number; average: number; counts: { value: number; count: number }[]; learned: string[] }[];
        surveys: { answers: number; anonymous: boolean; results: { key: string; average: number }[]; comments: string[] }[];
      };
    }>(staffNorth, RESULTS, { year: thisYear });
    expect(res.errors).toBeUndefined();
    const results = res.data!.evaluationResults;
    expect(results.canManage).toBe(false);
    const talk = results.encounters.find((e) => e.encounter.id === recent.id)!;
    expect(talk).toMatchObject({ responses: 1, average: 4, learned: ['How to write a CV'] });
    expect(talk.counts.map((c) => c.count)).toEqual([0, 0, 0, 1]);
    expect(results.surveys).toMatchObject([{ answers: 1, anonymous: true, comments: ['Tell us earlier'] }]);
    expect(results.surveys[0].results).toMatchObject([
      { key: 'helps', average: 2 },
      { key: 'informed', average: 3 },
    ]);
    const leader = await client.query<{ evaluationResults: { canManage: boolean } }>(leaderNorth, RESULTS, {});
    expect(leader.data!.evaluationResults.canManage).toBe(true);
  });
});

describe("the self-evaluation's Benchmark 1 review", () => {
  const REVIEWED = `{ selfEvaluation { benchmarks { benchmark areas { key state answeredBy source } } } }`;
  const reviewed = async () => {
    const res = await client.query<{
      selfEvaluation: { benchmarks: { benchmark: number; areas: { key: string; state: string; answeredBy: string; source: string }[] }[] };
    }>(leaderNorth, REVIEWED);
    expect(res.errors).toBeUndefined();
    return res.data!.selfEvaluation.benchmarks.find((b) => b.benchmark === 1)!.areas.find((a) => a.key === 'B1_REVIEWED')!;
  };

  it('is answered from this year’s feedback: none, then pupils only, then all four audiences', async () => {
    expect(await reviewed()).toMatchObject({ answeredBy: 'RECORDS', state: 'NOT_ENOUGH_EVIDENCE' });
    await rate(pupil, recent.id, 3);
    expect(await reviewed()).toMatchObject({ state: 'IN_PROGRESS', source: expect.stringContaining('pupils 1, parents 0, staff 0, employers 0') });
    const parents = (await open('PARENTS')).survey!;
    const staff = (await open('STAFF')).survey!;
    const employers = (await open('EMPLOYERS', true)).survey!;
    await answer(parentNorth, parents.id);
    await answer(staffNorth, staff.id);
    await answer(volunteer, employers.id);
    // A closed survey's answers still count.
    await client.query(leaderNorth, CLOSE, { id: employers.id });
    expect(await reviewed()).toMatchObject({ state: 'ACHIEVED', source: expect.stringContaining('pupils 1, parents 1, staff 1, employers 1') });
  });
});

describe("a pupil's ratings in their data and at retention", () => {
  it("are in the pupil's own download, with what they learned", async () => {
    await rate(pupil, recent.id, 3, 'Vets study for five years');
    const res = await client.query<{ _entities: { encountersSubjectAccess: { sections: { title: string; rows: Record<string, unknown>[] }[] } }[] }>(
      pupil,
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Account { id encountersSubjectAccess } } }',
      { r: [{ __typename: 'Account', id: pupil.accountId }] },
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const section = res.data!._entities[0].encountersSubjectAccess.sections.find((s) => s.title.startsWith('How useful you said activities were'))!;
    expect(section.rows).toMatchObject([{ title: recent.title, rating: 3, learned: 'Vets study for five years' }]);
  });

  it('lose what the pupil learned when the leaver is pseudonymised, keeping the rating that counts', async () => {
    await rate(pupil, recent.id, 4, 'Vets study for five years');
    expect((await rate(otherPupilWhoWent, recent.id, 2, 'Nothing new')).error?.message ?? null).toBeNull();
    const job = { ...SYSTEM_PRINCIPAL, accountId: 'retention' };
    const res = await client.query(job, 'mutation ($id: ID!) { pseudonymisePupil(pupilId: $id) }', { id: maya.id });
    expect(res.errors).toBeUndefined();
    const rows = await ratings();
    expect(rows.find((r) => r.pupilId === maya.id)).toMatchObject({ rating: 4, learned: null });
    expect(rows.find((r) => r.pupilId === third.id)).toMatchObject({ rating: 2, learned: 'Nothing new' });
  });
});

describe("a person's survey answers in their own download", () => {
  const OWN = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Account { id encountersSubjectAccess } } }';
  const parent = makePrincipal({ roles: ['parent'], accountId: randomUUID(), schoolId: northfield.id, trustId, childPupilIds: [maya.id] });
  type Part = { sections: { title: string; rows: Record<string, unknown>[] }[] };
  const own = async (who: Principal) => {
    const res = await client.query<{ _entities: { encountersSubjectAccess: Part }[] }>(who, OWN, { r: [{ __typename: 'Account', id: who.accountId }] });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!._entities[0].encountersSubjectAccess;
  };

  it('lists the surveys they answered, and their words only where the survey was not anonymous', async () => {
    expect((await own(parent)).sections).toEqual([]);
    const named = (await open('PARENTS', false, leaderNorth, 'AUTUMN')).survey!;
    const anonymous = (await open('PARENTS', true, leaderNorth, 'SPRING')).survey!;
    await answer(parent, named.id, { comment: 'Named words' });
    await answer(parent, anonymous.id, { comment: 'Anonymous words' });
    const part = await own(parent);
    const [answered, answers] = part.sections;
    expect(answered.rows).toMatchObject([
      { term: 'AUTUMN', anonymous: false },
      { term: 'SPRING', anonymous: true },
    ]);
    expect(answers.rows).toMatchObject([{ term: 'AUTUMN', comment: 'Named words' }]);
    expect(JSON.stringify(part)).not.toContain('Anonymous words');
  });
});

describe("a school's export of a parent's data", () => {
  const PERSON = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on PersonSubjectAccess { id encountersSubjectAccess } } }';
  const parent = makePrincipal({ roles: ['parent'], accountId: randomUUID(), schoolId: northfield.id, trustId, childPupilIds: [maya.id] });
  const dplNorth = makePrincipal({ roles: ['data_protection_lead'], schoolId: northfield.id, trustId });
  type Part = { sections: { title: string; rows: Record<string, unknown>[] }[] };
  const exported = async (who: Principal) => {
    const res = await client.query<{ _entities: { encountersSubjectAccess: Part }[] }>(who, PERSON, {
      r: [{ __typename: 'PersonSubjectAccess', id: parent.accountId, volunteerId: null }],
    });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!._entities[0].encountersSubjectAccess;
  };

  it("holds their answers to the school's surveys that were not anonymous, for that school only", async () => {
    const named = (await open('PARENTS', false, leaderNorth, 'AUTUMN')).survey!;
    const anonymous = (await open('PARENTS', true, leaderNorth, 'SPRING')).survey!;
    await answer(parent, named.id, { comment: 'Named words' });
    await answer(parent, anonymous.id, { comment: 'Anonymous words' });
    const part = await exported(dplNorth);
    expect(part.sections.map((s) => s.rows.length)).toEqual([2, 1]);
    expect(part.sections[1].rows).toMatchObject([{ term: 'AUTUMN', comment: 'Named words' }]);
    expect(JSON.stringify(part)).not.toContain('Anonymous words');
    expect((await exported(leaderSouth)).sections).toEqual([]);
  });
});
