/** The vulnerable and target groups DESIGN.md lists, as flags on a pupil. */
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
