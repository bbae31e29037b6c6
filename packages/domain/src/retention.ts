/**
 * Retention of leavers (docs/domain-rules.md, "Retention"): three years after a pupil leaves, every
 * subgraph pseudonymises what it holds about them. These are the words that stand in for their name
 * and for anything written by or about them, the same in every subgraph.
 */
export const PSEUDONYMISED = {
  /** The name a pseudonymised leaver's record shows instead of theirs. */
  name: 'Former pupil',
  /** What a text written by or about a pseudonymised leaver reads instead of its words. */
  text: 'Removed three years after the pupil left.',
  /**
   * The name that stands in for someone else's name kept with a leaver's record (a parent or carer who
   * changed their consent or read their record): a parent's name tells whose family it was.
   */
  otherName: 'Name removed',
} as const;

/**
 * A volunteer's own deletion of their account (docs/domain-rules.md, "A volunteer deletes their
 * account"): what stands in for them where a school keeps that someone was there, and for the
 * words they wrote, the same in every subgraph.
 */
export const ERASED_VOLUNTEER = {
  /** The name a deleted volunteer's record shows: "Former volunteer". */
  firstName: 'Former',
  lastName: 'volunteer',
  /** Where their job title was. */
  jobTitle: 'Has left Waymark',
  /** What a text they wrote, or one written to them, reads instead of its words. */
  text: 'Removed when the volunteer deleted their Waymark account.',
  /** The school's answer on an offer that was still open, or accepted for an activity still to come. */
  withdrawn: 'Withdrawn: the volunteer deleted their Waymark account and will not come. The activity stays in your plan: find someone else or change it.',
  /**
   * The answer on each application, waiting or approved, to a placement they offered that had not
   * started yet: the placement is withdrawn, and the pupil and their school read why.
   */
  placementWithdrawn:
    'Withdrawn: the person at the employer who offered this placement deleted their Waymark account, so it will not go ahead. Your careers leader can help you find another.',
} as const;
