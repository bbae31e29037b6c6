// Destinations in the browser: a Year 11 pupil records what they plan to do next on "My future" at
// phone width, by keyboard; the careers leader sees their Year 11 "no plan yet" list shrink, records
// their September offer by keyboard (told plainly when nothing is chosen), and finds the plan and the
// offer in the local authority's return; finds a leaver with nothing recorded on the worklist, asked
// for their agreement first, follows it by keyboard to their record and records it; then records a
// spell from the worklist, is told plainly when a spell ends before it starts, records a college
// spell, reads the destination years it gives with their reasons, and sees the worklist entry change. Every new page is axe-clean with nothing sideways
// at 1,366 and 390 px. See docs/domain-rules.md ("Destinations").
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoData } from '@waymark/demo-data';
import { todayInEngland, year11LeavingYear } from '@waymark/domain';
import { startPortals, type Portals } from './browser.js';

let portals: Portals;

beforeAll(async () => {
  portals = await startPortals({ name: 'e2e-destinations' });
});

afterAll(() => portals?.close());

const data = demoData();
const northfield = data.schools[0];
const displayName = (p: { preferredName: string | null; legalForename: string; legalSurname: string }) =>
  `${p.preferredName ?? p.legalForename} ${p.legalSurname}`;
const year11Account = data.accounts.find((a) => a.email === 'year11@northfield.test')!;
const year11Pupil = data.pupils.find((p) => p.id === year11Account.pupilId)!;
// A leaver the seed gave no spells (it gives the first six of each school some), found by their UPN.
const seeded = new Set(
  data.destinations
    .filter((d) => d.schoolId === northfield.id && d.stage === 'IMMEDIATE')
    .slice(0, 6)
    .map((d) => d.pupilId),
);
const northPupils = data.pupils.filter((p) => p.schoolId === northfield.id);
const leaver = northPupils.find((p) => p.leftOn && !seeded.has(p.id))!;
const L = year11LeavingYear(leaver.dateOfBirth);
// The worklist follows leavers until 31 July three summers after Year 11; the demo's leavers pass that each August.
const followed = todayInEngland() <= `${L + 3}-07-31`;

