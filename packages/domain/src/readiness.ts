/*
 * Career readiness (docs/domain-rules.md, "Career readiness"): a short questionnaire pupils answer at
 * the points where they move on (the start of Year 7, and in Years 9, 11 and 13): what they know about
 * careers, and how they rate themselves on the eight essential skills of the Skills Builder framework.
 * The words are Waymark's own, written for 11 to 18 year olds.
 */

/** The years in which the questionnaire is asked. */
export const READINESS_YEAR_GROUPS = [7, 9, 11, 13] as const;

export const READINESS_ITEMS = {
  KNOW_JOBS: { kind: 'knowledge', text: 'I know some jobs that use the things I like doing.' },
  KNOW_CHOICES: { kind: 'knowledge', text: 'I know what choices I can make at the end of this stage of school.' },
  KNOW_WHERE_TO_LOOK: { kind: 'knowledge', text: 'I know where to find out about jobs, courses and apprenticeships.' },
  KNOW_WHO_HELPS: { kind: 'knowledge', text: 'I know who can help me plan what to do next.' },
  LISTENING: { kind: 'skill', text: 'Listening: I pay attention and understand what others say.' },
  SPEAKING: { kind: 'skill', text: 'Speaking: I can explain my ideas clearly.' },
  PROBLEM_SOLVING: { kind: 'skill', text: 'Problem solving: I can work out what to do when something goes wrong.' },
  CREATIVITY: { kind: 'skill', text: 'Creativity: I come up with new ideas.' },
  STAYING_POSITIVE: { kind: 'skill', text: 'Staying positive: I keep going when things are hard.' },
  AIMING_HIGH: { kind: 'skill', text: 'Aiming high: I set goals and work towards them.' },
  LEADERSHIP: { kind: 'skill', text: 'Leadership: I can help a group get things done.' },
  TEAMWORK: { kind: 'skill', text: 'Teamwork: I work well with other people.' },
} as const satisfies Record<string, { kind: 'knowledge' | 'skill'; text: string }>;
export type ReadinessItem = keyof typeof READINESS_ITEMS;
export const READINESS_ITEM_KEYS = Object.keys(READINESS_ITEMS) as ReadinessItem[];

/** The answers, 1 to 4; 3 and 4 are the positive ones. */
export const READINESS_SCALE = { 1: 'Not yet', 2: 'A little', 3: 'Mostly', 4: 'Yes, definitely' } as const;
export const READINESS_POSITIVE_FROM = 3;

export const isReadinessYear = (yearGroup: number | null | undefined): boolean =>
  (READINESS_YEAR_GROUPS as readonly (number | null | undefined)[]).includes(yearGroup);

/** Every problem with a set of answers (empty when each item has one answer from 1 to 4, and nothing else). */
export function checkReadinessAnswers(answers: readonly { item: string; value: number }[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { item, value } of answers) {
    if (!Object.hasOwn(READINESS_ITEMS, item)) problems.push(`"${item}" is not one of the questions`);
    else if (seen.has(item)) problems.push(`"${item}" is answered twice`);
    else if (!Number.isInteger(value) || value < 1 || value > 4) problems.push(`Answer "${READINESS_ITEMS[item as ReadinessItem].text}" with 1 to 4`);
    seen.add(item);
  }
  const missing = READINESS_ITEM_KEYS.filter((item) => !seen.has(item));
  if (missing.length > 0) problems.push(`Answer every question: ${missing.length} ${missing.length === 1 ? 'is' : 'are'} missing`);
  return problems;
}

/** The share (0 to 100, whole numbers) of `values` that are positive; null with none. */
export function positiveShare(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((100 * values.filter((value) => value >= READINESS_POSITIVE_FROM).length) / values.length);
}
