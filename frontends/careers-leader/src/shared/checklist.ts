import type { EncounterKind } from './encounterKinds';

/**
 * What makes an activity meaningful (DESIGN.md §3), in the project's own words: four items for
 * every kind, four more for workplace experiences, three more for encounters with colleges,
 * universities and providers. The keys are the fields of `MeaningfulChecklist`; keys and labels are
 * those of `CHECKLIST_ITEMS` in @waymark/domain (which the API's `checklistItems` use), kept here so
 * the form can show them before anything is saved.
 */
export const CHECKLIST_ITEMS = [
  { key: 'purposeShared', applies: 'every', label: 'The purpose was agreed with the people running it and explained to pupils beforehand' },
  { key: 'learningOutcomes', applies: 'every', label: 'What pupils should learn was set to suit their age and needs' },
  { key: 'twoWayInteraction', applies: 'every', label: 'Pupils could ask questions and talk with the visitors, not only listen' },
  { key: 'reflectionTime', applies: 'every', label: 'Pupils had time afterwards to think about what they learned' },
  { key: 'staffInteraction', applies: 'workplace', label: 'Pupils spent real time with people who work there' },
  { key: 'rangeOfPeople', applies: 'workplace', label: 'Pupils met people in several different roles' },
  { key: 'employerTask', applies: 'workplace', label: 'The employer set pupils a task to do' },
  { key: 'employerFeedback', applies: 'workplace', label: 'The employer gave pupils feedback' },
  { key: 'metStaffAndLearners', applies: 'education', label: 'Pupils met both staff and current students' },
  { key: 'entryRoutesInfo', applies: 'education', label: 'Pupils heard about entry routes, qualifications and where they lead' },
  { key: 'learningExperience', applies: 'education', label: 'Pupils saw what learning there is like' },
] as const;

export type ChecklistKey = (typeof CHECKLIST_ITEMS)[number]['key'];
export type ChecklistItemDefinition = (typeof CHECKLIST_ITEMS)[number];
export type MeaningfulChecklist = Record<ChecklistKey, boolean>;

export const WORKPLACE_KINDS: readonly EncounterKind[] = ['WORKPLACE_VISIT', 'WORK_SHADOWING', 'WORK_EXPERIENCE'];
export const EDUCATION_PROVIDER_KINDS: readonly EncounterKind[] = [
  'SIXTH_FORM_ENCOUNTER',
  'FE_COLLEGE_ENCOUNTER',
  'UNIVERSITY_ENCOUNTER',
  'UNIVERSITY_VISIT',
  'TRAINING_PROVIDER_ENCOUNTER',
  'APPRENTICESHIP_PROVIDER_ENCOUNTER',
];

export const EMPTY_CHECKLIST: MeaningfulChecklist = Object.fromEntries(CHECKLIST_ITEMS.map((item) => [item.key, false])) as MeaningfulChecklist;

/** The selection of every `MeaningfulChecklist` field. */
export const CHECKLIST_FIELDS = CHECKLIST_ITEMS.map((item) => item.key).join('\n');

/** The items that apply to a kind of encounter, in order; none until a kind is chosen. */
export function checklistItemsFor(kind: EncounterKind | ''): ChecklistItemDefinition[] {
  if (!kind) return [];
  return CHECKLIST_ITEMS.filter(
    (item) =>
      item.applies === 'every' ||
      (item.applies === 'workplace' && WORKPLACE_KINDS.includes(kind)) ||
      (item.applies === 'education' && EDUCATION_PROVIDER_KINDS.includes(kind)),
  );
}

/** What is sent: the ticks of the items that apply, every other item false (a tick left over from another kind must not count). */
export function checklistInput(kind: EncounterKind | '', ticked: Partial<MeaningfulChecklist>): MeaningfulChecklist {
  const input = { ...EMPTY_CHECKLIST };
  for (const item of checklistItemsFor(kind)) input[item.key] = ticked[item.key] === true;
  return input;
}

/** Every item that applies is ticked (and there is at least one). */
export function checklistComplete(kind: EncounterKind | '', ticked: Partial<MeaningfulChecklist>): boolean {
  const items = checklistItemsFor(kind);
  return items.length > 0 && items.every((item) => ticked[item.key] === true);
}
