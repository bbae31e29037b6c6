// Checks on volunteers in the browser, by keyboard: an employer volunteer offers to help with
// Northfield's demo talk (set up through the API); the careers leader sees on the offer that the
// volunteer has no identity check recorded at the school, opens "Record a check", is told plainly
// what is missing and that the expiry must come after the day the check was done, records it, and
// the warning goes; Sam then finds the check under "My offers". Every page is axe-clean with nothing
// sideways at 1,366 and 390 px. See docs/domain-rules.md ("Checks on volunteers").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoData } from '@waymark/demo-data';
import { addDays, todayInEngland } from '@waymark/domain';
import { fitsAtBothWidths, startPortals, tabTo, type Portals } from './browser.js';

let portals: Portals;

beforeAll(async () => {
  portals = await startPortals({ name: 'e2e-volunteer-checks', shared: true });
});

afterAll(() => portals?.close());

const northfield = demoData().schools[0];
const today = todayInEngland();
const WARNING = 'Sam Patel has no identity check recorded at your school.';

/** What the signed-in person gets back from the gateway for an operation (test set-up only). */
async function graphql<Data>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<Data> {
  return page.evaluate(async (body) => {
    const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return ((await response.json()) as { data: Data }).data;
  }, JSON.stringify({ query, variables }));
}

const focusedIsSummary = (page: Page) => page.evaluate(() => document.activeElement?.classList.contains('wm-error-summary') ?? false);

describe('checks on volunteers', () => {
  it('the leader sees a missing identity check on an offer, records it by keyboard, and the warning goes', async () => {
    // Sam offers to give Northfield's demo talk (set up through the API as Sam).
    const { context: samContext, page: sam } = await portals.signIn('employer@acme.test');
    await sam.getByRole('heading', { level: 1, name: 'My volunteering' }).waitFor({ timeout: 30_000 });
    const profile = await graphql<{ updateMyVolunteerProfile: { error: unknown } }>(
      sam,
      'mutation ($input: UpdateMyVolunteerProfileInput!) { updateMyVolunteerProfile(input: $input) { error { code } } }',
      { input: { activities: ['TALK'], sectors: ['C'], homePostcode: 'LS11 5AA', reach: 'DISTRICTS', districts: ['LS6'], availability: '' } },
    );
    expect(profile.updateMyVolunteerProfile.error).toBeNull();
    const open = await graphql<{ openVolunteerRequests: { id: string; activity: string; school: { id: string } }[] }>(
      sam,
      '{ openVolunteerRequests { id activity school { id } } }',
    );
    const talk = open.openVolunteerRequests.find((r) => r.school.id === northfield.id && r.activity === 'TALK')!;
    const offered = await graphql<{ offerVolunteerHelp: { error: unknown } }>(
      sam,
      'mutation ($input: OfferVolunteerHelpInput!) { offerVolunteerHelp(input: $input) { error { code } } }',
      { input: { requestId: talk.id, message: 'I can talk about engineering apprenticeships.' } },
    );
    expect(offered.offerVolunteerHelp.error).toBeNull();
    await samContext.close();

    const { context, page } = await portals.signIn('leader@northfield.test');
    await page.getByRole('navigation', { name: 'Careers programme' }).getByRole('button', { name: 'Volunteer requests' }).click();
    await page.getByRole('heading', { level: 1, name: 'Volunteer requests' }).waitFor({ timeout: 30_000 });
    const request = page.getByRole('region', { name: /^Talk to a class or assembly/ });
    await request.getByRole('heading', { name: 'Sam Patel, Mechanical engineer at Acme Engineering' }).waitFor({ timeout: 30_000 });
    await request.getByText(WARNING).waitFor();
    await request.getByText('No checks recorded at your school yet.').waitFor();
    await fitsAtBothWidths(portals, page, 'Volunteer requests', 'volunteer-checks-warning');

    // By keyboard: Tab to "Record a check", open it; focus lands on the first field.
    await tabTo(page, /^Record a check on Sam Patel$/, 200);
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: 'Record a check on Sam Patel' });
    await form.waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');

    // Saving it empty says what is missing, and the summary takes focus.
    await form.getByRole('button', { name: 'Save the check' }).focus();
    await page.keyboard.press('Enter');
    const summary = page.locator('.wm-error-summary');
    await summary.getByRole('link', { name: 'Choose the kind of check' }).waitFor();
    await summary.getByRole('link', { name: 'Enter the date the check expires' }).waitFor();
    expect(await focusedIsSummary(page)).toBe(true);

    // An expiry before the day it was done is refused, and nothing is saved.
    await form.getByLabel('Which check?').focus();
    await form.getByLabel('Which check?').selectOption('IDENTITY');
    await form.getByLabel('Date the check was done').fill(addDays(today, -3));
    await form.getByLabel('Date it expires').fill(addDays(today, -4));
    await form.getByRole('button', { name: 'Save the check' }).focus();
    await page.keyboard.press('Enter');
    await summary.getByRole('link', { name: 'The expiry date must be after the date the check was done' }).waitFor();
    await request.getByText(WARNING).waitFor();

    await form.getByLabel('Date it expires').fill(addDays(today, 3 * 365));
    await form.getByRole('button', { name: 'Save the check' }).focus();
    await page.keyboard.press('Enter');
    await request.getByRole('status').getByText('Check recorded.').waitFor({ timeout: 30_000 });
    // Focus returns to the button that opened the form.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Record a check on Sam Patel');
    await request
      .getByRole('table', { name: "Sam Patel's checks at your school" })
      .getByRole('row', { name: /Identity check/ })
      .waitFor();
    await request.getByText(WARNING).waitFor({ state: 'detached', timeout: 30_000 });
    expect(await request.getByText('Checks to make before this goes ahead').count()).toBe(0);
    await fitsAtBothWidths(portals, page, 'Volunteer requests', 'volunteer-checks-recorded');
    await context.close();

    // Sam sees the check Northfield recorded (which check, the school, the dates) under "My offers".
    const { context: samAgain, page: samPage } = await portals.signIn('employer@acme.test');
    await samPage.getByRole('navigation', { name: 'Volunteering' }).getByRole('button', { name: 'My offers' }).click();
    const checks = samPage.getByRole('region', { name: 'Checks schools have recorded' });
    await checks.getByRole('row', { name: new RegExp(`Identity check ${northfield.name}`) }).waitFor({ timeout: 30_000 });
    await fitsAtBothWidths(portals, samPage, 'My offers', 'volunteer-own-checks');
    await samAgain.close();
  });
});
