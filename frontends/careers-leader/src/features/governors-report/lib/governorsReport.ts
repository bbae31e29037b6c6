import { academicYearLabel, dayInEngland, formatDay } from '@waymark/domain';
import type { PdfBlock, PdfDocument } from '@waymark/pdf';
import { MEASURES } from '../../../shared/benchmarks';
import { YEAR_GROUPS } from '../../../shared/encounterKinds';
import { VULNERABLE_GROUPS } from '../../../shared/vulnerableGroups';
import type { GovernorsReportData } from '../graphql/governorsReport';

/*
 * The governors' report: the school's careers figures for its governing board, as blocks for
 * @waymark/pdf. Figures only: no pupil is named, and no free text (what pupils wrote they learned, survey
 * comments) is carried over, as it could name someone. Kept apart from the drawing so the content can be
 * tested without a PDF library.
 */

export interface GovernorsReport extends PdfDocument {
  fileName: string;
}

type Cell = NonNullable<GovernorsReportData['schoolDashboard']>['cells'][number];
type Figure = NonNullable<GovernorsReportData['destinationAnalytics']>['rows'][number]['sustained'];

/** How many snapshots the trend shows beside today's scores, so the table fits the page. */
const SNAPSHOTS_SHOWN = 3;
/** How many leaving years of destinations, newest first. */
const LEAVING_YEARS_SHOWN = 3;

const whole = (value: number) => value.toLocaleString('en-GB');
const pct = (score: number) => `${Math.round(score * 100)}%`;
const longDate = (value: string | Date) => formatDay(value, 'long');

/** "northfield-academy" from "Northfield Academy"; accents dropped, anything else becomes a hyphen. */
export function slug(text: string): string {
  const plain = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return plain || 'school';
}

/** The benchmarks the records measure, in order (a benchmark with several measures once). */
function measuredBenchmarks(cells: readonly Cell[]): number[] {
  const present = new Set(cells.map((cell) => cell.measure));
  return [...new Set(MEASURES.filter((measure) => present.has(measure.value)).map((measure) => measure.benchmark))].sort((a, b) => a - b);
}

/**
 * The share of pupils' measures met for one benchmark over some cells: every measure of the benchmark
 * added together (a benchmark measured by 16 and by 18 counts both); "–" when nobody is counted.
 */
function coverage(cells: readonly Cell[], benchmark: number): string {
  const measures = new Set(MEASURES.filter((measure) => measure.benchmark === benchmark).map((measure) => measure.value));
  let eligible = 0;
  let met = 0;
  for (const cell of cells) {
    if (!measures.has(cell.measure)) continue;
    eligible += cell.eligible;
    met += cell.met;
  }
  return eligible > 0 ? `${Math.round((met / eligible) * 100)}%` : '–';
}

function coverageColumns(first: string, benchmarks: readonly number[]) {
  const firstWidth = 0.3;
  return [{ header: first, width: firstWidth }, ...benchmarks.map((number) => ({ header: `B${number}`, width: (1 - firstWidth) / benchmarks.length }))];
}

