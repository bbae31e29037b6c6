// Encounters and the benchmark engine in the browser: a careers leader records a meaningful
// workplace visit with its register, the pupil reflects on it, and the school's dashboard and the pupil's
// progress both move; the gap list downloads as CSV; pupils' own activities are verified and declined; a
// guidance meeting's actions reach the pupil; the trust sees its schools. Written against
// docs/benchmarks-contract.md, through the real stack.
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { openLeaderPage, startPortals, type Portals } from './browser.js';
import { todayInEngland } from '@waymark/domain';

let portals: Portals;

beforeAll(async () => {
  portals = await startPortals({ name: 'e2e-benchmarks', shared: true });
});

afterAll(() => portals?.close());

const signIn = (email: string): Promise<{ context: BrowserContext; page: Page }> => portals.signIn(email);
const expectAccessible = (page: Page, name: string) => portals.expectAccessible(page, name);

const LEADER = 'leader@northfield.test';
const PUPIL = 'pupil@northfield.test';
const PARENT = 'parent@northfield.test';
const tag = randomBytes(3).toString('hex');
const visitTitle = `Hospital estates visit ${tag}`;
const catchUpTitle = `Catch-up employer talk ${tag}`;
const B6_TABLE = 'Benchmark 6: two workplace experiences by 16, by year group';
const B6_PUPIL_LABEL = 'Two visits to a workplace by age 16';

async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

