import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL, type Principal } from '@waymark/auth';
import { makePrincipal, unscopedRead } from '@waymark/subgraph-kit/testing';
import { demoData, demoId } from '@waymark/demo-data';
import { withSystemAccess } from '@waymark/subgraph-kit';
import { makeUpn, todayInEngland } from '@waymark/domain';
import { Pupil } from '@waymark/pupils';
import { startHarness, type Harness } from '../../../test/harness.js';
import { startEmployersStandIn, type EmployersStandIn } from '../../../test/employers-stand-in.js';
import { ActivitySpellRow } from '../spell/spell.entity.js';
import { ownDestinationsSubjectAccess } from '../subject-access/subject-access.service.js';
import { pseudonymisePupilRows } from '../retention/pseudonymise.service.js';
import { AlumniReportRow } from './alumni-report.entity.js';

/*
 * Confirmed alumni's reports of where they are now (docs/domain-rules.md, "Destinations"). Who is a
 * confirmed alumnus, and of which school, is the employers subgraph's answer about the caller (here its
 * contract stand-in, test/employers-stand-in.ts); the leavers are on the real seeded pupils subgraph,
 * with a few added whose Year 11 summer follows from today.
 */
const data = demoData();
const [northfield, southbank] = data.schools;
const today = todayInEngland();
const year = Number(today.slice(0, 4));
// A summer whose leavers are followed today, whatever the day.
const L = (today > `${year}-07-31` ? year - 3 : year - 4) + 1;

const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id, accountId: 'leader-north' });
const staffNorth = makePrincipal({ roles: ['staff'], schoolId: northfield.id, trustId: data.trust.id });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId: data.trust.id });
const pupilNorth = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId: data.trust.id, pupilId: data.pupils[0].id });

const alumnusOf = (name: string) => makePrincipal({ roles: ['alumni'], accountId: randomUUID(), volunteerId: demoId('alumni-report-volunteer', name) });
// Confirmed by Northfield: left school the summer they finished Year 13 (Year 11 in L - 2 … L), or in L.
const confirmed = alumnusOf('Robin');
const confirmedLate = alumnusOf('Kit');
const waiting = alumnusOf('Wren');
const declined = alumnusOf('Dee');
const employee = makePrincipal({ roles: ['employer_volunteer'], volunteerId: demoId('alumni-report-volunteer', 'Sam') });
const employeeWithAlumniRole = makePrincipal({ roles: ['alumni'], volunteerId: demoId('alumni-report-volunteer', 'Sam') });

