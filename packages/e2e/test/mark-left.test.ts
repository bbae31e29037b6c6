// The careers leader marks one pupil as left mid-year from the pupil's page, keyboard only: the
// confirmation asks for the date (today unless changed), refuses a date in the future in words, and
// says what follows; the record then shows the pupil as left on that date, and the pupils list (on
// roll only) no longer finds them. Put back on roll (a mistake undone), the list finds them again.
// The record, the confirmation and the list have no serious axe findings and no sideways scroll at
// 390 and 1,366 px. See docs/domain-rules.md, "Leaving school".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoData } from '@waymark/demo-data';
import { addDays, formatDay, todayInEngland } from '@waymark/domain';
import { fitsAtBothWidths, startPortals, tabTo, type Portals } from './browser.js';

let portals: Portals;

beforeAll(async () => {
  portals = await startPortals({ name: 'e2e-mark-left', shared: true });
});

afterAll(() => portals?.close());

const data = demoData();
const northfield = data.schools[0];
const pupil = data.pupils.find((p) => p.schoolId === northfield.id && p.yearGroup === 10 && !p.leftOn)!;
const name = `${pupil.preferredName ?? pupil.legalForename} ${pupil.legalSurname}`;

/** Types a day into the focused date field, in the order its segments take (month first in Chromium's default en-US). */
async function typeDay(page: Page, day: string): Promise<void> {
  const [year, month, date] = day.split('-');
  await page.keyboard.type(`${month}${date}${year}`);
}

/** Finds the pupil in the pupils list by their UPN, keyboard only, from the page's heading. */
async function searchForPupil(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Pupils' }).focus();
  await tabTo(page, /^Search by name or UPN$/);
  await page.keyboard.type(pupil.upn);
}

describe('marking one pupil as left', () => {
  it('the careers leader marks a pupil as left by keyboard alone, at 390 and 1,366 px: they leave the roll, and come back when the mistake is undone', async () => {
    const today = todayInEngland();
    const yesterday = addDays(today, -1);
    const { context, page } = await portals.signIn('leader@northfield.test');
    const nav = page.getByRole('navigation', { name: 'Careers programme' });
    await nav.getByRole('button', { name: 'Pupils', exact: true }).waitFor({ timeout: 30_000 });

    // To the pupil's record through the pupils list.
    await page.locator('body').focus();
    await tabTo(page, /^Pupils$/, 120);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Pupils' }).waitFor();
    await searchForPupil(page);
    const link = page.getByRole('link', { name, exact: true });
    await link.waitFor({ timeout: 30_000 });
    await tabTo(page, new RegExp(`^${name}$`));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Mark as left' }).waitFor({ timeout: 30_000 });
    await fitsAtBothWidths(portals, page, name, 'mark-left-record');

    // The confirmation starts on "No", with today's date in the field.
    await page.getByRole('heading', { level: 1, name }).focus();
    await tabTo(page, /^Mark as left$/, 120);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Mark ${name} as left?` });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('No, keep them on roll');
    const date = dialog.getByLabel('Date they left');
    expect(await date.inputValue()).toBe(today);
    await dialog.getByText('they stay in destinations tracking for three years after they leave').waitFor();
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      const box = await dialog.boundingBox();
      expect(box!.x, `dialog inside the window at ${width}px`).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, `dialog inside the window at ${width}px`).toBeLessThanOrEqual(width);
      await portals.expectAccessible(page, `mark-left-confirm-${width}`);
    }
    await page.setViewportSize({ width: 1366, height: 900 });

    // A date in the future is refused in words, and nothing changes.
    await tabTo(page, /^Date they left/, 10);
    await typeDay(page, addDays(today, 1));
    await tabTo(page, /^Yes, mark as left$/, 10);
    await page.keyboard.press('Enter');
    await dialog.getByText('The date they left cannot be in the future').waitFor();
    await portals.expectAccessible(page, 'mark-left-future');

    // Yesterday, then yes.
    await tabTo(page, /^Date they left/, 10);
    await typeDay(page, yesterday);
    expect(await date.inputValue()).toBe(yesterday);
    await tabTo(page, /^Yes, mark as left$/, 10);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `${name} is marked as left` }).waitFor({ timeout: 30_000 });
    expect(await dialog.isVisible()).toBe(false);
    await page.getByText(`They left your school on ${formatDay(yesterday, 'long')}.`).waitFor();
    // Focus moves to what happened, not to the top of the page.
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(`${name} is marked as left`);
    // The record, read again, shows the date they left; there is nothing left to mark.
    const leftOn = page.getByRole('region', { name: 'Details' }).locator('.wm-summary__row', { hasText: 'Left on' });
    await leftOn.locator(`time[datetime="${yesterday}"]`).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('button', { name: 'Mark as left' }).count()).toBe(0);
    await fitsAtBothWidths(portals, page, name, 'mark-left-done');

    // The pupils list shows pupils on roll: they are no longer in it.
    await page.getByRole('link', { name: /^Back to pupils$/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Pupils' }).waitFor();
    await searchForPupil(page);
    await page.getByText('No pupils match these filters.').waitFor({ timeout: 30_000 });
    expect(await link.count()).toBe(0);
    await fitsAtBothWidths(portals, page, 'Pupils', 'mark-left-list');

    // Marked by mistake: back to the record, and put them back on roll, after a confirmation of its own.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Put back on roll' }).waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { level: 1, name }).focus();
    await tabTo(page, /^Put back on roll$/, 120);
    await page.keyboard.press('Enter');
    const undo = page.getByRole('dialog', { name: `Put ${name} back on roll?` });
    await undo.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('No, they have left');
    await portals.expectAccessible(page, 'mark-left-undo-confirm');
    await tabTo(page, /^Yes, put them back on roll$/, 5);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `${name} is back on roll` }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Mark as left' }).waitFor({ timeout: 30_000 });
    expect(await leftOn.count()).toBe(0);

    // And the pupils list finds them again.
    await page.getByRole('link', { name: /^Back to pupils$/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Pupils' }).waitFor();
    await searchForPupil(page);
    await link.waitFor({ timeout: 30_000 });
    await context.close();
  });
});
