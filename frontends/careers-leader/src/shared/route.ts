import { readJourneyFilters, writeJourneyFilters, type JourneyFilters } from '@waymark/domain';
import { useCallback, useEffect, useState } from 'react';
import {
  hasEncounterFilters,
  NO_ENCOUNTER_FILTERS,
  readEncounterFilters,
  writeEncounterFilters,
  type EncounterFilters,
} from '../features/encounters/lib/encounterFilters';
import { isMeasure, type BenchmarkMeasure } from './benchmarks';
import { VULNERABLE_GROUPS, type VulnerableGroup } from './vulnerableGroups';

/** The filters of a benchmark dashboard; null means "all" (or today, for `asOf`). */
export interface DashboardFilters {
  asOf: string | null;
  group: VulnerableGroup | null;
  yearGroup: number | null;
}

/** One gap list: the pupils missing out on a measure, narrowed like the figure they came from. */
export interface GapQuery extends DashboardFilters {
  measure: BenchmarkMeasure;
  /** A trust analyst's choice of school; null for the caller's own. */
  schoolId: string | null;
}

export const NO_FILTERS: DashboardFilters = { asOf: null, group: null, yearGroup: null };

/**
 * Where someone is inside the remote. It is kept in the URL's fragment (`/careers#/pupils/42`),
 * so links can be opened in a new tab, Back works, and a reload stays put, without the shell having
 * to know the remote's pages. `dashboard` is the landing page: the school's benchmarks for staff,
 * the trust's for trust analysts.
 */
export type Route =
  | { view: 'dashboard'; filters: DashboardFilters }
  | { view: 'gaps'; query: GapQuery }
  | { view: 'school'; schoolId: string; filters: DashboardFilters }
  | { view: 'overview' }
  | { view: 'pupils' }
  | { view: 'pupil'; pupilId: string; from?: Route }
  | { view: 'pupil-journey'; pupilId: string; filters: JourneyFilters }
  | { view: 'encounters'; filters?: EncounterFilters }
  | { view: 'encounter'; encounterId: string }
  | { view: 'edit-encounter'; encounterId: string }
  | { view: 'record' }
  | { view: 'verify' }
  | { view: 'import' }
  | { view: 'settings' }
  | { view: 'publication' }
  | { view: 'audit'; pupilId: string | null }
  | { view: 'destinations' }
  | { view: 'self-evaluation' }
  | { view: 'programme' }
  | { view: 'feedback' }
  | { view: 'requests' }
  | { view: 'placements' }
  | { view: 'subject-access' }
  | { view: 'pupil-export' }
  | { view: 'data-protection-leads' }
  | { view: 'pupil-level-access' }
  | { view: 'webhooks' };

const SIMPLE_VIEWS = [
  'overview',
  'pupils',
  'encounters',
  'record',
  'verify',
  'import',
  'settings',
  'publication',
  'destinations',
  'self-evaluation',
  'programme',
  'feedback',
  'requests',
  'placements',
  'subject-access',
  'pupil-export',
  'data-protection-leads',
  'pupil-level-access',
  'webhooks',
] as const;
type SimpleView = (typeof SIMPLE_VIEWS)[number];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function readFilters(params: URLSearchParams): DashboardFilters {
  const asOf = params.get('asOf');
  const group = params.get('group');
  const year = Number(params.get('year'));
  return {
    asOf: asOf && DATE.test(asOf) ? asOf : null,
    group: group && VULNERABLE_GROUPS.some((entry) => entry.value === group) ? (group as VulnerableGroup) : null,
    yearGroup: Number.isInteger(year) && year >= 7 && year <= 13 ? year : null,
  };
}

function writeFilters(filters: DashboardFilters, extra: Record<string, string | null> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(extra)) if (value) params.set(name, value);
  if (filters.yearGroup != null) params.set('year', String(filters.yearGroup));
  if (filters.group) params.set('group', filters.group);
  if (filters.asOf) params.set('asOf', filters.asOf);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The route a fragment names; null for fragments that are not routes (such as `#main` from the skip link). */
