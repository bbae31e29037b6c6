// Evaluating the careers programme with feedback in the browser (docs/domain-rules.md, "Evaluating the
// programme"): at 390 px a pupil rates yesterday's talk on My journey by keyboard (radio buttons with
// the arrow keys, then what they learned); the careers leader opens the parents', employers' and staff
// surveys on "Feedback" (the staff survey then waits for their own answer there);
// a parent answers it in their child's record and a volunteer who delivered at the school answers the
// employers' survey on "Schools' surveys"; the leader then sees the pupil's rating in the table and
// chart, what they learned, the survey's results, and closes it behind a confirmation. Every new page
// is axe-clean with nothing sideways at 1,366 and 390 px.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fitsAtBothWidths, startPortals, type Portals } from './browser.js';

let portals: Portals;

beforeAll(async () => {
  portals = await startPortals({ name: 'e2e-evaluation', shared: true });
});

afterAll(() => portals?.close());

const LEADER = 'leader@northfield.test';
const PUPIL = 'pupil@northfield.test';
const PARENT = 'parent@northfield.test';
const VOLUNTEER = 'employer@acme.test';
const RUN = randomBytes(3).toString('hex');
const TITLE = `Feedback test: hospital careers talk ${RUN}`;
const LEARNED = `Nurses can train through an apprenticeship ${RUN}`;

/** What the signed-in person gets back from the gateway (test set-up only). */
async function graphql<Data>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<Data> {
  return page.evaluate(async (body) => {
    const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const result = (await response.json()) as { data: Data; errors?: { message: string }[] };
    if (result.errors?.length) throw new Error(result.errors.map((error) => error.message).join('; '));
    return result.data;
  }, JSON.stringify({ query, variables }));
}

async function openFeedback(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Careers programme' }).getByRole('button', { name: 'Feedback' }).click();
  await page.getByRole('heading', { level: 1, name: 'Feedback' }).waitFor({ timeout: 30_000 });
}

