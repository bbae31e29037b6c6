// Pupil records in the browser: a careers leader imports a messy roster, reads the report,
// fixes the file and commits it; opens the new pupils; changes a pupil's groups; the school settings;
// a pupil downloads their record as a PDF. Written against docs/pupil-records-contract.md.
import { readFileSync } from 'node:fs';
import { randomBytes, randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { makeUpn } from '@waymark/domain';
import { openLeaderPage, signInAs, startPortals, type Portals } from './browser.js';
import { pdfText } from '@waymark/pdf/testing';

let portals: Portals;

beforeAll(async () => {
  portals = await startPortals({ name: 'e2e-records', shared: true });
});

afterAll(() => portals?.close());

const signIn = (email: string): Promise<{ context: BrowserContext; page: Page }> => portals.signIn(email);
const expectAccessible = (page: Page, name: string) => portals.expectAccessible(page, name);

/** A fresh permanent UPN with a valid check letter, far from the demo school's numbers. */
function newUpn(): string {
  return makeUpn(`999${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}`);
}

/** A date of birth (DD/MM/YYYY, as MIS exports write it) that puts a pupil in `yearGroup` this academic year. */
function dateOfBirthFor(yearGroup: number): string {
  const today = new Date();
  const academicYear = today.getMonth() >= 8 ? today.getFullYear() : today.getFullYear() - 1;
  return `15/01/${academicYear - yearGroup - 4}`;
}

function csv(rows: string[][]): Buffer {
  // Windows line endings, as MIS exports have them.
  return Buffer.from(`${rows.map((row) => row.join(',')).join('\r\n')}\r\n`, 'utf8');
}

async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').trim();
}

/** Resolves when the gateway has answered a roster preview. */
function previewAnswered(page: Page): Promise<unknown> {
  return page.waitForResponse((response) => response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes('PreviewRosterImport'), {
    timeout: 60_000,
  });
}

/** The line numbers in the rejected-rows table (its row headers). */
async function rejectedLines(page: Page): Promise<number[]> {
  const table = page.getByRole('table', { name: /problems found/i });
  await table.waitFor({ timeout: 30_000 });
  return (await table.locator('tbody th[scope="row"]').allTextContents()).map((text) => Number(text.replace(/\D/g, '')));
}

const tag = Array.from(randomBytes(4), (byte) => String.fromCharCode(97 + (byte % 26))).join('');
const surname = `Zephyrine${tag}`;
const upns = { ada: newUpn(), ben: newUpn(), cai: newUpn(), dee: newUpn(), eve: newUpn() };
const HEADER = ['UPN', 'Legal Surname', 'Legal Forename', 'Date of Birth', 'Year Group', 'Tutor Group', 'Locker Number'];

