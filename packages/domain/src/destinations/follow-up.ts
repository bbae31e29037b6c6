import { ACTIVITIES, activityLabel, type Activity, type ActivitySpell } from './activity-spells.js';

/** Why a leaver is on the careers leader's follow-up list, or nothing when they need none. */
export interface FollowUp {
  /** What the newest spell covering today says, or null when none does. */
  activity: Activity | null;
  /** The day the last thing known about them ended (YYYY-MM-DD), when nothing covers today. */
  lastKnownOn: string | null;
  reason: string;
}

const NEEDS_FOLLOW_UP: ReadonlySet<Activity> = new Set(['NEET_AVAILABLE', 'NEET_NOT_AVAILABLE', 'NOT_KNOWN']);

/**
 * Whether a Year 11 leaver needs following up on `today` (YYYY-MM-DD): while they are in their three
 * destination years (up to 31 July three years after the summer they left), when today is covered by
 * a NEET or "not known" spell, or by no spell at all. Of the spells covering today the one that
 * started last says what they are doing. Null: nothing to do (or no longer followed).
 */
export function followUpOf(leavingYear: number, spells: readonly ActivitySpell[], today: string): FollowUp | null {
  if (today > `${leavingYear + 3}-07-31` || spells.length === 0) return null;
  const covering = spells.filter((spell) => spell.startsOn <= today && (spell.endsOn === null || spell.endsOn >= today));
  const now = covering.reduce<ActivitySpell | null>((latest, spell) => (latest && latest.startsOn >= spell.startsOn ? latest : spell), null);
  if (now) {
    if (!NEEDS_FOLLOW_UP.has(now.activity)) return null;
    const what = now.activity === 'NOT_KNOWN' ? 'Not known what they are doing' : ACTIVITIES[now.activity];
    return { activity: now.activity, lastKnownOn: null, reason: `${what} since ${now.startsOn}` };
  }
  const ended = spells.filter((spell) => spell.endsOn !== null && spell.endsOn < today).map((spell) => spell.endsOn!);
  const lastKnownOn = ended.length > 0 ? ended.reduce((a, b) => (a > b ? a : b)) : null;
  if (!lastKnownOn) {
    const next = spells.reduce((a, b) => (a.startsOn < b.startsOn ? a : b));
    return { activity: null, lastKnownOn: null, reason: `Nothing recorded before ${activityLabel(next).toLowerCase()} from ${next.startsOn}` };
  }
  return { activity: null, lastKnownOn, reason: `Nothing recorded since ${lastKnownOn}` };
}
