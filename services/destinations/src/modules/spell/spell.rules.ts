import { hasLeftYear11 } from '@waymark/domain';
import type { FollowUpStatus, LeaverFollowUp } from './spell.types.js';

/*
 * Who the careers leader's worklist follows (docs/domain-rules.md, "Leavers to follow up"): Year 11
 * leavers from 1 June of the summer they finish Year 11 until 31 July three summers later.
 */

/** Whether leavers of `leavingYear` are followed on `today` (YYYY-MM-DD). */
export function isFollowed(leavingYear: number, today: string): boolean {
  return hasLeftYear11(leavingYear, today) && today <= `${leavingYear + 3}-07-31`;
}

/** The leaving years followed on `today`, newest first: three, or four in June and July. */
export function followedLeavingYears(today: string): number[] {
  const year = Number(today.slice(0, 4));
  return [year, year - 1, year - 2, year - 3].filter((leavingYear) => isFollowed(leavingYear, today));
}

/**
 * The day a leaver of `leavingYear` must have been on roll at the school to be its leaver: 1 June of
 * that summer, from which they count as having finished Year 11 (before the last Friday in June, when
 * Year 11 may leave).
 */
export function summerOnRollDay(leavingYear: number): string {
  return `${leavingYear}-06-01`;
}

const RANK: Record<FollowUpStatus, number> = { NEET: 0, NOT_KNOWN: 1, NOTHING_FOR_TODAY: 1, NOTHING_RECORDED: 1 };

/** The worklist's order: NEET first, then newest leavers first, then those who can be chased before those whose agreement is needed first. */
export function compareFollowUps(a: LeaverFollowUp, b: LeaverFollowUp): number {
  return (
    RANK[a.status] - RANK[b.status] || b.leavingYear - a.leavingYear || Number(a.needsConsent) - Number(b.needsConsent) || a.pupil.id.localeCompare(b.pupil.id)
  );
}
