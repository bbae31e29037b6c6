import { mutationError, type FieldError, type MutationError } from '@waymark/subgraph-kit';

export enum ApiCredentialErrorCode {
  InvalidInput = 'API_CREDENTIAL_INVALID',
  NotFound = 'API_CREDENTIAL_NOT_FOUND',
}

export const ApiCredentialErrors = {
  invalid(fields: FieldError[]): MutationError {
    return mutationError(ApiCredentialErrorCode.InvalidInput, 'Some of the details need changing.', fields);
  },
  notFound(): MutationError {
    return mutationError(ApiCredentialErrorCode.NotFound, 'There is no API credential with that id for your trust.');
  },
};
