// Work-experience placements in the browser, by keyboard: an employer volunteer offers a placement
// (told plainly that 0 places will not do), a pupil finds it on their phone and applies with a short
// statement, their careers leader approves it with a message, and on its last day the employer
// marks it done with feedback. The leader's next look at the placements records it, and the
// pupil's record then shows the work experience. Every page is axe-clean with nothing sideways at
// 1,366 and 390 px. See docs/domain-rules.md ("Volunteering", "Placements").
//
// A placement can be marked done from its last day, so the test's placement is one day, today: it
// runs the same on PostgreSQL and PGlite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoData } from '@waymark/demo-data';
import { todayInEngland } from '@waymark/domain';
import { startPortals, type Portals } from './browser.js';

const NAME = 'e2e-placements';
let portals: Portals;

beforeAll(async () => {
  portals = await startPortals({ name: NAME, shared: true });
});

afterAll(() => portals?.close());

const data = demoData();
const northfield = data.schools[0];
const TITLE = 'Browser test: a week with our engineers';

/** The placement is one day long, today in England: it can be offered, applied for, approved and marked as done in one run. */
const firstDay = todayInEngland();

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

async function openEmployerPlacements(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Volunteering' }).getByRole('button', { name: 'Placements' }).click();
  await page.getByRole('heading', { level: 1, name: 'Work experience placements' }).waitFor({ timeout: 30_000 });
}

async function openLeaderPlacements(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Careers programme' }).getByRole('button', { name: 'Placements' }).click();
  await page.getByRole('heading', { level: 1, name: 'Work experience placements' }).waitFor({ timeout: 30_000 });
}

async function openPupilPage(page: Page, name: string, heading: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Your careers record' }).getByRole('button', { name }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 30_000 });
}

/** Ticks a checkbox the way a keyboard user does: focus it, press Space. */
async function pressSpaceOn(page: Page, label: string): Promise<void> {
  await page.getByRole('checkbox', { name: label }).focus();
  await page.keyboard.press('Space');
}

/** Types into a field by keyboard. */
async function typeInto(page: Page, label: string, text: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.focus();
  await field.fill('');
  await page.keyboard.type(text);
}

async function pressEnterOn(page: Page, button: string): Promise<void> {
  await page.getByRole('button', { name: button }).focus();
  await page.keyboard.press('Enter');
}

const focusedIsSummary = (page: Page) => page.evaluate(() => document.activeElement?.classList.contains('wm-error-summary') ?? false);

