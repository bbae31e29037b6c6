import type { OwnActivity, OwnActivityStatus } from '../graphql/ownActivities';

export const STATUS_LABELS: Record<OwnActivityStatus, string> = {
  SUBMITTED: 'Waiting to be checked',
  VERIFIED: 'Verified',
  DECLINED: 'Declined',
};

/** "3 March 2026", or "3 March to 28 March 2026" for a run of days. */
export function periodText(startedOn: string, endedOn: string | null): string {
  const format = (day: string) => new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  if (!endedOn || endedOn === startedOn) return format(startedOn);
  return `${format(startedOn)} to ${format(endedOn)}`;
}

/** Oldest submission first: the one waiting longest is checked first. */
export function oldestFirst(activities: readonly OwnActivity[]): OwnActivity[] {
  return [...activities].sort((a, b) => Date.parse(a.submittedAt) - Date.parse(b.submittedAt));
}

/** A decline needs a reason the pupil can act on. */
export function declineReasonProblem(reason: string): string | null {
  const trimmed = reason.trim();
  if (!trimmed) return 'Enter a reason: the pupil will see it';
  if (trimmed.length > 500) return 'The reason must be 500 characters or fewer';
  return null;
}
