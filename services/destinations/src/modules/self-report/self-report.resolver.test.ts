import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREDENTIAL_HEADER, SYSTEM_PRINCIPAL, type Principal } from '@waymark/auth';
import { makePrincipal, testSigner } from '@waymark/subgraph-kit/testing';
import { withSystemAccess } from '@waymark/subgraph-kit';
import { demoData, demoId } from '@waymark/demo-data';
import { makeUpn, todayInEngland } from '@waymark/domain';
import { Pupil } from '@waymark/pupils';
import { startHarness, type Harness } from '../../../test/harness.js';
import { ActivitySpellRow } from '../spell/spell.entity.js';
import { pseudonymisePupilRows } from '../retention/pseudonymise.service.js';
import { pupilDestinationsSubjectAccess } from '../subject-access/subject-access.service.js';
import { SelfReportRow } from './self-report.entity.js';
import { SelfReportService } from './self-report.service.js';
import { LINK_NOT_VALID } from './self-report.routes.js';

/*
 * Leavers' self-reports (docs/domain-rules.md, "Destinations"): the staff side through GraphQL, the
 * public side through the gateway-only routes, on the real seeded pupils subgraph with a few leavers
 * added whose leaving year follows from today.
 */
const data = demoData();
const [northfield, southbank] = data.schools;
const today = todayInEngland();
const year = Number(today.slice(0, 4));
// A summer whose leavers are followed today, whatever the day.
const L = (today > `${year}-07-31` ? year - 3 : year - 4) + 1;

const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id, accountId: 'leader-north' });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId: data.trust.id });
const pupilNorth = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId: data.trust.id, pupilId: data.pupils[0].id });
const volunteer = makePrincipal({ roles: ['employer_volunteer'], volunteerId: demoId('volunteer', 'self-report') });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id, pupilLevelAccess: true });

let serial = 0;
function leaverOf(school: typeof northfield, name: string, destinationTracking: boolean) {
  serial += 1;
  return {
    id: demoId('self-report-pupil', name),
    schoolId: school.id,
    trustId: school.trustId,
    upn: makeUpn(`88888${String(serial).padStart(7, '0')}`),
    legalForename: name,
    legalSurname: 'Reporter',
    preferredName: null,
    dateOfBirth: `${L - 17}-12-01`,
    yearGroup: null,
    tutorGroup: null,
    leftOn: `${L}-07-20`,
    enrolledOn: `${L - 5}-09-01`,
    destinationTracking,
    senSupport: false,
    ehcp: false,
    disadvantaged: false,
    lookedAfter: false,
    eal: false,
    youngCarer: false,
    youngParent: false,
    youthJustice: false,
    refugee: false,
    serviceChild: false,
    persistentAbsence: false,
    neetRisk: false,
  };
}
const leaver = leaverOf(northfield, 'Rowan', true);
const second = leaverOf(northfield, 'Sasha', true);
const optedOut = leaverOf(northfield, 'Quinn', false);
const southLeaver = leaverOf(southbank, 'Tamsin', true);

const CREATE = `mutation ($pupilId: ID!) { createSelfReportLink(pupilId: $pupilId) { link { pupil { id } token expiresAt } error { code message } } }`;
const CONFIRM = `mutation ($id: ID!) { confirmSelfReport(id: $id) { report { id status spellId } spell { id source confirmed activity provider startsOn } error { code message } } }`;
const REJECT = `mutation ($id: ID!) { rejectSelfReport(id: $id) { report { id status } error { code message } } }`;
const LIST = `{ selfReports { id status activity provider course startsOn pupil { id } } }`;
const SUSTAINED = `{ sustainedSummary { leavingYear year sustained notSustained tooEarly notKnown } }`;

type LinkAnswer = { link: { pupil: { id: string }; token: string; expiresAt: string } | null; error: { code: string; message: string } | null };
type Decision = {
  report: { id: string; status: string; spellId?: string | null } | null;
  spell?: { id: string; source: string; confirmed: boolean; activity: string; provider: string | null; startsOn: string } | null;
  error: { code: string; message: string } | null;
};

