import { TrustSelfEvaluationDocument, type TrustSelfEvaluationQuery } from '../../../gql/graphql';

// The document is in trustSelfEvaluation.graphql; this is its typed text (frontends/README.md).
export const TRUST_SELF_EVALUATION_QUERY = TrustSelfEvaluationDocument.toString();

export type TrustSelfEvaluation = NonNullable<TrustSelfEvaluationQuery['trustSelfEvaluation']>;
export type TrustSelfEvaluationSchool = TrustSelfEvaluation['schools'][number];
