import { describe, expect, it } from 'vitest';
import { demoData } from '@waymark/demo-data';
import { GatewayClient } from './client.js';
import { useTestStack } from './test-stack.js';

/*
 * A leaver's self-report through the real gateway and subgraphs: the careers leader makes a link,
 * the leaver's page (nobody signed in) opens it and reports through /public/self-report, the leader
 * confirms it. The public routes keep the /auth rules (JSON only, Waymark's own pages) and a limit
 * per address, and say one thing for every token that does not work.
 */
const stack = useTestStack({ name: 'self_report', shared: true });
const [northfield] = demoData().schools;

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${stack.url}/public/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

type Entry = { pupil: { id: string }; leavingYear: number; needsConsent: boolean };

describe('self-report links through the gateway', () => {
  it('lets a leaver report through their link, once, and their leader confirm it', async () => {
    const leader = new GatewayClient(stack.url);
    expect((await leader.signIn('leader@northfield.test')).status).toBe(200);
    const worklist = await leader.query<{ destinationsWorklist: Entry[] }>('{ destinationsWorklist { pupil { id } leavingYear needsConsent } }');
    const due = worklist.data!.destinationsWorklist[0];
    expect(due).toBeDefined();
    // Only a leaver who agreed to being followed gets a link.
    const consent = await leader.query<{ setPupilConsent: { error: unknown } }>(
      'mutation ($input: SetPupilConsentInput!) { setPupilConsent(input: $input) { error { code } } }',
      { input: { pupilId: due.pupil.id, destinationTracking: true } },
    );
    expect(consent.data!.setPupilConsent.error).toBeNull();
    const made = await leader.query<{ createSelfReportLink: { link: { token: string } | null; error: unknown } }>(
      'mutation ($id: ID!) { createSelfReportLink(pupilId: $id) { link { token } error { code message } } }',
      { id: due.pupil.id },
    );
    expect(made.data!.createSelfReportLink.error).toBeNull();
    const token = made.data!.createSelfReportLink.link!.token;

    // Not signed in: the token is the only key. The page learns the school's name and a first name, nothing else.
    const opened = await post('self-report/open', { token });
    expect(opened.status).toBe(200);
    const page = (await opened.json()) as Record<string, unknown>;
    expect(Object.keys(page).sort()).toEqual(['firstName', 'schoolName']);
    expect(page.schoolName).toBe(northfield.name);

    const unknown = await post('self-report/open', { token: 'A'.repeat(43) });
    expect(unknown.status).toBe(404);
    const unknownMessage = ((await unknown.json()) as { error: string }).error;

    const bad = await post('self-report', { token, activity: 'EDUCATION', startsOn: `${due.leavingYear}-09-04` });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { problems: { field: string }[] }).problems.map((p) => p.field).sort()).toEqual(['course', 'provider', 'providerKind']);

    const sent = await post('self-report', {
      token,
      activity: 'APPRENTICESHIP',
      apprenticeshipLevel: 3,
      provider: 'Leeds Engineering Training',
      course: 'Maintenance technician',
      startsOn: `${due.leavingYear}-09-04`,
    });
    expect(sent.status).toBe(200);
    // Used: the same answer as a token that never existed.
    const used = await post('self-report/open', { token });
    expect(used.status).toBe(404);
    expect(((await used.json()) as { error: string }).error).toBe(unknownMessage);

    const listed = await leader.query<{ selfReports: { id: string; status: string; pupil: { id: string } }[] }>(
      '{ selfReports(statuses: [PENDING]) { id status pupil { id } } }',
    );
    const pending = listed.data!.selfReports.find((report) => report.pupil.id === due.pupil.id)!;
    expect(pending.status).toBe('PENDING');

    const southLeader = new GatewayClient(stack.url);
    expect((await southLeader.signIn('leader@southbank.test')).status).toBe(200);
    const CONFIRM = 'mutation ($id: ID!) { confirmSelfReport(id: $id) { spell { source confirmed activity apprenticeshipLevel } error { code } } }';
    const refused = await southLeader.query<{ confirmSelfReport: { spell: unknown; error: { code: string } | null } }>(CONFIRM, { id: pending.id });
    expect(refused.data!.confirmSelfReport).toEqual({ spell: null, error: { code: 'REPORT_NOT_FOUND' } });
    const confirmed = await leader.query<{ confirmSelfReport: { spell: unknown; error: unknown } }>(CONFIRM, { id: pending.id });
    expect(confirmed.data!.confirmSelfReport).toEqual({
      spell: { source: 'SELF_REPORTED', confirmed: true, activity: 'APPRENTICESHIP', apprenticeshipLevel: 3 },
      error: null,
    });
  });

  it('takes only JSON from its own pages', async () => {
    const form = await fetch(`${stack.url}/public/self-report`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"token":"x"}' });
    expect(form.status).toBe(415);
    const elsewhere = await post('self-report/open', { token: 'x' }, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(elsewhere.status).toBe(403);
    expect((await fetch(`${stack.url}/public/self-report/open`)).status).toBe(405);
  });

  it('limits how often one address may try tokens', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 32; i += 1) statuses.push((await post('self-report/open', { token: 'B'.repeat(43) })).status);
    expect(statuses.filter((status) => status === 404).length).toBeLessThanOrEqual(30);
    expect(statuses.at(-1)).toBe(429);
  });
});
