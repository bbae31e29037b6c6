import { QUALIFIED_ADVISER_LEVEL, checkGuidanceMeeting, dayAsInstant } from '@waymark/domain';
import type { RecordGuidanceMeetingInput } from '../graphql/guidance';

export interface ActionDraft {
  /** Stable while the list is edited, so React keeps each row's input. */
  key: number;
  text: string;
  dueOn: string;
}

export interface GuidanceDraft {
  date: string;
  adviserName: string;
  adviserLevel: string;
  notes: string;
  actions: ActionDraft[];
}

export type GuidanceField = 'date' | 'adviserName' | 'adviserLevel' | 'notes' | `action-${number}` | `due-${number}`;
export type GuidanceErrors = Partial<Record<GuidanceField, string>>;

export function emptyGuidanceDraft(today: string): GuidanceDraft {
  // The adviser's level starts empty: a preset would make every meeting count for Benchmark 8 unless someone changed it.
  return { date: today, adviserName: '', adviserLevel: '', notes: '', actions: [{ key: 0, text: '', dueOn: '' }] };
}

/**
 * Problems with the draft, keyed by field (actions by their row key); empty rows of actions are
 * ignored. The rules are the API's (`checkGuidanceMeeting` of @waymark/domain), for a meeting that
 * has happened.
 */
export function validateGuidance(draft: GuidanceDraft, today: string): GuidanceErrors {
  const level = draft.adviserLevel.trim() === '' ? null : Number(draft.adviserLevel);
  const problems = checkGuidanceMeeting(
    {
      day: draft.date,
      adviserName: draft.adviserName,
      adviserLevel: level,
      notes: draft.notes,
      actions: draft.actions.map((action) => ({ text: action.text, dueOn: action.dueOn || null })),
    },
    today,
  );
  const errors: GuidanceErrors = {};
  for (const [field, message] of Object.entries(problems)) {
    const row = /^actions\.(\d+)\.(text|dueOn)$/.exec(field);
    if (row) errors[`${row[2] === 'text' ? 'action' : 'due'}-${draft.actions[Number(row[1])].key}`] = message;
    else if (field === 'actions') errors[`action-${draft.actions[draft.actions.length - 1].key}`] = message;
    else errors[field as 'date' | 'adviserName' | 'adviserLevel' | 'notes'] = message;
  }
  return errors;
}

/** The mutation's input from a valid draft: the meeting's day (as the domain carries a day), empty action rows dropped. */
export function toGuidanceInput(pupilId: string, draft: GuidanceDraft): RecordGuidanceMeetingInput {
  return {
    pupilId,
    date: dayAsInstant(draft.date).toISOString(),
    adviserName: draft.adviserName.trim(),
    adviserLevel: Number(draft.adviserLevel),
    notes: draft.notes.trim() || null,
    actions: draft.actions.filter((action) => action.text.trim()).map((action) => ({ text: action.text.trim(), dueOn: action.dueOn || null })),
  };
}

/** Whether a meeting with an adviser of this level counts towards Benchmark 8. */
export function countsForBenchmark8(level: number): boolean {
  return level >= QUALIFIED_ADVISER_LEVEL;
}
