import {
  RemoveSelfEvaluationAnswerDocument,
  SelfEvaluationDocument,
  SelfEvaluationSnapshotsDocument,
  SelfEvaluationSummaryDocument,
  TakeSelfEvaluationSnapshotDocument,
  type SelfEvaluationSnapshotFieldsFragment,
  SetSelfEvaluationAnswerDocument,
  type SelfEvaluationAreaFieldsFragment,
  type SelfEvaluationQuery,
} from '../../../gql/graphql';

// The documents are in self-evaluation.graphql; these are their typed texts (frontends/README.md).
export const SELF_EVALUATION_QUERY = SelfEvaluationDocument.toString();
export const SET_SELF_EVALUATION_ANSWER_MUTATION = SetSelfEvaluationAnswerDocument.toString();
export const REMOVE_SELF_EVALUATION_ANSWER_MUTATION = RemoveSelfEvaluationAnswerDocument.toString();

export type { SelfEvaluationAnswer, SelfEvaluationReading, SelfEvaluationState } from '../../../gql/graphql';
export type SelfEvaluationArea = SelfEvaluationAreaFieldsFragment;
export type SelfEvaluationBenchmark = NonNullable<SelfEvaluationQuery['selfEvaluation']>['benchmarks'][number];

export const SELF_EVALUATION_SNAPSHOTS_QUERY = SelfEvaluationSnapshotsDocument.toString();
export const TAKE_SELF_EVALUATION_SNAPSHOT_MUTATION = TakeSelfEvaluationSnapshotDocument.toString();
export const SELF_EVALUATION_SUMMARY_QUERY = SelfEvaluationSummaryDocument.toString();
export type SelfEvaluationSnapshot = SelfEvaluationSnapshotFieldsFragment;
