import { BENCHMARK_MEASURES, CURRICULUM_SUBJECTS, GATSBY_BENCHMARKS, benchmarkName, type BenchmarkMeasureKey } from '@waymark/domain';

/** The eight Gatsby Benchmarks (2025 names) and a benchmark's name, from @waymark/domain. */
export { GATSBY_BENCHMARKS, benchmarkName };

/** A short name of each measure, for table headings. */
const SHORT_NAMES: Record<BenchmarkMeasureKey, string> = {
  B2_LMI: 'B2 information',
  B4_CURRICULUM: 'B4 subjects',
  B5_EMPLOYERS: 'B5 employers',
  B6_BY_16: 'B6 by 16',
  B6_BY_18: 'B6 by 18',
  B7_BY_16: 'B7 by 16',
  B7_BY_18: 'B7 by 18',
  B8_BY_16: 'B8 by 16',
  B8_BY_18: 'B8 by 18',
  PROVIDER_ACCESS_Y8_9: 'Providers Y8–9',
  PROVIDER_ACCESS_Y10_11: 'Providers Y10–11',
  PROVIDER_ACCESS_Y12_13: 'Providers Y12–13',
};

/**
 * What the benchmark engine measures per pupil (docs/benchmarks-contract.md), from
 * `BENCHMARK_MEASURES` in @waymark/domain, in the order the dashboard shows them: each with a
 * short name for table headings, and its label led by its benchmark's number (the provider-access
 * duty says its own name).
 */
export const MEASURES: readonly { value: BenchmarkMeasureKey; benchmark: number; short: string; label: string }[] = BENCHMARK_MEASURES.map((measure) => ({
  value: measure.key,
  benchmark: measure.benchmark,
  short: SHORT_NAMES[measure.key],
  label: measure.label.startsWith('Provider access') ? measure.label : `Benchmark ${measure.benchmark}: ${lowerFirst(measure.label)}`,
}));

function lowerFirst(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** The subjects Benchmark 4 is measured over; a curriculum-linked lesson names one. */
export { CURRICULUM_SUBJECTS };

export type BenchmarkMeasure = BenchmarkMeasureKey;
export type BenchmarkState = 'MET' | 'IN_PROGRESS' | 'NOT_MET' | 'NOT_APPLICABLE';

export const STATE_LABELS: Record<BenchmarkState, string> = {
  MET: 'Met',
  IN_PROGRESS: 'In progress',
  NOT_MET: 'Not met',
  NOT_APPLICABLE: 'Does not apply',
};

export function isMeasure(value: string): value is BenchmarkMeasure {
  return MEASURES.some((measure) => measure.value === value);
}

export function measureInfo(value: string): { value: string; benchmark: number; short: string; label: string } {
  return MEASURES.find((measure) => measure.value === value) ?? { value, benchmark: 0, short: value, label: value };
}