describe('evaluating the programme', () => {
  it('a pupil rates an activity at 390 px by keyboard; parents and volunteers answer surveys; the leader sees the results', async () => {
    // Set-up: yesterday Maya went to a talk.
    const pupil = await portals.signIn(PUPIL);
    await pupil.page.getByRole('heading', { level: 1, name: 'My record' }).waitFor({ timeout: 30_000 });
    const { myPupilRecord } = await graphql<{ myPupilRecord: { id: string } }>(pupil.page, '{ myPupilRecord { id } }');
    const leader = await portals.signIn(LEADER);
    await leader.page.getByRole('navigation', { name: 'Careers programme' }).waitFor({ timeout: 30_000 });
    const created = await graphql<{ createEncounter: { error: { message: string } | null } }>(
      leader.page,
      'mutation ($input: CreateEncounterInput!) { createEncounter(input: $input) { encounter { id } error { message } } }',
      {
        input: {
          kind: 'EMPLOYER_TALK',
          title: TITLE,
          date: new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString(),
          hours: 1,
          inSchoolDay: true,
          benchmarks: [5],
          yearGroups: [10],
          register: [{ pupilId: myPupilRecord.id, attended: true }],
        },
      },
    );
    expect(created.createEncounter.error).toBeNull();

    // The pupil, on a phone: My journey, "Rate your activities".
    const { page } = pupil;
    await page.setViewportSize({ width: 390, height: 900 });
    await page.getByRole('navigation').getByRole('button', { name: 'My journey' }).click();
    await page.getByRole('heading', { level: 1, name: 'My journey' }).waitFor();
    const card = page
      .getByRole('region', { name: 'Rate your activities' })
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 3, name: TITLE }) });
    await card.waitFor({ timeout: 30_000 });
    // Saving with no choice: a clear error on the question.
    await card.getByRole('button', { name: `Save my rating for ${TITLE}` }).focus();
    await page.keyboard.press('Enter');
    await card.getByText('Choose how useful it was').waitFor();
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('radio');
    // Arrow keys move through the four answers: the first, then three on.
    await page.keyboard.press('Space');
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
    expect(await card.getByRole('radio', { name: 'Really useful', exact: true }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.type(LEARNED);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await card.getByText(/Thanks! You said “Really useful”/).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'horizontal scroll at 390px').toBeLessThanOrEqual(0);
    await portals.expectAccessible(page, 'evaluation-pupil-rated-390');
    await fitsAtBothWidths(portals, page, 'My journey', 'evaluation-my-journey');
    await pupil.context.close();

    // The leader opens the parents' and the employers' surveys by keyboard on "Feedback".
    await openFeedback(leader.page);
    await fitsAtBothWidths(portals, leader.page, 'Feedback', 'evaluation-feedback-before');
    const audience = leader.page.getByLabel('Who is it for?');
    for (const value of ['PARENTS', 'EMPLOYERS', 'STAFF']) {
      await audience.focus();
      await audience.selectOption(value);
      await leader.page.getByRole('button', { name: 'Open survey' }).focus();
      await leader.page.keyboard.press('Enter');
      await leader.page.getByRole('status').filter({ hasText: 'is open' }).waitFor();
    }
    const label = (await leader.page.getByRole('heading', { level: 3, name: /^Parents and carers: / }).textContent())!;

    // A parent answers it on their child's record.
    const parent = await portals.signIn(PARENT);
    await parent.page.getByRole('heading', { level: 2, name: 'Tell the school what you think' }).waitFor({ timeout: 30_000 });
    const form = parent.page.getByRole('form', { name: label });
    await form.getByRole('button', { name: 'Send answer' }).click();
    await parent.page.getByText('Choose an answer to question 1').first().waitFor();
    await form.getByRole('radio', { name: 'Quite well', exact: true }).first().check();
    await form.getByRole('group', { name: /^2\./ }).getByRole('radio', { name: 'Very well', exact: true }).check();
    await form.getByLabel(/^3\./).fill('More about apprenticeships, please');
    await form.getByRole('button', { name: 'Send answer' }).click();
    await parent.page.getByRole('heading', { name: `${label}: answered` }).waitFor();
    await fitsAtBothWidths(portals, parent.page, (await parent.page.getByRole('heading', { level: 1 }).textContent())!, 'evaluation-parent-answered');
    await parent.context.close();

    // A volunteer who delivered at the school answers the employers' survey.
    const volunteer = await portals.signIn(VOLUNTEER);
    await volunteer.page.getByRole('navigation', { name: 'Volunteering' }).getByRole('button', { name: "Schools' surveys" }).click({ timeout: 30_000 });
    await volunteer.page.getByRole('heading', { level: 1, name: "Schools' surveys" }).waitFor();
    await volunteer.page.getByRole('heading', { level: 2, name: /^Employers and volunteers: / }).waitFor({ timeout: 30_000 });
    await fitsAtBothWidths(portals, volunteer.page, "Schools' surveys", 'evaluation-volunteer-surveys');
    const volunteerForm = volunteer.page.getByRole('form', { name: /^Employers and volunteers: / });
    await volunteerForm.getByRole('group', { name: /^1\./ }).getByRole('radio', { name: 'Very well', exact: true }).check();
    await volunteerForm.getByRole('group', { name: /^2\./ }).getByRole('radio', { name: 'Quite well', exact: true }).check();
    await volunteerForm.getByRole('button', { name: 'Send answer' }).click();
    await volunteer.page.getByRole('heading', { name: /: answered$/ }).waitFor();
    await volunteer.context.close();

    // The leader sees the rating and the answers.
    await leader.page.reload();
    await leader.page.getByRole('heading', { level: 1, name: 'Feedback' }).waitFor({ timeout: 30_000 });
    // The leader is staff too: the staff survey they opened waits for their own answer at the top.
    await leader.page
      .getByRole('region', { name: 'Your answer to the staff survey' })
      .getByRole('form', { name: /^Staff: / })
      .waitFor({ timeout: 30_000 });
    const row = leader.page.getByRole('row').filter({ has: leader.page.getByRole('rowheader', { name: TITLE }) });
    await row.waitFor({ timeout: 30_000 });
    expect((await row.getByRole('cell').allTextContents()).slice(1)).toEqual(['0', '0', '0', '1', '1', '4']);
    await leader.page.getByText(LEARNED).waitFor();
    await leader.page
      .getByRole('figure')
      .filter({ hasText: `How useful pupils found “${TITLE}”` })
      .getByText('1 pupil')
      .waitFor();
    const survey = leader.page.getByRole('listitem').filter({ has: leader.page.getByRole('heading', { level: 3, name: label }) });
    await survey.getByText('1 answer ·').waitFor();
    await survey.getByText('More about apprenticeships, please').waitFor();
    await fitsAtBothWidths(portals, leader.page, 'Feedback', 'evaluation-feedback-results');

    // Closing asks first; then the survey says so.
    await survey.getByRole('button', { name: /^Close survey/ }).click();
    const dialog = leader.page.getByRole('dialog', { name: 'Close this survey?' });
    await dialog.waitFor();
    await portals.expectAccessible(leader.page, 'evaluation-close-dialog');
    await dialog.getByRole('button', { name: 'Yes, close it' }).click();
    await survey.getByText(/^Closed on /).waitFor();
    await leader.context.close();
  });
});
