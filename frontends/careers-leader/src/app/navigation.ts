import type { LocalNavItem } from '@waymark/ui';
import type { Route } from '../shared/route';

export type NavView =
  | 'dashboard'
  | 'self-evaluation'
  | 'overview'
  | 'pupils'
  | 'encounters'
  | 'record'
  | 'verify'
  | 'destinations'
  | 'requests'
  | 'placements'
  | 'import'
  | 'settings'
  | 'audit';

/**
 * The pages a person's roles open, the benchmark dashboard first (it is the landing page):
 * importing for careers leaders and school staff, settings and the data access log for careers leaders.
 */
export function navItems(roles: readonly string[]): LocalNavItem<NavView>[] {
  const leader = roles.includes('careers_leader');
  const items: (LocalNavItem<NavView> | false)[] = [
    { id: 'dashboard', label: 'Benchmarks' },
    { id: 'self-evaluation', label: 'Self-evaluation' },
    { id: 'overview', label: 'Overview' },
    { id: 'pupils', label: 'Pupils' },
    { id: 'encounters', label: 'Encounters' },
    { id: 'record', label: 'Record an encounter' },
    { id: 'verify', label: 'Activities to verify' },
    { id: 'destinations', label: 'Destinations' },
    (leader || roles.includes('staff')) && { id: 'requests', label: 'Volunteer requests' },
    (leader || roles.includes('staff')) && { id: 'placements', label: 'Placements' },
    (leader || roles.includes('staff')) && { id: 'import', label: 'Import pupils' },
    leader && { id: 'settings', label: 'School settings' },
    leader && { id: 'audit', label: 'Data access log' },
  ];
  return items.filter((item): item is LocalNavItem<NavView> => !!item);
}

/** The navigation entry a page belongs to: a pupil's page under Pupils, a gap list under Benchmarks, and so on. */
export function navViewOf(route: Route): NavView | null {
  switch (route.view) {
    case 'dashboard':
    case 'gaps':
      return 'dashboard';
    case 'pupil':
      return 'pupils';
    case 'encounter':
    case 'edit-encounter':
      return 'encounters';
    case 'school':
      return null;
    default:
      return route.view;
  }
}