function scoreBlocks(data: GovernorsReportData): PdfBlock[] {
  const blocks: PdfBlock[] = [{ kind: 'heading', text: 'The eight Gatsby Benchmarks' }];
  const evaluation = data.selfEvaluation;
  if (!evaluation) return [...blocks, { kind: 'paragraph', text: 'The self-evaluation could not be read when this report was made.' }];
  const shown = (data.selfEvaluationSnapshots ?? []).slice(-SNAPSHOTS_SHOWN);
  blocks.push({
    kind: 'paragraph',
    text: `Each benchmark's score is the share of its areas the school has achieved, from its records and the careers leader's answers (an area in progress counts nothing). Today's scores are from records read on ${longDate(evaluation.asOf)}.${
      shown.length
        ? ' Beside them are the scores kept at the latest snapshots, so the board can see the trend.'
        : ' No snapshot has been kept yet, so there is no trend to show.'
    }`,
  });
  const scoreAt = (snapshot: (typeof shown)[number], benchmark: number) => snapshot.scores.find((score) => score.benchmark === benchmark)?.score ?? null;
  const series = [...shown.map((snapshot) => formatDay(snapshot.takenOn, 'medium')), 'Today'];
  blocks.push({
    kind: 'bars',
    caption: 'Benchmark scores over time',
    max: 100,
    series,
    rows: evaluation.benchmarks.map((b) => {
      const scores = [...shown.map((snapshot) => scoreAt(snapshot, b.benchmark)), b.score];
      return {
        label: `${b.benchmark}. ${b.name}`,
        values: scores.map((score) => (score === null ? null : Math.round(score * 100))),
        texts: scores.map((score) => (score === null ? 'not kept' : pct(score))),
      };
    }),
  });
  const width = 0.62 / (shown.length + 2);
  blocks.push({
    kind: 'table',
    caption: 'Benchmark scores, at each snapshot and today',
    columns: [
      { header: 'Benchmark', width: 0.38 },
      ...shown.map((snapshot) => ({ header: formatDay(snapshot.takenOn, 'medium'), width })),
      { header: 'Today', width },
      { header: 'Areas achieved', width },
    ],
    rows: evaluation.benchmarks.map((b) => [
      `${b.benchmark}. ${b.name}`,
      ...shown.map((snapshot) => {
        const score = scoreAt(snapshot, b.benchmark);
        return score === null ? '–' : pct(score);
      }),
      pct(b.score),
      `${b.achieved} of ${b.areas.length}`,
    ]),
  });
  return blocks;
}

function coverageBlocks(data: GovernorsReportData): PdfBlock[] {
  const dashboard = data.schoolDashboard;
  const blocks: PdfBlock[] = [{ kind: 'heading', text: 'Coverage by year group' }];
  if (!dashboard) return [...blocks, { kind: 'paragraph', text: 'The benchmark figures could not be read when this report was made.' }];
  const benchmarks = measuredBenchmarks([...dashboard.cells, ...dashboard.groupCells]);
  const explain = `The share of what each benchmark asks for that pupils have had, on ${longDate(dashboard.asOf)}, for the benchmarks the school's records measure (B2 is Benchmark 2, and so on). Where a benchmark is measured more than once (by 16 and by 18, say), each counts. A dash means no pupil is counted.`;
  const years = YEAR_GROUPS.filter((year) => dashboard.cells.some((cell) => cell.yearGroup === year && cell.eligible > 0));
  const allYears = dashboard.cells.filter((cell) => cell.yearGroup == null);
  blocks.push({ kind: 'paragraph', text: `${whole(dashboard.pupilCount)} pupils on roll. ${explain}` });
  blocks.push({
    kind: 'table',
    caption: 'Coverage of each benchmark by year group',
    columns: coverageColumns('Year group', benchmarks),
    rows: [
      ...years.map((year) => [
        `Year ${year}`,
        ...benchmarks.map((b) =>
          coverage(
            dashboard.cells.filter((cell) => cell.yearGroup === year),
            b,
          ),
        ),
      ]),
      ['All years', ...benchmarks.map((b) => coverage(allYears, b))],
    ],
  });

  blocks.push({ kind: 'heading', text: 'Coverage for vulnerable groups' });
  const groups = VULNERABLE_GROUPS.filter((group) => dashboard.groupCells.some((cell) => cell.group === group.value && cell.eligible > 0));
  if (groups.length === 0) {
    blocks.push({ kind: 'paragraph', text: 'No pupil is recorded in a vulnerable group, so there are no figures to show.' });
    return blocks;
  }
  blocks.push({
    kind: 'paragraph',
    text: 'The same shares for each vulnerable group with pupils in it, across all year groups, with all pupils first to compare against.',
  });
  blocks.push({
    kind: 'table',
    caption: 'Coverage of each benchmark for each vulnerable group',
    columns: coverageColumns('Group', benchmarks),
    rows: [
      ['All pupils', ...benchmarks.map((b) => coverage(allYears, b))],
      ...groups.map((group) => [
        group.label,
        ...benchmarks.map((b) =>
          coverage(
            dashboard.groupCells.filter((cell) => cell.group === group.value),
            b,
          ),
        ),
      ]),
    ],
  });
  return blocks;
}

