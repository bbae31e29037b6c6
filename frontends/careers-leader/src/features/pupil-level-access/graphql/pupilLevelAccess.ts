import { GrantPupilLevelAccessDocument, TrustAnalystsDocument, WithdrawPupilLevelAccessDocument, type TrustAnalystsQuery } from '../../../gql/graphql';

// The documents are in pupilLevelAccess.graphql; these are their typed texts (frontends/README.md).
export const TRUST_ANALYSTS_QUERY = TrustAnalystsDocument.toString();
export const GRANT_PUPIL_LEVEL_ACCESS_MUTATION = GrantPupilLevelAccessDocument.toString();
export const WITHDRAW_PUPIL_LEVEL_ACCESS_MUTATION = WithdrawPupilLevelAccessDocument.toString();

export type TrustAnalyst = NonNullable<TrustAnalystsQuery['trustAnalysts']>[number];
