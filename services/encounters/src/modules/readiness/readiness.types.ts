import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { READINESS_ITEM_KEYS, type ReadinessItem } from '@waymark/domain';
import { MutationError } from '@waymark/subgraph-kit';
import { VulnerableGroupEnum } from '../benchmarks/benchmarks.types.js';
import type { VulnerableGroupCode } from '@waymark/domain';

export const ReadinessItemEnum = Object.fromEntries(READINESS_ITEM_KEYS.map((key) => [key, key])) as { [K in ReadinessItem]: K };
registerEnumType(ReadinessItemEnum, {
  name: 'ReadinessItem',
  description: "A question of the career readiness questionnaire (the words are in @waymark/domain's READINESS_ITEMS).",
});

@InputType()
export class ReadinessAnswerInput {
  @Field(() => ReadinessItemEnum)
  item: ReadinessItem;

  @Field(() => Int, { description: '1 (not yet) to 4 (yes, definitely).' })
  value: number;
}

@ObjectType()
export class ReadinessAnswer {
  @Field(() => ReadinessItemEnum)
  item: ReadinessItem;

  @Field(() => Int)
  value: number;
}

@ObjectType({ description: "A pupil's answers in one academic year." })
export class ReadinessResponseView {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  academicYear: number;

  @Field(() => Int, { description: 'Their year group when they answered.' })
  yearGroup: number;

  @Field(() => [ReadinessAnswer])
  answers: ReadinessAnswer[];

  @Field(() => Date)
  submittedAt: Date;
}

@ObjectType()
export class SubmitReadinessResult {
  @Field(() => ReadinessResponseView, { nullable: true })
  response: ReadinessResponseView | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

@ObjectType({ description: 'One question: how many answered it and the share who answered positively (3 or 4).' })
export class ReadinessItemShare {
  @Field(() => ReadinessItemEnum)
  item: ReadinessItem;

  @Field(() => Int, { nullable: true, description: 'Whole per cent; null when nobody answered.' })
  positivePercent: number | null;
}

@ObjectType({ description: 'The answers of one year group, or of one vulnerable group within it.' })
export class ReadinessGroupResult {
  @Field(() => Int)
  yearGroup: number;

  @Field(() => VulnerableGroupEnum, { nullable: true, description: 'Null: every pupil in the year group.' })
  group: VulnerableGroupCode | null;

  @Field(() => Int, { description: 'Pupils on roll in the year group (or group).' })
  onRoll: number;

  @Field(() => Int, { description: 'Of them, those who answered this academic year.' })
  answered: number;

  @Field(() => [ReadinessItemShare])
  items: ReadinessItemShare[];
}

@ObjectType({ description: "The career readiness answers of the caller's school in one academic year." })
export class ReadinessResults {
  @Field(() => Int)
  academicYear: number;

  @Field(() => [ReadinessGroupResult], { description: 'Each year the questionnaire is asked in, then each vulnerable group with anyone in it.' })
  rows: ReadinessGroupResult[];
}
