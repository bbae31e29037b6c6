// Career readiness in the browser: the demo Year 11 pupil answers the questionnaire in "My progress"
// on a phone (told which questions are left when they save too soon), sees their answers in the
// table, and their careers leader reads Year 11's shares on the Feedback page as bars with the
// figures as text. Both pages are axe-clean with nothing sideways at 1,366 and 390 px. See
// docs/domain-rules.md ("Career readiness").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { READINESS_ITEM_KEYS, READINESS_ITEMS } from '@waymark/domain';
import { startPortals, type Portals } from './browser.js';

let portals: Portals;

beforeAll(async () => {
  portals = await startPortals({ name: 'e2e-readiness', shared: true });
});

afterAll(() => portals?.close());

async function fitsAndAccessible(page: Page, name: string): Promise<void> {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal scroll on ${name} at ${width}px`).toBeLessThanOrEqual(0);
    await portals.expectAccessible(page, `${name}-${width}`);
  }
}

describe('career readiness', () => {
  it('a Year 11 pupil answers the questionnaire and their careers leader reads the shares', async () => {
    const { context, page } = await portals.signIn('year11@northfield.test');
    await page.setViewportSize({ width: 390, height: 900 });
    const nav = page.getByRole('navigation', { name: 'Your careers record' });
    await nav.getByRole('button', { name: 'My progress' }).click({ timeout: 30_000 });
    const form = page.getByRole('form', { name: 'Career readiness questions' });
    await form.waitFor({ timeout: 30_000 });

    // Two answers, then save: the summary names the ten questions left and nothing is saved.
    const [first, second] = READINESS_ITEM_KEYS;
    await form.getByRole('group', { name: READINESS_ITEMS[first].text }).getByRole('radio', { name: 'Yes, definitely' }).check();
    await form.getByRole('group', { name: READINESS_ITEMS[second].text }).getByRole('radio', { name: 'A little' }).check();
    await form.getByRole('button', { name: 'Save my answers' }).focus();
    await page.keyboard.press('Enter');
    const summary = page.locator('.wm-error-summary');
    await summary.waitFor();
    expect(await summary.getByRole('link').count()).toBe(READINESS_ITEM_KEYS.length - 2);
    await fitsAndAccessible(page, 'readiness-pupil-error');

    // The rest by keyboard: focus each question's "Mostly" and press Space.
    for (const item of READINESS_ITEM_KEYS.slice(2)) {
      await form.getByRole('group', { name: READINESS_ITEMS[item].text }).getByRole('radio', { name: 'Mostly' }).focus();
      await page.keyboard.press('Space');
    }
    await form.getByRole('button', { name: 'Save my answers' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(/^Saved\. Thank you/).waitFor({ timeout: 30_000 });
    const table = page.getByRole('table', { name: 'Your answers each time' });
    await table.waitFor();
    expect(
      await table
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: READINESS_ITEMS[second].text }) })
        .textContent(),
    ).toContain('A little');
    await fitsAndAccessible(page, 'readiness-pupil');
    await context.close();

    const leader = await portals.signIn('leader@northfield.test');
    await leader.page.getByRole('navigation', { name: 'Careers programme' }).getByRole('button', { name: 'Feedback' }).click({ timeout: 30_000 });
    const section = leader.page.getByRole('region', { name: 'Career readiness' });
    await section.getByLabel('Year group').selectOption('11', { timeout: 30_000 });
    await section.getByText(/^1 of \d+ pupils answered this school year\.$/).waitFor({ timeout: 30_000 });
    // One pupil: "A little" is not positive, the rest are.
    const data = section.getByRole('table', { name: 'Each question and the share answering positively' });
    const shareOf = async (item: string) =>
      (
        await data
          .getByRole('row')
          .filter({ has: leader.page.getByRole('rowheader', { name: item }) })
          .getByRole('cell')
          .last()
          .textContent()
      )?.trim();
    expect(await shareOf(READINESS_ITEMS[first].text)).toBe('100%');
    expect(await shareOf(READINESS_ITEMS[second].text)).toBe('0%');
    await fitsAndAccessible(leader.page, 'readiness-leader');
    await leader.context.close();
  });
});