function planBlocks(data: GovernorsReportData): PdfBlock[] {
  const blocks: PdfBlock[] = [{ kind: 'heading', text: 'Planned and delivered' }];
  const plan = data.programmePlan;
  if (!plan) return [...blocks, { kind: 'paragraph', text: 'The careers programme plan could not be read when this report was made.' }];
  const total = plan.items.length;
  if (total === 0) return [...blocks, { kind: 'paragraph', text: `No activities are planned for ${plan.label} yet.` }];
  const count = (status: string) => plan.items.filter((item) => item.status === status).length;
  const delivered = count('DELIVERED');
  blocks.push({
    kind: 'paragraph',
    text: `The careers programme for ${plan.label}: the activities planned, and how many have happened. An activity has happened once an encounter that delivered it is recorded; one that has slipped was due and has not happened.`,
  });
  blocks.push({
    kind: 'fields',
    rows: [
      { label: 'Planned activities', value: whole(total) },
      { label: 'Delivered', value: `${whole(delivered)} (${Math.round((delivered / total) * 100)}%)` },
      { label: 'Still to come', value: whole(count('PLANNED')) },
      { label: 'Slipped', value: whole(count('SLIPPED')) },
    ],
  });
  return blocks;
}

const average = (value: number | null | undefined) =>
  value == null ? 'no ratings' : `${value.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} out of 4`;

function evaluationBlocks(data: GovernorsReportData): PdfBlock[] {
  const blocks: PdfBlock[] = [{ kind: 'heading', text: 'What people thought' }];
  const results = data.evaluationResults;
  if (!results) return [...blocks, { kind: 'paragraph', text: 'The evaluation results could not be read when this report was made.' }];
  const rated = results.encounters.filter((entry) => entry.responses > 0);
  const ratings = rated.reduce((sum, entry) => sum + entry.responses, 0);
  if (rated.length === 0) {
    blocks.push({ kind: 'paragraph', text: `Pupils have not rated any careers activity in ${results.label} yet.` });
  } else {
    const overall = rated.reduce((sum, entry) => sum + (entry.average ?? 0) * entry.responses, 0) / ratings;
    blocks.push({
      kind: 'paragraph',
      text: `In ${results.label} pupils gave ${whole(ratings)} ratings to ${whole(rated.length)} careers ${rated.length === 1 ? 'activity' : 'activities'}, from 1 (not useful) to 4 (really useful): ${average(Math.round(overall * 10) / 10)} on average. The best rated:`,
    });
    const best = [...rated].sort((a, b) => (b.average ?? 0) - (a.average ?? 0) || b.responses - a.responses).slice(0, 3);
    blocks.push({
      kind: 'table',
      caption: 'The best-rated careers activities',
      columns: [
        { header: 'Activity', width: 0.5 },
        { header: 'Date', width: 0.2 },
        { header: 'Average', width: 0.15 },
        { header: 'Ratings', width: 0.15 },
      ],
      rows: best.map((entry) => [entry.encounter.title, formatDay(entry.encounter.date, 'medium'), average(entry.average), whole(entry.responses)]),
    });
  }
  const surveys = results.surveys.filter((survey) => survey.answers > 0);
  if (surveys.length === 0) {
    blocks.push({ kind: 'paragraph', text: 'No survey of parents, staff or employers has answers yet this year.' });
    return blocks;
  }
  blocks.push({ kind: 'paragraph', text: 'Surveys of the programme (each question answered from 1 to 4):' });
  for (const survey of surveys) {
    blocks.push({
      kind: 'item',
      title: `${survey.label}: ${whole(survey.answers)} ${survey.answers === 1 ? 'answer' : 'answers'}`,
      lines: survey.results.map((result) => `${result.text} ${average(result.average)}`),
    });
  }
  return blocks;
}

