import { declineReasonProblem, formatDay } from '@waymark/domain';
import type { OwnActivity, OwnActivityStatus } from '../graphql/ownActivities';

export const STATUS_LABELS: Record<OwnActivityStatus, string> = {
  SUBMITTED: 'Waiting to be checked',
  VERIFIED: 'Verified',
  DECLINED: 'Declined',
};

/** "3 March 2026", or "3 March 2026 to 28 March 2026" for a run of days. */
export function periodText(startedOn: string, endedOn: string | null): string {
  if (!endedOn || endedOn === startedOn) return formatDay(startedOn, 'long');
  return `${formatDay(startedOn, 'long')} to ${formatDay(endedOn, 'long')}`;
}

/** Oldest submission first: the one waiting longest is checked first. */
export function oldestFirst(activities: readonly OwnActivity[]): OwnActivity[] {
  return [...activities].sort((a, b) => Date.parse(a.submittedAt) - Date.parse(b.submittedAt));
}

/** A decline needs a reason the pupil can act on: the rule the API runs too. */
export { declineReasonProblem };
