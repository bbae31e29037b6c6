import { ENCOUNTER_KIND_KEYS, GATSBY_BENCHMARKS, parseDay, YEAR_GROUPS, type EncounterKind } from '@waymark/domain';

/** What the encounters list is narrowed to; null (or '') means "any". Kept in the address (shared/route.ts). */
export interface EncounterFilters {
  kind: EncounterKind | null;
  /** Days in England, YYYY-MM-DD, both included. */
  from: string | null;
  to: string | null;
  benchmark: number | null;
  yearGroup: number | null;
  /** Words anywhere in the title. */
  search: string;
}

export const NO_ENCOUNTER_FILTERS: EncounterFilters = { kind: null, from: null, to: null, benchmark: null, yearGroup: null, search: '' };

export function hasEncounterFilters(filters: EncounterFilters): boolean {
  return filters.kind != null || filters.from != null || filters.to != null || filters.benchmark != null || filters.yearGroup != null || filters.search !== '';
}

const isKind = (value: string): value is EncounterKind => (ENCOUNTER_KIND_KEYS as readonly string[]).includes(value);
const isBenchmark = (value: number) => GATSBY_BENCHMARKS.some((benchmark) => benchmark.number === value);
const isYearGroup = (value: number) => (YEAR_GROUPS as readonly number[]).includes(value);

/** The filters an address names; anything it cannot read (an unknown kind, a date that is no day) is left out. */
export function readEncounterFilters(params: URLSearchParams): EncounterFilters {
  const kind = params.get('kind') ?? '';
  const from = parseDay(params.get('from') ?? '');
  const to = parseDay(params.get('to') ?? '');
  const benchmark = Number(params.get('benchmark'));
  const year = Number(params.get('year'));
  return {
    kind: isKind(kind) ? kind : null,
    from,
    // A range that ends before it starts is never sent: the end is dropped.
    to: to && (!from || to >= from) ? to : null,
    benchmark: isBenchmark(benchmark) ? benchmark : null,
    yearGroup: isYearGroup(year) ? year : null,
    search: (params.get('q') ?? '').trim().slice(0, 200),
  };
}

/** The address's query for the filters ('' when there are none), in a fixed order. */
export function writeEncounterFilters(filters: EncounterFilters): string {
  const params = new URLSearchParams();
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.benchmark != null) params.set('benchmark', String(filters.benchmark));
  if (filters.yearGroup != null) params.set('year', String(filters.yearGroup));
  if (filters.search) params.set('q', filters.search);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** What the form holds while someone types: every field as text. */
export interface EncounterFiltersDraft {
  kind: string;
  from: string;
  to: string;
  benchmark: string;
  yearGroup: string;
  search: string;
}

export interface EncounterFilterProblem {
  field: 'from' | 'to';
  message: string;
}

export function encounterDraftOf(filters: EncounterFilters): EncounterFiltersDraft {
  return {
    kind: filters.kind ?? '',
    from: filters.from ?? '',
    to: filters.to ?? '',
    benchmark: filters.benchmark == null ? '' : String(filters.benchmark),
    yearGroup: filters.yearGroup == null ? '' : String(filters.yearGroup),
    search: filters.search,
  };
}

/** Checks the form and, when it is fine, the filters it asks for. */
export function applyEncounterDraft(draft: EncounterFiltersDraft): { filters: EncounterFilters | null; problems: EncounterFilterProblem[] } {
  const problems: EncounterFilterProblem[] = [];
  const fromText = draft.from.trim();
  const toText = draft.to.trim();
  const from = fromText ? parseDay(fromText) : null;
  const to = toText ? parseDay(toText) : null;
  if (fromText && !from) problems.push({ field: 'from', message: 'Enter the "from" date as a real date, for example 2026-09-01' });
  if (toText && !to) problems.push({ field: 'to', message: 'Enter the "to" date as a real date, for example 2026-12-19' });
  if (problems.length === 0 && from && to && to < from) problems.push({ field: 'to', message: 'The "to" date must be the same as or after the "from" date' });
  if (problems.length > 0) return { filters: null, problems };
  const benchmark = Number(draft.benchmark);
  const yearGroup = Number(draft.yearGroup);
  return {
    filters: {
      kind: isKind(draft.kind) ? draft.kind : null,
      from,
      to,
      benchmark: draft.benchmark && isBenchmark(benchmark) ? benchmark : null,
      yearGroup: draft.yearGroup && isYearGroup(yearGroup) ? yearGroup : null,
      search: draft.search.trim().slice(0, 200),
    },
    problems,
  };
}

/** The list's variables for a page (blank filters left out of the request as null). */
export function encounterListVariables(filters: EncounterFilters, first: number, after: string | null) {
  return {
    first,
    after,
    kind: filters.kind,
    from: filters.from,
    to: filters.to,
    benchmark: filters.benchmark,
    yearGroup: filters.yearGroup,
    search: filters.search || null,
  };
}

/** A row's link text: a one-to-one meeting names its pupil, so thirteen guidance meetings are not thirteen identical rows. */
export function encounterRowTitle(title: string, soloPupilName: string | null | undefined): string {
  return soloPupilName ? `${title} with ${soloPupilName}` : title;
}
