import { GATSBY_BENCHMARKS, formatDay } from '@waymark/domain';
import type { PdfBlock as SharedBlock, PdfDocument } from '@waymark/pdf';
import type { BenchmarkCoverage } from '../../../shared/coverage';
import { WORK_EXPERIENCE_TARGET_HOURS, WORK_EXPERIENCE_YEAR_9_HOURS } from '../../my-progress/lib/progress';

/**
 * What goes in the downloadable record, as plain blocks of text. Kept apart from the PDF drawing
 * (@waymark/pdf, shared with the careers leader's governors' report) so the content can be tested (and
 * read) without a PDF library.
 */

export interface RecordForPdf {
  displayName: string;
  schoolName: string | null;
  yearGroup: number | null;
  /** The activities the pupil took part in (attended), in any order, with what the pupil wrote afterwards. */
  activities: readonly { title: string; kindLabel: string; date: string; benchmarks: readonly number[]; reflection?: string | null }[];
  intendedDestination: { kindLabel: string; provider?: string | null } | null;
  /** Where they went after leaving, in stage order, if anything is recorded yet. */
  laterDestinations?: readonly { stageLabel: string; kindLabel: string }[];
  /** Each benchmark and whether it is covered (src/shared/coverage.ts); null when progress could not be read. */
  benchmarks?: readonly BenchmarkCoverage[] | null;
  /** The measures behind them that apply to the pupil now, in the engine's order. */
  measures?: readonly { benchmark: number; title: string; stateText: string; detail: string }[];
  /** The day the benchmark progress was worked out for (YYYY-MM-DD). */
  progressAsOf?: string | null;
  workExperience?: { hoursYears7to9: number; hoursYears10to11: number; hoursTotal: number; days: number } | null;
  /** Activities the pupil added themself; null when they could not be read. */
  ownActivities?:
    | readonly {
        title: string;
        kindLabel: string;
        startedOn: string;
        endedOn: string | null;
        hours: number;
        statusText: string;
        declineReason: string | null;
      }[]
    | null;
  /** Hashtags the pupil follows; null when they could not be read. */
  interests?: readonly string[] | null;
  consideringHigherEducation?: boolean | null;
}

/** The record's blocks: everything @waymark/pdf draws but a chart. */
export type PdfBlock = Exclude<SharedBlock, { kind: 'bars' }>;

export interface RecordDocument extends PdfDocument {
  fileName: string;
  blocks: PdfBlock[];
}

/** A day or an instant as people write it, "4 March 2026", on the calendar in England. */
export function formatLongDate(value: string | Date): string {
  return formatDay(value, 'long');
}

/** "maya-okafor" from "Maya Okafor"; accents dropped, anything else becomes a hyphen. */
export function slug(text: string): string {
  const plain = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return plain || 'pupil';
}

export function recordFileName(displayName: string, extension: 'pdf' | 'html' = 'pdf'): string {
  return `waymark-record-${slug(displayName)}.${extension}`;
}

export function benchmarksLine(benchmarks: readonly number[]): string {
  if (benchmarks.length === 0) return 'Gatsby Benchmarks: none';
  const sorted = [...new Set(benchmarks)].sort((a, b) => a - b);
  const named = sorted.map((number) => {
    const known = GATSBY_BENCHMARKS.find((benchmark) => benchmark.number === number);
    return known ? `${number} (${known.name})` : String(number);
  });
  return `Gatsby Benchmark${sorted.length === 1 ? '' : 's'}: ${named.join('; ')}`;
}

const hours = (value: number) => value.toLocaleString('en-GB', { maximumFractionDigits: 1 });

function benchmarkBlocks(record: RecordForPdf): PdfBlock[] {
  const blocks: PdfBlock[] = [{ kind: 'heading', text: 'Gatsby Benchmarks' }];
  if (!record.benchmarks) {
    blocks.push({ kind: 'paragraph', text: 'Progress with the Gatsby Benchmarks could not be read when this record was made.' });
    return blocks;
  }
  const asOf = record.progressAsOf ? ` on ${formatLongDate(record.progressAsOf)}` : '';
  blocks.push({
    kind: 'paragraph',
    text: `The Gatsby Benchmarks are the careers experiences every young person should have at school. This is where ${record.displayName} was with each one${asOf}. A benchmark is done when everything it asks for at this stage of school has happened.`,
  });
  blocks.push({
    kind: 'table',
    caption: 'Each Gatsby Benchmark and how far it has got',
    columns: [
      { header: 'Benchmark', width: 0.7 },
      { header: 'Where it is', width: 0.3 },
    ],
    rows: record.benchmarks.map((benchmark) => [`${benchmark.number}: ${benchmark.name}`, benchmark.text]),
  });
  if (record.measures?.length) {
    blocks.push({
      kind: 'table',
      caption: 'What each benchmark asks for now, and what has happened',
      columns: [
        { header: 'What it asks for', width: 0.45 },
        { header: 'Where it is', width: 0.2 },
        { header: 'So far', width: 0.35 },
      ],
      rows: record.measures.map((measure) => [`Benchmark ${measure.benchmark}: ${measure.title}`, measure.stateText, measure.detail || '–']),
    });
  }
  return blocks;
}

