/** The VulnerableGroup enum, the matching PupilFlags field, and the label staff see (DESIGN.md §3). */
export const VULNERABLE_GROUPS = [
  { value: 'SEN_SUPPORT', flag: 'senSupport', label: 'SEN support' },
  { value: 'EHCP', flag: 'ehcp', label: 'EHCP' },
  { value: 'DISADVANTAGED', flag: 'disadvantaged', label: 'Disadvantaged (FSM / pupil premium)' },
  { value: 'LOOKED_AFTER', flag: 'lookedAfter', label: 'Looked after or previously looked after' },
  { value: 'EAL', flag: 'eal', label: 'English as an additional language' },
  { value: 'YOUNG_CARER', flag: 'youngCarer', label: 'Young carer' },
  { value: 'YOUNG_PARENT', flag: 'youngParent', label: 'Young parent or pregnant' },
  { value: 'YOUTH_JUSTICE', flag: 'youthJustice', label: 'Youth justice involvement' },
  { value: 'REFUGEE', flag: 'refugee', label: 'Refugee or asylum seeker' },
  { value: 'SERVICE_CHILD', flag: 'serviceChild', label: 'Service child' },
  { value: 'PERSISTENT_ABSENCE', flag: 'persistentAbsence', label: 'Persistent absence' },
  { value: 'NEET_RISK', flag: 'neetRisk', label: 'At risk of NEET' },
] as const;

export type VulnerableGroup = (typeof VULNERABLE_GROUPS)[number]['value'];
export type FlagName = (typeof VULNERABLE_GROUPS)[number]['flag'];

/** `PupilFlags` as the API returns it. */
export type PupilFlags = Record<FlagName, boolean> & { neetRiskScore: number | null };

export const PUPIL_FLAGS_FIELDS = /* GraphQL */ `
  ${VULNERABLE_GROUPS.map((group) => group.flag).join('\n  ')}
  neetRiskScore
`;

export function groupLabel(value: string): string {
  return VULNERABLE_GROUPS.find((group) => group.value === value)?.label ?? value;
}