let harness: Harness;
const create = async (who: Principal, pupilId: string) => harness.client.query<{ createSelfReportLink: LinkAnswer }>(who, CREATE, { pupilId });
const reportRows = (pupilId: string) => harness.orm.em.fork().find(SelfReportRow, { pupilId });
const spellCount = (pupilId: string) => harness.orm.em.fork().count(ActivitySpellRow, { pupilId });

/** Calls a public route as the gateway does (its system credential), or as someone else. */
async function route(path: 'open' | 'submit', body: Record<string, unknown>, as: Principal | null = SYSTEM_PRINCIPAL) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (as) headers[CREDENTIAL_HEADER] = await testSigner().sign(as);
  const response = await fetch(`${harness.client.baseUrl}/internal/self-report/${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const goodReport = { activity: 'EDUCATION', providerKind: 'FE_COLLEGE', provider: 'Riverside College', course: 'Level 3 engineering', startsOn: `${L}-09-04` };

/** Year 1 of the leavers of L, as the leader's figures count them. */
async function yearOneTotal(): Promise<number> {
  const res = await harness.client.query<{
    sustainedSummary: { leavingYear: number; year: number; sustained: number; notSustained: number; tooEarly: number; notKnown: number }[];
  }>(leaderNorth, SUSTAINED);
  const row = res.data!.sustainedSummary.find((count) => count.leavingYear === L && count.year === 1);
  return row ? row.sustained + row.notSustained + row.tooEarly + row.notKnown : 0;
}

beforeAll(async () => {
  harness = await startHarness();
  const em = harness.pupilsOrm.em.fork();
  for (const added of [leaver, second, optedOut, southLeaver]) em.create(Pupil, added);
  await em.flush();
});

afterAll(async () => {
  await harness?.close();
});

describe('who may make a link', () => {
  it('refuses a pupil, a volunteer and a trust analyst', async () => {
    for (const who of [pupilNorth, volunteer, analyst]) {
      const res = await create(who, leaver.id);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await reportRows(leaver.id)).toEqual([]);
  });

  it("refuses another school's leader, and saves nothing", async () => {
    const res = await create(leaderSouth, leaver.id);
    expect(res.data!.createSelfReportLink).toMatchObject({ link: null, error: { code: 'PUPIL_NOT_FOUND' } });
    expect(await reportRows(leaver.id)).toEqual([]);
  });

  it('refuses a leaver who has not agreed to being followed, saying so', async () => {
    const res = await create(leaderNorth, optedOut.id);
    expect(res.data!.createSelfReportLink.error).toMatchObject({ code: 'NO_TRACKING_CONSENT' });
    expect(res.data!.createSelfReportLink.error!.message).toContain('not agreed to being followed');
    expect(await reportRows(optedOut.id)).toEqual([]);
  });
});

describe('the public routes', () => {
  let token: string;

  beforeAll(async () => {
    const res = await create(leaderNorth, leaver.id);
    expect(res.errors).toBeUndefined();
    token = res.data!.createSelfReportLink.link!.token;
  });

  it('keeps only a hash of the token', async () => {
    const [row] = await reportRows(leaver.id);
    expect(row.status).toBe('AWAITING');
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it('answer only the gateway: no credential, or a person’s, gets nothing', async () => {
    for (const as of [null, leaderNorth]) {
      const opened = await route('open', { token }, as);
      expect(opened.status).toBe(401);
      expect(opened.body).not.toHaveProperty('firstName');
      expect((await route('submit', { token, ...goodReport }, as)).status).toBe(401);
    }
    expect((await reportRows(leaver.id))[0].status).toBe('AWAITING');
  });

  it("show only the school's name and the leaver's first name", async () => {
    const opened = await route('open', { token });
    expect(opened).toEqual({ status: 200, body: { schoolName: northfield.name, firstName: 'Rowan' } });
  });

  it('answer one message for an unknown or malformed token', async () => {
    for (const bad of ['x'.repeat(43), 'short', 42, null]) {
      expect(await route('open', { token: bad })).toEqual({ status: 404, body: { error: LINK_NOT_VALID } });
    }
  });

  it('refuse a report with problems, say what, and save nothing', async () => {
    const missing = await route('submit', { token, activity: 'APPRENTICESHIP', startsOn: `${L}-09-04` });
    expect(missing.status).toBe(400);
    const fields = (missing.body.problems as { field: string }[]).map((p) => p.field).sort();
    expect(fields).toEqual(['apprenticeshipLevel', 'course', 'provider']);
    const tooLate = await route('submit', { token, ...goodReport, startsOn: `${year + 1}-12-31` });
    expect(tooLate.body.problems).toEqual([{ field: 'startsOn', message: 'The date you started can be up to a month from today, not later' }]);
    const tooEarly = await route('submit', { token, ...goodReport, startsOn: `${L}-05-31` });
    expect((tooEarly.body.problems as { message: string }[])[0].message).toContain(`1 June ${L}`);
    const notKnown = await route('submit', { token, ...goodReport, activity: 'NOT_KNOWN' });
    expect(notKnown.status).toBe(400);
    const [row] = await reportRows(leaver.id);
    expect(row).toMatchObject({ status: 'AWAITING', activity: null, provider: null, submittedAt: null });
    expect((await route('open', { token })).status).toBe(200);
  });

  it('take a report once, as pending, counted nowhere until confirmed', async () => {
    const before = await yearOneTotal();
    expect(await route('submit', { token, ...goodReport })).toMatchObject({ status: 200 });
    const [row] = await reportRows(leaver.id);
    expect(row).toMatchObject({ status: 'PENDING', activity: 'EDUCATION', providerKind: 'FE_COLLEGE', provider: 'Riverside College', tokenHash: null });
    // Used: the same message as for any other token that does not work.
    expect(await route('open', { token })).toEqual({ status: 404, body: { error: LINK_NOT_VALID } });
    expect(await route('submit', { token, ...goodReport })).toEqual({ status: 404, body: { error: LINK_NOT_VALID } });
    expect(await spellCount(leaver.id)).toBe(0);
    expect(await yearOneTotal()).toBe(before);

    const listed = await harness.client.query<{ selfReports: { id: string; status: string; pupil: { id: string } }[] }>(leaderNorth, LIST);
    expect(listed.data!.selfReports.find((r) => r.pupil.id === leaver.id)).toMatchObject({ status: 'PENDING', course: 'Level 3 engineering' });
    const south = await harness.client.query<{ selfReports: { pupil: { id: string } }[] }>(leaderSouth, LIST);
    expect(south.data!.selfReports.map((r) => r.pupil.id)).not.toContain(leaver.id);

    // Another school's leader cannot confirm or reject it.
    for (const mutation of [CONFIRM, REJECT]) {
      const refused = await harness.client.query<Record<string, Decision>>(leaderSouth, mutation, { id: row.id });
      expect(Object.values(refused.data!)[0]).toMatchObject({ report: null, error: { code: 'REPORT_NOT_FOUND' } });
    }
    const byPupil = await harness.client.query(pupilNorth, CONFIRM, { id: row.id });
    expect(byPupil.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await reportRows(leaver.id))[0].status).toBe('PENDING');
    expect(await spellCount(leaver.id)).toBe(0);

    const confirmed = await harness.client.query<{ confirmSelfReport: Decision }>(leaderNorth, CONFIRM, { id: row.id });
    expect(confirmed.errors).toBeUndefined();
    const decision = confirmed.data!.confirmSelfReport;
    expect(decision.spell).toMatchObject({
      source: 'SELF_REPORTED',
      confirmed: true,
      activity: 'EDUCATION',
      provider: 'Riverside College',
      startsOn: `${L}-09-04`,
    });
    expect(decision.report).toMatchObject({ status: 'CONFIRMED', spellId: decision.spell!.id });
    const stored = await harness.orm.em.fork().findOneOrFail(ActivitySpellRow, { id: decision.spell!.id });
    expect(stored.enteredById).toBe('leader-north');
    expect((await reportRows(leaver.id))[0].decidedById).toBe('leader-north');
    expect(await yearOneTotal()).toBe(before + 1);
    // Decided once.
    const again = await harness.client.query<{ confirmSelfReport: Decision }>(leaderNorth, CONFIRM, { id: row.id });
    expect(again.data!.confirmSelfReport.error).toMatchObject({ code: 'REPORT_NOT_FOUND' });
    expect(await spellCount(leaver.id)).toBe(1);
  });
});

describe('links', () => {
  it('a new link replaces the unused one', async () => {
    const first = (await create(leaderNorth, second.id)).data!.createSelfReportLink.link!.token;
    const next = (await create(leaderNorth, second.id)).data!.createSelfReportLink.link!.token;
    expect(next).not.toBe(first);
    expect((await route('open', { token: first })).status).toBe(404);
    expect((await route('open', { token: next })).status).toBe(200);
    expect((await reportRows(second.id)).filter((row) => row.status === 'AWAITING')).toHaveLength(1);
  });

  it('stop working 60 days after they were made (the clock is the one given)', async () => {
    const madeAt = new Date('2026-01-10T09:00:00Z');
    const token = await withSystemAccess(harness.orm, 'test', async (em) => {
      const { token } = await new SelfReportService(em).createLink(
        {
          pupilId: second.id,
          schoolId: northfield.id,
          trustId: data.trust.id,
          leavingYear: L,
          firstName: 'Sasha',
          schoolName: 'Northfield',
          createdById: 'test',
        },
        madeAt,
      );
      return token;
    });
    const day = 24 * 60 * 60 * 1000;
    const at = (ms: number) => new Date(madeAt.getTime() + ms);
    const open = (when: Date) => withSystemAccess(harness.orm, 'test', (em) => new SelfReportService(em).open(token, when));
    expect(await open(at(59 * day))).toEqual({ schoolName: 'Northfield', firstName: 'Sasha' });
    expect(await open(at(60 * day - 1))).not.toBeNull();
    expect(await open(at(60 * day))).toBeNull();
    const late = await withSystemAccess(harness.orm, 'test', (em) => new SelfReportService(em).submit(token, goodReport, at(61 * day)));
    expect(late).toEqual({ kind: 'link-not-valid' });
  });

  it('a rejected report records nothing', async () => {
    const token = (await create(leaderNorth, second.id)).data!.createSelfReportLink.link!.token;
    expect((await route('submit', { token, activity: 'NEET_AVAILABLE', startsOn: `${L}-10-01` })).status).toBe(200);
    const pending = (await reportRows(second.id)).find((row) => row.status === 'PENDING')!;
    const res = await harness.client.query<{ rejectSelfReport: Decision }>(leaderNorth, REJECT, { id: pending.id });
    expect(res.data!.rejectSelfReport.report).toMatchObject({ status: 'REJECTED' });
    expect(await spellCount(second.id)).toBe(0);
  });

  it('for the whole worklist: every consenting leaver due a check, and none for those who have not agreed', async () => {
    const res = await harness.client.query<{ createSelfReportLinksForWorklist: { links: { pupil: { id: string }; token: string }[]; withoutConsent: number } }>(
      leaderNorth,
      'mutation { createSelfReportLinksForWorklist { links { pupil { id } token } withoutConsent } }',
    );
    expect(res.errors).toBeUndefined();
    const ids = res.data!.createSelfReportLinksForWorklist.links.map((link) => link.pupil.id);
    expect(ids).toContain(second.id);
    expect(ids).not.toContain(optedOut.id);
    expect(ids).not.toContain(southLeaver.id);
    expect(res.data!.createSelfReportLinksForWorklist.withoutConsent).toBeGreaterThanOrEqual(1);
    expect(await reportRows(optedOut.id)).toEqual([]);
  });
});

describe('retention and subject access', () => {
  it('lists self-reports in the export without the token hash, and deletes them with the leaver', async () => {
    const part = await withSystemAccess(harness.orm, 'test', (em) => pupilDestinationsSubjectAccess(em, leaver.id));
    const section = part.sections.find((s) => s.title === 'Self-reports after Year 11');
    expect(section?.rows).toHaveLength(1);
    expect(section!.rows[0]).not.toHaveProperty('token_hash');
    expect(section!.rows[0]).toMatchObject({ status: 'CONFIRMED', provider: 'Riverside College' });
    await withSystemAccess(harness.orm, 'test', (em) => pseudonymisePupilRows(em, leaver.id));
    expect(await reportRows(leaver.id)).toEqual([]);
    expect(await spellCount(leaver.id)).toBe(1);
  });
});
