import { CHECKLIST_ITEMS as ITEMS, checklistItemsFor as itemsFor, type ChecklistKey } from '@waymark/domain';
import type { EncounterKind } from './encounterKinds';

/**
 * What makes an activity meaningful (docs/domain-rules.md): the items of `CHECKLIST_ITEMS` in
 * @waymark/domain, which the API's `checklistItems` use too, so the form can show them before
 * anything is saved. The keys are the fields of `MeaningfulChecklist`.
 */
export const CHECKLIST_ITEMS = ITEMS;

export type { ChecklistKey };
export type ChecklistItemDefinition = (typeof CHECKLIST_ITEMS)[number];
export type MeaningfulChecklist = Record<ChecklistKey, boolean>;

export const EMPTY_CHECKLIST: MeaningfulChecklist = Object.fromEntries(CHECKLIST_ITEMS.map((item) => [item.key, false])) as MeaningfulChecklist;

/** The items that apply to a kind of encounter, in order; none until a kind is chosen. */
export function checklistItemsFor(kind: EncounterKind | ''): ChecklistItemDefinition[] {
  return kind ? itemsFor(kind) : [];
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
