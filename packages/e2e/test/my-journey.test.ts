// "My journey" in the browser, by keyboard: a pupil opens their journey from the portal's navigation,
// narrows it to an interest hashtag, follows an entry's link to write its reflection on My progress and
// comes Back, narrows to a benchmark, sees the entries that fit (and a next step when none does), and
// finds the filters still there after a reload (they live in the address). Their
// parent sees the same journey in their child's record, without the adviser's notes, and so does the
// careers leader from the pupil's record in their own portal. Axe-clean with nothing sideways at 1,366
// and 390 px. See frontends/pupil/src/features/my-journey, frontends/careers-leader/src/features/pupil-journey
// and the shared JourneyTimeline (@waymark/ui) built by @waymark/domain's journey.ts.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { fitsAtBothWidths, startPortals, tabTo, type Portals } from './browser.js';

let portals: Portals;

beforeAll(async () => {
  portals = await startPortals({ name: 'e2e-my-journey', shared: true });
});

afterAll(() => portals?.close());

const LEADER = 'leader@northfield.test';
const PUPIL = 'pupil@northfield.test';
const PARENT = 'parent@northfield.test';
// Letters and digits only, as hashtags are stored; 'z' first, so it is the last interest offered.
const TAG = `zjourney${randomBytes(3).toString('hex')}`;
const TITLE = `Journey test: engineers' talk ${TAG}`;
// The adviser's note on Maya's guidance meeting in the demo data: for staff only.
const STAFF_NOTE = 'Keen on engineering';

/** What the signed-in person gets back from the gateway (test set-up only). */
async function graphql<Data>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<Data> {
  return page.evaluate(async (body) => {
    const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const result = (await response.json()) as { data: Data; errors?: { message: string }[] };
    if (result.errors?.length) throw new Error(result.errors.map((error) => error.message).join('; '));
    return result.data;
  }, JSON.stringify({ query, variables }));
}

/** Presses ArrowDown (ArrowUp for '', the first option) on the focused select until it holds `value`; each step filters, as a keyboard user's would. */
async function arrowTo(page: Page, select: Locator, value: string): Promise<void> {
  for (let i = 0; i < 40 && (await select.inputValue()) !== value; i += 1) await page.keyboard.press(value === '' ? 'ArrowUp' : 'ArrowDown');
  expect(await select.inputValue()).toBe(value);
}

const count = (scope: Page | Locator) => scope.locator('.wm-journey__count');
const cards = (scope: Page | Locator) => scope.locator('.wm-journey .wm-card-list > li');

interface MayaJourney {
  myPupilRecord: {
    id: string;
    participations: { attended: boolean; reflection: string | null; encounter: { benchmarks: number[] } | null }[];
    guidanceMeetings: { agreedActions: { text: string }[] }[];
  };
}

let guidanceThings = 0;
let firstAction = '';
let mayaId = '';

