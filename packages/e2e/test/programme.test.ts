// The careers programme planner in the browser (docs/domain-rules.md, "Programme planner"): the careers
// leader opens "Programme", adds a planned activity for the half term of one of the school's past
// encounters by keyboard (an end before its start is refused first, the error summary leading to the
// field), links that encounter to it and sees the activity marked delivered, in words and by symbol,
// then changes it (the form opens filled in and checks the same rules; the link stays). The page, the form with its errors and the delivered plan are axe-clean with nothing sideways at 1,366
// and 390 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoData } from '@waymark/demo-data';
import { academicYearOf, halfTermDates, halfTermOfDay, HALF_TERMS, dayInEngland } from '@waymark/domain';
import { fitsAtBothWidths, startPortals, type Portals } from './browser.js';

let portals: Portals;

beforeAll(async () => {
  portals = await startPortals({ name: 'e2e-programme', shared: true });
});

afterAll(() => portals?.close());

const data = demoData();
const northfield = data.schools[0];
const thisYear = academicYearOf(new Date());
// One of Northfield's encounters this academic year that has already happened: the activity it delivered.
const delivered = data.encounters.find(
  (e) => e.schoolId === northfield.id && Date.parse(e.date) <= Date.now() && academicYearOf(new Date(e.date)) === thisYear,
);
const TITLE = 'Employer talks for Year 10';

describe('programme planner', () => {
  it('the leader plans a half term, links a delivered encounter and sees it delivered', async () => {
    expect(delivered, 'the demo data has a past Northfield encounter this academic year').toBeDefined();
    const halfTerm = halfTermOfDay(dayInEngland(new Date(delivered!.date)));
    const { startsOn, endsOn } = halfTermDates(thisYear, halfTerm);
    const label = HALF_TERMS[halfTerm];

    const { context, page } = await portals.signIn('leader@northfield.test');
    await page.getByRole('navigation', { name: 'Careers programme' }).getByRole('button', { name: 'Programme' }).click();
    await page.getByRole('heading', { level: 1, name: 'Careers programme' }).waitFor({ timeout: 30_000 });
    await page.getByText('Nothing is planned for this year yet.').waitFor({ timeout: 30_000 });
    await fitsAtBothWidths(portals, page, 'Careers programme', 'programme-empty');

    // By keyboard: open the form; focus starts on the half term.
    await page.getByRole('button', { name: 'Add a planned activity' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('plan-half-term');
    await page.getByLabel('Half term', { exact: true }).selectOption(halfTerm);
    await page.keyboard.press('Tab');
    await page.keyboard.type(TITLE);
    await page.getByLabel('Year 10', { exact: true }).focus();
    await page.keyboard.press('Space');
    await page.getByLabel('Benchmark 5: Encounters with employers and employees', { exact: true }).focus();
    await page.keyboard.press('Space');
    await page.getByLabel('Delivered by (optional)').fill('Local employers');
    await page.getByLabel('Start date (optional)').fill(endsOn);
    await page.getByLabel('End date (optional)').fill(startsOn);
    const save = page.getByRole('button', { name: 'Save planned activity' });
    await save.focus();
    await page.keyboard.press('Enter');

    // An end before its start: a clear error, linked to the field, and nothing saved.
    const summaryLink = page.locator('.wm-error-summary').getByRole('link', { name: 'The end date must be on or after the start date' });
    await summaryLink.waitFor({ timeout: 30_000 });
    await fitsAtBothWidths(portals, page, 'Careers programme', 'programme-form-error');
    await summaryLink.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('plan-ends-on');
    await page.getByLabel('End date (optional)').fill(endsOn);
    await page.getByLabel('Start date (optional)').fill(startsOn);
    await save.focus();
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: `"${TITLE}" was added to the plan.` })
      .waitFor({ timeout: 30_000 });
    await page.getByText('1 planned activity: 0 delivered').waitFor();

    // The card in its half term, not yet delivered.
    const section = page.getByRole('region', { name: new RegExp(`^${label},`) });
    const card = section.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: TITLE }) });
    await card.waitFor();
    expect(await card.textContent()).toMatch(/(Planned|Slipped)/);

    // Link the encounter that delivered it, by keyboard, from the school's encounters of that half term.
    await card.getByRole('button', { name: `Link an encounter to ${TITLE}` }).focus();
    await page.keyboard.press('Enter');
    const choice = card.getByLabel(`Encounter in ${label}`);
    await choice.waitFor({ timeout: 30_000 });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toMatch(/^plan-link-/);
    await choice.selectOption(delivered!.id);
    await card.getByRole('button', { name: 'Link encounter' }).focus();
    await page.keyboard.press('Enter');

    await card.getByRole('link', { name: delivered!.title }).waitFor({ timeout: 30_000 });
    await card.getByText('✓ Delivered').waitFor();
    await page.getByText('1 planned activity: 1 delivered, 0 planned, 0 slipped.').waitFor();
    // Focus goes back to the button that opened the link form.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(`Link an encounter to ${TITLE}`);
    await fitsAtBothWidths(portals, page, 'Careers programme', 'programme-delivered');

    // Changing it, by keyboard: the form opens filled in, checks the same rules, and the link stays.
    await card.getByRole('button', { name: `Change ${TITLE}` }).focus();
    await page.keyboard.press('Enter');
    const changeForm = card.getByRole('form', { name: `Change ${TITLE}` });
    await changeForm.waitFor();
    expect(await changeForm.getByLabel('Activity', { exact: true }).inputValue()).toBe(TITLE);
    await changeForm.getByLabel('Delivered by (optional)').fill('Local college');
    // An end before its start is refused in this form too, its summary linked to this form's field.
    await changeForm.getByLabel('End date (optional)').fill(startsOn);
    await changeForm.getByLabel('Start date (optional)').fill(endsOn);
    await changeForm.getByRole('button', { name: 'Save planned activity' }).focus();
    await page.keyboard.press('Enter');
    await changeForm.getByRole('link', { name: 'The end date must be on or after the start date' }).waitFor();
    await changeForm.getByLabel('Start date (optional)').fill(startsOn);
    await changeForm.getByLabel('End date (optional)').fill(endsOn);
    await changeForm.getByRole('button', { name: 'Save planned activity' }).focus();
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: `"${TITLE}" was changed.` })
      .waitFor({ timeout: 30_000 });
    await card.getByText('Local college').waitFor();
    await card.getByRole('link', { name: delivered!.title }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(`Change ${TITLE}`);

    // Removing asks first, starting on "Keep it"; kept, then removed.
    await card.getByRole('button', { name: `Remove ${TITLE}` }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Remove this planned activity?' });
    await dialog.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Keep it');
    await portals.expectAccessible(page, 'programme-remove-confirm');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await card.waitFor();
    await card.getByRole('button', { name: `Remove ${TITLE}` }).click();
    await dialog.getByRole('button', { name: 'Yes, remove it' }).click();
    await expect.poll(() => card.count(), { timeout: 30_000 }).toBe(0);
    await context.close();
  });
});
