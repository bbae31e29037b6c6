// A pupil's address and a parent or carer on the careers leader's pupil record (docs/domain-rules.md,
// "The local authority return"): not recorded at first; once the school's information has them (here
// set through the API, as a roster import would), the record shows the address as lines of a letter
// and the parent or carer with theirs. No serious axe findings and no sideways scroll at 1,366 and
// 390 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoData } from '@waymark/demo-data';
import { fitsAtBothWidths, startPortals, type Portals } from './browser.js';

let portals: Portals;

beforeAll(async () => {
  portals = await startPortals({ name: 'e2e-pupil-address', shared: true });
});

afterAll(() => portals?.close());

const data = demoData();
const northfield = data.schools[0];
const pupil = data.pupils.find((p) => p.schoolId === northfield.id && p.leftOn === null && p.yearGroup === 11)!;
const name = `${pupil.preferredName ?? pupil.legalForename} ${pupil.legalSurname}`;
const SET = 'mutation ($input: SetPupilAddressInput!) { setPupilAddress(input: $input) { error { code message } } }';

describe("a pupil's address and parent or carer on their record", () => {
  it('shows none recorded, then the address and the parent or carer once the school has them, at both widths', async () => {
    const { context, page } = await portals.signIn('leader@northfield.test');
    await page.getByRole('navigation', { name: 'Careers programme' }).waitFor({ timeout: 30_000 });
    await page.goto(`${portals.stack.url}/careers#/pupils/${encodeURIComponent(pupil.id)}`);
    await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 30_000 });
    const section = page.getByRole('region', { name: 'Address and parent or carer' });
    await section.locator('dd').first().filter({ hasText: 'Not recorded' }).waitFor({ timeout: 30_000 });

    const response = await context.request.post(`${portals.stack.url}/graphql`, {
      data: {
        query: SET,
        variables: {
          input: {
            pupilId: pupil.id,
            homeAddress: { line1: '12 Mill Lane', town: 'Leeds', postcode: 'ls6 2ab' },
            parentCarer: { name: 'Sam Carter', address: { line1: '4 Station Road', town: 'Bradford', postcode: 'BD1 1AA' } },
          },
        },
      },
    });
    expect(((await response.json()) as { data: { setPupilAddress: { error: unknown } } }).data.setPupilAddress.error).toBeNull();

    await page.reload();
    await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 30_000 });
    const values = section.locator('dd');
    await values.first().filter({ hasText: '12 Mill Lane' }).waitFor({ timeout: 30_000 });
    expect(await values.allInnerTexts()).toEqual(['12 Mill Lane\nLeeds\nLS6 2AB', 'Sam Carter', '4 Station Road\nBradford\nBD1 1AA']);
    await fitsAtBothWidths(portals, page, name, 'pupil-address');
    await context.close();
  });
});
