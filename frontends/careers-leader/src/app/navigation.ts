import type { LocalNavItem } from '@waymark/ui';
import type { View } from '../shared/route';

export type NavView = Exclude<View, 'pupil'>;

/** The pages a person's roles open: importing for careers leaders and school staff, settings for careers leaders. */
export function navItems(roles: readonly string[]): LocalNavItem<NavView>[] {
  const leader = roles.includes('careers_leader');
  const items: (LocalNavItem<NavView> | false)[] = [
    { id: 'overview', label: 'Overview' },
    { id: 'pupils', label: 'Pupils' },
    { id: 'encounters', label: 'Encounters' },
    { id: 'record', label: 'Record an encounter' },
    (leader || roles.includes('staff')) && { id: 'import', label: 'Import pupils' },
    leader && { id: 'settings', label: 'School settings' },
  ];
  return items.filter((item): item is LocalNavItem<NavView> => !!item);
}
