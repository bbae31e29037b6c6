// Leavers' self-reports in the browser (docs/domain-rules.md, "Destinations"): the careers leader
// makes a private link for a leaver from the worklist and copies it; the leaver opens it at 390 px
// without signing in, is told plainly what is missing, and says where they are now; the leader
// confirms it, and it becomes a self-reported spell. A link that does not work says so plainly.
// Every new page is axe-clean with nothing sideways at 1,366 and 390 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNT_REACT_RENDERERS, fitsAtBothWidths, startPortals, type Portals } from './browser.js';

let portals: Portals;

beforeAll(async () => {
  portals = await startPortals({ name: 'e2e-self-report', shared: true });
});

afterAll(() => portals?.close());

type Entry = { pupil: { id: string; displayName: string }; leavingYear: number };

describe('self-reports', () => {
  it('the leader makes a link, the leaver reports on their phone, and the leader confirms it', async () => {
    const { context: leaderContext, page: leader } = await portals.signIn('leader@northfield.test');
    await leader.getByRole('navigation', { name: 'Careers programme' }).waitFor({ timeout: 30_000 });
    // The leader's own session: the first leaver to follow up, who then agrees to being followed.
    const graphql = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
      const response = await leaderContext.request.post(`${portals.stack.url}/graphql`, { data: { query, variables } });
      const body = (await response.json()) as { data: T; errors?: unknown };
      expect(body.errors).toBeUndefined();
      return body.data;
    };
    const { destinationsWorklist } = await graphql<{ destinationsWorklist: Entry[] }>('{ destinationsWorklist { pupil { id displayName } leavingYear } }');
    const entry = destinationsWorklist[0];
    expect(entry).toBeDefined();
    await graphql('mutation ($input: SetPupilConsentInput!) { setPupilConsent(input: $input) { error { code } } }', {
      input: { pupilId: entry.pupil.id, destinationTracking: true },
    });
    const name = entry.pupil.displayName;

    await leader.getByRole('navigation', { name: 'Careers programme' }).getByRole('button', { name: 'Destinations' }).click();
    await leader.getByRole('heading', { level: 1, name: 'Destinations' }).waitFor({ timeout: 30_000 });
    const worklist = leader.getByRole('region', { name: 'Leavers to follow up' });
    await worklist.getByRole('button', { name: `Make a self-report link for ${name}` }).click();
    const reports = leader.getByRole('region', { name: "Leavers' own reports" });
    await reports.getByRole('heading', { name: 'Links to send' }).waitFor({ timeout: 30_000 });
    const link = await reports.getByRole('textbox', { name: `Link for ${name}` }).inputValue();
    expect(link).toMatch(/\/where-are-you-now#token=[A-Za-z0-9_-]{43}$/);
    await fitsAtBothWidths(portals, leader, 'Destinations', 'self-report-leader-links');

    // The leaver: another browser, nobody signed in, on a phone.
    const leaverContext = await portals.browser.newContext({ viewport: { width: 390, height: 900 } });
    await leaverContext.addInitScript(COUNT_REACT_RENDERERS);
    const page = await leaverContext.newPage();
    await page.goto(`${portals.stack.url}/where-are-you-now#token=${'A'.repeat(43)}`);
    await page.getByRole('heading', { level: 1, name: 'This link does not work' }).waitFor({ timeout: 30_000 });
    await fitsAtBothWidths(portals, page, 'This link does not work', 'self-report-broken');

    // Only the fragment differs: leave the page first, so the link loads afresh.
    await page.goto('about:blank');
    await page.goto(link);
    await page.setViewportSize({ width: 390, height: 900 });
    await page.getByRole('heading', { level: 1, name: 'Where are you now?' }).waitFor({ timeout: 30_000 });
    await page.getByText(`Hi ${name.split(' ')[0]}.`, { exact: false }).waitFor();
    await fitsAtBothWidths(portals, page, 'Where are you now?', 'self-report-form');
    await page.setViewportSize({ width: 390, height: 900 });

    await page.getByRole('radio', { name: 'An apprenticeship' }).check();
    await page.getByRole('button', { name: 'Send to my school' }).click();
    const summary = page.locator('.wm-error-summary');
    await summary.getByRole('link', { name: 'Choose the level of your apprenticeship, from 2 to 7' }).waitFor({ timeout: 30_000 });
    await summary.getByRole('link', { name: 'Enter the name of your employer or training provider' }).waitFor();
    await portals.expectAccessible(page, 'self-report-problems-390');

    await page.getByLabel('What level is your apprenticeship?').selectOption('3');
    await page.getByLabel('Name of your employer or training provider').fill('Aire Valley Engineering');
    await page.getByLabel('Your job title').fill('Maintenance technician');
    await page.getByLabel('When did you start?').fill(`${entry.leavingYear}-09-04`);
    await page.getByRole('button', { name: 'Send to my school' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor({ timeout: 30_000 });
    await fitsAtBothWidths(portals, page, 'Thank you', 'self-report-sent');
    // Used: opening it again says only that it does not work.
    await page.goto('about:blank');
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'This link does not work' }).waitFor({ timeout: 30_000 });
    await leaverContext.close();

    // Back to the leader: the report waits for them, counted nowhere yet.
    await leader.reload();
    await leader.getByRole('navigation', { name: 'Careers programme' }).getByRole('button', { name: 'Destinations' }).click();
    const waiting = leader.getByRole('region', { name: "Leavers' own reports" });
    const row = waiting.getByRole('row').filter({ has: leader.getByRole('rowheader', { name, exact: true }) });
    await row.getByText(/Apprenticeship \(level 3\): Aire Valley Engineering, Maintenance technician/).waitFor({ timeout: 30_000 });
    await fitsAtBothWidths(portals, leader, 'Destinations', 'self-report-leader-pending');
    await row.getByRole('button', { name: `Confirm the report of ${name}` }).click();
    await waiting.getByText(`Confirmed: what ${name} said is now recorded as a self-reported spell.`).waitFor({ timeout: 30_000 });

    const { pupil } = await graphql<{ pupil: { activitySpells: { activity: string; source: string; confirmed: boolean; provider: string }[] } }>(
      'query ($id: ID!) { pupil(id: $id) { activitySpells { activity source confirmed provider } } }',
      { id: entry.pupil.id },
    );
    expect(pupil.activitySpells).toContainEqual({ activity: 'APPRENTICESHIP', source: 'SELF_REPORTED', confirmed: true, provider: 'Aire Valley Engineering' });
    await leaderContext.close();
  });
});