export function parseRoute(hash: string): Route | null {
  if (hash === '' || hash === '#') return { view: 'dashboard', filters: NO_FILTERS };
  if (!hash.startsWith('#/')) return null;
  const [path, query = ''] = hash.slice(2).split('?', 2);
  const params = new URLSearchParams(query);
  const [first, second, third, ...rest] = path.split('/');
  if (rest.length > 0) return null;
  if (first === '' && second === undefined) return { view: 'dashboard', filters: readFilters(params) };
  if (first === 'gaps' && second === undefined) {
    const measure = params.get('measure') ?? '';
    if (!isMeasure(measure)) return null;
    return { view: 'gaps', query: { measure, schoolId: params.get('school') || null, ...readFilters(params) } };
  }
  if (first === 'schools' && second && third === undefined) return { view: 'school', schoolId: decodeURIComponent(second), filters: readFilters(params) };
  if (first === 'pupils' && second && third === undefined) {
    const pupilId = decodeURIComponent(second);
    const from = readOrigin(params.get('from'));
    return from ? { view: 'pupil', pupilId, from } : { view: 'pupil', pupilId };
  }
  if (first === 'pupils' && second && third === 'journey')
    return { view: 'pupil-journey', pupilId: decodeURIComponent(second), filters: readJourneyFilters(params) };
  if (first === 'encounters' && second) {
    if (third === undefined) return { view: 'encounter', encounterId: decodeURIComponent(second) };
    if (third === 'edit') return { view: 'edit-encounter', encounterId: decodeURIComponent(second) };
    return null;
  }
  if (first === 'encounters' && second === undefined) {
    const filters = readEncounterFilters(params);
    return hasEncounterFilters(filters) ? { view: 'encounters', filters } : { view: 'encounters' };
  }
  if (first === 'audit-log' && second === undefined) return { view: 'audit', pupilId: params.get('pupil') || null };
  if (second !== undefined) return null;
  return (SIMPLE_VIEWS as readonly string[]).includes(first) ? { view: first as SimpleView } : null;
}

/** The page a pupil's record was opened from (`?from=`), if it names one; never another pupil's record or journey. */
function readOrigin(value: string | null): Route | null {
  if (!value) return null;
  const origin = parseRoute(value);
  return origin && origin.view !== 'pupil' && origin.view !== 'pupil-journey' ? origin : null;
}

/** Where a pupil's record says "Back" leads: the page it was opened from, or the pupils list. */
export function backFromPupil(route: { from?: Route }): { href: string; text: string } {
  const from = route.from;
  const href = routeHref(from ?? { view: 'pupils' });
  switch (from?.view) {
    case 'gaps':
      return { href, text: 'Back to the gap list' };
    case 'encounter':
      return { href, text: 'Back to the encounter' };
    case 'audit':
      return { href, text: 'Back to the data access log' };
    case 'destinations':
      return { href, text: 'Back to destinations' };
    case 'verify':
      return { href, text: 'Back to activities to check' };
    case 'dashboard':
    case 'school':
      return { href, text: 'Back to the benchmarks' };
    default:
      return { href: routeHref({ view: 'pupils' }), text: 'Back to pupils' };
  }
}

export function routeHref(route: Route): string {
  switch (route.view) {
    case 'dashboard':
      return `#/${writeFilters(route.filters)}`;
    case 'gaps': {
      const { measure, schoolId, ...filters } = route.query;
      return `#/gaps${writeFilters(filters, { measure, school: schoolId })}`;
    }
    case 'school':
      return `#/schools/${encodeURIComponent(route.schoolId)}${writeFilters(route.filters)}`;
    case 'encounters':
      return `#/encounters${writeEncounterFilters(route.filters ?? NO_ENCOUNTER_FILTERS)}`;
    case 'pupil': {
      const from = route.from && route.from.view !== 'pupil' ? `?from=${encodeURIComponent(routeHref(route.from))}` : '';
      return `#/pupils/${encodeURIComponent(route.pupilId)}${from}`;
    }
    case 'pupil-journey':
      return `#/pupils/${encodeURIComponent(route.pupilId)}/journey${writeJourneyFilters(route.filters)}`;
    case 'encounter':
      return `#/encounters/${encodeURIComponent(route.encounterId)}`;
    case 'edit-encounter':
      return `#/encounters/${encodeURIComponent(route.encounterId)}/edit`;
    case 'audit':
      return route.pupilId ? `#/audit-log?pupil=${encodeURIComponent(route.pupilId)}` : '#/audit-log';
    default:
      return `#/${route.view}`;
  }
}

/**
 * Which page a route shows. Dashboard, encounter and journey filters are left out: changing them keeps the page (and the
 * focus where it is), while opening another page starts afresh with focus on its heading.
 */
export function routeKey(route: Route): string {
  if (route.view === 'dashboard') return '#/';
  if (route.view === 'encounters') return '#/encounters';
  if (route.view === 'school') return `#/schools/${encodeURIComponent(route.schoolId)}`;
  if (route.view === 'pupil-journey') return `#/pupils/${encodeURIComponent(route.pupilId)}/journey`;
  return routeHref(route);
}

/** The current route and a way to go elsewhere (a new history entry); follows Back and Forward. */
export function useRoute(): [Route, (next: Route) => void] {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash) ?? { view: 'dashboard', filters: NO_FILTERS });

  useEffect(() => {
    const follow = () => {
      const next = parseRoute(window.location.hash);
      if (next) setRoute(next);
    };
    // Following a link to a fragment fires popstate too, so links and Back/Forward both land here.
    window.addEventListener('popstate', follow);
    return () => window.removeEventListener('popstate', follow);
  }, []);

  const navigate = useCallback((next: Route) => {
    const href = routeHref(next);
    if (window.location.hash !== href) window.history.pushState(window.history.state, '', href);
    setRoute(next);
  }, []);

  return [route, navigate];
}
