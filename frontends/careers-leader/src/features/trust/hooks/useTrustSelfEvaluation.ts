import { useQuery } from '@waymark/graphql-client';
import { TRUST_SELF_EVALUATION_QUERY } from '../graphql/trustSelfEvaluation';

/** Every school of the trust with its eight self-evaluation scores. */
export function useTrustSelfEvaluation() {
  const query = useQuery(TRUST_SELF_EVALUATION_QUERY);
  return { ...query, sideBySide: query.data?.trustSelfEvaluation ?? null };
}