async function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent ?? ''}`);
}

/** Yesterday as YYYY-MM-DD: an encounter that has happened, so it counts today. */
function yesterday(): string {
  const day = new Date(Date.now() - 24 * 60 * 60 * 1000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** Met, in progress and not met for one year group, read from the table behind a measure's chart. */
async function dashboardRow(page: Page, tableCaption: string, yearLabel: string): Promise<{ met: number; inProgress: number; notMet: number }> {
  const table = page.locator('table', { has: page.locator('caption', { hasText: tableCaption }) });
  await table.waitFor({ state: 'attached', timeout: 60_000 });
  const row = table.locator('tbody tr', { has: page.locator('th', { hasText: new RegExp(`^${yearLabel}$`) }) });
  const cells = await row.locator('td').allTextContents();
  const number = (text: string) => Number(text.replace(/\(.*\)/, '').replace(/[^\d]/g, ''));
  // Pupils counted, Met, In progress, Not met, Details
  return { met: number(cells[1]), inProgress: number(cells[2]), notMet: number(cells[3]) };
}

/** The pupil's card for a measure on My progress. */
function measureCard(page: Page, label: string): Locator {
  return page.locator('li', { has: page.getByRole('heading', { level: 3, name: label, exact: true }) });
}

async function openMyProgress(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'My record' }).waitFor({ timeout: 30_000 });
  await page.getByRole('navigation', { name: 'Your careers record' }).getByRole('button', { name: 'My progress' }).click();
  await page.getByRole('heading', { level: 1, name: 'My progress' }).waitFor({ timeout: 30_000 });
  await page.getByRole('heading', { level: 2, name: 'Your Gatsby Benchmarks' }).waitFor({ timeout: 60_000 });
}

/** What the signed-in person gets back from the gateway for a query (test set-up only). */
async function graphql<Data>(page: Page, query: string): Promise<Data> {
  return page.evaluate(async (body) => {
    const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return ((await response.json()) as { data: Data }).data;
  }, JSON.stringify({ query }));
}

let mayaId = '';

describe('a leader records a meaningful encounter and the benchmarks move', () => {
  let before: { met: number; inProgress: number; notMet: number };
  let mayaBefore = '';

  it('shows the dashboard as the landing page, accessible, with every measure and a table behind each chart', async () => {
    const { context, page } = await signIn(LEADER);
    await page.getByRole('heading', { level: 1, name: 'Gatsby benchmarks' }).waitFor({ timeout: 30_000 });
    await page.getByText('Northfield Academy').first().waitFor({ timeout: 60_000 });
    await page.getByRole('table', { name: /share of pupils who have met each measure, by year group/i }).waitFor({ timeout: 60_000 });
    // One measure in detail at a time: the matrix's measure names open it, and focus goes to it.
    await page.getByRole('button', { name: /^Benchmark 6: two workplace experiences by 16\s*\(show in detail\)$/ }).click();
    await expect.poll(() => focusedText(page)).toBe('H2 One measure in detail');
    expect(await page.getByLabel('Measure', { exact: true }).inputValue()).toBe('B6_BY_16');
    before = await dashboardRow(page, B6_TABLE, 'Year 10');
    expect(before.met + before.inProgress + before.notMet).toBeGreaterThan(0);
    // The page is one chart per view, not one per measure.
    expect(await page.getByRole('figure').count()).toBe(2);
    await expectAccessible(page, 'benchmarks-dashboard');

    // The filters are kept in the address; narrowing to a year keeps focus where it is.
    await page.getByLabel('Year group', { exact: true }).selectOption('10');
    await expect.poll(() => page.evaluate(() => window.location.hash), { timeout: 30_000 }).toContain('year=10');
    await page
      .getByRole('status')
      .filter({ hasText: /Showing Year 10, all pupils/ })
      .waitFor({ timeout: 60_000 });
    await page.getByLabel('Vulnerable or target group').selectOption('DISADVANTAGED');
    await page
      .getByRole('status')
      .filter({ hasText: /Year 10, Disadvantaged/ })
      .waitFor({ timeout: 60_000 });
    await page.getByRole('heading', { level: 3, name: 'By vulnerable group' }).waitFor();
    // The school's own staff see vulnerable groups exactly.
    expect(await page.getByText(/rounded to the nearest 5/).count()).toBe(0);
    await expectAccessible(page, 'benchmarks-dashboard-filtered');

    // On a phone the wide tables scroll inside their own boxes: the page itself never scrolls sideways.
    await page.setViewportSize({ width: 390, height: 900 });
    await page.getByRole('table', { name: /share of pupils who have met each measure, by year group/i }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'benchmarks-dashboard-390');
    await context.close();
  });

  it('shows the pupil their progress, with the measures, work experience and the rest of My progress', async () => {
    const { context, page } = await signIn(PUPIL);
    await openMyProgress(page);
    // Focus moved to the new page's heading.
    await expect.poll(() => focusedText(page)).toBe('H1 My progress');
    const card = measureCard(page, B6_PUPIL_LABEL);
    await card.waitFor({ timeout: 30_000 });
    mayaBefore = await textOf(card.locator('.wm-tag').first());
    expect(mayaBefore).not.toBe('Done');
    // Plain words first, the official name beside them, and what to do next while it is not done.
    expect(await textOf(card)).toContain('Official name: Benchmark 6, Two workplace experiences by 16');
    expect(await textOf(card)).toContain('Your next step: Ask your careers leader about workplace visits or work experience');
    for (const section of ['Work experience', 'Coming up', 'Things you agreed to do', 'Your reflections', 'Activities you have added', 'Your interests']) {
      await page.getByRole('heading', { level: 2, name: section }).waitFor();
    }
    await page.getByRole('progressbar', { name: 'Work experience so far' }).waitFor();
    await expectAccessible(page, 'benchmarks-my-progress');
    await context.close();
  });

  it('records a workplace visit with the checklist and a register, then runs the register', async () => {
    const { context, page } = await signIn(LEADER);
    await page.getByRole('heading', { level: 1, name: 'Gatsby benchmarks' }).waitFor({ timeout: 30_000 });
    await openLeaderPage(page, /^record an encounter$/i);
    await page.getByRole('heading', { level: 1, name: 'Record an encounter' }).waitFor();
    await expect.poll(() => focusedText(page)).toBe('H1 Record an encounter');

    // The checklist follows the kind: four items for a talk, eight for a workplace visit.
    await page.getByLabel('Kind of encounter').selectOption('EMPLOYER_TALK');
    await expect.poll(() => page.locator('input[name="checklist"]').count()).toBe(4);
    await page.getByLabel('Kind of encounter').selectOption('WORKPLACE_VISIT');
    await expect.poll(() => page.locator('input[name="checklist"]').count()).toBe(8);
    expect(await page.getByRole('checkbox', { name: /^Benchmark 6:/ }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: /^Benchmark 5:/ }).isChecked()).toBe(false);

    await page.getByLabel('Title', { exact: true }).fill(visitTitle);
    await page.getByLabel('Date', { exact: true }).fill(yesterday());
    await page.getByLabel('Start time (optional)').fill('09:30');
    await page.getByLabel('Finish time (optional)').fill('12:00');
    await page.getByLabel('Length in hours').fill('2.5');
    await page.getByLabel('Hashtags (optional)').fill('#NHS, estates');
    for (const box of await page.locator('input[name="checklist"]').all()) await box.check();
    await page.getByText('All 8 items ticked').waitFor();
    await page.getByRole('checkbox', { name: 'Year 10', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Maya Okafor attended' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Mark all absent' }).click();
    await page.getByRole('checkbox', { name: 'Maya Okafor attended' }).check();
    await page.getByText(/^1 of \d+ pupils marked as attended\.$/).waitFor();
    await expectAccessible(page, 'benchmarks-record-encounter');
    await page.getByRole('button', { name: 'Record encounter' }).click();

    // The new encounter's own page.
    await page.getByRole('heading', { level: 1, name: visitTitle }).waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { name: 'Encounter recorded' }).waitFor();
    await page.getByText('Every point is met.').waitFor();
    const attendance = page.getByText(/^\d+ of \d+ pupils attended\./);
    await attendance.waitFor({ timeout: 30_000 });
    const invited = Number((await textOf(attendance)).match(/^1 of (\d+) pupils/)?.[1]);
    expect(invited).toBeGreaterThan(1);
    const mayaRow = page.locator('tbody tr', { has: page.getByRole('link', { name: 'Maya Okafor' }) });
    expect(await textOf(mayaRow)).toContain('Not yet: no reflection recorded');
    // The record's address is #/pupils/<id>, with ?from= naming the register it was opened from.
    const mayaHref = (await mayaRow.getByRole('link', { name: 'Maya Okafor' }).getAttribute('href')) ?? '';
    mayaId = decodeURIComponent(mayaHref.split('?')[0].split('/').pop() ?? '');
    expect(mayaId).not.toBe('');
    await expectAccessible(page, 'benchmarks-encounter-page');

    // In bulk: everyone absent, then Maya back one by one.
    await page.getByRole('checkbox', { name: `Select all ${invited} pupils` }).check();
    await page.getByText(`${invited} selected`).waitFor();
    await page.getByRole('button', { name: 'Mark selected as absent' }).click();
    await page.getByText(`${invited} pupils marked as absent.`).waitFor({ timeout: 30_000 });
    await page.getByText(`0 of ${invited} pupils attended.`).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: /^Mark attended\s*\(Maya Okafor\)$/ }).click();
    await page.getByText(`1 of ${invited} pupils attended.`).waitFor({ timeout: 30_000 });

    // Inviting a tutor group from Year 11 adds its pupils, not attended.
    await page.getByLabel('Tutor groups').fill('11n1');
    await page.getByRole('button', { name: 'Invite pupils' }).click();
    await page.getByText(/pupils? (was|were) added to the register/).waitFor({ timeout: 30_000 });
    await expect
      .poll(async () => Number((await textOf(page.getByText(/^\d+ of \d+ pupils attended\./))).match(/of (\d+)/)?.[1]), { timeout: 30_000 })
      .toBeGreaterThan(invited);

    // A register file with a bad row is refused whole, with the row named.
    const { pupil } = await graphql<{ pupil: { upn: string } }>(page, `{ pupil(id: ${JSON.stringify(mayaId)}) { upn } }`);
    const file = page.getByLabel('Register CSV file');
    await file.setInputFiles({ name: 'register.csv', mimeType: 'text/csv', buffer: Buffer.from(`UPN,Attended\r\n${pupil.upn},yes\r\nNOT-A-UPN,yes\r\n`) });
    await page.getByRole('button', { name: 'Import register' }).click();
    await page.getByRole('heading', { name: 'The register was not imported' }).waitFor({ timeout: 30_000 });
    const problems = page.getByRole('table', { name: 'Problems found in the file' });
    await problems.getByRole('rowheader', { name: '3' }).waitFor();
    await page.getByText(/nothing was saved/i).waitFor();
    await expectAccessible(page, 'benchmarks-register-import-rejected');
    await file.setInputFiles({ name: 'register.csv', mimeType: 'text/csv', buffer: Buffer.from(`UPN,Attended\r\n${pupil.upn},yes\r\n`) });
    await page.getByRole('button', { name: 'Import register' }).click();
    await page.getByRole('heading', { name: 'Register imported' }).waitFor({ timeout: 30_000 });
    await page.getByText(/^1 of \d+ pupils attended\./).waitFor();

    // Editing keeps the checklist and changes what was asked.
    await page.getByRole('link', { name: 'Edit encounter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit encounter' }).waitFor();
    await expect.poll(() => page.getByLabel('Title', { exact: true }).inputValue(), { timeout: 30_000 }).toBe(visitTitle);
    expect(await page.getByLabel('Hashtags (optional)').inputValue()).toBe('#nhs #estates');
    expect(await page.locator('input[name="checklist"]:checked').count()).toBe(8);
    await expectAccessible(page, 'benchmarks-edit-encounter');
    await page.getByLabel('Hashtags (optional)').fill('#nhs #estates #health');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: 'Changes saved' }).waitFor({ timeout: 30_000 });
    await page.getByText('#nhs #estates #health').waitFor();
    await context.close();
  });

  it('lets the pupil reflect, after which the visit counts for them and on the dashboard', async () => {
    const pupilSession = await signIn(PUPIL);
    const pupilPage = pupilSession.page;
    await openMyProgress(pupilPage);
    // Before the reflection the visit is listed as not counting, with the reason.
    const card = measureCard(pupilPage, B6_PUPIL_LABEL);
    await card.getByText(visitTitle).first().waitFor({ state: 'attached', timeout: 30_000 });
    expect(await textOf(card)).toMatch(/no reflection yet/i);

    const reflection = pupilPage.getByRole('form', { name: `Reflection on ${visitTitle}` });
    await reflection
      .getByLabel(`Your reflection on “${visitTitle}”`)
      .fill('I did not know how many jobs keep a hospital running. I want to look at engineering apprenticeships.');
    await reflection.getByRole('button', { name: 'Save reflection' }).click();
    await pupilPage.getByRole('heading', { level: 3, name: /Reflections you have written/ }).waitFor({ timeout: 30_000 });
    await expect.poll(async () => textOf(measureCard(pupilPage, B6_PUPIL_LABEL).locator('.wm-tag').first()), { timeout: 30_000 }).not.toBe(mayaBefore);
    const after = await textOf(measureCard(pupilPage, B6_PUPIL_LABEL).locator('.wm-tag').first());
    expect(['Part-way there', 'Done']).toContain(after);
    await expectAccessible(pupilPage, 'benchmarks-my-progress-reflected');
    await pupilSession.context.close();

    // The leader sees Maya's reflection on the register, and the dashboard has moved by one pupil.
    const { context, page } = await signIn(LEADER);
    await page.getByRole('heading', { level: 1, name: 'Gatsby benchmarks' }).waitFor({ timeout: 30_000 });
    await page.getByLabel('Measure', { exact: true }).selectOption('B6_BY_16');
    const now = await dashboardRow(page, B6_TABLE, 'Year 10');
    expect(now.notMet + now.inProgress).toBe(before.notMet + before.inProgress - (after === 'Done' ? 1 : 0));
    if (mayaBefore === 'Not yet') expect(now.notMet).toBe(before.notMet - 1);
    else expect(now.met).toBe(before.met + 1);

    // The drill-down: Year 10's pupils missing out on B6 by 16, downloadable as CSV.
    await page
      .getByRole('figure', { name: /B6 by 16: met and in progress by year group/ })
      .getByRole('link', { name: /^Year 10\s*\(see the pupils missing out\)$/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Pupils missing out' }).waitFor();
    await expect.poll(() => focusedText(page)).toBe('H1 Pupils missing out');
    await page.getByRole('table', { name: /Pupils missing out: B6 by 16/ }).waitFor({ timeout: 60_000 });
    const total = Number((await textOf(page.getByText(/^Showing \d+ of \d+ pupils\.$/))).match(/of (\d+)/)?.[1]);
    expect(total).toBe(now.notMet + now.inProgress);
    await expectAccessible(page, 'benchmarks-gap-list');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^gaps-b6-by-16-year-10-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = readFileSync(await download.path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Pupil,UPN,Year group,Tutor group,State,Detail');
    expect(lines).toHaveLength(total + 1);
    if (after === 'Part-way there') expect(lines.find((line) => line.startsWith('Maya Okafor,'))).toMatch(/,In progress,1 of 2 /);
    await page.getByText(`Downloaded gaps-b6-by-16-year-10-`).waitFor();

    // A pupil's record opened from the list leads back to the list, by keyboard.
    const firstOnList = await textOf(
      page
        .getByRole('table', { name: /Pupils missing out: B6 by 16/ })
        .locator('tbody tr th')
        .first(),
    );
    await page
      .getByRole('table', { name: /Pupils missing out: B6 by 16/ })
      .getByRole('link', { name: firstOnList, exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: firstOnList, exact: true }).waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: 'Back to the gap list' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Pupils missing out' }).waitFor();
    await page.getByRole('table', { name: /Pupils missing out: B6 by 16/ }).waitFor({ timeout: 60_000 });

    // From the list to action: record a new encounter for everyone on it (Year 13's register, so the
    // Year 10 pupils on it come only from the invitation).
    await page.getByRole('button', { name: 'Record a new encounter for them' }).click();
    await page.getByRole('heading', { level: 1, name: 'Record an encounter' }).waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { name: `${total} ${total === 1 ? 'pupil' : 'pupils'} to invite` }).waitFor();
    await page.getByLabel('Kind of encounter').selectOption('EMPLOYER_TALK');
    await page.getByLabel('Title', { exact: true }).fill(catchUpTitle);
    await page.getByLabel('Date', { exact: true }).fill(yesterday());
    await page.getByLabel('Length in hours').fill('1');
    await page.getByRole('checkbox', { name: 'Year 13', exact: true }).check();
    await page.getByRole('button', { name: 'Mark all absent' }).click();
    await page.getByRole('button', { name: 'Record encounter' }).click();
    await page.getByRole('heading', { level: 1, name: catchUpTitle }).waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: firstOnList }).first().waitFor({ timeout: 30_000 });
    const onRegister = Number((await textOf(page.getByText(/^\d+ of \d+ pupils attended\./))).match(/of (\d+)/)?.[1]);
    expect(onRegister).toBeGreaterThanOrEqual(total);

    // The encounter's register shows the reflection and that it now counts.
    await openLeaderPage(page, /^encounters$/i);
    await page.getByRole('link', { name: visitTitle }).click();
    const mayaRow = page.locator('tbody tr', { has: page.getByRole('link', { name: 'Maya Okafor' }) });
    await mayaRow.getByText('I did not know how many jobs').waitFor({ timeout: 30_000 });
    expect(await textOf(mayaRow)).toContain('Yes');
    await context.close();
  });

  it("records the group's reflection time on the visit's page, once for everyone who attended", async () => {
    const { context, page } = await signIn(LEADER);
    await page.getByRole('heading', { level: 1, name: 'Gatsby benchmarks' }).waitFor({ timeout: 30_000 });
    await openLeaderPage(page, /^encounters$/i);
    await page.getByRole('link', { name: visitTitle }).first().click();
    await page.getByRole('heading', { level: 1, name: visitTitle }).waitFor({ timeout: 30_000 });
    const mayaRow = page.locator('tbody tr', { has: page.getByRole('link', { name: 'Maya Okafor' }) });
    // Reflection time for the group: offered for the one pupil who attended, then recorded.
    const reflectionTime = page.getByRole('form', { name: 'Record reflection time' });
    await page.getByText('1 of 1 pupils who attended have no reflection time recorded yet.').waitFor();
    await reflectionTime.getByLabel('Day of the reflection time').fill(yesterday().replace(/\d{4}/, '2001'));
    await reflectionTime.getByRole('button', { name: 'Record reflection time for everyone who attended' }).click();
    await page.getByRole('link', { name: 'The reflection time must be on or after the day of the activity' }).waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('wm-error-summary');
    await reflectionTime.getByLabel('Day of the reflection time').fill(todayInEngland());
    await reflectionTime.getByRole('button', { name: 'Record reflection time for everyone who attended' }).click();
    await page.getByText('Recorded for 1 pupil.').waitFor({ timeout: 30_000 });
    await page.getByText('Reflection time is recorded for everyone who attended.').waitFor();
    await expect.poll(async () => textOf(mayaRow), { timeout: 30_000 }).toContain('Reflection time with the group');
    await expectAccessible(page, 'benchmarks-group-reflection');

    // Maya's own words stay her voice on the register; the visit already counted for her.
    expect(await textOf(mayaRow)).toContain('I did not know how many jobs keep a hospital running.');
    await context.close();
  });

  it('records, by keyboard, that a sixth-former was offered a college taster and chose not to go', async () => {
    const { context, page } = await signIn(LEADER);
    await page.getByRole('heading', { level: 1, name: 'Gatsby benchmarks' }).waitFor({ timeout: 30_000 });
    await openLeaderPage(page, /^record an encounter$/i);
    await page.getByRole('heading', { level: 1, name: 'Record an encounter' }).waitFor();
    const title = `College taster ${tag}`;
    await page.getByLabel('Kind of encounter').selectOption('FE_COLLEGE_ENCOUNTER');
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByLabel('Date', { exact: true }).fill(yesterday());
    await page.getByLabel('Length in hours').fill('1');
    await page.getByRole('checkbox', { name: 'Year 12', exact: true }).check();
    await page.getByRole('button', { name: 'Mark all absent' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Mark all absent' }).click();
    await page.getByRole('button', { name: 'Record encounter' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: 30_000 });
    await page.getByText(/^0 of \d+ pupils attended\./).waitFor({ timeout: 30_000 });

    // The first sixth-former on the register said no: one button, reached and pressed by keyboard.
    const firstRow = page.locator('tbody tr').first();
    const name = await textOf(firstRow.locator('th'));
    const declined = page.getByRole('button', { name: new RegExp(`^Chose not to go\\s*\\(${name}\\)$`) });
    await declined.focus();
    await page.keyboard.press('Enter');
    await page.getByText(`${name} marked as having chosen not to go.`).waitFor({ timeout: 30_000 });
    await page.getByText(/^0 of \d+ pupils attended and 1 chose not to go\./).waitFor({ timeout: 30_000 });
    expect(await textOf(firstRow)).toContain('No: chose not to go');
    await expectAccessible(page, 'benchmarks-register-declined');
    // Going after all clears it.
    await firstRow.getByRole('button', { name: new RegExp(`^Mark attended\\s*\\(${name}\\)$`) }).click();
    await page.getByText(/^1 of \d+ pupils attended\./).waitFor({ timeout: 30_000 });
    await context.close();
  });
});

describe("pupils' own activities and personal guidance", () => {
  const job = `Saturday job at the bakery ${tag}`;
  const openDay = `Open day at a university ${tag}`;
  const action = `Book a place at the college open evening ${tag}`;

  it('a pupil adds activities; the school verifies one and declines the other with a reason the pupil sees', async () => {
    const pupilSession = await signIn(PUPIL);
    let page = pupilSession.page;
    await openMyProgress(page);
    const form = page.getByRole('form', { name: 'Add an activity' });
    // Sending it empty names every problem.
    await form.getByRole('button', { name: 'Send to school to check' }).click();
    await page.getByRole('link', { name: 'Choose what kind of activity it was' }).waitFor();
    await form.getByLabel('What kind of activity was it?').selectOption('PART_TIME_JOB');
    await form.getByLabel('What was it?').fill(job);
    await form.getByLabel('When did it start?').fill(yesterday());
    await form.getByLabel('How many hours in total?').fill('6');
    await form.getByRole('button', { name: 'Send to school to check' }).click();
    await page.getByRole('heading', { name: 'Activity sent to school' }).waitFor({ timeout: 30_000 });
    await form.getByLabel('What kind of activity was it?').selectOption('UNIVERSITY_OPEN_DAY');
    await form.getByLabel('What was it?').fill(openDay);
    await form.getByLabel('When did it start?').fill(yesterday());
    await form.getByLabel('How many hours in total?').fill('4');
    await form.getByRole('button', { name: 'Send to school to check' }).click();
    const added = page.getByRole('table', { name: 'Activities you have added' });
    await added.getByRole('rowheader', { name: openDay }).waitFor({ timeout: 30_000 });
    expect(await textOf(added.locator('tr', { hasText: job }))).toContain('Waiting for school to check');
    await pupilSession.context.close();

    const leader = await signIn(LEADER);
    page = leader.page;
    await page.getByRole('heading', { level: 1, name: 'Gatsby benchmarks' }).waitFor({ timeout: 30_000 });
    await openLeaderPage(page, /^activities to verify$/i);
    await page.getByRole('heading', { level: 1, name: 'Activities to verify' }).waitFor();
    await page.getByRole('heading', { level: 3, name: job }).waitFor({ timeout: 30_000 });
    await expectAccessible(page, 'benchmarks-verify-activities');
    await page.getByRole('button', { name: `Verify “${job}”` }).click();
    await page.getByText(`“${job}” for Maya Okafor is verified and now counts.`).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: `Decline “${openDay}”` }).click();
    await page.getByRole('button', { name: 'Decline activity' }).click();
    await page.getByText('Enter a reason: the pupil will see it').first().waitFor();
    await page.getByLabel('Why are you declining it?').fill('Please bring in the confirmation email from the university.');
    await page.getByRole('button', { name: 'Decline activity' }).click();
    await page.getByText(`“${openDay}” for Maya Okafor is declined. They can see your reason.`).waitFor({ timeout: 30_000 });
    await page.getByLabel('Show').selectOption('VERIFIED');
    await page.getByRole('heading', { level: 3, name: job }).waitFor({ timeout: 30_000 });
    await leader.context.close();

    const again = await signIn(PUPIL);
    page = again.page;
    await openMyProgress(page);
    const table = page.getByRole('table', { name: 'Activities you have added' });
    await table.getByRole('rowheader', { name: job }).waitFor({ timeout: 30_000 });
    expect(await textOf(table.locator('tr', { hasText: job }))).toContain('Checked by school: it counts');
    expect(await textOf(table.locator('tr', { hasText: openDay }))).toContain('Why: Please bring in the confirmation email from the university.');
    await again.context.close();
  });

  it("a leader records a guidance meeting from the pupil's page, and the pupil ticks off the agreed action", async () => {
    const leader = await signIn(LEADER);
    let page = leader.page;
    await page.getByRole('heading', { level: 1, name: 'Gatsby benchmarks' }).waitFor({ timeout: 30_000 });
    await page.goto(`${portals.stack.url}/careers#/pupils/${encodeURIComponent(mayaId)}`);
    await page.getByRole('heading', { level: 1, name: 'Maya Okafor' }).waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { level: 2, name: 'Gatsby benchmarks' }).waitFor({ timeout: 60_000 });
    await page.getByRole('heading', { level: 2, name: 'Personal guidance' }).waitFor();
    await page.getByRole('button', { name: 'Record a guidance meeting' }).click();
    await expect.poll(() => focusedText(page)).toMatch(/^INPUT/);
    await page.getByRole('button', { name: 'Save guidance meeting' }).click();
    await page.getByRole('link', { name: "Enter the adviser's name" }).waitFor();
    await page.getByLabel("Adviser's name").fill('Sam Lee');
    await page.getByLabel("Adviser's qualification level").fill('6');
    await page.getByLabel('Notes (optional)').fill('Keen on nursing; unsure about A levels.');
    await page.getByLabel('Action 1', { exact: true }).fill(action);
    await expectAccessible(page, 'benchmarks-guidance-form');
    await page.getByRole('button', { name: 'Save guidance meeting' }).click();
    await page.getByRole('heading', { name: 'Guidance meeting recorded' }).waitFor({ timeout: 30_000 });
    await page.getByText('Keen on nursing; unsure about A levels.').waitFor();
    await page.getByText('Counts towards Benchmark 8.').first().waitFor();
    await expectAccessible(page, 'benchmarks-pupil-page');
    await leader.context.close();

    const pupil = await signIn(PUPIL);
    page = pupil.page;
    await openMyProgress(page);
    const box = page.getByRole('checkbox', { name: new RegExp(action) });
    await box.waitFor({ timeout: 30_000 });
    expect(await box.isChecked()).toBe(false);
    // Staff-only notes never reach the pupil.
    expect(await page.getByText('Keen on nursing').count()).toBe(0);
    await box.check();
    await expect.poll(() => page.getByRole('checkbox', { name: new RegExp(action) }).isChecked(), { timeout: 30_000 }).toBe(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'My progress' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByRole('checkbox', { name: new RegExp(action) }).isChecked(), { timeout: 30_000 }).toBe(true);
    await pupil.context.close();

    // Maya's mother reads her progress and the action, done, but never the adviser's notes.
    const parent = await signIn(PARENT);
    page = parent.page;
    await page.getByRole('heading', { level: 1, name: /Maya .*'s record/ }).waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { level: 2, name: "Maya's Gatsby Benchmarks" }).waitFor({ timeout: 60_000 });
    await page.getByRole('heading', { level: 2, name: 'Things Maya agreed to do' }).waitFor();
    // (Maya's journey, further down, lists the action too.)
    await page
      .getByRole('region', { name: 'Things Maya agreed to do' })
      .getByRole('listitem')
      .filter({ hasText: action })
      .filter({ hasText: 'Done' })
      .waitFor({ timeout: 30_000 });
    expect(await page.getByText('Keen on nursing').count()).toBe(0);
    await expectAccessible(page, 'benchmarks-parent-progress');
    await parent.context.close();
  });
});