/** A destination figure as the API gives it: withheld, rounded ("about"), or a count with its share. */
export function figureText(figure: Figure): string {
  if (figure.suppressed || figure.count == null) return 'withheld';
  const count = `${figure.rounded ? 'about ' : ''}${whole(figure.count)}`;
  return figure.percent == null ? count : `${count} (${figure.percent.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%)`;
}

function destinationBlocks(data: GovernorsReportData): PdfBlock[] {
  const blocks: PdfBlock[] = [{ kind: 'heading', text: 'Where leavers went' }];
  const analytics = data.destinationAnalytics;
  if (!analytics) return [...blocks, { kind: 'paragraph', text: 'The destination figures could not be read when this report was made.' }];
  const rows = analytics.rows.filter((row) => row.group == null && row.schoolId != null).slice(0, LEAVING_YEARS_SHOWN);
  if (rows.length === 0) {
    return [...blocks, { kind: 'paragraph', text: 'No destination figures yet: they appear here once Year 11 leavers’ destinations are recorded.' }];
  }
  blocks.push({
    kind: 'paragraph',
    text: 'Year 11 leavers by the summer they left: how many stayed in education, training or work through their first year after school (sustained), and how many are now not in education, employment or training (NEET) or not known. Each share is of that year’s leavers. A small number may be withheld (shown as “withheld”) so that no young person can be recognised.',
  });
  const current = (row: (typeof rows)[number], category: string) => {
    const found = row.categories.find((entry) => entry.category === category);
    return found ? figureText(found.current) : '–';
  };
  blocks.push({
    kind: 'table',
    caption: 'Destinations of Year 11 leavers',
    columns: [
      { header: 'Left Year 11', width: 0.16 },
      { header: 'Leavers', width: 0.14 },
      { header: 'Sustained', width: 0.24 },
      { header: 'NEET now', width: 0.23 },
      { header: 'Not known now', width: 0.23 },
    ],
    rows: rows.map((row) => [
      `Summer ${row.leavingYear}`,
      figureText(row.leavers),
      row.yearOneSettled ? figureText(row.sustained) : `${figureText(row.sustained)} so far`,
      current(row, 'NEET'),
      current(row, 'NOT_KNOWN'),
    ]),
  });
  return blocks;
}

export function buildGovernorsReport(data: GovernorsReportData, producedOn: Date): GovernorsReport {
  const school = data.schoolDashboard?.school?.name ?? 'Your school';
  const year = data.selfEvaluation?.academicYear;
  const title = `Careers programme: report to governors`;
  const blocks: PdfBlock[] = [
    { kind: 'title', text: title },
    {
      kind: 'fields',
      rows: [
        { label: 'School', value: school },
        ...(year != null ? [{ label: 'Academic year', value: academicYearLabel(year) }] : []),
        { label: 'Produced on', value: longDate(producedOn) },
      ],
    },
    {
      kind: 'paragraph',
      text: 'This report gives the governing board the school’s careers figures: its scores against the eight Gatsby Benchmarks and how they have moved, how far each year group and each vulnerable group has got, the careers programme planned and delivered, what pupils and others thought of it, and where leavers went. It holds figures only: no pupil is named.',
    },
    ...scoreBlocks(data),
    ...coverageBlocks(data),
    ...planBlocks(data),
    ...evaluationBlocks(data),
    ...destinationBlocks(data),
  ];
  return {
    title: `${title}, ${school}`,
    subject: `The careers figures of ${school} for its governing board`,
    author: school,
    footer: `Careers report to governors, ${school}, ${longDate(producedOn)}`,
    producedOn,
    fileName: `governors-report-${slug(school)}-${dayInEngland(producedOn)}.pdf`,
    blocks,
  };
}