function workExperienceBlocks(record: RecordForPdf): PdfBlock[] {
  const tally = record.workExperience;
  if (!tally) return [];
  return [
    { kind: 'heading', text: 'Work experience' },
    {
      kind: 'paragraph',
      text: `Every pupil should have ten days (${WORK_EXPERIENCE_TARGET_HOURS} hours) of work experience by the end of Year 11. A day counts as 5 hours.`,
    },
    {
      kind: 'fields',
      rows: [
        { label: 'Years 7 to 9', value: `${hours(tally.hoursYears7to9)} of ${WORK_EXPERIENCE_YEAR_9_HOURS} hours` },
        { label: 'Years 10 and 11', value: `${hours(tally.hoursYears10to11)} of ${WORK_EXPERIENCE_TARGET_HOURS - WORK_EXPERIENCE_YEAR_9_HOURS} hours` },
        { label: 'Altogether', value: `${hours(tally.hoursTotal)} of ${WORK_EXPERIENCE_TARGET_HOURS} hours (${hours(tally.days)} of 10 days)` },
      ],
    },
  ];
}

function ownActivityBlocks(record: RecordForPdf): PdfBlock[] {
  if (record.ownActivities === undefined) return [];
  const own = record.ownActivities ? [...record.ownActivities].sort((a, b) => b.startedOn.localeCompare(a.startedOn)) : null;
  const blocks: PdfBlock[] = [{ kind: 'heading', text: `Activities ${record.displayName} added${own ? ` (${own.length})` : ''}` }];
  if (!own) blocks.push({ kind: 'paragraph', text: 'These could not be read when this record was made.' });
  else if (own.length === 0) blocks.push({ kind: 'paragraph', text: 'None added yet.' });
  else {
    blocks.push({
      kind: 'paragraph',
      text: 'Things done outside school activities, such as a part-time job or an open day, added to the record by the pupil. Some count towards a benchmark once school has checked them.',
    });
    for (const activity of own) {
      const when =
        activity.endedOn && activity.endedOn !== activity.startedOn
          ? `${formatLongDate(activity.startedOn)} to ${formatLongDate(activity.endedOn)}`
          : formatLongDate(activity.startedOn);
      blocks.push({
        kind: 'item',
        title: activity.title,
        lines: [
          `${when}: ${activity.kindLabel}, ${hours(activity.hours)} hours`,
          activity.declineReason ? `${activity.statusText}: ${activity.declineReason}` : activity.statusText,
        ],
      });
    }
  }
  return blocks;
}

function interestBlocks(record: RecordForPdf): PdfBlock[] {
  if (record.interests === undefined && record.consideringHigherEducation === undefined) return [];
  const interests =
    record.interests === null ? 'Could not be read' : record.interests?.length ? record.interests.map((tag) => `#${tag}`).join(', ') : 'None chosen yet';
  const university = record.consideringHigherEducation == null ? 'Not said' : record.consideringHigherEducation ? 'Yes' : 'No';
  return [
    { kind: 'heading', text: 'Interests' },
    {
      kind: 'fields',
      rows: [
        { label: 'Topics followed', value: interests },
        { label: 'Thinking about university', value: university },
      ],
    },
  ];
}

export function buildRecordDocument(record: RecordForPdf, producedOn: Date): RecordDocument {
  const activities = [...record.activities].sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
  const destination = record.intendedDestination
    ? [record.intendedDestination.kindLabel, record.intendedDestination.provider].filter(Boolean).join(', ')
    : 'Not recorded yet';

  const blocks: PdfBlock[] = [
    { kind: 'title', text: `Careers record: ${record.displayName}` },
    {
      kind: 'fields',
      rows: [
        { label: 'Name', value: record.displayName },
        { label: 'School', value: record.schoolName ?? 'Not recorded' },
        { label: 'Year group', value: record.yearGroup != null ? `Year ${record.yearGroup}` : 'Not recorded' },
        { label: 'Intended destination', value: destination },
        { label: 'Record produced on', value: formatLongDate(producedOn) },
      ],
    },
  ];

  if (record.benchmarks !== undefined) blocks.push(...benchmarkBlocks(record));
  blocks.push(...workExperienceBlocks(record));

  blocks.push({ kind: 'heading', text: `Careers activities (${activities.length})` });
  if (activities.length === 0) {
    blocks.push({ kind: 'paragraph', text: 'No careers activities have been recorded yet.' });
  } else {
    blocks.push({
      kind: 'paragraph',
      text: 'Careers activities taken part in at school, most recent first, with the Gatsby Benchmarks each one is about and what the pupil wrote about it afterwards.',
    });
    for (const activity of activities) {
      blocks.push({
        kind: 'item',
        title: activity.title,
        lines: [
          `${formatLongDate(activity.date)}: ${activity.kindLabel}`,
          benchmarksLine(activity.benchmarks),
          ...(activity.reflection ? [`Reflection: ${activity.reflection}`] : []),
        ],
      });
    }
  }

  blocks.push(...ownActivityBlocks(record), ...interestBlocks(record));

  if (record.laterDestinations?.length) {
    blocks.push({ kind: 'heading', text: 'Destinations after leaving school' });
    blocks.push({ kind: 'fields', rows: record.laterDestinations.map((entry) => ({ label: entry.stageLabel, value: entry.kindLabel })) });
  }

  return {
    title: `Careers record: ${record.displayName}`,
    subject: `The careers activities and plans of ${record.displayName}${record.schoolName ? `, ${record.schoolName}` : ''}`,
    author: record.schoolName ?? 'Waymark',
    fileName: recordFileName(record.displayName),
    footer: `Careers record for ${record.displayName}, produced by Waymark on ${formatLongDate(producedOn)}`,
    producedOn,
    blocks,
  };
}