describe('a trust analyst', () => {
  it("compares the trust's schools and opens one school's dashboard", async () => {
    const { context, page } = await signIn('trust@waymark-trust.test');
    await page.getByRole('heading', { level: 1, name: 'Trust benchmarks' }).waitFor({ timeout: 30_000 });
    const glance = page.getByRole('table', { name: /share of pupils who have met each measure, by school/i });
    await glance.waitFor({ timeout: 60_000 });
    await glance.getByRole('link', { name: 'Southbank School' }).waitFor();
    await glance.getByRole('rowheader', { name: 'Whole trust' }).waitFor();
    // Ordered by any measure (the whole trust stays last), kept in view while it scrolls, and downloadable.
    await page.getByLabel('Order the schools by').selectOption('B5_EMPLOYERS');
    await page.getByText(/^Highest share met on B5/).waitFor();
    const order = await glance.locator('tbody th').allTextContents();
    expect(order[order.length - 1]).toBe('Whole trust');
    await page.getByRole('figure', { name: /B5 employers: met and in progress by school/ }).waitFor();
    expect(
      await glance
        .locator('tbody th')
        .first()
        .evaluate((cell) => getComputedStyle(cell).position),
    ).toBe('sticky');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download these figures (CSV)' }).click()]);
    const csvLines = readFileSync(await csv.path(), 'utf8')
      .trim()
      .split('\r\n');
    expect(csvLines[0]).toMatch(/^School,Pupils,.*B5 employers met %/);
    expect(csvLines.map((csvLine) => csvLine.split(',')[0])).toEqual(['School', ...order]);
    await expectAccessible(page, 'benchmarks-trust-dashboard');

    await glance.getByRole('link', { name: 'Northfield Academy' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gatsby benchmarks' }).waitFor();
    await page.getByText('Northfield Academy').first().waitFor({ timeout: 60_000 });
    await page.getByRole('table', { name: /share of pupils who have met each measure, by year group/i }).waitFor({ timeout: 60_000 });
    // The demo analyst has no pupil-level access: figures, but no lists of pupils behind them.
    await page.getByText(/need pupil-level access/).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('link', { name: /see the pupils missing out/ }).count()).toBe(0);
    // …and vulnerable-group figures rounded to the nearest 5, said so on the page.
    await page.getByText(/Figures for vulnerable groups are rounded to the nearest 5/).waitFor({ timeout: 30_000 });
    await expectAccessible(page, 'benchmarks-trust-school');
    await page.getByRole('link', { name: "Back to the trust's benchmarks" }).click();
    await page.getByRole('heading', { level: 1, name: 'Trust benchmarks' }).waitFor();
    await context.close();
  });
});

describe('an employer volunteer', () => {
  it('sees the encounters they took part in with counts only', async () => {
    const { context, page } = await signIn('employer@acme.test');
    const table = page.getByRole('table', { name: 'Your encounters, newest first' });
    await table.waitFor({ timeout: 30_000 });
    const headers = (await table.locator('thead th').allTextContents()).map((text) => text.trim());
    expect(headers).toEqual(['Date', 'Encounter', 'Kind', 'School', 'Pupils invited', 'Pupils attended', 'Feedback']);
    expect(await page.getByText('Maya Okafor').count()).toBe(0);
    await context.close();
  });
});
