import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { PupilRecordView } from '../features/my-record/graphql/myPupilRecord';
import { RecordSummary } from '../features/my-record/components/RecordSummary';
import { recordFigures } from '../features/my-record/lib/record';
import { toPdfRecord } from '../features/my-record/lib/recordDownload';
import { MeasuresSection } from '../features/my-progress/components/MeasuresSection';
import type { MeasureStatus, PupilProgress } from '../features/my-progress/graphql/myProgress';
import { buildRecordDocument } from '../features/record-pdf/lib/recordDocument';
import { recordHtml } from '../features/record-pdf/lib/recordHtml';
import { benchmarkCoverage, benchmarksCovered } from './coverage';

const measure = (key: MeasureStatus['measure'], benchmark: number, state: MeasureStatus['state']): MeasureStatus => ({
  measure: key,
  benchmark,
  label: key,
  state,
  count: 0,
  needed: 1,
  detail: '',
  evidence: [],
});

// A Year 12 pupil. Benchmark 2 was the disagreement: an attended activity is about it, but the engine says not yet.
const progress: PupilProgress = {
  asOf: '2026-03-01',
  academicYear: 2025,
  yearGroup: 12,
  measures: [
    measure('B2_LMI', 2, 'NOT_MET'),
    measure('B4_CURRICULUM', 4, 'IN_PROGRESS'),
    measure('B5_EMPLOYERS', 5, 'MET'),
    measure('B6_BY_16', 6, 'MET'),
    measure('B6_BY_18', 6, 'NOT_MET'),
    measure('B7_BY_16', 7, 'MET'),
    measure('B7_BY_18', 7, 'NOT_APPLICABLE'),
    measure('PROVIDER_ACCESS_Y8_9', 7, 'MET'),
    measure('PROVIDER_ACCESS_Y10_11', 7, 'MET'),
    // Offered, not required: the pupil may turn it down, so it does not hold Benchmark 7 back.
    measure('PROVIDER_ACCESS_Y12_13', 7, 'NOT_MET'),
    measure('B8_BY_16', 8, 'MET'),
    measure('B8_BY_18', 8, 'MET'),
  ],
  workExperience: { hoursYears7to9: 10, hoursYears10to11: 30, hoursTotal: 40, days: 8 },
};

const record: PupilRecordView = {
  id: 'p1',
  displayName: 'Zażółć Gęślą',
  firstName: 'Zażółć',
  yearGroup: 12,
  tutorGroup: '12A',
  dateOfBirth: '2009-05-01',
  school: { name: 'Northfield Academy' },
  participations: [
    {
      id: 'a',
      attended: true,
      reflection: null,
      reflectedAt: null,
      encounter: { id: 'e1', title: 'Jobs in the region', kindLabel: 'Careers lesson', date: '2026-01-10T12:00:00Z', benchmarks: [2, 5] },
    },
  ],
  benchmarkProgress: progress,
  ownActivities: [],
  interests: [],
  consideringHigherEducation: null,
  destinations: [],
  intendedDestination: null,
};

/** Benchmark numbers of table rows whose state cell says "Done", from rendered HTML. */
function doneInTable(html: string): number[] {
  return [...html.matchAll(/<tr>(.*?)<\/tr>/g)]
    .map((row) => row[1].replace(/<[^>]+>/g, '|'))
    .filter((row) => /\|Done\|/.test(row))
    .map((row) => Number(/(\d+): /.exec(row)![1]));
}

describe('one answer to "is this benchmark covered?"', () => {
  const expected = [5, 7, 8];

  it('is worked out from the engine’s measures only', () => {
    expect(benchmarksCovered(progress)).toEqual(expected);
    expect(benchmarkCoverage(progress)!.map((benchmark) => [benchmark.number, benchmark.text])).toEqual([
      [2, 'Not yet'],
      [4, 'Part-way there'],
      [5, 'Done'],
      [6, 'Part-way there'],
      [7, 'Done'],
      [8, 'Done'],
    ]);
    expect(benchmarkCoverage(null)).toBeNull();
  });

  it('My record, My progress, the parent’s view, the PDF and the web page agree', () => {
    // My record (and the parent's view, which shows the same summary) in numbers.
    expect(recordFigures(record).covered).toEqual(expected);
    for (const audience of [{ kind: 'pupil' as const }, { kind: 'parent' as const, childName: 'Zażółć' }]) {
      const summary = renderToStaticMarkup(<RecordSummary record={record} audience={audience} />);
      expect(summary).toContain('Gatsby benchmarks done</dt><dd>3<span class="wm-stat__hint">Benchmarks 5, 7, 8</span>');
    }
    // My progress, and the parent's view of it.
    expect(doneInTable(renderToStaticMarkup(<MeasuresSection progress={progress} errors={[]} />))).toEqual(expected);
    expect(doneInTable(renderToStaticMarkup(<MeasuresSection progress={record.benchmarkProgress} errors={[]} childName="Zażółć" />))).toEqual(expected);
    // The download: the PDF's content and the web page made from it.
    const doc = buildRecordDocument(toPdfRecord(record), new Date('2026-03-02T12:00:00Z'));
    const table = doc.blocks.find((block) => block.kind === 'table' && block.caption.startsWith('Each Gatsby Benchmark'));
    expect(table && table.kind === 'table' ? table.rows.filter((row) => row[1] === 'Done').map((row) => Number.parseInt(row[0], 10)) : null).toEqual(expected);
    const page = recordHtml(doc).replace(/<bdi>|<\/bdi>/g, '');
    expect(doneInTable(/<table><caption>Each Gatsby Benchmark[\s\S]*?<\/table>/.exec(page)![0])).toEqual(expected);
  });
});
