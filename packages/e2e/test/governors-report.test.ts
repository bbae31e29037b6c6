// The governors' report in the browser: the careers leader opens "Self-evaluation", finds "Governors’
// report" (the page is axe-clean with nothing sideways at 1,366 and 390 px), and downloads the PDF by
// keyboard. The PDF names the school and holds each part (scores, coverage, the plan, feedback,
// destinations), and no pupil's name. See docs/domain-rules.md ("The governors' report").
import { readFileSync } from 'node:fs';
import { demoData } from '@waymark/demo-data';
import { pdfText } from '@waymark/pdf/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fitsAtBothWidths, startPortals, type Portals } from './browser.js';

let portals: Portals;

beforeAll(async () => {
  portals = await startPortals({ name: 'e2e-governors-report', shared: true });
});

afterAll(() => portals?.close());

const data = demoData();
const northfield = data.schools[0];

describe('the governors’ report', () => {
  it('the leader downloads it by keyboard: every part, the school named, no pupil named', async () => {
    const { context, page } = await portals.signIn('leader@northfield.test');
    await page.getByRole('navigation', { name: 'Careers programme' }).getByRole('button', { name: 'Self-evaluation' }).click();
    const section = page.getByRole('region', { name: 'Governors’ report' });
    await section.waitFor({ timeout: 30_000 });
    await fitsAtBothWidths(portals, page, 'Self-evaluation', 'governors-report');

    const button = section.getByRole('button', { name: 'Download the governors’ report (PDF)' });
    await button.focus();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/^governors-report-northfield-academy-\d{4}-\d{2}-\d{2}\.pdf$/);
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(bytes);
    for (const expected of [
      'Careers programme: report to governors',
      `School${northfield.name}`,
      'The eight Gatsby Benchmarks',
      '1. A stable careers programme',
      'Coverage by year group',
      'All years',
      'Coverage for vulnerable groups',
      'Planned and delivered',
      'What people thought',
      'Where leavers went',
    ]) {
      expect(text).toContain(expected);
    }
    for (const pupil of data.pupils) {
      expect(text).not.toContain(`${pupil.legalForename} ${pupil.legalSurname}`);
      if (pupil.preferredName) expect(text).not.toContain(`${pupil.preferredName} ${pupil.legalSurname}`);
    }
    await section.getByText(`Downloaded ${download.suggestedFilename()}.`).waitFor();
    await context.close();
  });
});
