import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import { academicYearLabel, checkPlanItem, HALF_TERM_KEYS, HALF_TERMS, halfTermDates, planItemStatus, problemList, type PlanItemValues } from '@waymark/domain';
import { InputError, mutationError, scopeOf, type MutationError } from '@waymark/subgraph-kit';
import type { EncountersContext } from '../../app.js';
import { schoolAsked } from '../benchmarks/benchmarks.resolver.js';
import { schoolCohort } from '../benchmarks/school-cohort.js';
import { Encounter } from '../encounter/encounter.entity.js';
import { School, stubOf } from '../external/external.entity.js';
import { ProgrammePlanItem } from './plan-item.entity.js';
import { PlanItem, ProgrammeHalfTerm, ProgrammePlan, type PlanItemInput } from './programme.types.js';

/*
 * The careers programme planner (docs/domain-rules.md, "Programme planner"). Staff read and change
 * their own school's plan; a trust's analysts read the plans of their trust's schools. Row-level
 * security keeps every statement to the caller's school or trust as well.
 */

const ROLES_WHO_EDIT = ['careers_leader', 'staff'];

/** Whether the caller may change their school's plan. */
export function canEditPlan(ctx: EncountersContext): boolean {
  return scopeOf(ctx.principal).kind === 'school' && ctx.principal.roles.some((role) => ROLES_WHO_EDIT.includes(role));
}

/**
 * The school whose plan is read, as the dashboard's: staff their own (naming another is forbidden); an
 * analyst names a school, which the pupils subgraph must confirm is one of their trust's.
 */
export async function planSchool(ctx: EncountersContext, given: string | null | undefined, academicYear: number): Promise<string> {
  const schoolId = schoolAsked(ctx, given);
  if (scopeOf(ctx.principal).kind === 'trust') await schoolCohort(ctx, schoolId, `${academicYear}-09-01`);
  return schoolId;
}

export function checkAcademicYear(academicYear: number): void {
  if (checkPlanItem({ ...EMPTY_VALUES, academicYear }).academicYear) throw InputError.invalid('Choose an academic year from 2000 to 2100.');
}

const EMPTY_VALUES: PlanItemValues = { academicYear: 0, halfTerm: 'AUTUMN_1', yearGroups: [7], title: 'x', cdiAreas: [], benchmarks: [1], forGroups: [] };

const trimmedOrNull = (value: string | null | undefined) => {
  const text = (value ?? '').trim();
  return text === '' ? null : text;
};

/** The input's problems as a MutationError, or the values to save. */
export function planItemValues(
  input: PlanItemInput,
): { error: MutationError } | { values: Omit<ProgrammePlanItem, 'id' | 'schoolId' | 'trustId' | 'encounterIds' | 'copiedFromId' | 'createdAt' | 'updatedAt'> } {
  const problems = checkPlanItem(input);
  if (Object.keys(problems).length > 0)
    return { error: mutationError('PLAN_ITEM_INVALID', 'Some details of the planned activity need changing.', problemList(problems)) };
  return {
    values: {
      academicYear: input.academicYear,
      halfTerm: input.halfTerm,
      yearGroups: [...new Set(input.yearGroups)].sort((a, b) => a - b),
      title: input.title.trim(),
      purpose: trimmedOrNull(input.purpose),
      learningOutcomes: trimmedOrNull(input.learningOutcomes),
      cdiAreas: [...new Set(input.cdiAreas)],
      benchmarks: [...new Set(input.benchmarks)].sort((a, b) => a - b),
      deliveredBy: trimmedOrNull(input.deliveredBy),
      forGroups: [...new Set(input.forGroups)],
      sendAdaptations: trimmedOrNull(input.sendAdaptations),
      startsOn: trimmedOrNull(input.startsOn),
      endsOn: trimmedOrNull(input.endsOn),
    },
  };
}

