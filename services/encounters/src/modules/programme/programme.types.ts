import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CDI_AREA_KEYS, HALF_TERM_KEYS, type CdiArea, type HalfTerm, type PlanItemStatus, type VulnerableGroupCode } from '@waymark/domain';
import { MutationError } from '@waymark/subgraph-kit';
import { Encounter } from '../encounter/encounter.entity.js';
import { School } from '../external/external.entity.js';
import { VulnerableGroupEnum } from '../benchmarks/benchmarks.types.js';

export const HalfTermEnum = Object.fromEntries(HALF_TERM_KEYS.map((key) => [key, key])) as { [K in HalfTerm]: K };
registerEnumType(HalfTermEnum, { name: 'HalfTerm', description: 'The six half terms of an academic year, Autumn 1 to Summer 2.' });

export const CdiAreaEnum = Object.fromEntries(CDI_AREA_KEYS.map((key) => [key, key])) as { [K in CdiArea]: K };
registerEnumType(CdiAreaEnum, { name: 'CdiArea', description: 'The six areas of the CDI Career Development Framework.' });

export const PlanItemStatusEnum = { DELIVERED: 'DELIVERED', PLANNED: 'PLANNED', SLIPPED: 'SLIPPED' } as const;
registerEnumType(PlanItemStatusEnum, {
  name: 'PlanItemStatus',
  description: 'DELIVERED: a linked encounter has happened; PLANNED: its half term is not over; SLIPPED: its half term is over and nothing was delivered.',
});

@ObjectType({ description: 'A half term of the plan with its rough dates (schools set their own term dates; docs/domain-rules.md).' })
export class ProgrammeHalfTerm {
  @Field(() => HalfTermEnum)
  halfTerm: HalfTerm;

  @Field()
  label: string;

  @Field({ description: 'YYYY-MM-DD' })
  startsOn: string;

  @Field({ description: 'YYYY-MM-DD' })
  endsOn: string;
}

@ObjectType({ description: "A planned activity of a school's careers programme." })
export class PlanItem {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  academicYear: number;

  @Field(() => HalfTermEnum)
  halfTerm: HalfTerm;

  @Field(() => [Int])
  yearGroups: number[];

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  purpose: string | null;

  @Field(() => String, { nullable: true })
  learningOutcomes: string | null;

  @Field(() => [CdiAreaEnum], { description: 'The CDI framework areas its learning outcomes map to.' })
  cdiAreas: CdiArea[];

  @Field(() => [Int])
  benchmarks: number[];

  @Field(() => String, { nullable: true, description: 'Who delivers it, in the leader\'s words ("Careers adviser", "Local college").' })
  deliveredBy: string | null;

  @Field(() => [VulnerableGroupEnum], { description: 'The groups of pupils it is for; empty: every pupil of its year groups.' })
  forGroups: VulnerableGroupCode[];

  @Field(() => String, { nullable: true })
  sendAdaptations: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  startsOn: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  endsOn: string | null;

  @Field(() => PlanItemStatusEnum)
  status: PlanItemStatus;

  @Field(() => [Encounter], { description: 'The encounters that delivered it, in the order they were linked.' })
  encounters: Encounter[];

  @Field({ description: 'Whether it was copied forward from the year before.' })
  copied: boolean;
}

@ObjectType({ description: "A school's careers programme plan for one academic year." })
export class ProgrammePlan {
  @Field(() => School)
  school: School;

  @Field(() => Int)
  academicYear: number;

  @Field({ description: '"2026/27"' })
  label: string;

  @Field(() => [ProgrammeHalfTerm])
  halfTerms: ProgrammeHalfTerm[];

  @Field(() => [PlanItem], { description: 'Ordered by half term, then title.' })
  items: PlanItem[];

  @Field({ description: "Whether the caller may change the plan (the school's careers leaders and staff)." })
  canEdit: boolean;
}

@InputType()
export class PlanItemInput {
  @Field(() => Int)
  academicYear: number;

  @Field(() => HalfTermEnum)
  halfTerm: HalfTerm;

  @Field(() => [Int])
  yearGroups: number[];

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  purpose?: string | null;

  @Field(() => String, { nullable: true })
  learningOutcomes?: string | null;

  @Field(() => [CdiAreaEnum], { defaultValue: [] })
  cdiAreas: CdiArea[];

  @Field(() => [Int])
  benchmarks: number[];

  @Field(() => String, { nullable: true })
  deliveredBy?: string | null;

  @Field(() => [VulnerableGroupEnum], { defaultValue: [], description: 'Empty: every pupil of its year groups.' })
  forGroups: VulnerableGroupCode[];

  @Field(() => String, { nullable: true })
  sendAdaptations?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, in the academic year.' })
  startsOn?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, on or after startsOn, in the academic year.' })
  endsOn?: string | null;
}

@InputType()
export class UpdatePlanItemInput extends PlanItemInput {
  @Field(() => ID)
  id: string;
}

@InputType()
export class PlanEncounterLinkInput {
  @Field(() => ID)
  itemId: string;

  @Field(() => ID)
  encounterId: string;
}

@ObjectType()
export class PlanItemResult {
  @Field(() => PlanItem, { nullable: true })
  item: PlanItem | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

@ObjectType()
export class DeletePlanItemResult {
  @Field(() => ID, { nullable: true })
  deletedId: string | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

@ObjectType()
export class CopyProgrammePlanResult {
  @Field(() => Int, { description: 'Items of the year before copied into this year now.' })
  copied: number;

  @Field(() => Int, { description: 'Items of the year before left alone because they were copied already.' })
  alreadyCopied: number;

  @Field(() => ProgrammePlan, { nullable: true })
  plan: ProgrammePlan | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}
