import { describe, expect, it } from 'vitest';
import { demoData } from '@waymark/demo-data';
import { GatewayClient } from './client.js';
import { useTestStack } from './test-stack.js';

/*
 * An alumnus's report of where they are now through the real gateway and subgraphs: the destinations
 * subgraph asks the real employers subgraph, with the alumnus's credential, whether Northfield
 * confirmed them (the demo's alumnus, Jordan Reid, was). Their school's leader sees it and keeps it;
 * Southbank's leader cannot; an employer volunteer cannot report. The report is in the alumnus's own
 * download and in Northfield's export of them.
 */
const stack = useTestStack({ name: 'alumni_report', shared: true });
const data = demoData();
const jordan = data.volunteers.find((volunteer) => volunteer.email === 'alumni@northfield.test')!;
// Any recent year will do: Jordan left school long ago.
const year = new Date().getUTCFullYear();

const REPORT = `mutation ($input: ReportWhereIAmNowInput!) { reportWhereIAmNow(input: $input) { report { id status } error { code fields { field } } } }`;
const MINE = `{ myAlumniReports { id status lookedAt provider leaver { id } } }`;
const LIST = `{ alumniReports { id name yearLeft activity provider course startsOn } }`;
const KEEP = `mutation ($id: ID!) { keepAlumniReport(id: $id) { report { id status } error { code } } }`;
const CANDIDATES = `query ($id: ID!) { alumniReportCandidates(id: $id) { pupil { id } } }`;

type Part = { source: string; sections: { title: string; rows: Record<string, unknown>[] }[] };

async function signedIn(email: string): Promise<GatewayClient> {
  const client = new GatewayClient(stack.url);
  expect((await client.signIn(email)).status).toBe(200);
  return client;
}

describe('alumni reports through the gateway', () => {
  it('takes a report from the confirmed demo alumnus for Northfield, which its leader alone sees and keeps', async () => {
    const alumnus = await signedIn('alumni@northfield.test');
    const provider = `Brightwave ${Date.now()}`;

    const bad = await alumnus.query<{ reportWhereIAmNow: { report: unknown; error: { code: string; fields: { field: string }[] } } }>(REPORT, {
      input: { activity: 'EMPLOYMENT_WITH_TRAINING', startsOn: `${year - 1}-09-01` },
    });
    expect(bad.data!.reportWhereIAmNow.error.code).toBe('INVALID_INPUT');
    expect(bad.data!.reportWhereIAmNow.error.fields.map((f) => f.field).sort()).toEqual(['course', 'provider']);
    const before = (await alumnus.query<{ myAlumniReports: unknown[] }>(MINE)).data!.myAlumniReports.length;

    const sent = await alumnus.query<{ reportWhereIAmNow: { report: { id: string; status: string }; error: unknown } }>(REPORT, {
      input: { activity: 'EMPLOYMENT_WITH_TRAINING', provider, course: 'Junior software developer', startsOn: `${year - 1}-09-01` },
    });
    expect(sent.errors).toBeUndefined();
    expect(sent.data!.reportWhereIAmNow).toMatchObject({ report: { status: 'PENDING' }, error: null });
    const id = sent.data!.reportWhereIAmNow.report.id;
    const mine = await alumnus.query<{ myAlumniReports: { id: string; lookedAt: boolean }[] }>(MINE);
    expect(mine.data!.myAlumniReports).toHaveLength(before + 1);
    expect(mine.data!.myAlumniReports.find((r) => r.id === id)).toMatchObject({ lookedAt: false, leaver: null });

    // An employer volunteer is refused outright.
    const employee = await signedIn('employer@acme.test');
    const refused = await employee.query(REPORT, { input: { activity: 'NEET_AVAILABLE', startsOn: `${year - 1}-09-01` } });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    // Southbank's leader neither sees nor decides it.
    const south = await signedIn('leader@southbank.test');
    const southList = await south.query<{ alumniReports: { id: string }[] }>(LIST);
    expect(southList.data!.alumniReports.map((r) => r.id)).not.toContain(id);
    const southKeep = await south.query<{ keepAlumniReport: { report: unknown; error: { code: string } } }>(KEEP, { id });
    expect(southKeep.data!.keepAlumniReport).toEqual({ report: null, error: { code: 'REPORT_NOT_FOUND' } });

    const leader = await signedIn('leader@northfield.test');
    const list = await leader.query<{ alumniReports: { id: string; name: string; yearLeft: number; provider: string }[] }>(LIST);
    expect(list.data!.alumniReports.find((r) => r.id === id)).toMatchObject({ name: 'Jordan Reid', yearLeft: jordan.leftSchoolYear, provider });
    // Jordan left long before any leaver followed now: nobody to match.
    const candidates = await leader.query<{ alumniReportCandidates: unknown[] }>(CANDIDATES, { id });
    expect(candidates.data!.alumniReportCandidates).toEqual([]);
    const kept = await leader.query<{ keepAlumniReport: { report: { status: string }; error: unknown } }>(KEEP, { id });
    expect(kept.data!.keepAlumniReport).toEqual({ report: { id, status: 'KEPT' }, error: null });
    const after = await alumnus.query<{ myAlumniReports: { id: string; status: string; lookedAt: boolean }[] }>(MINE);
    expect(after.data!.myAlumniReports.find((r) => r.id === id)).toMatchObject({ status: 'KEPT', lookedAt: true });

    // Their own download, and Northfield's export of them, list it.
    const own = await alumnus.query<{ me: { destinationsSubjectAccess: Part } }>('{ me { destinationsSubjectAccess } }');
    expect(own.errors).toBeUndefined();
    const ownRows = own.data!.me.destinationsSubjectAccess.sections.find((s) => s.title === 'What you told your school about where you are now')!.rows;
    expect(ownRows).toContainEqual(expect.objectContaining({ id, provider, status: 'KEPT' }));
    const exported = await leader.query<{ personSubjectAccess: { destinationsSubjectAccess: Part } }>(
      'query ($email: String!) { personSubjectAccess(email: $email) { destinationsSubjectAccess } }',
      { email: 'alumni@northfield.test' },
    );
    expect(exported.errors).toBeUndefined();
    expect(exported.data!.personSubjectAccess.destinationsSubjectAccess.sections.flatMap((s) => s.rows)).toContainEqual(
      expect.objectContaining({ id, provider }),
    );
  });
});