let serial = 0;
function leaverOf(school: typeof northfield, name: string, destinationTracking: boolean) {
  serial += 1;
  return {
    id: demoId('alumni-report-pupil', name),
    schoolId: school.id,
    trustId: school.trustId,
    upn: makeUpn(`77777${String(serial).padStart(7, '0')}`),
    legalForename: name,
    legalSurname: 'Former',
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
const robin = leaverOf(northfield, 'Robin', true);
const quinn = leaverOf(northfield, 'Quinn', false);
const tamsin = leaverOf(southbank, 'Tamsin', true);

const REPORT = `mutation ($input: ReportWhereIAmNowInput!) { reportWhereIAmNow(input: $input) { report { id status name yearLeft activity provider startsOn lookedAt } error { code message fields { field message } } } }`;
const MINE = `{ myAlumniReports { id status activity provider lookedAt leaver { id } } }`;
const LIST = `{ alumniReports { id status name yearLeft activity provider course startsOn } }`;
const CANDIDATES = `query ($id: ID!) { alumniReportCandidates(id: $id) { pupil { id } leavingYear } }`;
const MATCH = `mutation ($input: MatchAlumniReportInput!) { matchAlumniReport(input: $input) { report { id status leaver { id } } spell { id source confirmed activity provider startsOn } error { code message } } }`;
const KEEP = `mutation ($id: ID!) { keepAlumniReport(id: $id) { report { id status } spell { id } error { code message } } }`;
const REJECT = `mutation ($id: ID!) { rejectAlumniReport(id: $id) { report { id status } error { code message } } }`;
const SUSTAINED = `{ sustainedSummary { leavingYear year sustained notSustained tooEarly notKnown } }`;

type Reported = {
  report: {
    id: string;
    status: string;
    name: string;
    yearLeft: number | null;
    activity: string;
    provider: string | null;
    startsOn: string;
    lookedAt: boolean;
  } | null;
  error: { code: string; message: string; fields: { field: string; message: string }[] } | null;
};
type Decision = {
  report: { id: string; status: string; leaver?: { id: string } | null } | null;
  spell?: { id: string; source: string; confirmed: boolean; activity: string; provider: string | null; startsOn: string } | null;
  error: { code: string; message: string } | null;
};

const goodReport = { activity: 'EMPLOYMENT_WITH_TRAINING', provider: 'Brightwave Ltd', course: 'Junior developer', startsOn: `${L + 2}-09-04` };

let harness: Harness;
let employers: EmployersStandIn;
const reportAs = async (who: Principal, input: Record<string, unknown>) => harness.client.query<{ reportWhereIAmNow: Reported }>(who, REPORT, { input });
const rows = () => harness.orm.em.fork().find(AlumniReportRow, {}, { orderBy: { submittedAt: 'asc' } });
const spellCount = (pupilId: string) => harness.orm.em.fork().count(ActivitySpellRow, { pupilId });
const summary = async () => (await harness.client.query<{ sustainedSummary: unknown[] }>(leaderNorth, SUSTAINED)).data!.sustainedSummary;

beforeAll(async () => {
  employers = await startEmployersStandIn(
    new Map([
      [confirmed.volunteerId!, { schoolId: northfield.id, name: 'Robin Former', yearLeft: L + 2 }],
      [confirmedLate.volunteerId!, { schoolId: northfield.id, name: 'Kit Long', yearLeft: L - 6 }],
    ]),
  );
  harness = await startHarness({ employersUrl: employers.url });
  const em = harness.pupilsOrm.em.fork();
  for (const added of [robin, quinn, tamsin]) em.create(Pupil, added);
  await em.flush();
});

afterAll(async () => {
  await harness?.close();
  await employers?.close();
});

describe('who may report', () => {
  it('refuses an alumnus their school has not confirmed (waiting or declined) and an employee volunteer with the alumni role, saving nothing', async () => {
    for (const who of [waiting, declined, employeeWithAlumniRole]) {
      const res = await reportAs(who, goodReport);
      expect(res.errors, who.volunteerId!).toBeUndefined();
      expect(res.data!.reportWhereIAmNow).toMatchObject({ report: null, error: { code: 'NOT_CONFIRMED' } });
      expect(res.data!.reportWhereIAmNow.error!.message).toContain('Nothing was sent');
    }
    // The employers subgraph was asked with each caller's own credential, about them.
    expect(employers.asked).toEqual([waiting.volunteerId, declined.volunteerId, employeeWithAlumniRole.volunteerId]);
    expect(await rows()).toEqual([]);
  });

  it('refuses employer volunteers, pupils and staff outright', async () => {
    for (const who of [employee, pupilNorth, leaderNorth]) {
      const res = await reportAs(who, goodReport);
      expect(res.errors?.[0].extensions?.code, who.roles.join()).toBe('FORBIDDEN');
    }
    expect(await rows()).toEqual([]);
  });

  it('takes no school or pupil from the alumnus: the input has no such field, and nothing is saved', async () => {
    for (const extra of [{ schoolId: southbank.id }, { pupilId: robin.id }, { volunteerId: randomUUID() }]) {
      const res = await reportAs(confirmed, { ...goodReport, ...extra });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(await rows()).toEqual([]);
  });
});

describe('what an alumnus reports', () => {
  it('refuses a report with problems, saying what to change for each, and saves nothing', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{}, 'activity', 'Choose what you are doing now'],
      [{ activity: 'NOT_KNOWN', startsOn: `${L + 3}-01-01` }, 'activity', 'Choose what you are doing now'],
      [{ activity: 'EDUCATION', provider: 'Leeds University', course: 'History', startsOn: `${L + 2}-09-20` }, 'providerKind', 'Choose where you study'],
      [
        { activity: 'APPRENTICESHIP', apprenticeshipLevel: 9, provider: 'Acme', course: 'Engineer', startsOn: `${L + 2}-09-20` },
        'apprenticeshipLevel',
        'from 2 to 7',
      ],
      [{ ...goodReport, provider: '  ' }, 'provider', 'Enter the name of your employer'],
      [{ ...goodReport, startsOn: `${L + 2}-05-31` }, 'startsOn', `after you left school (on or after 1 June ${L + 2})`],
      [{ ...goodReport, startsOn: `${year + 1}-12-31` }, 'startsOn', 'up to a month from today'],
      [{ ...goodReport, startsOn: 'soon' }, 'startsOn', 'Enter the date you started'],
    ];
    for (const [input, field, message] of cases) {
      const res = await reportAs(confirmed, input);
      expect(res.errors, JSON.stringify(input)).toBeUndefined();
      const { error } = res.data!.reportWhereIAmNow;
      expect(error?.code, JSON.stringify(input)).toBe('INVALID_INPUT');
      expect(error!.fields.find((f) => f.field === field)?.message, JSON.stringify(input)).toContain(message);
    }
    expect(await rows()).toEqual([]);
  });

  it('saves a good report as pending, for the school that confirmed them, under the name and year they gave, and it counts nowhere', async () => {
    const before = await summary();
    const spellsBefore = await harness.orm.em.fork().count(ActivitySpellRow, {});
    const res = await reportAs(confirmed, goodReport);
    expect(res.data!.reportWhereIAmNow.error).toBeNull();
    expect(res.data!.reportWhereIAmNow.report).toMatchObject({
      status: 'PENDING',
      name: 'Robin Former',
      yearLeft: L + 2,
      activity: 'EMPLOYMENT_WITH_TRAINING',
      provider: 'Brightwave Ltd',
      lookedAt: false,
    });
    const [row] = await rows();
    expect(row).toMatchObject({ volunteerId: confirmed.volunteerId, schoolId: northfield.id, pupilId: null, spellId: null });
    expect(await harness.orm.em.fork().count(ActivitySpellRow, {})).toBe(spellsBefore);
    expect(await summary()).toEqual(before);
  });

  it('shows an alumnus their own reports only, and never a leaver record', async () => {
    const mine = await harness.client.query<{ myAlumniReports: { id: string; status: string; lookedAt: boolean; leaver: unknown }[] }>(confirmed, MINE);
    expect(mine.data!.myAlumniReports).toEqual([expect.objectContaining({ status: 'PENDING', lookedAt: false, leaver: null })]);
    const other = await harness.client.query<{ myAlumniReports: unknown[] }>(confirmedLate, MINE);
    expect(other.data!.myAlumniReports).toEqual([]);
    const employeeAsks = await harness.client.query(employee, MINE);
    expect(employeeAsks.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the school deciding', () => {
  let reportId: string;
  beforeAll(async () => {
    reportId = (await rows())[0].id;
  });

  it("lists the school's pending alumni reports to its staff only; another school's leader gets nothing", async () => {
    for (const who of [leaderNorth, staffNorth]) {
      const res = await harness.client.query<{ alumniReports: { id: string; name: string; yearLeft: number }[] }>(who, LIST);
      expect(res.data!.alumniReports.map((r) => r.id)).toEqual([reportId]);
      expect(res.data!.alumniReports[0]).toMatchObject({ name: 'Robin Former', yearLeft: L + 2 });
    }
    const south = await harness.client.query<{ alumniReports: unknown[] }>(leaderSouth, LIST);
    expect(south.data!.alumniReports).toEqual([]);
    for (const who of [pupilNorth, confirmed]) expect((await harness.client.query(who, LIST)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it("gives another school's leader the same not-found as an unknown report, for every decision, and changes nothing", async () => {
    for (const id of [reportId, randomUUID(), 'not-an-id']) {
      const keep = await harness.client.query<{ keepAlumniReport: Decision }>(leaderSouth, KEEP, { id });
      expect(keep.data!.keepAlumniReport.error).toMatchObject({ code: 'REPORT_NOT_FOUND' });
      const reject = await harness.client.query<{ rejectAlumniReport: Decision }>(leaderSouth, REJECT, { id });
      expect(reject.data!.rejectAlumniReport.error).toMatchObject({ code: 'REPORT_NOT_FOUND' });
      const match = await harness.client.query<{ matchAlumniReport: Decision }>(leaderSouth, MATCH, { input: { id, pupilId: tamsin.id } });
      expect(match.data!.matchAlumniReport.error).toMatchObject({ code: 'REPORT_NOT_FOUND' });
      const candidates = await harness.client.query<{ alumniReportCandidates: unknown[] }>(leaderSouth, CANDIDATES, { id });
      expect(candidates.data!.alumniReportCandidates).toEqual([]);
    }
    expect((await rows())[0]).toMatchObject({ status: 'PENDING', spellId: null });
  });

  it("offers as candidates the school's followed leavers whose Year 11 fits the year left and who agreed to being followed", async () => {
    const res = await harness.client.query<{ alumniReportCandidates: { pupil: { id: string }; leavingYear: number }[] }>(leaderNorth, CANDIDATES, {
      id: reportId,
    });
    expect(res.errors).toBeUndefined();
    const ids = res.data!.alumniReportCandidates.map((c) => c.pupil.id);
    expect(res.data!.alumniReportCandidates).toContainEqual({ pupil: { id: robin.id }, leavingYear: L });
    expect(ids).not.toContain(quinn.id);
    expect(ids).not.toContain(tamsin.id);
    expect(res.data!.alumniReportCandidates.every((c) => [L, L + 1, L + 2].includes(c.leavingYear))).toBe(true);
  });

  it('refuses to match to a leaver of another school, one who has not agreed to being followed, or one outside the years, changing nothing', async () => {
    const match = (pupilId: string) => harness.client.query<{ matchAlumniReport: Decision }>(leaderNorth, MATCH, { input: { id: reportId, pupilId } });
    expect((await match(tamsin.id)).data!.matchAlumniReport.error).toMatchObject({ code: 'PUPIL_NOT_FOUND' });
    expect((await match(quinn.id)).data!.matchAlumniReport.error).toMatchObject({ code: 'NO_TRACKING_CONSENT' });
    expect((await match(randomUUID())).data!.matchAlumniReport.error).toMatchObject({ code: 'PUPIL_NOT_FOUND' });
    const current = data.pupils.find((p) => p.schoolId === northfield.id && p.yearGroup === 9)!;
    expect((await match(current.id)).data!.matchAlumniReport.error).toMatchObject({ code: 'PUPIL_NOT_FOUND' });
    for (const pupil of [tamsin, quinn, robin]) expect(await spellCount(pupil.id)).toBe(0);
    expect((await rows())[0]).toMatchObject({ status: 'PENDING', pupilId: null });
  });

  it('matches it to the leaver: an ordinary self-reported spell, counted from now on, and the alumnus sees it was looked at', async () => {
    const before = await summary();
    const res = await harness.client.query<{ matchAlumniReport: Decision }>(leaderNorth, MATCH, { input: { id: reportId, pupilId: robin.id } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.matchAlumniReport).toMatchObject({
      report: { id: reportId, status: 'MATCHED', leaver: { id: robin.id } },
      spell: { source: 'SELF_REPORTED', confirmed: true, activity: 'EMPLOYMENT_WITH_TRAINING', provider: 'Brightwave Ltd', startsOn: `${L + 2}-09-04` },
      error: null,
    });
    expect(await spellCount(robin.id)).toBe(1);
    expect(await summary()).not.toEqual(before);
    const mine = await harness.client.query<{ myAlumniReports: { status: string; lookedAt: boolean; leaver: unknown }[] }>(confirmed, MINE);
    expect(mine.data!.myAlumniReports).toEqual([expect.objectContaining({ status: 'MATCHED', lookedAt: true, leaver: null })]);
    // Decided: not again.
    const again = await harness.client.query<{ keepAlumniReport: Decision }>(leaderNorth, KEEP, { id: reportId });
    expect(again.data!.keepAlumniReport.error).toMatchObject({ code: 'REPORT_NOT_FOUND' });
  });

  it('keeps a report as an alumni destination with no leaver, counted in no figure; rejects another', async () => {
    const late = await reportAs(confirmedLate, {
      activity: 'EDUCATION',
      providerKind: 'UNIVERSITY',
      provider: 'University of Leeds',
      course: 'Nursing',
      startsOn: `${L}-09-20`,
    });
    const lateId = late.data!.reportWhereIAmNow.report!.id;
    // Left school long before any followed leaver: no candidates.
    const candidates = await harness.client.query<{ alumniReportCandidates: unknown[] }>(leaderNorth, CANDIDATES, { id: lateId });
    expect(candidates.data!.alumniReportCandidates).toEqual([]);
    const before = await summary();
    const spellsBefore = await harness.orm.em.fork().count(ActivitySpellRow, {});
    const kept = await harness.client.query<{ keepAlumniReport: Decision }>(staffNorth, KEEP, { id: lateId });
    expect(kept.data!.keepAlumniReport).toMatchObject({ report: { id: lateId, status: 'KEPT' }, spell: null, error: null });
    expect(await summary()).toEqual(before);
    expect(await harness.orm.em.fork().count(ActivitySpellRow, {})).toBe(spellsBefore);

    const another = (await reportAs(confirmedLate, { activity: 'NEET_AVAILABLE', startsOn: `${year - 1}-03-01` })).data!.reportWhereIAmNow.report!.id;
    const rejected = await harness.client.query<{ rejectAlumniReport: Decision }>(leaderNorth, REJECT, { id: another });
    expect(rejected.data!.rejectAlumniReport).toMatchObject({ report: { id: another, status: 'REJECTED' }, error: null });
    const mine = await harness.client.query<{ myAlumniReports: { id: string; status: string; lookedAt: boolean }[] }>(confirmedLate, MINE);
    expect(mine.data!.myAlumniReports.map((r) => [r.id, r.status, r.lookedAt])).toEqual([
      [another, 'REJECTED', true],
      [lateId, 'KEPT', true],
    ]);
  });
});

describe('their own data', () => {
  it("puts an alumnus's reports in their own download, without who decided or the leaver record", async () => {
    const part = await ownDestinationsSubjectAccess(harness.orm.em.fork(), confirmedLate);
    expect(part.sections.map((s) => s.title)).toEqual(['What you told your school about where you are now']);
    expect(part.sections[0].rows.map((r) => r.status).sort()).toEqual(['KEPT', 'REJECTED']);
    for (const row of part.sections[0].rows) {
      expect(row).not.toHaveProperty('pupil_id');
      expect(row).not.toHaveProperty('decided_by_id');
    }
    const none = await ownDestinationsSubjectAccess(harness.orm.em.fork(), waiting);
    expect(none.sections).toEqual([]);
  });
});

describe('retention', () => {
  it("pseudonymising the matched leaver unlinks the alumnus's report, which stays theirs; running it again changes nothing", async () => {
    const matched = (await rows()).find((row) => row.status === 'MATCHED')!;
    expect(matched.pupilId).toBe(robin.id);
    for (let run = 0; run < 2; run += 1) await withSystemAccess(harness.orm, 'test: pseudonymise', (em) => pseudonymisePupilRows(em, robin.id));
    expect(await harness.orm.em.fork().findOneOrFail(AlumniReportRow, { id: matched.id })).toMatchObject({
      pupilId: null,
      status: 'MATCHED',
      volunteerId: confirmed.volunteerId,
      provider: 'Brightwave Ltd',
    });
  });
});

describe('row-level security on alumni_report', () => {
  it("an unscoped select returns the school's rows to its staff, an alumnus's own to them, and nothing to another school, another volunteer or no tenant", async () => {
    const all = (await rows()).length;
    expect(all).toBeGreaterThan(1);
    expect(await unscopedRead(harness.orm, leaderNorth, 'alumni_report')).toEqual({ rows: all, schools: [northfield.id] });
    expect((await unscopedRead(harness.orm, confirmed, 'alumni_report')).rows).toBe(1);
    expect((await unscopedRead(harness.orm, confirmedLate, 'alumni_report')).rows).toBe(all - 1);
    for (const who of [leaderSouth, waiting, employee, pupilNorth, SYSTEM_PRINCIPAL])
      expect((await unscopedRead(harness.orm, who, 'alumni_report')).rows, who.roles.join() || who.kind).toBe(0);
  });
});
