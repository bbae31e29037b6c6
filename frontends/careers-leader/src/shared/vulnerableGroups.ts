import { VULNERABLE_GROUPS as GROUPS, VULNERABLE_GROUP_CODES, type VulnerableGroupCode } from '@waymark/domain';
import type { PupilFlagsFieldsFragment } from '../gql/graphql';

/** The VulnerableGroup enum value of a group. */
export type VulnerableGroup = VulnerableGroupCode;
/** The PupilFlags field of a group. */
export type FlagName = (typeof GROUPS)[number]['key'];

/** The VulnerableGroup enum, the matching PupilFlags field, and the label staff see (from @waymark/domain). */
export const VULNERABLE_GROUPS: readonly { value: VulnerableGroup; flag: FlagName; label: string }[] = GROUPS.map((group) => ({
  value: VULNERABLE_GROUP_CODES[group.key],
  flag: group.key,
  label: group.label,
}));

/** `PupilFlags` as the API returns it (every flag: graphql/fragments.graphql, `PupilFlagsFields`). */
export type PupilFlags = PupilFlagsFieldsFragment;

export function groupLabel(value: string): string {
  return VULNERABLE_GROUPS.find((group) => group.value === value)?.label ?? value;
}
