// The careers leader's two main lists in the browser: the encounters list filtered by kind and by a
// range of days with the keyboard alone (a range that ends before it starts is explained first), its
// filters kept in the address, a guidance meeting's row naming its pupil; the pupils list showing
// each pupil's groups and downloading every page of the filtered list as CSV, read back here; both
// pages with no serious axe findings and no sideways scroll at 390 and 1,366 px.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { demoData } from '@waymark/demo-data';
import { academicYearOfDay, ENCOUNTER_KIND_KEYS, todayInEngland, VULNERABLE_GROUPS } from '@waymark/domain';
import { focusedName, openLeaderPage, startPortals, tabTo, type Portals } from './browser.js';

let portals: Portals;

beforeAll(async () => {
  portals = await startPortals({ name: 'e2e-leader-lists', shared: true });
});

afterAll(() => portals?.close());

const data = demoData();
const northfield = data.schools[0];
const maya = data.pupils.find((pupil) => pupil.legalForename === 'Maya' && pupil.legalSurname === 'Okafor')!;
const year10 = data.pupils.filter((pupil) => pupil.schoolId === northfield.id && pupil.yearGroup === 10 && !pupil.leftOn);
// Maya's guidance meeting is in November of this academic year; the Year 11 meetings are in October.
const autumn = academicYearOfDay(todayInEngland());

/** Types a day into a focused date field, in the order its segments take (month first in Chromium's default en-US). */
async function typeDay(page: Page, day: string): Promise<void> {
  const [year, month, date] = day.split('-');
  await page.keyboard.type(`${month}${date}${year}`);
}

