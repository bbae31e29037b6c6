// A pupil's subject access request, answered by the school's data protection lead in the browser with
// the keyboard alone: from their navigation to "Export a pupil's data", told plainly when a UPN is not a
// pupil of their school, shown the pupil's name to check, then the same JSON and printable page the
// pupil's record page gives staff, recorded in the data access log. The page works at 390 and 1,366 px
// with no serious axe findings. See docs/security.md, "The data protection lead".
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { demoData } from '@waymark/demo-data';
import { fitsAtBothWidths, startPortals, tabTo, type Portals } from './browser.js';

const data = demoData();
const maya = data.pupils.find((p) => p.id === data.accounts.find((a) => a.email === 'pupil@northfield.test')!.pupilId)!;
const southPupil = data.pupils.find((p) => p.schoolId === data.schools[1].id && p.leftOn === null)!;

let portals: Portals;

beforeAll(async () => {
  portals = await startPortals({ name: 'e2e-pupil-export', shared: true });
});

afterAll(() => portals?.close());

const fitsAt = (page: Page, name: string) => fitsAtBothWidths(portals, page, "Export a pupil's data", name);

describe("the data protection lead exports a pupil's data", () => {
  it('finds the pupil by UPN and downloads their data by keyboard alone, at 390 and 1,366 px', async () => {
    const { context, page } = await portals.signIn('dpl@northfield.test');
    await page.getByRole('heading', { level: 1, name: 'Data access log' }).waitFor({ timeout: 30_000 });

    // From the navigation, by keyboard.
    await page.getByRole('heading', { level: 1, name: 'Data access log' }).focus();
    await page.keyboard.press('Shift+Tab');
    await tabTo(page, /^Export a pupil's data$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: "Export a pupil's data" }).waitFor();
    await fitsAt(page, 'pupil-export-empty');

    // A pupil of another school: the same plain answer as a UPN nobody has, and nothing to download.
    await tabTo(page, /^The pupil's UPN/);
    await page.keyboard.type(southPupil.upn);
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'No pupil at your school has that UPN. Check it and try again.' }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('button', { name: /^Download everything Waymark holds/ }).count()).toBe(0);
    await fitsAt(page, 'pupil-export-not-found');

    // A mistyped UPN is caught before anything is asked.
    await tabTo(page, /^The pupil's UPN/);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('A12345');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Enter the UPN: a letter then 12 digits, like A123456789012' }).waitFor();

    // Their own pupil: the name to check, then one request saved as JSON and as a printable page.
    await tabTo(page, /^The pupil's UPN/);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(maya.upn.toLowerCase());
    await page.keyboard.press('Enter');
    const check = page.getByRole('heading', { level: 2, name: 'Check this is the pupil' });
    await check.waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Check this is the pupil');
    await page.getByText('Maya Okafor', { exact: true }).waitFor();
    await fitsAt(page, 'pupil-export-found');

    const saved: Promise<Download>[] = [
      page.waitForEvent('download'),
      page.waitForEvent('download', { predicate: (d) => d.suggestedFilename().endsWith('.html') }),
    ];
    await tabTo(page, /^Download everything Waymark holds$/);
    await page.keyboard.press('Enter');
    const [first, html] = await Promise.all(saved);
    const json = first.suggestedFilename().endsWith('.json') ? first : html;
    expect(json.suggestedFilename()).toMatch(/^subject-access-maya-okafor-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(readFileSync(await json.path(), 'utf8')) as { pupil: { id: string; name: string }; parts: { source: string }[] };
    expect(exported.pupil).toEqual({ id: maya.id, name: 'Maya Okafor' });
    expect(exported.parts.map((part) => part.source)).toEqual(['pupils', 'encounters', 'destinations']);
    expect(readFileSync(await html.path(), 'utf8')).toContain('Everything Waymark holds about Maya Okafor');
    await page.getByText(/^Downloaded subject-access-maya-okafor-.*\.json and /).waitFor();
    await fitsAt(page, 'pupil-export-downloaded');

    // The export is in the school's log, by the lead.
    await page.getByRole('heading', { level: 1, name: "Export a pupil's data" }).focus();
    await page.keyboard.press('Shift+Tab');
    await tabTo(page, /^Data access log$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Data access log' }).waitFor();
    const exportRow = page
      .getByRole('table', { name: /data access events/i })
      .locator('tbody tr')
      .filter({ hasText: 'Maya Okafor' })
      .filter({ hasText: 'Helen Brooks' });
    await exportRow.first().waitFor({ timeout: 30_000 });
    expect(await exportRow.count()).toBe(1);
    await context.close();
  });
});
