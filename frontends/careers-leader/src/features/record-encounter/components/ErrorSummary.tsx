import { ErrorSummary as Summary } from '@waymark/ui';
import type { FormProblem } from '../lib/encounterDraft';
import { FIELD_IDS } from './fieldIds';

export interface EncounterErrorSummaryProps {
  message: string | null;
  problems: FormProblem[];
  /** Count of failed submits; each new one moves focus to the summary. */
  attempt: number;
}

/** Lists what stops the encounter being recorded, each linked to its field; takes focus after a failed submit. */
export function EncounterErrorSummary({ message, problems, attempt }: EncounterErrorSummaryProps) {
  const items = problems.map((problem) => ({ message: problem.message, targetId: problem.field ? FIELD_IDS[problem.field] : undefined }));
  // A message from the server with no field to point at is listed as the one problem.
  if (message && items.length === 0) return <Summary items={[{ message }]} attempt={attempt} />;
  return <Summary title={message ?? undefined} items={items} attempt={attempt} />;
}
