import { academicYearOf, READINESS_ITEM_KEYS, READINESS_ITEMS, READINESS_SCALE, type ReadinessItem } from '@waymark/domain';
import type { ReadinessResponse } from '../graphql/readiness';

export const SCALE_OPTIONS = ([1, 2, 3, 4] as const).map((value) => ({ value, label: READINESS_SCALE[value] }));

/** The questions in the order they are asked: what they know first, then the eight skills. */
export const QUESTIONS = READINESS_ITEM_KEYS.map((item) => ({ item, ...READINESS_ITEMS[item] }));

/** This school year's answers, to start the form from (empty when there are none yet). */
export function thisYearsAnswers(responses: readonly ReadinessResponse[], now = new Date()): Partial<Record<ReadinessItem, number>> {
  const current = responses.find((response) => response.academicYear === academicYearOf(now));
  return Object.fromEntries((current?.answers ?? []).map((answer) => [answer.item, answer.value]));
}

/** The questions not answered yet, in order. */
export function unanswered(answers: Partial<Record<ReadinessItem, number>>): ReadinessItem[] {
  return READINESS_ITEM_KEYS.filter((item) => answers[item] === undefined);
}

/** The year groups a pupil answers in after `yearGroup` (to say when they will next be asked). */
export function nextReadinessYear(yearGroup: number | null): number | null {
  if (yearGroup === null) return null;
  return [7, 9, 11, 13].find((year) => year > yearGroup) ?? null;
}

/** "Year 7 → Year 9: went up", per question, for the change table: the answer in words for each response. */
export function changeRows(responses: readonly ReadinessResponse[]): { item: ReadinessItem; text: string; values: (string | null)[] }[] {
  return QUESTIONS.map(({ item, text }) => ({
    item,
    text,
    values: responses.map((response) => {
      const value = response.answers.find((answer) => answer.item === item)?.value;
      return value === undefined ? null : READINESS_SCALE[value as 1 | 2 | 3 | 4];
    }),
  }));
}
