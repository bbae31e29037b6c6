// "A record worth keeping", keyboard only: a pupil downloads their record as a PDF and as a web page
// from My record, the PDF holds their name, their benchmarks and their activities (drawn in embedded
// fonts), and the web page opens on its own and works at 390 and 1,366 px with no sideways scroll and
// no serious axe findings. My record and My progress say the same benchmarks are done. See
// frontends/README.md, "Pupil records".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeScan, serious, startPortals, type Portals } from './browser.js';
import { pdfText } from '@waymark/pdf/testing';

let portals: Portals;

beforeAll(async () => {
  portals = await startPortals({ name: 'e2e-record-download', shared: true });
});

afterAll(() => portals?.close());

/** Presses Tab until the focused element's text matches (at most `limit` presses). */
async function tabTo(page: Page, name: RegExp, limit = 120): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => (document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '').trim());
    if (name.test(text)) return;
  }
  throw new Error(`Tab never reached ${name.source}`);
}

async function fitsAndAccessible(page: Page, name: string, check: (page: Page) => Promise<void>): Promise<void> {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal scroll at ${width}px on ${name}`).toBeLessThanOrEqual(0);
    await check(page);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

describe('the record to keep', () => {
  it('a pupil downloads the PDF and opens the web page by keyboard alone; both agree with My progress', async () => {
    const { context, page } = await portals.signIn('pupil@northfield.test');
    await page.getByRole('heading', { level: 1, name: 'My record' }).waitFor({ timeout: 30_000 });
    const done = page.locator('.wm-stat', { hasText: 'Gatsby benchmarks done' }).locator('dd');
    await done.waitFor({ timeout: 30_000 });
    const doneOnRecord = (await done.textContent())!;

    // The PDF, by keyboard.
    await page.locator('body').focus();
    await tabTo(page, /^Download my record \(PDF\)$/);
    const [pdf] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.keyboard.press('Enter')]);
    expect(pdf.suggestedFilename()).toBe('waymark-record-maya-okafor.pdf');
    const bytes = readFileSync(await pdf.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(bytes);
    for (const expected of ['Careers record: Maya Okafor', 'Northfield Academy', 'Gatsby Benchmarks', 'Work experience', 'Careers activities (', 'Interests']) {
      expect(text).toContain(expected);
    }
    await page.getByText('Downloaded as waymark-record-maya-okafor.pdf').waitFor();

    // The web page, by keyboard: the next button along.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Download my record (web page)');
    const [html] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.keyboard.press('Enter')]);
    expect(html.suggestedFilename()).toBe('waymark-record-maya-okafor.html');
    // Saved under its own name, as a browser saves it, so it opens as a web page.
    const file = join(portals.work, html.suggestedFilename());
    await html.saveAs(file);
    await portals.expectAccessible(page, 'record-download-my-record');

    // My progress gives the same benchmarks as done.
    await tabTo(page, /^My progress$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'My progress' }).waitFor();
    const glance = page.getByRole('table', { name: 'Each benchmark at a glance' });
    await glance.waitFor({ timeout: 30_000 });
    const doneOnProgress = await glance.locator('tbody tr', { hasText: 'Done' }).locator('th').allTextContents();
    const numbers = doneOnProgress.map((cell) => Number.parseInt(cell, 10));
    expect(doneOnRecord).toBe(numbers.length ? `${numbers.length}Benchmark${numbers.length === 1 ? '' : 's'} ${numbers.join(', ')}` : '0None yet');

    // The web page on its own: no script, the same name and benchmarks, headings and tables, fits a phone.
    const pageView = await context.newPage();
    await pageView.goto(pathToFileURL(file).href);
    await pageView.getByRole('heading', { level: 1, name: 'Careers record: Maya Okafor' }).waitFor();
    expect(await pageView.locator('script').count()).toBe(0);
    expect(await pageView.getByRole('heading', { level: 2 }).allTextContents()).toEqual(
      expect.arrayContaining(['Gatsby Benchmarks', 'Work experience', 'Interests']),
    );
    const table = pageView.getByRole('table', { name: 'Each Gatsby Benchmark and how far it has got' });
    const doneInPage = await table.locator('tbody tr', { hasText: 'Done' }).locator('th').allTextContents();
    expect(doneInPage.map((cell) => Number.parseInt(cell, 10))).toEqual(numbers);
    await fitsAndAccessible(pageView, 'record web page', async (view) => {
      expect(serious(await axeScan(view)), 'axe on the record web page').toEqual([]);
    });
    await context.close();
  });

  it('My record and My progress fit 390 and 1,366 px with the new parts', async () => {
    const { context, page } = await portals.signIn('pupil@northfield.test');
    await page.getByRole('heading', { level: 1, name: 'My record' }).waitFor({ timeout: 30_000 });
    await page.locator('.wm-stat', { hasText: 'Gatsby benchmarks done' }).waitFor({ timeout: 30_000 });
    await fitsAndAccessible(page, 'My record', (view) => portals.expectAccessible(view, `record-download-record-${view.viewportSize()!.width}`));
    await page.goto(`${page.url().split('#')[0]}#/progress`);
    await page.getByRole('table', { name: 'Each benchmark at a glance' }).waitFor({ timeout: 30_000 });
    await fitsAndAccessible(page, 'My progress', (view) => portals.expectAccessible(view, `record-download-progress-${view.viewportSize()!.width}`));
    await context.close();
  });
});
