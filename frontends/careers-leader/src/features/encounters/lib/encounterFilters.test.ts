import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, routeKey } from '../../../shared/route';
import {
  applyEncounterDraft,
  encounterDraftOf,
  encounterListVariables,
  encounterRowTitle,
  NO_ENCOUNTER_FILTERS,
  readEncounterFilters,
  writeEncounterFilters,
  type EncounterFilters,
} from './encounterFilters';

const ALL: EncounterFilters = { kind: 'GUIDANCE_MEETING', from: '2026-09-01', to: '2026-12-19', benchmark: 8, yearGroup: 11, search: 'meeting & more' };

describe('encounter filters in the address', () => {
  it('round-trips every filter through the fragment, and no filters is the plain page', () => {
    expect(parseRoute(routeHref({ view: 'encounters', filters: ALL }))).toEqual({ view: 'encounters', filters: ALL });
    expect(routeHref({ view: 'encounters', filters: NO_ENCOUNTER_FILTERS })).toBe('#/encounters');
    expect(parseRoute('#/encounters')).toEqual({ view: 'encounters' });
    expect(routeHref({ view: 'encounters', filters: { ...NO_ENCOUNTER_FILTERS, kind: 'CAREERS_FAIR', from: '2026-10-01' } })).toBe(
      '#/encounters?kind=CAREERS_FAIR&from=2026-10-01',
    );
  });

  it('keeps the same page (and focus) whatever the filters', () => {
    expect(routeKey({ view: 'encounters', filters: ALL })).toBe(routeKey({ view: 'encounters' }));
  });

  it.each<[string, string, Partial<EncounterFilters>]>([
    ['an unknown kind is left out', 'kind=TEA_PARTY', {}],
    ['a date that is no day is left out', 'from=2026-02-30&to=soon', {}],
    ['a range that ends before it starts keeps only its start', 'from=2026-10-02&to=2026-10-01', { from: '2026-10-02' }],
    ['a benchmark outside 1 to 8 is left out', 'benchmark=9', {}],
    ['a year group outside 7 to 13 is left out', 'year=6', {}],
    ['the search is trimmed', 'q=%20%20fair%20', { search: 'fair' }],
  ])('%s', (_reason, query, expected) => {
    expect(readEncounterFilters(new URLSearchParams(query))).toEqual({ ...NO_ENCOUNTER_FILTERS, ...expected });
  });

  it('writes the filters in a fixed order and nothing for none', () => {
    expect(writeEncounterFilters(ALL)).toBe('?kind=GUIDANCE_MEETING&from=2026-09-01&to=2026-12-19&benchmark=8&year=11&q=meeting+%26+more');
    expect(writeEncounterFilters(NO_ENCOUNTER_FILTERS)).toBe('');
  });
});

describe('the filters form', () => {
  it('applies what it holds, blank fields as "any"', () => {
    expect(applyEncounterDraft(encounterDraftOf(ALL))).toEqual({ filters: ALL, problems: [] });
    expect(applyEncounterDraft({ kind: '', from: ' ', to: '', benchmark: '', yearGroup: '', search: '  ' })).toEqual({
      filters: NO_ENCOUNTER_FILTERS,
      problems: [],
    });
  });

  it('takes a range of one day', () => {
    expect(applyEncounterDraft({ ...encounterDraftOf(NO_ENCOUNTER_FILTERS), from: '2026-10-01', to: '2026-10-01' }).filters).toEqual({
      ...NO_ENCOUNTER_FILTERS,
      from: '2026-10-01',
      to: '2026-10-01',
    });
  });

  it('refuses a "to" date before the "from" date, naming the field', () => {
    expect(applyEncounterDraft({ ...encounterDraftOf(NO_ENCOUNTER_FILTERS), from: '2026-10-02', to: '2026-10-01' })).toEqual({
      filters: null,
      problems: [{ field: 'to', message: 'The "to" date must be the same as or after the "from" date' }],
    });
  });

  it('refuses dates that are not real days, each on its own field', () => {
    const { filters, problems } = applyEncounterDraft({ ...encounterDraftOf(NO_ENCOUNTER_FILTERS), from: '2026-02-30', to: 'next week' });
    expect(filters).toBeNull();
    expect(problems.map((problem) => problem.field)).toEqual(['from', 'to']);
  });
});

describe('the list request and its rows', () => {
  it('sends every filter, a blank search as null', () => {
    expect(encounterListVariables(ALL, 50, 'c1')).toEqual({
      first: 50,
      after: 'c1',
      kind: 'GUIDANCE_MEETING',
      from: '2026-09-01',
      to: '2026-12-19',
      benchmark: 8,
      yearGroup: 11,
      search: 'meeting & more',
    });
    expect(encounterListVariables(NO_ENCOUNTER_FILTERS, 50, null).search).toBeNull();
  });

  it('names the pupil of a one-to-one meeting', () => {
    expect(encounterRowTitle('Personal guidance meeting', 'Maya Okafor')).toBe('Personal guidance meeting with Maya Okafor');
    expect(encounterRowTitle('Spring careers fair', null)).toBe('Spring careers fair');
  });
});
