import type { LocalNavItem } from '@waymark/ui';
import type { Route } from '../shared/route';

export type NavView =
  | 'dashboard'
  | 'self-evaluation'
  | 'programme'
  | 'feedback'
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
  | 'publication'
  | 'data-protection-leads'
  | 'audit'
  | 'subject-access'
  | 'pupil-export';

const STAFF_ROLES = ['careers_leader', 'staff', 'careers_adviser'];

/**
 * The pages a person's roles open, the first being their landing page: for staff the benchmark
 * dashboard, then the programme's pages; importing for careers leaders and school staff; settings, the
 * public careers page and naming the data protection leads for careers leaders; the data access log, subject access requests and
 * a pupil's export (by UPN) for careers leaders and data protection leads. A data protection lead who is
 * not also staff gets only those three.
 */
export function navItems(roles: readonly string[]): LocalNavItem<NavView>[] {
  const leader = roles.includes('careers_leader');
  const staff = roles.some((role) => STAFF_ROLES.includes(role));
  const dataProtection = leader || roles.includes('data_protection_lead');
  const items: (LocalNavItem<NavView> | false)[] = [
    staff && { id: 'dashboard', label: 'Benchmarks' },
    staff && { id: 'self-evaluation', label: 'Self-evaluation' },
    staff && { id: 'programme', label: 'Programme' },
    staff && { id: 'feedback', label: 'Feedback' },
    staff && { id: 'overview', label: 'Overview' },
    staff && { id: 'pupils', label: 'Pupils' },
    staff && { id: 'encounters', label: 'Encounters' },
    staff && { id: 'record', label: 'Record an encounter' },
    staff && { id: 'verify', label: 'Activities to verify' },
    staff && { id: 'destinations', label: 'Destinations' },
    (leader || roles.includes('staff')) && { id: 'requests', label: 'Volunteer requests' },
    (leader || roles.includes('staff')) && { id: 'placements', label: 'Placements' },
    (leader || roles.includes('staff')) && { id: 'import', label: 'Import pupils' },
    leader && { id: 'settings', label: 'School settings' },
    leader && { id: 'publication', label: 'Public careers page' },
    leader && { id: 'data-protection-leads', label: 'Data protection leads' },
    dataProtection && { id: 'audit', label: 'Data access log' },
    dataProtection && { id: 'subject-access', label: 'Subject access requests' },
    dataProtection && { id: 'pupil-export', label: "Export a pupil's data" },
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
    case 'pupil-journey':
      return 'pupils';
    case 'encounter':
    case 'edit-encounter':
      return 'encounters';
    case 'school':
    case 'pupil-level-access':
    case 'webhooks':
      return null;
    default:
      return route.view;
  }
}
