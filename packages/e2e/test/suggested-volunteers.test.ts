// Volunteers who could help, in the browser: a volunteer says they give talks and can come to LS6;
// the careers leader of Northfield opens the list on the school's open talk in LS6 by keyboard and
// finds them by name, job and employer, with nothing of their contact details or home. Axe-clean
// with nothing sideways at 1,366 and 390 px. See docs/domain-rules.md ("Volunteering").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortals, fitsAtBothWidths, type Portals } from './browser.js';

let portals: Portals;

beforeAll(async () => {
  portals = await startPortals({ name: 'e2e-suggested-volunteers', shared: true });
});

afterAll(() => portals?.close());

describe('volunteers who could help', () => {
  it("the leader opens a request's list of volunteers who fit it and have not offered", async () => {
    const { context, page } = await portals.signIn('employer@acme.test');
    await page.getByRole('heading', { level: 1, name: 'My volunteering' }).waitFor({ timeout: 30_000 });
    await page.getByRole('navigation', { name: 'Volunteering' }).getByRole('button', { name: 'What I can offer' }).click();
    await page.getByRole('heading', { level: 1, name: 'What I can offer' }).waitFor({ timeout: 30_000 });
    await page.getByRole('checkbox', { name: 'Talk to a class or assembly' }).check();
    await page.getByRole('checkbox', { name: 'Manufacturing' }).check();
    await page.getByLabel('Your home postcode').fill('LS11 5AA');
    await page.getByLabel('Which schools can you help?').selectOption('DISTRICTS');
    await page.getByLabel('Postcode districts').fill('LS6');
    await page.getByRole('button', { name: 'Save my profile' }).click();
    await page.getByRole('heading', { name: 'Profile saved' }).waitFor({ timeout: 30_000 });
    await context.close();

    const { context: leaderContext, page: leader } = await portals.signIn('leader@northfield.test');
    await leader.getByRole('navigation', { name: 'Careers programme' }).getByRole('button', { name: 'Volunteer requests' }).click();
    await leader.getByRole('heading', { level: 1, name: 'Volunteer requests' }).waitFor({ timeout: 30_000 });
    const talk = leader
      .getByRole('region', { name: /^Talk to a class or assembly/ })
      .filter({ hasText: 'LS6 2AB' })
      .filter({ hasText: 'Taking offers' })
      .first();
    await talk.waitFor({ timeout: 30_000 });
    const show = talk.getByRole('button', { name: 'Show volunteers who could help' });
    expect(await show.getAttribute('aria-expanded')).toBe('false');
    await show.focus();
    await leader.keyboard.press('Enter');
    const list = talk.getByRole('list', { name: 'Volunteers who could help' });
    await list.waitFor({ timeout: 30_000 });
    expect(await talk.getByRole('button', { name: 'Hide volunteers who could help' }).getAttribute('aria-expanded')).toBe('true');
    const sam = list.getByRole('listitem').filter({ hasText: /^Sam Patel, / });
    expect(await sam.count(), (await list.textContent()) ?? '').toBe(1);
    // What an offer shows, and nothing of how to reach them or where they live.
    expect(await list.textContent()).not.toMatch(/@|LS11/);
    await fitsAtBothWidths(portals, leader, 'Volunteer requests', 'suggested-volunteers');
    await leaderContext.close();
  });
});
