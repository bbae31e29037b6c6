import { formatDay, parseDay } from '../london-time.js';

/** Why a leaving date cannot be recorded: not a date, after today, or before the pupil's time at the school began. */
export type LeavingDateReason = 'INVALID' | 'IN_FUTURE' | 'BEFORE_JOINING';

export interface LeavingDateProblem {
  reason: LeavingDateReason;
  message: string;
}

/**
 * The day a careers leader says a pupil left their school (the field `leftOn`, YYYY-MM-DD): a real
 * date, not after `today` (in England) and not before `joinedOn`, the day the pupil's time at the
 * school began. Leaving on the day they joined is allowed, as a full roster import would record it.
 * The portal runs it before asking, and the pupils subgraph again on what arrives.
 */
export function leavingDateProblem(value: string, { today, joinedOn }: { today: string; joinedOn: string | null }): LeavingDateProblem | null {
  const day = parseDay(value.trim());
  if (!value.trim()) return { reason: 'INVALID', message: 'Enter the date they left' };
  if (!day) return { reason: 'INVALID', message: 'Enter the date they left as a real date, for example 2026-10-05' };
  if (day > today) return { reason: 'IN_FUTURE', message: 'The date they left cannot be in the future' };
  if (joinedOn && day < joinedOn) {
    return { reason: 'BEFORE_JOINING', message: `The date they left cannot be before they joined your school on ${formatDay(joinedOn, 'long')}` };
  }
  return null;
}
