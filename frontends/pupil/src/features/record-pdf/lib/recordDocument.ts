import { GATSBY_BENCHMARKS, formatDay } from '@waymark/domain';

/**
 * What goes in the downloadable record, as plain blocks of text. Kept apart from the PDF drawing so
 * the content can be tested (and read) without a PDF library.
 */

export interface RecordForPdf {
  displayName: string;
  schoolName: string | null;
  yearGroup: number | null;
  /** The activities the pupil took part in (attended), in any order. */
  activities: readonly { title: string; kindLabel: string; date: string; benchmarks: readonly number[] }[];
  intendedDestination: { kindLabel: string; provider?: string | null } | null;
  /** Where they went after leaving, in stage order, if anything is recorded yet. */
  laterDestinations?: readonly { stageLabel: string; kindLabel: string }[];
}

export type PdfBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'fields'; rows: { label: string; value: string }[] }
  /** Kept on one page: an activity's title and the lines about it. */
  | { kind: 'item'; title: string; lines: string[] };

export interface RecordDocument {
  title: string;
  subject: string;
  fileName: string;
  author: string;
  /** Printed at the foot of every page, before "Page n of m". */
  footer: string;
  producedOn: Date;
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

export function recordFileName(displayName: string): string {
  return `waymark-record-${slug(displayName)}.pdf`;
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
    { kind: 'heading', text: `Careers activities (${activities.length})` },
  ];

  if (activities.length === 0) {
    blocks.push({ kind: 'paragraph', text: 'No careers activities have been recorded yet.' });
  } else {
    blocks.push({
      kind: 'paragraph',
      text: 'Careers activities taken part in at school, most recent first, with the Gatsby Benchmarks of good careers guidance each one counts towards.',
    });
    for (const activity of activities) {
      blocks.push({
        kind: 'item',
        title: activity.title,
        lines: [`${formatLongDate(activity.date)}: ${activity.kindLabel}`, benchmarksLine(activity.benchmarks)],
      });
    }
  }

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
