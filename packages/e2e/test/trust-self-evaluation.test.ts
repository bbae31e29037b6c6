// The trust's side-by-side of its schools' self-evaluations in the browser: Southbank's careers leader has
// kept a snapshot and then answered two of Benchmark 1's four areas (50%, amber, 50 points up since the
// snapshot); Northfield has answered none and kept none (0%, red). The trust's demo
// analyst opens "Self-evaluation" from the trust's navigation by keyboard, orders the schools by Benchmark 1
// with the column's heading button (highest first, then reversed), reads each reading in words, finds the
// school names kept in view and a line saying the table scrolls sideways at 390 px, and downloads the
// table in the order shown. Axe-clean with nothing sideways at 1,366 and 390 px.
// See docs/benchmarks-contract.md ("The trust's side-by-side").
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatDay, todayInEngland } from '@waymark/domain';
import { fitsAtBothWidths, startPortals, tabTo, type Portals } from './browser.js';

let portals: Portals;

beforeAll(async () => {
  portals = await startPortals({ name: 'e2e-trust-self-evaluation', shared: true });
});

afterAll(() => portals?.close());

const HEADING = "Schools' self-evaluations";
const table = (page: Page) => page.getByRole('table', { name: "Self-evaluation scores by school, with the change since each school's last snapshot" });
const schoolOrder = async (page: Page) => (await table(page).locator('tbody th').allTextContents()).map((name) => name.trim());
const sortOf = (page: Page, column: number) => table(page).locator('thead th').nth(column).getAttribute('aria-sort');

/** What the signed-in person gets back from the gateway for an operation (test set-up only). */
async function graphql(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<unknown> {
  return page.evaluate(async (body) => {
    const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return response.json();
  }, JSON.stringify({ query, variables }));
}
const SNAPSHOT = 'mutation { takeSelfEvaluationSnapshot { error { code } } }';
const ANSWER = 'mutation ($input: SetSelfEvaluationAnswerInput!) { setSelfEvaluationAnswer(input: $input) { error { code } } }';

describe("the trust's side-by-side of self-evaluations", () => {
  it('the analyst orders the schools by a benchmark by keyboard, reads the readings in words and downloads the table', async () => {
    const leader = await portals.signIn('leader@southbank.test');
    await leader.page.getByRole('heading', { level: 1, name: 'Gatsby benchmarks' }).waitFor({ timeout: 30_000 });
    // A snapshot first (Benchmark 1 at 0%), then two answers: 50% now, 50 points up since the snapshot.
    expect(await graphql(leader.page, SNAPSHOT)).toEqual({ data: { takeSelfEvaluationSnapshot: { error: null } } });
    for (const areaKey of ['B1_PUBLISHED', 'B1_PLANNED']) {
      const input = { areaKey, state: 'ACHIEVED', reason: 'Published on the school website in September.' };
      expect(await graphql(leader.page, ANSWER, { input })).toEqual({ data: { setSelfEvaluationAnswer: { error: null } } });
    }
    await leader.context.close();

    const { context, page } = await portals.signIn('trust@waymark-trust.test');
    await page.getByRole('navigation', { name: 'Trust' }).getByRole('button', { name: 'Self-evaluation' }).waitFor({ timeout: 30_000 });
    await page.locator('body').focus();
    await tabTo(page, /^Self-evaluation$/, 120);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: HEADING }).waitFor({ timeout: 30_000 });
    await table(page).waitFor({ timeout: 60_000 });

    // Ordered by name to begin with; the demo analyst has no pupil-level access, and is told what that changes.
    expect(await schoolOrder(page)).toEqual(['Northfield Academy', 'Southbank School']);
    expect(await sortOf(page, 0)).toBe('ascending');
    await page.getByText(/Figures for vulnerable groups are rounded to the nearest 5/).waitFor();

    // Benchmark 1's heading button, by keyboard: highest score first, and the order said in words.
    await page.getByRole('heading', { level: 1, name: HEADING }).focus();
    await tabTo(page, /^B1: A stable careers programme/);
    await page.keyboard.press('Enter');
    await page.getByText('Ordered by Benchmark 1, A stable careers programme: highest score first.').waitFor();
    expect(await schoolOrder(page)).toEqual(['Southbank School', 'Northfield Academy']);
    expect(await sortOf(page, 1)).toBe('descending');
    expect(await sortOf(page, 0)).toBeNull();
    // Each reading in words (the symbol and colour only repeat it), with the change since a snapshot.
    const southbank = table(page).getByRole('row', { name: /^Southbank School/ });
    const northfield = table(page).getByRole('row', { name: /^Northfield Academy/ });
    const cell = async (row: typeof southbank, benchmark: number) =>
      (
        await row
          .getByRole('cell')
          .nth(benchmark - 1)
          .textContent()
      )?.replace(/\s+/g, ' ');
    expect(await cell(southbank, 1)).toMatch(/^50% ◐ ?Amber\s?\+50 points$/);
    expect(await cell(southbank, 2)).toMatch(/^0% ○ ?Red\s?No change$/);
    expect(await cell(northfield, 1)).toMatch(/^0% ○ ?Red\s?–No snapshot$/);
    // Benchmark 3's change is withheld without pupil-level access, and the page says why.
    expect(await cell(southbank, 3)).toMatch(/Not shown$/);
    await page.getByText(/So Benchmark 3's change since a snapshot is not shown/).waitFor();
    expect(await southbank.getByRole('cell').last().textContent()).toBe(formatDay(todayInEngland()));
    expect(await northfield.getByRole('cell').last().textContent()).toBe('None yet');

    // Again: the order reverses.
    await page.keyboard.press('Enter');
    await page.getByText('Ordered by Benchmark 1, A stable careers programme: lowest score first.').waitFor();
    expect(await schoolOrder(page)).toEqual(['Northfield Academy', 'Southbank School']);
    expect(await sortOf(page, 1)).toBe('ascending');
    await page.keyboard.press('Enter');
    await page.getByText(/highest score first/).waitFor();
    const shown = await schoolOrder(page);
    expect(shown).toEqual(['Southbank School', 'Northfield Academy']);

    // The download keeps the order shown.
    await page.getByRole('button', { name: 'Download these scores (CSV)' }).focus();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const lines = readFileSync(await csv.path(), 'utf8')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^School,Last snapshot,B1 score %,B1 reading,B1 change since snapshot \(points\),B2 score %/);
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 5))).toEqual([
      ['Southbank School', todayInEngland(), '50', 'Amber', '50'],
      ['Northfield Academy', '', '0', 'Red', ''],
    ]);

    // At 390 px the table scrolls sideways inside its own region, says so, and keeps the school names in view.
    await page.setViewportSize({ width: 390, height: 900 });
    await page.getByText(/The table is wider than the screen: scroll sideways to see all eight benchmarks/).waitFor();
    await page.getByRole('region', { name: /Self-evaluation scores by school/ }).waitFor();
    expect(
      await table(page)
        .locator('tbody th')
        .first()
        .evaluate((cell) => getComputedStyle(cell).position),
    ).toBe('sticky');
    await fitsAtBothWidths(portals, page, HEADING, 'trust-self-evaluation');
    await context.close();
  });
});
