// A pupil's home local authority on the careers leader's pupil record (docs/domain-rules.md, "The
// local authority return"), keyboard only: the record says none is recorded; the leader finds
// Bradford by part of its name and saves it, then Birmingham by its code; a save that fails says so
// in words and changes nothing. The Destinations page then lists Birmingham with the pupil counted in
// its return, and the school's own authority one fewer. No serious axe findings and no sideways
// scroll at 1,366 and 390 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoData } from '@waymark/demo-data';
import { fitsAtBothWidths, startPortals, tabTo, type Portals } from './browser.js';

let portals: Portals;

beforeAll(async () => {
  portals = await startPortals({ name: 'e2e-home-authority', shared: true });
});

afterAll(() => portals?.close());

const data = demoData();
const northfield = data.schools[0];
const inReturn = data.pupils.filter((p) => p.schoolId === northfield.id && p.leftOn === null && (p.yearGroup === 11 || p.yearGroup === 12));
const pupil = inReturn.find((p) => p.yearGroup === 12)!;
const firstName = pupil.preferredName ?? pupil.legalForename;
const name = `${firstName} ${pupil.legalSurname}`;

/** From the page's heading, Tab to the search box, type, Tab on to the save button and press it. */
async function findAndSave(page: Page, search: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).focus();
  await tabTo(page, /^Find a local authority$/, 120);
  await page.keyboard.type(search);
  await tabTo(page, /^Save home local authority$/, 5);
  await page.keyboard.press('Enter');
}

describe("a pupil's home local authority on their record", () => {
  it('the leader sets it by name and by code with the keyboard, and the Destinations page then counts the pupil in that authority’s return', async () => {
    const { context, page } = await portals.signIn('leader@northfield.test');
    await page.getByRole('navigation', { name: 'Careers programme' }).waitFor({ timeout: 30_000 });
    await page.goto(`${portals.stack.url}/careers#/pupils/${encodeURIComponent(pupil.id)}`);
    await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 30_000 });
    const section = page.getByRole('region', { name: 'Home local authority' });
    const shown = section.locator('dd');
    await shown.filter({ hasText: 'Not recorded' }).waitFor({ timeout: 30_000 });
    const select = section.getByRole('combobox', { name: 'Home local authority' });
    expect(await select.locator('option').count()).toBe(154);
    await fitsAtBothWidths(portals, page, name, 'home-authority-record');

    // By part of its name: the one authority left is chosen, and saving says what follows.
    await findAndSave(page, 'bradf');
    const saved = section.getByRole('status').filter({ hasText: 'Home local authority saved' });
    await saved.filter({ hasText: `${firstName} lives in Bradford (380). They will be in the return for Bradford.` }).waitFor({ timeout: 30_000 });
    await shown.filter({ hasText: 'Bradford (380)' }).waitFor();

    // A save that does not reach Waymark says so, and the record is unchanged.
    await page.route('**/graphql', (route) =>
      (route.request().postData() ?? '').includes('SetPupilHomeLocalAuthority') ? route.abort('failed') : route.fallback(),
    );
    await findAndSave(page, '330');
    await section
      .getByRole('alert')
      .filter({ hasText: 'The home local authority was not saved' })
      .filter({ hasText: 'Nothing was saved. Waymark could not be reached. Check your connection and try again.' })
      .waitFor({ timeout: 30_000 });
    await fitsAtBothWidths(portals, page, name, 'home-authority-failed');
    await page.unroute('**/graphql');
    expect(await shown.textContent()).toBe('Bradford (380)');

    // By its code: the search still reads 330, so the leader only saves again.
    expect(await select.inputValue()).toBe('330');
    await page.getByRole('heading', { level: 1, name }).focus();
    await tabTo(page, /^Save home local authority$/, 120);
    await page.keyboard.press('Enter');
    await saved.filter({ hasText: `${firstName} lives in Birmingham (330). They will be in the return for Birmingham.` }).waitFor({ timeout: 30_000 });
    await shown.filter({ hasText: 'Birmingham (330)' }).waitFor();
    expect(await section.getByRole('alert').count()).toBe(0);
    await fitsAtBothWidths(portals, page, name, 'home-authority-saved');

    // The Destinations page counts them in Birmingham's return, and one fewer in the school's own.
    await page.locator('body').focus();
    await tabTo(page, /^Destinations$/, 120);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Destinations' }).waitFor({ timeout: 30_000 });
    const table = page
      .getByRole('region', { name: 'Returns to local authorities' })
      .getByRole('table', { name: 'Local authorities your Year 11 and 12 pupils live in' });
    await table.waitFor({ timeout: 60_000 });
    const cells = async (authority: string) =>
      (
        await table
          .getByRole('row')
          .filter({ has: page.getByRole('rowheader', { name: authority, exact: true }) })
          .getByRole('cell')
          .allTextContents()
      ).slice(0, 2);
    expect(await table.getByRole('rowheader').allTextContents()).toEqual(["Leeds (your school's)", 'Birmingham']);
    expect(await cells('Birmingham')).toEqual(['1', '0']);
    expect(await cells("Leeds (your school's)")).toEqual([String(inReturn.length - 1), '0']);
    await context.close();
  });

  it('shows the rest of the record, and no control, to someone the field is forbidden to', async () => {
    // Staff of a school the pupil has left are refused the field (FORBIDDEN on its path) while the
    // rest of the record arrives: the gateway's answer is made so here.
    const { context, page } = await portals.signIn('leader@northfield.test');
    await page.getByRole('navigation', { name: 'Careers programme' }).waitFor({ timeout: 30_000 });
    await page.route('**/graphql', async (route) => {
      if (!(route.request().postData() ?? '').includes('query PupilRecord')) return route.fallback();
      const response = await route.fetch();
      const body = (await response.json()) as { data: { pupil: Record<string, unknown> | null }; errors?: unknown[] };
      if (body.data.pupil) body.data.pupil.homeLocalAuthority = null;
      body.errors = [
        ...(body.errors ?? []),
        { message: 'Only staff of the pupil’s school may read this.', path: ['pupil', 'homeLocalAuthority'], extensions: { code: 'FORBIDDEN' } },
      ];
      await route.fulfill({ response, json: body });
    });
    await page.goto(`${portals.stack.url}/careers#/pupils/${encodeURIComponent(pupil.id)}`);
    await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 30_000 });
    const section = page.getByRole('region', { name: 'Home local authority' });
    await section.getByText("Only staff of the pupil's current school can see where they live.").waitFor({ timeout: 30_000 });
    expect(await section.getByRole('combobox').count()).toBe(0);
    expect(await section.getByRole('button').count()).toBe(0);
    await page.getByRole('region', { name: 'Consent and sharing' }).getByRole('button', { name: 'Save consent settings' }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await fitsAtBothWidths(portals, page, name, 'home-authority-forbidden');
    await context.close();
  });
});
