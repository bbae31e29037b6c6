// Suggested matches in the browser: a volunteer in the arts says they can come to LS6; the careers
// leader of Northfield (whose last in-person request was in LS6) sees on Volunteer requests that a year
// group has met nobody from the arts this year and that one volunteer can come, presses "Ask for
// volunteers" by keyboard, lands on the request form filled in for that year group and sector, and
// posts it as it stands. Axe-clean with nothing sideways at 1,366 and 390 px. See
// docs/domain-rules.md ("Suggested matches").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortals, fitsAtBothWidths, type Portals } from './browser.js';

let portals: Portals;

beforeAll(async () => {
  portals = await startPortals({ name: 'e2e-suggested-matches', shared: true });
});

afterAll(() => portals?.close());

const ARTS = 'Arts, sport and recreation';

describe('suggested matches', () => {
  it('the leader sees where a volunteer meets a need and turns it into a request in one step', async () => {
    // A volunteer says what they offer: talks, in the arts, in LS6.
    const { context, page } = await portals.signIn('employer@acme.test');
    await page.getByRole('heading', { level: 1, name: 'My volunteering' }).waitFor({ timeout: 30_000 });
    await page.getByRole('navigation', { name: 'Volunteering' }).getByRole('button', { name: 'What I can offer' }).click();
    await page.getByRole('heading', { level: 1, name: 'What I can offer' }).waitFor({ timeout: 30_000 });
    await page.getByRole('checkbox', { name: 'Talk to a class or assembly' }).check();
    await page.getByRole('checkbox', { name: 'Arts, entertainment and recreation' }).check();
    await page.getByLabel('Your home postcode').fill('LS11 5AA');
    await page.getByLabel('Which schools can you help?').selectOption('DISTRICTS');
    await page.getByLabel('Postcode districts').fill('LS6');
    await page.getByRole('button', { name: 'Save my profile' }).click();
    await page.getByRole('heading', { name: 'Profile saved' }).waitFor({ timeout: 30_000 });
    await context.close();

    const { context: leaderContext, page: leader } = await portals.signIn('leader@northfield.test');
    await leader.getByRole('navigation', { name: 'Careers programme' }).getByRole('button', { name: 'Volunteer requests' }).click();
    await leader.getByRole('heading', { level: 1, name: 'Volunteer requests' }).waitFor({ timeout: 30_000 });
    const suggestions = leader.getByRole('list', { name: 'Suggested matches' });
    const sentence = new RegExp(
      `^Year (\\d+) has had no encounter in ${ARTS} this year\\. 1 volunteer in ${ARTS} can come to you\\. 1 volunteer could help online\\.$`,
    );
    await suggestions.waitFor({ timeout: 30_000 });
    const first = suggestions
      .getByRole('listitem')
      .filter({ has: leader.locator('p', { hasText: sentence }) })
      .first();
    expect(await first.count(), (await suggestions.textContent()) ?? '').toBe(1);
    const year = Number(sentence.exec((await first.locator('p').textContent()) ?? '')![1]);
    // Nothing about the volunteer is shown: no name, no postcode of theirs.
    expect(await suggestions.textContent()).not.toMatch(/Sam|Patel|LS11/);
    await fitsAtBothWidths(portals, leader, 'Volunteer requests', 'suggested-matches');

    // By keyboard: the suggestion's button fills in the form and takes the keyboard there.
    const ask = first.getByRole('button', { name: `Ask for volunteers for Year ${year} in ${ARTS}` });
    await ask.focus();
    await leader.keyboard.press('Enter');
    await leader.getByRole('heading', { name: 'Filled in from a suggestion' }).waitFor();
    expect(await leader.evaluate(() => document.activeElement?.id)).toBe('ask-for-volunteers');
    const form = leader.getByRole('form', { name: 'Ask for volunteers' });
    expect(await form.getByLabel('What do you need help with?').inputValue()).toBe('TALK');
    expect(await form.getByRole('checkbox', { name: `Year ${year}`, exact: true }).isChecked()).toBe(true);
    expect(await form.getByRole('checkbox', { name: 'Arts, entertainment and recreation' }).isChecked()).toBe(true);
    expect(await form.getByRole('checkbox', { name: 'It happens online' }).isChecked()).toBe(false);
    expect(await form.getByLabel('Postcode of the place').inputValue()).toBe('LS6 2AB');
    await fitsAtBothWidths(portals, leader, 'Volunteer requests', 'suggested-matches-filled');

    // Posted as it stands.
    const post = form.getByRole('button', { name: 'Post the request' });
    await post.focus();
    await leader.keyboard.press('Enter');
    await leader.getByRole('heading', { name: 'Request posted' }).waitFor({ timeout: 30_000 });
    const posted = leader.getByRole('region', { name: /^Talk to a class or assembly/ }).filter({ hasText: `Year ${year}` });
    await posted.first().waitFor({ timeout: 30_000 });
    await leaderContext.close();
  });
});
