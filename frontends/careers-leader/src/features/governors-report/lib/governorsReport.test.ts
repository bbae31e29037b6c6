import { renderPdf } from '@waymark/pdf';
import { logicalOrder, nodeFontLoader, pdfText } from '@waymark/pdf/testing';
import { describe, expect, it } from 'vitest';
import type { GovernorsReportData } from '../graphql/governorsReport';
import { buildGovernorsReport, figureText } from './governorsReport';

const producedOn = new Date('2027-03-15T10:00:00.000Z');
const figure = (count: number | null, percent: number | null, extra: { suppressed?: boolean; rounded?: boolean } = {}) => ({
  count,
  percent,
  suppressed: extra.suppressed ?? false,
  rounded: extra.rounded ?? false,
});

function data(schoolName: string): GovernorsReportData {
  const names = ['A stable careers programme', 'Learning from career and labour market information', 'Addressing the needs of each young person'];
  return {
    selfEvaluation: {
      asOf: '2027-03-15',
      academicYear: 2026,
      benchmarks: Array.from({ length: 8 }, (_, index) => ({
        benchmark: index + 1,
        name: names[index] ?? `Benchmark name ${index + 1}`,
        score: (index + 1) / 8,
        achieved: index + 1,
        areas: Array.from({ length: 8 }, (__, area) => ({ key: `b${index + 1}-${area}` })),
      })),
    },
    selfEvaluationSnapshots: [
      { id: 's1', takenOn: '2026-12-18', kind: 'SCHEDULED', scores: Array.from({ length: 8 }, (_, index) => ({ benchmark: index + 1, score: index / 8 })) },
    ],
    schoolDashboard: {
      school: { id: 'school-1', name: schoolName },
      asOf: '2027-03-15',
      pupilCount: 40,
      cells: [
        { measure: 'B5_EMPLOYERS', yearGroup: 10, group: null, eligible: 20, met: 15 },
        { measure: 'B5_EMPLOYERS', yearGroup: null, group: null, eligible: 40, met: 22 },
        { measure: 'B2_LMI', yearGroup: 10, group: null, eligible: 20, met: 4 },
        { measure: 'B2_LMI', yearGroup: null, group: null, eligible: 40, met: 10 },
      ],
      groupCells: [
        { measure: 'B5_EMPLOYERS', yearGroup: null, group: 'EHCP', eligible: 6, met: 3 },
        { measure: 'B2_LMI', yearGroup: null, group: 'EHCP', eligible: 6, met: 0 },
      ],
    },
    programmePlan: {
      label: '2026/27',
      items: [
        { id: 'p1', status: 'DELIVERED' },
        { id: 'p2', status: 'DELIVERED' },
        { id: 'p3', status: 'PLANNED' },
        { id: 'p4', status: 'SLIPPED' },
      ],
    },
    evaluationResults: {
      label: '2026/27',
      encounters: [
        { responses: 30, average: 3.6, encounter: { id: 'e1', title: 'Engineering employer talk', date: '2027-01-20' } },
        { responses: 10, average: 2.1, encounter: { id: 'e2', title: 'Sixth-form open evening', date: '2026-11-04' } },
      ],
      surveys: [
        {
          id: 'v1',
          label: 'Parents and carers, autumn term 2026/27',
          answers: 12,
          results: [{ key: 'helps', text: 'The careers programme helps my child.', responses: 12, average: 3.2 }],
        },
      ],
    },
    destinationAnalytics: {
      rows: [
        {
          leavingYear: 2026,
          schoolId: 'school-1',
          group: null,
          septemberTooEarly: false,
          yearOneSettled: false,
          leavers: figure(120, null),
          sustained: figure(90, 75),
          categories: [
            { category: 'NEET', current: figure(null, null, { suppressed: true }) },
            { category: 'NOT_KNOWN', current: figure(9, 7.5) },
          ],
        },
      ],
    },
  };
}

const render = async (schoolName: string) => {
  const report = buildGovernorsReport(data(schoolName), producedOn);
  return { report, text: pdfText(await renderPdf(report, nodeFontLoader())) };
};

