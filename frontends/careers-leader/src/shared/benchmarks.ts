/** The eight Gatsby Benchmarks (2025 names). */
export const GATSBY_BENCHMARKS = [
  { number: 1, name: 'A stable careers programme' },
  { number: 2, name: 'Learning from career and labour market information' },
  { number: 3, name: 'Addressing the needs of each young person' },
  { number: 4, name: 'Linking curriculum learning to careers' },
  { number: 5, name: 'Encounters with employers and employees' },
  { number: 6, name: 'Experiences of workplaces' },
  { number: 7, name: 'Encounters with further and higher education' },
  { number: 8, name: 'Personal guidance' },
] as const;

/**
 * What the benchmark engine measures per pupil (docs/benchmarks-contract.md), in the order the
 * dashboard shows them, each with a short name for table headings and the label of
 * `BENCHMARK_MEASURES` in @waymark/domain (with its benchmark's number).
 */
export const MEASURES = [
  { value: 'B2_LMI', benchmark: 2, short: 'B2 information', label: 'Benchmark 2: careers and labour-market information this key stage' },
  { value: 'B4_CURRICULUM', benchmark: 4, short: 'B4 subjects', label: 'Benchmark 4: careers in every subject this year' },
  { value: 'B5_EMPLOYERS', benchmark: 5, short: 'B5 employers', label: 'Benchmark 5: meaningful employer encounter this year' },
  { value: 'B6_BY_16', benchmark: 6, short: 'B6 by 16', label: 'Benchmark 6: two workplace experiences by 16' },
  { value: 'B6_BY_18', benchmark: 6, short: 'B6 by 18', label: 'Benchmark 6: a further workplace experience by 18' },
  { value: 'B7_BY_16', benchmark: 7, short: 'B7 by 16', label: 'Benchmark 7: every kind of college and university by 16' },
  { value: 'B7_BY_18', benchmark: 7, short: 'B7 by 18', label: 'Benchmark 7: two university visits by 18 (considering higher education)' },
  { value: 'B8_BY_16', benchmark: 8, short: 'B8 by 16', label: 'Benchmark 8: guidance meeting with a qualified adviser by 16' },
  { value: 'B8_BY_18', benchmark: 8, short: 'B8 by 18', label: 'Benchmark 8: a further guidance meeting by 18' },
  { value: 'PROVIDER_ACCESS_Y8_9', benchmark: 7, short: 'Providers Y8–9', label: 'Provider access: two encounters, Year 8 to February of Year 9' },
  { value: 'PROVIDER_ACCESS_Y10_11', benchmark: 7, short: 'Providers Y10–11', label: 'Provider access: two encounters, Year 10 to February of Year 11' },
  { value: 'PROVIDER_ACCESS_Y12_13', benchmark: 7, short: 'Providers Y12–13', label: 'Provider access (offered): two encounters, Year 12 to February of Year 13' },
] as const;

/** The subjects Benchmark 4 is measured over (`CURRICULUM_SUBJECTS` in @waymark/domain); a curriculum-linked lesson names one. */
export const CURRICULUM_SUBJECTS = [
  'English',
  'Mathematics',
  'Science',
  'History',
  'Geography',
  'Modern languages',
  'Computing',
  'Design and technology',
  'Art and design',
  'Physical education',
] as const;

export type BenchmarkMeasure = (typeof MEASURES)[number]['value'];
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

export function benchmarkName(number: number): string {
  return GATSBY_BENCHMARKS.find((benchmark) => benchmark.number === number)?.name ?? `Benchmark ${number}`;
}