describe('My journey', () => {
  it('a pupil filters their journey by a hashtag and by a benchmark with the keyboard; the address keeps the filters', async () => {
    const pupil = await portals.signIn(PUPIL);
    const { page } = pupil;
    await page.getByRole('heading', { level: 1, name: 'My record' }).waitFor({ timeout: 30_000 });
    const before = await graphql<MayaJourney>(
      page,
      '{ myPupilRecord { id participations { attended reflection encounter { benchmarks } } guidanceMeetings { agreedActions { text } } } }',
    );
    const maya = before.myPupilRecord;
    mayaId = maya.id;

    // Set-up: yesterday Maya went to a talk tagged with this run's hashtag, for Benchmark 5.
    const leader = await portals.signIn(LEADER);
    await leader.page.getByRole('navigation', { name: 'Careers programme' }).waitFor({ timeout: 30_000 });
    const created = await graphql<{ createEncounter: { encounter: { id: string } | null; error: { message: string } | null } }>(
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
          hashtags: [TAG],
          yearGroups: [10],
          register: [{ pupilId: maya.id, attended: true }],
        },
      },
    );
    expect(created.createEncounter.error).toBeNull();
    await leader.context.close();

    // What Benchmark 8 should show: the guidance meetings she went to, her reflections on them, and every agreed action.
    const meetings = maya.participations.filter((entry) => entry.attended && entry.encounter?.benchmarks.includes(8));
    const actions = maya.guidanceMeetings.flatMap((meeting) => meeting.agreedActions);
    guidanceThings = meetings.length + meetings.filter((entry) => entry.reflection).length + actions.length;
    expect(actions.length, 'the demo data gives Maya agreed actions').toBeGreaterThan(0);
    firstAction = actions[0].text;

    // Into My journey from the navigation, by keyboard.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'My record' }).waitFor({ timeout: 30_000 });
    await page.locator('body').focus();
    await tabTo(page, /^My journey$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'My journey' }).waitFor();
    await count(page).waitFor({ timeout: 30_000 });
    const everything = Number.parseInt((await count(page).textContent())!, 10);
    expect(everything).toBeGreaterThan(guidanceThings);
    expect(await cards(page).count()).toBe(everything);
    await expect.poll(() => page.getByRole('heading', { level: 2, name: /^Year 10 — \d{4} to \d{4}$/ }).count()).toBe(1);
    await fitsAtBothWidths(portals, page, 'My journey', 'my-journey-all');

    // The interest hashtag: only the talk, with what to do next about it.
    await page.getByRole('heading', { level: 1, name: 'My journey' }).focus();
    await tabTo(page, /^Interest$/);
    await arrowTo(page, page.getByLabel('Interest'), TAG);
    await expect.poll(() => count(page).textContent()).toBe(`1 thing about #${TAG}, of ${everything} in all`);
    expect(page.url()).toContain(`#/journey?tag=${TAG}`);
    const talk = cards(page).first();
    expect(await talk.getByRole('heading', { level: 3 }).textContent()).toBe(TITLE);
    expect(await talk.textContent()).toContain('A talk by people from work');
    expect(await talk.textContent()).toContain('No reflection yet');
    expect(await talk.textContent()).toContain('Meeting people from work (official name: Benchmark 5: Encounters with employers and employees)');
    expect(await talk.textContent()).toContain(`#${TAG}`);
    await talk.getByRole('link', { name: `Write a reflection on “${TITLE}” (on My progress)` }).waitFor();

    // Its link opens My progress at the reflections, where the form for it waits; Back returns to the filtered journey.
    await tabTo(page, /^Write a reflection on/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'My progress' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), { timeout: 30_000 }).toBe('Your reflections');
    await page.getByLabel(`Your reflection on “${TITLE}”`).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'My journey' }).waitFor();
    await expect.poll(() => count(page).textContent(), { timeout: 30_000 }).toBe(`1 thing about #${TAG}, of ${everything} in all`);
    expect(await page.getByLabel('Interest').inputValue()).toBe(TAG);

    // And a benchmark, by keyboard: Benchmark 5 keeps the talk; Benchmark 8 leaves nothing, with a next step.
    await tabTo(page, /^Benchmark$/);
    const benchmark = page.getByLabel('Benchmark', { exact: true });
    await arrowTo(page, benchmark, '5');
    await expect.poll(() => count(page).textContent()).toMatch(/^1 thing about #\w+ and Meeting people from work \(Benchmark 5\)/);
    expect(page.url()).toContain(`#/journey?tag=${TAG}&benchmark=5`);
    await arrowTo(page, benchmark, '8');
    await expect.poll(() => count(page).textContent()).toMatch(/^0 things/);
    await page.getByText('Nothing matches these filters yet.').waitFor();
    await page.getByText('Ask your careers leader for a meeting with the careers adviser.').waitFor();
    expect(await cards(page).count()).toBe(0);
    await fitsAtBothWidths(portals, page, 'My journey', 'my-journey-empty');

    // Clearing the interest leaves Benchmark 8: the guidance meeting and what was agreed in it.
    await page.getByRole('heading', { level: 1, name: 'My journey' }).focus();
    await tabTo(page, /^Interest$/);
    await arrowTo(page, page.getByLabel('Interest'), '');
    await expect.poll(() => count(page).textContent()).toMatch(new RegExp(`^${guidanceThings} things? about Talks with a careers adviser \\(Benchmark 8\\)`));
    expect(await cards(page).count()).toBe(guidanceThings);
    for (const text of await cards(page).allTextContents()) expect(text).toContain('Talks with a careers adviser');
    await cards(page).filter({ hasText: firstAction }).first().waitFor();
    expect(await page.locator('body').innerText()).not.toContain(STAFF_NOTE);
    await fitsAtBothWidths(portals, page, 'My journey', 'my-journey-b8');

    // The address keeps the filters: a reload shows the same.
    expect(page.url()).toMatch(/#\/journey\?benchmark=8$/);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'My journey' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => count(page).textContent(), { timeout: 30_000 }).toMatch(new RegExp(`^${guidanceThings} things?`));
    expect(await page.getByLabel('Benchmark', { exact: true }).inputValue()).toBe('8');

    // Clear filters, by keyboard: everything again.
    await page.getByRole('heading', { level: 1, name: 'My journey' }).focus();
    await tabTo(page, /^Clear filters$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => count(page).textContent()).toBe(`${everything} things`);
    await pupil.context.close();
  });

  it("a parent sees their child's journey in the child's record, filtered the same way, without the adviser's notes", async () => {
    const { context, page } = await portals.signIn(PARENT);
    await page.getByRole('heading', { level: 1, name: "Maya Okafor's record" }).waitFor({ timeout: 30_000 });
    const section = page.getByRole('region', { name: "Maya's journey" });
    await count(section).waitFor({ timeout: 30_000 });
    expect(await section.textContent()).toContain(firstAction);
    expect(await page.locator('body').innerText()).not.toContain(STAFF_NOTE);
    // Parents read: no links into the pupil's own pages.
    expect(await section.getByRole('link').count()).toBe(0);

    const interest = section.getByLabel('Interest');
    await interest.focus();
    await arrowTo(page, interest, TAG);
    await expect.poll(() => count(section).textContent()).toMatch(new RegExp(`^1 thing about #${TAG}`));
    const talk = cards(section).first();
    expect(await talk.getByRole('heading', { level: 4 }).textContent()).toBe(TITLE);
    expect(await talk.textContent()).toContain('Maya has not written a reflection yet');
    expect(page.url()).toContain(`#/child?tag=${TAG}`);
    await fitsAtBothWidths(portals, page, "Maya Okafor's record", 'my-journey-parent');
    await context.close();
  });

  it("the careers leader opens Maya's journey from her record by keyboard and filters it by a benchmark, with no links into her own pages and no adviser's notes", async () => {
    const { context, page } = await portals.signIn(LEADER);
    await page.getByRole('navigation', { name: 'Careers programme' }).waitFor({ timeout: 30_000 });
    await page.goto(`${portals.stack.url}/careers#/pupils/${encodeURIComponent(mayaId)}`);
    await page.getByRole('heading', { level: 1, name: 'Maya Okafor' }).waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { level: 1, name: 'Maya Okafor' }).focus();
    await tabTo(page, /^See Maya's journey$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: "Maya Okafor's journey" }).waitFor({ timeout: 30_000 });
    expect(page.url()).toContain(`#/pupils/${encodeURIComponent(mayaId)}/journey`);
    await count(page).waitFor({ timeout: 30_000 });
    const everything = Number.parseInt((await count(page).textContent())!, 10);
    expect(everything).toBeGreaterThan(guidanceThings);
    await cards(page).filter({ hasText: firstAction }).first().waitFor();
    expect(await page.locator('.wm-journey').getByRole('link').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toContain(STAFF_NOTE);
    await fitsAtBothWidths(portals, page, "Maya Okafor's journey", 'my-journey-leader-all');

    // Benchmark 5, by keyboard: the talk from the first test is there, in words about Maya, not "you",
    // and with the benchmarks' official names, which staff work with.
    await page.getByRole('heading', { level: 1, name: "Maya Okafor's journey" }).focus();
    await tabTo(page, /^Benchmark$/);
    await arrowTo(page, page.getByLabel('Benchmark', { exact: true }), '5');
    await expect
      .poll(() => count(page).textContent())
      .toMatch(new RegExp(`^\\d+ things? about Benchmark 5: Encounters with employers and employees, of ${everything} in all$`));
    expect(page.url()).toContain(`#/pupils/${encodeURIComponent(mayaId)}/journey?benchmark=5`);
    for (const text of await cards(page).allTextContents()) {
      expect(text).toContain('Benchmark 5: Encounters with employers and employees');
      expect(text).not.toContain('Meeting people from work');
      expect(text).not.toContain('Help that fits you');
    }
    const talk = cards(page).filter({ hasText: TITLE }).first();
    expect(await talk.textContent()).toContain('Maya has not written a reflection yet');
    expect(await talk.textContent()).not.toContain('No reflection yet');
    await fitsAtBothWidths(portals, page, "Maya Okafor's journey", 'my-journey-leader-b5');

    await context.close();
  });
});
