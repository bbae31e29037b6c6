// The returns to local authorities in the browser (docs/domain-rules.md, "The local authority
// return"): the careers leader records where three Year 11 pupils live (two in Birmingham, one of them
// opted out of sharing, and one in Bradford), then sees on Destinations each authority their pupils
// live in with a count, how many have no home authority recorded, and downloads Birmingham's return by
// keyboard: the pupil who lives there is in it, the one who opted out and everyone living elsewhere
// are not. Axe-clean with nothing sideways at 1,366 and 390 px.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoData } from '@waymark/demo-data';
import { parseCsv } from '@waymark/domain';
import { fitsAtBothWidths, startPortals, type Portals } from './browser.js';

let portals: Portals;

beforeAll(async () => {
  portals = await startPortals({ name: 'e2e-la-return', shared: true });
});

afterAll(() => portals?.close());

const data = demoData();
const northfield = data.schools[0];
const inReturn = data.pupils.filter((p) => p.schoolId === northfield.id && p.leftOn === null && (p.yearGroup === 11 || p.yearGroup === 12));
const [brum, brumOptedOut, bradford] = inReturn.filter((p) => p.yearGroup === 11);

describe('returns to local authorities', () => {
  it('the leader sees where their pupils live, with a count each, and downloads one authority’s return by keyboard', async () => {
    const { context, page } = await portals.signIn('leader@northfield.test');
    await page.getByRole('navigation', { name: 'Careers programme' }).waitFor({ timeout: 30_000 });
    const graphql = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
      const response = await context.request.post(`${portals.stack.url}/graphql`, { data: { query, variables } });
      const body = (await response.json()) as { data: T; errors?: unknown };
      expect(body.errors).toBeUndefined();
      return body.data;
    };
    const SET = 'mutation ($input: SetPupilHomeLocalAuthorityInput!) { setPupilHomeLocalAuthority(input: $input) { error { code } } }';
    for (const [pupil, code] of [
      [brum, '330'],
      [brumOptedOut, '330'],
      [bradford, '380'],
    ] as const) {
      const answer = await graphql<{ setPupilHomeLocalAuthority: { error: unknown } }>(SET, { input: { pupilId: pupil.id, code } });
      expect(answer.setPupilHomeLocalAuthority.error).toBeNull();
    }
    await graphql('mutation ($input: SetPupilConsentInput!) { setPupilConsent(input: $input) { error { code } } }', {
      input: { pupilId: brumOptedOut.id, localAuthoritySharingOptOut: true },
    });

    // What the gateway answers the leader: the page should show exactly this.
    const { intentionReturnAuthorities: answer } = await graphql<{
      intentionReturnAuthorities: { authorities: { name: string; included: number; optedOut: number }[] };
    }>('{ intentionReturnAuthorities { authorities { name included optedOut } homeNotRecorded } }');
    expect(answer.authorities).toEqual([
      { name: 'Leeds', included: inReturn.length - 3, optedOut: 0 },
      { name: 'Birmingham', included: 1, optedOut: 1 },
      { name: 'Bradford', included: 1, optedOut: 0 },
    ]);

    await page.getByRole('navigation', { name: 'Careers programme' }).getByRole('button', { name: 'Destinations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Destinations' }).waitFor({ timeout: 30_000 });
    const section = page.getByRole('region', { name: 'Returns to local authorities' });
    const table = section.getByRole('table', { name: 'Local authorities your Year 11 and 12 pupils live in' });
    await table.waitFor({ timeout: 60_000 });
    const row = (name: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    const cells = async (name: string) => (await row(name).getByRole('cell').allTextContents()).slice(0, 2);
    // The school's own authority first, holding everyone with no home authority recorded.
    expect(await table.getByRole('rowheader').allTextContents()).toEqual(["Leeds (your school's)", 'Birmingham', 'Bradford']);
    expect(await cells("Leeds (your school's)")).toEqual([String(inReturn.length - 3), '0']);
    expect(await cells('Birmingham')).toEqual(['1', '1']);
    expect(await cells('Bradford')).toEqual(['1', '0']);
    await section
      .getByText(`${inReturn.length - 3} pupils have no home local authority recorded, so they are all in the return for Leeds.`, { exact: false })
      .waitFor();
    await fitsAtBothWidths(portals, page, 'Destinations', 'la-return');

    const button = row('Birmingham').getByRole('button', { name: 'Download for Birmingham' });
    await button.focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^intended-destinations-and-september-offer-${northfield.urn}-la330-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const csv = readFileSync(await download.path(), 'utf8');
    expect(
      parseCsv(csv)
        .records.slice(1)
        .map((record) => record.cells[0]),
    ).toEqual([brum.upn]);
    await section
      .getByRole('status')
      .filter({
        hasText:
          /^Downloaded .*-la330-.*\.csv for Birmingham: 1 pupil\. 1 left out because they or their parent opted out of sharing with the local authority\.$/,
      })
      .waitFor();
    await context.close();
  });
});
