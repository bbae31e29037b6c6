// Destination figures in the browser (docs/domain-rules.md, "Destination figures"): the careers
// leader reads their newest leavers' figures on Destinations, a chart with the same figures in a
// table, and filters them to a vulnerable group by keyboard; a trust analyst without pupil-level
// access sees every school side by side on the trust's page, with small numbers withheld. Both pages
// are axe-clean with nothing sideways at 1,366 and 390 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fitsAtBothWidths, startPortals, type Portals } from './browser.js';

let portals: Portals;

beforeAll(async () => {
  portals = await startPortals({ name: 'e2e-destination-figures', shared: true });
});

afterAll(() => portals?.close());

interface Figure {
  count: number | null;
  percent: number | null;
  suppressed: boolean;
}
interface Answer {
  destinationAnalytics: {
    exact: boolean;
    leavingYears: number[];
    rows: {
      leavingYear: number;
      schoolId: string | null;
      group: string | null;
      leavers: Figure;
      categories: { category: string; label: string; september: Figure }[];
    }[];
  };
}
const QUERY = `{ destinationAnalytics { exact leavingYears rows { leavingYear schoolId group leavers { count percent suppressed }
  categories { category label september { count percent suppressed } } } } }`;

/** What the signed-in person gets back from the gateway (the figures the page should show). */
async function figures(page: Page): Promise<Answer['destinationAnalytics']> {
  return page.evaluate(
    async (body) => {
      const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      return ((await response.json()) as { data: Answer }).data.destinationAnalytics;
    },
    JSON.stringify({ query: QUERY }),
  );
}

/** A figure as the page writes it: "50% (6)", or "Withheld". */
const text = (figure: Figure) =>
  figure.suppressed || figure.count === null
    ? 'Withheld'
    : `${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(figure.percent!)}% (${new Intl.NumberFormat('en-GB').format(figure.count)})`;

describe('destination figures', () => {
  it("the careers leader reads their leavers' figures in a chart and a table, and filters to a group by keyboard", async () => {
    const { context, page } = await portals.signIn('leader@northfield.test');
    await page.getByRole('navigation', { name: 'Careers programme' }).getByRole('button', { name: 'Destinations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Destinations' }).waitFor({ timeout: 30_000 });
    const region = page.getByRole('region', { name: 'Destination figures' });
    await region.getByText(/^Leavers in the summer of \d{4}:/).waitFor({ timeout: 60_000 });

    const answer = await figures(page);
    expect(answer.exact).toBe(true);
    const year = answer.leavingYears[0];
    const row = answer.rows.find((r) => r.leavingYear === year && r.group === null)!;
    expect(row.leavers.count).toBeGreaterThan(0);
    await region.getByText(`Leavers in the summer of ${year}: ${row.leavers.count} leaver${row.leavers.count === 1 ? '' : 's'}`).waitFor();
    // The table beside the chart: the September figure of the first kind of destination anyone went to, as the API gives it.
    const table = region.getByRole('table', { name: new RegExp(`^Leavers of ${year} by destination`) });
    const went = row.categories.find((c) => (c.september.count ?? 0) > 0)!;
    const cells = table.getByRole('row', { name: new RegExp(`^${went.label}`) }).getByRole('cell');
    expect(await cells.nth(1).textContent()).toBe(text(went.september));
    // The chart says the same in words beside the bar, not by colour alone.
    const chart = region.getByRole('figure', { name: /what they planned, where they went in September/ });
    const bar = chart.getByRole('listitem').filter({ hasText: `${went.label}: in September` });
    expect(await bar.textContent()).toBe(`${went.label}: in September: ${text(went.september)}`);

    // Keyboard only: from the year to the group filter with Tab, and down to the first group.
    await region.getByRole('combobox', { name: 'Left Year 11 in the summer of' }).focus();
    await page.keyboard.press('Tab');
    const group = region.getByRole('combobox', { name: 'Vulnerable or target group' });
    expect(await group.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowDown');
    await region.getByText(/^SEN support: leavers in the summer of \d{4}:/).waitFor({ timeout: 30_000 });
    expect(await group.evaluate((element) => element === document.activeElement)).toBe(true);

    await fitsAtBothWidths(portals, page, 'Destinations', 'destination-figures-leader');
    await context.close();
  });

  it('a trust analyst without pupil-level access sees the schools side by side with small numbers withheld', async () => {
    const { context, page } = await portals.signIn('trust@waymark-trust.test');
    await page.getByRole('navigation', { name: 'Trust' }).getByRole('button', { name: 'Schools and destinations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Trust overview' }).waitFor({ timeout: 30_000 });
    const region = page.getByRole('region', { name: 'Destination figures' });
    await region.getByText(/whole trust:/).waitFor({ timeout: 60_000 });

    const answer = await figures(page);
    expect(answer.exact).toBe(false);
    await region.getByText(/Numbers from 1 to 4 are withheld/).waitFor();
    const year = answer.leavingYears[0];
    const table = region.getByRole('table', { name: new RegExp(`^Leavers of ${year}, school by school`) });
    const trust = answer.rows.find((r) => r.leavingYear === year && r.group === null && r.schoolId === null)!;
    const trustRow = table.getByRole('row', { name: /^Whole trust/ });
    expect(await trustRow.getByRole('cell').first().textContent()).toBe(String(trust.leavers.count));
    // One row per school and the trust's.
    expect(await table.getByRole('row').count()).toBe(1 + answer.rows.filter((r) => r.leavingYear === year && r.group === null).length);
    // Whatever is withheld reads "Withheld", never a small number.
    for (const cell of await table.getByRole('cell').allTextContents()) expect(cell).not.toMatch(/^[1-4]$|\([1-4]\)$/);

    await fitsAtBothWidths(portals, page, 'Trust overview', 'destination-figures-trust');
    await context.close();
  });
});
