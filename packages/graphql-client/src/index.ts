export {
  GRAPHQL_ENDPOINT,
  GraphQLRequestError,
  MISSING_DATA,
  NETWORK_ERROR,
  UNAUTHENTICATED,
  isUnauthenticated,
  request,
  required,
  type GraphQLErrorItem,
  type RequestOptions,
  type TypedDocument,
  type Variables,
} from './client.js';
export { useMutation, useQuery, type MutationResult, type MutationRunner, type MutationState, type QueryOptions, type QueryState } from './hooks.js';
export { SignInError, signIn, signInStepOf, signOut, submitSecondFactor, type SessionAccount, type SignInStep } from './auth.js';
export { ME_QUERY, useSession, type Session, type SessionControls } from './session.js';
export {
  ChangePasswordDocument,
  ConfirmSecondFactorDocument,
  CreateRecoveryCodesDocument,
  CreateTrustApiKeyDocument,
  EndSignedInDeviceDocument,
  RevokeTrustApiKeyDocument,
  SetSecondFactorRequirementDocument,
  StartSecondFactorEnrolmentDocument,
  TrustApiKeysDocument,
  TurnOffSecondFactorDocument,
  YourAccountDocument,
  type TrustApiKeysQuery,
  type YourAccountQuery,
} from './gql/graphql.js';