async function expectFitsAndAccessible(page: Page, heading: string, name: string): Promise<void> {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `sideways scroll of ${name} at ${width}px`).toBeLessThanOrEqual(0);
    await portals.expectAccessible(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe("the careers leader's lists", () => {
  it('filters encounters by kind and days with the keyboard, keeps them in the address, and names the pupil of a guidance meeting', async () => {
    const { context, page } = await portals.signIn('leader@northfield.test');
    await page.getByText('Northfield Academy').first().waitFor({ timeout: 30_000 });
    await openLeaderPage(page, /^encounters$/i);
    await page.getByRole('heading', { level: 1, name: 'Encounters' }).waitFor();
    await page.getByText(/^Showing \d+ of \d+ encounters$/).waitFor({ timeout: 30_000 });
    await expectFitsAndAccessible(page, 'Encounters', 'leader-encounters');

    // Keyboard only: the kind, then a range that ends before it starts.
    await page.getByRole('heading', { level: 1, name: 'Encounters' }).focus();
    await tabTo(page, /^Kind$/);
    for (let i = 0; i <= ENCOUNTER_KIND_KEYS.indexOf('GUIDANCE_MEETING'); i += 1) await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel('Kind').inputValue()).toBe('GUIDANCE_MEETING');
    await tabTo(page, /^From$/);
    await typeDay(page, `${autumn}-11-30`);
    expect(await page.getByLabel('From').inputValue()).toBe(`${autumn}-11-30`);
    await tabTo(page, /^To/);
    await typeDay(page, `${autumn}-11-01`);
    expect(await page.getByLabel('To', { exact: true }).inputValue()).toBe(`${autumn}-11-01`);
    await tabTo(page, /^Show encounters$/);
    await page.keyboard.press('Enter');
    const summary = page.locator('.wm-error-summary');
    await summary.waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('wm-error-summary'))).toBe(true);
    await summary.getByRole('link', { name: /"to" date must be the same as or after/ }).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('to');
    await portals.expectAccessible(page, 'leader-encounters-error');

    // Put it right from the field the summary led to: the first of November to the last.
    await typeDay(page, `${autumn}-11-30`);
    await page.getByLabel('From').focus();
    await typeDay(page, `${autumn}-11-01`);
    expect(await page.getByLabel('From').inputValue()).toBe(`${autumn}-11-01`);
    expect(await page.getByLabel('To', { exact: true }).inputValue()).toBe(`${autumn}-11-30`);
    await tabTo(page, /^Show encounters$/);
    await page.keyboard.press('Enter');

    const rows = page.getByRole('table', { name: /encounters, newest first/i }).locator('tbody tr');
    const mayaMeeting = page.getByRole('link', { name: 'Personal guidance meeting with Maya Okafor' });
    // The filtered list has arrived when the count says "matching".
    await page.getByText(/^Showing \d+ of \d+ matching encounters$/).waitFor({ timeout: 30_000 });
    await mayaMeeting.waitFor();
    expect(await summary.count()).toBe(0);
    // Applying keeps focus where it was, on the button.
    expect(await focusedName(page)).toBe('Show encounters');
    expect(page.url()).toContain(`#/encounters?kind=GUIDANCE_MEETING&from=${autumn}-11-01&to=${autumn}-11-30`);
    const texts = await rows.allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).toMatch(/Personal guidance meeting with /);
    await page.getByText(new RegExp(`^Showing ${texts.length} of ${texts.length} matching encounters$`)).waitFor();

    // The Year 11 meetings of October each name their own pupil, so no two rows read the same.
    await page.goto(page.url().replace(/#.*$/, `#/encounters?kind=GUIDANCE_MEETING&from=${autumn}-10-01&to=${autumn}-10-31`));
    await page.reload();
    await page.getByText(/^Showing \d+ of \d+ matching encounters$/).waitFor({ timeout: 30_000 });
    const october = await rows.locator('th').allTextContents();
    expect(october.length).toBeGreaterThan(1);
    expect(new Set(october).size).toBe(october.length);
    // A reload kept the filters in the form too.
    expect(await page.getByLabel('Kind').inputValue()).toBe('GUIDANCE_MEETING');
    expect(await page.getByLabel('From').inputValue()).toBe(`${autumn}-10-01`);

    // Back returns to November's list.
    await page.goBack();
    await mayaMeeting.waitFor({ timeout: 30_000 });
    await expectFitsAndAccessible(page, 'Encounters', 'leader-encounters-filtered');
    await context.close();
  });

  it("shows each pupil's groups and downloads every pupil of the filtered list as CSV", async () => {
    const { context, page } = await portals.signIn('leader@northfield.test');
    await page.getByText('Northfield Academy').first().waitFor({ timeout: 30_000 });
    await openLeaderPage(page, /^pupils$/i);
    await page.getByRole('heading', { level: 1, name: 'Pupils' }).waitFor();
    await page.getByText(/^Showing \d+ of \d+ pupils$/).waitFor({ timeout: 30_000 });

    await page.getByLabel('Year group').selectOption('10');
    const total = year10.length;
    expect(total).toBeGreaterThan(0);
    await page.getByText(new RegExp(`^Showing \\d+ of ${total} pupils$`)).waitFor({ timeout: 30_000 });

    // A pupil in two or more groups shows each as a short tag in their row.
    const groupsOf = (pupil: (typeof year10)[number]) => VULNERABLE_GROUPS.filter((group) => pupil.flags[group.key]);
    const grouped = year10.find((pupil) => groupsOf(pupil).length >= 2 && !pupil.preferredName)!;
    const groupedName = `${grouped.legalForename} ${grouped.legalSurname}`;
    await page.getByLabel('Search by name or UPN').fill(grouped.upn);
    const groupedRow = page.getByRole('row', { name: new RegExp(groupedName) });
    await groupedRow.waitFor({ timeout: 30_000 });
    expect(await groupedRow.locator('.wm-tag').count()).toBe(groupsOf(grouped).length);
    await page.getByLabel('Search by name or UPN').fill('');
    await page.getByText(new RegExp(`^Showing \\d+ of ${total} pupils$`)).waitFor({ timeout: 30_000 });
    await expectFitsAndAccessible(page, 'Pupils', 'leader-pupils');

    const downloading: Promise<Download> = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download these pupils (CSV)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^pupils-year-10-\d{4}-\d{2}-\d{2}\.csv$/);
    await page.getByText(new RegExp(`^Downloaded pupils-year-10-.*\\.csv with ${total} pupils\\.$`)).waitFor();
    const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('Pupil,UPN,Year group,Tutor group,Vulnerable and target groups');
    expect(lines).toHaveLength(total + 1);
    for (const line of lines.slice(1)) expect(line.split(',')[2]).toBe('10');
    expect(lines.find((line) => line.startsWith('Maya Okafor,'))).toContain(maya.upn);
    const groupedLine = lines.find((line) => line.startsWith(`${groupedName},${grouped.upn},`))!;
    for (const group of groupsOf(grouped)) expect(groupedLine).toContain(group.label);
    await expectFitsAndAccessible(page, 'Pupils', 'leader-pupils-downloaded');
    await context.close();
  });
});
