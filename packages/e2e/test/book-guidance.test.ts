// From a gap list to action: the careers leader books a personal guidance meeting for every Year 9
// pupil missing out on Benchmark 8, by keyboard alone. The form lists the pupils and their number,
// refuses missing details in words, asks for confirmation, and says what was booked with a link to
// the booked meetings, which the encounters list then shows one per pupil. On the pupil's page the
// booking waits to be recorded as held, which the usual form does (the adviser's level chosen then).
// Another pupil's booking is moved to a later time and then cancelled, by keyboard, from their page.
// Every step passes axe without sideways scroll at 390 and 1,366 px. See docs/domain-rules.md,
// "Booked and held guidance meetings".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays, formatDay, todayInEngland } from '@waymark/domain';
import { fitsAtBothWidths, startPortals, tabTo, type Portals } from './browser.js';

let portals: Portals;

beforeAll(async () => {
  portals = await startPortals({ name: 'e2e-book-guidance', shared: true });
});

afterAll(() => portals?.close());

const GAP_TABLE = /Pupils missing out: B8 by 16/;

/** Types a day into the focused date field, in the order its segments take (month first in Chromium's default en-US). */
async function typeDay(page: Page, day: string): Promise<void> {
  const [year, month, date] = day.split('-');
  await page.keyboard.type(`${month}${date}${year}`);
}

const focused = (page: Page) => page.evaluate(() => `${document.activeElement?.tagName} ${(document.activeElement?.textContent ?? '').trim()}`);

