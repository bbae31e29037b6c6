import { randomUUID } from 'node:crypto';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { todayInEngland } from '@waymark/domain';
import { isUuid, mutationError, scopeOf } from '@waymark/subgraph-kit';
import type { EncountersContext } from '../../app.js';
import { Encounter } from '../encounter/encounter.entity.js';
import { ProgrammePlanItem } from './plan-item.entity.js';
import { canEditPlan, checkAcademicYear, copyPlanForward, itemViews, planItemValues, planOf, planSchool } from './programme.service.js';
import {
  CopyProgrammePlanResult,
  DeletePlanItemResult,
  PlanEncounterLinkInput,
  PlanItemInput,
  PlanItemResult,
  ProgrammePlan,
  UpdatePlanItemInput,
} from './programme.types.js';

/*
 * The careers programme planner (docs/domain-rules.md, "Programme planner"; docs/api-contract.md,
 * "Programme planner"). Reading: the school's careers leaders, staff and careers advisers, and its
 * trust's analysts. Changing: the school's careers leaders and staff, their own school only; another
 * school's items and encounters are answered as not found, whatever the id.
 */

const NOT_YOURS = () => mutationError('NOT_YOUR_SCHOOL', "Only a school's own careers leaders and staff can change its careers programme plan.");
const NO_ITEM = () =>
  mutationError('PLAN_ITEM_NOT_FOUND', "There is no such planned activity in your school's plan.", [
    { field: 'id', message: 'Choose a planned activity of your school.' },
  ]);
const NO_ENCOUNTER = () =>
  mutationError('ENCOUNTER_NOT_FOUND', 'There is no such encounter at your school.', [
    { field: 'encounterId', message: "Choose one of your school's encounters." },
  ]);

/** The caller's own school when they may change its plan, else null. */
function editingSchool(ctx: EncountersContext): { schoolId: string; trustId: string | null } | null {
  if (!canEditPlan(ctx)) return null;
  const scope = scopeOf(ctx.principal);
  return scope.kind === 'school' ? { schoolId: scope.schoolId, trustId: ctx.principal.trustId ?? null } : null;
}

async function ownItem(ctx: EncountersContext, schoolId: string, id: string): Promise<ProgrammePlanItem | null> {
  if (!isUuid(id)) return null;
  return ctx.em.findOne(ProgrammePlanItem, { id: id.toLowerCase(), schoolId });
}

async function viewOf(ctx: EncountersContext, schoolId: string, row: ProgrammePlanItem) {
  const [view] = await itemViews(ctx.em, schoolId, [row], todayInEngland(), new Date());
  return view;
}

@Resolver()
export class ProgrammeResolver {
  @Authorized('careers_leader', 'staff', 'careers_adviser', 'trust_analyst')
  @Query(() => ProgrammePlan, {
    nullable: true,
    description:
      "A school's careers programme plan for an academic year (named by the year it starts in), by half term, each item with what delivered it and its status. Staff: their own school (the default); trust analysts: a school of their trust, read-only.",
  })
  async programmePlan(
    @Arg('academicYear', () => Int) academicYear: number,
    @Arg('schoolId', () => ID, { nullable: true }) schoolId: string | null,
    @Ctx() ctx: EncountersContext,
  ): Promise<ProgrammePlan> {
    checkAcademicYear(academicYear);
    const school = await planSchool(ctx, schoolId, academicYear);
    return planOf(ctx, school, academicYear, todayInEngland(), new Date());
  }

  @Authorized('careers_leader', 'staff')
  @Mutation(() => PlanItemResult, { description: "Adds a planned activity to the caller's own school's plan." })
  async createPlanItem(@Arg('input', () => PlanItemInput) input: PlanItemInput, @Ctx() ctx: EncountersContext): Promise<PlanItemResult> {
    const own = editingSchool(ctx);
    if (!own) return { item: null, error: NOT_YOURS() };
    const checked = planItemValues(input);
    if ('error' in checked) return { item: null, error: checked.error };
    const now = new Date();
    const row = ctx.em.create(ProgrammePlanItem, {
      id: randomUUID(),
      ...own,
      ...checked.values,
      encounterIds: [],
      copiedFromId: null,
      createdAt: now,
      updatedAt: now,
    });
    await ctx.em.flush();
    return { item: await viewOf(ctx, own.schoolId, row), error: null };
  }

