import { ENCOUNTER_KINDS as KINDS, ENCOUNTER_KIND_KEYS, YEAR_GROUPS, type EncounterKind } from '@waymark/domain';

export type { EncounterKind };

/** Every EncounterKind with the label staff see and the Gatsby benchmarks it counts towards by default (from @waymark/domain). */
export const ENCOUNTER_KINDS: readonly { value: EncounterKind; label: string; benchmarks: readonly number[] }[] = ENCOUNTER_KIND_KEYS.map((value) => ({
  value,
  label: KINDS[value].label,
  benchmarks: KINDS[value].benchmarks,
}));

/** Years 7 to 13, from @waymark/domain. */
export { YEAR_GROUPS };

/** "Year 9" or "Years 10, 11 and 12". */
export function formatYearGroups(years: readonly number[]): string {
  if (years.length === 0) return 'None';
  const sorted = [...years].sort((a, b) => a - b);
  if (sorted.length === 1) return `Year ${sorted[0]}`;
  return `Years ${sorted.slice(0, -1).join(', ')} and ${sorted[sorted.length - 1]}`;
}
