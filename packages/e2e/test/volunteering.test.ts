// Volunteering in the browser: an employer volunteer fills in what they can offer on their phone, by
// keyboard (told plainly what is missing, and that a postcode is malformed), finds the demo request
// from Northfield among "Requests from schools" and offers to help; the careers leader accepts the
// offer with a message and confirms; the volunteer reads the answer under "My offers" and finds the
// encounter among their engagements. Every new page is axe-clean with nothing sideways at 1,366 and
// 390 px. See docs/domain-rules.md ("Volunteering").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoData } from '@waymark/demo-data';
import { startPortals, type Portals } from './browser.js';

let portals: Portals;

beforeAll(async () => {
  portals = await startPortals({ name: 'e2e-volunteering', shared: true });
});

afterAll(() => portals?.close());

const data = demoData();
const northfield = data.schools[0];

/** Nothing wider than the window, and no serious axe findings, at laptop and phone widths (ending at 390). */
async function expectFitsAndAccessible(page: Page, name: string, heading: string): Promise<void> {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal scroll on ${name} at ${width}px`).toBeLessThanOrEqual(0);
    await portals.expectAccessible(page, `${name}-${width}`);
  }
}

async function openVolunteerPage(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Volunteering' }).getByRole('button', { name }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 30_000 });
}

/** Ticks or unticks a checkbox the way a keyboard user does: focus it, press Space. */
async function pressSpaceOn(page: Page, label: string): Promise<void> {
  await page.getByRole('checkbox', { name: label }).focus();
  await page.keyboard.press('Space');
}

const focusedIsSummary = (page: Page) => page.evaluate(() => document.activeElement?.classList.contains('wm-error-summary') ?? false);

describe('volunteering', () => {
  it('a volunteer offers to help, the leader accepts, and the encounter appears among the volunteer’s engagements', async () => {
    const { context, page } = await portals.signIn('employer@acme.test');
    await page.setViewportSize({ width: 390, height: 900 });
    await page.getByRole('heading', { level: 1, name: 'My volunteering' }).waitFor({ timeout: 30_000 });

    // What I can offer: sending it empty says what is missing, and the summary takes focus.
    await openVolunteerPage(page, 'What I can offer');
    const save = page.getByRole('button', { name: 'Save my profile' });
    await save.focus();
    await page.keyboard.press('Enter');
    const summary = page.locator('.wm-error-summary');
    await summary.getByRole('link', { name: 'Choose at least one thing you can offer' }).waitFor();
    await summary.getByRole('link', { name: 'Enter your home postcode' }).waitFor();
    expect(await focusedIsSummary(page)).toBe(true);
    await summary.getByRole('link', { name: 'Enter your home postcode' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('profile-postcode');

    // By keyboard: a talk, engineering, a malformed postcode first.
    await pressSpaceOn(page, 'Talk to a class or assembly');
    await pressSpaceOn(page, 'Manufacturing');
    await page.getByLabel('Your home postcode').focus();
    await page.keyboard.type('LS11');
    await page.getByLabel('Which schools can you help?').selectOption('DISTRICTS');
    await page.getByLabel('Postcode districts').focus();
    await page.keyboard.type('LS6, LS11');
    await save.focus();
    await page.keyboard.press('Enter');
    await summary.getByRole('link', { name: 'Enter a UK postcode like LS11 5AA' }).waitFor();
    await page.getByLabel('Your home postcode').fill('ls11 5aa');
    await save.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Profile saved' }).waitFor({ timeout: 30_000 });
    await expectFitsAndAccessible(page, 'volunteer-profile', 'What I can offer');

    // Requests from schools: Northfield's demo request for a talk in LS6 fits; offer with a message.
    await openVolunteerPage(page, 'Requests from schools');
    const request = page.getByRole('region', { name: `${northfield.name}: Talk to a class or assembly` });
    await request.waitFor({ timeout: 30_000 });
    await request.getByLabel('Your message to the school').fill('I am a mechanical engineer and would love to talk to Year 10.');
    await request.getByRole('button', { name: 'Offer to help' }).click();
    await request.getByRole('heading', { name: 'You have offered to help' }).waitFor({ timeout: 30_000 });
    await expectFitsAndAccessible(page, 'volunteer-requests', 'Requests from schools');

    // The leader answers: accept with a message, then confirm.
    const { context: leaderContext, page: leader } = await portals.signIn('leader@northfield.test');
    await leader.getByRole('navigation', { name: 'Careers programme' }).getByRole('button', { name: 'Volunteer requests' }).click();
    await leader.getByRole('heading', { level: 1, name: 'Volunteer requests' }).waitFor({ timeout: 30_000 });
    // Posting nothing says what is missing first.
    await leader.getByRole('button', { name: 'Post the request' }).click();
    await leader.locator('.wm-error-summary').getByRole('link', { name: 'Choose the kind of help you need' }).waitFor();
    expect(await focusedIsSummary(leader)).toBe(true);

    const talk = leader.getByRole('region', { name: /^Talk to a class or assembly/ });
    await talk.getByRole('heading', { name: 'Sam Patel, Mechanical engineer at Acme Engineering' }).waitFor({ timeout: 30_000 });
    await talk.getByText('“I am a mechanical engineer and would love to talk to Year 10.”').waitFor();
    await expectFitsAndAccessible(leader, 'leader-volunteer-requests', 'Volunteer requests');
    await talk.getByLabel('Your message to the volunteer').fill('Thank you Sam, we would love to have you. We will be in touch about the day.');
    await talk.getByRole('button', { name: 'Accept' }).click();
    await talk.getByRole('button', { name: 'Confirm 1 volunteer' }).click();
    const recorded = talk.getByRole('link', { name: 'Talk to a class or assembly (volunteers)' });
    await recorded.waitFor({ timeout: 30_000 });
    await expectFitsAndAccessible(leader, 'leader-volunteer-requests-confirmed', 'Volunteer requests');
    await leaderContext.close();

    // The volunteer reads the school's answer, and finds the encounter among their engagements.
    await openVolunteerPage(page, 'My offers');
    const row = page.getByRole('row', { name: new RegExp(northfield.name) });
    await row.getByText('Accepted').waitFor({ timeout: 30_000 });
    await row.getByText('Thank you Sam, we would love to have you.', { exact: false }).waitFor();
    await expectFitsAndAccessible(page, 'volunteer-offers', 'My offers');
    await openVolunteerPage(page, 'My volunteering');
    await page.getByText('Talk to a class or assembly (volunteers)').waitFor({ timeout: 30_000 });
    await context.close();
  });
});
