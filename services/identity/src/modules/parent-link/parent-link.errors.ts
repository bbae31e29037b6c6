import { mutationError, type FieldError, type MutationError } from '@waymark/subgraph-kit';

export enum ParentLinkErrorCode {
  InvalidInput = 'PARENT_LINK_INVALID',
  PupilNotFound = 'PARENT_LINK_PUPIL_NOT_FOUND',
  NotAParentAccount = 'PARENT_LINK_NOT_A_PARENT_ACCOUNT',
  AccountDisabled = 'PARENT_LINK_ACCOUNT_DISABLED',
  NotFound = 'PARENT_LINK_NOT_FOUND',
}

/** The expected ways linking and unlinking can fail: returned in the result, never thrown. */
export const ParentLinkErrors = {
  invalid(fields: FieldError[]): MutationError {
    return mutationError(ParentLinkErrorCode.InvalidInput, 'Some of the details need changing.', fields);
  },
  pupilNotFound(): MutationError {
    return mutationError(ParentLinkErrorCode.PupilNotFound, 'There is no pupil with that id at your school.', [
      { field: 'pupilId', message: 'Not a pupil of your school.' },
    ]);
  },
  notAParentAccount(): MutationError {
    return mutationError(
      ParentLinkErrorCode.NotAParentAccount,
      "That email already belongs to a Waymark account that is not a parent's, so it cannot be linked to a pupil. Use another email for the parent.",
      [{ field: 'email', message: "Already used by an account that is not a parent's." }],
    );
  },
  accountDisabled(): MutationError {
    return mutationError(ParentLinkErrorCode.AccountDisabled, "That parent's account has been disabled, so it cannot be linked. Contact Waymark support.", [
      { field: 'email', message: 'The account with this email is disabled.' },
    ]);
  },
  notFound(): MutationError {
    return mutationError(ParentLinkErrorCode.NotFound, 'That parent account is not linked to a pupil of your school with that id.');
  },
};
