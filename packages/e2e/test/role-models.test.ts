// Role models in the learner portal, at phone width and by keyboard: the demo pupil (Maya, Year 10) opens
// "Role models", finds the people who volunteer with their school (the former pupil says so), the
// one whose route matches their interest #healthcare first, and narrows the list to those who match
// their interests. Nothing but first names: the page never shows a volunteer's surname. The page is
// axe-clean with nothing sideways at 1,366 and 390 px. See docs/domain-rules.md ("Role models").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoData } from '@waymark/demo-data';
import { startPortals, type Portals } from './browser.js';

let portals: Portals;

beforeAll(async () => {
  portals = await startPortals({ name: 'e2e-role-models', shared: true });
});

afterAll(() => portals?.close());

const data = demoData();
const [, jordan, ruth] = data.volunteers;

describe('role models', () => {
  it('a pupil finds the role models of their school, matching their interests first, on a phone', async () => {
    const { context, page } = await portals.signIn('pupil@northfield.test');
    await page.setViewportSize({ width: 390, height: 900 });
    const nav = page.getByRole('navigation', { name: 'Your careers record' });
    await nav.waitFor({ timeout: 30_000 });
    await nav.getByRole('button', { name: 'Role models' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Role models' }).waitFor({ timeout: 30_000 });
    const list = page.getByRole('list', { name: 'Role models' });
    await list.getByRole('heading', { name: `${jordan.firstName}, ${jordan.jobTitle}` }).waitFor({ timeout: 30_000 });
    // Ruth's route speaks to the pupil's #healthcare, so she comes first and it says why.
    const headings = await list.getByRole('heading', { level: 3 }).allTextContents();
    expect(headings).toEqual([`${ruth.firstName}, Staff nurse`, `${jordan.firstName}, ${jordan.jobTitle}`]);
    await list.getByRole('listitem').first().getByText('#healthcare').waitFor();
    await list.getByRole('listitem').nth(1).getByText(`Went to your school (left in ${jordan.leftSchoolYear})`).waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    for (const volunteer of data.volunteers) expect(text).not.toContain(volunteer.lastName);

    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal scroll at ${width}px`).toBeLessThanOrEqual(0);
      await portals.expectAccessible(page, `role-models-${width}`);
    }

    await page.getByRole('checkbox', { name: 'Only show people who match my interests' }).focus();
    await page.keyboard.press('Space');
    await page.getByText('Showing 1 person.').waitFor();
    expect(await list.getByRole('heading', { level: 3 }).allTextContents()).toEqual([`${ruth.firstName}, Staff nurse`]);
    await context.close();
  });
});