/** Nothing wider than the window, and no serious axe findings, at laptop and phone widths. */
async function expectFitsAndAccessible(page: Page, name: string, heading: string): Promise<void> {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal scroll on ${name} at ${width}px`).toBeLessThanOrEqual(0);
    await portals.expectAccessible(page, `${name}-${width}`);
  }
}

async function openDestinations(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Careers programme' }).getByRole('button', { name: 'Destinations' }).click();
  await page.getByRole('heading', { level: 1, name: 'Destinations' }).waitFor({ timeout: 30_000 });
}

const year11Section = (page: Page) => page.getByRole('region', { name: 'Year 11: no plan yet' });

async function year11Missing(page: Page): Promise<number> {
  const line = year11Section(page).getByText(/pupils in Year 11 have no plan yet/);
  await line.waitFor({ timeout: 30_000 });
  return Number(((await line.textContent()) ?? '').match(/^(\d+) of/)![1]);
}

describe('destinations', () => {
  it('a Year 11 pupil records a plan on their phone, and the leader sees the gap list shrink', async () => {
    const { context: leaderContext, page: leader } = await portals.signIn('leader@northfield.test');
    await openDestinations(leader);
    const before = await year11Missing(leader);
    await year11Section(leader)
      .getByRole('link', { name: displayName(year11Pupil) })
      .waitFor();

    const { context, page } = await portals.signIn('year11@northfield.test');
    await page.setViewportSize({ width: 390, height: 900 });
    await page.getByRole('navigation', { name: 'Your careers record' }).getByRole('button', { name: 'My future' }).click();
    await page.getByRole('heading', { level: 1, name: 'My future' }).waitFor({ timeout: 30_000 });
    await page.getByText('You have not told school your plan yet.').waitFor({ timeout: 30_000 });

    // Sending nothing says what is missing, and the summary link leads to the field.
    const save = page.getByRole('button', { name: 'Save my plan' });
    await save.focus();
    await page.keyboard.press('Enter');
    const summary = page.locator('.wm-error-summary');
    await summary.getByRole('link', { name: 'Choose what you plan to do next' }).waitFor();

    // By keyboard: choose an apprenticeship, its level, and where.
    const kind = page.getByLabel('What do you plan to do after Year 11?');
    await kind.focus();
    await kind.selectOption('APPRENTICESHIP');
    await page.getByLabel('What level of apprenticeship? (optional)').selectOption('3');
    await page.getByLabel('Where? (optional)').focus();
    await page.keyboard.type('Acme Engineering');
    await save.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Plan saved' }).waitFor({ timeout: 30_000 });
    await page.getByText('Apprenticeship (level 3) at Acme Engineering').waitFor();
    await expectFitsAndAccessible(page, 'destinations-my-future', 'My future');
    await context.close();

    await leader.reload();
    await leader.getByRole('heading', { level: 1, name: 'Destinations' }).waitFor({ timeout: 30_000 });
    expect(await year11Missing(leader)).toBe(before - 1);
    expect(
      await year11Section(leader)
        .getByRole('link', { name: displayName(year11Pupil) })
        .count(),
    ).toBe(0);

    // The September offer: the leader ticks the pupil and records an apprenticeship offer, by keyboard.
    const offers = leader.getByRole('region', { name: 'September offer' });
    await offers.getByRole('table').waitFor({ timeout: 30_000 });
    const notRecordedBefore = Number(await offers.locator('dd').nth(3).textContent());
    await offers.getByRole('button', { name: /^Record for 0 pupils$/ }).focus();
    await leader.keyboard.press('Enter');
    // Nothing chosen and no answer: the summary takes focus and names both.
    await leader.getByRole('link', { name: 'Choose at least one pupil' }).waitFor();
    await leader.getByRole('link', { name: 'Choose whether an offer was made' }).waitFor();
    await offers.getByRole('checkbox', { name: `Choose ${displayName(year11Pupil)}` }).focus();
    await leader.keyboard.press('Space');
    await offers.getByRole('radio', { name: 'Offer made' }).focus();
    await leader.keyboard.press('Space');
    await offers.getByLabel('Kind of place offered').selectOption('APPRENTICESHIP');
    await offers.getByLabel('School, college or employer (optional)').fill('Acme Engineering');
    await offers.getByRole('button', { name: 'Record for 1 pupil' }).focus();
    await leader.keyboard.press('Enter');
    await offers.getByText('Recorded for 1 pupil.').waitFor({ timeout: 30_000 });
    expect(Number(await offers.locator('dd').nth(3).textContent())).toBe(notRecordedBefore - 1);
    const offerRow = offers.getByRole('row').filter({ has: leader.getByRole('rowheader', { name: displayName(year11Pupil), exact: true }) });
    await offerRow.getByText('Offer made: Apprenticeship (Acme Engineering)').waitFor();
    await expectFitsAndAccessible(leader, 'destinations-september-offer', 'Destinations');

    // The local authority's return has the plan and the offer against the pupil's UPN.
    // No pupil of the demo has a home local authority recorded, so all are in the school's own authority's return.
    const [download] = await Promise.all([
      leader.waitForEvent('download'),
      leader.getByRole('button', { name: `Download for ${northfield.localAuthority}` }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^intended-destinations-and-september-offer-${northfield.urn}-la${northfield.laCode}-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
    );
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      "UPN,Surname,Forename,Date of birth,Address line 1,Address line 2,Town,Postcode,Parent or carer,Parent or carer's address,Year group,Intended destination,Apprenticeship level,Provider,Course,Recorded on,Recorded by,September offer,Offer: kind of place,Offer: place,Offer: note",
    );
    expect(csv.split('\r\n').find((line) => line.startsWith(year11Pupil.upn))).toMatch(
      /,11,Apprenticeship,3,Acme Engineering,,\d{4}-\d{2}-\d{2},Pupil,Offer made,Apprenticeship,Acme Engineering,$/,
    );
    await leader.getByText(/^Downloaded intended-destinations-and-september-offer-.*\.csv for .*: \d+ pupils\.$/).waitFor();
    await leaderContext.close();
  });

  it('the leader finds a leaver with nothing recorded on the worklist, records their agreement and a college spell, and reads the destination years with their reasons', async () => {
    const { context, page } = await portals.signIn('leader@northfield.test');
    await page.getByRole('navigation', { name: 'Careers programme' }).waitFor({ timeout: 30_000 });
    await openDestinations(page);
    const worklist = page.getByRole('region', { name: 'Leavers to follow up' });
    const row = worklist.getByRole('row').filter({ has: page.getByRole('rowheader', { name: displayName(leaver), exact: true }) });
    await worklist.getByRole('table').waitFor({ timeout: 30_000 });
    if (followed) {
      // Nothing is recorded for them and they have not agreed to being followed yet: the worklist says to ask first.
      await row.getByText('Ask for their agreement first').waitFor();
      // The first cell holds the leaver's checkbox for a status recorded for many at once; the name is the row's header.
      expect(await row.getByRole('cell').nth(1).textContent()).toBe(`Summer ${L}`);
      await row.getByText(/^They have not agreed to being followed after 16/).waitFor();
      await row.getByRole('link', { name: `Record their agreement (${displayName(leaver)})` }).focus();
      await page.keyboard.press('Enter');
    } else {
      expect(await row.count()).toBe(0);
      await page.goto(`${portals.stack.url}/careers#/pupils/${encodeURIComponent(leaver.id)}`);
    }

    // Following a leaver needs their agreement, recorded on their record.
    await page.getByRole('heading', { level: 1, name: displayName(leaver) }).waitFor({ timeout: 30_000 });
    await page.getByRole('checkbox', { name: 'Agreed to destination tracking after 16' }).check();
    await page.getByRole('button', { name: 'Save consent settings' }).click();
    await page.getByRole('heading', { name: 'Consent settings saved' }).waitFor({ timeout: 30_000 });
    await openDestinations(page);

    await page.getByLabel('Name or UPN').fill(leaver.upn);
    await page.getByRole('button', { name: 'Find' }).click();
    const show = page.getByRole('region', { name: 'Where leavers went' }).getByRole('button', { name: `Show destinations of ${displayName(leaver)}` });
    await page.getByRole('region', { name: 'Sustained destinations' }).getByRole('table').waitFor({ timeout: 30_000 });
    if (followed) {
      // Now they are someone to chase, with nothing recorded yet, straight from the worklist.
      await row.getByText('Nothing recorded yet').waitFor({ timeout: 30_000 });
      await show.waitFor();
      await row.getByRole('button', { name: `Record a spell for ${displayName(leaver)}` }).focus();
    } else await show.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: `Destinations of ${displayName(leaver)}` });
    await panel.getByText(/No spells are recorded yet/).waitFor({ timeout: 30_000 });
    // The panel takes focus, so a keyboard user carries on from there.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(`Destinations of ${displayName(leaver)}`);

    const form = panel.getByRole('form', { name: 'Record a spell' });
    await form.getByLabel('What were they doing?').selectOption('EDUCATION');
    await form.getByLabel('Where do they study?').selectOption('FE_COLLEGE');
    await form.getByLabel(/College, university, provider or employer/).fill('Aire Valley College');
    await form.getByLabel('Started on').fill(`${L}-09-04`);
    await form.getByLabel('Ended on (optional)').fill(`${L}-08-01`);
    await form.getByRole('button', { name: 'Record spell' }).click();
    await panel
      .locator('.wm-error-summary')
      .getByRole('link', { name: `A spell cannot end before it starts: it starts on ${L}-09-04 but ends on ${L}-08-01` })
      .waitFor();

    await form.getByLabel('Ended on (optional)').fill(`${L + 1}-07-18`);
    await form.getByRole('button', { name: 'Record spell' }).click();
    await panel.getByRole('heading', { name: 'Spell recorded' }).waitFor({ timeout: 30_000 });
    await panel.getByText(`In September ${L}: education (further education college), from ${L}-09-04`).waitFor();
    const years = panel.getByRole('table', { name: `Destination years of ${displayName(leaver)}` });
    await years.getByText(`Sustained: in education every month from October ${L} to March ${L + 1}`).waitFor();
    await years.getByText(`Not known: nothing is recorded from August ${L + 1} to July ${L + 2}`).waitFor();
    await panel.getByRole('table', { name: 'Spells recorded' }).getByText('Aire Valley College').waitFor();
    if (followed) {
      // The worklist follows: their college year has ended and nothing is recorded since.
      await row.getByText('Nothing recorded for now').waitFor({ timeout: 30_000 });
      await row.getByText(`Nothing recorded since ${L + 1}-07-18.`).waitFor();
    }

    await expectFitsAndAccessible(page, 'destinations-leader', 'Destinations');
    await context.close();
  });
});