/** Items as the API gives them, with their linked encounters (one query for all) and their status as of `today`. */
export async function itemViews(em: EntityManager, schoolId: string, rows: readonly ProgrammePlanItem[], today: string, now: Date): Promise<PlanItem[]> {
  const ids = [...new Set(rows.flatMap((row) => row.encounterIds))];
  const encounters = ids.length === 0 ? [] : await em.find(Encounter, { id: { $in: ids }, schoolId });
  const byId = new Map(encounters.map((encounter) => [encounter.id, encounter]));
  return rows.map((row) => {
    const linked = row.encounterIds.map((id) => byId.get(id)).filter((encounter): encounter is Encounter => !!encounter);
    return Object.assign(new PlanItem(), {
      id: row.id,
      academicYear: row.academicYear,
      halfTerm: row.halfTerm,
      yearGroups: row.yearGroups,
      title: row.title,
      purpose: row.purpose,
      learningOutcomes: row.learningOutcomes,
      cdiAreas: row.cdiAreas,
      benchmarks: row.benchmarks,
      deliveredBy: row.deliveredBy,
      forGroups: row.forGroups,
      sendAdaptations: row.sendAdaptations,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      status: planItemStatus(
        row.academicYear,
        row.halfTerm,
        linked.some((encounter) => encounter.date <= now),
        today,
      ),
      encounters: linked,
      copied: row.copiedFromId !== null,
    });
  });
}

const halfTermOrder = new Map(HALF_TERM_KEYS.map((key, index) => [key, index]));

/** A school's plan for a year, its items by half term then title. */
export async function planOf(ctx: EncountersContext, schoolId: string, academicYear: number, today: string, now: Date): Promise<ProgrammePlan> {
  const rows = await ctx.em.find(ProgrammePlanItem, { schoolId, academicYear }, { orderBy: { title: 'asc', id: 'asc' } });
  rows.sort((a, b) => halfTermOrder.get(a.halfTerm)! - halfTermOrder.get(b.halfTerm)!);
  return Object.assign(new ProgrammePlan(), {
    school: stubOf(School, schoolId),
    academicYear,
    label: academicYearLabel(academicYear),
    halfTerms: HALF_TERM_KEYS.map((halfTerm) =>
      Object.assign(new ProgrammeHalfTerm(), { halfTerm, label: HALF_TERMS[halfTerm], ...halfTermDates(academicYear, halfTerm) }),
    ),
    items: await itemViews(ctx.em, schoolId, rows, today, now),
    canEdit: canEditPlan(ctx),
  });
}

/**
 * Copies every item of the year before into `academicYear`, without its linked encounters and dates
 * (last year's days are not this year's). Items copied already are skipped, so running it twice copies
 * nothing more; the unique (school, copied from) index holds that even for two copies at once.
 */
export async function copyPlanForward(
  ctx: EncountersContext,
  schoolId: string,
  trustId: string | null,
  academicYear: number,
): Promise<{ copied: number; alreadyCopied: number }> {
  const previous = await ctx.em.find(ProgrammePlanItem, { schoolId, academicYear: academicYear - 1 }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  if (previous.length === 0) return { copied: 0, alreadyCopied: 0 };
  const done = new Set(
    (await ctx.em.find(ProgrammePlanItem, { schoolId, copiedFromId: { $in: previous.map((item) => item.id) } }, { fields: ['copiedFromId'] })).map(
      (item) => item.copiedFromId,
    ),
  );
  const now = new Date();
  const fresh = previous.filter((item) => !done.has(item.id));
  if (fresh.length === 0) return { copied: 0, alreadyCopied: done.size };
  // ON CONFLICT DO NOTHING: a copy running at the same moment has inserted some already; they count as copied before.
  const result = await ctx.em
    .createQueryBuilder(ProgrammePlanItem)
    .insert(
      fresh.map((item) => ({
        id: randomUUID(),
        schoolId,
        trustId,
        academicYear,
        halfTerm: item.halfTerm,
        yearGroups: item.yearGroups,
        title: item.title,
        purpose: item.purpose,
        learningOutcomes: item.learningOutcomes,
        cdiAreas: item.cdiAreas,
        benchmarks: item.benchmarks,
        deliveredBy: item.deliveredBy,
        forGroups: item.forGroups,
        sendAdaptations: item.sendAdaptations,
        startsOn: null,
        endsOn: null,
        encounterIds: [],
        copiedFromId: item.id,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .onConflict(['schoolId', 'copiedFromId'])
    .ignore()
    .execute<{ affectedRows: number }>('run');
  const copied = result.affectedRows;
  return { copied, alreadyCopied: previous.length - copied };
}