describe('the governors’ report', () => {
  it('gives the title page, the eight scores with their trend, coverage, the plan, feedback and destinations', async () => {
    const { report, text } = await render('Northfield Academy');
    expect(report.fileName).toBe('governors-report-northfield-academy-2027-03-15.pdf');
    const lines = text.split('\n');
    expect(lines).toContain('Careers programme: report to governors');
    expect(text).toContain('SchoolNorthfield Academy');
    expect(text).toContain('Produced on15 March 2027');
    expect(text).toContain('Academic year2026/27');
    // Each benchmark in the chart and the table: the snapshot's score, today's, and areas achieved.
    for (let b = 1; b <= 8; b += 1) expect(text).toContain(`${Math.round((b / 8) * 100)}%`);
    expect(text).toMatch(/18 Dec 2026Today/);
    expect(text).toContain('8. Benchmark name 8');
    expect(text).toContain('8 of 8');
    // Coverage: Year 10 met B2 4 of 20 (20%) and B5 15 of 20 (75%); EHCP 0% and 50%.
    expect(text).toContain('Year 1020%75%');
    expect(text).toContain('All years25%55%');
    expect(text).toContain('EHCP0%50%');
    // Planned against delivered.
    expect(text).toContain('Planned activities4');
    expect(text).toContain('Delivered2 (50%)');
    expect(text).toContain('Slipped1');
    // Feedback: 40 ratings, the best activity first.
    expect(text).toContain('40 ratings');
    expect(text).toContain('Engineering employer talk');
    expect(text).toContain('Parents and carers, autumn term 2026/27: 12 answers');
    // Destinations as the API gives them, the suppressed count withheld.
    expect(text).toContain('Summer 2026120');
    expect(text).toContain('90 (75.0%) so far');
    expect(text).toContain('withheld');
    expect(text).toContain('9 (7.5%)');
  });

  it.each([
    ['accents', 'École Sainte-Thérèse de Łódź'],
    ['Arabic', 'مدرسة النور'],
    ['Chinese', '北京国际学校'],
  ])('prints a school name with %s as written', async (_kind, name) => {
    const { text } = await render(name);
    const lines = text.split('\n').map(logicalOrder);
    expect(lines.some((line) => line === `School${name}`)).toBe(true);
    expect(lines.some((line) => line.startsWith(`Careers report to governors, ${name}, 15 March 2027`))).toBe(true);
    expect(lines.join('\n')).not.toContain('?');
  });

  it('names no pupil: what pupils wrote and any survey comments are never read into it', async () => {
    const input = data('Northfield Academy');
    // A field the query does not ask for, as if an API change handed it back: the report must not carry it.
    const leaked = {
      ...input,
      evaluationResults: {
        ...input.evaluationResults!,
        encounters: input.evaluationResults!.encounters.map((entry) => ({ ...entry, learned: ['Maya Okafor learned about welding'] })),
        surveys: input.evaluationResults!.surveys.map((survey) => ({ ...survey, comments: ['Tom Price loved it'] })),
      },
    } as GovernorsReportData;
    const report = buildGovernorsReport(leaked, producedOn);
    const text = pdfText(await renderPdf(report, nodeFontLoader()));
    expect(text).not.toContain('Maya');
    expect(text).not.toContain('Tom Price');
    expect(JSON.stringify(report.blocks)).not.toMatch(/Maya|Tom Price/);
  });

  it('says when a part could not be read, and when there are no destinations yet', () => {
    const report = buildGovernorsReport({ ...data('Northfield Academy'), programmePlan: null, destinationAnalytics: { rows: [] } }, producedOn);
    const paragraphs = report.blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : []));
    expect(paragraphs).toContain('The careers programme plan could not be read when this report was made.');
    expect(paragraphs.some((text) => text.startsWith('No destination figures yet'))).toBe(true);
  });

  it('writes a figure as the API gives it: withheld, rounded or exact with its share', () => {
    expect(figureText(figure(null, null, { suppressed: true }))).toBe('withheld');
    expect(figureText(figure(15, 12.5, { rounded: true }))).toBe('about 15 (12.5%)');
    expect(figureText(figure(1234, null))).toBe('1,234');
  });
});