describe('booking guidance meetings from a gap list', () => {
  it('books a meeting for every pupil on the list by keyboard alone, and the meetings are found afterwards', async () => {
    const day = addDays(todayInEngland(), 7);
    const when = `${formatDay(day, 'long')} at 10:30`;
    const { context, page } = await portals.signIn('leader@northfield.test');
    await page.getByRole('heading', { level: 1, name: 'Gatsby benchmarks' }).waitFor({ timeout: 30_000 });

    // Year 9's pupils missing out on guidance by 16 (none of them has had a meeting).
    await page.goto(`${page.url().split('#')[0]}#/gaps?measure=B8_BY_16&year=9`);
    await page.getByRole('heading', { level: 1, name: 'Pupils missing out' }).waitFor();
    const table = page.getByRole('table', { name: GAP_TABLE });
    await table.waitFor({ timeout: 60_000 });
    const total = Number(((await page.getByText(/^Showing \d+ of \d+ pupils\.$/).textContent()) ?? '').match(/of (\d+)/)?.[1]);
    expect(total).toBeGreaterThan(1);
    const firstLink = table.locator('tbody tr th a').first();
    const firstName = ((await firstLink.textContent()) ?? '').trim();
    const firstHref = (await firstLink.getAttribute('href'))!;
    const startLabel = `Book guidance meetings for all ${total} pupils`;
    await page.getByRole('button', { name: startLabel }).waitFor();
    await fitsAtBothWidths(portals, page, 'Pupils missing out', 'book-guidance-gap-list');

    // The action sits beside invite and download; it opens a form naming every pupil on the list.
    await page.getByRole('heading', { level: 1, name: 'Pupils missing out' }).focus();
    await tabTo(page, new RegExp(`^${startLabel}$`), 150);
    await page.keyboard.press('Enter');
    const formHeading = page.getByRole('heading', { level: 3, name: `Book ${total} guidance meetings` });
    await formHeading.waitFor({ timeout: 60_000 });
    expect(await focused(page)).toBe(`H3 Book ${total} guidance meetings`);
    const names = page.getByRole('list', { name: `The ${total} pupils, one meeting each` }).getByRole('listitem');
    expect(await names.count()).toBe(total);
    expect(await names.allTextContents()).toContain(firstName);
    await fitsAtBothWidths(portals, page, 'Pupils missing out', 'book-guidance-form');

    // Nothing filled in: every problem is named, and nothing is asked yet.
    await tabTo(page, new RegExp(`^Book ${total} guidance meetings$`), 200);
    await page.keyboard.press('Enter');
    const summary = page.getByRole('alert');
    await summary.getByText('Enter the date of the meeting').waitFor();
    await summary.getByText("Enter the adviser's name").waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await portals.expectAccessible(page, 'book-guidance-problems');

    // The details, by keyboard.
    await formHeading.focus();
    await tabTo(page, /^Date of the meetings/, 200);
    await typeDay(page, day);
    await tabTo(page, /^Time \(optional\)/, 5);
    await page.keyboard.type('1030AM');
    expect(await page.getByLabel('Time (optional)').inputValue()).toBe('10:30');
    await tabTo(page, /^Adviser's name/, 5);
    await page.keyboard.type('Dana Whitfield');
    await tabTo(page, /^Place \(optional\)/, 5);
    await page.keyboard.type('Library meeting room');
    await tabTo(page, new RegExp(`^Book ${total} guidance meetings$`), 5);
    await page.keyboard.press('Enter');

    // A confirmation, starting on "Go back", says what is about to happen.
    const dialog = page.getByRole('dialog', { name: `Book ${total} guidance meetings?` });
    await dialog.waitFor();
    expect(await focused(page)).toBe('BUTTON Go back');
    await dialog.getByText(when).waitFor();
    await dialog.getByText('Library meeting room').waitFor();
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      const box = await dialog.boundingBox();
      expect(box!.x + box!.width, `dialog inside the window at ${width}px`).toBeLessThanOrEqual(width);
      await portals.expectAccessible(page, `book-guidance-confirm-${width}`);
    }
    await page.setViewportSize({ width: 1366, height: 900 });
    await tabTo(page, /^Yes, book them$/, 5);
    await page.keyboard.press('Enter');

    // Booked: focus moves to what happened, which links to the meetings.
    await page.getByRole('heading', { level: 3, name: 'Guidance meetings booked' }).waitFor({ timeout: 60_000 });
    await page.getByText(`${total} guidance meetings booked for ${when} with Dana Whitfield.`).waitFor();
    expect(await focused(page)).toContain('Guidance meetings booked');
    await fitsAtBothWidths(portals, page, 'Pupils missing out', 'book-guidance-booked');
    await tabTo(page, /^See the booked meetings$/, 5);
    await page.keyboard.press('Enter');

    // The encounters list, narrowed to guidance meetings on that day: one per pupil.
    await page.getByRole('heading', { level: 1, name: 'Encounters' }).waitFor();
    await page.getByText(`Showing ${total} of ${total} matching encounters`).waitFor({ timeout: 60_000 });
    await page.getByRole('link', { name: `Personal guidance meeting with ${firstName}`, exact: true }).waitFor();
    await fitsAtBothWidths(portals, page, 'Encounters', 'book-guidance-encounters');

    // One of them: booked, not held yet, with its place; its register leads to the pupil.
    await page.getByRole('heading', { level: 1, name: 'Encounters' }).focus();
    await tabTo(page, new RegExp(`^Personal guidance meeting with ${firstName}$`), 150);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Personal guidance meeting' }).waitFor({ timeout: 30_000 });
    await page
      .getByText("Booked, not held yet. Record it as held on the pupil's page: until then it counts towards no benchmark.")
      .waitFor({ timeout: 30_000 });
    await page.getByText('Library meeting room').waitFor();
    await fitsAtBothWidths(portals, page, 'Personal guidance meeting', 'book-guidance-encounter');
    const pupilLink = page.getByRole('link', { name: firstName, exact: true });
    await pupilLink.waitFor({ timeout: 30_000 });
    expect(await pupilLink.getAttribute('href')).toContain(firstHref.split('?')[0]);

    // On the pupil's page the booking waits to be recorded as held, with the usual form.
    await pupilLink.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: firstName, exact: true }).waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { name: 'Booked meetings' }).waitFor({ timeout: 60_000 });
    await page.getByText(`${when} with Dana Whitfield`).waitFor();
    await fitsAtBothWidths(portals, page, firstName, 'book-guidance-pupil');
    await page.getByRole('heading', { name: 'Booked meetings' }).focus();
    await tabTo(page, new RegExp(`^Record as held: ${when}$`), 10);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Record the booked meeting as held' }).waitFor();
    expect(await page.getByLabel("Adviser's name").inputValue()).toBe('Dana Whitfield');
    await tabTo(page, /^Adviser's qualification level/, 10);
    await page.keyboard.type('6');
    await tabTo(page, /^Save guidance meeting$/, 20);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Guidance meeting recorded' }).waitFor({ timeout: 30_000 });
    await page.getByText('Counts towards Benchmark 8.').waitFor({ timeout: 30_000 });
    expect(await page.getByRole('heading', { name: 'Booked meetings' }).count()).toBe(0);
    await context.close();
  });

  it("moves another pupil's booking to a later time, then cancels it, by keyboard from the pupil's page", async () => {
    const day = addDays(todayInEngland(), 7);
    const when = `${formatDay(day, 'long')} at 10:30`;
    const later = `${formatDay(day, 'long')} at 14:15`;
    const { context, page } = await portals.signIn('leader@northfield.test');
    await page.getByRole('heading', { level: 1, name: 'Gatsby benchmarks' }).waitFor({ timeout: 30_000 });
    // The first test booked every Year 9 pupil on the list; its first pupil's was then held, so take the second.
    await page.goto(`${page.url().split('#')[0]}#/gaps?measure=B8_BY_16&year=9`);
    const table = page.getByRole('table', { name: GAP_TABLE });
    await table.waitFor({ timeout: 60_000 });
    const link = table.locator('tbody tr th a').nth(1);
    const name = ((await link.textContent()) ?? '').trim();
    await link.click();
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { name: 'Booked meetings' }).waitFor({ timeout: 60_000 });
    await page.getByText(`${when} with Dana Whitfield`).waitFor();

    // Move: the form opens on its heading with the booking's time filled in; 14:15 instead.
    await page.getByRole('heading', { name: 'Booked meetings' }).focus();
    await tabTo(page, new RegExp(`^Move the meeting on ${when}$`), 10);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `Move the meeting on ${when}` }).waitFor();
    expect(await focused(page)).toBe(`H5 Move the meeting on ${when}`);
    expect(await page.getByLabel('New time (optional)').inputValue()).toBe('10:30');
    await tabTo(page, /^New time \(optional\)/, 5);
    await page.keyboard.type('0215PM');
    expect(await page.getByLabel('New time (optional)').inputValue()).toBe('14:15');
    await fitsAtBothWidths(portals, page, name, 'book-guidance-move');
    await tabTo(page, /^Move the meeting$/, 5);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Booking moved' }).waitFor({ timeout: 30_000 });
    await page.getByText(`${later} with Dana Whitfield`).waitFor({ timeout: 30_000 });

    // Cancel: a confirmation starting on "Keep it", then the booking is gone.
    await page.getByRole('heading', { name: 'Booked meetings' }).focus();
    await tabTo(page, new RegExp(`^Cancel booking on ${later}$`), 10);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Cancel this booked meeting?' });
    await dialog.waitFor();
    expect(await focused(page)).toBe('BUTTON Keep it');
    await portals.expectAccessible(page, 'book-guidance-cancel-confirm');
    await tabTo(page, /^Yes, cancel it$/, 5);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Booking cancelled' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByRole('heading', { name: 'Booked meetings' }).count(), { timeout: 30_000 }).toBe(0);
    await fitsAtBothWidths(portals, page, name, 'book-guidance-cancelled');
    await context.close();
  });
});
