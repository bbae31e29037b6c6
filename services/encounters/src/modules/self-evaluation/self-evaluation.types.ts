import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
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

export const SnapshotKindEnum = { SCHEDULED: 'SCHEDULED', ON_DEMAND: 'ON_DEMAND' } as const;
registerEnumType(SnapshotKindEnum, {
  name: 'SelfEvaluationSnapshotKind',
  description: 'Kept on 31 December, 31 March or 31 July (SCHEDULED), or when the careers leader asked (ON_DEMAND).',
});

@ObjectType({ description: "One benchmark's score as a snapshot kept it." })
export class SelfEvaluationSnapshotScore {
  @Field(() => Int)
  benchmark: number;

  @Field(() => Float, { description: 'The share of areas achieved, from 0 to 1.' })
  score: number;

  @Field(() => Int)
  achieved: number;

  @Field(() => Int, { description: 'How many areas the benchmark has.' })
  areas: number;

  @Field(() => ScoreReadingEnum)
  reading: ScoreReading;
}

@ObjectType({ description: "One area's state as a snapshot kept it." })
export class SelfEvaluationSnapshotArea {
  @Field()
  key: string;

  @Field(() => AreaStateEnum)
  state: AreaState;
}

@ObjectType({ description: "A school's self-evaluation as it stood on a day: kept once, never changed." })
export class SelfEvaluationSnapshot {
  @Field(() => ID)
  id: string;

  @Field({ description: 'The day it stands for (YYYY-MM-DD, in England).' })
  takenOn: string;

  @Field(() => SnapshotKindEnum)
  kind: 'SCHEDULED' | 'ON_DEMAND';

  @Field(() => Date)
  takenAt: Date;

  @Field(() => String, { nullable: true, description: 'Who asked for it; null for the scheduled ones.' })
  takenByName: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The day the records' answers were worked out: the same day when taken on demand; for a scheduled one, the last time the school's staff opened the self-evaluation (null: never, so those areas were kept as not enough evidence).",
  })
  recordsReadOn: string | null;

  @Field(() => [SelfEvaluationSnapshotScore])
  scores: SelfEvaluationSnapshotScore[];

  @Field(() => [SelfEvaluationSnapshotArea])
  areas: SelfEvaluationSnapshotArea[];
}

@ObjectType()
export class TakeSelfEvaluationSnapshotResult {
  @Field(() => SelfEvaluationSnapshot, { nullable: true })
  snapshot: SelfEvaluationSnapshot | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

@ObjectType({ description: "One benchmark's score in a trust's side-by-side, with how far it has moved since the school's last snapshot." })
export class TrustSelfEvaluationScore {
  @Field(() => Int)
  benchmark: number;

  @Field()
  name: string;

  @Field(() => Float, { description: 'The share of areas achieved, from 0 to 1.' })
  score: number;

  @Field(() => Int)
  achieved: number;

  @Field(() => Int, { description: 'How many areas the benchmark has.' })
  areas: number;

  @Field(() => ScoreReadingEnum)
  reading: ScoreReading;

  @Field(() => Float, {
    nullable: true,
    description:
      "The score now less the score at the school's last snapshot (from -1 to 1). Null when the school has no snapshot, and, for analysts without pupil-level access, on a benchmark with areas worked out from vulnerable-group figures (a snapshot keeps those from exact figures).",
  })
  change: number | null;
}

@ObjectType({ description: "One school's eight self-evaluation scores, as the trust sees them side by side." })
export class TrustSelfEvaluationSchool {
  @Field(() => School, { nullable: true })
  school: School;

  @Field(() => String, { nullable: true, description: "The day the school's last snapshot stands for (YYYY-MM-DD, in England); null when none was kept." })
  lastSnapshotOn: string | null;

  @Field(() => [TrustSelfEvaluationScore], { description: 'Benchmarks 1 to 8, in order.' })
  scores: TrustSelfEvaluationScore[];
}

@ObjectType({ description: "Every school of the caller's trust with its eight self-evaluation scores." })
export class TrustSelfEvaluation {
  @Field({ description: 'The day the records were read (YYYY-MM-DD, in England).' })
  asOf: string;

  @Field(() => Int)
  academicYear: number;

  @Field({
    description: 'Whether vulnerable-group figures were rounded to the nearest 5 before the areas were worked out (analysts without pupil-level access).',
  })
  groupFiguresRounded: boolean;

  @Field(() => [TrustSelfEvaluationSchool])
  schools: TrustSelfEvaluationSchool[];
}
