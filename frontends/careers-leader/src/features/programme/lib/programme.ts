import { checkPlanItem, CDI_AREAS, isCdiArea, isHalfTerm, PLAN_ITEM_STATUS_WORDS, type FieldProblems, type PlanItemField } from '@waymark/domain';
import type { VulnerableGroup } from '../../../shared/vulnerableGroups';
import type { PlanItem, PlanItemInput, PlanItemStatus } from '../graphql/programme';

/** The "Add a planned activity" form as typed: text as typed, ticks as lists, '' for nothing chosen. */
export interface PlanItemDraft {
  halfTerm: string;
  title: string;
  yearGroups: number[];
  purpose: string;
  learningOutcomes: string;
  cdiAreas: string[];
  benchmarks: number[];
  deliveredBy: string;
  forGroups: VulnerableGroup[];
  sendAdaptations: string;
  startsOn: string;
  endsOn: string;
}

export const EMPTY_DRAFT: PlanItemDraft = {
  halfTerm: '',
  title: '',
  yearGroups: [],
  purpose: '',
  learningOutcomes: '',
  cdiAreas: [],
  benchmarks: [],
  deliveredBy: '',
  forGroups: [],
  sendAdaptations: '',
  startsOn: '',
  endsOn: '',
};

/** A planned activity as the form shows it, to change it. */
export function draftOf(item: PlanItem): PlanItemDraft {
  return {
    halfTerm: item.halfTerm,
    title: item.title,
    yearGroups: [...item.yearGroups],
    purpose: item.purpose ?? '',
    learningOutcomes: item.learningOutcomes ?? '',
    cdiAreas: [...item.cdiAreas],
    benchmarks: [...item.benchmarks],
    deliveredBy: item.deliveredBy ?? '',
    forGroups: [...item.forGroups] as VulnerableGroup[],
    sendAdaptations: item.sendAdaptations ?? '',
    startsOn: item.startsOn ?? '',
    endsOn: item.endsOn ?? '',
  };
}

/** The draft as `createPlanItem` and `updatePlanItem` take it (empty text left out). */
export function draftToInput(draft: PlanItemDraft, academicYear: number): PlanItemInput {
  const text = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    academicYear,
    halfTerm: draft.halfTerm as PlanItemInput['halfTerm'],
    title: draft.title.trim(),
    yearGroups: draft.yearGroups,
    purpose: text(draft.purpose),
    learningOutcomes: text(draft.learningOutcomes),
    cdiAreas: draft.cdiAreas.filter(isCdiArea),
    benchmarks: draft.benchmarks,
    deliveredBy: text(draft.deliveredBy),
    forGroups: draft.forGroups,
    sendAdaptations: text(draft.sendAdaptations),
    startsOn: text(draft.startsOn),
    endsOn: text(draft.endsOn),
  };
}

/** The same rules the API applies (@waymark/domain's checkPlanItem), before anything is sent. */
export function validateDraft(draft: PlanItemDraft, academicYear: number): FieldProblems<PlanItemField> {
  const input = draftToInput(draft, academicYear);
  return checkPlanItem({ ...input, halfTerm: isHalfTerm(draft.halfTerm) ? draft.halfTerm : '', cdiAreas: draft.cdiAreas, forGroups: input.forGroups ?? [] });
}

/** A status in words with its symbol, never by colour alone. */
export function statusText(status: PlanItemStatus): string {
  const words = PLAN_ITEM_STATUS_WORDS[status];
  return `${words.symbol} ${words.label}`;
}

export const STATUS_TAGS: Record<PlanItemStatus, string> = {
  DELIVERED: 'wm-tag wm-tag--met',
  PLANNED: 'wm-tag wm-tag--progress',
  SLIPPED: 'wm-tag wm-tag--not-met',
};

export function listText(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

export function cdiAreaLabel(key: string): string {
  return isCdiArea(key) ? CDI_AREAS[key].label : key;
}

/** How many items of each status, in words: "3 planned activities: 1 delivered, 1 planned, 1 slipped." */
export function planSummary(statuses: readonly PlanItemStatus[]): string {
  if (statuses.length === 0) return 'Nothing is planned for this year yet.';
  const count = (status: PlanItemStatus) => statuses.filter((s) => s === status).length;
  const noun = statuses.length === 1 ? 'planned activity' : 'planned activities';
  return `${statuses.length} ${noun}: ${count('DELIVERED')} delivered, ${count('PLANNED')} planned, ${count('SLIPPED')} slipped.`;
}
