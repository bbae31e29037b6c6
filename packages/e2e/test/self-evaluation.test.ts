// Self-evaluation in the browser: the careers leader opens "Self-evaluation", reads the eight-benchmark
// summary (score and reading in words), answers a Benchmark 1 area by keyboard (sending no reason is
// refused with the summary leading to the field), sees the benchmark's score change, and removes the
// answer again. The page is axe-clean with nothing sideways at 1,366 and 390 px. Then the leader takes a
// snapshot by keyboard (a second the same day is refused), sees it in the trend, answers an area, and
// finds the eight scores heading the benchmark dashboard with the change since the snapshot, linking back.
// See docs/domain-rules.md ("Self-evaluation").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startPortals, type Portals } from './browser.js';

let portals: Portals;

beforeAll(async () => {
  portals = await startPortals({ name: 'e2e-self-evaluation', shared: true });
});

afterAll(() => portals?.close());

const AREA = 'The careers programme is published on the school website for pupils, parents, staff and employers.';
const benchmarkOne = (page: Page) => page.getByRole('region', { name: 'Benchmark 1: A stable careers programme' });
const summaryRow = (page: Page) => page.getByRole('row', { name: /^1\. A stable careers programme/ });

async function expectFitsAndAccessible(page: Page, name: string): Promise<void> {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.getByRole('heading', { level: 1, name: 'Self-evaluation' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal scroll on ${name} at ${width}px`).toBeLessThanOrEqual(0);
    await portals.expectAccessible(page, `${name}-${width}`);
  }
}

describe('self-evaluation', () => {
  it('the leader answers an area with a reason by keyboard and sees the score change', async () => {
    const { context, page } = await portals.signIn('leader@northfield.test');
    await page.getByRole('navigation', { name: 'Careers programme' }).getByRole('button', { name: 'Self-evaluation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Self-evaluation' }).waitFor({ timeout: 30_000 });
    await benchmarkOne(page).waitFor({ timeout: 30_000 });

    // Eight benchmarks in the summary, each with its reading in words; Benchmark 1 starts with nothing answered.
    expect(await page.getByRole('table', { name: 'Scores for the eight benchmarks' }).getByRole('row').count()).toBe(9);
    await expect.poll(() => summaryRow(page).textContent()).toMatch(/0%.*\(0 of 4\).*Red: a long way to go/);
    await benchmarkOne(page).getByText('Score: 0% (0 of 4 areas achieved)').waitFor();
    await expectFitsAndAccessible(page, 'self-evaluation');

    // By keyboard: open the answer form, send it without a reason, then answer properly.
    await page.getByRole('button', { name: `Answer this area: ${AREA}` }).focus();
    await page.keyboard.press('Enter');
    const state = page.getByLabel('Your answer', { exact: true });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('answer-state-B1_PUBLISHED');
    await state.selectOption('ACHIEVED');
    const save = page.getByRole('button', { name: 'Save answer' });
    await save.focus();
    await page.keyboard.press('Enter');
    const summaryLink = page.locator('.wm-error-summary').getByRole('link', { name: 'Enter a reason for your answer' });
    await summaryLink.waitFor();
    await summaryLink.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('answer-reason-B1_PUBLISHED');
    await page.keyboard.type('The programme page went live in September.');
    await save.focus();
    await page.keyboard.press('Enter');

    await page.getByText('Your answer was saved.').waitFor({ timeout: 30_000 });
    await benchmarkOne(page).getByText('Score: 25% (1 of 4 areas achieved)').waitFor({ timeout: 30_000 });
    await benchmarkOne(page).getByText('Reason: The programme page went live in September.').waitFor();
    await expect.poll(() => summaryRow(page).textContent()).toMatch(/25%.*\(1 of 4\).*Red: a long way to go/);
    await expectFitsAndAccessible(page, 'self-evaluation-answered');

    // Removing the answer gives the area back to the records: the score falls again.
    await page.getByRole('button', { name: `Remove your answer: ${AREA}` }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Your answer was removed: the records answer this area again.').waitFor({ timeout: 30_000 });
    await benchmarkOne(page).getByText('Score: 0% (0 of 4 areas achieved)').waitFor();
    await context.close();
  });

  it('the leader takes a snapshot, sees the trend, and finds the summary heading the dashboard with the change since it', async () => {
    const { context, page } = await portals.signIn('leader@northfield.test');
    const nav = page.getByRole('navigation', { name: 'Careers programme' });
    await nav.getByRole('button', { name: 'Self-evaluation' }).click();
    const trend = page.getByRole('region', { name: 'Snapshots and trend' });
    await trend.waitFor({ timeout: 30_000 });
    await trend.getByText('No snapshot has been kept yet.').waitFor({ timeout: 30_000 });

    // By keyboard: take a snapshot; the trend shows it, one row per benchmark, figures in words.
    const take = trend.getByRole('button', { name: 'Take a snapshot now' });
    await take.focus();
    await page.keyboard.press('Enter');
    await trend.getByRole('status').filter({ hasText: 'Snapshot taken' }).waitFor({ timeout: 30_000 });
    const table = trend.getByRole('table', { name: 'Scores at the last snapshot, oldest first' });
    await table.waitFor({ timeout: 30_000 });
    expect(await table.getByRole('row').count()).toBe(9);
    await expect.poll(() => table.getByRole('row', { name: /^1\. A stable careers programme/ }).textContent()).toMatch(/0%/);
    await expect.poll(() => table.getByRole('columnheader').nth(1).textContent()).toMatch(/\d{1,2} \w{3} \d{4} \(taken by hand\)/);
    await expectFitsAndAccessible(page, 'self-evaluation-trend');

    // A snapshot is never replaced: a second the same day is refused in words.
    await take.focus();
    await page.keyboard.press('Enter');
    await trend.getByRole('status').filter({ hasText: 'A snapshot was already taken today' }).waitFor({ timeout: 30_000 });
    expect(await table.getByRole('row').count()).toBe(9);

    // An answer after the snapshot moves Benchmark 1 to 25%.
    await page.getByRole('button', { name: `Answer this area: ${AREA}` }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Your answer', { exact: true }).selectOption('ACHIEVED');
    await page.getByLabel('Reason', { exact: true }).fill('Published in September.');
    await page.getByRole('button', { name: 'Save answer' }).focus();
    await page.keyboard.press('Enter');
    await benchmarkOne(page).getByText('Score: 25% (1 of 4 areas achieved)').waitFor({ timeout: 30_000 });

    // The dashboard opens with the eight scores, their reading in words and the change since the snapshot.
    await nav.getByRole('button', { name: 'Benchmarks' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gatsby benchmarks' }).waitFor({ timeout: 30_000 });
    const summary = page.getByRole('region', { name: 'Your eight benchmarks' });
    const scores = summary.getByRole('table', { name: 'Self-evaluation scores for the eight benchmarks' });
    await scores.waitFor({ timeout: 60_000 });
    expect(await scores.getByRole('row').count()).toBe(9);
    await expect
      .poll(() => scores.getByRole('row', { name: /^1\. A stable careers programme/ }).textContent())
      .toMatch(/25%.*\(1 of 4\).*Red: a long way to go.*\+25 points since \d{1,2} \w{3} \d{4}/);
    await expect.poll(() => scores.getByRole('row', { name: /^2\. / }).textContent()).toMatch(/No change since/);
    // It heads the page: the first section after the page's heading.
    const headings = (await page.locator('h1, h2').allTextContents()).map((text) => text.trim());
    expect(headings[headings.indexOf('Gatsby benchmarks') + 1]).toBe('Your eight benchmarks');
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await scores.waitFor();
      // The summary fits the width (its table scrolls inside its own frame when it must). The rest of the
      // dashboard is measured by its own test.
      await expect
        .poll(() => summary.evaluate((el) => el.getBoundingClientRect().right - window.innerWidth), { message: `the summary is wider than ${width}px` })
        .toBeLessThanOrEqual(0);
      await portals.expectAccessible(page, `dashboard-summary-${width}`);
    }

    // By keyboard, the summary leads to the self-evaluation page.
    await summary.getByRole('link', { name: 'Open the self-evaluation' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Self-evaluation' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: `Remove your answer: ${AREA}` }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Your answer was removed: the records answer this area again.').waitFor({ timeout: 30_000 });
    await context.close();
  });
});
