// Alumni's own reports in the browser (docs/domain-rules.md, "Destinations"): the demo alumnus, whom
// Northfield confirmed, opens "Where are you now?" on their phone (390 px), is told plainly what is
// missing, sends what they do now and sees it waiting for the school; Northfield's leader finds it
// beside the leavers' reports, looks for a leaver to match it to (none: Jordan left long ago), keeps it
// as an alumni destination, and the alumnus then sees the school looked at it. Every new view is
// axe-clean with nothing sideways at 1,366 and 390 px.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { fitsAtBothWidths, startPortals, type Portals } from './browser.js';

let portals: Portals;

beforeAll(async () => {
  portals = await startPortals({ name: 'e2e-alumni-report', shared: true });
});

afterAll(() => portals?.close());

describe('alumni reports', () => {
  it('the alumnus reports on their phone, and the leader keeps it', async () => {
    const year = new Date().getUTCFullYear();
    const provider = `Brightwave Studio ${Date.now()}`;
    const { context: alumnusContext, page } = await portals.signIn('alumni@northfield.test');
    await page.setViewportSize({ width: 390, height: 900 });
    const section = page.getByRole('region', { name: 'Where are you now?' });
    await section.waitFor({ timeout: 30_000 });
    await section
      .getByText('You have not told them anything yet.')
      .or(section.getByRole('list', { name: /What you have told/ }))
      .first()
      .waitFor({ timeout: 30_000 });

    // Keyboard only: choose a job with training and send it without the rest.
    await section.getByRole('radio', { name: /A job with training/ }).focus();
    await page.keyboard.press('Space');
    await section.getByRole('button', { name: /^Send to / }).focus();
    await page.keyboard.press('Enter');
    const summary = page.locator('.wm-error-summary');
    await summary.getByRole('link', { name: 'Enter the name of your employer or training provider' }).waitFor({ timeout: 30_000 });
    await summary.getByRole('link', { name: 'Enter your job title' }).waitFor();
    await summary.getByRole('link', { name: /Enter the date you started/ }).waitFor();
    await portals.expectAccessible(page, 'alumni-report-problems-390');

    await section.getByLabel('Name of your employer or training provider').fill(provider);
    await section.getByLabel('Your job title').fill('Junior software developer');
    await section.getByLabel('When did you start?').fill(`${year - 1}-09-01`);
    await section.getByRole('button', { name: /^Send to / }).click();
    await section.getByText(/has your answer/).waitFor({ timeout: 30_000 });
    const mine = section.getByRole('listitem').filter({ hasText: provider });
    await mine.getByText(/Your school has not looked at this yet/).waitFor({ timeout: 30_000 });
    await fitsAtBothWidths(portals, page, 'My volunteering', 'alumni-report-sent');

    // Northfield's leader.
    const { context: leaderContext, page: leader } = await portals.signIn('leader@northfield.test');
    await leader.getByRole('navigation', { name: 'Careers programme' }).getByRole('button', { name: 'Destinations' }).click();
    await leader.getByRole('heading', { level: 1, name: 'Destinations' }).waitFor({ timeout: 30_000 });
    const alumni = leader.getByRole('region', { name: "Alumni's own reports" });
    const row = alumni.getByRole('row').filter({ hasText: provider });
    await row.getByRole('rowheader', { name: 'Jordan Reid' }).waitFor({ timeout: 30_000 });
    await row.getByText(String(year - 5)).waitFor();
    await row.getByRole('button', { name: 'Match to a leaver: the report of Jordan Reid' }).click();
    await alumni.getByRole('heading', { name: "Match Jordan Reid's report to a leaver" }).waitFor({ timeout: 30_000 });
    await alumni.getByText(/None of your leavers followed now/).waitFor();
    await fitsAtBothWidths(portals, leader, 'Destinations', 'alumni-report-leader-match');
    await alumni.getByRole('button', { name: 'Cancel' }).click();
    await row.getByRole('button', { name: 'Keep as alumni destination: the report of Jordan Reid' }).click();
    await alumni.getByText("Kept: Jordan Reid's report is kept as an alumni destination. It counts in no leaver figure.").waitFor({ timeout: 30_000 });
    await leaderContext.close();

    // The alumnus sees the school looked at it.
    await page.reload();
    await page
      .getByRole('region', { name: 'Where are you now?' })
      .getByRole('listitem')
      .filter({ hasText: provider })
      .getByText(/Your school has looked at this and kept it/)
      .waitFor({ timeout: 30_000 });
    await alumnusContext.close();
  });
});
