// Tracking leavers in bulk in the browser (docs/domain-rules.md, "Destinations"): the careers leader
// chooses two leavers on the worklist by keyboard and records one status for both, then imports a
// small confirmation file (checked first, then imported whole). Axe-clean with nothing sideways at
// 1,366 and 390 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fitsAtBothWidths, startPortals, type Portals } from './browser.js';

let portals: Portals;

beforeAll(async () => {
  portals = await startPortals({ name: 'e2e-spell-bulk', shared: true });
});

afterAll(() => portals?.close());

type Entry = { pupil: { id: string; displayName: string }; leavingYear: number; needsConsent: boolean };

describe('bulk entry and confirmation files', () => {
  it('the leader records one status for two leavers by keyboard, then imports a confirmation file', async () => {
    const { context, page } = await portals.signIn('leader@northfield.test');
    await page.getByRole('navigation', { name: 'Careers programme' }).waitFor({ timeout: 30_000 });
    const graphql = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
      const response = await context.request.post(`${portals.stack.url}/graphql`, { data: { query, variables } });
      const body = (await response.json()) as { data: T; errors?: unknown };
      expect(body.errors).toBeUndefined();
      return body.data;
    };
    // Two leavers to follow up, who then agree to being followed after 16 (the demo's leavers have not).
    const { destinationsWorklist } = await graphql<{ destinationsWorklist: Entry[] }>(
      '{ destinationsWorklist { pupil { id displayName } leavingYear needsConsent } }',
    );
    const [first, second] = destinationsWorklist;
    expect(second).toBeDefined();
    for (const entry of [first, second])
      await graphql('mutation ($input: SetPupilConsentInput!) { setPupilConsent(input: $input) { error { code } } }', {
        input: { pupilId: entry.pupil.id, destinationTracking: true },
      });
    const { pupil } = await graphql<{ pupil: { upn: string } }>('query ($id: ID!) { pupil(id: $id) { upn } }', { id: first.pupil.id });

    await page.getByRole('navigation', { name: 'Careers programme' }).getByRole('button', { name: 'Destinations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Destinations' }).waitFor({ timeout: 30_000 });
    const worklist = page.getByRole('region', { name: 'Leavers to follow up' });
    const form = worklist.getByRole('form', { name: 'Record one status for the leavers chosen' });

    // Sending with nobody chosen: the summary says so and links back to the choices.
    await form.getByRole('button', { name: 'Record for 0 leavers' }).focus();
    await page.keyboard.press('Enter');
    await worklist.locator('.wm-error-summary').getByRole('link', { name: 'Choose at least one leaver in the list above' }).waitFor({ timeout: 30_000 });
    await fitsAtBothWidths(portals, page, 'Destinations', 'spell-bulk-problem');

    for (const entry of [first, second]) {
      await worklist.getByRole('checkbox', { name: `Choose ${entry.pupil.displayName}` }).focus();
      await page.keyboard.press('Space');
    }
    await form.getByLabel('What are they doing?').focus();
    await form.getByLabel('What are they doing?').selectOption('NOT_KNOWN');
    await form.getByLabel('Started on').fill(new Date().toISOString().slice(0, 10));
    await form.getByRole('button', { name: 'Record for 2 leavers' }).focus();
    await page.keyboard.press('Enter');
    await form.getByRole('status').filter({ hasText: 'Spell recorded for 2 leavers.' }).waitFor({ timeout: 30_000 });
    await fitsAtBothWidths(portals, page, 'Destinations', 'spell-bulk-recorded');

    for (const entry of [first, second]) {
      const { pupil: saved } = await graphql<{ pupil: { activitySpells: { activity: string; source: string }[] } }>(
        'query ($id: ID!) { pupil(id: $id) { activitySpells { activity source } } }',
        { id: entry.pupil.id },
      );
      expect(saved.activitySpells).toContainEqual({ activity: 'NOT_KNOWN', source: 'STAFF' });
    }

    // The confirmation file: one line with an unknown UPN first, then the right file.
    const imports = page.getByRole('region', { name: 'Import a confirmation file' });
    const header = 'UPN,Activity,Provider kind,Apprenticeship level,Provider,Start date,End date';
    const line = `${pupil.upn},Education,Further education college,,City College,04/09/${first.leavingYear},`;
    await imports.getByLabel("Or paste the file's lines").fill([header, line, 'Z999999999999,Education,Further education college,,,2025-09-04,'].join('\n'));
    await imports.getByRole('button', { name: 'Check the file' }).click();
    await imports.getByText('2 lines checked: 1 spell for 1 leaver is ready; 1 line has problems.').waitFor({ timeout: 30_000 });
    await imports.getByRole('table', { name: 'Problems in the file, by line' }).getByRole('rowheader', { name: '3' }).waitFor();
    expect(await imports.getByRole('button', { name: /^Import/ }).count()).toBe(0);
    await fitsAtBothWidths(portals, page, 'Destinations', 'spell-import-problems');

    // The corrected file, chosen as a file this time, and longer than the gateway's usual limit for one
    // value (20,000 characters) as real files are: its blank lines are skipped.
    await imports.getByLabel('CSV file').setInputFiles({
      name: 'confirmation.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([header, line, ...Array<string>(4000).fill(',,,,,,')].join('\r\n')),
    });
    await imports.getByRole('button', { name: 'Check the file' }).click();
    await imports.getByRole('button', { name: 'Import 1 spell' }).click();
    await imports.getByText('Imported 1 spell for 1 leaver, as confirmed by the local authority or college.').waitFor({ timeout: 30_000 });
    await fitsAtBothWidths(portals, page, 'Destinations', 'spell-import-done');

    const { pupil: confirmed } = await graphql<{
      pupil: { activitySpells: { activity: string; source: string; confirmed: boolean; provider: string | null }[] };
    }>('query ($id: ID!) { pupil(id: $id) { activitySpells { activity source confirmed provider } } }', { id: first.pupil.id });
    expect(confirmed.activitySpells).toContainEqual({ activity: 'EDUCATION', source: 'LA_CONFIRMATION', confirmed: true, provider: 'City College' });
    await context.close();
  });
});
