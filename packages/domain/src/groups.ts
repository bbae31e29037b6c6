/** The vulnerable and target groups (docs/domain-rules.md), as flags on a pupil. */
export const VULNERABLE_GROUPS = [
  { key: 'senSupport', label: 'SEN support' },
  { key: 'ehcp', label: 'EHCP' },
  { key: 'disadvantaged', label: 'Disadvantaged (FSM / pupil premium)' },
  { key: 'lookedAfter', label: 'Looked after or previously looked after' },
  { key: 'eal', label: 'English as an additional language' },
  { key: 'youngCarer', label: 'Young carer' },
  { key: 'youngParent', label: 'Young parent or pregnant' },
  { key: 'youthJustice', label: 'Youth justice involvement' },
  { key: 'refugee', label: 'Refugee or asylum seeker' },
  { key: 'serviceChild', label: 'Service child' },
  { key: 'persistentAbsence', label: 'Persistent absence' },
  { key: 'neetRisk', label: 'At risk of NEET' },
] as const;
export type VulnerableGroup = (typeof VULNERABLE_GROUPS)[number]['key'];

/**
 * Each group's name in the GraphQL `VulnerableGroup` enum (and in stored flag history), so every
 * subgraph and portal spells them the same way.
 */
export const VULNERABLE_GROUP_CODES = {
  senSupport: 'SEN_SUPPORT',
  ehcp: 'EHCP',
  disadvantaged: 'DISADVANTAGED',
  lookedAfter: 'LOOKED_AFTER',
  eal: 'EAL',
  youngCarer: 'YOUNG_CARER',
  youngParent: 'YOUNG_PARENT',
  youthJustice: 'YOUTH_JUSTICE',
  refugee: 'REFUGEE',
  serviceChild: 'SERVICE_CHILD',
  persistentAbsence: 'PERSISTENT_ABSENCE',
  neetRisk: 'NEET_RISK',
} as const satisfies Record<VulnerableGroup, string>;
export type VulnerableGroupCode = (typeof VULNERABLE_GROUP_CODES)[VulnerableGroup];

const GROUP_BY_CODE = new Map((Object.entries(VULNERABLE_GROUP_CODES) as [VulnerableGroup, VulnerableGroupCode][]).map(([group, code]) => [code, group]));

/** The flag behind an enum name; undefined for anything that is not one. */
export function vulnerableGroupOfCode(code: string): VulnerableGroup | undefined {
  return GROUP_BY_CODE.get(code as VulnerableGroupCode);
}