  @Authorized('careers_leader', 'staff')
  @Mutation(() => PlanItemResult, {
    description: "Changes a planned activity of the caller's own school as a whole; it stays in its academic year, its links stay.",
  })
  async updatePlanItem(@Arg('input', () => UpdatePlanItemInput) input: UpdatePlanItemInput, @Ctx() ctx: EncountersContext): Promise<PlanItemResult> {
    const own = editingSchool(ctx);
    if (!own) return { item: null, error: NOT_YOURS() };
    const row = await ownItem(ctx, own.schoolId, input.id);
    if (!row) return { item: null, error: NO_ITEM() };
    const checked = planItemValues(input);
    if ('error' in checked) return { item: null, error: checked.error };
    if (checked.values.academicYear !== row.academicYear) {
      return {
        item: null,
        error: mutationError('PLAN_ITEM_INVALID', 'Some details of the planned activity need changing.', [
          { field: 'academicYear', message: 'A planned activity stays in its academic year: copy the plan forward for the next one' },
        ]),
      };
    }
    ctx.em.assign(row, { ...checked.values, updatedAt: new Date() });
    await ctx.em.flush();
    return { item: await viewOf(ctx, own.schoolId, row), error: null };
  }

  @Authorized('careers_leader', 'staff')
  @Mutation(() => DeletePlanItemResult, { description: "Removes a planned activity from the caller's own school's plan (the encounters it links to stay)." })
  async deletePlanItem(@Arg('id', () => ID) id: string, @Ctx() ctx: EncountersContext): Promise<DeletePlanItemResult> {
    const own = editingSchool(ctx);
    if (!own) return { deletedId: null, error: NOT_YOURS() };
    const row = await ownItem(ctx, own.schoolId, id);
    if (!row) return { deletedId: null, error: NO_ITEM() };
    ctx.em.remove(row);
    await ctx.em.flush();
    return { deletedId: row.id, error: null };
  }

  @Authorized('careers_leader', 'staff')
  @Mutation(() => PlanItemResult, {
    description: "Links one of the school's own encounters to a planned activity as what delivered it (linking it again changes nothing).",
  })
  async linkPlanEncounter(@Arg('input', () => PlanEncounterLinkInput) input: PlanEncounterLinkInput, @Ctx() ctx: EncountersContext): Promise<PlanItemResult> {
    const own = editingSchool(ctx);
    if (!own) return { item: null, error: NOT_YOURS() };
    const row = await ownItem(ctx, own.schoolId, input.itemId);
    if (!row) return { item: null, error: NO_ITEM() };
    const encounter = isUuid(input.encounterId) ? await ctx.em.findOne(Encounter, { id: input.encounterId.toLowerCase(), schoolId: own.schoolId }) : null;
    if (!encounter) return { item: null, error: NO_ENCOUNTER() };
    if (!row.encounterIds.includes(encounter.id)) {
      row.encounterIds = [...row.encounterIds, encounter.id];
      row.updatedAt = new Date();
      await ctx.em.flush();
    }
    return { item: await viewOf(ctx, own.schoolId, row), error: null };
  }

  @Authorized('careers_leader', 'staff')
  @Mutation(() => PlanItemResult, { description: 'Unlinks an encounter from a planned activity (the encounter itself stays).' })
  async unlinkPlanEncounter(@Arg('input', () => PlanEncounterLinkInput) input: PlanEncounterLinkInput, @Ctx() ctx: EncountersContext): Promise<PlanItemResult> {
    const own = editingSchool(ctx);
    if (!own) return { item: null, error: NOT_YOURS() };
    const row = await ownItem(ctx, own.schoolId, input.itemId);
    if (!row) return { item: null, error: NO_ITEM() };
    const id = input.encounterId.toLowerCase();
    if (!row.encounterIds.includes(id)) return { item: null, error: NO_ENCOUNTER() };
    row.encounterIds = row.encounterIds.filter((linked) => linked !== id);
    row.updatedAt = new Date();
    await ctx.em.flush();
    return { item: await viewOf(ctx, own.schoolId, row), error: null };
  }

  @Authorized('careers_leader', 'staff')
  @Mutation(() => CopyProgrammePlanResult, {
    description:
      "Copies every planned activity of the academic year before into `academicYear` of the caller's own school, without links or dates. Items copied already are skipped, so running it again is safe.",
  })
  async copyProgrammePlanForward(@Arg('academicYear', () => Int) academicYear: number, @Ctx() ctx: EncountersContext): Promise<CopyProgrammePlanResult> {
    const own = editingSchool(ctx);
    if (!own) return { copied: 0, alreadyCopied: 0, plan: null, error: NOT_YOURS() };
    checkAcademicYear(academicYear);
    const counts = await copyPlanForward(ctx, own.schoolId, own.trustId, academicYear);
    return { ...counts, plan: await planOf(ctx, own.schoolId, academicYear, todayInEngland(), new Date()), error: null };
  }
}
