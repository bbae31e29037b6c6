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
