// Feedback both ways after an engagement, in the browser (docs/domain-rules.md, "Feedback after an
// engagement"): a volunteer opens a workplace visit they delivered from "My volunteering", is told
// plainly what is missing, then gives feedback on the group, on how the school organised it and on
// the one pupil who attended (known to them by first name and year group only); the careers leader
// reads it on the encounter's page and thanks them; the volunteer sees the thanks (never the rating)
// on their impact page; the pupil reads their feedback in My journey on a phone. Every page is
// axe-clean with nothing sideways at 1,366 and 390 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoData } from '@waymark/demo-data';
import { fitsAtBothWidths, startPortals, tabTo, type Portals } from './browser.js';

let portals: Portals;

beforeAll(async () => {
  portals = await startPortals({ name: 'e2e-engagement-feedback', shared: true });
});

afterAll(() => portals?.close());

const data = demoData();
const northfield = data.schools[0];
const sam = data.volunteers[0];
const maya = data.pupils.find((p) => p.legalForename === 'Maya' && p.legalSurname === 'Okafor')!;
const TITLE = 'Browser test: a morning at Acme labs';

async function typeInto(page: Page, label: string, text: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.focus();
  await field.fill('');
  await page.keyboard.type(text);
}

async function pressEnterOn(page: Page, button: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).focus();
  await page.keyboard.press('Enter');
}

describe('feedback after an engagement', () => {
  it('the volunteer gives feedback, the leader thanks them, and the pupil reads theirs', async () => {
    // The leader records a workplace visit yesterday that Sam delivered and Maya attended.
    const { context: leaderContext, page: leader } = await portals.signIn('leader@northfield.test');
    await leader.getByRole('navigation', { name: 'Careers programme' }).waitFor({ timeout: 30_000 });
    const response = await leaderContext.request.post(`${portals.stack.url}/graphql`, {
      data: {
        query: 'mutation ($input: CreateEncounterInput!) { createEncounter(input: $input) { encounter { id } error { message } } }',
        variables: {
          input: {
            kind: 'WORKPLACE_VISIT',
            title: TITLE,
            date: new Date(Date.now() - 86_400_000).toISOString(),
            hours: 3,
            inSchoolDay: true,
            employerIds: [sam.employerId!],
            volunteerIds: [sam.id],
            yearGroups: [10],
            register: [{ pupilId: maya.id, attended: true }],
          },
        },
      },
    });
    const created = (await response.json()) as { data: { createEncounter: { encounter: { id: string } | null; error: unknown } } };
    expect(created.data.createEncounter.error).toBeNull();
    const encounterId = created.data.createEncounter.encounter!.id;

    // The volunteer opens it from My volunteering, by keyboard.
    const { page: employer } = await portals.signIn('employer@acme.test');
    await employer.getByRole('heading', { level: 1, name: 'My volunteering' }).waitFor({ timeout: 30_000 });
    await employer.getByRole('region', { name: 'Your impact' }).getByRole('table').waitFor({ timeout: 30_000 });
    await tabTo(employer, new RegExp(`^Give feedback on ${TITLE}$`), 200);
    await employer.keyboard.press('Enter');
    const heading = `Feedback: ${TITLE}`;
    await employer.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 30_000 });
    expect(await employer.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    // Nothing filled in: each missing answer is named, and nothing is saved.
    await pressEnterOn(employer, 'Save feedback');
    const summary = employer.locator('.wm-error-summary');
    await summary.getByRole('link', { name: 'Enter your feedback on the pupils.' }).waitFor({ timeout: 30_000 });
    await summary.getByRole('link', { name: 'Choose a rating from 1 to 5.' }).waitFor();
    await fitsAtBothWidths(portals, employer, heading, 'engagement-feedback-volunteer');

    await typeInto(employer, 'How did the pupils do, as a group?', 'Curious and polite; great questions about testing.');
    await employer.getByLabel('How well did the school organise it?').selectOption('4');
    await typeInto(employer, 'What worked, and what would help next time?', 'Well run. Send the pupil list a day earlier.');
    await pressEnterOn(employer, 'Save feedback');
    await employer.getByRole('heading', { name: 'Feedback saved' }).waitFor({ timeout: 30_000 });

    // The one pupil who attended, by first name and year group; never a surname.
    const pupilLabel = `${maya.preferredName ?? maya.legalForename}, Year 10`;
    await typeInto(employer, pupilLabel, 'Maya asked the sharpest question of the day.');
    expect(await employer.getByText(maya.legalSurname).count()).toBe(0);
    await pressEnterOn(employer, 'Save pupil feedback');
    await employer.getByRole('heading', { name: 'Pupil feedback saved' }).waitFor({ timeout: 30_000 });
    await fitsAtBothWidths(portals, employer, heading, 'engagement-feedback-volunteer-saved');

    // The leader reads it on the encounter's page and thanks Sam.
    await leader.goto(`${leader.url().split('#')[0]}#/encounters/${encounterId}`);
    await leader.getByRole('heading', { level: 1, name: TITLE }).waitFor({ timeout: 30_000 });
    const section = leader.getByRole('region', { name: "Volunteers' feedback and thanks" });
    await section.getByText('Curious and polite; great questions about testing.').waitFor({ timeout: 30_000 });
    await section.getByText('4 out of 5. Well run. Send the pupil list a day earlier.').waitFor();
    await section.getByLabel(`Your message to ${sam.firstName} ${sam.lastName}`).focus();
    await leader.keyboard.type('Thank you, Sam: the pupils are still talking about it.');
    await section.getByLabel('How did it go?').selectOption('5');
    await section.getByRole('button', { name: 'Send thanks' }).focus();
    await leader.keyboard.press('Enter');
    await section.getByRole('heading', { name: 'Thanks sent' }).waitFor({ timeout: 30_000 });
    await fitsAtBothWidths(portals, leader, TITLE, 'engagement-feedback-leader');

    // The volunteer sees the thanks on their impact page, without the rating.
    await employer.reload();
    await employer.getByRole('heading', { level: 1, name: 'My volunteering' }).waitFor({ timeout: 30_000 });
    const said = employer.getByRole('region', { name: 'What schools said' });
    await said.getByText('Thank you, Sam: the pupils are still talking about it.').waitFor({ timeout: 30_000 });
    expect(await said.getByText(/out of 5|rated/).count()).toBe(0);
    await employer.getByRole('region', { name: 'Your impact' }).getByRole('rowheader', { name: northfield.name }).waitFor();
    await fitsAtBothWidths(portals, employer, 'My volunteering', 'engagement-feedback-impact');

    // The pupil reads their feedback in My journey, on a phone.
    const { page: pupil } = await portals.signIn('pupil@northfield.test');
    await pupil.setViewportSize({ width: 390, height: 900 });
    await pupil.getByRole('heading', { level: 1, name: 'My record' }).waitFor({ timeout: 30_000 });
    await pupil.getByRole('navigation', { name: 'Your careers record' }).getByRole('button', { name: 'My journey' }).click();
    await pupil.getByRole('heading', { level: 1, name: 'My journey' }).waitFor({ timeout: 30_000 });
    await pupil.getByText('Feedback from the volunteer: “Maya asked the sharpest question of the day.”').waitFor({ timeout: 30_000 });
    await fitsAtBothWidths(portals, pupil, 'My journey', 'engagement-feedback-pupil');
  });
});
