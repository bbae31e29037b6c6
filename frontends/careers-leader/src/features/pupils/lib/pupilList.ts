import { toCsv } from '@waymark/domain';
import { VULNERABLE_GROUPS, type FlagName } from '../../../shared/vulnerableGroups';
import type { PupilFilters, PupilRow } from '../graphql/pupils';

/** A short name for each group, for a tag in a table cell (the full names are in the CSV and on the pupil's page). */
const SHORT_LABELS: Record<FlagName, string> = {
  senSupport: 'SEN support',
  ehcp: 'EHCP',
  disadvantaged: 'Disadvantaged',
  lookedAfter: 'Looked after',
  eal: 'EAL',
  youngCarer: 'Young carer',
  youngParent: 'Young parent',
  youthJustice: 'Youth justice',
  refugee: 'Refugee',
  serviceChild: 'Service child',
  persistentAbsence: 'Absence',
  neetRisk: 'NEET risk',
};

/** The groups a pupil is in, in the usual order, each with its short and full name; none when their flags are not shown. */
export function pupilGroups(pupil: Pick<PupilRow, 'flags'>): { flag: FlagName; short: string; label: string }[] {
  const flags = pupil.flags;
  if (!flags) return [];
  return VULNERABLE_GROUPS.filter((group) => flags[group.flag]).map((group) => ({ flag: group.flag, short: SHORT_LABELS[group.flag], label: group.label }));
}

const PUPILS_CSV_HEADER = ['Pupil', 'UPN', 'Year group', 'Tutor group', 'Vulnerable and target groups'] as const;

/**
 * The pupils list as a CSV file's text, with a byte-order mark so Excel reads names with accents;
 * every cell goes through the shared writer, so no name can become a formula.
 */
export function pupilsCsv(rows: readonly PupilRow[]): string {
  return (
    '\uFEFF' +
    toCsv([
      PUPILS_CSV_HEADER,
      ...rows.map((pupil) => [
        pupil.displayName,
        pupil.upn ?? '',
        pupil.yearGroup ?? '',
        pupil.tutorGroup ?? '',
        pupilGroups(pupil)
          .map((group) => group.label)
          .join('; '),
      ]),
    ])
  );
}

/** E.g. `pupils-year-10-10b-eal-2026-12-06.csv`: what was chosen, then the day. */
export function pupilsFileName(filters: PupilFilters, today: string): string {
  const parts = [
    'pupils',
    filters.yearGroup != null ? `year-${filters.yearGroup}` : null,
    filters.tutorGroup.trim() || null,
    ...filters.groups,
    filters.search.trim() ? 'search' : null,
    today,
  ];
  return `${parts
    .filter(Boolean)
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')}.csv`;
}