describe('work-experience placements', () => {
  it('an employer offers a placement, a pupil applies on their phone, the leader approves, the employer completes it, and it is on the pupil’s record', async () => {
    // The employer offers a placement; 0 places is refused plainly and nothing is saved.
    const employer = await portals.signIn('employer@acme.test');
    await employer.page.setViewportSize({ width: 1366, height: 900 });
    await employer.page.getByRole('heading', { level: 1, name: 'My volunteering' }).waitFor({ timeout: 30_000 });
    await openEmployerPlacements(employer.page);
    const form = employer.page.getByRole('form', { name: 'Offer a placement' });
    await typeInto(employer.page, 'Title', TITLE);
    await typeInto(employer.page, 'What the pupil will do', 'Work beside our engineers, test parts and design a bracket.');
    await employer.page.getByLabel('First day').fill(firstDay);
    await employer.page.getByLabel('Last day').fill(firstDay);
    await typeInto(employer.page, 'Hours a day', '6');
    await typeInto(employer.page, 'Places', '0');
    await pressSpaceOn(employer.page, 'Year 10');
    await pressSpaceOn(employer.page, northfield.name);
    await pressEnterOn(employer.page, 'Offer placement');
    const summary = employer.page.locator('.wm-error-summary');
    await summary.getByRole('link', { name: 'A placement needs at least 1 place' }).waitFor({ timeout: 30_000 });
    expect(await focusedIsSummary(employer.page)).toBe(true);
    await typeInto(employer.page, 'Places', '2');
    await pressEnterOn(employer.page, 'Offer placement');
    await employer.page.getByRole('heading', { name: 'Placement offered' }).waitFor({ timeout: 30_000 });
    await form.waitFor();
    await employer.page.getByRole('region', { name: TITLE }).waitFor({ timeout: 30_000 });
    await expectFitsAndAccessible(employer.page, 'placements-employer', 'Work experience placements');

    // The pupil applies on their phone: an empty statement is refused first.
    const pupil = await portals.signIn('pupil@northfield.test');
    await pupil.page.setViewportSize({ width: 390, height: 900 });
    await pupil.page.getByRole('heading', { level: 1, name: 'My record' }).waitFor({ timeout: 30_000 });
    await openPupilPage(pupil.page, 'Work experience', 'Work experience');
    const card = pupil.page.getByRole('region', { name: TITLE });
    await card.waitFor({ timeout: 30_000 });
    await card.getByRole('button', { name: 'Apply' }).focus();
    await pupil.page.keyboard.press('Enter');
    await pupil.page.locator('.wm-error-summary').getByRole('link', { name: 'Write a few words about why you would like this placement' }).waitFor();
    expect(await focusedIsSummary(pupil.page)).toBe(true);
    await card.getByLabel('Why would you like this placement?').focus();
    await pupil.page.keyboard.type('I want to be an engineer and I like fixing bikes.');
    await card.getByRole('button', { name: 'Apply' }).focus();
    await pupil.page.keyboard.press('Enter');
    await card.getByRole('heading', { name: 'You have applied' }).waitFor({ timeout: 30_000 });
    await expectFitsAndAccessible(pupil.page, 'placements-pupil', 'Work experience');

    // The leader approves it with a message.
    const leader = await portals.signIn('leader@northfield.test');
    await openLeaderPlacements(leader.page);
    const application = leader.page.getByRole('region', { name: `Maya (Year 10): ${TITLE}` });
    await application.waitFor({ timeout: 30_000 });
    await application.getByText('I want to be an engineer and I like fixing bikes.').waitFor();
    await expectFitsAndAccessible(leader.page, 'placements-leader', 'Work experience placements');
    await application.getByLabel('Message to the pupil').focus();
    await leader.page.keyboard.type('Approved. Bring your safety boots!');
    await application.getByRole('button', { name: 'Approve' }).focus();
    await leader.page.keyboard.press('Enter');
    await leader.page.getByText(`Maya (Year 10), ${TITLE}: Approved`).waitFor({ timeout: 30_000 });

    // The placement happens (today). The employer sees Maya and marks it done with feedback.
    await employer.page.setViewportSize({ width: 1366, height: 900 });
    await employer.page.getByRole('navigation', { name: 'Volunteering' }).getByRole('button', { name: 'My offers' }).click();
    await employer.page.getByRole('heading', { level: 1, name: 'My offers' }).waitFor({ timeout: 30_000 });
    await openEmployerPlacements(employer.page);
    const done = employer.page.getByRole('region', { name: TITLE });
    await done.getByText('Maya, Year 10').waitFor({ timeout: 30_000 });
    await done.getByRole('heading', { name: 'This placement has reached its last day' }).waitFor();
    await expectFitsAndAccessible(employer.page, 'placements-employer-finished', 'Work experience placements');
    await done.getByLabel('Feedback for Maya (optional)').focus();
    await employer.page.keyboard.type('Maya asked great questions and designed a clever bracket.');
    await done.getByRole('button', { name: 'Mark as done' }).focus();
    await employer.page.keyboard.press('Enter');
    await done.getByText('Maya, Year 10 (your feedback: Maya asked great questions and designed a clever bracket.)').waitFor({ timeout: 30_000 });

    // The leader's next look records it as work experience.
    await leader.page.getByRole('navigation', { name: 'Careers programme' }).getByRole('button', { name: 'Volunteer requests' }).click();
    await leader.page.getByRole('heading', { level: 1, name: 'Volunteer requests' }).waitFor({ timeout: 30_000 });
    await openLeaderPlacements(leader.page);
    await leader.page.getByText(`Maya (Year 10), ${TITLE}: Done, recorded as work experience`, { exact: false }).waitFor({ timeout: 30_000 });

    // The pupil reads the feedback, and their record shows the workplace experience.
    await openPupilPage(pupil.page, 'My record', 'My record');
    const row = pupil.page.getByRole('row', { name: new RegExp(`Work experience: ${TITLE}`) });
    await row.waitFor({ timeout: 30_000 });
    await row.getByText('Work experience placement').waitFor();
    await openPupilPage(pupil.page, 'Work experience', 'Work experience');
    await pupil.page.getByText('Maya asked great questions and designed a clever bracket.').waitFor({ timeout: 30_000 });
    await pupil.page.getByText('Added as work experience').waitFor();
    await expectFitsAndAccessible(pupil.page, 'placements-pupil-done', 'Work experience');

    for (const session of [employer, pupil, leader]) await session.context.close();
  }, 300_000);
});
