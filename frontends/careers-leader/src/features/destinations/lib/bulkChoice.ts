import type { FollowUpEntry } from '../graphql/destinations';

/** The quick choices above the worklist: everyone a spell can be recorded for with one status. */
export type BulkChoice = 'NEET' | 'NOT_KNOWN' | 'NOTHING_RECORDED';

export const BULK_CHOICES: { value: BulkChoice; label: string }[] = [
  { value: 'NEET', label: 'not in education, employment or training' },
  { value: 'NOT_KNOWN', label: 'not known' },
  { value: 'NOTHING_RECORDED', label: 'with nothing recorded' },
];

/** Whether a spell can be recorded for them now (not while their agreement is needed). */
export const canChoose = (entry: FollowUpEntry): boolean => !entry.needsConsent;

/**
 * The leavers a quick choice picks: NEET now; not known (a "not known" spell, or nothing covering
 * today); or nothing recorded at all yet. Never those whose agreement is needed first.
 */
export function leaversFor(entries: readonly FollowUpEntry[], choice: BulkChoice): string[] {
  const matches = (entry: FollowUpEntry) =>
    choice === 'NEET'
      ? entry.status === 'NEET'
      : choice === 'NOT_KNOWN'
        ? entry.status === 'NOT_KNOWN' || entry.status === 'NOTHING_FOR_TODAY'
        : entry.status === 'NOTHING_RECORDED';
  return entries.filter((entry) => canChoose(entry) && matches(entry)).map((entry) => entry.pupil.id);
}

/** "Recorded for 2 leavers." */
export const recordedFor = (count: number): string => `Spell recorded for ${count} ${count === 1 ? 'leaver' : 'leavers'}.`;

/** Each refused leaver's problem, named: "Sam Smith: They have not agreed…". */
export function namedProblems(entries: readonly FollowUpEntry[], problems: readonly { pupilId: string; message: string }[]): string[] {
  const names = new Map(entries.map((entry) => [entry.pupil.id, entry.pupil.displayName]));
  return problems.map((problem) => `${names.get(problem.pupilId) ?? 'A leaver'}: ${problem.message}`);
}
