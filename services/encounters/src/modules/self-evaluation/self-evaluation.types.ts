import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MutationError } from '@waymark/subgraph-kit';
import { School } from '../external/external.entity.js';
import type { AreaState, LeaderState, ScoreReading } from './self-evaluation.rules.js';

export const AreaStateEnum = {
  ACHIEVED: 'ACHIEVED',
  IN_PROGRESS: 'IN_PROGRESS',
  NOT_ACHIEVED: 'NOT_ACHIEVED',
  NOT_ENOUGH_EVIDENCE: 'NOT_ENOUGH_EVIDENCE',
} as const;
registerEnumType(AreaStateEnum, { name: 'SelfEvaluationState', description: 'Where a school stands on one assessment area.' });

export const LeaderStateEnum = { ACHIEVED: 'ACHIEVED', IN_PROGRESS: 'IN_PROGRESS', NOT_ACHIEVED: 'NOT_ACHIEVED' } as const;
registerEnumType(LeaderStateEnum, { name: 'SelfEvaluationAnswer', description: "A careers leader's own answer to an assessment area." });

export const AnsweredByEnum = { RECORDS: 'RECORDS', LEADER: 'LEADER' } as const;
registerEnumType(AnsweredByEnum, {
  name: 'SelfEvaluationAnsweredBy',
  description: "Whether an area is pre-filled from Waymark's records or answered by the careers leader.",
});

export const ScoreReadingEnum = { GREEN: 'GREEN', AMBER: 'AMBER', RED: 'RED' } as const;
registerEnumType(ScoreReadingEnum, { name: 'SelfEvaluationReading', description: 'Green from 75% of areas achieved, amber from 40%, red below.' });

@ObjectType({ description: "A careers leader's answer to an area, which wins over the records until it is removed." })
export class SelfEvaluationOverrideView {
  @Field(() => LeaderStateEnum)
  state: LeaderState;

  @Field()
  reason: string;

  @Field()
  setByName: string;

  @Field(() => Date)
  setAt: Date;
}

@ObjectType()
export class SelfEvaluationArea {
  @Field({ description: 'A stable key, such as B5_EACH_YEAR.' })
  key: string;

  @Field()
  text: string;

  @Field(() => AnsweredByEnum)
  answeredBy: 'RECORDS' | 'LEADER';

  @Field(() => AreaStateEnum, { description: "The area's state: the leader's answer when there is one, otherwise the records'." })
  state: AreaState;

  @Field(() => AreaStateEnum, { description: 'What the records say (NOT_ENOUGH_EVIDENCE for an area the leader has not answered).' })
  prefillState: AreaState;

  @Field({ description: 'Where the pre-filled answer came from, in plain English.' })
  source: string;

  @Field(() => SelfEvaluationOverrideView, { nullable: true })
  override: SelfEvaluationOverrideView | null;
}

@ObjectType()
export class SelfEvaluationBenchmark {
  @Field(() => Int)
  benchmark: number;

  @Field()
  name: string;

  @Field(() => Float, { description: 'The share of areas achieved, from 0 to 1 (in progress counts nothing).' })
  score: number;

  @Field(() => Int)
  achieved: number;

  @Field(() => ScoreReadingEnum)
  reading: ScoreReading;

  @Field(() => [SelfEvaluationArea])
  areas: SelfEvaluationArea[];
}

@ObjectType()
export class SelfEvaluation {
  @Field(() => School, { nullable: true })
  school: School;

  @Field({ description: 'The day the records were read (YYYY-MM-DD, in England).' })
  asOf: string;

  @Field(() => Int)
  academicYear: number;

  @Field({ description: "Whether the caller may answer areas: the school's careers leaders." })
  canAnswer: boolean;

  @Field(() => [SelfEvaluationBenchmark])
  benchmarks: SelfEvaluationBenchmark[];
}

@InputType()
export class SetSelfEvaluationAnswerInput {
  @Field()
  areaKey: string;

  @Field(() => LeaderStateEnum)
  state: LeaderState;

  @Field()
  reason: string;
}

@ObjectType()
export class SelfEvaluationAnswerResult {
  @Field(() => SelfEvaluationArea, { nullable: true })
  area: SelfEvaluationArea | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}
