import { GATSBY_BENCHMARKS } from '@waymark/domain';

/*
 * Whether each Gatsby Benchmark is covered for the pupil: the one place the portal decides it. My record,
 * My progress, a parent's view of their child and the downloadable record (PDF and web page) all ask this
 * function, fed by the same `benchmarkProgress` (the benchmark engine's measures, docs/domain-rules.md
 * "What counts for each benchmark"), so they cannot disagree. An activity being about a benchmark does not
 * make it covered: only the engine's measures do.
 */

/** How far the pupil has got with a benchmark. */
type CoverageState = 'COVERED' | 'PART_WAY' | 'NOT_YET' | 'LATER';

/** The words every view uses for each state. */
const COVERAGE_TEXT: Record<CoverageState, string> = {
  COVERED: 'Done',
  PART_WAY: 'Part-way there',
  NOT_YET: 'Not yet',
  LATER: 'Not for you yet',
};

/** What the function needs of a measure: any view's `MeasureStatus` will do. */
interface MeasureForCoverage {
  measure: string;
  benchmark: number;
  state: 'MET' | 'IN_PROGRESS' | 'NOT_MET' | 'NOT_APPLICABLE';
}

export interface BenchmarkCoverage {
  number: number;
  name: string;
  state: CoverageState;
  text: string;
}

/**
 * The Years 12–13 provider-access measure is something the school must offer and the pupil may turn down
 * (docs/domain-rules.md, "Provider access"), so it never holds a pupil's Benchmark 7 back.
 */
const OFFERED_ONLY: ReadonlySet<string> = new Set(['PROVIDER_ACCESS_Y12_13']);

function stateOf(measures: readonly MeasureForCoverage[]): CoverageState {
  const applying = measures.filter((measure) => measure.state !== 'NOT_APPLICABLE' && !OFFERED_ONLY.has(measure.measure));
  if (applying.length === 0) return 'LATER';
  if (applying.every((measure) => measure.state === 'MET')) return 'COVERED';
  if (applying.some((measure) => measure.state === 'MET' || measure.state === 'IN_PROGRESS')) return 'PART_WAY';
  return 'NOT_YET';
}

/**
 * Each benchmark the engine measures for pupils (2, 4, 5, 6, 7 and 8; 1 and 3 are whole-school matters), in
 * order. A benchmark is covered when every measure of it that applies to the pupil now is met; part-way
 * when some are met or under way; "not for you yet" when none applies in the pupil's year group. Null when
 * there is no progress to read (it failed to load, or the pupil is not on roll).
 */
export function benchmarkCoverage(progress: { measures: readonly MeasureForCoverage[] } | null | undefined): BenchmarkCoverage[] | null {
  if (!progress) return null;
  return GATSBY_BENCHMARKS.flatMap(({ number, name }) => {
    const measures = progress.measures.filter((measure) => measure.benchmark === number);
    if (measures.length === 0) return [];
    const state = stateOf(measures);
    return [{ number, name, state, text: COVERAGE_TEXT[state] }];
  });
}

/** The numbers of the benchmarks covered, in order; null when there is no progress to read. */
export function benchmarksCovered(progress: { measures: readonly MeasureForCoverage[] } | null | undefined): number[] | null {
  return benchmarkCoverage(progress)?.flatMap((benchmark) => (benchmark.state === 'COVERED' ? [benchmark.number] : [])) ?? null;
}