describe('a careers leader imports pupils from the MIS', () => {
  it('reads the report of a file with errors, fixes it, commits, watches it finish and finds the new pupils', async () => {
    const { context, page } = await signIn('leader@northfield.test');
    await page.getByText('Northfield Academy').first().waitFor({ timeout: 30_000 });
    await openLeaderPage(page, /^import pupils$/i);
    await page.getByRole('heading', { level: 1, name: 'Import pupils' }).waitFor();
    // Full roster is off by default, and says what it does.
    const fullRoster = page.getByRole('checkbox', { name: /every pupil on roll/i });
    expect(await fullRoster.isChecked()).toBe(false);
    await page.getByText(/marked as having left/i).waitFor();
    // The columns a file needs, and a template whose headers Waymark recognises.
    await page.getByRole('heading', { name: 'Columns you must include' }).waitFor({ timeout: 30_000 });
    const [template] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download a template (CSV)' }).click()]);
    expect(template.suggestedFilename()).toBe('waymark-pupil-import-template.csv');
    const templateHeader = readFileSync(await template.path(), 'utf8')
      .trim()
      .split(',');
    expect(templateHeader).toEqual(expect.arrayContaining(['UPN', 'Legal Surname', 'Legal Forename', 'Date of Birth', 'Year Group', 'Reg Group']));
    await expectAccessible(page, 'records-import-start');

    // Checking without a file says so, linked to the file input.
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('link', { name: /choose the csv file/i }).waitFor();

    const withErrors = csv([
      HEADER,
      [upns.ada, surname, 'Ada', dateOfBirthFor(10), '10', '10Z', 'L1'], // line 2
      [upns.ben, surname, 'Ben', dateOfBirthFor(9), '9', '9Z', 'L2'], // line 3
      ['A12345', surname, 'Cai', dateOfBirthFor(10), '10', '10Z', 'L3'], // line 4: not a UPN
      [upns.dee, surname, 'Dee', '31/02/2012', '10', '10Z', 'L4'], // line 5: no such date
      [upns.ada, surname, 'Eve', dateOfBirthFor(10), '10', '10Z', 'L5'], // line 6: Ada's UPN again
    ]);
    await page.getByLabel(/csv file exported from your mis/i).setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: withErrors });
    // These are some of the school's pupils, not all of them.
    await fullRoster.uncheck();
    await page.getByRole('button', { name: 'Check the file' }).click();

    const lines = await rejectedLines(page);
    expect(lines).toEqual(expect.arrayContaining([4, 5, 6]));
    expect(lines).not.toContain(3);
    const problemRows = page.getByRole('table', { name: /problems found/i }).locator('tbody tr');
    for (const line of [4, 5, 6]) {
      const row = problemRows.filter({ has: page.locator('th', { hasText: new RegExp(`^${line}$`) }) }).first();
      expect(await textOf(row.locator('td').last()), `reason for line ${line}`).not.toBe('');
    }
    // The heading of the report has focus, so a screen reader starts there.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toMatch(/check what will change/i);

    // "Locker Number" is not a roster field: the leader chooses to ignore it, then checks again.
    const locker = page.getByLabel('Column "Locker Number"');
    await locker.waitFor({ timeout: 30_000 });
    expect(await locker.locator('option', { hasText: 'Ignore this column' }).count()).toBe(1);
    expect(await locker.locator('option').count()).toBeGreaterThan(1);
    await expectAccessible(page, 'records-import-report');
    await locker.selectOption({ label: 'Ignore this column' });
    await Promise.all([previewAnswered(page), page.getByRole('button', { name: 'Check the file again' }).click()]);
    await page.getByRole('table', { name: /problems found/i }).waitFor({ timeout: 30_000 });

    // The fixed file: a real UPN for Cai, a real date for Dee, Eve's own UPN.
    const fixed = csv([
      HEADER,
      [upns.ada, surname, 'Ada', dateOfBirthFor(10), '10', '10Z', 'L1'],
      [upns.ben, surname, 'Ben', dateOfBirthFor(9), '9', '9Z', 'L2'],
      [upns.cai, surname, 'Cai', dateOfBirthFor(10), '10', '10Z', 'L3'],
      [upns.dee, surname, 'Dee', dateOfBirthFor(10), '10', '10Z', 'L4'],
      [upns.eve, surname, 'Eve', dateOfBirthFor(10), '10', '10Z', 'L5'],
    ]);
    await page.getByLabel(/csv file exported from your mis/i).setInputFiles({ name: 'roster-fixed.csv', mimeType: 'text/csv', buffer: fixed });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('Every row of the file can be imported.').waitFor({ timeout: 30_000 });
    const stat = (label: string) => textOf(page.locator('.wm-stat', { hasText: label }).locator('dd'));
    expect(await stat('New pupils to add')).toMatch(/^5/);
    expect(await stat('Pupils to mark as left')).toMatch(/^0/);

    const commit = page.getByRole('button', { name: 'Commit import' });
    expect(await commit.isEnabled()).toBe(true);
    await commit.click();
    await page.getByRole('heading', { name: 'Import complete' }).waitFor({ timeout: 60_000 });
    const bar = page.getByRole('progressbar', { name: 'Rows imported' });
    expect(await bar.getAttribute('aria-valuenow')).toBe('5');
    expect(await bar.getAttribute('aria-valuemax')).toBe('5');
    await page.getByText('5 new pupils added').waitFor();
    await expectAccessible(page, 'records-import-result');

    // The new pupils are in the list.
    await page.getByRole('button', { name: 'View pupils' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pupils' }).waitFor();
    await page.getByLabel('Search by name or UPN').fill(surname);
    for (const first of ['Ada', 'Ben', 'Cai', 'Dee', 'Eve']) await page.getByRole('link', { name: `${first} ${surname}` }).waitFor({ timeout: 30_000 });
    await page.getByLabel('Year group').selectOption('9');
    await expect.poll(() => page.getByRole('link', { name: new RegExp(surname) }).count(), { timeout: 30_000 }).toBe(1);
    await page.getByRole('link', { name: `Ben ${surname}` }).waitFor();
    await page.getByLabel('Tutor group').fill('9Z');
    await page.getByRole('checkbox', { name: 'Young carer' }).check();
    await expect.poll(() => page.getByRole('link', { name: new RegExp(surname) }).count(), { timeout: 30_000 }).toBe(0);
    await expectAccessible(page, 'records-pupils-filtered');
    await context.close();
  });

  it("opens a pupil's whole record and changes their groups after a confirmation", async () => {
    const { context, page } = await signIn('leader@northfield.test');
    await page.getByText('Northfield Academy').first().waitFor({ timeout: 30_000 });
    await openLeaderPage(page, /^pupils$/i);
    await page.getByLabel('Search by name or UPN').fill(surname);
    await page.getByRole('link', { name: `Ada ${surname}` }).click();
    await page.getByRole('heading', { level: 1, name: `Ada ${surname}` }).waitFor({ timeout: 30_000 });
    for (const section of ['Details', 'Vulnerable and target groups', 'Careers activities', 'Destinations', 'Consent and sharing', 'Schools', 'Comments']) {
      await page.getByRole('heading', { level: 2, name: section }).waitFor();
    }
    await page.getByText(upns.ada).waitFor();
    await expectAccessible(page, 'records-pupil-page');

    await page.getByRole('button', { name: 'Change groups' }).click();
    await page.getByRole('checkbox', { name: 'Young carer' }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    const dialog = page.getByRole('dialog', { name: /change ada .*groups/i });
    await dialog.waitFor();
    await dialog.getByText('Young carer').waitFor();
    await expectAccessible(page, 'records-flags-confirm');
    await dialog.getByRole('button', { name: 'Yes, change the groups' }).click();
    await page.getByText('Groups updated').waitFor({ timeout: 30_000 });
    await page
      .getByRole('table', { name: /changes to this pupil's groups/i })
      .getByRole('rowheader', { name: 'Young carer' })
      .first()
      .waitFor({ timeout: 30_000 });

    // Back to the list: Ada is now found by the group filter.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Pupils' }).waitFor();
    await page.getByRole('checkbox', { name: 'Young carer' }).check();
    await page.getByRole('link', { name: `Ada ${surname}` }).waitFor({ timeout: 30_000 });
    await context.close();
  });

  it("links a parent from the pupil's page, who signs in with the temporary password, then unlinks them after a confirmation", async () => {
    const { context, page } = await signIn('leader@northfield.test');
    await page.getByText('Northfield Academy').first().waitFor({ timeout: 30_000 });
    await openLeaderPage(page, /^pupils$/i);
    await page.getByLabel('Search by name or UPN').fill(surname);
    await page.getByRole('link', { name: `Ben ${surname}` }).click();
    const section = page.getByRole('region', { name: 'Parents and carers' });
    await section.getByText('No parent or carer is linked yet.').waitFor({ timeout: 30_000 });

    // Nothing filled in: the error summary takes focus and names both fields.
    const form = section.getByRole('form', { name: 'Link a parent or carer' });
    await form.getByRole('button', { name: 'Link parent or carer' }).click();
    await section.getByRole('link', { name: "Enter the parent's or carer's name" }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('wm-error-summary');
    const parentEmail = `carer.${tag}@example.test`;
    await form.getByLabel('Their name').fill('Bea Carer');
    await form.getByLabel('Their email address').fill(parentEmail);
    await form.getByRole('button', { name: 'Link parent or carer' }).click();
    await section.getByRole('heading', { name: 'Bea Carer is linked' }).waitFor({ timeout: 30_000 });
    const password = (await section.locator('code').textContent())!.trim();
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    await section.getByText(parentEmail).waitFor();
    await portals.expectAccessible(page, 'records-parent-linked');

    // The parent signs in with it and sees Ben.
    const parent = await signInAs(portals.browser, portals.stack.url, parentEmail, password);
    await parent.page.getByText(`Ben ${surname}`).first().waitFor({ timeout: 30_000 });
    await parent.context.close();

    // Unlinking asks first.
    await section.getByRole('button', { name: 'Unlink Bea Carer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Unlink Bea Carer?' });
    await dialog.getByRole('button', { name: 'Yes, unlink them' }).click();
    await section.getByRole('heading', { name: 'Bea Carer is no longer linked' }).waitFor({ timeout: 30_000 });
    await section.getByText('No parent or carer is linked yet.').waitFor();
    await context.close();
  });

  it('sees the school settings, with a clear confirmation before starting a new year', async () => {
    const { context, page } = await signIn('leader@northfield.test');
    await page.getByText('Northfield Academy').first().waitFor({ timeout: 30_000 });
    await openLeaderPage(page, /^school settings$/i);
    await page.getByRole('heading', { level: 1, name: 'School settings' }).waitFor();
    await page.getByRole('heading', { name: 'Parents and carers' }).waitFor({ timeout: 30_000 });
    await expectAccessible(page, 'records-settings');

    await page.getByRole('button', { name: /turn parent access (on|off)/i }).click();
    await page.getByText(/parent access is now (on|off)/i).waitFor({ timeout: 30_000 });

    await page.getByRole('button', { name: 'Start new academic year' }).click();
    const dialog = page.getByRole('dialog', { name: /start academic year/i });
    await dialog.waitFor();
    await dialog.getByText(/Year 13 are marked as leavers/).waitFor();
    // Focus starts on the safe choice.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('No, go back');
    await expectAccessible(page, 'records-rollover-confirm');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await context.close();
  });
});

describe('a pupil and their record', () => {
  it('downloads the record as a PDF with their name in it', async () => {
    const { context, page } = await signIn('pupil@northfield.test');
    await page.getByRole('heading', { level: 1, name: 'My record' }).waitFor({ timeout: 30_000 });
    await page.getByText('Maya Okafor').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByRole('button', { name: 'Download my record (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('waymark-record-maya-okafor.pdf');
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(bytes);
    expect(text).toContain('Maya Okafor');
    expect(text).toContain('Northfield Academy');
    await page.getByText('Downloaded as waymark-record-maya-okafor.pdf').waitFor();
    await context.close();
  });

  it('sees consent explained for under-16s, and comments, on an accessible page', async () => {
    const { context, page } = await signIn('pupil@northfield.test');
    await page.getByRole('heading', { level: 1, name: 'My record' }).waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { name: 'Consent and sharing' }).waitFor({ timeout: 30_000 });
    // Maya is in Year 10, so under 16: she is told who sets these, and cannot change them here.
    await page.getByText(/under 16, a parent or carer, or your school, sets these/i).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('button', { name: /save my choices/i }).count()).toBe(0);
    await page.getByRole('heading', { name: 'Comments' }).waitFor();
    await page
      .getByText(/no comments yet|, \d{2}\/\d{2}\/\d{4}/i)
      .first()
      .waitFor({ timeout: 30_000 });
    await expectAccessible(page, 'records-pupil-record');
    await context.close();
  });
});

describe('a leader who leaves "full roster" ticked on a small file', () => {
  it('sees a red warning and must type the number of leavers before anything is marked as left', async () => {
    const { context, page } = await signIn('leader@southbank.test');
    await openLeaderPage(page, /^import pupils$/i);
    await page.getByRole('heading', { level: 1, name: 'Import pupils' }).waitFor({ timeout: 30_000 });
    const small = csv([HEADER, [newUpn(), surname, 'Fay', dateOfBirthFor(8), '8', '8Z', 'L9']]);
    await page.getByLabel(/csv file exported from your mis/i).setInputFiles({ name: 'some-pupils.csv', mimeType: 'text/csv', buffer: small });
    await page.getByRole('checkbox', { name: /every pupil on roll/i }).check();
    await page.getByRole('button', { name: 'Check the file' }).click();
    const warning = page.locator('.wm-alert', { hasText: 'many pupils will be marked as left' });
    await warning.waitFor({ timeout: 30_000 });
    const leavers = Number((await textOf(page.locator('.wm-stat', { hasText: 'Pupils to mark as left' }).locator('dd'))).replace(/\D/g, ''));
    expect(leavers).toBeGreaterThan(10);
    await expectAccessible(page, 'records-import-many-leavers');

    // One click is not enough, and a wrong number is refused with the field in focus.
    const confirm = page.getByLabel(new RegExp(`To commit it, type ${leavers.toLocaleString('en-GB')}`));
    await page.getByRole('button', { name: 'Commit import' }).click();
    await page.getByText(/the number of pupils this import marks as left, to commit it/).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('inputmode'))).toBe('numeric');
    await confirm.fill('1');
    await page.getByRole('button', { name: 'Commit import' }).click();
    expect(await page.getByRole('heading', { name: 'Import complete' }).count()).toBe(0);

    // Typed right, it commits, and the school's pupils are marked as left as the preview said.
    await confirm.fill(String(leavers));
    await page.getByRole('button', { name: 'Commit import' }).click();
    await page.getByRole('heading', { name: 'Import complete' }).waitFor({ timeout: 60_000 });
    await page.getByText(`${leavers.toLocaleString('en-GB')} pupils marked as left`).waitFor();
    await context.close();
  });
});
