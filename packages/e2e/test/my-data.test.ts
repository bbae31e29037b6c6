// "Download my data" in the browser: a pupil (on My record), a parent (on their child's record page)
// and a volunteer (on My volunteering) each download everything Waymark keeps about them: a JSON file
// with every subgraph's part, and a printable page that is itself accessible and fits a phone. The
// portal pages stay axe-clean with no sideways scroll at 390 px. See docs/audit-trail.md.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Download, Page } from 'playwright-core';
import { axeScan, serious, startPortals, type Portals } from './browser.js';

let portals: Portals;

beforeAll(async () => {
  portals = await startPortals({ name: 'e2e-my-data', shared: true });
});

afterAll(() => portals?.close());

interface Exported {
  person: { id: string; name: string };
  generatedAt: string;
  parts: { source: string; sections: { title: string; rows: Record<string, unknown>[] }[] }[];
}

/** Clicks "Download my data" and reads both files: the JSON and the printable page. */
async function downloadMyData(page: Page, name: string): Promise<{ json: Exported; html: string }> {
  const slug = name.toLowerCase().replace(/\s+/g, '-');
  const downloads: Download[] = [];
  const both = new Promise<void>((resolve) => {
    page.on('download', (download) => {
      downloads.push(download);
      if (downloads.length === 2) resolve();
    });
  });
  const section = page.getByRole('region', { name: 'Your data' });
  await section.getByRole('button', { name: 'Download my data' }).click();
  await both;
  const names = downloads.map((download) => download.suggestedFilename()).sort();
  expect(names[0]).toMatch(new RegExp(`^my-waymark-data-${slug}-\\d{4}-\\d{2}-\\d{2}\\.html$`));
  expect(names[1]).toMatch(new RegExp(`^my-waymark-data-${slug}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
  const read = async (extension: string) => readFileSync(await downloads.find((d) => d.suggestedFilename().endsWith(extension))!.path(), 'utf8');
  await section.getByText(/^Downloaded my-waymark-data-.*\.html and .*\.json\.$/).waitFor();
  return { json: JSON.parse(await read('.json')) as Exported, html: await read('.html') };
}

const rowsOf = (json: Exported, source: string, title: string) => json.parts.find((p) => p.source === source)?.sections.find((s) => s.title === title)?.rows;

/** Laptop and phone widths: nothing wider than the window, and no serious axe findings. */
async function expectFitsAndAccessible(page: Page, name: string, heading: string): Promise<void> {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal scroll at ${width}px`).toBeLessThanOrEqual(0);
    await portals.expectAccessible(page, `${name}-${width}`);
  }
}

/** The printable page on its own, at phone width: no scripts to run, nothing sideways, no serious axe findings. */
async function expectPrintablePageReadable(browser: Browser, html: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 390, height: 900 }, javaScriptEnabled: true });
  const page = await context.newPage();
  await page.setContent(html);
  expect(await page.locator('script').count()).toBe(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  expect(serious(await axeScan(page)), 'axe on the printable page').toEqual([]);
  await context.close();
}

describe('Download my data', () => {
  it('a pupil downloads everything Waymark keeps about them from My record', async () => {
    const { context, page } = await portals.signIn('pupil@northfield.test');
    await page.getByRole('heading', { level: 1, name: 'My record' }).waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { level: 2, name: 'Your data' }).waitFor({ timeout: 30_000 });

    const { json, html } = await downloadMyData(page, 'Maya Okafor');
    expect(json.person.name).toBe('Maya Okafor');
    expect(json.parts.map((part) => part.source)).toEqual(['identity', 'pupils', 'employers', 'encounters', 'destinations']);
    expect(rowsOf(json, 'identity', 'Your account')?.[0]).toMatchObject({ email: 'pupil@northfield.test' });
    expect(rowsOf(json, 'pupils', 'Pupil record')?.[0]).toMatchObject({ legal_forename: 'Maya', legal_surname: 'Okafor' });
    expect(rowsOf(json, 'encounters', 'Careers activities you were invited to, and your reflections')!.length).toBeGreaterThan(0);
    expect(html).toContain('<h1>Everything Waymark keeps about you, Maya Okafor</h1>');
    expect(html).toContain('<h2>Your school record</h2>');
    expect(html).toMatch(/your school&#39;s careers leader/);
    await expectPrintablePageReadable(portals.browser, html);

    await expectFitsAndAccessible(page, 'my-data-pupil', 'My record');
    await context.close();
  });

  it('a parent downloads their own data, naming their child and nothing more of hers', async () => {
    const { context, page } = await portals.signIn('parent@northfield.test');
    await page.getByRole('heading', { level: 1, name: /record$/ }).waitFor({ timeout: 30_000 });
    const { json, html } = await downloadMyData(page, 'Grace Okafor');
    expect(rowsOf(json, 'pupils', 'Your children (their names only)')).toEqual([expect.objectContaining({ legal_forename: 'Maya', legal_surname: 'Okafor' })]);
    expect(rowsOf(json, 'pupils', 'Pupil record')).toBeUndefined();
    expect(html).toMatch(/ask your child&#39;s school/);
    await context.close();
  });

  it('a volunteer downloads their profile and engagements from My volunteering, with no pupil in them', async () => {
    const { context, page } = await portals.signIn('employer@acme.test');
    await page.getByRole('heading', { level: 1, name: 'My volunteering' }).waitFor({ timeout: 30_000 });
    await page.getByText('Engineering careers talk').first().waitFor({ timeout: 30_000 });

    const { json, html } = await downloadMyData(page, 'Sam Patel');
    expect(json.parts.map((part) => part.source)).toEqual(['identity', 'pupils', 'employers', 'encounters', 'destinations']);
    expect(rowsOf(json, 'employers', 'Your volunteer profile')?.[0]).toMatchObject({ first_name: 'Sam', email: 'employer@acme.test' });
    const engagements = rowsOf(json, 'encounters', 'Careers activities you helped with')!;
    expect(engagements.map((row) => row.title)).toContain('Engineering careers talk');
    expect(JSON.stringify(json)).not.toContain('Maya');
    expect(html).toContain('<h1>Everything Waymark keeps about you, Sam Patel</h1>');
    expect(html).toContain('<h2>Your volunteering</h2>');
    await expectPrintablePageReadable(portals.browser, html);

    await expectFitsAndAccessible(page, 'my-data-volunteer', 'My volunteering');
    await context.close();
  });
});
